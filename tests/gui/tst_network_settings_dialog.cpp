// Settings > Networks: stored in the [analysis] keys the analysis reads, invalid entries named.
#include "network_settings_dialog.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;

class TestNetworkSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void storesWhatTheAnalysisReads();
    void invalidNetworkKeepsTheDialogOpen();

private:
    QTemporaryDir m_home;
};

void TestNetworkSettingsDialog::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.path());
    QCoreApplication::setOrganizationName(QStringLiteral("awb-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_network_settings_dialog"));
}

void TestNetworkSettingsDialog::storesWhatTheAnalysisReads()
{
    NetworkSettingsDialog dialog;
    const auto edits = dialog.findChildren<QPlainTextEdit *>();
    QCOMPARE(edits.size(), 4); // trusted, ours, mail domains, authserv-ids
    edits.at(0)->setPlainText(QStringLiteral("198.51.100.25/32\n\n2001:db8:f00d::/48"));
    edits.at(1)->setPlainText(QStringLiteral("203.0.113.0/24"));
    edits.at(2)->setPlainText(QStringLiteral("ix.cm"));
    edits.at(3)->setPlainText(QStringLiteral("mx1.ix.cm"));
    dialog.show();
    QVERIFY(dialog.grab().save(QStringLiteral(AWB_BINARY_DIR "/tests/network_settings.png")));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const TrustSettings trust = NetworkSettingsDialog::storedTrustSettings();
    QCOMPARE(trust.trusted.networks().size(), 2);
    QVERIFY(trust.ours.contains(*IpAddress::parse(u"203.0.113.12")));
    QCOMPARE(trust.ourMailDomains, QStringList{QStringLiteral("ix.cm")});
    QCOMPARE(trust.trustedAuthservIds, QStringList{QStringLiteral("mx1.ix.cm")});
}

void TestNetworkSettingsDialog::invalidNetworkKeepsTheDialogOpen()
{
    NetworkSettingsDialog dialog;
    dialog.show();
    dialog.findChildren<QPlainTextEdit *>().at(1)->setPlainText(
        QStringLiteral("203.0.113.0/24\n203.0.113.0/33"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    bool named = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        named = named || (label->isVisible() && label->text().contains(u"203.0.113.0/33"));
    QVERIFY(named);
}

QTEST_MAIN(TestNetworkSettingsDialog)
#include "tst_network_settings_dialog.moc"
