#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace Awb {

// Dates in notices: Hong Kong time first (the desk's and the policy's time), UTC beside it, in
// English whatever the machine's locale, so that a notice reads the same everywhere and golden
// files stay byte-stable. Private to the notices room for now; models/policy has its own
// deadline formatter and the two are to be merged.

// Hong Kong time: UTC+8 all year. The tz database's zone when Qt knows it, else a fixed offset.
QTimeZone hongKongTimeZone();

// "Fri 27 Nov 2026 14:30 HKT (06:30 UTC)". When the UTC date is another day, the UTC part
// names it: "Sat 28 Nov 2026 02:30 HKT (Fri 27 Nov 18:30 UTC)". Seconds are dropped (not
// rounded). Empty for an invalid time.
QString formatNoticeTime(const QDateTime &time);

} // namespace Awb
