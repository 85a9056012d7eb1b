#pragma once

#include <QString>
#include <QStringList>

namespace Awb {

// The catalogue of notice types and of the placeholders their templates may use. It is the
// contract between the desk's templates and the data: a template is checked against it when it
// is loaded, so a misspelt placeholder, a customer field in a reporter notice, or a customer
// notice that leaves out the clauses or the deadline never reaches a recipient.

// The eight notice type keys, in the order of a case's life.
const QStringList &noticeTypes();
bool isNoticeType(const QString &type);

// Acknowledgement, information request and outcome go to the reporter: they never name the
// customer. The others go to the customer and are redacted (redaction.h).
bool isReporterNotice(const QString &type);

enum class NoticeFieldKind {
    Inline, // a line of text: usable anywhere, also in the subject
    Block,  // a list or table: must stand alone on its line
};

// True when `name` is a placeholder of any type; *kind (when given) receives its kind.
bool isNoticeField(const QString &name, NoticeFieldKind *kind = nullptr);

// The placeholders a template of `type` may use.
QStringList noticeFieldsForType(const QString &type);

// The placeholders a template of `type` must use somewhere in its body (inside a conditional
// counts): what every notice of that type has to tell its reader.
QStringList requiredNoticeFields(const QString &type);

} // namespace Awb
