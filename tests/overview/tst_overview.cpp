#include "overview_test_data.h"

#include "itemmodels/attachment_table_model.h"
#include "itemmodels/link_table_model.h"
#include "mail/mail_message.h"
#include "overview/auth_verdict_bar.h"
#include "overview/message_overview.h"
#include "overview/verdict_badge.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCryptographicHash>
#include <QHelpEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QToolTip>

using namespace Awb;
using Field = MessageOverview::Field;

class TestOverview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void headers_data();
    void headers();
    void authenticationBadges();
    void trustedAuthservIds();
    void htmlShownAsTextNothingLoaded();
    void linksFlagMismatch();
    void attachments();
    void hostileHeadersStayText();
    void clearEmptiesEverything();
    void screenshots();

private:
    QByteArray m_original;
};

namespace {

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xed, 0xf3));
    palette.setColor(QPalette::Base, QColor(0x16, 0x1b, 0x22));
    palette.setColor(QPalette::AlternateBase, QColor(0x22, 0x27, 0x2e));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xed, 0xf3));
    palette.setColor(QPalette::Button, QColor(0x2d, 0x33, 0x3b));
    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xed, 0xf3));
    palette.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xeb));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x8b, 0x94, 0x9e));
    return palette;
}

} // namespace

void TestOverview::initTestCase()
{
    m_original = OverviewTest::demoOriginal();
    QVERIFY(m_original.startsWith("Received:"));
}

void TestOverview::headers_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("shown");
    QTest::newRow("from")
        << int(Field::From)
        << "\"Lakeside University IT Service Desk\" <no-reply@harbourbakery.example>";
    QTest::newRow("to") << int(Field::To) << "staff-all@lakeside.example.org";
    QTest::newRow("cc absent") << int(Field::Cc) << "(none)";
    QTest::newRow("reply-to") << int(Field::ReplyTo) << "helpdesk.verify@webmail-box.example";
    QTest::newRow("return-path") << int(Field::ReturnPath)
                                 << "www-data@web01.harbourbakery.example";
    // RFC 2047, two encoded words in UTF-8 base64, folded.
    QTest::newRow("subject decoded")
        << int(Field::Subject)
        << QStringLiteral("\u26A0 Mailbox storage 98% full \u2013 verify within 24 hours");
    QTest::newRow("date as written and in UTC")
        << int(Field::Date) << "Mon, 9 Nov 2026 14:12:44 +1100 (2026-11-09 03:12:44 UTC)";
    QTest::newRow("message-id") << int(Field::MessageId)
                                << "<a3f9c1e07b2d4c58e61f@harbourbakery.example>";
}

void TestOverview::headers()
{
    QFETCH(int, field);
    QFETCH(QString, shown);
    auto message = MailMessage::parse(m_original);
    QVERIFY(message);
    MessageOverview overview;
    overview.setMessage(*message);
    QCOMPARE(overview.fieldText(Field(field)), shown);
}

void TestOverview::authenticationBadges()
{
    auto message = MailMessage::parse(m_original);
    QVERIFY(message);
    MessageOverview overview;
    overview.setMessage(*message);
    AuthVerdictBar *bar = overview.verdictBar();
    QVERIFY(bar->hasResults());
    QCOMPARE(bar->authservId(), QStringLiteral("mailgw.lakeside.example.org"));
    QStringList texts;
    for (const VerdictBadge *badge : bar->badges())
        texts << badge->text();
    QCOMPARE(texts, (QStringList{QStringLiteral("SPF none web01.harbourbakery.example"),
                                 QStringLiteral("DKIM none"),
                                 QStringLiteral("DMARC fail harbourbakery.example"),
                                 QStringLiteral("ARC not stated")}));
    QCOMPARE(bar->badges().at(2)->verdict(), VerdictBadge::Verdict::Fail);
    QVERIFY(bar->note().contains(QLatin1String("stamped by mailgw.lakeside.example.org")));
    QVERIFY(bar->note().contains(QLatin1String("trusted receiver")));

    // The forward itself: the report's own receiver stamped pass for all three.
    auto forward = MailMessage::parse(OverviewTest::demoForward());
    QVERIFY(forward);
    overview.setMessage(*forward);
    QCOMPARE(bar->authservId(), QStringLiteral("mx1.ix.cm"));
    QCOMPARE(bar->badges().first()->verdict(), VerdictBadge::Verdict::Pass);
    QCOMPARE(bar->badges().at(1)->text(), QStringLiteral("DKIM pass lakeside.example.org"));
    QVERIFY(QTextDocumentFragment::fromHtml(bar->badges().at(1)->toolTip())
                .toPlainText()
                .startsWith(QLatin1String("dkim=pass")));
}

void TestOverview::trustedAuthservIds()
{
    auto message = MailMessage::parse(m_original);
    QVERIFY(message);
    MessageOverview overview;
    overview.setMessage(*message);
    overview.setTrustedAuthservIds({QStringLiteral("mx1.ix.cm")});
    QVERIFY(overview.verdictBar()->note().contains(
        QLatin1String("mailgw.lakeside.example.org is not a trusted receiver")));
    overview.setTrustedAuthservIds({QStringLiteral("MAILGW.lakeside.example.org")});
    QVERIFY(overview.verdictBar()->note().contains(QLatin1String("is a trusted receiver")));
}

void TestOverview::htmlShownAsTextNothingLoaded()
{
    auto message = MailMessage::parse(m_original);
    QVERIFY(message);
    MessageOverview overview;
    overview.setMessage(*message);
    const QString html = overview.htmlBodyAsText();
    QVERIFY(html.contains(QLatin1String("Your mailbox has reached 98% of its storage quota")));
    QVERIFY(html.contains(QStringLiteral("IT Service Desk \u2013 Lakeside University")));
    QVERIFY(!html.contains(QLatin1Char('<')));
    QVERIFY(!html.contains(QLatin1String("font-family")));
    QVERIFY(overview.textBody().startsWith(QLatin1String("Dear Lakeside University staff")));
    QCOMPARE(overview.tabs()->currentIndex(), int(MessageOverview::TextBodyTab));

    // Nothing in the overview can load a resource: no rich-text view at all, and every label
    // holds plain text (a rich-text QLabel would fetch an <img>).
    QVERIFY(overview.findChildren<QTextBrowser *>().isEmpty());
    QVERIFY(overview.findChildren<QTextEdit *>().isEmpty());
    for (const QLabel *label : overview.findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
    for (const QPlainTextEdit *view : overview.findChildren<QPlainTextEdit *>())
        QVERIFY(view->isReadOnly());
}

void TestOverview::linksFlagMismatch()
{
    auto message = MailMessage::parse(m_original);
    QVERIFY(message);
    MessageOverview overview;
    overview.setMessage(*message);
    LinkTableModel *links = overview.linkModel();
    QCOMPARE(links->mismatchCount(), 1);
    int mismatchRow = -1;
    for (int row = 0; row < links->rowCount(); ++row) {
        if (links->index(row, 0).data(LinkTableModel::MismatchRole).toBool())
            mismatchRow = row;
    }
    QVERIFY(mismatchRow >= 0);
    const auto cell = [&](LinkTableModel::Column column) {
        return links->index(mismatchRow, int(column)).data().toString();
    };
    QCOMPARE(cell(LinkTableModel::Column::Text),
             QStringLiteral("https://mail.lakeside.example.org/owa/verify"));
    QCOMPARE(cell(LinkTableModel::Column::Host), QStringLiteral("harbourbakery.example"));
    QVERIFY(cell(LinkTableModel::Column::Url)
                .startsWith(QLatin1String("https://harbourbakery.example/wp-content/uploads/")));
    QVERIFY(overview.tabs()->tabText(MessageOverview::LinksTab).contains(QLatin1String("Links (")));

    // Activating the link offers its place in the message's bytes to the window.
    QSignalSpy activated(&overview, &MessageOverview::sourceRangeActivated);
    QTableView *table = overview.linkTable();
    const QModelIndex shown = table->model()->index(0, 0);
    Q_EMIT table->activated(shown);
    QCOMPARE(activated.size(), 1);
    const QVariantList location = shown.data(LinkTableModel::LocationRole).toList();
    QCOMPARE(activated.first().at(0).toLongLong(), location.at(0).toLongLong());
    QVERIFY(activated.first().at(0).toLongLong() > 0);
    QVERIFY(activated.first().at(1).toLongLong() > 0);
}

void TestOverview::attachments()
{
    const QByteArray pdf = QByteArray("%PDF-1.4\n") + QByteArray(3000, 'x');
    const QByteArray exe = QByteArray("MZ\x90\x00", 4) + QByteArray(500, '\x01');
    auto message = MailMessage::parse(OverviewTest::messageWithAttachments(
        {{"=\"invoice.pdf\"", "application/pdf", pdf},
         {"=\"setup.exe\"", "application/x-msdownload", exe}}));
    QVERIFY(message);
    MessageOverview overview;
    overview.setMessage(*message);
    AttachmentTableModel *model = overview.attachmentModel();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(overview.tabs()->tabText(MessageOverview::AttachmentsTab),
             QStringLiteral("&Attachments (2)"));
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(exe, QCryptographicHash::Sha256).toHex());
    QCOMPARE(model->index(1, int(AttachmentTableModel::Column::Sha256)).data().toString(), sha);
    QCOMPARE(model->index(1, int(AttachmentTableModel::Column::Name)).data().toString(),
             QStringLiteral("setup.exe"));

    // The hash is copied from the table's context menu, for the current row.
    QTableView *table = overview.attachmentTable();
    QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(table->actions().contains(overview.copyHashAction()));
    QModelIndex exeRow;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, 0);
        if (index.data(AttachmentTableModel::FileNameRole).toString() == QLatin1String("setup.exe"))
            exeRow = index;
    }
    table->setCurrentIndex(exeRow);
    QApplication::clipboard()->clear();
    overview.copyHashAction()->trigger();
    QCOMPARE(QApplication::clipboard()->text(), sha);
}

void TestOverview::hostileHeadersStayText()
{
    const QByteArray hostile = "From: <b>Boss</b> <boss@example.net>\r\n"
                               "Subject: <img src=\"http://tracker.example/open.gif\">Hi\r\n"
                               "Content-Type: text/html; charset=utf-8\r\n"
                               "\r\n"
                               "<html><body><img src=\"http://tracker.example/pixel.gif\">"
                               "<script>alert(1)</script><p>Hello</p>"
                               "<a href=\"http://a.example/\">&lt;b&gt;bold?&lt;/b&gt;</a>"
                               "</body></html>\r\n";
    auto message = MailMessage::parse(hostile);
    QVERIFY(message);
    MessageOverview overview;
    overview.setMessage(*message);
    QCOMPARE(overview.fieldText(Field::Subject),
             QStringLiteral("<img src=\"http://tracker.example/open.gif\">Hi"));
    QVERIFY(overview.htmlBodyAsText().startsWith(QLatin1String("Hello")));
    QVERIFY(overview.htmlBodyAsText().contains(QLatin1String("<b>bold?</b>")));
    QCOMPARE(overview.tabs()->currentIndex(), int(MessageOverview::HtmlBodyTab));
    QVERIFY(!overview.tabs()->isTabEnabled(MessageOverview::TextBodyTab));
    // The tracking pixel is listed as an image link, not loaded.
    bool listed = false;
    for (int row = 0; row < overview.linkModel()->rowCount(); ++row) {
        listed = listed || overview.linkModel()->index(row, 0).data(LinkTableModel::UrlRole) ==
                               QStringLiteral("http://tracker.example/pixel.gif");
    }
    QVERIFY(listed);
    // Link text that looks like HTML is shown as those characters in the tooltip too.
    overview.resize(900, 600);
    overview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&overview));
    overview.tabs()->setCurrentIndex(MessageOverview::LinksTab);
    QTableView *table = overview.linkTable();
    QModelIndex anchor;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, 0);
        if (index.data().toString() == QLatin1String("<b>bold?</b>"))
            anchor = index;
    }
    QVERIFY(anchor.isValid());
    const QPoint inside = table->visualRect(anchor).center();
    QHelpEvent help(QEvent::ToolTip, inside, table->viewport()->mapToGlobal(inside));
    QApplication::sendEvent(table->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(QLatin1String("&lt;b&gt;bold?&lt;/b&gt;")));
    QVERIFY(!overview.verdictBar()->hasResults());
    QVERIFY(overview.verdictBar()->badges().isEmpty());
}

void TestOverview::clearEmptiesEverything()
{
    auto message = MailMessage::parse(m_original);
    QVERIFY(message);
    MessageOverview overview;
    overview.setMessage(*message);
    overview.clear();
    QCOMPARE(overview.fieldText(Field::From), QStringLiteral("(none)"));
    QCOMPARE(overview.linkModel()->rowCount(), 0);
    QCOMPARE(overview.attachmentModel()->rowCount(), 0);
    QVERIFY(overview.textBody().isEmpty());
    QVERIFY(overview.verdictBar()->badges().isEmpty());
}

void TestOverview::screenshots()
{
    auto message = MailMessage::parse(m_original);
    QVERIFY(message);
    for (const bool dark : {false, true}) {
        MessageOverview overview;
        if (dark)
            overview.setPalette(darkPalette());
        overview.resize(1000, 640);
        overview.setMessage(*message);
        overview.tabs()->setCurrentIndex(MessageOverview::LinksTab);
        overview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&overview));
        QVERIFY(overview.grab().save(dark ? QStringLiteral("/tmp/awb-overview-dark.png")
                                          : QStringLiteral("/tmp/awb-overview.png")));
    }
    // The forward with the original attached, on its attachments.
    auto forward = MailMessage::parse(OverviewTest::demoForward());
    QVERIFY(forward);
    MessageOverview overview;
    overview.resize(1000, 480);
    overview.setMessage(*forward);
    overview.tabs()->setCurrentIndex(MessageOverview::AttachmentsTab);
    overview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&overview));
    QVERIFY(overview.grab().save(QStringLiteral("/tmp/awb-overview-attachments.png")));
}

QTEST_MAIN(TestOverview)
#include "tst_overview.moc"
