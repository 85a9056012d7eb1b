#pragma once

#include "common/result.h"
#include "notices/notice_data.h"
#include "notices/notice_template.h"
#include "notices/redaction.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Awb {

struct NoticeAddress
{
    QString name;
    QString address;
};

// A notice ready to be written as an .eml (notice_eml.h) or a PDF (views/render/notice_pdf.h).
struct ComposedNotice
{
    QString type;
    QString caseId;
    QDateTime date; // NoticeData::now
    NoticeAddress from;
    NoticeAddress to;
    QString subject;
    QString text;      // the text/plain part, lines end in '\n'
    QString html;      // the text/html part, a whole document
    QString htmlBody;  // the same content as a fragment, for documents that embed it (the PDF)
    QString inReplyTo; // Message-ID of the report answered, without angle brackets; may be empty
    // What redaction replaced in a customer notice. For the desk's internal records only: the
    // originals are exactly what the customer must not see.
    QList<Redaction> redactions;
};

// The templates of all eight notice types, each validated when loaded.
class NoticeTemplateSet
{
public:
    // dataDirectory() + "/notices" (resources/notices in a build that was not installed).
    static QString defaultDirectory();

    // Reads <dir>/<type>.txt for every notice type. Fails when a file is missing or any
    // template is invalid; the error lists every problem, one per line, each naming its file.
    static Result<NoticeTemplateSet> load(const QString &dir = defaultDirectory());

    // Adds or replaces the template of its type (the desk's edited copy, a test's template).
    void insert(const NoticeTemplate &notice);
    const NoticeTemplate *find(const QString &type) const;

private:
    QHash<QString, NoticeTemplate> m_templates;
};

// Fills the template of data.type with the data. A customer notice is redacted first: the
// header excerpt by Redactor::redactHeaders(), every other text that came from a report by
// redactText(), with data.redactionKey and data.reporterIdentities; it fails without a key,
// and when the finished notice would still show a known identity of the reporter. A reporter
// notice fails when any of its texts names the customer (account id or customer name).
// Errors name the case, the notice type and the reason (for a template: its file and line).
Result<ComposedNotice> composeNotice(const NoticeData &data, const NoticeTemplateSet &templates);

} // namespace Awb
