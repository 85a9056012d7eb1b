#pragma once

#include "common/result.h"
#include "policy/enforcement_advisor.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

// The liability statement of policy sections 6.2 and 6.3, for a termination with liability:
// what the customer owes (incidents at a per-incident amount of at least USD 15, plus the
// charges the analyst enters) and, apart from it, what the provider retains (prepaid fees, setup
// charges, account credits). All amounts are integer cents (money.h); a total that does not fit
// is an error, never a wrapped number.

// The minimum penalty per incident of policy 6.2: USD 15.
inline constexpr qint64 kMinimumIncidentCents = 1500;

// "An incident is one listing of one address or range on one blocklist, or one complaint
// campaign (policy 6.2)." Shown on every statement.
QString liabilityIncidentDefinition();

struct LiabilityIncident
{
    QString kind;           // "listing" or "campaign"
    QString listName;       // the blocklist ("Spamhaus ZEN"); empty for a campaign
    QString addressOrRange; // "203.0.113.40"; empty for a campaign
    QString reference;      // a campaign's case id; empty for a listing
    QDateTime firstSeen;    // the earliest observation
    QString description;
    QList<qint64> sourceIds; // listing rows, or the campaign's report evidence ids
};

// One incident per (list, address or range): repeated observations of the same address on the
// same list are one incident, seen first at the earliest of them. Only verdict "listed" makes an
// incident; policy listings (PBL), clean answers and failed checks do not. By first sighting.
QList<LiabilityIncident> incidentsFromListings(const QList<AdvisorListing> &listings);

// A complaint campaign: the case that groups its reports.
struct ComplaintCampaign
{
    QString caseId; // "IXCM-ABUSE-2026-000123"
    QString description;
    QDateTime firstSeen;
    QList<qint64> evidenceIds;
};

// One incident per case id (a case named twice is one campaign), by first sighting.
QList<LiabilityIncident> incidentsFromCampaigns(const QList<ComplaintCampaign> &campaigns);

// A charge the analyst enters under policy 6.2.
struct LiabilityCharge
{
    QString kind; // "delisting-fee", "reputation-remediation", "administrative-overhead",
                  // "legal-fees"
    QString description;
    qint64 cents = 0; // >= 0
};

// What policy 6.3 forfeits: the customer record's prepaid_cents, setup charges and credits.
struct LiabilityForfeitures
{
    qint64 prepaidCents = 0;
    qint64 setupCents = 0;
    qint64 creditsCents = 0;
};

struct LiabilityLine
{
    // "incident", "delisting-fee", "reputation-remediation", "administrative-overhead",
    // "legal-fees", "forfeit-prepaid", "forfeit-setup", "forfeit-credits"
    QString kind;
    QString description;
    qint64 quantity = 1;
    qint64 unitCents = 0;
    qint64 amountCents = 0; // quantity x unitCents
};

struct LiabilityStatement
{
    QList<LiabilityIncident> incidents;
    // The incident line, then the charges (billed), then the forfeitures (retained, not billed).
    QList<LiabilityLine> lines;
    qint64 incidentTotalCents = 0; // incidents x perIncidentCents
    qint64 chargesTotalCents = 0;  // the analyst's charges
    qint64 forfeitTotalCents = 0;  // retained by the provider; not part of totalDueCents
    qint64 totalDueCents = 0;      // incidentTotalCents + chargesTotalCents
    QString incidentDefinition;
    qint64 perIncidentCents = kMinimumIncidentCents;
    QStringList notes;
};

// An error names the cause: no incident (section 6.2 applies only to incidents), a per-incident
// amount below USD 15.00, an unknown charge kind, a negative charge or forfeiture, a total too
// large to hold.
Result<LiabilityStatement> buildLiabilityStatement(const QList<LiabilityIncident> &incidents,
                                                   qint64 perIncidentCents,
                                                   const QList<LiabilityCharge> &charges,
                                                   const LiabilityForfeitures &forfeitures);

// The keys of LiabilityCharge::kind, in statement order.
QStringList liabilityChargeKinds();

// The statement as plain-text lines for a notice: the definition, the incidents, a table of
// lines with aligned columns (amounts right-aligned in USD), the total due, then the forfeitures
// and their total under their own heading, then the notes.
QStringList liabilityStatementLines(const LiabilityStatement &statement);

// Amounts as JSON integers of cents (Qt reads and writes them as exact 64-bit integers; readers
// that hold numbers as doubles are exact up to 2^53 cents, far beyond any real statement).
// fromJson names the first field it cannot read, and refuses totals that are not what the lines
// add up to.
QJsonObject liabilityStatementToJson(const LiabilityStatement &statement);
Result<LiabilityStatement> liabilityStatementFromJson(const QJsonObject &json);

} // namespace Awb
