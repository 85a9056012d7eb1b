#pragma once

// Realistic notice data for the tests of the notices room and of the notice PDF: the demo's
// cases (resources/demo/README.md) with findings as the analysis words them, clause texts
// copied from the policy of 10 December 2025, header excerpts read from the demo reports, a
// fixed clock and fixed ids.

#include "notices/notice_data.h"
#include "notices/notice_eml.h"

#include <QString>
#include <QStringList>

namespace AwbTest {

// The data of a notice of `type`: Northwind (IXC-10042, case ...000123) for the warning,
// suspension and termination; Harbour Street Bakery (IXC-10077, case ...000124) for the
// termination with liability and for the reporter notices of Jordan Vale's report; Bluefin
// (IXC-10088, case ...000098) for the reinstatement; Orchard Lane Florist's pasted report
// about Quayside Print Studio (IXC-10015, case ...000031) for the information request.
Awb::NoticeData noticeFixture(const QString &type);

// "<IXCM-ABUSE-2026-000123.warning.1@ix.cm>" and the like.
Awb::NoticeEnvelope envelopeFixture(const Awb::NoticeData &data);

// A clause of the policy of 10 December 2025 ("3.2", "6.2", ...), its text as the policy words
// it and its citation.
Awb::NoticeClause policyClause(const QString &id);

// SHA-256 (hex) of resources/demo/reports/<name>.
QString demoReportSha256(const QString &name);

// The header block of the message embedded in a demo report (resources/demo/reports/<name>),
// exactly as it stands there.
QString embeddedOriginalHeaders(const QString &reportFileName);

// Compares `actual` with tests/data/notices/<name>; with AWB_UPDATE_GOLDENS=1 in the
// environment, writes it there instead (tests/update-notice-goldens.sh). On a difference,
// *message says where the first differing line is.
bool matchesGolden(const QString &name, const QByteArray &actual, QString *message);

// Every identity of a reporter or complainant that occurs anywhere in the demo data the
// fixtures use, whether or not the fixture tells the composer about it.
QStringList demoReporterIdentities();

} // namespace AwbTest
