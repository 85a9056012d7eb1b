#pragma once

#include "common/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

// The value of one placeholder, as the two parts of a notice show it.
struct NoticeValue
{
    // Inline value: the text as-is (the template escapes it for HTML). Block value: its lines,
    // indented as the text part shows them, without a final line break.
    QString text;
    // Block value only: the HTML element(s) (a list, a table, a <pre>), already escaped.
    QString html;
};
using NoticeValues = QHash<QString, NoticeValue>;

// One notice template as a desk writes it (resources/notices/<type>.txt):
//
//   Subject: [{{case_id}}] Warning: ...          <- header part: a Subject line
//                                                <- blank line
//   Dear {{recipient_name}},                     <- body: plain text with placeholders
//   {{clauses}}                                  <- a list placeholder, alone on its line
//   {{#if header_excerpt}}                       <- a section shown only when the value exists
//   ...
//   {{/if}}
//   {{! a comment for the desk, never sent }}
//   # Heading                                    <- a section heading
//
// Parsing checks everything against the catalogue (notice_fields.h): an unknown placeholder,
// one not available for the template's type, a list placeholder inside a line, an unclosed
// "{{" or "{{#if}}", a subject without {{case_id}}, or a required placeholder the template
// leaves out is an error naming the file, the line and the placeholder.
//
// Rendering gives the plain text (values as-is, lists indented, lines wrapped at 72 columns)
// and the HTML body (values escaped, paragraphs, lists and tables). A placeholder whose value
// is empty or missing is an error, unless it sits in an {{#if}} of its own that is false.
class NoticeTemplate
{
public:
    static Result<NoticeTemplate> parse(const QString &source, const QString &fileName,
                                        const QString &type);
    // Reads a UTF-8 file and parses it; the error names the path.
    static Result<NoticeTemplate> load(const QString &path, const QString &type);

    const QString &type() const { return m_type; }
    const QString &fileName() const { return m_fileName; }
    // Every placeholder the subject and the body use, in order of first use.
    QStringList usedFields() const;

    Result<QString> renderSubject(const NoticeValues &values) const;

    struct Body
    {
        QString text; // ends with a line break
        QString html; // a fragment for inside <body>
    };
    Result<Body> renderBody(const NoticeValues &values) const;

    // The parsed form of a template. Public only so that parsing and rendering can live in
    // two files; nothing outside this room needs it.
    struct Segment
    {
        enum Kind { Text, Field, IfOpen, IfClose };
        Kind kind = Text;
        QString text; // the literal text, or the placeholder's name
    };
    struct Line
    {
        enum Kind { Inline, Block, IfOpen, IfClose };
        Kind kind = Inline;
        int number = 0;          // line number in the file, from 1
        QString name;            // Block, IfOpen: the placeholder
        QString indent;          // Block: the whitespace before it
        QList<Segment> segments; // Inline
    };

private:
    QString m_type;
    QString m_fileName;
    int m_subjectLine = 0;
    QList<Segment> m_subject;
    QList<Line> m_body;
};

} // namespace Awb
