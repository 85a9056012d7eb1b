#include "html_scanner.h"

#include <QHash>

namespace Awb::ContentChecks {

namespace {

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') ||
           c == QLatin1Char('\r') || c == QLatin1Char('\f');
}

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

// The named references that mail HTML uses in practice; a full HTML 5 table (2,231 names)
// would add nothing that changes a link or an address.
const QHash<QString, char32_t> &namedEntities()
{
    static const QHash<QString, char32_t> table = {
        {QStringLiteral("amp"), U'&'},         {QStringLiteral("lt"), U'<'},
        {QStringLiteral("gt"), U'>'},          {QStringLiteral("quot"), U'"'},
        {QStringLiteral("apos"), U'\''},       {QStringLiteral("nbsp"), U'\u00a0'},
        {QStringLiteral("middot"), U'\u00b7'}, {QStringLiteral("ndash"), U'\u2013'},
        {QStringLiteral("mdash"), U'\u2014'},  {QStringLiteral("hellip"), U'\u2026'},
        {QStringLiteral("copy"), U'\u00a9'},   {QStringLiteral("reg"), U'\u00ae'},
        {QStringLiteral("trade"), U'\u2122'},  {QStringLiteral("bull"), U'\u2022'},
        {QStringLiteral("lsquo"), U'\u2018'},  {QStringLiteral("rsquo"), U'\u2019'},
        {QStringLiteral("ldquo"), U'\u201c'},  {QStringLiteral("rdquo"), U'\u201d'},
        {QStringLiteral("euro"), U'\u20ac'},   {QStringLiteral("pound"), U'\u00a3'},
        {QStringLiteral("yen"), U'\u00a5'},    {QStringLiteral("sol"), U'/'},
        {QStringLiteral("colon"), U':'},       {QStringLiteral("period"), U'.'},
        {QStringLiteral("commat"), U'@'},      {QStringLiteral("num"), U'#'},
        {QStringLiteral("zwnj"), U'\u200c'},   {QStringLiteral("zwj"), U'\u200d'},
        {QStringLiteral("shy"), U'\u00ad'},    {QStringLiteral("thinsp"), U'\u2009'},
    };
    return table;
}

int digitValue(QChar c, int base)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (base == 16 && u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (base == 16 && u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

void appendCodePoint(QString &out, char32_t c)
{
    if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        c = 0xfffd;
    out.append(QString::fromUcs4(&c, 1));
}

// Elements whose content is not shown and whose text is not markup.
bool isRawTextElement(const QString &name)
{
    return name == QLatin1String("script") || name == QLatin1String("style") ||
           name == QLatin1String("title") || name == QLatin1String("textarea") ||
           name == QLatin1String("xmp");
}

bool isBlockElement(const QString &name)
{
    static const QStringList blocks = {
        QStringLiteral("br"),     QStringLiteral("p"),       QStringLiteral("div"),
        QStringLiteral("tr"),     QStringLiteral("li"),      QStringLiteral("table"),
        QStringLiteral("hr"),     QStringLiteral("h1"),      QStringLiteral("h2"),
        QStringLiteral("h3"),     QStringLiteral("h4"),      QStringLiteral("h5"),
        QStringLiteral("h6"),     QStringLiteral("ul"),      QStringLiteral("ol"),
        QStringLiteral("td"),     QStringLiteral("address"), QStringLiteral("blockquote"),
        QStringLiteral("center"), QStringLiteral("section"), QStringLiteral("footer")};
    return blocks.contains(name);
}

} // namespace

const HtmlAttribute *HtmlToken::attribute(QStringView wanted) const
{
    for (const HtmlAttribute &a : attributes) {
        if (a.name == wanted)
            return &a;
    }
    return nullptr;
}

QString decodeEntities(QStringView text)
{
    if (!text.contains(QLatin1Char('&')))
        return text.toString();
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('&') || i + 1 >= n) {
            out.append(c);
            continue;
        }
        if (text.at(i + 1) == QLatin1Char('#')) {
            qsizetype j = i + 2;
            const bool hex =
                j < n && (text.at(j) == QLatin1Char('x') || text.at(j) == QLatin1Char('X'));
            if (hex)
                ++j;
            const qsizetype digitsBegin = j;
            char32_t value = 0;
            bool overflow = false;
            while (j < n) {
                const int d = digitValue(text.at(j), hex ? 16 : 10);
                if (d < 0)
                    break;
                if (value > 0x10ffff)
                    overflow = true;
                else
                    value = value * (hex ? 16 : 10) + char32_t(d);
                ++j;
            }
            if (j == digitsBegin) {
                out.append(c);
                continue;
            }
            appendCodePoint(out, overflow ? char32_t(0x110000) : value);
            i = (j < n && text.at(j) == QLatin1Char(';')) ? j : j - 1;
            continue;
        }
        qsizetype j = i + 1;
        while (j < n && j - i <= 10 && (isAsciiLetter(text.at(j)) || text.at(j).isDigit()))
            ++j;
        const QString name = text.mid(i + 1, j - i - 1).toString();
        const bool terminated = j < n && text.at(j) == QLatin1Char(';');
        const auto it = namedEntities().constFind(name);
        if (it != namedEntities().constEnd() && terminated) {
            appendCodePoint(out, it.value());
            i = j;
            continue;
        }
        // The five legacy names are read even without ';' and before other letters
        // ("&ampy" is "&y"), as browsers do in text.
        bool legacy = false;
        for (const char *legacyText : {"amp", "lt", "gt", "quot", "nbsp"}) {
            const QLatin1String legacyName(legacyText);
            if (text.mid(i + 1).startsWith(legacyName)) {
                appendCodePoint(out, namedEntities().value(legacyName));
                i += legacyName.size();
                legacy = true;
                break;
            }
        }
        if (!legacy)
            out.append(c);
    }
    return out;
}

QList<HtmlToken> scanHtml(const QString &html)
{
    QList<HtmlToken> tokens;
    const qsizetype n = html.size();
    qsizetype i = 0;
    qsizetype textBegin = 0;
    auto flushText = [&](qsizetype end) {
        if (end > textBegin) {
            HtmlToken t;
            t.text = decodeEntities(QStringView(html).mid(textBegin, end - textBegin));
            t.offset = textBegin;
            t.length = end - textBegin;
            tokens.append(t);
        }
    };
    while (i < n) {
        const qsizetype lt = html.indexOf(QLatin1Char('<'), i);
        if (lt < 0 || lt + 1 >= n)
            break;
        const QChar next = html.at(lt + 1);
        if (next == QLatin1Char('!') || next == QLatin1Char('?')) {
            flushText(lt);
            qsizetype end;
            if (html.mid(lt, 4) == QLatin1String("<!--")) {
                end = html.indexOf(QLatin1String("-->"), lt + 4);
                end = end < 0 ? n : end + 3;
            } else {
                end = html.indexOf(QLatin1Char('>'), lt);
                end = end < 0 ? n : end + 1;
            }
            i = textBegin = end;
            continue;
        }
        const bool closing = next == QLatin1Char('/');
        const qsizetype nameBegin = lt + (closing ? 2 : 1);
        if (nameBegin >= n || !isAsciiLetter(html.at(nameBegin))) {
            i = lt + 1; // "a < b" is text
            continue;
        }
        flushText(lt);
        HtmlToken tag;
        tag.kind = closing ? HtmlToken::Kind::EndTag : HtmlToken::Kind::StartTag;
        tag.offset = lt;
        qsizetype p = nameBegin;
        while (p < n && !isBlank(html.at(p)) && html.at(p) != QLatin1Char('>') &&
               html.at(p) != QLatin1Char('/'))
            ++p;
        tag.name = html.mid(nameBegin, p - nameBegin).toLower();
        // Attributes: name, optional '=' and value; a value in quotes runs to the same quote
        // (or to the end), an unquoted one to a blank or '>'.
        while (p < n && html.at(p) != QLatin1Char('>')) {
            if (isBlank(html.at(p)) || html.at(p) == QLatin1Char('/')) {
                ++p;
                continue;
            }
            const qsizetype attrBegin = p;
            while (p < n && !isBlank(html.at(p)) && html.at(p) != QLatin1Char('>') &&
                   html.at(p) != QLatin1Char('=') &&
                   (p == attrBegin || html.at(p) != QLatin1Char('/')))
                ++p;
            HtmlAttribute attribute;
            attribute.name = html.mid(attrBegin, p - attrBegin).toLower();
            while (p < n && isBlank(html.at(p)))
                ++p;
            if (p < n && html.at(p) == QLatin1Char('=')) {
                ++p;
                while (p < n && isBlank(html.at(p)))
                    ++p;
                if (p < n && (html.at(p) == QLatin1Char('"') || html.at(p) == QLatin1Char('\''))) {
                    const QChar quote = html.at(p);
                    qsizetype close = html.indexOf(quote, p + 1);
                    if (close < 0)
                        close = n;
                    attribute.rawOffset = p + 1;
                    attribute.rawValue = html.mid(p + 1, close - p - 1);
                    p = close < n ? close + 1 : n;
                } else {
                    const qsizetype valueBegin = p;
                    while (p < n && !isBlank(html.at(p)) && html.at(p) != QLatin1Char('>'))
                        ++p;
                    attribute.rawOffset = valueBegin;
                    attribute.rawValue = html.mid(valueBegin, p - valueBegin);
                }
                attribute.value = decodeEntities(attribute.rawValue);
            }
            if (!closing && !attribute.name.isEmpty())
                tag.attributes.append(attribute);
        }
        i = p < n ? p + 1 : n;
        tag.length = i - lt;
        tokens.append(tag);
        textBegin = i;
        if (!closing && isRawTextElement(tag.name)) {
            // Skip to the matching end tag, whatever it contains.
            const QString endTag = QStringLiteral("</") + tag.name;
            qsizetype end = html.indexOf(endTag, i, Qt::CaseInsensitive);
            if (end < 0)
                end = n;
            i = textBegin = end;
        }
    }
    flushText(n);
    return tokens;
}

QString htmlTokensToText(const QList<HtmlToken> &tokens)
{
    QString out;
    bool pendingSpace = false;
    for (const HtmlToken &t : tokens) {
        if (t.kind != HtmlToken::Kind::Text) {
            if (isBlockElement(t.name)) {
                while (out.endsWith(QLatin1Char(' ')))
                    out.chop(1);
                if (!out.isEmpty() && !out.endsWith(QLatin1Char('\n')))
                    out.append(QLatin1Char('\n'));
                pendingSpace = false;
            }
            continue;
        }
        for (const QChar c : t.text) {
            if (isBlank(c) || c == QChar(0x00a0)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && !out.isEmpty() && !out.endsWith(QLatin1Char('\n')))
                out.append(QLatin1Char(' '));
            pendingSpace = false;
            out.append(c);
        }
    }
    return out.trimmed();
}

QString htmlToText(const QString &html)
{
    return htmlTokensToText(scanHtml(html));
}

} // namespace Awb::ContentChecks
