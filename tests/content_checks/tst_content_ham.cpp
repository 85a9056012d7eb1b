// The content checks on mail that is not (or not only) spam: the clean Lumen newsletter
// embedded in resources/demo/reports/08 (no finding at all), the third-party report samples in
// tests/data/mail/ (no finding unless listed below with the reason it is true), and the demo
// reports' originals, whose expected findings resources/demo/README.md states.

#include "content_test_support.h"

#include <QDirIterator>
#include <QTest>

using namespace Awb;
using namespace ContentTest;

namespace {

struct DemoRow
{
    const char *name;
    QString file;
    QStringList present;
    QStringList absent;
};

const QString demoDir = QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/");

} // namespace

Q_DECLARE_METATYPE(DemoRow)

class TestContentHam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lumenNewsletter();
    void sampleMail_data();
    void sampleMail();
    void demoOriginals_data();
    void demoOriginals();
    void demoReports_data();
    void demoReports();
};

// The negative example of the demo set: bulk (List-Id, Precedence, List-Unsubscribe), with
// one-click unsubscribe, a Hong Kong postal address, links to its own domain and an accurate
// sender, from our network. Nothing may fire.
void TestContentHam::lumenNewsletter()
{
    const QByteArray original =
        embeddedOriginal(readFile(demoDir + QStringLiteral("08-arf-lumen-newsletter.eml")));
    QVERIFY(!original.isEmpty());
    auto message = MailMessage::parse(original);
    QVERIFY(message);
    const QList<Finding> findings = run(*message, demoTrust());
    QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
}

void TestContentHam::sampleMail_data()
{
    QTest::addColumn<QString>("path");
    QDirIterator it(QStringLiteral(AWB_TEST_DATA "/mail"), {QStringLiteral("*.eml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    QVERIFY(!paths.isEmpty());
    for (const QString &path : paths)
        QTest::newRow(qPrintable(path.section(QLatin1Char('/'), -2))) << path;
}

// Feedback reports and their quoted originals: none is bulk mail from us, none carries
// deceptive links or forged client headers.
void TestContentHam::sampleMail()
{
    QFETCH(QString, path);
    auto message = MailMessage::parse(readFile(path));
    QVERIFY(message);
    const QList<Finding> findings = run(*message, demoTrust());
    QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
}

void TestContentHam::demoOriginals_data()
{
    QTest::addColumn<DemoRow>("row");
    const QStringList never = {"relay.unauthenticated-through-ours", "mailer.forged-mua",
                               "content.url-shortener", "standards.no-one-click"};
    const QStringList northwind = {"standards.no-unsubscribe:medium",
                                   "standards.no-postal-address:medium"};
    auto row = [](const DemoRow &r) { QTest::newRow(r.name) << r; };
    row({"01 ARF", "01-arf-fbl-northwind.eml",
         northwind + QStringList{"standards.sender-inaccurate:medium"}, never});
    row({"02 ARF quirks", "02-arf-quirks-northwind.eml", northwind, never});
    row({"03 SpamCop", "03-spamcop-northwind.eml", northwind, never});
    row({"04 X-ARF", "04-xarf-northwind.eml", northwind, never});
    row({"05 JMRP", "05-jmrp-northwind.eml", northwind, never});
    row({"06 phishing",
         "06-forward-harbour-phish.eml",
         {"content.link-text-mismatch:high"},
         never + QStringList{"standards.no-unsubscribe", "standards.no-postal-address",
                             "standards.sender-inaccurate", "content.ip-url"}});
    row({"08 newsletter", "08-arf-lumen-newsletter.eml", {}, never + QStringList{"*"}});
    row({"10 crypto scam",
         "10-spam-non-customer.eml",
         {"content.ip-url:medium"},
         never + QStringList{"content.link-text-mismatch"}});
}

void TestContentHam::demoOriginals()
{
    QFETCH(DemoRow, row);
    const QByteArray original = embeddedOriginal(readFile(demoDir + row.file));
    auto message = MailMessage::parse(original.isEmpty() ? readFile(demoDir + row.file) : original);
    QVERIFY(message);
    const QList<Finding> findings = run(*message, demoTrust());
    const QString all = describe(findings);
    for (const QString &e : row.present) {
        const bool found = std::any_of(findings.cbegin(), findings.cend(),
                                       [&](const Finding &f) { return matches(f, e); });
        QVERIFY2(found, qPrintable(QStringLiteral("missing %1; found:\n%2").arg(e, all)));
    }
    for (const QString &e : row.absent) {
        for (const Finding &f : findings) {
            const bool expected = std::any_of(row.present.cbegin(), row.present.cend(),
                                              [&](const QString &p) { return matches(f, p); });
            QVERIFY2(e == QLatin1String("*") ? expected : !matches(f, e),
                     qPrintable(QStringLiteral("unexpected %1: %2").arg(f.check, f.evidence)));
        }
    }
}

void TestContentHam::demoReports_data()
{
    QTest::addColumn<QString>("file");
    for (const char *file :
         {"01-arf-fbl-northwind.eml", "02-arf-quirks-northwind.eml", "03-spamcop-northwind.eml",
          "04-xarf-northwind.eml", "05-jmrp-northwind.eml", "06-forward-harbour-phish.eml",
          "07-spamhaus-sbl-harbour.eml", "08-arf-lumen-newsletter.eml", "09-arf-optout-lumen.eml"})
        QTest::newRow(file) << QString::fromLatin1(file);
}

// The reports themselves are mail from abuse desks to us: none is bulk, none has deceptive
// links of its own (the quoted spam's links are inside a message/rfc822 part, which the
// report's text and HTML bodies are not).
void TestContentHam::demoReports()
{
    QFETCH(QString, file);
    auto message = MailMessage::parse(readFile(demoDir + file));
    QVERIFY(message);
    const QList<Finding> findings = run(*message, demoTrust());
    QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
}

QTEST_GUILESS_MAIN(TestContentHam)
#include "tst_content_ham.moc"
