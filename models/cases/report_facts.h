#pragma once

#include "cases/case_key.h"

#include <QJsonObject>
#include <QString>

namespace Awb {

// One stored message read for grouping: its facts, or why it does not belong in a case.
struct ReportReading
{
    bool groupable = false;
    QString notGroupedReason; // when !groupable: "not a report and nothing above info found"
    ReportFacts facts;        // key.accountId is left empty: attribution is the caller's
};

// Reads the campaign signature from the analysis stored at import (the `awb analyze --json`
// object with "report", "origin", "findings" and the original under report.original).
//
// The reported message speaks for the campaign: its From, subject and origin when the report
// carries it. A report without the message (a listing notice, a bare complaint) has no sender or
// subject of the campaign (its own From and subject are the reporter's); its origin is the
// address the reporter names (Source-IP, the listed address). Link domains come from the
// reporter's Reported-URI fields and from URLs in listing reasons (de-fanged "hxxp" accepted).
//
// A plain message (format "message") is not a complaint by itself: it becomes a case only when
// its own analysis found something above "info" (spam saved from a mailbox), never when it is
// correspondence or an inquiry sent to the abuse address. An empty object (evidence stored
// before analysis existed) is not groupable either.
ReportReading readReportFacts(qint64 evidenceId, const QJsonObject &analysis);

// The organisational domain of the address in a From-style field ("Name" <a@b.example>),
// empty when there is no address.
QString senderOrganisationalDomain(const QString &fromField);

} // namespace Awb
