#include "cli/trust_options.h"

#include "analysis/auth/dkim_key.h"
#include "blacklist/dns_dkim_key_provider.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QHostAddress>
#include <QSettings>

namespace Awb::Cli {

void addTrustOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("settings"),
                      QStringLiteral("Analysis settings: an INI file with an [analysis] group "
                                     "(trustedNetworks, ourNetworks, ourMailDomains, "
                                     "trustedAuthservIds)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("trusted"),
                      QStringLiteral("A network of the receiving side's relays (repeatable)."),
                      QStringLiteral("CIDR")});
    parser.addOption({QStringLiteral("ours"),
                      QStringLiteral("A network of our own address space (repeatable)."),
                      QStringLiteral("CIDR")});
    parser.addOption({QStringLiteral("our-domain"),
                      QStringLiteral("A domain of our own mail servers, whose Received stamp dates "
                                     "a report's receipt (repeatable)."),
                      QStringLiteral("DOMAIN")});
    parser.addOption({QStringLiteral("dkim-keys"),
                      QStringLiteral("DKIM public keys as DNS TXT records in a zone file, for "
                                     "verifying signatures (asked before DNS with --dkim-dns)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("dkim-dns"),
                      QStringLiteral("Look DKIM public keys up in DNS (TXT selector._domainkey."
                                     "domain), for verifying signatures; needs a network.")});
    parser.addOption({QStringLiteral("dkim-nameserver"),
                      QStringLiteral("The DNS server for --dkim-dns (port 53); default: the "
                                     "system resolver."),
                      QStringLiteral("IP")});
    parser.addOption({QStringLiteral("authserv-id"),
                      QStringLiteral("An authserv-id whose Authentication-Results are believed "
                                     "(repeatable)."),
                      QStringLiteral("ID")});
}

bool loadDkimKeys(const QString &path, QString *error)
{
    auto keys = ZoneFileDkimKeyProvider::load(path);
    if (!keys) {
        *error = keys.error();
        return false;
    }
    setDkimKeyProvider(std::make_shared<ZoneFileDkimKeyProvider>(std::move(keys.value())));
    return true;
}

bool dkimKeysFromOptions(const QCommandLineParser &parser, QString *error)
{
    const bool dns = parser.isSet(QStringLiteral("dkim-dns"));
    QHostAddress nameserver;
    if (parser.isSet(QStringLiteral("dkim-nameserver"))) {
        // Not implied by the address alone: asking the network is opted into by --dkim-dns.
        if (!dns) {
            *error = QStringLiteral("--dkim-nameserver needs --dkim-dns");
            return false;
        }
        const QString text = parser.value(QStringLiteral("dkim-nameserver"));
        if (!nameserver.setAddress(text)) {
            *error = QStringLiteral("not an IP address for --dkim-nameserver: %1").arg(text);
            return false;
        }
    }
    if (!dns) {
        return !parser.isSet(QStringLiteral("dkim-keys")) ||
               loadDkimKeys(parser.value(QStringLiteral("dkim-keys")), error);
    }
    std::vector<std::shared_ptr<const DkimKeyProvider>> providers;
    // The key file first: a key given by hand overrides what DNS says today.
    if (parser.isSet(QStringLiteral("dkim-keys"))) {
        auto keys = ZoneFileDkimKeyProvider::load(parser.value(QStringLiteral("dkim-keys")));
        if (!keys) {
            *error = keys.error();
            return false;
        }
        providers.push_back(std::make_shared<ZoneFileDkimKeyProvider>(std::move(keys.value())));
    }
    providers.push_back(std::make_shared<DnsDkimKeyProvider>(nameserver));
    if (providers.size() == 1)
        setDkimKeyProvider(std::move(providers.front()));
    else
        setDkimKeyProvider(std::make_shared<DkimKeyProviderChain>(std::move(providers)));
    return true;
}

bool trustFromOptions(const QCommandLineParser &parser, TrustSettings *trust, QString *error)
{
    QStringList invalid;
    if (parser.isSet(QStringLiteral("settings"))) {
        const QString path = parser.value(QStringLiteral("settings"));
        if (!QFileInfo(path).isFile()) {
            *error = QStringLiteral("no such settings file: %1").arg(path);
            return false;
        }
        *trust = TrustSettings::fromSettings(QSettings(path, QSettings::IniFormat), &invalid);
    }
    const TrustSettings extra = TrustSettings::fromText(
        parser.values(QStringLiteral("trusted")), parser.values(QStringLiteral("ours")), &invalid);
    if (!invalid.isEmpty()) {
        *error = QStringLiteral("not a network (CIDR) or address: %1")
                     .arg(invalid.join(QStringLiteral(", ")));
        return false;
    }
    for (const IpNetwork &network : extra.trusted.networks())
        trust->trusted.add(network);
    for (const IpNetwork &network : extra.ours.networks())
        trust->ours.add(network);
    trust->ourMailDomains << parser.values(QStringLiteral("our-domain"));
    trust->trustedAuthservIds << parser.values(QStringLiteral("authserv-id"));
    return dkimKeysFromOptions(parser, error);
}

} // namespace Awb::Cli
