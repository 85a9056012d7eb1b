#include "network_settings_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QVBoxLayout>

namespace Awb {

namespace {

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList out;
    for (const QString &line : edit->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    }
    return out;
}

} // namespace

NetworkSettingsDialog::NetworkSettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_trusted(new QPlainTextEdit(this))
    , m_ours(new QPlainTextEdit(this))
    , m_mailDomains(new QPlainTextEdit(this))
    , m_authservIds(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Networks"));
    const TrustSettings stored = storedTrustSettings();
    const auto networks = [](const IpNetworkSet &set) {
        QStringList out;
        for (const IpNetwork &network : set.networks())
            out << network.toString();
        return out.join(QLatin1Char('\n'));
    };
    m_trusted->setPlainText(networks(stored.trusted));
    m_ours->setPlainText(networks(stored.ours));
    m_mailDomains->setPlainText(stored.ourMailDomains.join(QLatin1Char('\n')));
    m_authservIds->setPlainText(stored.trustedAuthservIds.join(QLatin1Char('\n')));
    for (QPlainTextEdit *edit : {m_trusted, m_ours}) {
        edit->setPlaceholderText(tr("One network per line, e.g. 203.0.113.0/24 or 2001:db8::/32"));
        edit->setTabChangesFocus(true);
    }
    m_mailDomains->setPlaceholderText(tr("One domain per line, e.g. ix.cm"));
    m_authservIds->setPlaceholderText(tr("One authserv-id per line, e.g. mx1.ix.cm"));
    for (QPlainTextEdit *edit : {m_mailDomains, m_authservIds}) {
        edit->setTabChangesFocus(true);
        edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * 4);
    }
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    auto *trustedLabel = new QLabel(
        tr("&Trusted relays: receiving servers whose Received stamps are the record"), this);
    trustedLabel->setBuddy(m_trusted);
    trustedLabel->setWordWrap(true);
    auto *oursLabel =
        new QLabel(tr("&Our networks, besides the IP assignments of the account directory: a "
                      "hop from here is one of our customers"),
                   this);
    oursLabel->setBuddy(m_ours);
    oursLabel->setWordWrap(true);
    auto *domainsLabel = new QLabel(
        tr("Our &mail domains: the first Received stamp by one of these dates a report's "
           "receipt (the 72-hour clock)"),
        this);
    domainsLabel->setBuddy(m_mailDomains);
    domainsLabel->setWordWrap(true);
    auto *authservLabel =
        new QLabel(tr("Trusted &authserv-ids: Authentication-Results by these are believed"), this);
    authservLabel->setBuddy(m_authservIds);
    authservLabel->setWordWrap(true);
    form->addRow(trustedLabel);
    form->addRow(m_trusted);
    form->addRow(oursLabel);
    form->addRow(m_ours);
    form->addRow(domainsLabel);
    form->addRow(m_mailDomains);
    form->addRow(authservLabel);
    form->addRow(m_authservIds);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NetworkSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NetworkSettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, 600);
}

TrustSettings NetworkSettingsDialog::storedTrustSettings()
{
    return TrustSettings::fromSettings(QSettings());
}

void NetworkSettingsDialog::accept()
{
    QStringList invalid;
    TrustSettings::fromText(lines(m_trusted), lines(m_ours), &invalid);
    if (!invalid.isEmpty()) {
        m_error->setText(
            tr("<b>Not a network:</b> %1").arg(invalid.join(QStringLiteral(", ")).toHtmlEscaped()));
        m_error->show();
        return;
    }
    QSettings settings;
    TrustSettings::store(settings, lines(m_trusted), lines(m_ours), lines(m_mailDomains),
                         lines(m_authservIds));
    QDialog::accept();
}

} // namespace Awb
