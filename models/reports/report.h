#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Awb {

// The shapes in which abuse reports arrive. Message is "not a report": analysed as it is.
enum class ReportFormat { Message, Arf, Xarf, SpamCop, Spamhaus, Jmrp, Forward };

QString reportFormatKey(ReportFormat format); // "message", "arf", "xarf", "spamcop", ...
std::optional<ReportFormat> reportFormatFromKey(const QString &key);

// One value a reporter gave, with where it stands, so that what the reporter claims is never
// mixed up with what the message itself shows.
struct ReportField
{
    QString name;   // as the reporter named it ("Source-IP", "Source", "Listing")
    QString value;  // as written, unfolded and decoded
    QString source; // where it was read: "feedback-report", "report.txt", "json", "subject",
                    // "body", "headers"
};

// A Spamhaus-style listing of one of our addresses: blacklist-impact evidence (6.1, 6.2).
struct ListingRecord
{
    QString list;      // "SBL", "CSS", "XBL", "DBL", "SpamCop BL"...
    QString listingId; // "SBL000123"
    QString range;     // address or CIDR as listed
    QString reason;
    QDateTime listedAt; // UTC, invalid when not stated
};

// A rule of a format's schema that a report breaks (X-ARF). The report is still imported.
struct SchemaViolation
{
    QString path; // JSON pointer or field name ("/Source", "Report-Type")
    QString rule; // "required", "format: date-time", "enum"...
    QString message;
};

// What a recogniser read from a report. Every claimed value also appears in `fields` with its
// source; the typed members are the ones the analysis and the notices use.
struct Report
{
    ReportFormat format = ReportFormat::Message;
    QString formatVersion; // "1" (ARF Version), "0.2", "3", "4"...
    QString reporter;      // who reports: reporting MTA / organisation / address
    QString feedbackType;  // ARF Feedback-Type or the X-ARF category/type ("abuse", "opt-out")
    QString userAgent;
    QString sourceIp; // the address the reporter blames (claimed)
    int sourcePort = -1;
    QDateTime arrivalDate; // when the reporter received the original (claimed), UTC
    QString arrivalDateText;
    QString originalMailFrom;
    QStringList originalRcptTo;
    QString reportedDomain;
    QStringList reportedUris;
    int incidents = 1;
    QString reportId;    // a reporter's own id (SpamCop id, X-ARF Report-ID)
    QString description; // the human part: what the reporter says happened
    QList<ListingRecord> listings;

    QList<ReportField> fields;

    // The reported message: a complete message (message/rfc822, a forward's attachment, an
    // inline forward's reconstructed headers and body) or only its headers.
    std::optional<QByteArray> originalBytes;
    bool originalHeadersOnly = false;
    // Where originalBytes start in the report's own bytes (MailMessage::bytes()) when they are
    // exactly the bytes found there, line ends included; then an offset in the original plus
    // this one is an offset in the report. -1 when the original has no such place: decoded
    // (base64 or quoted-printable, a JSON field), pasted inline, or rebuilt from the text.
    qsizetype originalOffset = -1;

    QList<SchemaViolation> schemaViolations;
    // What a recogniser could not read although the message looked like its format (a
    // feedback part without Feedback-Type, a listing without an address...). Non-empty
    // problems become a report.* finding; the report is still kept.
    QStringList problems;
};

// The four things section V of the policy asks every abuse report to contain.
struct ReportCompleteness
{
    bool fullHeaders = false;      // the original's full header block
    bool completeMessage = false;  // the original with its body, not only headers
    bool receiptTimestamp = false; // when the reporter received it
    bool description = false;      // a description of the violation

    int count() const;
    // "4 of 4", "3 of 4: no receipt timestamp", "1 of 4: no full headers, no complete copy,
    // no receipt timestamp"
    QString summary() const;
};

ReportCompleteness assessCompleteness(const Report &report);

} // namespace Awb
