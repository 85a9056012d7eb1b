#pragma once

#include "analysis/auth/dkim_key.h"
#include "common/result.h"

#include <QString>

#include <memory>

class QSettings;

namespace Awb {

// Where the DKIM checks take public keys from: a key file (DNS zone-file TXT records), DNS
// lookups, or both. One description for both front ends: the window stores it in the [dkim]
// group of its QSettings (Settings > DKIM Keys), `awb` takes it from --dkim-keys, --dkim-dns and
// --dkim-nameserver. DNS lookups are off unless asked for, because each one tells the resolver
// (and whoever watches it) which signing domain and selector a report under analysis names.
struct DkimKeyConfig
{
    QString keyFile;         // a zone file; empty: none
    bool dnsLookups = false; // TXT selector._domainkey.domain
    QString nameserver;      // an IP address (port 53); empty: the system resolver

    bool isEmpty() const { return keyFile.isEmpty() && !dnsLookups; }

    // From the [dkim] group: keyFile, dnsLookups, nameserver. Missing keys give the defaults
    // (no key file, no DNS); nothing is validated here, see check() and buildDkimKeyProvider().
    static DkimKeyConfig fromSettings(const QSettings &settings);
    // Writes the three keys back.
    void store(QSettings &settings) const;

    // What is wrong with the fields themselves, without reading the key file: a nameserver
    // that is not an IP address, or a nameserver while DNS lookups are off (asking the network
    // is opted into by the switch, never implied by an address).
    Status check() const;
};

// What a key file in which no TXT record was found means. The window rejects it (a wrong file
// chosen would otherwise verify nothing, silently); `awb --dkim-keys` has always accepted it.
enum class EmptyKeyFile { Reject, Accept };

// The key source `config` describes: the key file first, then DNS, so that a key given by hand
// overrides what DNS says today. nullptr when it asks for neither. Errors name the input and
// the reason: what check() rejects, a key file that cannot be read, one without any record.
//
// DNS lookups asked on a thread whose event loop is running (the window's thread, where a shown
// message is re-analysed) run on a thread of their own while the caller waits, at most the DNS
// timeout once per name (answers are cached for the provider's life): the local event loop of
// DnsDkimKeyProvider would otherwise deliver the window's events in the middle of an analysis.
Result<std::shared_ptr<const DkimKeyProvider>>
buildDkimKeyProvider(const DkimKeyConfig &config, EmptyKeyFile emptyKeyFile = EmptyKeyFile::Reject);

// Builds the provider and makes it the program's (setDkimKeyProvider), nullptr included: an
// empty config turns verification off. On error the program's provider stays as it was.
Status applyDkimKeyConfig(const DkimKeyConfig &config,
                          EmptyKeyFile emptyKeyFile = EmptyKeyFile::Reject);

} // namespace Awb
