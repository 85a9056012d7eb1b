#include "message_source_tokenizer.h"

#include <QHashFunctions>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace Awb {

namespace {

// Every pattern starts with a look-behind or a literal, so a long run of characters is entered
// once and never rescanned from each position inside it: a 1 MB header line stays linear.
const QRegularExpression &encodedWordPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(=\?[^?\s]{1,75}\?[BbQq]\?[^?\s]{0,998}\?=)"));
    return re;
}

const QRegularExpression &angleAddrPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(<[^<>\s]{1,998}>)"));
    return re;
}

const QRegularExpression &ipv6LiteralPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\[IPv6:[0-9A-Fa-f:.]{2,45}\])"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &addrSpecPattern()
{
    static const QRegularExpression re(QStringLiteral(
        R"((?<![\w.!#$%&'*+/=?^`{|}~-])[\w.!#$%&'*+/=?^`{|}~-]{1,64}@(?:[\w-]{1,63}(?:\.[\w-]{1,63})*|\[[^\]\s]{1,64}\]))"));
    return re;
}

const QRegularExpression &datePattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s*,\s*)?\d{1,2}\s+)"
                       R"((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{2,4}\s+)"
                       R"(\d{1,2}:\d{2}(?::\d{2})?)"
                       R"((?:\s+(?:[+-]\d{4}|UT|GMT|[ECMP][SD]T|[A-IK-Z])\b)?)"
                       R"((?:\s+\([^()]{0,64}\))?)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &ipv4Pattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"((?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3})"
                       R"((?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\w|\.\d))"));
    return re;
}

// A candidate only; isIpv6() decides, so "10:00:00" in a time is not taken for an address.
const QRegularExpression &ipv6CandidatePattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"((?<![\w:.])(?=[0-9A-Fa-f.]{0,4}:)[0-9A-Fa-f:.]{2,45}(?![\w:]))"));
    return re;
}

const QRegularExpression &messageContentTypePattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(?:message/(?:rfc822|global|global-headers)|text/rfc822-headers))"
                       R"((?![\w-]))"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &boundaryParameterPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"re(\bboundary\s*=\s*(?:"([^"]{1,200})"|([^\s;"]{1,200})))re"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

bool isIpv4(QStringView text)
{
    const auto match = ipv4Pattern().match(text);
    return match.hasMatch() && match.capturedStart() == 0 && match.capturedLength() == text.size();
}

bool isHexGroup(QStringView group)
{
    if (group.isEmpty() || group.size() > 4)
        return false;
    for (const QChar c : group) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')))
            return false;
    }
    return true;
}

// RFC 4291 text forms: eight groups, or fewer with exactly one "::", optionally ending in an
// embedded IPv4 address (which counts as two groups).
bool isIpv6(QStringView text)
{
    const qsizetype compressed = text.indexOf(u"::");
    if (compressed >= 0 && text.indexOf(u"::", compressed + 1) >= 0)
        return false;
    const QList<QStringView> parts = text.split(u':');
    int groups = 0;
    bool sawHex = false;
    for (int i = 0; i < parts.size(); ++i) {
        const QStringView part = parts.at(i);
        if (part.isEmpty())
            continue; // only possible around the "::", checked above
        if (i == parts.size() - 1 && part.contains(u'.')) {
            if (!isIpv4(part))
                return false;
            groups += 2;
        } else if (isHexGroup(part)) {
            ++groups;
        } else {
            return false;
        }
        sawHex = true;
    }
    if (!sawHex)
        return false;
    if (compressed < 0) {
        // Empty groups without "::" (":1:2", "1::" is compressed) are malformed.
        for (const QStringView part : parts) {
            if (part.isEmpty())
                return false;
        }
        return groups == 8;
    }
    return groups < 8;
}

SourceLineState::Field fieldFor(QStringView name)
{
    using Field = SourceLineState::Field;
    if (name.compare(u"Content-Type", Qt::CaseInsensitive) == 0)
        return Field::ContentType;
    for (const auto idField : {u"Message-ID", u"In-Reply-To", u"References", u"Resent-Message-ID",
                               u"Original-Message-ID"}) {
        if (name.compare(QStringView(idField), Qt::CaseInsensitive) == 0)
            return Field::MessageIds;
    }
    return Field::Other;
}

// Marks which characters of a line are taken, so that earlier (more specific) patterns win and
// tokens never overlap. Linear in the line length, whatever the number of tokens.
class Occupancy
{
public:
    explicit Occupancy(qsizetype size)
        : m_taken(size_t(size), false)
    {}
    bool take(qsizetype start, qsizetype length)
    {
        for (qsizetype i = start; i < start + length; ++i) {
            if (m_taken[size_t(i)])
                return false;
        }
        std::fill(m_taken.begin() + start, m_taken.begin() + start + length, true);
        return true;
    }

private:
    std::vector<bool> m_taken;
};

} // namespace

int SourceLineState::fingerprint() const
{
    const size_t hash = qHashMulti(0, int(section), int(field), bodyIsMessage, boundaries);
    return int(hash & 0x3fffffff);
}

QList<SourceToken> MessageSourceTokenizer::tokenize(QStringView line, SourceLineState &state)
{
    using Section = SourceLineState::Section;
    using Field = SourceLineState::Field;
    QList<SourceToken> tokens;
    const int size = int(line.size());
    QStringView content = line;
    if (content.endsWith(u'\r'))
        content.chop(1);

    if (content.startsWith(u"--") && !state.boundaries.isEmpty()) {
        QStringView marker = content.mid(2);
        while (marker.endsWith(u' ') || marker.endsWith(u'\t'))
            marker.chop(1);
        const bool closing = marker.endsWith(u"--");
        // Innermost first: an inner part may reuse an outer boundary as a prefix.
        for (qsizetype i = state.boundaries.size() - 1; i >= 0; --i) {
            const QString &boundary = state.boundaries.at(i);
            const bool opens = marker == boundary;
            const bool closes = closing && marker.chopped(2) == boundary;
            if (!opens && !closes)
                continue;
            tokens.append({0, size, SourceTokenKind::Boundary});
            // Boundaries declared inside a part end with it; a closing line ends its own too.
            state.boundaries.resize(opens ? i + 1 : i);
            state.section = opens ? Section::Header : Section::Body;
            state.field = Field::None;
            state.bodyIsMessage = false;
            return tokens;
        }
    }

    if (state.section == Section::Body) {
        if (size > 0)
            tokens.append({0, size, SourceTokenKind::BodyText});
        return tokens;
    }

    if (content.isEmpty()) {
        tokens.append({0, size, SourceTokenKind::Separator});
        state.section = state.bodyIsMessage ? Section::Header : Section::Body;
        state.field = Field::None;
        state.bodyIsMessage = false;
        return tokens;
    }

    const QChar first = content.front();
    if (first == u' ' || first == u'\t') {
        // A folded continuation of the field above.
        tokenizeValue(line, 0, state.field, tokens);
        if (state.field == Field::ContentType)
            readContentType(line, 0, false, state);
        return tokens;
    }

    int nameEnd = 0;
    while (nameEnd < content.size()) {
        const char16_t c = content.at(nameEnd).unicode();
        if (c < 0x21 || c > 0x7e || c == u':')
            break;
        ++nameEnd;
    }
    int colon = nameEnd;
    while (colon < content.size() && (content.at(colon) == u' ' || content.at(colon) == u'\t'))
        ++colon;
    if (nameEnd > 0 && colon < content.size() && content.at(colon) == u':') {
        tokens.append({0, colon + 1, SourceTokenKind::HeaderName});
        state.field = fieldFor(content.left(nameEnd));
        tokenizeValue(line, colon + 1, state.field, tokens);
        if (state.field == Field::ContentType)
            readContentType(line, colon + 1, true, state);
        return tokens;
    }

    if (state.field == Field::None && content.startsWith(u"From ")) {
        // The mbox envelope line ("From sender date") before the first header.
        tokenizeValue(line, 0, Field::Other, tokens);
        return tokens;
    }

    // Not a header: the block ended without a blank line. Mail readers (GMime among them) take
    // the rest as the body, and so does the view.
    state.section = Section::Body;
    state.field = Field::None;
    state.bodyIsMessage = false;
    tokens.append({0, size, SourceTokenKind::BodyText});
    return tokens;
}

void MessageSourceTokenizer::tokenizeValue(QStringView line, int from, SourceLineState::Field field,
                                           QList<SourceToken> &tokens)
{
    const int size = int(line.size());
    if (from >= size)
        return;
    // Only the start of a huge line is looked into: tens of thousands of tokens in one line
    // cost seconds in QSyntaxHighlighter and in layout, and nobody reads that far.
    const QStringView scanned = line.left(MaxDetailedLength);
    Occupancy occupancy(scanned.size());
    QList<SourceToken> found;
    const auto collect = [&](const QRegularExpression &re, SourceTokenKind kind,
                             bool (*accept)(QStringView) = nullptr) {
        auto it = re.globalMatch(scanned, from);
        while (it.hasNext()) {
            const auto match = it.next();
            const qsizetype start = match.capturedStart();
            qsizetype length = match.capturedLength();
            if (accept) {
                QStringView text = scanned.mid(start, length);
                // A sentence may end right after an address: "from ::1."
                if (text.endsWith(u'.')) {
                    text.chop(1);
                    --length;
                }
                if (!accept(text))
                    continue;
            }
            if (length > 0 && occupancy.take(start, length))
                found.append({int(start), int(length), kind});
        }
    };
    const bool ids = field == SourceLineState::Field::MessageIds;
    collect(encodedWordPattern(), SourceTokenKind::EncodedWord);
    collect(ipv6LiteralPattern(), SourceTokenKind::IpAddress);
    collect(angleAddrPattern(), ids ? SourceTokenKind::MessageId : SourceTokenKind::Address);
    collect(addrSpecPattern(), SourceTokenKind::Address);
    collect(datePattern(), SourceTokenKind::Date);
    // IPv6 before IPv4, so that "::ffff:192.0.2.1" stays one address.
    collect(ipv6CandidatePattern(), SourceTokenKind::IpAddress, &isIpv6);
    collect(ipv4Pattern(), SourceTokenKind::IpAddress);

    std::sort(found.begin(), found.end(),
              [](const SourceToken &a, const SourceToken &b) { return a.start < b.start; });
    int position = from;
    for (const SourceToken &token : std::as_const(found)) {
        if (token.start > position)
            tokens.append({position, token.start - position, SourceTokenKind::HeaderValue});
        tokens.append(token);
        position = token.start + token.length;
    }
    if (position < size)
        tokens.append({position, size - position, SourceTokenKind::HeaderValue});
}

void MessageSourceTokenizer::readContentType(QStringView line, int from, bool firstLine,
                                             SourceLineState &state)
{
    const QStringView value = line.mid(from);
    if (firstLine && messageContentTypePattern().match(value).hasMatch())
        state.bodyIsMessage = true;
    auto it = boundaryParameterPattern().globalMatch(value);
    while (it.hasNext()) {
        const auto match = it.next();
        const QString boundary = match.hasCaptured(1) ? match.captured(1) : match.captured(2);
        if (!boundary.isEmpty() && !state.boundaries.contains(boundary) &&
            state.boundaries.size() < MaxBoundaries)
            state.boundaries.append(boundary);
    }
}

} // namespace Awb
