// The main window imports on a worker, shows the messages as they are committed, and shows the
// selected message's raw source. Also leaves a screenshot in the build folder to look at.
#include "import_controller.h"
#include "main_window.h"
#include "message_list_panel.h"
#include "source/source_viewer.h"
#include "test_mail_factory.h"

#include "itemmodels/message_list_model.h"

#include <QApplication>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Awb;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importShowsMessagesAndSource();
    void dropImports();
    void rejectionsAreShown();
    void cancelStopsAndKeepsWhatWasCommitted();

private:
    std::unique_ptr<MainWindow> makeWindow(QTemporaryDir &dir);
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("awb-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow(QTemporaryDir &dir)
{
    auto window = std::make_unique<MainWindow>();
    QString error;
    if (!window->openDatabase(dir.filePath(QStringLiteral("case.awbcase")), &error))
        qWarning() << error;
    window->show();
    return window;
}

void TestMainWindow::importShowsMessagesAndSource()
{
    QTemporaryDir dir;
    QVERIFY(AwbTest::writeFile(dir.filePath(QStringLiteral("in/a.eml")),
                               AwbTest::plainMessage(1, "Cheap watches")));
    QVERIFY(AwbTest::writeFile(dir.filePath(QStringLiteral("in/b.mbox")), AwbTest::mbox(3)));
    auto window = makeWindow(dir);
    QSignalSpy finished(window->importController(), &ImportController::finished);

    window->importPaths({dir.filePath(QStringLiteral("in"))});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(window->messageModel()->rowCount(), 4);

    // Filter, select, and see the raw source.
    window->messageList()->filterEdit()->setText(QStringLiteral("watches"));
    QTableView *table = window->messageList()->tableView();
    QCOMPARE(table->model()->rowCount(), 1);
    table->setCurrentIndex(table->model()->index(0, 0));
    const auto *text = window->sourceViewer()->findChild<QPlainTextEdit *>();
    QVERIFY(text);
    QTRY_VERIFY(text->toPlainText().contains(QStringLiteral("Subject: Cheap watches 1")));

    window->resize(1100, 700);
    QApplication::processEvents();
    const QString shot = QStringLiteral(AWB_BINARY_DIR "/tests/main_window.png");
    QVERIFY(window->grab().save(shot));
}

void TestMainWindow::dropImports()
{
    QTemporaryDir dir;
    QVERIFY(
        AwbTest::writeFile(dir.filePath(QStringLiteral("dropped.eml")), AwbTest::plainMessage(5)));
    auto window = makeWindow(dir);
    QSignalSpy finished(window->importController(), &ImportController::finished);

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dir.filePath(QStringLiteral("dropped.eml")))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &drop);

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(window->messageModel()->rowCount(), 1);
}

void TestMainWindow::rejectionsAreShown()
{
    QTemporaryDir dir;
    QVERIFY(
        AwbTest::writeFile(dir.filePath(QStringLiteral("in/good.eml")), AwbTest::plainMessage(1)));
    QVERIFY(AwbTest::writeFile(dir.filePath(QStringLiteral("in/empty.eml")), QByteArray()));
    auto window = makeWindow(dir);
    QSignalSpy finished(window->importController(), &ImportController::finished);
    window->importPaths({dir.filePath(QStringLiteral("in"))});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(window->messageModel()->rowCount(), 1);
    auto *box = window->findChild<QWidget *>(QStringLiteral("rejectionsBox"));
    QVERIFY(box);
    QVERIFY(box->isVisible());
}

void TestMainWindow::cancelStopsAndKeepsWhatWasCommitted()
{
    QTemporaryDir dir;
    QVERIFY(
        AwbTest::writeFile(dir.filePath(QStringLiteral("big.mbox")), AwbTest::mbox(20000, 300)));
    auto window = makeWindow(dir);
    ImportController *imports = window->importController();
    QSignalSpy finished(imports, &ImportController::finished);
    // Cancel as soon as the first batch shows up in the list; the window must stay responsive.
    connect(imports, &ImportController::messagesCommitted, imports, &ImportController::cancel);
    window->importPaths({dir.filePath(QStringLiteral("big.mbox"))});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    const auto summary = finished.first().first().value<ImportSummary>();
    QVERIFY(summary.cancelled);
    QVERIFY(summary.imported < 20000);
    QCOMPARE(window->messageModel()->rowCount(), summary.imported);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
