#include "overview/source_view_data.h"

#include "mail/mail_message.h"

#include <QStringDecoder>

namespace Awb {

// SourceMark carries the severity as an int so that the source viewer does not depend on the
// analysis room; the mapping is Severity's own numbering.
static_assert(int(Severity::Info) == SourceMark::MinSeverity);
static_assert(int(Severity::Low) == 1 && int(Severity::Medium) == 2 && int(Severity::High) == 3);
static_assert(int(Severity::Critical) == SourceMark::MaxSeverity);

QList<SourceMark> sourceMarksFromFindings(const QList<Finding> &findings)
{
    QList<SourceMark> marks;
    for (const Finding &finding : findings) {
        if (!finding.location.isValid())
            continue;
        marks.append({finding.location.offset, finding.location.length, int(finding.severity),
                      finding.title});
    }
    return marks;
}

qsizetype originalOffsetInReport(const Report &report, const QByteArray &reportBytes)
{
    if (!report.originalBytes)
        return -1;
    if (report.originalOffset >= 0)
        return report.originalOffset;
    return report.originalBytes->isEmpty() ? -1 : reportBytes.indexOf(*report.originalBytes);
}

QList<SourceMark> sourceMarksForOriginal(const QList<Finding> &findings, const Report &report,
                                         const QByteArray &reportBytes)
{
    const qsizetype offset = originalOffsetInReport(report, reportBytes);
    if (offset < 0)
        return {};
    QList<SourceMark> marks = sourceMarksFromFindings(findings);
    for (SourceMark &mark : marks)
        mark.offset += offset;
    return marks;
}

QList<DecodedHeaderField> decodedHeaderFields(const MailMessage &message)
{
    QList<DecodedHeaderField> fields;
    for (const RawHeaderField &raw : message.rawHeaders()) {
        DecodedHeaderField field;
        field.name = QString::fromLatin1(raw.name);
        field.decodedValue = decodeHeaderText(raw.rawValue);
        // Unfolded but not decoded: "=?UTF-8?B?...?=" stays as written, so the pane shows what
        // the decoding changed. 8-bit bytes read as the raw view reads them: UTF-8 when valid,
        // else Latin-1.
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        field.rawValue = utf8.decode(raw.rawValue);
        if (utf8.hasError())
            field.rawValue = QString::fromLatin1(raw.rawValue);
        field.rawValue = field.rawValue.simplified();
        field.offset = raw.offset;
        field.length = raw.name.size() + 1 + raw.rawValue.size();
        fields.append(field);
    }
    return fields;
}

} // namespace Awb
