#include "blacklist/dkim_key_config.h"

#include "blacklist/dns_dkim_key_provider.h"

#include <QHostAddress>
#include <QSettings>
#include <QThread>

#include <thread>
#include <vector>

namespace Awb {

namespace {

const QString keyFileKey = QStringLiteral("dkim/keyFile");
const QString dnsKey = QStringLiteral("dkim/dnsLookups");
const QString nameserverKey = QStringLiteral("dkim/nameserver");

// DnsDkimKeyProvider waits for QDnsLookup in a local QEventLoop on the calling thread. Where an
// event loop already runs, that local loop would deliver the thread's other events too: in the
// window, a click on another message would re-enter the re-analysis of the shown one. There
// the lookup runs on a plain thread (Qt adopts it and gives it its own event dispatcher) and
// the caller blocks until it is answered, which the provider's timeout bounds.
class OwnThreadDkimKeyProvider final : public DkimKeyProvider
{
public:
    explicit OwnThreadDkimKeyProvider(std::shared_ptr<const DkimKeyProvider> provider)
        : m_provider(std::move(provider))
    {}

    std::optional<QByteArray> txtRecord(const QString &selector,
                                        const QString &domain) const override
    {
        if (QThread::currentThread()->loopLevel() == 0)
            return m_provider->txtRecord(selector, domain);
        std::optional<QByteArray> record;
        std::thread lookup([&] { record = m_provider->txtRecord(selector, domain); });
        lookup.join();
        return record;
    }

    QString describe() const override { return m_provider->describe(); }

private:
    std::shared_ptr<const DkimKeyProvider> m_provider;
};

} // namespace

DkimKeyConfig DkimKeyConfig::fromSettings(const QSettings &settings)
{
    DkimKeyConfig config;
    config.keyFile = settings.value(keyFileKey).toString().trimmed();
    config.dnsLookups = settings.value(dnsKey, false).toBool();
    config.nameserver = settings.value(nameserverKey).toString().trimmed();
    return config;
}

void DkimKeyConfig::store(QSettings &settings) const
{
    settings.setValue(keyFileKey, keyFile);
    settings.setValue(dnsKey, dnsLookups);
    settings.setValue(nameserverKey, nameserver);
}

Status DkimKeyConfig::check() const
{
    if (nameserver.isEmpty())
        return Status::success();
    if (!dnsLookups)
        return Error{QStringLiteral("DKIM nameserver %1 is set, but DNS lookups of DKIM keys are "
                                    "off")
                         .arg(nameserver)};
    if (QHostAddress(nameserver).isNull())
        return Error{
            QStringLiteral("not an IP address for the DKIM nameserver: %1").arg(nameserver)};
    return Status::success();
}

Result<std::shared_ptr<const DkimKeyProvider>> buildDkimKeyProvider(const DkimKeyConfig &config,
                                                                    EmptyKeyFile emptyKeyFile)
{
    if (const Status checked = config.check(); !checked)
        return Error{checked.error()};
    std::vector<std::shared_ptr<const DkimKeyProvider>> providers;
    // The key file first: a key given by hand overrides what DNS says today.
    if (!config.keyFile.isEmpty()) {
        auto keys = ZoneFileDkimKeyProvider::load(config.keyFile);
        if (!keys)
            return Error{keys.error()};
        if (keys->size() == 0 && emptyKeyFile == EmptyKeyFile::Reject)
            return Error{QStringLiteral("%1: no DKIM key in the file (expected zone-file TXT "
                                        "records such as sel._domainkey.example.org. IN TXT "
                                        "\"v=DKIM1; k=rsa; p=...\")")
                             .arg(config.keyFile)};
        providers.push_back(std::make_shared<ZoneFileDkimKeyProvider>(std::move(keys.value())));
    }
    if (config.dnsLookups)
        providers.push_back(std::make_shared<OwnThreadDkimKeyProvider>(
            std::make_shared<DnsDkimKeyProvider>(QHostAddress(config.nameserver))));
    if (providers.empty())
        return std::shared_ptr<const DkimKeyProvider>();
    if (providers.size() == 1)
        return std::move(providers.front());
    return std::shared_ptr<const DkimKeyProvider>(
        std::make_shared<DkimKeyProviderChain>(std::move(providers)));
}

Status applyDkimKeyConfig(const DkimKeyConfig &config, EmptyKeyFile emptyKeyFile)
{
    auto provider = buildDkimKeyProvider(config, emptyKeyFile);
    if (!provider)
        return Error{provider.error()};
    setDkimKeyProvider(std::move(provider.value()));
    return Status::success();
}

} // namespace Awb
