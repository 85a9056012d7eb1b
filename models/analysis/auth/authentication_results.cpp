#include "authentication_results.h"

#include "auth_text.h"

#include <QRegularExpression>

namespace Awb {

namespace {

// Long fields are truncated here: no receiver writes more results than this, and a hostile
// field cannot make the checks walk millions of entries.
constexpr int MaxResults = 256;

// "dkim", "dkim/1", "spf": the method part of a methodspec.
const QRegularExpression &methodPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:/([0-9]+))?$"));
    return pattern;
}

// Fills `result` from the items of one comment-free resinfo; false when it is not one.
bool readResinfo(const QList<AuthText::Item> &items, AuthResult &result)
{
    if (items.isEmpty() || !items.first().hasValue)
        return false;
    const QRegularExpressionMatch method = methodPattern().match(items.first().key);
    static const QRegularExpression keyword(QStringLiteral("^[A-Za-z0-9-]+$"));
    if (!method.hasMatch() || !keyword.match(items.first().value).hasMatch())
        return false;
    result.method = method.captured(1).toLower();
    result.methodVersion = method.captured(2);
    result.result = items.first().value.toLower();
    for (qsizetype i = 1; i < items.size(); ++i) {
        const AuthText::Item &item = items.at(i);
        if (!item.hasValue)
            continue; // stray words: tolerated, they carry nothing a check could use
        if (item.key.compare(QLatin1String("reason"), Qt::CaseInsensitive) == 0) {
            result.reason = item.value;
            continue;
        }
        const qsizetype dot = item.key.indexOf(QLatin1Char('.'));
        if (dot <= 0)
            continue; // "action=none" (Microsoft): not a property in RFC 8601 terms
        result.properties.append(
            {item.key.left(dot).toLower(), item.key.mid(dot + 1).toLower(), item.value});
    }
    return true;
}

} // namespace

QString AuthResult::property(const QString &typeDotProperty) const
{
    for (const AuthResultProperty &p : properties) {
        if ((p.type + QLatin1Char('.') + p.property)
                .compare(typeDotProperty, Qt::CaseInsensitive) == 0)
            return p.value;
    }
    return {};
}

QList<AuthResult> AuthenticationResults::resultsFor(const QString &method) const
{
    QList<AuthResult> out;
    for (const AuthResult &r : results) {
        if (r.method.compare(method, Qt::CaseInsensitive) == 0)
            out.append(r);
    }
    return out;
}

AuthenticationResults parseAuthenticationResults(const QByteArray &rawValue)
{
    AuthenticationResults field;
    const QStringList segments =
        AuthText::splitOutside(AuthText::unfold(rawValue), QLatin1Char(';'));
    if (AuthText::simplified(segments.join(QString())).isEmpty()) {
        field.problems.append(QStringLiteral("empty field"));
        return field;
    }
    // RFC 8601 values are ASCII without controls; a NUL or other control is a forged or
    // corrupted field, worth saying even though the rest may still read.
    for (const char c : rawValue) {
        if ((uchar(c) < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f) {
            field.problems.append(QStringLiteral("control characters"));
            break;
        }
    }
    qsizetype first = 0;
    const QList<AuthText::Item> head =
        AuthText::readItems(AuthText::stripComments(segments.first()));
    if (!head.isEmpty() && head.first().hasValue) {
        // "spf=pass ...; dkim=none": no authserv-id, the first segment is already a result.
        field.problems.append(QStringLiteral("no authserv-id"));
    } else {
        first = 1;
        if (head.isEmpty()) {
            field.problems.append(QStringLiteral("no authserv-id"));
        } else {
            field.authservId = head.first().key;
            qsizetype next = 1;
            static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
            if (head.size() > 1 && !head.at(1).hasValue && digits.match(head.at(1).key).hasMatch())
                field.version = head.at(next++).key;
            if (next < head.size())
                field.problems.append(
                    QStringLiteral("unexpected words after the authserv-id: \"%1\"")
                        .arg(AuthText::simplified(segments.first())));
        }
    }
    for (qsizetype i = first; i < segments.size(); ++i) {
        const QString text = AuthText::simplified(segments.at(i));
        if (text.isEmpty())
            continue; // a trailing ';' or ";;": harmless
        AuthResult result;
        const QString bare = AuthText::stripComments(segments.at(i), &result.comments);
        const QList<AuthText::Item> items = AuthText::readItems(bare);
        if (items.size() == 1 && !items.first().hasValue &&
            items.first().key.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
            field.noResult = true;
            continue;
        }
        if (items.isEmpty())
            continue; // only a comment
        if (!readResinfo(items, result)) {
            field.problems.append(
                QStringLiteral("resinfo without method=result: \"%1\"").arg(text.left(200)));
            continue;
        }
        if (field.results.size() >= MaxResults) {
            field.problems.append(QStringLiteral("more than %1 results").arg(MaxResults));
            break;
        }
        result.text = text;
        field.results.append(result);
    }
    return field;
}

} // namespace Awb
