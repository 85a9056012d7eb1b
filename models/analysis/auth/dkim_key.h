#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Awb {

// A DKIM key record (RFC 6376 3.6.1): "v=DKIM1; k=rsa; p=MIIB...".
struct DkimKeyRecord
{
    QString keyType = QStringLiteral("rsa"); // k=, lower case
    QByteArray publicKey;       // p=, decoded: SubjectPublicKeyInfo (rsa) or 32 raw bytes (ed25519)
    bool revoked = false;       // p= is empty: the signer withdrew the key
    QStringList hashAlgorithms; // h=, lower case; empty means any
    QStringList flags;          // t=, lower case ("y" testing, "s" strict identity)
    QStringList serviceTypes;   // s=; empty means "*"
    QStringList problems;       // why the record cannot be used; empty when usable

    bool isUsable() const { return problems.isEmpty() && !revoked; }
};

DkimKeyRecord parseDkimKeyRecord(const QByteArray &txt);

// Where public keys come from. Implementations answer for "selector._domainkey.domain" with
// the TXT record's text (the character-strings joined), or nothing when there is no record.
// Lookups must be thread-safe: checks run on several threads at once.
class DkimKeyProvider
{
public:
    virtual ~DkimKeyProvider() = default;
    virtual std::optional<QByteArray> txtRecord(const QString &selector,
                                                const QString &domain) const = 0;
    // For evidence: "the key file demo-dkim-keys.zone".
    virtual QString describe() const = 0;
};

// Keys read from DNS zone-file text: "sel._domainkey.example.org. 3600 IN TXT ( "v=DKIM1; ..."
// "..." )". Owner names are absolute or relative to no origin; TTL and class are optional;
// ';' starts a comment outside quotes; parentheses continue a record over lines. Lines that
// are not TXT records are skipped. Immutable after loading, so lookups are thread-safe.
class ZoneFileDkimKeyProvider final : public DkimKeyProvider
{
public:
    static Result<ZoneFileDkimKeyProvider> load(const QString &path);
    static ZoneFileDkimKeyProvider fromText(const QByteArray &text, const QString &sourceName);

    std::optional<QByteArray> txtRecord(const QString &selector,
                                        const QString &domain) const override;
    QString describe() const override;
    qsizetype size() const { return m_records.size(); }

private:
    QHash<QString, QByteArray> m_records; // "sel._domainkey.example.org" -> record text
    QString m_source;
};

// The key provider the DKIM checks use, for the whole program (the analysis context carries
// no key source of its own). None by default: without it signatures are parsed and body hashes
// computed, but no signature is verified. This issue adds no DNS lookup; a front end sets a
// key file (or, later, a resolver). Thread-safe; the provider is shared, never copied.
void setDkimKeyProvider(std::shared_ptr<const DkimKeyProvider> provider);
std::shared_ptr<const DkimKeyProvider> dkimKeyProvider();

} // namespace Awb
