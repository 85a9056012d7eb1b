#include "policy/liability.h"

#include "policy/money.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::Liability)
};

QString minute(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                        : Tr::tr("(no date)");
}

QString chargeLabel(const QString &kind)
{
    if (kind == u"delisting-fee")
        return Tr::tr("Delisting fee");
    if (kind == u"reputation-remediation")
        return Tr::tr("IP reputation remediation");
    if (kind == u"administrative-overhead")
        return Tr::tr("Administrative overhead");
    if (kind == u"legal-fees")
        return Tr::tr("Legal fees");
    return kind;
}

void sortByFirstSeen(QList<LiabilityIncident> &incidents)
{
    std::stable_sort(incidents.begin(), incidents.end(),
                     [](const LiabilityIncident &a, const LiabilityIncident &b) {
                         if (a.firstSeen != b.firstSeen)
                             return a.firstSeen < b.firstSeen;
                         if (a.listName != b.listName)
                             return a.listName < b.listName;
                         return a.addressOrRange + a.reference < b.addressOrRange + b.reference;
                     });
}

Result<qint64> addLine(LiabilityStatement &s, const QString &kind, const QString &description,
                       qint64 quantity, qint64 unitCents)
{
    Result<qint64> amount = multiplyMoney(unitCents, quantity);
    if (!amount)
        return Error{Tr::tr("Liability statement, %1: %2").arg(description, amount.error())};
    s.lines.append({kind, description, quantity, unitCents, *amount});
    return amount;
}

} // namespace

QString liabilityIncidentDefinition()
{
    return Tr::tr("An incident is one listing of one address or range on one blocklist, or one "
                  "complaint campaign (policy 6.2). An answer of a combined zone counts as the "
                  "listing it reports (Spamhaus ZEN 127.0.0.2 is the SBL listing).");
}

QStringList liabilityChargeKinds()
{
    return {QStringLiteral("delisting-fee"), QStringLiteral("reputation-remediation"),
            QStringLiteral("administrative-overhead"), QStringLiteral("legal-fees")};
}

QList<LiabilityIncident> incidentsFromListings(const QList<AdvisorListing> &listings)
{
    QList<LiabilityIncident> incidents;
    QHash<QString, qsizetype> byKey;
    QHash<QString, int> observations;
    QHash<QString, QDateTime> lastSeen;
    for (const AdvisorListing &l : listings) {
        if (l.verdict != u"listed")
            continue;
        // One incident per blocklist the observation shows: a ZEN answer and an SBL notice
        // about the same address are one SBL listing, seen twice (AdvisorListing::blocklists).
        const QStringList blocklists =
            l.blocklists.isEmpty() ? QStringList{l.listName} : l.blocklists;
        for (const QString &blocklist : blocklists) {
            // DNS names and IPv6 text are case-insensitive; the same list under another
            // spelling is still the same list.
            const QString key = blocklist.trimmed().toLower() + QLatin1Char('\n') +
                                l.addressOrRange.trimmed().toLower();
            ++observations[key];
            if (!lastSeen.contains(key) || l.checkedAt > lastSeen.value(key))
                lastSeen.insert(key, l.checkedAt);
            if (!byKey.contains(key)) {
                byKey.insert(key, incidents.size());
                LiabilityIncident incident;
                incident.kind = QStringLiteral("listing");
                incident.listName = blocklist.trimmed();
                incident.addressOrRange = l.addressOrRange.trimmed();
                incident.firstSeen = l.checkedAt;
                incidents.append(incident);
            }
            LiabilityIncident &incident = incidents[byKey.value(key)];
            if (l.checkedAt.isValid() &&
                (!incident.firstSeen.isValid() || l.checkedAt < incident.firstSeen))
                incident.firstSeen = l.checkedAt;
            if (l.id != 0 && !incident.sourceIds.contains(l.id))
                incident.sourceIds.append(l.id);
        }
    }
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        LiabilityIncident &incident = incidents[it.value()];
        const int n = observations.value(it.key());
        incident.description =
            n == 1
                ? Tr::tr("%1 listed on %2, seen %3")
                      .arg(incident.addressOrRange, incident.listName, minute(incident.firstSeen))
                : Tr::tr("%1 listed on %2, seen %3 times from %4 to %5 (one incident)")
                      .arg(incident.addressOrRange, incident.listName, QString::number(n),
                           minute(incident.firstSeen), minute(lastSeen.value(it.key())));
        std::sort(incident.sourceIds.begin(), incident.sourceIds.end());
    }
    sortByFirstSeen(incidents);
    return incidents;
}

QList<LiabilityIncident> incidentsFromCampaigns(const QList<ComplaintCampaign> &campaigns)
{
    QList<LiabilityIncident> incidents;
    QHash<QString, qsizetype> byCase;
    for (const ComplaintCampaign &c : campaigns) {
        const QString id = c.caseId.trimmed();
        if (!byCase.contains(id)) {
            byCase.insert(id, incidents.size());
            LiabilityIncident incident;
            incident.kind = QStringLiteral("campaign");
            incident.reference = id;
            incident.firstSeen = c.firstSeen;
            incident.description =
                c.description.isEmpty()
                    ? Tr::tr("Complaint campaign, case %1").arg(id)
                    : Tr::tr("Complaint campaign, case %1: %2").arg(id, c.description);
            incidents.append(incident);
        }
        LiabilityIncident &incident = incidents[byCase.value(id)];
        if (c.firstSeen.isValid() &&
            (!incident.firstSeen.isValid() || c.firstSeen < incident.firstSeen))
            incident.firstSeen = c.firstSeen;
        for (qint64 evidenceId : c.evidenceIds) {
            if (!incident.sourceIds.contains(evidenceId))
                incident.sourceIds.append(evidenceId);
        }
    }
    for (LiabilityIncident &incident : incidents)
        std::sort(incident.sourceIds.begin(), incident.sourceIds.end());
    sortByFirstSeen(incidents);
    return incidents;
}

Result<LiabilityStatement> buildLiabilityStatement(const QList<LiabilityIncident> &incidents,
                                                   qint64 perIncidentCents,
                                                   const QList<LiabilityCharge> &charges,
                                                   const LiabilityForfeitures &forfeitures)
{
    if (incidents.isEmpty())
        return Error{
            Tr::tr("Liability statement: no incident. Policy 6.2 charges per incident (a "
                   "blocklist listing or a complaint campaign); there is nothing to charge.")};
    if (perIncidentCents < kMinimumIncidentCents)
        return Error{
            Tr::tr("Liability statement: %1 per incident is below the minimum penalty of %2 "
                   "per incident of policy 6.2.")
                .arg(formatMoney(perIncidentCents), formatMoney(kMinimumIncidentCents))};

    LiabilityStatement s;
    s.incidents = incidents;
    s.perIncidentCents = perIncidentCents;
    s.incidentDefinition = liabilityIncidentDefinition();

    Result<qint64> incidentTotal =
        addLine(s, QStringLiteral("incident"),
                Tr::tr("Incidents under policy 6.2 (%1 each)").arg(formatMoney(perIncidentCents)),
                incidents.size(), perIncidentCents);
    if (!incidentTotal)
        return Error{incidentTotal.error()};
    s.incidentTotalCents = *incidentTotal;

    QList<qint64> chargeAmounts;
    for (const LiabilityCharge &c : charges) {
        if (!liabilityChargeKinds().contains(c.kind))
            return Error{Tr::tr("Liability statement: \"%1\" is not a charge of policy 6.2 (%2).")
                             .arg(c.kind, liabilityChargeKinds().join(QStringLiteral(", ")))};
        const QString description =
            c.description.trimmed().isEmpty()
                ? chargeLabel(c.kind)
                : chargeLabel(c.kind) + QStringLiteral(": ") + c.description.trimmed();
        if (c.cents < 0)
            return Error{Tr::tr("Liability statement, %1: a charge cannot be negative (%2).")
                             .arg(description, formatMoney(c.cents))};
        s.lines.append({c.kind, description, 1, c.cents, c.cents});
        chargeAmounts.append(c.cents);
    }
    Result<qint64> chargesTotal = sumMoney(chargeAmounts);
    if (!chargesTotal)
        return Error{Tr::tr("Liability statement, charges: %1").arg(chargesTotal.error())};
    s.chargesTotalCents = *chargesTotal;
    Result<qint64> due = addMoney(s.incidentTotalCents, s.chargesTotalCents);
    if (!due)
        return Error{Tr::tr("Liability statement, total due: %1").arg(due.error())};
    s.totalDueCents = *due;

    const struct
    {
        const char *kind;
        QString description;
        qint64 cents;
    } forfeits[] = {
        {"forfeit-prepaid", Tr::tr("Prepaid fees"), forfeitures.prepaidCents},
        {"forfeit-setup", Tr::tr("Setup charges"), forfeitures.setupCents},
        {"forfeit-credits", Tr::tr("Account credits"), forfeitures.creditsCents},
    };
    QList<qint64> forfeitAmounts;
    for (const auto &f : forfeits) {
        if (f.cents < 0)
            return Error{Tr::tr("Liability statement, %1: a forfeiture cannot be negative (%2).")
                             .arg(f.description, formatMoney(f.cents))};
        if (f.cents == 0)
            continue;
        s.lines.append({QLatin1String(f.kind), f.description, 1, f.cents, f.cents});
        forfeitAmounts.append(f.cents);
    }
    Result<qint64> forfeitTotal = sumMoney(forfeitAmounts);
    if (!forfeitTotal)
        return Error{Tr::tr("Liability statement, forfeitures: %1").arg(forfeitTotal.error())};
    s.forfeitTotalCents = *forfeitTotal;

    s.notes << Tr::tr("Total due = incidents %1 + charges %2 = %3.")
                   .arg(formatMoney(s.incidentTotalCents), formatMoney(s.chargesTotalCents),
                        formatMoney(s.totalDueCents));
    s.notes << (s.forfeitTotalCents > 0
                    ? Tr::tr("Forfeited under policy 6.3 (Terms of Service, section 2.3): %1. The "
                             "provider retains these amounts; they are not billed and are not part "
                             "of the total due.")
                          .arg(formatMoney(s.forfeitTotalCents))
                    : Tr::tr("Nothing is forfeited under policy 6.3: the account holds no prepaid "
                             "fees, setup charges or credits."));
    s.notes << (perIncidentCents == kMinimumIncidentCents
                    ? Tr::tr("%1 per incident is the minimum penalty of policy 6.2.")
                          .arg(formatMoney(perIncidentCents))
                    : Tr::tr("%1 per incident; the minimum penalty of policy 6.2 is %2.")
                          .arg(formatMoney(perIncidentCents), formatMoney(kMinimumIncidentCents)));
    s.notes << Tr::tr("Amounts in US dollars, exact to the cent.");
    return s;
}

} // namespace Awb
