// MessageListModel and MessageFilterProxy, under QAbstractItemModelTester.
#include "itemmodels/message_filter_proxy.h"
#include "itemmodels/message_list_model.h"
#include "store/case_store.h"
#include "store/evidence_repository.h"
#include "store/import_run_repository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;

namespace {

MessageSummary summary(qint64 id, const QString &from, const QString &subject,
                       const QDateTime &date, qint64 size)
{
    MessageSummary s;
    s.id = id;
    s.from = from;
    s.subject = subject;
    s.date = date;
    s.dateText = date.isValid() ? date.toString(Qt::RFC2822Date) : QString();
    s.size = size;
    s.sourcePath = QStringLiteral("/tmp/reports/%1.eml").arg(id);
    s.messageId = QStringLiteral("%1@example.com").arg(id);
    return s;
}

QDateTime utc(int day, int hour)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, 0), Qt::UTC);
}

} // namespace

class TestMessageListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendIsOneInsertionPerBatch();
    void appendSkipsKnownIds();
    void displayAndSortRoles();
    void filter_data();
    void filter();
    void sortsDatesByValue();
    void reloadFromStore();
    void deadlines_data();
    void deadlines();
    void queueSortsByDueFirst();
    void formatAndDueFilters_data();
    void formatAndDueFilters();
};

void TestMessageListModel::appendIsOneInsertionPerBatch()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendSummaries(
        {summary(1, QStringLiteral("a@example.com"), QStringLiteral("One"), utc(1, 9), 100),
         summary(2, QStringLiteral("b@example.com"), QStringLiteral("Two"), utc(2, 9), 200)});
    model.appendSummaries(
        {summary(3, QStringLiteral("c@example.com"), QStringLiteral("Three"), utc(3, 9), 300)});
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOfId(3), 2);
}

void TestMessageListModel::appendSkipsKnownIds()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto one = summary(1, QStringLiteral("a@example.com"), QStringLiteral("One"), {}, 1);
    model.appendSummaries({one});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendSummaries({one});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.rowCount(), 1);
}

void TestMessageListModel::displayAndSortRoles()
{
    MessageListModel model;
    model.appendSummaries({summary(7, QStringLiteral("Spammer <s@example.com>"),
                                   QStringLiteral("Win big"), utc(5, 14), 2048),
                           summary(8, QStringLiteral("x@example.com"), QString(), {}, 10)});
    const auto cell = [&](int row, MessageListModel::Column column, int role) {
        return model.index(row, int(column)).data(role);
    };
    using Column = MessageListModel::Column;
    QCOMPARE(cell(0, Column::Date, Qt::DisplayRole).toString(), QStringLiteral("2026-11-05 14:00"));
    QCOMPARE(cell(0, Column::Date, MessageListModel::SortRole).toDateTime(), utc(5, 14));
    QCOMPARE(cell(0, Column::Size, MessageListModel::SortRole).toLongLong(), 2048);
    QCOMPARE(cell(0, Column::Source, Qt::DisplayRole).toString(), QStringLiteral("7.eml"));
    QCOMPARE(cell(0, Column::From, MessageListModel::EvidenceIdRole).toLongLong(), 7);
    QCOMPARE(cell(1, Column::Date, Qt::DisplayRole).toString(), QStringLiteral("(no date)"));
    QCOMPARE(model.headerData(int(Column::Subject), Qt::Horizontal).toString(),
             QStringLiteral("Subject"));

    MessageSummary inMbox = summary(9, {}, {}, {}, 1);
    inMbox.sourcePath = QStringLiteral("/x/abuse.mbox");
    inMbox.sourceIndex = 4;
    QCOMPARE(MessageListModel::sourceLabel(inMbox), QStringLiteral("abuse.mbox #5"));
}

void TestMessageListModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::newRow("empty shows all") << QString() << 3;
    QTest::newRow("sender") << QStringLiteral("northwind") << 2;
    QTest::newRow("case-insensitive subject") << QStringLiteral("INVOICE") << 1;
    QTest::newRow("all terms must match") << QStringLiteral("northwind invoice") << 1;
    QTest::newRow("message id") << QStringLiteral("3@example.com") << 1;
    QTest::newRow("source path") << QStringLiteral("reports/2.eml") << 1;
    QTest::newRow("no match") << QStringLiteral("zzz") << 0;
}

void TestMessageListModel::filter()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    MessageListModel model;
    MessageFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendSummaries({summary(1, QStringLiteral("deals@northwind-deals.example"),
                                   QStringLiteral("Your invoice"), utc(1, 1), 1),
                           summary(2, QStringLiteral("news@northwind-deals.example"),
                                   QStringLiteral("Offers"), utc(2, 1), 1),
                           summary(3, QStringLiteral("info@lumen-analytics.example"),
                                   QStringLiteral("Newsletter"), utc(3, 1), 1)});
    proxy.setFilterText(text);
    QCOMPARE(proxy.rowCount(), rows);
}

void TestMessageListModel::sortsDatesByValue()
{
    MessageListModel model;
    MessageFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.appendSummaries({summary(1, {}, QStringLiteral("b"), utc(10, 1), 1),
                           summary(2, {}, QStringLiteral("a"), utc(2, 1), 1),
                           summary(3, {}, QStringLiteral("c"), utc(20, 1), 1)});
    proxy.sort(int(MessageListModel::Column::Date), Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data(MessageListModel::EvidenceIdRole).toLongLong(), 2);
    QCOMPARE(proxy.index(2, 0).data(MessageListModel::EvidenceIdRole).toLongLong(), 3);
}

void TestMessageListModel::reloadFromStore()
{
    QTemporaryDir dir;
    auto store = CaseStore::open(dir.filePath(QStringLiteral("case.awbcase")));
    QVERIFY2(store.ok(), qPrintable(store.error()));
    EvidenceRepository evidence(**store);
    QList<EvidenceInput> batch;
    for (int i = 0; i < 3; ++i) {
        EvidenceInput in;
        in.bytes = "Subject: s" + QByteArray::number(i) + "\n\nbody\n";
        in.sha256Hex = QByteArray::number(i).repeated(64).left(64);
        in.subject = QStringLiteral("s%1").arg(i);
        in.sourcePath = dir.filePath(QStringLiteral("m%1.eml").arg(i));
        batch << in;
    }
    auto runId = ImportRunRepository(**store).start({dir.path()});
    QVERIFY(runId.ok());
    QVERIFY(evidence.insertBatch(batch, *runId).ok());

    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.reload(evidence).ok());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2, int(MessageListModel::Column::Subject)).data().toString(),
             QStringLiteral("s2"));
}

void TestMessageListModel::deadlines_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("hoursLeft");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("text");
    using State = MessageListModel::DeadlineState;
    QTest::newRow("open") << QStringLiteral("arf") << 50 << int(State::Open)
                          << QStringLiteral("in 2 day(s)");
    QTest::newRow("due soon") << QStringLiteral("spamcop") << 5 << int(State::DueSoon)
                              << QStringLiteral("in 5 h");
    QTest::newRow("overdue") << QStringLiteral("arf") << -30 << int(State::Overdue)
                             << QStringLiteral("overdue 30 h");
    QTest::newRow("plain message has no deadline")
        << QStringLiteral("message") << 5 << int(State::None) << QString();
    QTest::newRow("not analysed") << QString() << 5 << int(State::None) << QString();
}

void TestMessageListModel::deadlines()
{
    QFETCH(QString, format);
    QFETCH(int, hoursLeft);
    QFETCH(int, state);
    QFETCH(QString, text);
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
    model.setNow(now);
    MessageSummary s = summary(1, QStringLiteral("fbl@example.net"), QStringLiteral("r"), now, 1);
    s.reportFormat = format;
    s.responseDue = now.addSecs(qint64(hoursLeft) * 3600);
    model.appendSummaries({s});
    const QModelIndex due = model.index(0, int(MessageListModel::Column::Due));
    QCOMPARE(due.data(MessageListModel::DeadlineStateRole).toInt(), state);
    QCOMPARE(due.data().toString(), text);
}

void TestMessageListModel::queueSortsByDueFirst()
{
    MessageListModel model;
    MessageFilterProxy proxy;
    proxy.setSourceModel(&model);
    const QDateTime now(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
    model.setNow(now);
    QList<MessageSummary> rows;
    const int hours[] = {40, 2, -5};
    for (int i = 0; i < 3; ++i) {
        MessageSummary s = summary(i + 1, {}, {}, now, 1);
        s.reportFormat = QStringLiteral("arf");
        s.responseDue = now.addSecs(qint64(hours[i]) * 3600);
        rows << s;
    }
    rows << summary(4, {}, QStringLiteral("plain"), now, 1); // no deadline: last
    rows.last().reportFormat = QStringLiteral("message");
    model.appendSummaries(rows);
    proxy.sort(int(MessageListModel::Column::Due), Qt::AscendingOrder);
    const auto idAt = [&](int row) {
        return proxy.index(row, 0).data(MessageListModel::EvidenceIdRole).toLongLong();
    };
    QCOMPARE(idAt(0), 3); // overdue
    QCOMPARE(idAt(1), 2);
    QCOMPARE(idAt(2), 1);
    QCOMPARE(idAt(3), 4);
}

void TestMessageListModel::formatAndDueFilters_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("dueOnly");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::newRow("everything") << QString() << false << QList<qint64>{1, 2, 3, 4};
    QTest::newRow("reports only") << QStringLiteral("reports") << false << QList<qint64>{1, 2, 3};
    QTest::newRow("one format") << QStringLiteral("spamcop") << false << QList<qint64>{2};
    QTest::newRow("plain messages") << QStringLiteral("message") << false << QList<qint64>{4};
    QTest::newRow("due soon or overdue") << QString() << true << QList<qint64>{2, 3};
    QTest::newRow("arf and due") << QStringLiteral("arf") << true << QList<qint64>{3};
}

void TestMessageListModel::formatAndDueFilters()
{
    QFETCH(QString, format);
    QFETCH(bool, dueOnly);
    QFETCH(QList<qint64>, ids);
    MessageListModel model;
    MessageFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
    model.setNow(now);
    const std::pair<QString, int> rows[] = {{QStringLiteral("arf"), 50},
                                            {QStringLiteral("spamcop"), 3},
                                            {QStringLiteral("arf"), -2},
                                            {QStringLiteral("message"), -2}};
    QList<MessageSummary> summaries;
    for (int i = 0; i < 4; ++i) {
        MessageSummary s = summary(i + 1, {}, {}, now, 1);
        s.reportFormat = rows[i].first;
        s.responseDue = now.addSecs(qint64(rows[i].second) * 3600);
        summaries << s;
    }
    model.appendSummaries(summaries);
    proxy.setFormatFilter(format);
    proxy.setDueOnly(dueOnly);
    QList<qint64> shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown << proxy.index(row, 0).data(MessageListModel::EvidenceIdRole).toLongLong();
    std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, ids);
}

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_message_list_model.moc"
