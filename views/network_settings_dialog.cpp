#include "network_settings_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
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
    , m_tabs(new QTabWidget(this))
    , m_trusted(new QPlainTextEdit(this))
    , m_ours(new QPlainTextEdit(this))
    , m_mailDomains(new QPlainTextEdit(this))
    , m_authservIds(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_keyFile(new QLineEdit(this))
    , m_dnsLookups(new QCheckBox(tr("Look keys up in &DNS (TXT selector._domainkey.domain)"), this))
    , m_nameserver(new QLineEdit(this))
    , m_dkimError(new QLabel(this))
{
    setWindowTitle(tr("Networks and DKIM Keys"));
    m_tabs->addTab(createNetworksTab(), tr("&Networks"));
    m_dkimTab = createDkimTab();
    m_tabs->addTab(m_dkimTab, tr("DKIM &Keys"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NetworkSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NetworkSettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, 600);
}

QWidget *NetworkSettingsDialog::createNetworksTab()
{
    auto *tab = new QWidget(this);
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
    auto *form = new QFormLayout(tab);
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
    return tab;
}

QWidget *NetworkSettingsDialog::createDkimTab()
{
    auto *tab = new QWidget(this);
    const DkimKeyConfig stored = storedDkimKeyConfig();
    m_keyFile->setObjectName(QStringLiteral("dkimKeyFile"));
    m_keyFile->setText(stored.keyFile);
    m_keyFile->setPlaceholderText(tr("None"));
    m_keyFile->setClearButtonEnabled(true);
    m_dnsLookups->setObjectName(QStringLiteral("dkimDnsLookups"));
    m_dnsLookups->setChecked(stored.dnsLookups);
    m_nameserver->setObjectName(QStringLiteral("dkimNameserver"));
    m_nameserver->setText(stored.nameserver);
    m_nameserver->setPlaceholderText(tr("Empty: the system resolver"));
    // A nameserver means something only with lookups on; disabled, it is not stored.
    m_nameserver->setEnabled(stored.dnsLookups);
    connect(m_dnsLookups, &QCheckBox::toggled, m_nameserver, &QWidget::setEnabled);
    m_dkimError->setObjectName(QStringLiteral("dkimError"));
    m_dkimError->setWordWrap(true);
    m_dkimError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dkimError->hide();
    connect(m_keyFile, &QLineEdit::editingFinished, this, &NetworkSettingsDialog::checkKeyFile);

    auto *intro = new QLabel(tr("A DKIM signature is verified with its signer's public key. "
                                "Without a source of keys, no finding says that a signature is "
                                "verified or invalid."),
                             tab);
    intro->setWordWrap(true);

    auto *fileBox = new QGroupBox(tr("Key file"), tab);
    auto *fileLabel =
        new QLabel(tr("&File of DNS TXT records in zone-file form, asked before DNS:"), fileBox);
    m_keyFile->setToolTip(
        tr("Lines such as: sel._domainkey.example.org. IN TXT \"v=DKIM1; k=rsa; p=MIIB…\""));
    fileLabel->setBuddy(m_keyFile);
    fileLabel->setWordWrap(true);
    auto *browse = new QPushButton(tr("&Browse…"), fileBox);
    connect(browse, &QPushButton::clicked, this, &NetworkSettingsDialog::chooseKeyFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_keyFile, 1);
    fileRow->addWidget(browse);
    auto *fileLayout = new QVBoxLayout(fileBox);
    fileLayout->addWidget(fileLabel);
    fileLayout->addLayout(fileRow);

    auto *dnsBox = new QGroupBox(tr("DNS"), tab);
    auto *privacy = new QLabel(
        tr("Each lookup sends the signing domain and selector of the message under analysis to "
           "the resolver and on to the signer's own nameservers, which can so tell that the "
           "message is being examined."),
        dnsBox);
    privacy->setWordWrap(true);
    auto *nameserverLabel = new QLabel(tr("Name&server:"), dnsBox);
    nameserverLabel->setBuddy(m_nameserver);
    auto *dnsLayout = new QFormLayout(dnsBox);
    dnsLayout->addRow(m_dnsLookups);
    dnsLayout->addRow(privacy);
    dnsLayout->addRow(nameserverLabel, m_nameserver);

    auto *when = new QLabel(tr("Applies from OK on: to the next import, and to every message "
                               "shown, which is analysed again when shown. The queue's finding "
                               "counts stay as they were at import."),
                            tab);
    when->setWordWrap(true);

    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(intro);
    layout->addWidget(fileBox);
    layout->addWidget(dnsBox);
    layout->addWidget(m_dkimError);
    layout->addWidget(when);
    layout->addStretch(1);
    return tab;
}

TrustSettings NetworkSettingsDialog::storedTrustSettings()
{
    return TrustSettings::fromSettings(QSettings());
}

DkimKeyConfig NetworkSettingsDialog::storedDkimKeyConfig()
{
    return DkimKeyConfig::fromSettings(QSettings());
}

void NetworkSettingsDialog::showDkimKeys()
{
    m_tabs->setCurrentWidget(m_dkimTab);
}

DkimKeyConfig NetworkSettingsDialog::dkimKeyConfig() const
{
    DkimKeyConfig config;
    config.keyFile = m_keyFile->text().trimmed();
    config.dnsLookups = m_dnsLookups->isChecked();
    if (config.dnsLookups)
        config.nameserver = m_nameserver->text().trimmed();
    return config;
}

void NetworkSettingsDialog::chooseKeyFile()
{
    const QString current = m_keyFile->text().trimmed();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("DKIM Key File"),
        current.isEmpty() ? QString() : QFileInfo(current).absolutePath(),
        tr("Zone files (*.zone *.txt *.db);;All files (*)"));
    if (path.isEmpty())
        return;
    m_keyFile->setText(path);
    checkKeyFile();
}

// Read as soon as it is chosen, so that a wrong file shows before OK.
void NetworkSettingsDialog::checkKeyFile()
{
    DkimKeyConfig fileOnly;
    fileOnly.keyFile = m_keyFile->text().trimmed();
    const auto provider = buildDkimKeyProvider(fileOnly);
    setDkimError(provider ? Status::success() : Status(Error{provider.error()}));
}

bool NetworkSettingsDialog::setDkimError(const Status &status)
{
    m_dkimError->setText(
        status
            ? QString()
            : tr("<b>Cannot use these DKIM settings:</b> %1").arg(status.error().toHtmlEscaped()));
    m_dkimError->setVisible(!status);
    return status.ok();
}

void NetworkSettingsDialog::accept()
{
    QStringList invalid;
    TrustSettings::fromText(lines(m_trusted), lines(m_ours), &invalid);
    if (!invalid.isEmpty()) {
        m_error->setText(
            tr("<b>Not a network:</b> %1").arg(invalid.join(QStringLiteral(", ")).toHtmlEscaped()));
        m_error->show();
        m_tabs->setCurrentIndex(0);
        return;
    }
    m_error->hide();
    const DkimKeyConfig dkim = dkimKeyConfig();
    auto keys = buildDkimKeyProvider(dkim);
    if (!setDkimError(keys ? Status::success() : Status(Error{keys.error()}))) {
        showDkimKeys();
        return;
    }
    QSettings settings;
    TrustSettings::store(settings, lines(m_trusted), lines(m_ours), lines(m_mailDomains),
                         lines(m_authservIds));
    dkim.store(settings);
    setDkimKeyProvider(std::move(keys.value()));
    QDialog::accept();
}

} // namespace Awb
