#pragma once

// Private to models/reports/feedback: the fields of a message/feedback-report part.

#include <QByteArray>
#include <QList>
#include <QString>

namespace Awb {

struct FeedbackField
{
    QString name;  // as written ("Source-Ip", "feedback-type")
    QString value; // unfolded, trimmed, one pair of surrounding quotes removed
};

struct FeedbackFields
{
    QList<FeedbackField> fields; // in order; repeated names (Original-Rcpt-To) stay repeated
    bool yamlStyled = false;     // a "---" document marker or quoted values were seen
    int unreadableLines = 0;     // lines that are neither a field, a fold nor YAML decoration
};

// Reads the part as RFC 5965 section 3 writes it (RFC 5322-style fields, folded lines) and as
// feedback loops actually send it: any line ending, names in any case, a YAML rendering
// ("---" and "..." markers, "# comments", quoted values). Never fails.
FeedbackFields parseFeedbackFields(const QByteArray &content);

// The first value of a field (case-insensitive name), or a null string.
QString fieldValue(const FeedbackFields &fields, const char *name);
QStringList fieldValues(const FeedbackFields &fields, const char *name);

} // namespace Awb
