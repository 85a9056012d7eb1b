#include "notices/notice_composer.h"

#include "common/data_paths.h"
#include "notices/notice_fields.h"
#include "notices/notice_values.h"

#include <QDir>

namespace Awb {

namespace {

Error caseError(const NoticeData &data, const QString &reason)
{
    return Error{QStringLiteral("case %1, %2 notice: %3")
                     .arg(data.caseId.isEmpty() ? QStringLiteral("(no id)") : data.caseId,
                          data.type.isEmpty() ? QStringLiteral("(no type)") : data.type, reason)};
}

std::optional<Error> checkData(const NoticeData &data)
{
    if (!isNoticeType(data.type))
        return caseError(data, QStringLiteral("\"%1\" is not a notice type").arg(data.type));
    if (data.caseId.trimmed().isEmpty())
        return caseError(data, QStringLiteral("the case has no id"));
    if (!data.now.isValid())
        return caseError(data, QStringLiteral("no date for the notice"));
    if (!data.recipientAddress.contains(u'@'))
        return caseError(data, QStringLiteral("the recipient address \"%1\" is not an address")
                                   .arg(data.recipientAddress));
    if (!data.deskAddress.contains(u'@'))
        return caseError(
            data,
            QStringLiteral("the desk address \"%1\" is not an address").arg(data.deskAddress));
    if (!isReporterNotice(data.type) && data.redactionKey.isEmpty())
        return caseError(data, QStringLiteral("no redaction key: a customer notice is never "
                                              "composed without redacting the reporter"));
    return std::nullopt;
}

// A reporter notice says "the responsible customer"; it never names one.
std::optional<Error> checkNamesNoCustomer(const NoticeData &data, const NoticeValues &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        for (const QString &secret : {data.accountId, data.customerName}) {
            if (!secret.trimmed().isEmpty() &&
                it.value().text.contains(secret.trimmed(), Qt::CaseInsensitive))
                return caseError(data, QStringLiteral("{{%1}} names the customer (\"%2\"); a "
                                                      "notice to the reporter says \"the "
                                                      "responsible customer\" instead")
                                           .arg(it.key(), secret.trimmed()));
        }
    }
    return std::nullopt;
}

// The last look before a customer notice leaves: no identity of the reporter may be left,
// whatever field or template text it came through.
std::optional<Error> checkShowsNoReporter(const NoticeData &data, const Redactor &redactor,
                                          const ComposedNotice &notice)
{
    for (const QString &part : {notice.subject, notice.text, notice.htmlBody}) {
        for (const Redaction &r : redactor.redactText(part).redactions) {
            if (r.where.startsWith(QLatin1String("identity")))
                return caseError(data, QStringLiteral("the notice would still show an identity "
                                                      "of the reporter (%1)")
                                           .arg(r.token));
        }
    }
    return std::nullopt;
}

QString htmlDocument(const QString &subject, const QString &body)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<title>%1</title>\n</head>\n"
                          "<body style=\"font-family: 'DejaVu Sans', Arial, Helvetica, "
                          "sans-serif; font-size: 14px; color: #000000; background-color: "
                          "#ffffff\">\n%2</body>\n</html>\n")
        .arg(subject.toHtmlEscaped(), body);
}

} // namespace

QString NoticeTemplateSet::defaultDirectory()
{
    const QString base = dataDirectory();
    return base.isEmpty() ? QString() : base + QStringLiteral("/notices");
}

Result<NoticeTemplateSet> NoticeTemplateSet::load(const QString &dir)
{
    if (dir.isEmpty() || !QDir(dir).exists())
        return Error{QStringLiteral("%1: no notice template folder")
                         .arg(dir.isEmpty() ? QStringLiteral("(no data directory)") : dir)};
    NoticeTemplateSet set;
    QStringList problems;
    for (const QString &type : noticeTypes()) {
        const QString path = QDir(dir).filePath(type + QStringLiteral(".txt"));
        auto loaded = NoticeTemplate::load(path, type);
        if (loaded)
            set.insert(*loaded);
        else
            problems.append(loaded.error());
    }
    if (!problems.isEmpty())
        return Error{problems.join(u'\n')};
    return set;
}

void NoticeTemplateSet::insert(const NoticeTemplate &notice)
{
    m_templates.insert(notice.type(), notice);
}

const NoticeTemplate *NoticeTemplateSet::find(const QString &type) const
{
    const auto it = m_templates.constFind(type);
    return it == m_templates.cend() ? nullptr : &*it;
}

Result<ComposedNotice> composeNotice(const NoticeData &data, const NoticeTemplateSet &templates)
{
    if (auto bad = checkData(data))
        return *bad;
    const NoticeTemplate *notice = templates.find(data.type);
    if (!notice)
        return caseError(data, QStringLiteral("no template for this type"));

    ComposedNotice out;
    const bool toCustomer = !isReporterNotice(data.type);
    Redactor redactor(data.redactionKey);
    const NoticeData shown =
        toCustomer ? redactedNoticeData(data, redactor, &out.redactions) : data;
    const NoticeValues values = noticeValues(shown);
    if (!toCustomer) {
        if (auto bad = checkNamesNoCustomer(data, values))
            return *bad;
    }

    auto subject = notice->renderSubject(values);
    if (!subject)
        return caseError(data, subject.error());
    auto body = notice->renderBody(values);
    if (!body)
        return caseError(data, body.error());

    out.type = data.type;
    out.caseId = data.caseId;
    out.date = data.now;
    out.from = {data.deskName, data.deskAddress};
    out.to = {data.recipientName, data.recipientAddress};
    out.subject = *subject;
    out.text = body->text;
    out.htmlBody = body->html;
    out.html = htmlDocument(out.subject, out.htmlBody);
    out.inReplyTo = data.inReplyToMessageId.trimmed();
    if (out.inReplyTo.startsWith(u'<') && out.inReplyTo.endsWith(u'>'))
        out.inReplyTo = out.inReplyTo.mid(1, out.inReplyTo.size() - 2);

    if (toCustomer) {
        if (auto bad = checkShowsNoReporter(data, redactor, out))
            return *bad;
    }
    return out;
}

} // namespace Awb
