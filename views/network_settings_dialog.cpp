#include "network_settings_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QVBoxLayout>

namespace Awb {

namespace {

const QString trustedKey = QStringLiteral("analysis/trustedNetworks");
const QString oursKey = QStringLiteral("analysis/ourNetworks");

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
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Networks"));
    const QSettings settings;
    m_trusted->setPlainText(settings.value(trustedKey).toStringList().join(QLatin1Char('\n')));
    m_ours->setPlainText(settings.value(oursKey).toStringList().join(QLatin1Char('\n')));
    for (QPlainTextEdit *edit : {m_trusted, m_ours}) {
        edit->setPlaceholderText(tr("One network per line, e.g. 203.0.113.0/24 or 2001:db8::/32"));
        edit->setTabChangesFocus(true);
    }
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    auto *trustedLabel = new QLabel(
        tr("&Trusted relays: receiving servers whose Received stamps are the record"), this);
    trustedLabel->setBuddy(m_trusted);
    trustedLabel->setWordWrap(true);
    auto *oursLabel =
        new QLabel(tr("&Our networks: a hop from here is one of our customers"), this);
    oursLabel->setBuddy(m_ours);
    oursLabel->setWordWrap(true);
    form->addRow(trustedLabel);
    form->addRow(m_trusted);
    form->addRow(oursLabel);
    form->addRow(m_ours);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NetworkSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NetworkSettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, 420);
}

TrustSettings NetworkSettingsDialog::storedTrustSettings()
{
    const QSettings settings;
    return TrustSettings::fromText(settings.value(trustedKey).toStringList(),
                                   settings.value(oursKey).toStringList());
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
    settings.setValue(trustedKey, lines(m_trusted));
    settings.setValue(oursKey, lines(m_ours));
    QDialog::accept();
}

} // namespace Awb
