#include "analysis/content_checks/link_extractor.h"
#include "itemmodels/link_table_model.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Awb;

class TestLinkTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelTester();
    void columns();
    void mismatch_data();
    void mismatch();
    void rowsFromHtml();
};

namespace {

const QString sampleHtml = QStringLiteral(
    "<p><a href=\"https://harbourbakery.example/owa/index.php\">https://mail.lakeside.example.org"
    "/owa/verify</a></p>"
    "<p><a href=\"https://www.lakeside.example.org/help\">help.lakeside.example.org</a></p>"
    "<img src=\"http://tracker.example/p.gif\">"
    "<form action=\"https://collect.example/post\"></form>"
    "<p>Or visit www.plain.example today.</p>");

} // namespace

void TestLinkTableModel::modelTester()
{
    LinkTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLinks(extractHtmlLinks(sampleHtml));
    QVERIFY(model.rowCount() > 0);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.setLinks(extractHtmlLinks(sampleHtml));
}

void TestLinkTableModel::columns()
{
    LinkTableModel model;
    QCOMPARE(model.columnCount(), int(LinkTableModel::Column::Count));
    QCOMPARE(model.headerData(int(LinkTableModel::Column::Url), Qt::Horizontal).toString(),
             QStringLiteral("Full URL"));
}

void TestLinkTableModel::mismatch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("shown");

    QTest::newRow("url text, other organisation") << "https://mail.lakeside.example.org/owa/verify"
                                                  << "harbourbakery.example"
                                                  << "mail.lakeside.example.org";
    QTest::newRow("bare domain text, other organisation") << "Log in at paypal.com now"
                                                          << "paypa1-secure.example"
                                                          << "paypal.com";
    QTest::newRow("same organisation, other host") << "help.lakeside.example.org"
                                                   << "www.lakeside.example.org"
                                                   << "";
    QTest::newRow("plain words") << "Verify your account"
                                 << "harbourbakery.example"
                                 << "";
    QTest::newRow("version number is no site") << "Release 4.8"
                                               << "example.net"
                                               << "";
    QTest::newRow("address in the text") << "http://192.0.2.7/x"
                                         << "example.net"
                                         << "";
    QTest::newRow("no target host") << "www.bank.example"
                                    << ""
                                    << "";
}

void TestLinkTableModel::mismatch()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(QString, shown);
    QCOMPARE(LinkTableModel::mismatchedShownDomain(text, host), shown);
}

void TestLinkTableModel::rowsFromHtml()
{
    LinkTableModel model;
    model.setLinks(extractHtmlLinks(sampleHtml));
    QCOMPARE(model.mismatchCount(), 1);

    const QModelIndex first = model.index(0, int(LinkTableModel::Column::Text));
    QCOMPARE(first.data().toString(),
             QStringLiteral("https://mail.lakeside.example.org/owa/verify"));
    QVERIFY(first.data(LinkTableModel::MismatchRole).toBool());
    QCOMPARE(first.data(LinkTableModel::ShownDomainRole).toString(),
             QStringLiteral("mail.lakeside.example.org"));
    QCOMPARE(first.data(LinkTableModel::HostRole).toString(),
             QStringLiteral("harbourbakery.example"));
    QCOMPARE(model.index(0, int(LinkTableModel::Column::Host)).data().toString(),
             QStringLiteral("harbourbakery.example"));
    QVERIFY(model.index(0, int(LinkTableModel::Column::Kind))
                .data()
                .toString()
                .contains(QLatin1String("text shows mail.lakeside.example.org")));
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QLatin1String("harbourbakery")));

    // The same organisation is no mismatch; images and forms are listed with their kind.
    QVERIFY(!model.index(1, 0).data(LinkTableModel::MismatchRole).toBool());
    QStringList kinds;
    for (int row = 0; row < model.rowCount(); ++row)
        kinds << model.index(row, int(LinkTableModel::Column::Kind)).data().toString();
    QVERIFY(kinds.contains(QStringLiteral("Image")));
    QVERIFY(kinds.contains(QStringLiteral("Form")));
    QVERIFY(kinds.contains(QStringLiteral("URL in HTML text")));
    for (int row = 0; row < model.rowCount(); ++row) {
        const int kind = model.index(row, 0).data(LinkTableModel::KindRole).toInt();
        if (kind == int(MessageLink::Kind::Image))
            QCOMPARE(model.index(row, int(LinkTableModel::Column::Url)).data().toString(),
                     QStringLiteral("http://tracker.example/p.gif"));
    }
}

QTEST_GUILESS_MAIN(TestLinkTableModel)
#include "tst_link_table_model.moc"
