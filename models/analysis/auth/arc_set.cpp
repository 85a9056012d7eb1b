#include "arc_set.h"

#include "auth_text.h"

#include <QMap>
#include <QRegularExpression>

namespace Awb {

namespace {

constexpr int MaxInstances = 50; // RFC 8617 4.2.1

enum class Kind { Seal, MessageSignature, Results, None };

Kind kindOf(const QByteArray &name)
{
    const QByteArray n = name.trimmed().toLower();
    if (n == "arc-seal")
        return Kind::Seal;
    if (n == "arc-message-signature")
        return Kind::MessageSignature;
    if (n == "arc-authentication-results")
        return Kind::Results;
    return Kind::None;
}

int readInstance(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,4}$"));
    const QString t = AuthText::withoutWhitespace(text);
    return digits.match(t).hasMatch() ? t.toInt() : 0;
}

// The i= of an ARC-Authentication-Results field: "i=1; mx.example.org; spf=pass...". Returns
// the instance and sets `rest` to the Authentication-Results part after it.
int aarInstance(const QByteArray &rawValue, QByteArray &rest)
{
    const qsizetype semicolon = rawValue.indexOf(';');
    const QByteArray head = semicolon < 0 ? rawValue : rawValue.left(semicolon);
    rest = semicolon < 0 ? QByteArray() : rawValue.mid(semicolon + 1);
    const QString tag = AuthText::simplified(QString::fromLatin1(head));
    if (!tag.startsWith(QLatin1String("i=")) && !tag.startsWith(QLatin1String("i =")))
        return 0;
    return readInstance(tag.mid(tag.indexOf(QLatin1Char('=')) + 1));
}

} // namespace

QString ArcChain::latestChainValidation() const
{
    return instances.isEmpty() ? QString() : instances.last().chainValidation;
}

ArcChain parseArcChain(const QList<RawHeaderField> &headers)
{
    ArcChain chain;
    QMap<int, ArcInstance> byInstance;
    for (qsizetype h = 0; h < headers.size(); ++h) {
        const RawHeaderField &raw = headers.at(h);
        const Kind kind = kindOf(raw.name);
        if (kind == Kind::None)
            continue;
        ArcField field;
        field.headerIndex = h;
        field.offset = raw.offset;
        field.text = AuthText::simplified(QString::fromLatin1(raw.name) + QLatin1String(": ") +
                                          AuthText::unfold(raw.rawValue));
        QByteArray aarRest;
        AuthText::TagList tags;
        if (kind == Kind::Results) {
            field.instance = aarInstance(raw.rawValue, aarRest);
        } else {
            tags = AuthText::parseTagList(QString::fromLatin1(raw.rawValue));
            if (const AuthText::Tag *i = tags.find(QStringLiteral("i")))
                field.instance = readInstance(i->value);
        }
        if (field.instance < 1 || field.instance > MaxInstances) {
            chain.unnumbered.append(field);
            continue;
        }
        ArcInstance &instance = byInstance[field.instance];
        instance.instance = field.instance;
        switch (kind) {
        case Kind::Seal:
            if (instance.seals.isEmpty()) {
                if (const AuthText::Tag *cv = tags.find(QStringLiteral("cv")))
                    instance.chainValidation = cv->value.trimmed().toLower();
                if (const AuthText::Tag *d = tags.find(QStringLiteral("d")))
                    instance.sealDomain = d->value.trimmed().toLower();
            }
            instance.seals.append(field);
            break;
        case Kind::MessageSignature:
            if (instance.messageSignatures.isEmpty())
                instance.messageSignature = parseDkimSignature(raw.rawValue, true);
            instance.messageSignatures.append(field);
            break;
        case Kind::Results:
            if (instance.authResults.isEmpty())
                instance.results = parseAuthenticationResults(aarRest);
            instance.authResults.append(field);
            break;
        case Kind::None:
            break;
        }
    }
    chain.instances = byInstance.values();

    for (const ArcField &field : std::as_const(chain.unnumbered))
        chain.problems.append(QStringLiteral("a field without a valid instance number (i=1 to "
                                             "50): \"%1\"")
                                  .arg(field.text.left(120)));
    for (qsizetype k = 0; k < chain.instances.size(); ++k) {
        const ArcInstance &in = chain.instances.at(k);
        const int expected = int(k) + 1;
        if (in.instance != expected) {
            chain.problems.append(
                QStringLiteral("instances are not contiguous from 1: i=%1 is missing")
                    .arg(expected));
            break; // every later number is off by the same gap: one problem says it
        }
    }
    for (const ArcInstance &in : std::as_const(chain.instances)) {
        const auto count = [&](const QList<ArcField> &fields, const char *name) {
            if (fields.size() != 1)
                chain.problems.append(QStringLiteral("instance %1 has %2 %3 fields, not one")
                                          .arg(in.instance)
                                          .arg(fields.size())
                                          .arg(QLatin1String(name)));
        };
        count(in.seals, "ARC-Seal");
        count(in.messageSignatures, "ARC-Message-Signature");
        count(in.authResults, "ARC-Authentication-Results");
        if (in.seals.isEmpty())
            continue;
        const bool last = &in == &chain.instances.last();
        if (in.chainValidation == QLatin1String("fail")) {
            // A fail in the latest seal is a sealer reporting a broken chain; anywhere else
            // the chain was sealed on after it had failed, which RFC 8617 5.1.2 forbids.
            chain.problems.append(
                last ? QStringLiteral("the latest seal (i=%1) says cv=fail: the chain was "
                                      "found broken")
                           .arg(in.instance)
                     : QStringLiteral("instance %1 says cv=fail, yet the chain was sealed "
                                      "again above it")
                           .arg(in.instance));
        } else if (in.instance == 1 && in.chainValidation != QLatin1String("none")) {
            chain.problems.append(QStringLiteral("instance 1 must say cv=none, it says cv=%1")
                                      .arg(in.chainValidation.isEmpty() ? QStringLiteral("nothing")
                                                                        : in.chainValidation));
        } else if (in.instance > 1 && in.chainValidation != QLatin1String("pass")) {
            chain.problems.append(QStringLiteral("instance %1 must say cv=pass, it says cv=%2")
                                      .arg(in.instance)
                                      .arg(in.chainValidation.isEmpty() ? QStringLiteral("nothing")
                                                                        : in.chainValidation));
        }
    }
    return chain;
}

} // namespace Awb
