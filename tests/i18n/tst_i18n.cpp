// Every visible string can be translated: lupdate reads models/, views/ and app/ without a
// warning (a warning means a string filed under a context the code never looks it up in), and a
// pseudo-translation of what it extracted ("⟦" + source + "⟧", plural forms too) comes back
// through the real code of each room, while a run without a translator keeps the English.
#include "accounts/account_csv.h"
#include "analysis/chain_analysis.h"
#include "analysis/check.h"
#include "analysis/check_registry.h"
#include "blacklist/dnsbl_account_check.h"
#include "cases/case_grouper.h"
#include "enforcement/case_deadlines.h"
#include "itemmodels/finding_list_model.h"
#include "mail/message_sources.h"
#include "policy/enforcement_advisor.h"
#include "policy/holiday_calendar.h"
#include "policy/liability.h"
#include "policy/money.h"
#include "render/case_report.h"
#include "reports/report.h"
#include "store/audit_log.h"
#include "store/case_repository.h"
#include "store/case_store.h"
#include "store/listing_repository.h"
#include "store/notice_repository.h"

#include "pseudo_translation.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <functional>
#include <memory>

#ifndef AWB_LUPDATE
#define AWB_LUPDATE "/usr/lib/qt6/bin/lupdate"
#endif
#ifndef AWB_LRELEASE
#define AWB_LRELEASE "/usr/lib/qt6/bin/lrelease"
#endif

using namespace Awb;
using namespace AwbTest;

namespace {

// One visible string, made by the code that shows it, in English and pseudo-translated.
struct TextCase
{
    std::function<QString()> make;
    QString english;
    QString pseudo;
};

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

} // namespace

Q_DECLARE_METATYPE(TextCase)

class TestI18n : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lupdateWarnsOfNothing();
    void texts_data();
    void texts();
    void everyCheckTranslated();

private:
    // A fresh case database for one call: the texts are made twice (with and without the
    // translator) and must not see each other's rows.
    std::unique_ptr<CaseStore> freshStore();
    QString run(const QString &program, const QStringList &arguments, QString *errors);

    QTemporaryDir m_dir;
    QString m_lupdateErrors;
    QList<TsContext> m_contexts;
    QTranslator m_translator;
    int m_stores = 0;
};

QString TestI18n::run(const QString &program, const QStringList &arguments, QString *errors)
{
    QProcess process;
    process.setWorkingDirectory(QStringLiteral(AWB_SOURCE_DIR));
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return QStringLiteral("%1 did not finish: %2").arg(program, process.errorString());
    *errors = QString::fromLocal8Bit(process.readAllStandardError());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("%1 failed (exit code %2): %3")
            .arg(program)
            .arg(process.exitCode())
            .arg(*errors);
    return {};
}

void TestI18n::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(QStringLiteral(AWB_LUPDATE)).isExecutable(), AWB_LUPDATE);
    QVERIFY2(QFileInfo(QStringLiteral(AWB_LRELEASE)).isExecutable(), AWB_LRELEASE);

    // The sources as a list file, as one would pass them by hand: models, views, app.
    QStringList sources;
    for (const char *room : {"models", "views", "app"}) {
        QDirIterator it(QStringLiteral(AWB_SOURCE_DIR "/") + QLatin1String(room),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            sources << it.next();
    }
    sources.sort();
    QVERIFY(sources.size() > 100);
    QFile list(m_dir.filePath(QStringLiteral("sources.txt")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write(sources.join(QLatin1Char('\n')).toUtf8());
    list.close();

    const QString ts = m_dir.filePath(QStringLiteral("all.ts"));
    const QString failed = run(QStringLiteral(AWB_LUPDATE),
                               {QStringLiteral("-I"), QStringLiteral("models"),
                                QStringLiteral("-I"), QStringLiteral("views"), QStringLiteral("-I"),
                                QStringLiteral("app"), QStringLiteral("-I"), QStringLiteral("."),
                                QLatin1Char('@') + list.fileName(), QStringLiteral("-ts"), ts},
                               &m_lupdateErrors);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));

    QString error;
    m_contexts = readTs(ts, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_contexts.size() > 50);

    const QString pseudoTs = m_dir.filePath(QStringLiteral("pseudo.ts"));
    const QString qm = m_dir.filePath(QStringLiteral("pseudo.qm"));
    QVERIFY(writePseudoTs(m_contexts, pseudoTs));
    QString lreleaseErrors;
    const QString released =
        run(QStringLiteral(AWB_LRELEASE), {pseudoTs, QStringLiteral("-qm"), qm}, &lreleaseErrors);
    QVERIFY2(released.isEmpty(), qPrintable(released));
    QVERIFY2(m_translator.load(qm), qPrintable(qm));
}

// lupdate writes its warnings to stderr as "file:line: text" ("Class 'Awb' lacks Q_OBJECT
// macro", "Cannot invoke tr() like this", "Qualifying with unknown namespace/class", "Discarding
// unconsumed meta data", ...); any line there is a string lupdate could not file correctly.
void TestI18n::lupdateWarnsOfNothing()
{
    QStringList warnings;
    for (const QString &line : m_lupdateErrors.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        warnings << QString(line).replace(QStringLiteral(AWB_SOURCE_DIR "/"), QString());
    QVERIFY2(warnings.isEmpty(), qPrintable(QStringLiteral("lupdate warned %1 time(s):\n%2")
                                                .arg(warnings.size())
                                                .arg(warnings.join(QLatin1Char('\n')))));
}

std::unique_ptr<CaseStore> TestI18n::freshStore()
{
    auto store = CaseStore::open(m_dir.filePath(QStringLiteral("cases-%1.sqlite").arg(++m_stores)));
    if (!store)
        qWarning("%s", qPrintable(store.error()));
    return store ? std::move(*store) : nullptr;
}

void TestI18n::texts_data()
{
    QTest::addColumn<TextCase>("text");

    const auto checkTitle = [](const char *id) {
        return [id]() {
            for (const Check *check : allChecks()) {
                const CheckInfo info = check->info();
                if (info.id == QLatin1String(id))
                    return info.title;
            }
            return QStringLiteral("no check %1").arg(QLatin1String(id));
        };
    };
    QTest::newRow("analysis: header check")
        << TextCase{checkTitle("date.missing"), QStringLiteral("No Date header"),
                    pseudo(QStringLiteral("No Date header"))};
    QTest::newRow("analysis: Received check")
        << TextCase{checkTitle("received.chain-missing"), QStringLiteral("No Received headers"),
                    pseudo(QStringLiteral("No Received headers"))};
    // Its title comes from a table marked with QT_TRANSLATE_NOOP.
    QTest::newRow("analysis: authentication check") << TextCase{
        checkTitle("auth.spf-fail"), QStringLiteral("SPF fail: sending host not permitted"),
        pseudo(QStringLiteral("SPF fail: sending host not permitted"))};
    QTest::newRow("analysis: content check")
        << TextCase{checkTitle("content.ip-url"), QStringLiteral("Link to a bare IP address"),
                    pseudo(QStringLiteral("Link to a bare IP address"))};
    const QString noReceived =
        QStringLiteral("The message has no Received headers, so no origin can be named.");
    QTest::newRow("analysis: chain")
        << TextCase{[] { return analyzeChain({}, TrustSettings{}).origin.reason; }, noReceived,
                    pseudo(noReceived)};

    QTest::newRow("enforcement: case deadline")
        << TextCase{[] {
                        auto calendar = HolidayCalendar::load();
                        if (!calendar)
                            return calendar.error();
                        CaseRecord record;
                        record.id = 1;
                        CaseReportRecord report;
                        report.evidenceId = 7;
                        report.receivedAt = utc("2026-11-02T09:20:00Z");
                        record.reports = {report};
                        const QList<CaseDeadline> deadlines = caseDeadlines(
                            record, {}, std::nullopt, *calendar, utc("2026-11-03T00:00:00Z"));
                        return deadlines.isEmpty() ? QString() : deadlines.first().label;
                    },
                    QStringLiteral("Response to the report (policy V)"),
                    pseudo(QStringLiteral("Response to the report (policy V)"))};

    // Field errors of the advice as stored with a decision: the reader's own context inside the
    // advice's.
    QTest::newRow("policy: decision advice")
        << TextCase{[] {
                        const auto advice = recommendationFromJson(QJsonObject{});
                        return advice ? QString() : advice.error();
                    },
                    QStringLiteral("advice: \"version\" is missing."),
                    QStringLiteral("⟦⟦advice⟧: \"version\" ⟦is missing⟧.⟧")};
    // English singular and plural as two translated strings (advisor_text_p.h).
    QTest::newRow("policy: advisor explanation") << TextCase{
        [] {
            AdvisorInput input;
            input.caseId = QStringLiteral("IXCM-ABUSE-2026-000001");
            input.now = utc("2026-11-03T00:00:00Z");
            input.reportCount = 1;
            input.distinctReporters = 2;
            return adviseEnforcement(input, AdvisorSettings{}).explanation.value(0);
        },
        QStringLiteral("Case IXCM-ABUSE-2026-000001 (complaint) is tied to no customer account: "
                       "1 report from 2 distinct reporters, as of 2026-11-03 00:00 UTC."),
        QStringLiteral("⟦Case IXCM-ABUSE-2026-000001 (⟦complaint⟧) is tied to no customer "
                       "account: ⟦⟦1 report⟧ from ⟦2 distinct reporters⟧⟧, as of 2026-11-03 "
                       "00:00 UTC.⟧")};
    QTest::newRow("policy: money")
        << TextCase{[] {
                        const auto money = parseMoney(QStringLiteral("x1"));
                        return money ? QString() : money.error();
                    },
                    QStringLiteral("\"x1\" is not an amount of money: \"x\" is not a digit."),
                    QStringLiteral("⟦\"x1\" is not an amount of money: ⟦\"x\" is not a digit⟧.⟧")};
    const QString incident = QStringLiteral(
        "An incident is one listing of one address or range on one blocklist, or one complaint "
        "campaign (policy 6.2). An answer of a combined zone counts as the listing it reports "
        "(Spamhaus ZEN 127.0.0.2 is the SBL listing).");
    QTest::newRow("policy: liability")
        << TextCase{liabilityIncidentDefinition, incident, pseudo(incident)};

    QTest::newRow("itemmodels: header") << TextCase{
        [] {
            FindingListModel model;
            return model.headerData(int(FindingListModel::Column::Title), Qt::Horizontal)
                .toString();
        },
        QStringLiteral("Finding"), pseudo(QStringLiteral("Finding"))};

    QTest::newRow("store: case repository") << TextCase{
        [this] {
            const auto store = freshStore();
            if (!store)
                return QStringLiteral("no store");
            const auto found = CaseRepository(*store).caseById(42);
            return found ? QString()
                         : QString(found.error()).replace(store->path(), QStringLiteral("PATH"));
        },
        QStringLiteral("There is no case 42 in “PATH”."),
        pseudo(QStringLiteral("There is no case 42 in “PATH”."))};
    QTest::newRow("store: notice repository") << TextCase{
        [this] {
            const auto store = freshStore();
            if (!store)
                return QStringLiteral("no store");
            const auto found = NoticeRepository(*store).byId(5);
            return found ? QString()
                         : QString(found.error()).replace(store->path(), QStringLiteral("PATH"));
        },
        QStringLiteral("There is no notice 5 in “PATH”."),
        pseudo(QStringLiteral("There is no notice 5 in “PATH”."))};
    // A plural (%n) in the audit entry of a batch of listings.
    QTest::newRow("store: listing audit") << TextCase{
        [this] {
            const auto store = freshStore();
            if (!store)
                return QStringLiteral("no store");
            StoredListing listing;
            listing.listName = QStringLiteral("Spamhaus ZEN");
            listing.zone = QStringLiteral("zen.spamhaus.org");
            listing.addressOrRange = QStringLiteral("203.0.113.40");
            listing.returnCodes = {QStringLiteral("127.0.0.2")};
            listing.verdict = QStringLiteral("listed");
            listing.checkedAt = utc("2026-11-03T00:00:00Z");
            listing.source = QStringLiteral("dnsbl");
            StoredListing clean = listing;
            clean.addressOrRange = QStringLiteral("203.0.113.41");
            clean.returnCodes.clear();
            clean.verdict = QStringLiteral("not-listed");
            const auto added = ListingRepository(*store).add({listing, clean});
            if (!added)
                return added.error();
            const auto entries = AuditLog(*store).entries();
            return entries && !entries->isEmpty() ? entries->last().what : QString();
        },
        QStringLiteral("Recorded 2 blocklist observation(s) of no known account (1 listed)."),
        QStringLiteral("⟦Recorded 2 blocklist observation(s) of ⟦no known account⟧ (1 listed).⟧")};

    QTest::newRow("accounts: account file") << TextCase{
        [] {
            const auto layout = detectAccountFile({QStringLiteral("id"), QStringLiteral("id")});
            return layout ? QString() : layout.error();
        },
        QStringLiteral("the header names the column “id” twice"),
        pseudo(QStringLiteral("the header names the column “id” twice"))};
    QTest::newRow("blacklist: zone")
        << TextCase{[] {
                        const auto zone = checkableDnsblZone(QString());
                        return zone ? QString() : zone.error();
                    },
                    QStringLiteral("empty zone"), pseudo(QStringLiteral("empty zone"))};
    QTest::newRow("cases: grouping signal")
        << TextCase{[] {
                        CaseKey a;
                        a.senderDomain = QStringLiteral("northwind-deals.example");
                        return CaseGrouper::sharedSignals(a, a).value(0);
                    },
                    QStringLiteral("same sender domain northwind-deals.example"),
                    pseudo(QStringLiteral("same sender domain northwind-deals.example"))};
    QTest::newRow("mail: source") << TextCase{
        [this] {
            const SourcePlan plan = planSources({m_dir.filePath(QStringLiteral("absent.mbox"))});
            return plan.errors.isEmpty() ? QString() : plan.errors.first().reason;
        },
        QStringLiteral("no such file or directory"),
        pseudo(QStringLiteral("no such file or directory"))};
    QTest::newRow("reports: completeness")
        << TextCase{[] {
                        ReportCompleteness c;
                        c.fullHeaders = c.completeMessage = c.receiptTimestamp = true;
                        return c.summary();
                    },
                    QStringLiteral("3 of 4: no description of the violation"),
                    QStringLiteral("⟦3 of 4⟧: ⟦no description of the violation⟧")};
    QTest::newRow("render: case report")
        << TextCase{[] { return caseReportSectionTitles().value(0); },
                    QStringLiteral("Case report"), pseudo(QStringLiteral("Case report"))};
}

void TestI18n::texts()
{
    QFETCH(TextCase, text);
    QCOMPARE(text.make(), text.english);
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    const QString translated = text.make();
    QCoreApplication::removeTranslator(&m_translator);
    QCOMPARE(translated, text.pseudo);
    QCOMPARE(text.make(), text.english);
}

// The checks of every room, each title and description through the check's own code.
void TestI18n::everyCheckTranslated()
{
    QVERIFY(allChecks().size() > 50);
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    QStringList untranslated;
    for (const Check *check : allChecks()) {
        const CheckInfo info = check->info();
        for (const QString &text : {info.title, info.description}) {
            if (!text.startsWith(QStringLiteral("⟦")) || !text.endsWith(QStringLiteral("⟧")))
                untranslated << QStringLiteral("%1: %2").arg(info.id, text);
        }
    }
    QCoreApplication::removeTranslator(&m_translator);
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestI18n)
#include "tst_i18n.moc"
