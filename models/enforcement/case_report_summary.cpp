// The executive summary of the case report: a manager's paragraph, generated from the data so
// that it can never say what the sections below do not show.
#include "enforcement/case_report_data.h"
#include "policy/hong_kong_time.h"
#include "policy/money.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace Awb {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CaseReportData)
};

QString actionText(const QString &action, int days)
{
    if (action == QLatin1String("warning"))
        return Tr::tr("a warning");
    if (action == QLatin1String("suspension"))
        return days > 0 ? Tr::tr("a suspension of %1 days").arg(days) : Tr::tr("a suspension");
    if (action == QLatin1String("termination"))
        return Tr::tr("termination of service");
    if (action == QLatin1String("termination-liability"))
        return Tr::tr("termination of service with liability");
    return Tr::tr("no sanction");
}

QString dayOf(const QDateTime &at)
{
    return englishDate(hongKongDate(at));
}

// "1 report", "3 reports": English plural, whatever the translation state. The caller
// translates both words so that lupdate sees them.
QString count(int n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

QString listText(QStringList items)
{
    if (items.size() <= 1)
        return items.value(0);
    const QString last = items.takeLast();
    return Tr::tr("%1 and %2").arg(items.join(u", "), last);
}

} // namespace

QStringList caseReportSummary(const CaseReportData &data)
{
    QStringList out;
    const CaseRecord &record = data.record;
    const QString account = record.accountId.isEmpty()
                                ? Tr::tr("no account (origin network %1)").arg(record.originKey)
                            : data.accountName.isEmpty()
                                ? Tr::tr("account %1").arg(record.accountId)
                                : Tr::tr("account %1 (%2)").arg(record.accountId, data.accountName);
    QDateTime first, last;
    QSet<QString> formats, reporters, origins;
    QStringList originList;
    for (const CaseReportEntry &report : data.reports) {
        if (report.receivedAt.isValid()) {
            if (!first.isValid() || report.receivedAt < first)
                first = report.receivedAt;
            if (!last.isValid() || report.receivedAt > last)
                last = report.receivedAt;
        }
        formats.insert(report.format);
        if (!report.reporter.isEmpty())
            reporters.insert(report.reporter.toLower());
        if (!report.originIp.isEmpty() && !origins.contains(report.originIp)) {
            origins.insert(report.originIp);
            originList.append(report.originIp);
        }
    }
    QString period;
    if (first.isValid())
        period = first.date() == last.date() || dayOf(first) == dayOf(last)
                     ? Tr::tr(" on %1").arg(dayOf(first))
                     : Tr::tr(" between %1 and %2").arg(dayOf(first), dayOf(last));
    out.append(Tr::tr("Case %1 concerns %2. It holds %3 from %4%5.")
                   .arg(record.publicId, account,
                        count(int(data.reports.size()), Tr::tr("report"), Tr::tr("reports")),
                        count(int(reporters.size()), Tr::tr("distinct reporter"),
                              Tr::tr("distinct reporters")),
                        period));
    if (!originList.isEmpty()) {
        bool ours = false;
        for (const CaseReportEntry &report : data.reports)
            ours = ours || report.originOurs;
        out.append(Tr::tr("The Received chains show the mail originating from %1%2.")
                       .arg(listText(originList),
                            ours ? Tr::tr(", in the provider's own address space") : QString()));
    }
    if (!record.accountId.isEmpty())
        out.append(Tr::tr("The origin was matched to %1 through the provider's IP assignments; the "
                          "account had %2 in the look-back window.")
                       .arg(record.accountId,
                            count(data.confirmedOffences, Tr::tr("confirmed prior offence"),
                                  Tr::tr("confirmed prior offences"))));
    int findings = 0;
    for (const CaseReportEntry &report : data.reports)
        findings += int(report.findings.size());
    if (!data.clauses.isEmpty()) {
        QStringList clauses;
        for (const CaseReportClause &clause : data.clauses) {
            if (!clause.id.startsWith(QLatin1String("6.")))
                clauses.append(Tr::tr("%1 (%2)").arg(clause.id, clause.title));
        }
        if (!clauses.isEmpty())
            out.append(Tr::tr("The analysis recorded %1, engaging policy %2 %3.")
                           .arg(count(findings, Tr::tr("finding"), Tr::tr("findings")),
                                clauses.size() == 1 ? Tr::tr("clause") : Tr::tr("clauses"),
                                listText(clauses)));
    }
    if (!data.decision) {
        out.append(Tr::tr("No enforcement decision has been recorded yet; the case is %1.")
                       .arg(record.status));
    } else {
        const DecisionRecord &decision = data.decision->record;
        QString proposed;
        if (data.decision->recommendation && data.decision->recommendation->proposesAction())
            proposed = Tr::tr("The advisor proposed %1 (rule %2).")
                           .arg(actionText(data.decision->recommendation->action,
                                           data.decision->recommendation->suspensionDays),
                                data.decision->recommendation->ruleId);
        else if (!decision.proposedAction.isEmpty())
            proposed = Tr::tr("The advisor proposed %1.")
                           .arg(actionText(decision.proposedAction, decision.proposedDays));
        if (!proposed.isEmpty())
            out.append(proposed);
        QString chosen = Tr::tr("On %1 %2 decided on %3")
                             .arg(dayOf(decision.decidedAt),
                                  decision.who.isEmpty() ? Tr::tr("the desk") : decision.who,
                                  actionText(decision.chosenAction, decision.chosenDays));
        if (decision.overridden)
            chosen += Tr::tr(", departing from the proposal because: %1").arg(decision.reason);
        else if (!decision.reason.isEmpty())
            chosen += Tr::tr(" (%1)").arg(decision.reason);
        out.append(chosen + QLatin1Char('.'));
        if (data.decision->liability)
            out.append(Tr::tr("A liability statement under policy 6.2 and 6.3 puts %1 due from the "
                              "customer for %2; %3 is retained by the provider.")
                           .arg(formatMoney(data.decision->liability->totalDueCents),
                                count(int(data.decision->liability->incidents.size()),
                                      Tr::tr("incident"), Tr::tr("incidents")),
                                formatMoney(data.decision->liability->forfeitTotalCents)));
    }
    int met = 0, missed = 0;
    for (const CaseDeadline &deadline : data.deadlines) {
        if (deadline.state == QLatin1String("met"))
            ++met;
        else if (deadline.state == QLatin1String("missed") ||
                 deadline.state == QLatin1String("overdue"))
            ++missed;
    }
    out.append(
        Tr::tr("%1 sent; %2 met and %3 missed.")
            .arg(count(int(data.notices.size()), Tr::tr("notice was"), Tr::tr("notices were")),
                 count(met, Tr::tr("deadline"), Tr::tr("deadlines")), QString::number(missed)));
    return out;
}

} // namespace Awb
