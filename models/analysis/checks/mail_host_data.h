#pragma once

// The host-name knowledge of the Received checks, as data kept in one place and built once: the
// large mail providers, and what a dynamic or generic reverse DNS name looks like. The chain
// analysis also asks dynamicRdnsReason(), so that an ISP's address pool under the receiver's
// own domain is never taken for the receiver's internal relay. Pure QtCore, thread-safe.

#include "network/ip_address.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Awb::ReceivedChecks {

// A large mail provider: the domains its users' addresses are in, and the domains its mail
// servers are named under (their rDNS, HELO and "by" names).
struct MailProvider
{
    QString name;            // for evidence, "Google (Gmail)"
    QStringList userDomains; // exact address domains: "gmail.com", "googlemail.com"
    QStringList hostDomains; // server names are these or under them: "google.com"
};

const QList<MailProvider> &mailProviders();

// The provider whose users have addresses at exactly this domain, or nullptr.
const MailProvider *providerForUserDomain(const QString &domain);
// The provider that this host name belongs to (it is one of its user or host domains or lies
// under one), or nullptr. "mail-wr1-f54.google.com" and "gmail.com" are Google's.
const MailProvider *providerForHost(const QString &host);
// The host lies under one of this provider's host or user domains.
bool isProviderHost(const MailProvider &provider, const QString &host);

// Why this reverse DNS name looks like an address pool rather than a mail server: "the label
// \"dyn\"", "the client address 198.51.100.77 written into the name"; nullopt when it does not.
std::optional<QString> dynamicRdnsReason(const QString &rdns, const std::optional<IpAddress> &ip);

} // namespace Awb::ReceivedChecks
