#include "blacklist/listed_blocklists.h"

#include "blacklist/dnsbl_zones.h"
#include "network/ip_address.h"

namespace Awb {

QStringList listedBlocklists(const QString &listName, const QString &zone,
                             const QStringList &returnCodes)
{
    const std::optional<DnsblZone> known =
        findDnsblZone(zone.trimmed().isEmpty() ? QStringView(listName) : QStringView(zone));
    if (!known || returnCodes.isEmpty())
        return {listName};
    // "Spamhaus ZEN" -> "Spamhaus": the family whose lists the sublists are.
    const QString family = known->name.section(QLatin1Char(' '), 0, -2);
    QStringList names;
    for (const QString &code : returnCodes) {
        const std::optional<IpAddress> address = IpAddress::parse(code.trimmed());
        if (!address)
            continue;
        const DnsblCodeReading reading = readDnsblCode(*known, *address);
        QString name;
        if (reading.kind == DnsblCodeKind::Listing && !reading.sublist.isEmpty() &&
            !family.isEmpty())
            name = family + QLatin1Char(' ') + reading.sublist;
        else if (reading.kind == DnsblCodeKind::Listing || reading.kind == DnsblCodeKind::Unknown)
            name = listName;
        if (!name.isEmpty() && !names.contains(name))
            names << name;
    }
    return names.isEmpty() ? QStringList{listName} : names;
}

} // namespace Awb
