// awb report on the demo: every section, the quoted clauses, the case id and "Page n of m" on
// every page, the SHA-256 of every stored original, a sane page count, table rows never cut by
// a page break, no reporter in the external copy, and an unknown case refused by name.
#include "cli_runner.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kNow = QStringLiteral("2026-11-20T04:00:00Z");

QString pdfText(const QString &pdf, bool layout = false)
{
    QProcess process;
    QStringList arguments;
    if (layout)
        arguments << QStringLiteral("-layout");
    process.start(QStringLiteral("pdftotext"), arguments << pdf << QStringLiteral("-"));
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pageCount(const QString &pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdfinfo"), {pdf});
    process.waitForFinished(60000);
    const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
    return pages.match(QString::fromUtf8(process.readAllStandardOutput())).captured(1).toInt();
}

} // namespace

class TestCaseReportCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everySection();
    void quotedClauses();
    void caseIdOnEveryPage();
    void contentsNameTheRightPages();
    void sha256OfEveryOriginal();
    void rowsNeverCut();
    void chainHeadingStaysWithItsDiagram();
    void externalCopyHasNoReporter();
    void unknownCase();

private:
    QString caseOf(const QString &account);
    QString report(const QString &caseId, const QString &name, bool external = false);

    QTemporaryDir m_dir;
    QString m_db;
    QString m_case;
    QString m_pdf;
    QString m_text;
};

QString TestCaseReportCli::caseOf(const QString &account)
{
    const CliRun list = runAwb({QStringLiteral("cases"), QStringLiteral("--db"), m_db,
                                QStringLiteral("list"), QStringLiteral("--json")});
    for (const QByteArray &line : list.out.split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.value(QLatin1String("account_id")).toString() == account &&
            object.value(QLatin1String("kind")).toString() == u"complaint")
            return object.value(QLatin1String("id")).toString();
    }
    return {};
}

QString TestCaseReportCli::report(const QString &caseId, const QString &name, bool external)
{
    const QString pdf = m_dir.filePath(name);
    QStringList arguments = {QStringLiteral("report"),
                             QStringLiteral("--db"),
                             m_db,
                             QStringLiteral("--case"),
                             caseId,
                             QStringLiteral("--out"),
                             pdf,
                             QStringLiteral("--now"),
                             kNow,
                             QStringLiteral("--settings"),
                             QStringLiteral(AWB_SOURCE_DIR "/resources/demo/analysis.ini")};
    if (external)
        arguments << QStringLiteral("--external");
    const CliRun run = runAwb(arguments);
    if (run.exitCode != 0)
        qWarning("%s", run.err.constData());
    return run.exitCode == 0 ? pdf : QString();
}

void TestCaseReportCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const CliRun demo = runAwb({QStringLiteral("demo"), QStringLiteral("--out"), m_dir.path()});
    QVERIFY2(demo.exitCode == 0 || demo.exitCode == 1, demo.err.constData());
    m_db = m_dir.filePath(QStringLiteral("demo.awbcase"));
    // The harbour bakery: on the SBL, so termination with liability (rule R1).
    m_case = caseOf(QStringLiteral("IXC-10077"));
    QVERIFY(!m_case.isEmpty());
    const CliRun decided =
        runAwb({QStringLiteral("decide"), QStringLiteral("--db"), m_db, QStringLiteral("--case"),
                m_case, QStringLiteral("--accept"), QStringLiteral("--charge"),
                QStringLiteral("delisting-fee=120.50:Spamhaus SBL removal"),
                QStringLiteral("--analyst"), QStringLiteral("Ada Analyst")});
    QVERIFY2(decided.exitCode == 0, decided.err.constData());
    for (const char *type : {"acknowledgement", "termination-liability"}) {
        const CliRun notice = runAwb(
            {QStringLiteral("notice"), QStringLiteral("--db"), m_db, QStringLiteral("--case"),
             m_case, QStringLiteral("--type"), QLatin1String(type), QStringLiteral("--out"),
             m_dir.filePath(QLatin1String(type) + QStringLiteral(".eml"))});
        QVERIFY2(notice.exitCode == 0, notice.err.constData());
    }
    m_pdf = report(m_case, QStringLiteral("report.pdf"));
    QVERIFY(!m_pdf.isEmpty());
    m_text = pdfText(m_pdf);
    QVERIFY(!m_text.isEmpty());
}

void TestCaseReportCli::everySection()
{
    qsizetype at = 0;
    for (const char *title :
         {"Case report", "1. Executive summary", "2. Contents", "3. Timeline",
          "4. Reports in the case", "5. Evidence", "6. Account history", "7. Decision",
          "8. Liability statement", "9. Notices sent", "10. Audit", "11. Sign-off"}) {
        // In order, and past the contents table, which names them too.
        const qsizetype found = m_text.indexOf(QLatin1String(title), at);
        QVERIFY2(found >= 0, title);
        if (qstrcmp(title, "2. Contents") == 0)
            at = m_text.indexOf(QLatin1String("3. Timeline"), found) + 1;
        else
            at = found + 1;
    }
    QVERIFY(m_text.contains(QLatin1String("Prepared by")));
    QVERIFY(m_text.contains(QLatin1String("Reviewed by")));
    QVERIFY(m_text.contains(QLatin1String("Termination with liability")));
    QVERIFY(m_text.contains(QLatin1String("USD 150.50")));
    QVERIFY(m_text.contains(QLatin1String("Head hash")));
}

void TestCaseReportCli::quotedClauses()
{
    // Policy 6.2's own words, its citation, and 3.2's words (a finding's clause).
    QVERIFY(m_text.contains(QLatin1String("Minimum penalty")));
    QVERIFY(m_text.contains(
        QLatin1String("Anti-Spam Policy, section 6.2 (Financial Liability), version of 10 "
                      "December 2025")));
    QVERIFY(m_text.contains(QLatin1String("Forging email headers")));
}

void TestCaseReportCli::caseIdOnEveryPage()
{
    const QStringList pages = m_text.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    const int count = pageCount(m_pdf);
    QVERIFY2(count >= 6 && count <= 40, qPrintable(QString::number(count)));
    QCOMPARE(pages.size(), count);
    for (int i = 0; i < pages.size(); ++i) {
        QVERIFY2(pages.at(i).contains(m_case), qPrintable(QString::number(i + 1)));
        QVERIFY(pages.at(i).contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(count)));
    }
}

void TestCaseReportCli::contentsNameTheRightPages()
{
    // Each section heading stands alone on its line on the page the contents give for it.
    const QStringList pages = m_text.split(QLatin1Char('\f'));
    const QStringList layout = pdfText(m_pdf, true).split(QLatin1Char('\f'));
    QString contents;
    for (const QString &page : layout) {
        if (page.contains(QLatin1String("2. Contents")))
            contents = page;
    }
    QVERIFY(!contents.isEmpty());
    static const QRegularExpression entry(
        QStringLiteral("^\\s*((\\d+)\\. [^\\n]*?)\\s{2,}(\\d+)\\s*$"),
        QRegularExpression::MultilineOption);
    int checked = 0;
    for (auto it = entry.globalMatch(contents); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString heading = match.captured(1).trimmed();
        const int page = match.captured(3).toInt();
        QVERIFY2(page >= 1 && page <= pages.size(), qPrintable(heading));
        const QStringList lines = pages.at(page - 1).split(QLatin1Char('\n'));
        QVERIFY2(lines.contains(heading),
                 qPrintable(QStringLiteral("%1 is not on page %2").arg(heading).arg(page)));
        ++checked;
    }
    QCOMPARE(checked, 11);
}

void TestCaseReportCli::sha256OfEveryOriginal()
{
    const CliRun show = runAwb({QStringLiteral("cases"), QStringLiteral("--db"), m_db,
                                QStringLiteral("show"), m_case, QStringLiteral("--json")});
    QCOMPARE(show.exitCode, 0);
    const QRegularExpression ids(QStringLiteral("\"evidence_id\":\\s*(\\d+)"));
    QStringList seen;
    for (auto match = ids.globalMatch(QString::fromUtf8(show.out)); match.hasNext();) {
        const QString id = match.next().captured(1);
        if (seen.contains(id))
            continue;
        seen.append(id);
        const CliRun bytes = runAwb(
            {QStringLiteral("messages"), QStringLiteral("--db"), m_db, QStringLiteral("show"), id});
        QCOMPARE(bytes.exitCode, 0);
        const QByteArray sum =
            QCryptographicHash::hash(bytes.out, QCryptographicHash::Sha256).toHex();
        QVERIFY2(m_text.contains(QString::fromLatin1(sum)), sum.constData());
    }
    QCOMPARE(seen.size(), 2);
}

void TestCaseReportCli::rowsNeverCut()
{
    // Sixty status changes give a timeline and an audit table of several pages. Each change's
    // reason ends the audit row it stands in; the row's first cell is the entry's id.
    const QString northwind = caseOf(QStringLiteral("IXC-10042"));
    QVERIFY(!northwind.isEmpty());
    const QStringList statuses = {QStringLiteral("awaiting-customer"), QStringLiteral("open")};
    for (int i = 0; i < 60; ++i) {
        const CliRun changed =
            runAwb({QStringLiteral("cases"), QStringLiteral("--db"), m_db, QStringLiteral("status"),
                    northwind, statuses.at(i % 2), QStringLiteral("--why"),
                    QStringLiteral("rowend%1x").arg(i)});
        QVERIFY2(changed.exitCode == 0, changed.err.constData());
    }
    const QString pdf = report(northwind, QStringLiteral("long.pdf"));
    QVERIFY(!pdf.isEmpty());
    const QStringList pages = pdfText(pdf, true).split(QLatin1Char('\f'));
    QVERIFY(pages.size() > 8);
    const QRegularExpression auditRow(
        QStringLiteral("^\\s*(\\d+)\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+\\S.*case-status"),
        QRegularExpression::MultilineOption);
    const CliRun audit = runAwb({QStringLiteral("audit"), QStringLiteral("--db"), m_db,
                                 QStringLiteral("list"), QStringLiteral("--json")});
    QMap<QString, QString> idOfReason;
    for (const QByteArray &line : audit.out.split('\n')) {
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        const QString why = entry.value(QLatin1String("why")).toString();
        if (why.startsWith(QLatin1String("rowend")))
            idOfReason.insert(why, QString::number(entry.value(QLatin1String("id")).toInteger()));
    }
    QCOMPARE(idOfReason.size(), 60);
    int checked = 0;
    for (const QString &page : pages) {
        QStringList rowsHere;
        for (auto match = auditRow.globalMatch(page); match.hasNext();)
            rowsHere.append(match.next().captured(1));
        for (auto it = idOfReason.cbegin(); it != idOfReason.cend(); ++it) {
            // The audit row's reason is on this page: its first cell must be too (the reason
            // also stands in the timeline, whose rows hold no audit id: only audit rows count).
            if (rowsHere.contains(it.value())) {
                QVERIFY2(page.contains(it.key()), qPrintable(it.key()));
                ++checked;
            }
        }
    }
    QCOMPARE(checked, 60);
}

void TestCaseReportCli::chainHeadingStaysWithItsDiagram()
{
    // The heading is drawn by the diagram's object (a paragraph of its own could be left at the
    // foot of a page): wherever it is, the diagram's first line follows it on the same page.
    int headings = 0;
    for (const QString &page : m_text.split(QLatin1Char('\f'))) {
        const QStringList lines = page.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (int i = 0; i < lines.size(); ++i) {
            if (lines.at(i).trimmed() != QLatin1String("Received chain"))
                continue;
            ++headings;
            QVERIFY2(i + 1 < lines.size() &&
                         lines.at(i + 1).startsWith(QLatin1String("Oldest stamp")),
                     qPrintable(page.left(400)));
        }
    }
    QVERIFY(headings >= 2);
}

void TestCaseReportCli::externalCopyHasNoReporter()
{
    const QString pdf = report(m_case, QStringLiteral("external.pdf"), true);
    QVERIFY(!pdf.isEmpty());
    const QString text = pdfText(pdf);
    QVERIFY(text.contains(m_case));
    QVERIFY(text.contains(QLatin1String("redacted-")));
    // The phishing victims' IT desk, its domain and its servers (the internal copy names
    // them). The institution's name in the customer's own forged From stays: it is the
    // customer's message, the evidence itself.
    QVERIFY(m_text.contains(QLatin1String("j.vale@lakeside.example.org")));
    for (const char *reporter : {"j.vale", "lakeside.example.org", "Jordan Vale"})
        QVERIFY2(!text.contains(QLatin1String(reporter), Qt::CaseInsensitive), reporter);
}

void TestCaseReportCli::unknownCase()
{
    const CliRun run = runAwb({QStringLiteral("report"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--case"), QStringLiteral("IXCM-ABUSE-2026-999999"),
                               QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.pdf"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("IXCM-ABUSE-2026-999999"), run.err.constData());
    const CliRun usage = runAwb({QStringLiteral("report"), QStringLiteral("--db"), m_db});
    QCOMPARE(usage.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCaseReportCli)
#include "tst_case_report_cli.moc"
