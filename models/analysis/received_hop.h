#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Awb {

// One Received header, read. Every field is text as the stamp wrote it unless said otherwise;
// an empty string means the stamp did not show that item. Nothing here is verified: the
// receiver's own parts (rDNS, IP, by, date) are only as trustworthy as the receiver, which the
// trust-boundary code decides, not the parser.
struct ReceivedHop
{
    // Full: a sender (name or IP), the "by" host and a valid date were all read.
    // Partial: at least one field was read. None: nothing was recognised.
    enum class Completeness { None, Partial, Full };

    // The "from" side.
    QString fromName;    // first item of the from clause, brackets removed ("[192.0.2.1]" gives
                         // "192.0.2.1"). For Postfix and Sendmail this is the HELO argument;
                         // for qmail, qpsmtpd and Exim it is the receiver's rDNS of the sender
                         // (then also copied into fromRdns, and the HELO is in fromHelo).
    QString fromHelo;    // HELO/EHLO/LHLO argument where the stamp writes it separately
                         // ("(HELO x)", "helo=x", "claiming to be x"), brackets removed
    QString heloCommand; // "HELO", "EHLO" or "LHLO" as the stamp spells it, upper case; Exim's
                         // "helo=" gives "HELO" whichever command the client used
    QString fromRdns;    // reverse DNS as recorded by the receiver, trailing dot removed;
                         // Postfix's "unknown" (no rDNS) gives an empty string
    QString fromIp;      // connecting IP: IPv4 dotted, IPv6 lower case compressed (RFC 5952),
                         // "IPv6:" prefix and port removed; ::ffff:a.b.c.d gives a.b.c.d
    bool fromIpMapped = false;   // fromIp was written as an IPv4-mapped IPv6 address
    bool fromIpFromName = false; // no connection info was written, so fromIp is the IP that the
                                 // from clause names ("from [192.0.2.1] by ..."): Exim without
                                 // rDNS and webmail stamps write the client this way
    QString fromIpZone;          // IPv6 zone id ("eth0"), without '%'
    QString ident;        // RFC 1413 ident user ("ident=x", "IDENT:x@host", qmail's "(x@ip)"),
                          // the part before '@' when a host or IP follows it
    QString envelopeFrom; // envelope sender where a stamp shows it ("envelope-from <x>")

    // The receiving side and the transfer.
    QString by;       // receiving host as written, brackets removed
    QString byIp;     // receiving host's IP when written beside it ("by x (192.0.2.1)")
    QString with;     // the with clause as written ("esmtps", "Microsoft SMTP Server")
    QString protocol; // with, normalised: the RFC 3848 keyword in upper case (SMTP, ESMTPSA,
                      // LMTP...), HTTP, IMAP, POP3 or LOCAL; aliases folded (Exim's
                      // "local-esmtp" is ESMTP, BSMTP and Microsoft's SMTPSVC are SMTP,
                      // CommuniGate's ESMTP-TLS is ESMTPS, Gmail's HTTPREST is HTTP);
                      // otherwise a single-word with clause in upper case, else empty
    QString id;       // queue id, angle brackets removed
    QString for_;     // recipient, angle brackets removed (the first when several)
    QString via;      // the via clause as written ("smtpd", "Frontend Transport")

    // TLS and authentication, from comments, with clauses and protocol keywords.
    bool tls = false;           // any sign of TLS: a version or cipher, or ESMTPS/ESMTPSA/SMTPS...
    QString tlsVersion;         // "TLSv1.0" to "TLSv1.3", "SSLv3"; "TLSv1/SSLv3" reads as TLSv1.0
    QString tlsCipher;          // cipher suite as written ("TLS_AES_256_GCM_SHA384")
    bool authenticated = false; // SMTP AUTH or a webmail login: an ...A protocol keyword,
                                // "(authenticated ...)", "(AUTH: ...)", "(account x ...)"
    QString auth;               // the authentication text as the stamp shows it, e.g.
                                // "AUTH: CRAM-MD5 user", "Authenticated sender: user"
    QString authUser;           // the user named, when one is
    QString authMechanism;      // "PLAIN", "LOGIN", "CRAM-MD5"... upper case, when shown

    // The date after the last ';' (or, when ';' is missing, a date found at the end).
    QDateTime date;            // UTC; invalid when dateValid is false
    int zoneOffsetSeconds = 0; // the zone as written, east of UTC positive
    bool dateValid = false;
    QString dateText; // the text the date was read from, trimmed

    // Filled by computeHopDelays()/parseReceivedChain(): this hop's date minus the date of the
    // next older hop (the one below it). Negative delays (clock skew or forgery) are kept.
    qint64 delaySeconds = 0;
    bool delayValid = false;    // both dates valid and an older hop exists
    bool delayNegative = false; // delayValid and delaySeconds < 0

    Completeness completeness = Completeness::None;
    QByteArray raw; // the value exactly as passed in

    // The name the sender claimed for itself: the explicit HELO if written, else fromName.
    QString claimedName() const { return fromHelo.isEmpty() ? fromName : fromHelo; }
};

} // namespace Awb
