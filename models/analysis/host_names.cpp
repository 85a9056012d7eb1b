#include "analysis/host_names.h"

#include "network/ip_address.h"

#include <QStringList>

namespace Awb {

namespace {

// Second-level labels under which registrations sit one level deeper. Not the Public Suffix List
// (not packaged as a library the core can use offline), but the common cases of abuse mail.
bool isTwoLevelSuffix(const QString &secondLevel, const QString &topLevel)
{
    static const QStringList generic = {
        QStringLiteral("co"), QStringLiteral("com"), QStringLiteral("net"), QStringLiteral("org"),
        QStringLiteral("ac"), QStringLiteral("gov"), QStringLiteral("edu"), QStringLiteral("ne"),
        QStringLiteral("or"), QStringLiteral("go")};
    return topLevel.size() == 2 && generic.contains(secondLevel);
}

} // namespace

QString normalizedHost(const QString &host)
{
    QString name = host.trimmed().toLower();
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

bool sameHost(const QString &a, const QString &b)
{
    const QString x = normalizedHost(a);
    return !x.isEmpty() && x == normalizedHost(b);
}

bool isUnderDomain(const QString &host, const QString &domain)
{
    const QString h = normalizedHost(host);
    const QString d = normalizedHost(domain);
    if (h.isEmpty() || d.isEmpty())
        return false;
    return h == d || (h.size() > d.size() && h.endsWith(d) &&
                      h.at(h.size() - d.size() - 1) == QLatin1Char('.'));
}

QString organisationalDomain(const QString &host)
{
    QString name = host.trimmed().toLower();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.isEmpty() || IpAddress::parse(name))
        return {};
    const QStringList labels = name.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    if (labels.size() < 2)
        return {};
    const int n = int(labels.size());
    if (n >= 3 && isTwoLevelSuffix(labels.at(n - 2), labels.at(n - 1)))
        return labels.mid(n - 3).join(QLatin1Char('.'));
    return labels.mid(n - 2).join(QLatin1Char('.'));
}

} // namespace Awb
