#include "csv_reader.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CsvReader)
};

// Reads records one at a time; `m_line` follows every line break, quoted ones included.
class CsvParser
{
public:
    explicit CsvParser(QStringView text)
        : m_text(text)
    {}

    bool atEnd() const { return m_pos >= m_text.size(); }

    CsvRecord next()
    {
        CsvRecord record;
        record.line = m_line;
        for (;;) {
            QString field;
            const bool ok = peek() == u'"' ? quotedField(record, field) : plainField(record, field);
            record.fields.append(field);
            if (!ok) {
                skipRestOfLine();
                return record;
            }
            if (peek() == u',') {
                ++m_pos;
                continue;
            }
            endOfLine();
            return record;
        }
    }

private:
    QChar peek() const { return m_pos < m_text.size() ? m_text[m_pos] : QChar(); }
    bool atLineBreak() const { return peek() == u'\n' || peek() == u'\r'; }

    // Consumes one line break (CRLF, LF or CR) if there is one.
    void endOfLine()
    {
        if (peek() == u'\r') {
            ++m_pos;
            if (peek() == u'\n')
                ++m_pos;
            ++m_line;
        } else if (peek() == u'\n') {
            ++m_pos;
            ++m_line;
        }
    }

    void skipRestOfLine()
    {
        while (!atEnd() && !atLineBreak())
            ++m_pos;
        endOfLine();
    }

    bool plainField(CsvRecord &record, QString &field)
    {
        const qsizetype start = m_pos;
        while (!atEnd() && peek() != u',' && !atLineBreak()) {
            if (peek() == u'"') {
                record.error =
                    Tr::tr("a double quote inside an unquoted field (field %1); quote the "
                           "whole field and double the quote")
                        .arg(record.fields.size() + 1);
                return false;
            }
            ++m_pos;
        }
        field = m_text.mid(start, m_pos - start).toString();
        return true;
    }

    bool quotedField(CsvRecord &record, QString &field)
    {
        const int openedOn = m_line;
        ++m_pos; // the opening quote
        while (!atEnd()) {
            const QChar c = m_text[m_pos];
            if (c == u'"') {
                if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == u'"') {
                    field += u'"';
                    m_pos += 2;
                    continue;
                }
                ++m_pos; // the closing quote
                if (atEnd() || peek() == u',' || atLineBreak())
                    return true;
                record.error = Tr::tr("text after the closing quote of field %1")
                                   .arg(record.fields.size() + 1);
                return false;
            }
            if (c == u'\r' || c == u'\n') {
                // A line break inside a value is kept as LF, whichever convention the file uses.
                endOfLine();
                field += u'\n';
                continue;
            }
            field += c;
            ++m_pos;
        }
        record.error =
            Tr::tr("the quoted field %1 opened on line %2 is not closed by the end of the "
                   "file")
                .arg(record.fields.size() + 1)
                .arg(openedOn);
        return false;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace

QList<CsvRecord> parseCsv(QStringView text)
{
    if (text.startsWith(QChar(0xfeff)))
        text = text.mid(1);
    QList<CsvRecord> records;
    CsvParser parser(text);
    while (!parser.atEnd()) {
        CsvRecord record = parser.next();
        const bool blank =
            record.error.isEmpty() && record.fields.size() == 1 && record.fields.first().isEmpty();
        if (!blank)
            records.append(std::move(record));
    }
    return records;
}

Result<QString> decodeCsvText(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return Error{
            Tr::tr("the file is not UTF-8 text; export it as UTF-8 (with or without a byte "
                   "order mark)")};
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    return text;
}

} // namespace Awb
