#include "case_grouper.h"

#include <QCoreApplication>

#include <algorithm>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CaseGrouper)
};

bool receivedBefore(const ReportFacts &a, const ReportFacts &b)
{
    // An unknown receipt time sorts last: it cannot be placed in any window anyway.
    if (a.receivedAt.isValid() != b.receivedAt.isValid())
        return a.receivedAt.isValid();
    if (a.receivedAt != b.receivedAt)
        return a.receivedAt < b.receivedAt;
    return a.evidenceId < b.evidenceId;
}

int severityRank(const QString &severity)
{
    static const QStringList order = {QStringLiteral("info"), QStringLiteral("low"),
                                      QStringLiteral("medium"), QStringLiteral("high"),
                                      QStringLiteral("critical")};
    return int(order.indexOf(severity));
}

QString joinSignals(const QStringList &list)
{
    if (list.size() <= 1)
        return list.value(0);
    return list.mid(0, list.size() - 1).join(QStringLiteral(", ")) + Tr::tr(" and ") + list.last();
}

} // namespace

CaseGrouper::CaseGrouper(CaseGroupingSettings settings)
    : m_settings(settings)
{}

QStringList CaseGrouper::sharedSignals(const CaseKey &a, const CaseKey &b)
{
    QStringList shared;
    if (!a.senderDomain.isEmpty() && a.senderDomain == b.senderDomain)
        shared << Tr::tr("same sender domain %1").arg(a.senderDomain);
    if (!a.subject.isEmpty() && a.subject == b.subject)
        shared << Tr::tr("same normalised subject \u201c%1\u201d").arg(a.subject);
    QStringList links;
    for (const QString &domain : a.linkDomains) {
        if (b.linkDomains.contains(domain))
            links << domain;
    }
    if (!links.isEmpty())
        shared << Tr::tr("overlapping link domains %1").arg(links.join(QStringLiteral(", ")));
    if (!a.originNetwork.isEmpty() && a.originNetwork == b.originNetwork)
        shared << Tr::tr("same origin network %1").arg(a.originNetwork);
    return shared;
}

QString CaseGrouper::joinReason(const ReportFacts &member, const ReportFacts &candidate) const
{
    if (member.key.accountKey() != candidate.key.accountKey() ||
        member.key.kind != candidate.key.kind)
        return {};
    if (!member.receivedAt.isValid() || !candidate.receivedAt.isValid())
        return {};
    const qint64 apart = qAbs(member.receivedAt.secsTo(candidate.receivedAt));
    if (apart > qint64(m_settings.windowDays) * 24 * 3600)
        return {};
    const QStringList shared = sharedSignals(member.key, candidate.key);
    if (shared.isEmpty())
        return {};
    const QString account = candidate.key.isAttributed()
                                ? Tr::tr("same account %1").arg(candidate.key.accountId)
                                : Tr::tr("unattributed");
    const QString window =
        m_settings.windowDays == 1 ? Tr::tr("1 day") : Tr::tr("%1 days").arg(m_settings.windowDays);
    return Tr::tr("%1 and %2 within %3 (as evidence %4)")
        .arg(account, joinSignals(shared), window)
        .arg(member.evidenceId);
}

CaseGrouping CaseGrouper::group(const QList<ExistingCase> &existing,
                                QList<ReportFacts> reports) const
{
    std::sort(reports.begin(), reports.end(), receivedBefore);

    // Every case as a list of members in receipt order: existing ones first, then new ones.
    QList<QList<ReportFacts>> members;
    QList<qint64> caseIds;
    for (const ExistingCase &c : existing) {
        QList<ReportFacts> sorted = c.reports;
        std::sort(sorted.begin(), sorted.end(), receivedBefore);
        members.append(sorted);
        caseIds.append(c.caseId);
    }

    CaseGrouping result;
    for (const ReportFacts &report : reports) {
        CasePlacement placement;
        placement.evidenceId = report.evidenceId;
        for (qsizetype i = 0; i < members.size() && placement.reason.isEmpty(); ++i) {
            for (const ReportFacts &member : members.at(i)) {
                placement.reason = joinReason(member, report);
                if (!placement.reason.isEmpty()) {
                    if (i < existing.size())
                        placement.caseId = caseIds.at(i);
                    else
                        placement.newCaseIndex = int(i - existing.size());
                    break;
                }
            }
        }
        if (placement.reason.isEmpty()) {
            ProposedCase opened;
            opened.key = report.key;
            opened.earliestReceived = report.receivedAt;
            result.newCases.append(opened);
            members.append(QList<ReportFacts>());
            caseIds.append(0);
            placement.newCaseIndex = int(result.newCases.size() - 1);
            placement.reason =
                Tr::tr("opened the case: %1, %2")
                    .arg(report.key.accountDescription(), reportKindKey(report.key.kind));
        }
        if (placement.newCaseIndex >= 0) {
            ProposedCase &target = result.newCases[placement.newCaseIndex];
            target.evidenceIds.append(report.evidenceId);
            if (report.receivedAt.isValid() &&
                (!target.earliestReceived.isValid() || report.receivedAt < target.earliestReceived))
                target.earliestReceived = report.receivedAt;
            if (severityRank(report.severity) > severityRank(target.severity))
                target.severity = report.severity;
        }
        const qsizetype index = placement.newCaseIndex < 0
                                    ? caseIds.indexOf(placement.caseId)
                                    : existing.size() + placement.newCaseIndex;
        QList<ReportFacts> &list = members[index];
        list.insert(std::upper_bound(list.begin(), list.end(), report, receivedBefore), report);
        result.placements.append(placement);
    }
    return result;
}

} // namespace Awb
