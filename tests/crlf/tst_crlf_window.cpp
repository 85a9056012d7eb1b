// The window marks the findings of a report's original in the report's source for a CRLF
// report as it does for the same report with LF line ends (before, a CRLF report's original
// was read back with LF and could not be found in the source, so nothing was marked).
#include "crlf_test_support.h"

#include "import_controller.h"
#include "main_window.h"
#include "message_list_panel.h"
#include "source/source_text_edit.h"
#include "source/source_viewer.h"

#include "itemmodels/message_list_model.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

using namespace Awb;
using namespace AwbCrlfTest;

class TestCrlfWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reportFindingsAreMarked_data();
    void reportFindingsAreMarked();
};

namespace {

// The texts the window marks in the source of `report`, once it is imported and selected.
QStringList markedTexts(const QByteArray &report)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("in/report.eml"));
    QDir().mkpath(dir.filePath(QStringLiteral("in")));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(report) != report.size())
        return {QStringLiteral("cannot write %1").arg(file)};
    out.close();

    MainWindow window;
    QString error;
    if (!window.openDatabase(dir.filePath(QStringLiteral("case.awbcase")), &error))
        return {error};
    window.show();
    QSignalSpy finished(window.importController(), &ImportController::finished);
    window.importPaths({file});
    if (!finished.wait(20000) || window.messageModel()->rowCount() != 1)
        return {QStringLiteral("import did not finish")};
    QTableView *table = window.messageList()->tableView();
    table->setCurrentIndex(table->model()->index(0, 0));
    QApplication::processEvents();

    const SourceViewer *source = window.sourceViewer();
    const QString text = source->textEdit()->toPlainText();
    QStringList texts;
    for (const SourceTextEdit::Mark &mark : source->sourceEdit()->marks())
        texts << text.mid(mark.start, mark.end - mark.start);
    texts.sort();
    return texts;
}

} // namespace

void TestCrlfWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("awb-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_crlf_window"));
}

void TestCrlfWindow::reportFindingsAreMarked_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("ARF") << QStringLiteral("demo/reports/01-arf-fbl-northwind.eml");
    QTest::newRow("JMRP (stored with CRLF)")
        << QStringLiteral("demo/reports/05-jmrp-northwind.eml");
    QTest::newRow("forward") << QStringLiteral("demo/reports/06-forward-harbour-phish.eml");
}

void TestCrlfWindow::reportFindingsAreMarked()
{
    QFETCH(QString, file);
    const QByteArray lf = toLf(sample(file));
    const QStringList lfMarks = markedTexts(lf);
    const QStringList crlfMarks = markedTexts(toCrlf(lf));
    QVERIFY2(lfMarks.size() > 1, qPrintable(lfMarks.join(u'|')));
    // The document shows a CR LF pair as one line break, so the marked text is the same.
    QCOMPARE(crlfMarks, lfMarks);
}

QTEST_MAIN(TestCrlfWindow)
#include "tst_crlf_window.moc"
