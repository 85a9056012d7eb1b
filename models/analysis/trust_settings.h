#pragma once

#include "network/ip_network.h"

#include <QStringList>

class QSettings;

namespace Awb {

// Who the analysis believes. `trusted` are the receiving side's relays (their stamps are the
// record); `ours` is the provider's own address space (a hop from there is our customer). Both
// come from settings or `awb analyze --trusted/--ours`, and `ours` later also from the account
// directory's IP assignments.
struct TrustSettings
{
    IpNetworkSet trusted;
    IpNetworkSet ours;
    // authserv-ids whose Authentication-Results are believed (RFC 8601 section 7.1); results
    // stamped by anyone else are the sender's claims.
    QStringList trustedAuthservIds;
    // Domains of our own mail servers (the abuse mailbox's MX): the topmost Received stamp
    // written by a host under one of them is when a report reached us (section V's clock).
    QStringList ourMailDomains;

    // From CIDR texts ("203.0.113.0/24", "2001:db8::/32", a bare address); blank entries are
    // skipped, and entries that are not networks are left out and listed in `invalid`.
    static TrustSettings fromText(const QStringList &trusted, const QStringList &ours,
                                  QStringList *invalid = nullptr);

    // From the [analysis] group of a settings store (the window's QSettings, or an INI file
    // such as resources/demo/analysis.ini): trustedNetworks, ourNetworks, ourMailDomains,
    // trustedAuthservIds, each a list. Invalid networks are listed in `invalid`.
    static TrustSettings fromSettings(const QSettings &settings, QStringList *invalid = nullptr);
    // Writes the lists back in the same keys.
    static void store(QSettings &settings, const QStringList &trusted, const QStringList &ours,
                      const QStringList &ourMailDomains, const QStringList &trustedAuthservIds);
};

} // namespace Awb
