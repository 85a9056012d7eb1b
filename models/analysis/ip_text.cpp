#include "ip_text.h"

#include <QList>

#include <array>

namespace Awb {

namespace {

// Parses exactly "a.b.c.d"; nullopt otherwise.
std::optional<std::array<int, 4>> parseV4(QStringView s)
{
    std::array<int, 4> parts{};
    int index = 0;
    int value = -1;
    int digits = 0;
    for (QChar c : s) {
        if (c.isDigit() && c.unicode() < 128) {
            if (++digits > 3)
                return std::nullopt;
            value = (value < 0 ? 0 : value * 10) + (c.unicode() - '0');
        } else if (c == QLatin1Char('.')) {
            if (value < 0 || value > 255 || index >= 3)
                return std::nullopt;
            parts[index++] = value;
            value = -1;
            digits = 0;
        } else {
            return std::nullopt;
        }
    }
    if (value < 0 || value > 255 || index != 3)
        return std::nullopt;
    parts[3] = value;
    return parts;
}

QString v4Text(const std::array<int, 4> &p)
{
    return QStringLiteral("%1.%2.%3.%4").arg(p[0]).arg(p[1]).arg(p[2]).arg(p[3]);
}

// Parses the groups of one side of "::" into 16-bit values; an IPv4 tail counts as two groups.
bool parseV6Groups(QStringView s, QList<quint16> &out, bool allowV4Tail)
{
    if (s.isEmpty())
        return true;
    const auto pieces = s.split(QLatin1Char(':'));
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const QStringView piece = pieces[i];
        if (allowV4Tail && i == pieces.size() - 1 && piece.contains(QLatin1Char('.'))) {
            const auto v4 = parseV4(piece);
            if (!v4)
                return false;
            out.append(quint16((*v4)[0] << 8 | (*v4)[1]));
            out.append(quint16((*v4)[2] << 8 | (*v4)[3]));
            continue;
        }
        if (piece.isEmpty() || piece.size() > 4)
            return false;
        bool ok = false;
        const uint v = piece.toUInt(&ok, 16);
        if (!ok)
            return false;
        out.append(quint16(v));
    }
    return true;
}

std::optional<IpText> parseV6(QStringView s)
{
    IpText ip;
    ip.v6 = true;
    const qsizetype percent = s.indexOf(QLatin1Char('%'));
    if (percent >= 0) {
        ip.zone = s.mid(percent + 1).toString();
        s = s.left(percent);
        if (ip.zone.isEmpty())
            return std::nullopt;
    }
    if (s.count(QLatin1Char(':')) < 2)
        return std::nullopt;
    QList<quint16> head;
    QList<quint16> tail;
    const qsizetype gap = s.indexOf(QLatin1String("::"));
    if (gap >= 0) {
        if (s.indexOf(QLatin1String("::"), gap + 1) >= 0)
            return std::nullopt;
        const QStringView tailText = s.mid(gap + 2);
        if (!parseV6Groups(s.left(gap), head, false) || !parseV6Groups(tailText, tail, true))
            return std::nullopt;
        if (head.size() + tail.size() > 7)
            return std::nullopt;
    } else {
        if (!parseV6Groups(s, head, true) || head.size() != 8)
            return std::nullopt;
    }
    std::array<quint16, 8> g{};
    for (qsizetype i = 0; i < head.size(); ++i)
        g[size_t(i)] = head[i];
    for (qsizetype i = 0; i < tail.size(); ++i)
        g[size_t(8 - tail.size() + i)] = tail[i];

    // ::ffff:0:0/96 is an IPv4 address seen through an IPv6 socket: report it as IPv4.
    if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
        ip.v6 = false;
        ip.mapped = true;
        ip.address = v4Text({g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff});
        return ip;
    }
    // RFC 5952 4.2: compress the longest run of two or more zero groups, the first on a tie.
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8;) {
        if (g[size_t(i)] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && g[size_t(j)] == 0)
            ++j;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    QString text;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            text += QLatin1String("::");
            i += bestLength - 1;
            continue;
        }
        if (!text.isEmpty() && !text.endsWith(QLatin1Char(':')))
            text += QLatin1Char(':');
        text += QString::number(g[size_t(i)], 16);
    }
    ip.address = text;
    return ip;
}

} // namespace

std::optional<IpText> normaliseIp(QStringView text)
{
    QStringView s = text.trimmed();
    // Peel brackets and parentheses in any nesting: "[(134.97.4.21)]" is seen in the wild.
    while (s.size() >= 2 && ((s.front() == QLatin1Char('[') && s.back() == QLatin1Char(']')) ||
                             (s.front() == QLatin1Char('(') && s.back() == QLatin1Char(')'))))
        s = s.mid(1, s.size() - 2).trimmed();
    int port = -1;
    // "[192.0.2.1]:25" or "[2001:db8::1]:25": the port follows the closing bracket.
    const qsizetype close = s.indexOf(QLatin1Char(']'));
    if (s.startsWith(QLatin1Char('[')) && close > 0) {
        const QStringView after = s.mid(close + 1);
        if (after.startsWith(QLatin1Char(':'))) {
            bool ok = false;
            port = after.mid(1).toInt(&ok);
            if (!ok)
                return std::nullopt;
        } else if (!after.isEmpty()) {
            return std::nullopt;
        }
        s = s.mid(1, close - 1);
    }
    if (s.startsWith(QLatin1String("IPv6:"), Qt::CaseInsensitive))
        s = s.mid(5);
    if (s.isEmpty())
        return std::nullopt;

    if (s.contains(QLatin1Char(':')) && !s.contains(QLatin1String("::")) &&
        s.count(QLatin1Char(':')) == 1 && s.contains(QLatin1Char('.'))) {
        // IPv4 with ":port".
        const qsizetype colon = s.indexOf(QLatin1Char(':'));
        bool ok = false;
        const int p = s.mid(colon + 1).toInt(&ok);
        const auto v4 = parseV4(s.left(colon));
        if (!ok || !v4)
            return std::nullopt;
        IpText ip;
        ip.address = v4Text(*v4);
        ip.port = p;
        return ip;
    }
    if (s.contains(QLatin1Char(':'))) {
        auto ip = parseV6(s);
        if (ip)
            ip->port = port;
        return ip;
    }
    if (const auto v4 = parseV4(s)) {
        IpText ip;
        ip.address = v4Text(*v4);
        ip.port = port;
        return ip;
    }
    // Old Exim and others append the port as a fifth dotted part: "10.0.8.6.13219".
    if (s.count(QLatin1Char('.')) == 4) {
        const qsizetype dot = s.lastIndexOf(QLatin1Char('.'));
        bool ok = false;
        const int p = s.mid(dot + 1).toInt(&ok);
        const auto v4 = parseV4(s.left(dot));
        if (ok && v4 && p >= 0 && p <= 65535) {
            IpText ip;
            ip.address = v4Text(*v4);
            ip.port = p;
            return ip;
        }
    }
    return std::nullopt;
}

} // namespace Awb
