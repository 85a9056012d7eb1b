// The notice as a PDF (views/render/notice_pdf.h): every page carries the case id and its page
// number, the clauses are quoted, nothing of the reporter shows, and it is black on white.
// Set AWB_NOTICE_PDF_DIR to keep the PDFs for a look.
#include "notice_fixtures.h"

#include "notices/notice_composer.h"
#include "notices/notice_fields.h"
#include "render/notice_pdf.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#ifdef AWB_HAVE_QT_PDF
#include <QPdfDocument>
#include <QPdfSelection>
#endif

using namespace Awb;

namespace {

const NoticeTemplateSet &templates()
{
    static const NoticeTemplateSet set = [] {
        auto loaded = NoticeTemplateSet::load(QStringLiteral(AWB_SOURCE_DIR "/resources/notices"));
        if (!loaded)
            qFatal("%s", qPrintable(loaded.error()));
        return *loaded;
    }();
    return set;
}

// The text of every page, by Qt PDF or else by pdftotext.
QStringList pageTexts(const QString &pdf)
{
    QStringList pages;
#ifdef AWB_HAVE_QT_PDF
    QPdfDocument document;
    if (document.load(pdf) != QPdfDocument::Error::None)
        return pages;
    for (int i = 0; i < document.pageCount(); ++i)
        pages.append(document.getAllText(i).text());
#else
    QProcess tool;
    tool.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!tool.waitForFinished(60000) || tool.exitCode() != 0)
        return pages;
    pages = QString::fromUtf8(tool.readAllStandardOutput()).split(QChar(u'\f'));
    if (!pages.isEmpty() && pages.constLast().trimmed().isEmpty())
        pages.removeLast();
#endif
    return pages;
}

// Page 1 as an image, 100 dpi.
QImage firstPage(const QString &pdf)
{
#ifdef AWB_HAVE_QT_PDF
    QPdfDocument document;
    if (document.load(pdf) != QPdfDocument::Error::None)
        return {};
    const QSizeF points = document.pagePointSize(0);
    // Qt PDF leaves the paper transparent: put it on white, as pdftoppm and a printer do.
    const QImage rendered = document.render(0, (points * 100.0 / 72.0).toSize());
    QImage page(rendered.size(), QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter(&page).drawImage(0, 0, rendered);
    return page;
#else
    const QString prefix = pdf + QStringLiteral(".page");
    QProcess tool;
    tool.start(QStringLiteral("pdftoppm"),
               {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("100"),
                QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                QStringLiteral("1"), QStringLiteral("-singlefile"), pdf, prefix});
    tool.waitForFinished(60000);
    return QImage(prefix + QStringLiteral(".png"));
#endif
}

QString outputDirectory(const QTemporaryDir &temporary)
{
    const QString kept = qEnvironmentVariable("AWB_NOTICE_PDF_DIR");
    if (!kept.isEmpty() && QDir().mkpath(kept))
        return kept;
    return temporary.path();
}

} // namespace

class TestNoticePdf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyType_data()
    {
        QTest::addColumn<QString>("type");
        for (const QString &type : noticeTypes())
            QTest::newRow(qPrintable(type)) << type;
    }

    void everyType()
    {
        QFETCH(QString, type);
        const NoticeData data = AwbTest::noticeFixture(type);
        auto notice = composeNotice(data, templates());
        QVERIFY2(notice.ok(), qPrintable(notice.error()));
        QTemporaryDir temporary;
        const QString pdf = outputDirectory(temporary) + u'/' + type + QStringLiteral(".pdf");
        const Status written = writeNoticePdf(*notice, data, pdf);
        QVERIFY2(written.ok(), qPrintable(written.error()));

        const QStringList pages = pageTexts(pdf);
        QVERIFY2(!pages.isEmpty(), "the PDF could not be read");
        if (type == u"warning" || type == u"termination-liability")
            QVERIFY2(pages.size() >= 2, qPrintable(QString::number(pages.size())));
        for (int i = 0; i < pages.size(); ++i) {
            QVERIFY2(pages.at(i).contains(data.caseId), qPrintable(QString::number(i + 1)));
            QVERIFY2(
                pages.at(i).contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.size())),
                qPrintable(pages.at(i).right(200)));
        }
        const QString all = pages.join(u' ').simplified();
        for (const NoticeClause &clause : data.clauses) {
            // The first words of the clause's first bullet, and its citation.
            const QString words = clause.text.section(u'\n', 0, 0).mid(2).remove(u'*').left(40);
            QVERIFY2(all.contains(words.simplified()), qPrintable(words));
            QVERIFY2(all.contains(clause.citation), qPrintable(clause.citation));
        }
        QVERIFY(all.contains(notice->to.address));
        if (!isReporterNotice(type)) {
            for (const QString &identity : AwbTest::demoReporterIdentities())
                QVERIFY2(!all.contains(identity, Qt::CaseInsensitive), qPrintable(identity));
        }
    }

    void blackOnWhite()
    {
        const NoticeData data = AwbTest::noticeFixture(QStringLiteral("warning"));
        auto notice = composeNotice(data, templates());
        QVERIFY2(notice.ok(), qPrintable(notice.error()));
        QTemporaryDir temporary;
        const QString pdf = temporary.filePath(QStringLiteral("warning.pdf"));
        QVERIFY(writeNoticePdf(*notice, data, pdf).ok());
        const QImage page = firstPage(pdf).convertToFormat(QImage::Format_RGB32);
        QVERIFY(!page.isNull());
        QCOMPARE(qRound(page.height() * 210.0 / page.width()), 297); // A4 portrait
        qint64 white = 0;
        qint64 dark = 0;
        for (int y = 0; y < page.height(); ++y) {
            for (int x = 0; x < page.width(); ++x) {
                const QRgb p = page.pixel(x, y);
                // Grey levels only: anti-aliased black text, no colour anywhere.
                QVERIFY2(qAbs(qRed(p) - qGreen(p)) <= 8 && qAbs(qGreen(p) - qBlue(p)) <= 8,
                         qPrintable(QStringLiteral("colour at %1,%2").arg(x).arg(y)));
                white += qGray(p) > 245;
                dark += qGray(p) < 96;
            }
        }
        const qint64 total = qint64(page.width()) * page.height();
        QVERIFY2(white > total * 8 / 10, qPrintable(QString::number(white * 100 / total)));
        QVERIFY2(dark > total / 200, qPrintable(QString::number(dark))); // there is text
    }

    void previewDocument()
    {
        const NoticeData data = AwbTest::noticeFixture(QStringLiteral("outcome"));
        auto notice = composeNotice(data, templates());
        QVERIFY2(notice.ok(), qPrintable(notice.error()));
        auto document = noticeDocument(*notice, data, 600);
        const QString text = document->toPlainText();
        QVERIFY(text.contains(notice->subject));
        QVERIFY(text.contains(u"To: Jordan Vale <j.vale@lakeside.example.org>"));
        QVERIFY(text.contains(u"We have completed our investigation"));
        QCOMPARE(document->metaInformation(QTextDocument::DocumentTitle), notice->subject);
    }

    void unwritablePath()
    {
        const NoticeData data = AwbTest::noticeFixture(QStringLiteral("warning"));
        auto notice = composeNotice(data, templates());
        QVERIFY(notice.ok());
        const QString path = QStringLiteral("/nonexistent-folder/notice.pdf");
        const Status written = writeNoticePdf(*notice, data, path);
        QVERIFY(!written.ok());
        QVERIFY2(written.error().contains(path), qPrintable(written.error()));
    }
};

QTEST_MAIN(TestNoticePdf)
#include "tst_notice_pdf.moc"
