#include "dkim_key.h"

#include "auth_text.h"

#include <QFile>
#include <QFileInfo>
#include <QMutex>

namespace Awb {

namespace {

QString ownerName(QString name)
{
    name = name.trimmed().toLower();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

QStringList colonList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(':'))) {
        const QString p = AuthText::withoutWhitespace(part).toLower();
        if (!p.isEmpty())
            out.append(p);
    }
    return out;
}

// Splits one zone record into words and quoted character-strings (returned with their quotes
// so that the caller can tell them apart). Escapes inside quotes are kept as written except
// \" and \\, which DKIM records never need but zone files allow.
QStringList zoneWords(const QString &record)
{
    QStringList words;
    QString word;
    bool quoted = false;
    for (qsizetype i = 0; i < record.size(); ++i) {
        const QChar c = record.at(i);
        if (quoted) {
            if (c == QLatin1Char('\\') && i + 1 < record.size()) {
                word += record.at(++i);
            } else if (c == QLatin1Char('"')) {
                words.append(word + QLatin1Char('"'));
                word.clear();
                quoted = false;
            } else {
                word += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') || c.isSpace() || c == QLatin1Char('(') ||
            c == QLatin1Char(')')) {
            if (!word.isEmpty())
                words.append(word);
            word.clear();
            if (c == QLatin1Char('"')) {
                quoted = true;
                word = QStringLiteral("\"");
            }
            continue;
        }
        word += c;
    }
    if (!word.isEmpty())
        words.append(quoted ? word + QLatin1Char('"') : word);
    return words;
}

// Joins the lines of a zone file into records: comments removed, parenthesised groups joined.
QStringList zoneRecords(const QString &text)
{
    QStringList records;
    QString current;
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            current += c;
            if (c == QLatin1Char('\\') && i + 1 < text.size())
                current += text.at(++i);
            else if (c == QLatin1Char('"'))
                quoted = false;
            continue;
        }
        if (c == QLatin1Char(';')) {
            while (i + 1 < text.size() && text.at(i + 1) != QLatin1Char('\n'))
                ++i;
            continue;
        }
        if (c == QLatin1Char('"'))
            quoted = true;
        else if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')') && depth > 0)
            --depth;
        if (c == QLatin1Char('\n') && depth == 0) {
            records.append(current);
            current.clear();
            continue;
        }
        current += c;
    }
    records.append(current);
    return records;
}

QMutex &providerMutex()
{
    static QMutex mutex;
    return mutex;
}

std::shared_ptr<const DkimKeyProvider> &providerSlot()
{
    static std::shared_ptr<const DkimKeyProvider> provider;
    return provider;
}

} // namespace

DkimKeyRecord parseDkimKeyRecord(const QByteArray &txt)
{
    DkimKeyRecord key;
    const AuthText::TagList tags = AuthText::parseTagList(QString::fromLatin1(txt));
    key.problems = tags.errors;
    if (const AuthText::Tag *v = tags.find(QStringLiteral("v"))) {
        if (v->value != QLatin1String("DKIM1"))
            key.problems.append(QStringLiteral("v=%1 is not DKIM1").arg(v->value.left(20)));
    }
    if (const AuthText::Tag *k = tags.find(QStringLiteral("k")))
        key.keyType = k->value.toLower();
    if (key.keyType != QLatin1String("rsa") && key.keyType != QLatin1String("ed25519"))
        key.problems.append(QStringLiteral("k=%1 is not a known key type").arg(key.keyType));
    if (const AuthText::Tag *h = tags.find(QStringLiteral("h")))
        key.hashAlgorithms = colonList(h->value);
    if (const AuthText::Tag *t = tags.find(QStringLiteral("t")))
        key.flags = colonList(t->value);
    if (const AuthText::Tag *s = tags.find(QStringLiteral("s")))
        key.serviceTypes = colonList(s->value);
    if (!key.serviceTypes.isEmpty() && !key.serviceTypes.contains(QLatin1String("*")) &&
        !key.serviceTypes.contains(QLatin1String("email")))
        key.problems.append(QStringLiteral("s= does not allow email"));
    const AuthText::Tag *p = tags.find(QStringLiteral("p"));
    if (!p) {
        key.problems.append(QStringLiteral("no p= tag"));
    } else if (AuthText::withoutWhitespace(p->value).isEmpty()) {
        key.revoked = true;
    } else {
        bool ok = false;
        key.publicKey = AuthText::decodeBase64(p->value, &ok);
        if (!ok)
            key.problems.append(QStringLiteral("p= is not base64"));
    }
    return key;
}

Result<ZoneFileDkimKeyProvider> ZoneFileDkimKeyProvider::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: %2").arg(path, file.errorString())};
    return fromText(file.readAll(), QFileInfo(path).fileName());
}

ZoneFileDkimKeyProvider ZoneFileDkimKeyProvider::fromText(const QByteArray &text,
                                                          const QString &sourceName)
{
    ZoneFileDkimKeyProvider provider;
    provider.m_source = sourceName;
    for (const QString &record : zoneRecords(QString::fromUtf8(text))) {
        const QStringList words = zoneWords(record);
        // owner [ttl] [class] TXT "string"...: find TXT among the first four words.
        qsizetype txt = -1;
        for (qsizetype i = 1; i < words.size() && i < 4; ++i) {
            if (words.at(i).compare(QLatin1String("TXT"), Qt::CaseInsensitive) == 0) {
                txt = i;
                break;
            }
        }
        if (txt < 0 || words.first().startsWith(QLatin1Char('"')))
            continue;
        QByteArray value;
        for (qsizetype i = txt + 1; i < words.size(); ++i) {
            const QString &w = words.at(i);
            if (w.size() >= 2 && w.startsWith(QLatin1Char('"')) && w.endsWith(QLatin1Char('"')))
                value += w.mid(1, w.size() - 2).toLatin1();
        }
        provider.m_records.insert(ownerName(words.first()), value);
    }
    return provider;
}

std::optional<QByteArray> ZoneFileDkimKeyProvider::txtRecord(const QString &selector,
                                                             const QString &domain) const
{
    const auto it =
        m_records.constFind(ownerName(selector + QStringLiteral("._domainkey.") + domain));
    if (it == m_records.constEnd())
        return std::nullopt;
    return *it;
}

QString ZoneFileDkimKeyProvider::describe() const
{
    return QStringLiteral("the key file %1").arg(m_source);
}

void setDkimKeyProvider(std::shared_ptr<const DkimKeyProvider> provider)
{
    QMutexLocker lock(&providerMutex());
    providerSlot() = std::move(provider);
}

std::shared_ptr<const DkimKeyProvider> dkimKeyProvider()
{
    QMutexLocker lock(&providerMutex());
    return providerSlot();
}

} // namespace Awb
