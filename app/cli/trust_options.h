#pragma once

#include "analysis/trust_settings.h"

class QCommandLineParser;

namespace Awb::Cli {

// The analysis settings every command that analyses takes: --settings FILE (an INI file with
// the [analysis] keys of Settings > Networks), then --trusted, --ours, --our-domain and
// --authserv-id, which add to what the file gives; --dkim-keys FILE loads DKIM public keys,
// --dkim-dns [--dkim-nameserver IP] looks them up in DNS (after the key file, when both).
void addTrustOptions(QCommandLineParser &parser);
// False (with the reason in `error`) when the file is missing or an entry is not a network.
bool trustFromOptions(const QCommandLineParser &parser, TrustSettings *trust, QString *error);

// Makes the keys in a zone file the program's DKIM keys (--dkim-keys, and the demo's keys).
bool loadDkimKeys(const QString &path, QString *error);

// Installs the DKIM key provider the options ask for (part of trustFromOptions): the key file,
// DNS, or both in that order. False (with the reason) for an unreadable key file, an invalid
// --dkim-nameserver, or --dkim-nameserver without --dkim-dns.
bool dkimKeysFromOptions(const QCommandLineParser &parser, QString *error);

} // namespace Awb::Cli
