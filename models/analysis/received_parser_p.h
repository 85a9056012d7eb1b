#pragma once

// Private to the analysis room: the pieces of the Received parser, shared by its .cpp files.

#include "analysis/ip_text.h"
#include "analysis/received_hop.h"

#include <QString>
#include <QStringView>

namespace Awb::ReceivedDetail {

// What the from clause has told so far, beyond the hop's own fields.
struct FromState
{
    bool explicitHelo = false;   // "(HELO x)", "helo=x", "claiming to be x"
    bool ipLiteralFirst = false; // the first connection comment began with "[ip]" (Exim)
    bool sawConnectionComment = false;
};

// Reads the content of one parenthesised comment. TLS, authentication and envelope details are
// read from any comment; connection details (IP, rDNS, HELO, ident) only when fromClause is
// true, because "by host (192.0.2.1)" and "(for [192.0.2.1])" name other machines.
void readComment(QStringView content, bool fromClause, ReceivedHop &hop, FromState &from);

// The IP address of a "by host (ip)" comment, or an empty string.
QString byIpFromComment(QStringView content);

// Stores an address read from connection info into the hop (first one wins).
void setFromIp(ReceivedHop &hop, const IpText &ip);

// "TLSv1.2", "TLS1_2", "TLS-1.0", "TLSv1", "TLSv1/SSLv3", "SSLv3" -> "TLSv1.2"... or empty.
QString normaliseTlsVersion(QStringView word);

// An upper-case cipher suite name such as TLS_AES_256_GCM_SHA384 or DHE-RSA-AES256-GCM-SHA384.
bool looksLikeCipher(QStringView word);

// Reads a "VERSION:CIPHER[:BITS]" word (Exim's "TLS-1.0:RSA_AES_256_CBC_SHA:32"); false if the
// word is not of that form.
bool readTlsTriple(QStringView word, ReceivedHop &hop);

// Fills protocol (and the tls/authenticated flags it implies) from the with clause.
void deriveProtocol(ReceivedHop &hop);

// A name that may be a host name: letters, digits, '-', '_' and dots, with at least one letter.
bool looksLikeHostName(QStringView word);

} // namespace Awb::ReceivedDetail
