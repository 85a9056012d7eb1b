#include "received_spf.h"

#include "auth_text.h"

namespace Awb {

namespace {

// RFC 7208 2.6: the results a receiver may record.
const QStringList &knownResults()
{
    static const QStringList results = {QStringLiteral("pass"),     QStringLiteral("fail"),
                                        QStringLiteral("softfail"), QStringLiteral("neutral"),
                                        QStringLiteral("none"),     QStringLiteral("temperror"),
                                        QStringLiteral("permerror")};
    return results;
}

constexpr int MaxPairs = 64;

} // namespace

QString ReceivedSpf::value(const QString &key) const
{
    for (const Pair &pair : pairs) {
        if (pair.key.compare(key, Qt::CaseInsensitive) == 0)
            return pair.value;
    }
    return {};
}

bool ReceivedSpf::isKnownResult() const
{
    return knownResults().contains(result);
}

ReceivedSpf parseReceivedSpf(const QByteArray &rawValue)
{
    ReceivedSpf spf;
    const QString unfolded = AuthText::unfold(rawValue);
    spf.text = AuthText::simplified(unfolded);
    QStringList comments;
    const QString bare = AuthText::stripComments(unfolded, &comments);
    if (!comments.isEmpty())
        spf.comment = comments.first();
    const QStringList segments = AuthText::splitOutside(bare, QLatin1Char(';'));
    bool first = true;
    for (const QString &segment : segments) {
        QList<AuthText::Item> items = AuthText::readItems(segment);
        if (first && !items.isEmpty()) {
            first = false;
            if (items.first().hasValue) {
                spf.problems.append(QStringLiteral("no result"));
            } else {
                spf.result = items.takeFirst().key.toLower();
                if (!spf.isKnownResult())
                    spf.problems.append(QStringLiteral("unknown result \"%1\"").arg(spf.result));
            }
        }
        for (const AuthText::Item &item : items) {
            if (spf.pairs.size() >= MaxPairs)
                break;
            if (!item.hasValue) {
                spf.problems.append(QStringLiteral("key without value: \"%1\"").arg(item.key));
                continue;
            }
            spf.pairs.append({item.key.toLower(), item.value});
        }
    }
    if (spf.result.isEmpty() && !spf.problems.contains(QStringLiteral("no result")))
        spf.problems.append(spf.text.isEmpty() ? QStringLiteral("empty field")
                                               : QStringLiteral("no result"));
    return spf;
}

} // namespace Awb
