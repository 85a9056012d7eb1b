#pragma once

// Private to models/reports/feedback: what the ARF, JMRP and forward recognisers share. Every
// function here is pure and thread-safe; none fails, they return empty or nullopt instead.

#include "reports/report.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Awb {

class MailMessage;
struct MimePartInfo;

// Source tags of ReportField that this family writes besides "feedback-report" and "subject".
inline constexpr char kSourceFeedback[] = "feedback-report";
inline constexpr char kSourceHuman[] = "human-part";
inline constexpr char kSourceSubject[] = "subject";
inline constexpr char kSourceBody[] = "body";
inline constexpr char kSourceOriginal[] = "original-headers";

void addField(Report &report, const QString &name, const QString &value, const char *source);

// Indexes into `parts` (MailMessage::mimeParts order) of the parts that belong to the report
// itself: an embedded message/rfc822 part is listed, but nothing inside it, so the feedback
// part or the attachment of a forwarded report is never mistaken for this report's own.
QList<int> ownPartIndexes(const QList<MimePartInfo> &parts);

// The first own part of one of `types` (lower case), or -1.
int firstOwnPart(const QList<MimePartInfo> &parts, const QList<int> &own,
                 std::initializer_list<const char *> types);

// The report's own Content-Type says multipart/report; report-type=feedback-report (any case,
// quoted or not).
bool isFeedbackReportContainer(const MailMessage &message);

// The multipart body of the report lacks its closing delimiter ("--boundary--"): the last part
// may have been cut off in transit.
bool lacksClosingBoundary(const MailMessage &message);

// Fills report.originalBytes from the first own message/rfc822 (or message/global) part, else
// from a text/rfc822-headers part (also the misspelt "text/rfc822-header" real FBLs send).
// Records a problem when there is none or when it is not a readable message. A leading mbox
// envelope line ("From " or ">From ") is not part of the original and is dropped. Sets
// report.originalOffset when the part is a verbatim slice of the report (not base64 or
// quoted-printable encoded).
void takeOriginal(const MailMessage &message, const QList<MimePartInfo> &parts,
                  const QList<int> &own, Report &report);

// A value without surrounding whitespace and one pair of matching quotes.
QString unquoted(const QString &value);

// The address of an IP claim such as "192.0.2.1", "::ffff:192.0.2.1" (read as 192.0.2.1),
// "[192.0.2.1]", "192.0.2.1 (mx.example.net)" or "\"192.0.2.1\"". Port in *port when written.
std::optional<QString> claimedIp(const QString &value, int *port = nullptr);

// A date a reporter wrote, read leniently (parseMailDate); invalid when unreadable.
QDateTime claimedDate(const QString &value);

// The addr-spec of "Name <a@b>", "<a@b>" or "a@b"; the trimmed value when there is none.
QString bareAddress(const QString &value);

// The sentence RFC 5965's example and Microsoft's JMRP write in the human part: "... received
// from IP 192.0.2.1 on Thu, 8 Mar 2005 14:00:00 EDT." Also "from IP address x", a host name
// instead of an address (then `ip` is empty) and text wrapped over several lines.
struct ReceivedFromClaim
{
    QString ip;               // normalised address, empty when the sentence names a host
    QString ipText;           // as written
    QString dateText;         // as written, without the sentence's full stop
    bool jmrpWording = false; // "email abuse report for an email message received from IP ..."
};
std::optional<ReceivedFromClaim> receivedFromClaim(const QString &humanText);

// The address in a subject such as "complaint about message from 192.0.2.222" (Microsoft's
// complaint subjects), or nullopt.
std::optional<QString> complaintSubjectIp(const QString &subject);

// The first IP address written in a subject ("Junk mail from your server 203.0.113.40").
std::optional<QString> firstIpIn(const QString &text);

QByteArray withoutEnvelopeLine(const QByteArray &bytes);

} // namespace Awb
