#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Awb {

// One record of a CSV file. `line` is the 1-based line on which the record starts (a quoted field
// may carry it over several lines). A record that breaks the quoting rules keeps the fields read
// so far and says why in `error`; the reader goes on with the next line.
struct CsvRecord
{
    int line = 0;
    QStringList fields;
    QString error; // empty when the record is well-formed
};

// RFC 4180 as billing systems write it: fields separated by commas, records by CRLF or LF (a lone
// CR too); a field in double quotes may hold commas, line breaks and doubled quotes ("").
// Lenient where no meaning is lost: the last record may lack its line break, and blank lines
// (an empty record) are skipped. Strict where a guess could change a value: a quote inside an
// unquoted field, text after a closing quote, and a quote left open at the end of the file are
// errors of that record.
QList<CsvRecord> parseCsv(QStringView text);

// The file's bytes as text: UTF-8, with or without a byte order mark. Fails when the bytes are
// not UTF-8 (a billing export in Windows-1252 must be converted first, rather
// than have its names silently garbled).
Result<QString> decodeCsvText(const QByteArray &bytes);

} // namespace Awb
