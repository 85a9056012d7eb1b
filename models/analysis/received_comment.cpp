#include "received_parser_p.h"

#include "analysis/received_tokenizer.h"

#include <QRegularExpression>
#include <QSet>

namespace Awb::ReceivedDetail {

namespace {

using Kind = ReceivedToken::Kind;

bool isWord(const QList<ReceivedToken> &t, qsizetype i)
{
    return i >= 0 && i < t.size() && t[i].kind == Kind::Word;
}

bool wordIs(const QList<ReceivedToken> &t, qsizetype i, const char *word)
{
    return isWord(t, i) && t[i].text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
}

// Words that stand where an rDNS name would, but mean "no name" or are remarks.
bool isRdnsMarker(QStringView word)
{
    static const char *const markers[] = {"unknown", "unverified", "verified", "softdnserr",
                                          "may",     "forged",     "rdns",     "failed"};
    for (const char *m : markers) {
        if (word.compare(QLatin1String(m), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void setRdns(ReceivedHop &hop, QStringView name)
{
    if (!hop.fromRdns.isEmpty() || name.isEmpty() || isRdnsMarker(name))
        return;
    QString n = name.toString();
    while (n.endsWith(QLatin1Char('.')))
        n.chop(1);
    hop.fromRdns = n;
}

void setAuth(ReceivedHop &hop, const QString &shown, const QString &user, const QString &mech)
{
    hop.authenticated = true;
    if (hop.auth.isEmpty())
        hop.auth = shown;
    if (hop.authUser.isEmpty())
        hop.authUser = user;
    if (hop.authMechanism.isEmpty())
        hop.authMechanism = mech.toUpper();
}

// "user@host", "user@ip", "user@" followed by "[ip]", optionally followed by "with MECH"
// (Yahoo's authenticated form): ident, or SMTP AUTH user when a mechanism follows.
qsizetype readUserAtHost(const QList<ReceivedToken> &t, qsizetype i, ReceivedHop &hop)
{
    QString word = t[i].text;
    if (word.startsWith(QLatin1String("IDENT:"), Qt::CaseInsensitive))
        word = word.mid(6);
    const qsizetype at = word.lastIndexOf(QLatin1Char('@'));
    const QString user = word.left(at);
    QString host = word.mid(at + 1);
    qsizetype next = i + 1;
    if (host.isEmpty() && next < t.size() && t[next].kind == Kind::Literal)
        host = t[next++].text;
    if (const auto ip = normaliseIp(host))
        setFromIp(hop, *ip);
    else
        setRdns(hop, host);
    if (wordIs(t, next, "with") && isWord(t, next + 1)) {
        setAuth(hop, t[i].text + QLatin1String(" with ") + t[next + 1].text, user,
                t[next + 1].text);
        return next + 1;
    }
    if (hop.ident.isEmpty())
        hop.ident = user;
    return next - 1;
}

// key=value words: Sendmail's "version=TLSv1.3 cipher=...", Exim's "helo=x ident=y".
void readKeyValue(const QList<ReceivedToken> &t, qsizetype &i, bool fromClause, ReceivedHop &hop,
                  FromState &from)
{
    const QString &word = t[i].text;
    const qsizetype eq = word.indexOf(QLatin1Char('='));
    const QString key = word.left(eq).toLower();
    QString value = word.mid(eq + 1);
    if (value.isEmpty() && i + 1 < t.size() &&
        (t[i + 1].kind == Kind::Literal || t[i + 1].kind == Kind::Quoted))
        value = t[++i].text;
    if (key == QLatin1String("version")) {
        if (hop.tlsVersion.isEmpty())
            hop.tlsVersion = normaliseTlsVersion(value);
        hop.tls = true;
    } else if (key == QLatin1String("cipher") || key == QLatin1String("tls_cipher")) {
        if (hop.tlsCipher.isEmpty())
            hop.tlsCipher = value;
        hop.tls = true;
    } else if (fromClause && key == QLatin1String("helo")) {
        from.explicitHelo = true;
        if (hop.heloCommand.isEmpty())
            hop.heloCommand = QStringLiteral("HELO");
        if (hop.fromHelo.isEmpty())
            hop.fromHelo = value;
    } else if (fromClause && key == QLatin1String("ident")) {
        if (hop.ident.isEmpty())
            hop.ident = value;
    }
}

} // namespace

void setFromIp(ReceivedHop &hop, const IpText &ip)
{
    if (!hop.fromIp.isEmpty())
        return;
    hop.fromIp = ip.address;
    hop.fromIpMapped = ip.mapped;
    hop.fromIpZone = ip.zone;
}

QString normaliseTlsVersion(QStringView word)
{
    static const QRegularExpression version(
        QStringLiteral("^(TLS|SSL)[-_ ]?v?(\\d)(?:[._](\\d))?(?:/SSLv3)?$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = version.match(word);
    if (!m.hasMatch())
        return {};
    if (m.capturedView(1).compare(QLatin1String("SSL"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("SSLv") + m.captured(2);
    if (m.capturedView(2) != QLatin1String("1"))
        return {};
    const QString minor = m.captured(3);
    return QStringLiteral("TLSv1.") + (minor.isEmpty() ? QStringLiteral("0") : minor);
}

bool looksLikeCipher(QStringView word)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Z0-9]+(?:[-_][A-Z0-9]+)+$"));
    static const QRegularExpression parts(
        QStringLiteral("AES|CHACHA|DES|RC4|CAMELLIA|ARIA|SEED|NULL|GCM|CBC"));
    return shape.match(word).hasMatch() && parts.match(word).hasMatch();
}

bool readTlsTriple(QStringView word, ReceivedHop &hop)
{
    const auto pieces = word.split(QLatin1Char(':'));
    if (pieces.size() < 2 || pieces.size() > 3)
        return false;
    const QString version = normaliseTlsVersion(pieces[0]);
    if (version.isEmpty() || pieces[1].isEmpty())
        return false;
    hop.tls = true;
    if (hop.tlsVersion.isEmpty())
        hop.tlsVersion = version;
    if (hop.tlsCipher.isEmpty())
        hop.tlsCipher = pieces[1].toString();
    return true;
}

bool looksLikeHostName(QStringView word)
{
    static const QRegularExpression host(
        QStringLiteral("^[A-Za-z0-9_](?:[A-Za-z0-9_-]*)(?:\\.[A-Za-z0-9_-]+)*\\.?$"));
    bool letter = false;
    for (QChar c : word)
        letter = letter || c.isLetter();
    return letter && host.match(word).hasMatch();
}

QString byIpFromComment(QStringView content)
{
    const auto ip = normaliseIp(content);
    return ip ? ip->address : QString();
}

void readComment(QStringView content, bool fromClause, ReceivedHop &hop, FromState &from)
{
    const QList<ReceivedToken> t = tokenizeReceived(content);
    const bool firstConnectionComment = fromClause && !from.sawConnectionComment;
    if (fromClause)
        from.sawConnectionComment = true;
    bool ipSeenHere = false;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const ReceivedToken &tok = t[i];
        if (tok.kind == Kind::Literal ||
            (fromClause && tok.kind == Kind::Word && !ipSeenHere &&
             !tok.text.contains(QLatin1Char('@')) && normaliseIp(tok.text))) {
            if (!fromClause)
                continue;
            if (const auto ip = normaliseIp(tok.text)) {
                if (i == 0 && tok.kind == Kind::Literal && firstConnectionComment)
                    from.ipLiteralFirst = true;
                setFromIp(hop, *ip);
                ipSeenHere = true;
            }
            continue;
        }
        if (tok.kind == Kind::Angle) {
            if (fromClause && !ipSeenHere && i + 1 < t.size() && t[i + 1].kind == Kind::Literal)
                setRdns(hop, tok.text); // Comcast's "(<unknown.domain>[12.211.5.69])"
            continue;
        }
        if (tok.kind != Kind::Word)
            continue;
        const QString &w = tok.text;
        const QString lower = w.toLower();

        if (w.contains(QLatin1Char('='))) {
            readKeyValue(t, i, fromClause, hop, from);
        } else if (readTlsTriple(w, hop)) {
            continue;
        } else if (const QString v = normaliseTlsVersion(w); !v.isEmpty()) {
            hop.tls = true;
            if (hop.tlsVersion.isEmpty())
                hop.tlsVersion = v;
        } else if (lower == QLatin1String("cipher") && isWord(t, i + 1)) {
            // Postfix "with cipher X"; Exim 3 "Cipher TLSv1:DES-CBC3-SHA:168".
            hop.tls = true;
            if (!readTlsTriple(t[i + 1].text, hop) && hop.tlsCipher.isEmpty())
                hop.tlsCipher = t[i + 1].text;
            ++i;
        } else if (looksLikeCipher(w)) {
            hop.tls = true;
            if (hop.tlsCipher.isEmpty())
                hop.tlsCipher = w;
        } else if (lower == QLatin1String("auth:")) {
            // Courier and others: "AUTH: MECH user" or "AUTH: user", up to a comma.
            QStringList words;
            qsizetype j = i + 1;
            for (; j < t.size() && t[j].kind == Kind::Word; ++j)
                words << t[j].text;
            const QString shown = (QStringList{w} + words).join(QLatin1Char(' '));
            setAuth(hop, shown, words.value(words.size() >= 2 ? 1 : 0),
                    words.size() >= 2 ? words[0] : QString());
            i = j - 1;
        } else if (lower == QLatin1String("authenticated")) {
            QString user;
            if (wordIs(t, i + 1, "sender:") && isWord(t, i + 2))
                user = t[i + 2].text; // Postfix: "(Authenticated sender: user)"
            else if (wordIs(t, i + 1, "user") && isWord(t, i + 2))
                user = t[i + 2].text; // SquirrelMail: "(... authenticated user name)"
            setAuth(hop, content.trimmed().toString(), user, QString());
            if (!user.isEmpty())
                i += 2; // the user is not an ident or a host
        } else if (lower == QLatin1String("account") && fromClause && isWord(t, i + 1)) {
            setAuth(hop, w + QLatin1Char(' ') + t[i + 1].text, t[i + 1].text, QString());
            ++i; // CommuniGate: "(account name [ip] verified)"
        } else if ((lower == QLatin1String("envelope-from") ||
                    lower == QLatin1String("envelope-sender")) &&
                   i + 1 < t.size() &&
                   (t[i + 1].kind == Kind::Angle || t[i + 1].kind == Kind::Word)) {
            if (hop.envelopeFrom.isEmpty())
                hop.envelopeFrom = t[i + 1].text;
            ++i;
        } else if (!fromClause) {
            continue;
        } else if (lower == QLatin1String("helo") || lower == QLatin1String("ehlo") ||
                   lower == QLatin1String("lhlo")) {
            from.explicitHelo = true;
            if (hop.heloCommand.isEmpty())
                hop.heloCommand = w.toUpper();
            if (i + 1 < t.size() &&
                (t[i + 1].kind == Kind::Word || t[i + 1].kind == Kind::Literal)) {
                if (hop.fromHelo.isEmpty())
                    hop.fromHelo = t[i + 1].text;
                ++i;
            }
        } else if (w.contains(QLatin1Char('@')) && !w.startsWith(QLatin1Char('@'))) {
            i = readUserAtHost(t, i, hop);
        } else if (!ipSeenHere && (lower == QLatin1String("localhost") || looksLikeHostName(w)) &&
                   (w.contains(QLatin1Char('.')) || lower == QLatin1String("localhost") ||
                    (i + 1 < t.size() && t[i + 1].kind == Kind::Literal))) {
            setRdns(hop, w);
        }
    }
}

void deriveProtocol(ReceivedHop &hop)
{
    static const QSet<QString> known = {
        QStringLiteral("SMTP"),       QStringLiteral("ESMTP"),      QStringLiteral("ESMTPA"),
        QStringLiteral("ESMTPS"),     QStringLiteral("ESMTPSA"),    QStringLiteral("LMTP"),
        QStringLiteral("LMTPA"),      QStringLiteral("LMTPS"),      QStringLiteral("LMTPSA"),
        QStringLiteral("UTF8SMTP"),   QStringLiteral("UTF8SMTPA"),  QStringLiteral("UTF8SMTPS"),
        QStringLiteral("UTF8SMTPSA"), QStringLiteral("UTF8LMTP"),   QStringLiteral("UTF8LMTPA"),
        QStringLiteral("UTF8LMTPS"),  QStringLiteral("UTF8LMTPSA"), QStringLiteral("SMTPS"),
        QStringLiteral("HTTP"),       QStringLiteral("HTTPS"),      QStringLiteral("IMAP"),
        QStringLiteral("POP3"),       QStringLiteral("LOCAL"),      QStringLiteral("MAPI")};
    static const QRegularExpression separators(QStringLiteral("[\\s/]+"));
    static const QRegularExpression plainWord(QStringLiteral("^[A-Za-z0-9_-]+$"));
    const QStringList pieces = hop.with.split(separators, Qt::SkipEmptyParts);
    QString protocol;
    for (const QString &piece : pieces) {
        QString p = piece.toUpper();
        if (p.startsWith(QLatin1String("LOCAL-")))
            p = p.mid(6); // Exim's local-esmtp, local-bsmtp
        if (p == QLatin1String("SMTPSVC") || p == QLatin1String("BSMTP"))
            p = QStringLiteral("SMTP");
        else if (p == QLatin1String("ESMTP-TLS"))
            p = QStringLiteral("ESMTPS");
        else if (p == QLatin1String("HTTPREST"))
            p = QStringLiteral("HTTP");
        if (protocol.isEmpty() && known.contains(p))
            protocol = p;
        if (p == QLatin1String("TLS"))
            hop.tls = true;
        else if (looksLikeCipher(piece) && hop.tlsCipher.isEmpty())
            hop.tlsCipher = piece; // "ESMTP/TLS/DHE-RSA-AES256-GCM-SHA384"
    }
    if (protocol.isEmpty() && pieces.size() == 1 && plainWord.match(pieces[0]).hasMatch())
        protocol = pieces[0].toUpper();
    hop.protocol = protocol;
    static const QRegularExpression secure(QStringLiteral("^(E?SMTP|LMTP|UTF8[SL]MTP|HTTP)S"));
    static const QRegularExpression authed(QStringLiteral("^(ESMTP|LMTP|UTF8[SL]MTP)S?A$"));
    if (secure.match(protocol).hasMatch())
        hop.tls = true;
    if (authed.match(protocol).hasMatch())
        hop.authenticated = true;
    if (!hop.tlsCipher.isEmpty() || !hop.tlsVersion.isEmpty())
        hop.tls = true;
}

} // namespace Awb::ReceivedDetail
