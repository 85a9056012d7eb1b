#include "overview/auth_verdict_bar.h"

#include "overview/verdict_badge.h"

#include "mail/mail_message.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QTextDocument>
#include <QVBoxLayout>

namespace Awb {

namespace {

// The result word as the field writes it ("Pass" stays "Pass"); the parser lower-cases it.
QString resultAsWritten(const AuthResult &result)
{
    static const QRegularExpression word(QStringLiteral("^\\s*[a-z0-9-]+(?:/[0-9]+)?\\s*=\\s*"
                                                        "([a-z0-9-]+)"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = word.match(result.text);
    return match.hasMatch() && match.captured(1).compare(result.result, Qt::CaseInsensitive) == 0
               ? match.captured(1)
               : result.result;
}

// Whose identity the result is about: the domain SPF checked, the signing domain, the From
// domain DMARC aligned with.
QString identityOf(const QString &method, const AuthResult &result)
{
    QString value;
    if (method == QLatin1String("spf")) {
        value = result.property(QStringLiteral("smtp.mailfrom"));
        if (value.isEmpty())
            value = result.property(QStringLiteral("smtp.helo"));
        value = value.mid(value.lastIndexOf(QLatin1Char('@')) + 1);
    } else if (method == QLatin1String("dkim")) {
        value = result.property(QStringLiteral("header.d"));
        if (value.isEmpty())
            value = result.property(QStringLiteral("header.i"));
    } else if (method == QLatin1String("dmarc")) {
        value = result.property(QStringLiteral("header.from"));
    }
    return value;
}

} // namespace

AuthVerdictBar::AuthVerdictBar(QWidget *parent)
    : QWidget(parent)
    , m_row(new QHBoxLayout)
    , m_note(new QLabel(this))
{
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->setSpacing(6);
    auto *title = new QLabel(tr("Authentication:"), this);
    title->setTextFormat(Qt::PlainText);
    auto *line = new QHBoxLayout;
    line->setContentsMargins(0, 0, 0, 0);
    line->addWidget(title);
    line->addLayout(m_row);
    line->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addLayout(line);
    layout->addWidget(m_note);
    rebuild();
}

void AuthVerdictBar::setMessage(const MailMessage &message)
{
    // Header fields are in message order: the first is the topmost, the one the last receiver
    // wrote.
    const QList<QByteArray> fields = message.rawHeaderValues("Authentication-Results");
    m_fieldCount = int(fields.size());
    m_hasField = !fields.isEmpty();
    m_results = m_hasField ? parseAuthenticationResults(fields.first()) : AuthenticationResults();
    rebuild();
}

void AuthVerdictBar::clear()
{
    m_fieldCount = 0;
    m_hasField = false;
    m_results = {};
    rebuild();
}

void AuthVerdictBar::setTrustedAuthservIds(const QStringList &ids)
{
    m_trusted = ids;
    rebuild();
}

QString AuthVerdictBar::note() const
{
    return m_note->text();
}

void AuthVerdictBar::rebuild()
{
    // A deleted widget leaves its layout by itself.
    qDeleteAll(m_badges);
    m_badges.clear();
    if (!m_hasField) {
        m_note->setText(tr("No Authentication-Results field: no receiver recorded SPF, DKIM or "
                           "DMARC results."));
        return;
    }
    for (const QString &method : {QStringLiteral("spf"), QStringLiteral("dkim"),
                                  QStringLiteral("dmarc"), QStringLiteral("arc")}) {
        const QList<AuthResult> results = m_results.resultsFor(method);
        if (results.isEmpty()) {
            m_badges.append(new VerdictBadge(method.toUpper(), tr("not stated"), {}, this));
            continue;
        }
        for (const AuthResult &result : results) {
            auto *badge = new VerdictBadge(method.toUpper(), resultAsWritten(result),
                                           identityOf(method, result), this);
            badge->setToolTip(
                Qt::convertFromPlainText(result.text)); // message data: never rich text
            m_badges.append(badge);
        }
    }
    for (VerdictBadge *badge : std::as_const(m_badges))
        m_row->addWidget(badge);

    QString text = m_results.authservId.isEmpty()
                       ? tr("From the topmost Authentication-Results, which names no authserv-id.")
                       : tr("From the topmost Authentication-Results, stamped by %1.")
                             .arg(m_results.authservId);
    if (m_results.noResult)
        text += QLatin1Char(' ') + tr("The receiver evaluated nothing (\"none\").");
    if (m_fieldCount > 1)
        text += QLatin1Char(' ') +
                tr("%1 more such fields lower down are not shown here.").arg(m_fieldCount - 1);
    m_note->setText(text + QLatin1Char(' ') + trustSentence());
}

QString AuthVerdictBar::trustSentence() const
{
    const QString id = m_results.authservId;
    if (id.isEmpty())
        return tr("Without an authserv-id nobody can tell who wrote it: treat it as the sender's "
                  "claim.");
    if (m_trusted.isEmpty())
        return tr("Results are believed only when stamped by a trusted receiver; no trusted "
                  "authserv-ids are set, so the authentication findings judge this stamp by "
                  "where it stands.");
    if (m_trusted.contains(id, Qt::CaseInsensitive))
        return tr("%1 is a trusted receiver: these results are believed.").arg(id);
    return tr("%1 is not a trusted receiver: these results are a claim, not evidence.").arg(id);
}

} // namespace Awb
