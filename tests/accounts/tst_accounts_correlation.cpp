// Correlation over the demo reports (analysed with resources/demo/analysis.ini), the moved
// address, and several candidates.
#include "accounts/correlation.h"

#include "accounts_test_support.h"
#include "analysis/trust_settings.h"
#include "mail/mail_message.h"
#include "mail/message_sources.h"
#include "reports/report_analysis.h"

#include <QSettings>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

class TestAccountsCorrelation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demoReports_data();
    void demoReports();
    void movedAddressResolvesByTime();
    void severalCandidatesAreAllReturned();
    void trustFromAssignmentsGivesTheSameOrigins();

private:
    static QList<AccountMatch> correlateBytes(const QByteArray &bytes, const TrustSettings &trust,
                                              CaseStore &store);
    static QStringList summary(const QList<AccountMatch> &matches);

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    TrustSettings m_trust;
};

static QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

static QString demoPath(const char *relative)
{
    return QStringLiteral(AWB_SOURCE_DIR "/resources/demo/") + QLatin1String(relative);
}

// Message `index` of the demo abuse mailbox.
static QByteArray mboxMessage(int index)
{
    MboxReader reader(demoPath("demo-abuse-mailbox.mbox"));
    QString error;
    if (!reader.open(&error))
        return QByteArray();
    RawMessage message;
    for (int i = 0; reader.next(&message); ++i) {
        if (i == index)
            return message.bytes;
    }
    return QByteArray();
}

void TestAccountsCorrelation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = openStore(m_dir);
    QVERIFY(m_store);
    AccountRepository repository(*m_store);
    Result<AccountImportSummary> summary =
        AccountImporter(repository).importFiles(demoAccountFiles());
    QVERIFY(summary);
    QVERIFY(summary->rejected.isEmpty() && summary->dataErrors.isEmpty());
    m_trust =
        TrustSettings::fromSettings(QSettings(demoPath("analysis.ini"), QSettings::IniFormat));
    QVERIFY(!m_trust.ours.isEmpty());
}

QList<AccountMatch> TestAccountsCorrelation::correlateBytes(const QByteArray &bytes,
                                                            const TrustSettings &trust,
                                                            CaseStore &store)
{
    Result<MailMessage> message = MailMessage::parse(bytes);
    if (!message)
        return {};
    const ReportAnalysis analysis =
        analyzeReport(*message, trust, utc(2026, 11, 20, 12)); // import time, if it is needed
    AccountRepository repository(store);
    Result<QList<AccountMatch>> matches = correlate(analysis, repository, &*message);
    if (!matches)
        qWarning("%s", qPrintable(matches.error()));
    return matches ? *matches : QList<AccountMatch>();
}

// "confidence how account", one per match, in the order returned.
QStringList TestAccountsCorrelation::summary(const QList<AccountMatch> &matches)
{
    QStringList out;
    for (const AccountMatch &m : matches)
        out << QStringLiteral("%1 %2 %3").arg(confidenceName(m.confidence), m.how, m.accountId);
    return out;
}

void TestAccountsCorrelation::demoReports_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("mboxIndex"); // -1: `file` is a single message
    QTest::addColumn<QStringList>("matches");
    QTest::addColumn<QString>("timeSource");
    QTest::addColumn<QString>("firstMatchedBy");

    // The accounts the demo README names, each by its origin at the origin hop's date; the
    // domains of the original agree (Medium, links Low).
    const QStringList northwind{"high ip-assignment IXC-10042",
                                "medium return-path-domain IXC-10042",
                                "medium from-domain IXC-10042", "low link-domain IXC-10042"};
    const QStringList lumen{"high ip-assignment IXC-10101", "medium dkim-domain IXC-10101",
                            "medium return-path-domain IXC-10101", "medium from-domain IXC-10101",
                            "low link-domain IXC-10101"};
    const QString hop = QStringLiteral("origin hop date");
    QTest::newRow("01 ARF")
        << "reports/01-arf-fbl-northwind.eml" << -1 << northwind << hop
        << "origin IP 203.0.113.12 in 203.0.113.8/29, assigned 2025-03-01 to now";
    QTest::newRow("02 ARF quirks")
        << "reports/02-arf-quirks-northwind.eml" << -1 << northwind << hop
        << "origin IP 203.0.113.12 in 203.0.113.8/29, assigned 2025-03-01 to now";
    QTest::newRow("03 SpamCop")
        << "reports/03-spamcop-northwind.eml" << -1 << northwind << hop
        << "origin IP 203.0.113.12 in 203.0.113.8/29, assigned 2025-03-01 to now";
    QTest::newRow("04 X-ARF, DKIM-signed original")
        << "reports/04-xarf-northwind.eml" << -1
        << QStringList{"high ip-assignment IXC-10042", "medium dkim-domain IXC-10042",
                       "medium return-path-domain IXC-10042", "medium from-domain IXC-10042",
                       "low link-domain IXC-10042"}
        << hop << "origin IP 203.0.113.14 in 203.0.113.8/29, assigned 2025-03-01 to now";
    QTest::newRow("05 JMRP")
        << "reports/05-jmrp-northwind.eml" << -1
        << QStringList{"high ip-assignment IXC-10042", "medium from-domain IXC-10042",
                       "low link-domain IXC-10042"}
        << hop << "origin IP 203.0.113.13 in 203.0.113.8/29, assigned 2025-03-01 to now";
    QTest::newRow("06 forward, bakery")
        << "reports/06-forward-harbour-phish.eml" << -1
        << QStringList{"high ip-assignment IXC-10077", "medium return-path-domain IXC-10077",
                       "medium from-domain IXC-10077", "low link-domain IXC-10077"}
        << hop << "origin IP 203.0.113.40 in 203.0.113.40/32, assigned 2026-06-01 to now";
    QTest::newRow("07 SBL listing, no original")
        << "reports/07-spamhaus-sbl-harbour.eml" << -1
        << QStringList{"high ip-assignment IXC-10077"} << "listing date"
        << "listed address (SBL SBL000123) 203.0.113.40 in 203.0.113.40/32, assigned 2026-06-01 "
           "to now";
    QTest::newRow("08 ARF, IPv6") << "reports/08-arf-lumen-newsletter.eml" << -1 << lumen << hop
                                  << "origin IP 2001:db8:1c:4::25 in 2001:db8:1c:4::/64, assigned "
                                     "2025-11-03 to now";
    QTest::newRow("09 opt-out, headers only")
        << "reports/09-arf-optout-lumen.eml" << -1 << lumen.mid(0, 4) << hop
        << "origin IP 2001:db8:1c:4::25 in 2001:db8:1c:4::/64, assigned 2025-11-03 to now";
    QTest::newRow("10 outside our network")
        << "reports/10-spam-non-customer.eml" << -1 << QStringList() << QString() << QString();
    QTest::newRow("mbox 0, May 2026")
        << QString() << 0
        << QStringList{"high ip-assignment IXC-10015", "medium return-path-domain IXC-10015",
                       "medium from-domain IXC-10015", "low link-domain IXC-10015"}
        << hop << "origin IP 203.0.113.40 in 203.0.113.40/32, assigned 2024-01-22 to 2026-05-31";
    QTest::newRow("mbox 3, sales inquiry")
        << QString() << 3 << QStringList() << QString() << QString();
    QTest::newRow("maildir reply, plain message")
        << "maildir/new/1793965627.M127990P3103.abuse-store.ix.cm,S=1549,W=1584" << -1
        << northwind.mid(0, 3) << hop
        << "origin IP 203.0.113.10 in 203.0.113.8/29, assigned 2025-03-01 to now";
}

void TestAccountsCorrelation::demoReports()
{
    QFETCH(QString, file);
    QFETCH(int, mboxIndex);
    QFETCH(QStringList, matches);
    QFETCH(QString, timeSource);
    QFETCH(QString, firstMatchedBy);
    const QByteArray bytes =
        mboxIndex < 0 ? readFile(demoPath(file.toLatin1().constData())) : mboxMessage(mboxIndex);
    QVERIFY(!bytes.isEmpty());
    const QList<AccountMatch> found = correlateBytes(bytes, m_trust, *m_store);
    QCOMPARE(summary(found), matches);
    if (!found.isEmpty()) {
        QCOMPARE(found.first().incidentTimeSource, timeSource);
        QCOMPARE(found.first().matchedBy, firstMatchedBy);
        QVERIFY(!found.first().accountName.isEmpty());
    }
}

void TestAccountsCorrelation::movedAddressResolvesByTime()
{
    // 203.0.113.40: Quayside Print Studio until 2026-05-31, Harbour Street Bakery from 06-01.
    const QList<AccountMatch> may = correlateBytes(mboxMessage(0), m_trust, *m_store);
    QVERIFY(!may.isEmpty());
    QCOMPARE(summary(may).first(), QStringLiteral("high ip-assignment IXC-10015"));
    QCOMPARE(may.first().accountName, QStringLiteral("Quayside Print Studio"));
    QCOMPARE(may.first().incidentTime, utc(2026, 5, 19, 21, 14, 5));
    QCOMPARE(may.first().incidentTimeSource, QStringLiteral("origin hop date"));
    QVERIFY(may.first().matchedBy.contains(QLatin1String("2024-01-22 to 2026-05-31")));

    const QList<AccountMatch> november = correlateBytes(
        readFile(demoPath("reports/06-forward-harbour-phish.eml")), m_trust, *m_store);
    QVERIFY(!november.isEmpty());
    QCOMPARE(summary(november).first(), QStringLiteral("high ip-assignment IXC-10077"));
    QCOMPARE(november.first().incidentTime, utc(2026, 11, 9, 3, 12, 45));

    for (const AccountMatch &m : may)
        QVERIFY2(m.accountId != u"IXC-10077", qPrintable(m.matchedBy));
    for (const AccountMatch &m : november)
        QVERIFY2(m.accountId != u"IXC-10015", qPrintable(m.matchedBy));
}

void TestAccountsCorrelation::severalCandidatesAreAllReturned()
{
    // The billing data says 203.0.113.12 was also IXC-10133's in October and November 2026: a
    // data error at import, and both accounts are candidates for report 01, none picked.
    QTemporaryDir dir;
    auto store = openStore(dir);
    QVERIFY(store);
    const QString extra = writeFile(dir, QStringLiteral("extra.csv"),
                                    "account_id,prefix,valid_from,valid_to\n"
                                    "IXC-10133,203.0.113.12/32,2026-10-01,2026-11-30\n");
    AccountRepository repository(*store);
    Result<AccountImportSummary> imported =
        AccountImporter(repository).importFiles(demoAccountFiles() << extra);
    QVERIFY(imported);
    QCOMPARE(imported->dataErrors.size(), 1);

    const QList<AccountMatch> matches =
        correlateBytes(readFile(demoPath("reports/01-arf-fbl-northwind.eml")), m_trust, *store);
    const QStringList found = summary(matches);
    QVERIFY(found.size() >= 2);
    QCOMPARE(found.mid(0, 2),
             (QStringList{"high ip-assignment IXC-10042", "high ip-assignment IXC-10133"}));
    QCOMPARE(matches.at(1).matchedBy,
             QStringLiteral("origin IP 203.0.113.12 in 203.0.113.12/32, assigned 2026-10-01 to "
                            "2026-11-30"));
    // Outside IXC-10133's period only Northwind remains.
    const QList<AccountMatch> may = correlateBytes(mboxMessage(0), m_trust, *store);
    QCOMPARE(summary(may).first(), QStringLiteral("high ip-assignment IXC-10015"));
}

void TestAccountsCorrelation::trustFromAssignmentsGivesTheSameOrigins()
{
    // "Our networks" from the directory instead of the settings: the same boundaries.
    Result<IpNetworkSet> ours = AccountRepository(*m_store).ourNetworks();
    QVERIFY(ours);
    TrustSettings fromDirectory = m_trust;
    fromDirectory.ours = *ours;
    for (const char *file :
         {"reports/01-arf-fbl-northwind.eml", "reports/06-forward-harbour-phish.eml",
          "reports/08-arf-lumen-newsletter.eml", "reports/10-spam-non-customer.eml"}) {
        const QByteArray bytes = readFile(demoPath(file));
        QCOMPARE(summary(correlateBytes(bytes, fromDirectory, *m_store)),
                 summary(correlateBytes(bytes, m_trust, *m_store)));
    }
}

QTEST_GUILESS_MAIN(TestAccountsCorrelation)
#include "tst_accounts_correlation.moc"
