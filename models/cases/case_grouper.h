#pragma once

#include "cases/case_key.h"

#include <QList>
#include <QString>

namespace Awb {

// The grouping rule's one tunable: how far apart two reports of one campaign may be received
// and still share a case. 14 days by default (the [cases] windowDays setting).
struct CaseGroupingSettings
{
    int windowDays = 14;
};

// A case that already exists, with the facts of its reports, for new reports to join.
struct ExistingCase
{
    qint64 caseId = 0;
    QList<ReportFacts> reports;
};

// Where grouping put one new report: into an existing case (caseId), or into the new case
// newCaseIndex of the result. `reason` says why, for the case's record.
struct CasePlacement
{
    qint64 evidenceId = 0;
    qint64 caseId = 0;     // an existing case, or 0
    int newCaseIndex = -1; // index into CaseGrouping::newCases, or -1
    QString reason;
};

struct ProposedCase
{
    CaseKey key;                // the signature of the report that opened it
    QList<qint64> evidenceIds;  // in placement order
    QDateTime earliestReceived; // UTC
    QString severity;           // the highest of its reports'
};

struct CaseGrouping
{
    QList<CasePlacement> placements; // one per new report, in processing order
    QList<ProposedCase> newCases;
};

// Assigns reports to cases. Two reports belong to one case when they have the same account (or,
// unattributed, the same origin network), the same kind, were received within the window of
// each other, and share at least one campaign signal: the sender's organisational domain, the
// normalised subject, a link domain, or the origin network. A case grows by any of its reports
// (single linkage), so a campaign that keeps going keeps its case.
//
// Deterministic: new reports are taken in receipt order, then evidence id; each joins the first
// matching case, existing cases first (in the order given), then the cases opened by this run in
// the order they were opened; within a case the first matching report (in receipt order) gives
// the reason. Existing cases are never changed other than by reports joining them: what an
// analyst merged, split or moved stays as it is.
class CaseGrouper
{
public:
    explicit CaseGrouper(CaseGroupingSettings settings = {});

    CaseGrouping group(const QList<ExistingCase> &existing, QList<ReportFacts> reports) const;

    // The signals two reports share: "same sender domain northwind-deals.example", ...; empty
    // when they share none. Account, kind and window are not checked here.
    static QStringList sharedSignals(const CaseKey &a, const CaseKey &b);

    // Same account key, same kind, within the window, at least one shared signal; the reason
    // text of the grouping when so, an empty string when not.
    QString joinReason(const ReportFacts &member, const ReportFacts &candidate) const;

    const CaseGroupingSettings &settings() const { return m_settings; }

private:
    CaseGroupingSettings m_settings;
};

} // namespace Awb
