#include "analysis/received_parser.h"

#include "analysis/mail_date.h"
#include "analysis/received_parser_p.h"
#include "analysis/received_tokenizer.h"

#include <QRegularExpression>

namespace Awb {

using namespace ReceivedDetail;

namespace {

using Kind = ReceivedToken::Kind;

enum class Clause { None, From, By, Via, With, Id, For, Ignored };

Clause keyword(const ReceivedToken &t)
{
    if (t.kind != Kind::Word || t.text.size() > 4)
        return Clause::None;
    const QString w = t.text.toLower();
    if (w == QLatin1String("from"))
        return Clause::From;
    if (w == QLatin1String("by"))
        return Clause::By;
    if (w == QLatin1String("via"))
        return Clause::Via;
    if (w == QLatin1String("with"))
        return Clause::With;
    if (w == QLatin1String("id"))
        return Clause::Id;
    if (w == QLatin1String("for"))
        return Clause::For;
    return Clause::None;
}

bool isValueToken(const ReceivedToken &t)
{
    return (t.kind == Kind::Word && keyword(t) == Clause::None) || t.kind == Kind::Literal ||
           t.kind == Kind::Angle || t.kind == Kind::Quoted;
}

// Where the date starts when the stamp forgot the ';' before it: the last RFC 5322, ctime or
// ISO date-time found outside comments. -1 when there is none.
qsizetype findUnmarkedDate(const QString &text, const QList<ReceivedToken> &tokens)
{
    static const QRegularExpression date(
        QStringLiteral("(?:\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\\s+)?\\b\\d{1,2}\\s+"
                       "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{2,4}"
                       "\\s+\\d{1,2}:\\d{2}"
                       "|\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\s+"
                       "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\s+\\d{1,2}\\s+"
                       "\\d{1,2}:\\d{2}"
                       "|\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}"),
        QRegularExpression::CaseInsensitiveOption);
    // Blank out bracketed content so that a date inside a comment is not taken.
    QString topLevel = text;
    for (const ReceivedToken &t : tokens) {
        if (t.kind == Kind::Comment || t.kind == Kind::Literal || t.kind == Kind::Angle ||
            t.kind == Kind::Quoted) {
            for (qsizetype i = t.offset; i < t.offset + t.text.size() + 2 && i < text.size(); ++i)
                topLevel[i] = QLatin1Char(' ');
        }
    }
    qsizetype found = -1;
    auto it = date.globalMatch(topLevel);
    while (it.hasNext())
        found = it.next().capturedStart(0);
    return found;
}

// The clause walk. Each keyword opens a clause; the tokens up to the next keyword belong to it.
// The first from/by/with/... wins: later repeats are remarks ("by alpha by uid 7791") or the
// envelope sender (XMail's trailing "from <sender>").
class ClauseReader
{
public:
    ClauseReader(ReceivedHop &hop, const QList<ReceivedToken> &tokens, qsizetype dateStart)
        : m_hop(hop)
        , m_tokens(tokens)
        , m_dateStart(dateStart)
    {}

    void run();

    FromState m_from;
    bool m_anyClause = false;
    bool m_fromSeen = false;
    bool m_exim = false;

private:
    void openClause(Clause clause, qsizetype &i);
    QString readWords(qsizetype &i);
    void readTopLevelWord(qsizetype &i);

    ReceivedHop &m_hop;
    const QList<ReceivedToken> &m_tokens;
    qsizetype m_dateStart;
    Clause m_clause = Clause::None;
    bool m_bySeen = false;
};

QString ClauseReader::readWords(qsizetype &i)
{
    QStringList words;
    while (i + 1 < m_tokens.size() && m_tokens[i + 1].kind == Kind::Word &&
           keyword(m_tokens[i + 1]) == Clause::None && m_tokens[i + 1].offset < m_dateStart)
        words << m_tokens[++i].text;
    return words.join(QLatin1Char(' '));
}

void ClauseReader::openClause(Clause clause, qsizetype &i)
{
    m_anyClause = true;
    const bool hasValue = i + 1 < m_tokens.size() && isValueToken(m_tokens[i + 1]);
    const ReceivedToken *value = hasValue ? &m_tokens[i + 1] : nullptr;
    m_clause = clause;
    switch (clause) {
    case Clause::From:
        if (m_fromSeen) {
            if (value && value->kind == Kind::Angle && m_hop.envelopeFrom.isEmpty())
                m_hop.envelopeFrom = value->text;
            m_clause = Clause::Ignored;
            break;
        }
        m_fromSeen = true;
        if (value) {
            m_hop.fromName = value->text;
            ++i;
        }
        break;
    case Clause::By:
        if (m_bySeen) {
            m_clause = Clause::Ignored;
            break;
        }
        m_bySeen = true;
        if (value) {
            m_hop.by = value->text;
            ++i;
        }
        break;
    case Clause::Via:
        if (m_hop.via.isEmpty())
            m_hop.via = readWords(i);
        break;
    case Clause::With:
        if (!m_hop.with.isEmpty())
            break;
        if (value && value->kind == Kind::Literal) { // "with [XMail 1.20 ESMTP Server]"
            m_hop.with = value->text;
            ++i;
        } else {
            m_hop.with = readWords(i);
        }
        break;
    case Clause::Id:
        if (value && m_hop.id.isEmpty()) {
            m_hop.id = value->text;
            ++i;
        }
        break;
    case Clause::For:
        if (value && m_hop.for_.isEmpty()) {
            m_hop.for_ = value->text;
            ++i;
        }
        break;
    case Clause::None:
    case Clause::Ignored:
        break;
    }
}

// Words outside any value: the few phrases that carry data without a keyword of their own.
void ClauseReader::readTopLevelWord(qsizetype &i)
{
    const QString lower = m_tokens[i].text.toLower();
    auto wordAt = [this](qsizetype k) {
        return k < m_tokens.size() && m_tokens[k].kind == Kind::Word ? m_tokens[k].text.toLower()
                                                                     : QString();
    };
    if (lower == QLatin1String("tls") && i + 1 < m_tokens.size() &&
        looksLikeCipher(m_tokens[i + 1].text)) { // Exim 4.9x: "(TLS1.3) tls TLS_AES_..."
        m_hop.tls = true;
        if (m_hop.tlsCipher.isEmpty())
            m_hop.tlsCipher = m_tokens[++i].text;
    } else if (wordAt(i + 1) == QLatin1String("encrypted") && looksLikeCipher(m_tokens[i].text)) {
        m_hop.tls = true; // MessageLabs: "with AES256-GCM-SHA384 encrypted SMTP"
        if (m_hop.tlsCipher.isEmpty())
            m_hop.tlsCipher = m_tokens[i].text;
    } else if ((lower == QLatin1String("envelope-from") ||
                lower == QLatin1String("envelope-sender")) &&
               i + 1 < m_tokens.size() && m_tokens[i + 1].kind == Kind::Angle) {
        if (m_hop.envelopeFrom.isEmpty()) // Haraka writes it outside parentheses
            m_hop.envelopeFrom = m_tokens[i + 1].text;
        ++i;
    } else if (m_clause == Clause::From && lower == QLatin1String("claiming") &&
               wordAt(i + 1) == QLatin1String("to") && wordAt(i + 2) == QLatin1String("be") &&
               i + 3 < m_tokens.size() && isValueToken(m_tokens[i + 3])) {
        m_from.explicitHelo = true; // TIS smap/smtpd: ", claiming to be "helo""
        if (m_hop.fromHelo.isEmpty())
            m_hop.fromHelo = m_tokens[i + 3].text;
        i += 3;
    } else if (m_clause == Clause::From && lower == QLatin1String("as") &&
               wordAt(i + 1) == QLatin1String("user") && i + 2 < m_tokens.size()) {
        m_hop.authenticated = true; // webmail: "as user name"
        m_hop.authUser = m_tokens[i + 2].text;
        m_hop.auth = QStringLiteral("as user ") + m_hop.authUser;
        i += 2;
    }
}

void ClauseReader::run()
{
    static const QRegularExpression eximId(
        QStringLiteral("^[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}$"));
    for (qsizetype i = 0; i < m_tokens.size(); ++i) {
        const ReceivedToken &t = m_tokens[i];
        if (t.kind == Kind::Semicolon || t.kind == Kind::Comma ||
            (t.offset >= m_dateStart && m_clause != Clause::None)) {
            m_clause = Clause::None;
            if (t.kind == Kind::Semicolon || t.kind == Kind::Comma)
                continue;
        }
        const Clause k = keyword(t);
        if (k != Clause::None) {
            openClause(k, i);
            continue;
        }
        switch (t.kind) {
        case Kind::Comment:
            if (t.text.startsWith(QLatin1String("Exim "), Qt::CaseInsensitive))
                m_exim = true;
            if (m_clause == Clause::By && m_hop.byIp.isEmpty())
                m_hop.byIp = byIpFromComment(t.text);
            readComment(t.text, m_clause == Clause::From, m_hop, m_from);
            break;
        case Kind::Literal:
            // "from host [192.0.2.1] by": connection info written without parentheses.
            if (m_clause == Clause::From) {
                if (const auto ip = normaliseIp(t.text))
                    setFromIp(m_hop, *ip);
            }
            break;
        case Kind::Word:
            readTopLevelWord(i);
            break;
        default:
            break;
        }
    }
    m_exim = m_exim || eximId.match(m_hop.id).hasMatch();
}

// A stamp with no clause at all: take what can be read, the first IP in brackets anywhere.
void readUnknownFormat(const QList<ReceivedToken> &tokens, ReceivedHop &hop)
{
    for (const ReceivedToken &t : tokens) {
        if (t.kind == Kind::Literal) {
            if (const auto ip = normaliseIp(t.text)) {
                setFromIp(hop, *ip);
                return;
            }
        } else if (t.kind == Kind::Comment) {
            for (const ReceivedToken &inner : tokenizeReceived(t.text)) {
                if (inner.kind != Kind::Literal)
                    continue;
                if (const auto ip = normaliseIp(inner.text)) {
                    setFromIp(hop, *ip);
                    return;
                }
            }
        }
    }
}

void readDate(const QString &text, qsizetype dateStart, ReceivedHop &hop)
{
    if (dateStart < 0 || dateStart >= text.size())
        return;
    hop.dateText = text.mid(dateStart).trimmed();
    if (const auto d = parseMailDate(hop.dateText)) {
        hop.date = d->toUtc();
        hop.zoneOffsetSeconds = d->zoneOffsetSeconds;
        hop.dateValid = hop.date.isValid();
    }
}

ReceivedHop::Completeness completenessOf(const ReceivedHop &h)
{
    if ((!h.fromName.isEmpty() || !h.fromIp.isEmpty()) && !h.by.isEmpty() && h.dateValid)
        return ReceivedHop::Completeness::Full;
    const bool any = !h.fromName.isEmpty() || !h.fromIp.isEmpty() || !h.fromHelo.isEmpty() ||
                     !h.fromRdns.isEmpty() || !h.by.isEmpty() || !h.with.isEmpty() ||
                     !h.id.isEmpty() || !h.for_.isEmpty() || !h.via.isEmpty() || h.dateValid;
    return any ? ReceivedHop::Completeness::Partial : ReceivedHop::Completeness::None;
}

} // namespace

ReceivedHop parseReceived(const QByteArray &rawValue)
{
    ReceivedHop hop;
    hop.raw = rawValue;
    const QString text = unfoldReceived(rawValue);
    QList<ReceivedToken> tokens = tokenizeReceived(text);

    // "(from host [ip]) by ...": some MTAs wrap the whole from clause in a comment.
    if (!tokens.isEmpty() && tokens.front().kind == Kind::Comment &&
        tokens.front().text.trimmed().startsWith(QLatin1String("from "), Qt::CaseInsensitive)) {
        const qsizetype base = tokens.front().offset + 1;
        QList<ReceivedToken> inner = tokenizeReceived(tokens.front().text);
        for (ReceivedToken &t : inner)
            t.offset += base;
        tokens = inner + tokens.mid(1);
    }

    qsizetype dateStart = -1;
    for (qsizetype i = tokens.size() - 1; i >= 0; --i) {
        if (tokens[i].kind == Kind::Semicolon) {
            dateStart = tokens[i].offset + 1;
            break;
        }
    }
    const bool semicolonFound = dateStart >= 0;
    if (!semicolonFound)
        dateStart = findUnmarkedDate(text, tokens);

    ClauseReader reader(hop, tokens, semicolonFound || dateStart < 0 ? text.size() + 1 : dateStart);
    reader.run();

    if (!reader.m_anyClause)
        readUnknownFormat(tokens, hop);

    // Where the stamp writes the HELO separately (qmail, qpsmtpd, Exim's helo=, TIS smap), or
    // is Exim's "name ([ip])", the from name is the receiver's own rDNS lookup.
    const bool nameIsRdns =
        reader.m_from.explicitHelo || (reader.m_exim && reader.m_from.ipLiteralFirst);
    if (nameIsRdns && hop.fromRdns.isEmpty() && !normaliseIp(hop.fromName) &&
        hop.fromName.compare(QLatin1String("unknown"), Qt::CaseInsensitive) != 0 &&
        looksLikeHostName(hop.fromName)) {
        hop.fromRdns = hop.fromName;
        while (hop.fromRdns.endsWith(QLatin1Char('.')))
            hop.fromRdns.chop(1);
    }
    if (hop.fromIp.isEmpty()) {
        if (const auto ip = normaliseIp(hop.fromName)) {
            setFromIp(hop, *ip);
            hop.fromIpFromName = true;
        }
    }
    deriveProtocol(hop);
    readDate(text, dateStart, hop);
    hop.completeness = completenessOf(hop);
    return hop;
}

void computeHopDelays(QList<ReceivedHop> &hops)
{
    for (qsizetype i = 0; i < hops.size(); ++i) {
        ReceivedHop &hop = hops[i];
        hop.delayValid = i + 1 < hops.size() && hop.dateValid && hops[i + 1].dateValid;
        hop.delaySeconds = hop.delayValid ? hops[i + 1].date.secsTo(hop.date) : 0;
        hop.delayNegative = hop.delayValid && hop.delaySeconds < 0;
    }
}

QList<ReceivedHop> parseReceivedChain(const QList<QByteArray> &rawValues)
{
    QList<ReceivedHop> hops;
    hops.reserve(rawValues.size());
    for (const QByteArray &raw : rawValues)
        hops.append(parseReceived(raw));
    computeHopDelays(hops);
    return hops;
}

} // namespace Awb
