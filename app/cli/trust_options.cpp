#include "cli/trust_options.h"

#include "analysis/auth/dkim_key.h"

#include <QCommandLineParser>
#include <QFileInfo>
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
                                     "verifying signatures (there is no DNS lookup)."),
                      QStringLiteral("FILE")});
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
    if (parser.isSet(QStringLiteral("dkim-keys")) &&
        !loadDkimKeys(parser.value(QStringLiteral("dkim-keys")), error))
        return false;
    return true;
}

} // namespace Awb::Cli
