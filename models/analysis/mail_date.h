#pragma once

#include <QDateTime>
#include <QStringView>

#include <optional>

namespace Awb {

// A date as a message header writes it: the wall-clock fields as written plus the zone offset.
// Fields are already range-checked: the calendar date exists, hour 0-23, minute 0-59,
// second 0-60 (a leap second is kept as 60 here and read as 59 by toUtc()).
struct MailDate
{
    // Where zoneOffsetSeconds came from. Named covers RFC 5322's obsolete names (GMT, UT, EST,
    // PDT...) and a few common others (CET, BST, JST...). Unknown is a military letter or an
    // unrecognised name: RFC 5322 4.3 says to treat both as "-0000", an offset of 0 that says
    // nothing about the local zone. Missing means no zone was written (offset 0 as well).
    enum class Zone { Numeric, Named, Unknown, Missing };

    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int zoneOffsetSeconds = 0; // east of UTC is positive
    Zone zone = Zone::Missing;
    bool twoDigitYear = false; // the year was written with two (or three) digits and expanded

    QDateTime toUtc() const;
};

// Reads a mail date leniently. Accepted: RFC 5322 date-time and its obsolete forms (missing
// weekday, comments anywhere, folding, two- and three-digit years per RFC 5322 4.3: 00-49 are
// 20xx, 50-99 are 19xx, three digits add 1900), missing seconds, single-digit fields, a numeric
// month ("20 11 79"), zone names, a missing zone, AM/PM, ctime/asctime order ("Fri Feb 7
// 10:18:12 2003 -0800", "Fri Sep 14 14:36:56 EDT 2018"), fractional seconds, ISO-like forms
// ("2024-04-01T01:02:19Z", "2024-04-01 01:02:19 +02:00"), and junk after the zone ("(PDT)",
// "for <x@y>"). A whole Received value may be passed: the text after its last ';' is read.
// A line break that is not followed by a space or tab ends the value (it is not a fold,
// RFC 5322 2.2.3). Returns nullopt when no time of day or no valid calendar date is found,
// e.g. for an unknown month name ("7 Bog 2026") or month 0.
std::optional<MailDate> parseMailDate(QStringView text);

} // namespace Awb
