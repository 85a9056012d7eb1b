#include "case_key.h"

#include "network/ip_address.h"
#include "network/ip_network.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Awb {

QString reportKindKey(ReportKind kind)
{
    return kind == ReportKind::OptOut ? QStringLiteral("opt-out") : QStringLiteral("complaint");
}

QString CaseKey::accountKey() const
{
    if (isAttributed())
        return accountId;
    return originNetwork.isEmpty() ? QStringLiteral("unattributed")
                                   : QStringLiteral("unattributed ") + originNetwork;
}

QString CaseKey::accountDescription() const
{
    if (isAttributed())
        return QCoreApplication::translate("Awb::CaseGrouper", "account %1").arg(accountId);
    if (originNetwork.isEmpty())
        return QCoreApplication::translate("Awb::CaseGrouper", "unattributed, origin unknown");
    return QCoreApplication::translate("Awb::CaseGrouper", "unattributed, origin network %1")
        .arg(originNetwork);
}

QString originNetworkKey(const IpAddress &address)
{
    if (address.isNull())
        return {};
    return IpNetwork(address.withoutZone(), address.isV4() ? 24 : 48).toString();
}

QString normaliseSubject(const QString &subject)
{
    // Compiled once: the patterns are constant. \d and \s are Unicode-aware here, so full-width
    // and other scripts' digits count as digits.
    const auto options = QRegularExpression::UseUnicodePropertiesOption;
    static const QRegularExpression tag(QStringLiteral("\\[[^\\[\\]]*\\]"), options);
    static const QRegularExpression prefixes(
        QStringLiteral("^\\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|tr|antw|rif|"
                       "\u56de\u590d|\u56de\u8986|\u7b54\u590d|\u8f6c\u53d1|\u8f49\u5bc4|"
                       "\u8f49\u767c)\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:\uff1a]\\s*)+"),
        options);
    // A token is a run of characters up to a space, a bracket or a quote; one with a digit in
    // it is a number or an id. Commas and dots stay inside the token ("$38,912", "1.2.3.4").
    static const QRegularExpression idToken(
        QStringLiteral("[^\\s()\\[\\]{}<>\"'\u201c\u201d\u2018\u2019\u00ab\u00bb]*\\d"
                       "[^\\s()\\[\\]{}<>\"'\u201c\u201d\u2018\u2019\u00ab\u00bb]*"),
        options);
    static const QRegularExpression emptyBrackets(
        QStringLiteral("\\(\\s*\\)|\\{\\s*\\}|<\\s*>|\"\\s*\"|\u201c\\s*\u201d"), options);

    QString text = subject.normalized(QString::NormalizationForm_KC).toLower();
    // Tags first, everywhere ("[SpamCop ...]RE: x", "Re: [list] Re: x"), then the prefixes that
    // the tags may have hidden; repeated because a removal can uncover another nested tag.
    for (QString before; before != text;) {
        before = text;
        text.replace(tag, QStringLiteral(" "));
    }
    text.replace(prefixes, QString());
    text.replace(idToken, QStringLiteral(" "));
    text.replace(emptyBrackets, QStringLiteral(" "));
    static const QRegularExpression spaceAfterOpen(QStringLiteral("([(\\[{<])\\s+"));
    static const QRegularExpression spaceBeforeClose(QStringLiteral("\\s+([)\\]}>])"));
    text.replace(spaceAfterOpen, QStringLiteral("\\1"));
    text.replace(spaceBeforeClose, QStringLiteral("\\1"));
    text = text.simplified();

    static const QString separators = QStringLiteral(" -:|,;.\u2013\u2014");
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && separators.contains(text.at(begin)))
        ++begin;
    while (end > begin && separators.contains(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

} // namespace Awb
