#include "content_test_support.h"

#include <QRegularExpression>

namespace ContentTest {

QByteArray embeddedOriginal(QByteArray bytes)
{
    bytes.replace("\r\n", "\n");
    static const QRegularExpression partType(QStringLiteral("^Content-Type:\\s*message/rfc822"),
                                             QRegularExpression::CaseInsensitiveOption |
                                                 QRegularExpression::MultilineOption);
    static const QRegularExpression boundaryParam(QStringLiteral("boundary=\"?([^\";\\s]+)\"?"),
                                                  QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromUtf8(bytes);
    const QRegularExpressionMatch part = partType.match(text);
    if (!part.hasMatch())
        return {};
    QStringList boundaries;
    auto it = boundaryParam.globalMatch(text.left(part.capturedStart()));
    while (it.hasNext())
        boundaries << it.next().captured(1);
    const qsizetype start = text.indexOf(QLatin1String("\n\n"), part.capturedEnd());
    if (start < 0)
        return {};
    qsizetype end = text.size();
    for (const QString &b : boundaries) {
        const qsizetype at = text.indexOf(QLatin1String("\n--") + b, start);
        if (at >= 0 && at < end)
            end = at;
    }
    return text.mid(start + 2, end - start - 2).toUtf8();
}

} // namespace ContentTest
