#include "cli/trust_options.h"

#include "blacklist/dkim_key_config.h"

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
    DkimKeyConfig config;
    config.keyFile = path;
    const Status applied = applyDkimKeyConfig(config, EmptyKeyFile::Accept);
    if (!applied)
        *error = applied.error();
    return applied.ok();
}

bool dkimKeysFromOptions(const QCommandLineParser &parser, QString *error)
{
    DkimKeyConfig config;
    config.dnsLookups = parser.isSet(QStringLiteral("dkim-dns"));
    // Checked here rather than by DkimKeyConfig::check() so that the messages name the options.
    if (parser.isSet(QStringLiteral("dkim-nameserver"))) {
        // Not implied by the address alone: asking the network is opted into by --dkim-dns.
        if (!config.dnsLookups) {
            *error = QStringLiteral("--dkim-nameserver needs --dkim-dns");
            return false;
        }
        config.nameserver = parser.value(QStringLiteral("dkim-nameserver"));
        if (QHostAddress(config.nameserver).isNull()) {
            *error = QStringLiteral("not an IP address for --dkim-nameserver: %1")
                         .arg(config.nameserver);
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("dkim-keys"))) {
        config.keyFile = parser.value(QStringLiteral("dkim-keys"));
        if (config.keyFile.isEmpty()) {
            *error = QStringLiteral("no file name for --dkim-keys");
            return false;
        }
    }
    // Without either option the provider stays as it is (the demo's keys, for `awb demo`).
    if (config.isEmpty())
        return true;
    const Status applied = applyDkimKeyConfig(config, EmptyKeyFile::Accept);
    if (!applied)
        *error = applied.error();
    return applied.ok();
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
