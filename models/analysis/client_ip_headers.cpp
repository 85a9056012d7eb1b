#include "analysis/client_ip_headers.h"

#include "mail/mail_message.h"
#include "network/ip_address.h"

#include <QRegularExpression>

namespace Awb {

namespace {

// Fields that name the client a webmail or submission server saw. Seen in the wild: Hotmail and
// Outlook.com (X-Originating-IP), cPanel/Exim (X-Source-IP), Roundcube
// (X-Sender-IP), Horde and SquirrelMail (X-Originating-IP), others (X-Client-IP, X-Remote-IP,
// X-Real-IP, X-Forwarded-For).
const QByteArray fieldNames[] = {"X-Originating-IP", "X-Sender-IP",    "X-Source-IP",
                                 "X-Client-IP",      "X-Remote-IP",    "X-Remote-Addr",
                                 "X-Real-IP",        "X-Forwarded-For"};

QString firstAddressIn(const QString &value)
{
    // "[192.0.2.1]", "192.0.2.1", "2001:db8::1", "192.0.2.1, 10.0.0.1" (the first is the client)
    static const QRegularExpression candidate(QStringLiteral("[0-9A-Fa-f:.]{3,}"));
    auto it = candidate.globalMatch(value);
    while (it.hasNext()) {
        const QString text = it.next().captured();
        if (auto ip = IpAddress::parse(text))
            return ip->toString();
    }
    return {};
}

} // namespace

QList<ClaimedClientIp> claimedClientIps(const MailMessage &message)
{
    QList<ClaimedClientIp> out;
    for (const RawHeaderField &field : message.rawHeaders()) {
        for (const QByteArray &name : fieldNames) {
            if (field.name.compare(name, Qt::CaseInsensitive) != 0)
                continue;
            const QString value = decodeHeaderText(field.rawValue).trimmed();
            out.append(
                ClaimedClientIp{QString::fromLatin1(field.name), value, firstAddressIn(value)});
        }
    }
    return out;
}

} // namespace Awb
