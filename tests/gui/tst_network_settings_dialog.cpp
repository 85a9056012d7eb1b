// Settings > Networks: stored in the [analysis] keys the analysis reads, invalid entries named.
// Settings > DKIM Keys: stored in [dkim] and applied on OK (the program's key provider answers
// from the chosen file); an unusable file or nameserver keeps the dialog open with the reason.
// With AWB_SCREENSHOT_DIR set, both tabs are saved there as PNGs.
#include "network_settings_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString demoKeys = QStringLiteral(AWB_SOURCE_DIR "/resources/demo/dkim/demo-dkim-keys.zone");

void pressOk(QDialog &dialog)
{
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
}

void saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("AWB_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name));
}

} // namespace

using namespace Awb;

class TestNetworkSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void storesWhatTheAnalysisReads();
    void invalidNetworkKeepsTheDialogOpen();
    void dkimKeysAreStoredAndApplied();
    void unusableDkimSettingsKeepTheDialogOpen_data();
    void unusableDkimSettingsKeepTheDialogOpen();
    void keyFileIsCheckedWhenEntered();
    void nameserverOnlyWithDns();

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

void TestNetworkSettingsDialog::dkimKeysAreStoredAndApplied()
{
    setDkimKeyProvider(nullptr);
    NetworkSettingsDialog dialog;
    dialog.showDkimKeys();
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.findChild<QTabWidget *>()->currentIndex(), 1);
    auto *keyFile = dialog.findChild<QLineEdit *>(QStringLiteral("dkimKeyFile"));
    auto *dns = dialog.findChild<QCheckBox *>(QStringLiteral("dkimDnsLookups"));
    auto *nameserver = dialog.findChild<QLineEdit *>(QStringLiteral("dkimNameserver"));
    QVERIFY(keyFile && dns && nameserver);
    QVERIFY(!dns->isChecked());
    QVERIFY(!nameserver->isEnabled());
    keyFile->setText(demoKeys);
    QTest::mouseClick(dns, Qt::LeftButton, {}, QPoint(8, dns->height() / 2));
    QVERIFY(dns->isChecked());
    QVERIFY(nameserver->isEnabled());
    nameserver->setFocus();
    QTest::keyClicks(nameserver, QStringLiteral("127.0.0.1"));
    saveScreenshot(dialog, QStringLiteral("dkim_keys_settings.png"));
    pressOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("dkim/keyFile")).toString(), demoKeys);
    QCOMPARE(settings.value(QStringLiteral("dkim/dnsLookups")).toBool(), true);
    QCOMPARE(settings.value(QStringLiteral("dkim/nameserver")).toString(),
             QStringLiteral("127.0.0.1"));
    const DkimKeyConfig stored = NetworkSettingsDialog::storedDkimKeyConfig();
    QCOMPARE(stored.keyFile, demoKeys);
    QVERIFY(stored.dnsLookups);

    const auto applied = dkimKeyProvider();
    QVERIFY(applied);
    QCOMPARE(applied->describe(),
             QStringLiteral("the key file demo-dkim-keys.zone, then DNS (nameserver 127.0.0.1)"));
    // From the file, which is asked first: no query leaves the machine.
    const auto record =
        applied->txtRecord(QStringLiteral("fbl2026"), QStringLiteral("example.net"));
    QVERIFY(record);
    QVERIFY(parseDkimKeyRecord(*record).isUsable());

    // Opened again, the dialog shows what is stored.
    NetworkSettingsDialog again;
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("dkimKeyFile"))->text(), demoKeys);
    QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("dkimDnsLookups"))->isChecked());
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("dkimNameserver"))->text(),
             QStringLiteral("127.0.0.1"));
    QCOMPARE(again.findChild<QTabWidget *>()->currentIndex(), 0);
    setDkimKeyProvider(nullptr);
}

void TestNetworkSettingsDialog::unusableDkimSettingsKeepTheDialogOpen_data()
{
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<QString>("nameserver");
    QTest::addColumn<QString>("named");
    const QString missing = QStringLiteral(AWB_TEST_DATA "/dkim_settings/no-such.zone");
    const QString garbled = QStringLiteral(AWB_TEST_DATA "/dkim_settings/garbled.zone");
    QTest::newRow("missing file") << missing << QString() << missing;
    QTest::newRow("garbled file") << garbled << QString() << garbled;
    QTest::newRow("nameserver not an address")
        << demoKeys << QStringLiteral("ns1.example.test") << QStringLiteral("ns1.example.test");
}

void TestNetworkSettingsDialog::unusableDkimSettingsKeepTheDialogOpen()
{
    QFETCH(QString, keyFile);
    QFETCH(QString, nameserver);
    QFETCH(QString, named);
    {
        QSettings settings;
        DkimKeyConfig().store(settings);
    }
    const auto before = std::make_shared<ZoneFileDkimKeyProvider>(
        ZoneFileDkimKeyProvider::fromText({}, QStringLiteral("before.zone")));
    setDkimKeyProvider(before);

    NetworkSettingsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.findChild<QLineEdit *>(QStringLiteral("dkimKeyFile"))->setText(keyFile);
    if (!nameserver.isEmpty()) {
        dialog.findChild<QCheckBox *>(QStringLiteral("dkimDnsLookups"))->setChecked(true);
        dialog.findChild<QLineEdit *>(QStringLiteral("dkimNameserver"))->setText(nameserver);
    }
    pressOk(dialog);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.findChild<QTabWidget *>()->currentIndex(), 1); // the tab with the problem
    const auto *error = dialog.findChild<QLabel *>(QStringLiteral("dkimError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(named.toHtmlEscaped()), qPrintable(error->text()));
    if (QTest::currentDataTag() == QLatin1String("missing file"))
        saveScreenshot(dialog, QStringLiteral("dkim_keys_settings_error.png"));
    QVERIFY(NetworkSettingsDialog::storedDkimKeyConfig().isEmpty());
    QCOMPARE(dkimKeyProvider(), before);
    setDkimKeyProvider(nullptr);
}

void TestNetworkSettingsDialog::keyFileIsCheckedWhenEntered()
{
    NetworkSettingsDialog dialog;
    dialog.showDkimKeys();
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *keyFile = dialog.findChild<QLineEdit *>(QStringLiteral("dkimKeyFile"));
    const auto *error = dialog.findChild<QLabel *>(QStringLiteral("dkimError"));
    // Tab, not Return: Return would also press OK, the dialog's default button.
    keyFile->setFocus();
    QTest::keyClicks(keyFile, QStringLiteral(AWB_TEST_DATA "/dkim_settings/garbled.zone"));
    QVERIFY(!error->isVisible());
    QTest::keyClick(keyFile, Qt::Key_Tab);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"garbled.zone: no DKIM key"), qPrintable(error->text()));
    QVERIFY(dialog.isVisible());
    keyFile->setFocus();
    keyFile->setText(demoKeys);
    QTest::keyClick(keyFile, Qt::Key_Tab);
    QVERIFY(!error->isVisible());
}

void TestNetworkSettingsDialog::nameserverOnlyWithDns()
{
    NetworkSettingsDialog dialog;
    auto *dns = dialog.findChild<QCheckBox *>(QStringLiteral("dkimDnsLookups"));
    auto *nameserver = dialog.findChild<QLineEdit *>(QStringLiteral("dkimNameserver"));
    dns->setChecked(true);
    nameserver->setText(QStringLiteral("192.0.2.53"));
    dns->setChecked(false); // switched off again: the nameserver goes with it
    QVERIFY(!nameserver->isEnabled());
    dialog.findChild<QLineEdit *>(QStringLiteral("dkimKeyFile"))->clear();
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const DkimKeyConfig stored = NetworkSettingsDialog::storedDkimKeyConfig();
    QVERIFY(!stored.dnsLookups);
    QVERIFY(stored.nameserver.isEmpty());
    QVERIFY(stored.check());
    QCOMPARE(dkimKeyProvider(), nullptr);
}

QTEST_MAIN(TestNetworkSettingsDialog)
#include "tst_network_settings_dialog.moc"
