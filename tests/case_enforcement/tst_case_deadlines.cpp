// The deadlines of a case: the desk's 72-hour response, the opt-out's 10 Hong Kong business days
// across Christmas and New Year, a notice's customer response, and a suspension's end; each with
// where it stands.
#include "enforcement/case_deadlines.h"
#include "policy/holiday_calendar.h"

#include <QTest>

using namespace Awb;

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

CaseRecord caseReceived(const char *iso, const QString &kind = QStringLiteral("complaint"))
{
    CaseRecord record;
    record.id = 1;
    record.publicId = QStringLiteral("IXCM-ABUSE-2026-000001");
    record.kind = kind;
    CaseReportRecord report;
    report.evidenceId = 7;
    report.receivedAt = utc(iso);
    record.reports = {report};
    return record;
}

NoticeRecord noticeAt(const char *iso, const char *due = nullptr)
{
    NoticeRecord notice;
    notice.type = QStringLiteral("warning");
    notice.createdAt = utc(iso);
    if (due)
        notice.responseDue = utc(due);
    return notice;
}

const CaseDeadline *find(const QList<CaseDeadline> &deadlines, const QString &kind)
{
    for (const CaseDeadline &item : deadlines) {
        if (item.deadline.kind == kind)
            return &item;
    }
    return nullptr;
}

} // namespace

class TestCaseDeadlines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void responseDeadline();
    void optOutAcrossChristmasAndNewYear();
    void optOutOverAProvisionalYear();
    void customerResponse();
    void suspensionEnd();

private:
    std::optional<HolidayCalendar> m_calendar;
};

void TestCaseDeadlines::initTestCase()
{
    auto calendar = HolidayCalendar::load();
    QVERIFY2(calendar, qPrintable(calendar.error()));
    m_calendar = *calendar;
}

void TestCaseDeadlines::responseDeadline()
{
    const CaseRecord record = caseReceived("2026-11-02T09:20:00Z");
    auto open = caseDeadlines(record, {}, std::nullopt, *m_calendar, utc("2026-11-10T00:00:00Z"));
    const CaseDeadline *response = find(open, QStringLiteral("response"));
    QVERIFY(response);
    QCOMPARE(response->deadline.due, utc("2026-11-05T09:20:00Z"));
    QCOMPARE(response->state, QStringLiteral("overdue"));
    QCOMPARE(open.size(), 1); // no opt-out, no notice, no suspension

    auto answered = caseDeadlines(record, {noticeAt("2026-11-03T01:00:00Z")}, std::nullopt,
                                  *m_calendar, utc("2026-11-10T00:00:00Z"));
    QCOMPARE(find(answered, QStringLiteral("response"))->state, QStringLiteral("met"));
    auto late = caseDeadlines(record, {noticeAt("2026-11-06T01:00:00Z")}, std::nullopt, *m_calendar,
                              utc("2026-11-10T00:00:00Z"));
    QCOMPARE(find(late, QStringLiteral("response"))->state, QStringLiteral("missed"));
    auto today = caseDeadlines(record, {}, std::nullopt, *m_calendar, utc("2026-11-05T02:00:00Z"));
    QCOMPARE(find(today, QStringLiteral("response"))->state, QStringLiteral("due-today"));
}

void TestCaseDeadlines::optOutAcrossChristmasAndNewYear()
{
    // Received Monday 22 Dec 2025 (HK). Counted from the next day, leaving out 25 and 26 Dec,
    // Sunday 28 Dec, 1 Jan and Sunday 4 Jan (Saturdays count): the 10th business day is Tuesday
    // 6 Jan 2026, ending 23:59:59 HKT.
    CaseRecord record = caseReceived("2025-12-22T03:00:00Z", QStringLiteral("opt-out"));
    auto deadlines =
        caseDeadlines(record, {}, std::nullopt, *m_calendar, utc("2025-12-30T00:00:00Z"));
    const CaseDeadline *optOut = find(deadlines, QStringLiteral("opt-out"));
    QVERIFY(optOut);
    QCOMPARE(optOut->deadline.due, utc("2026-01-06T15:59:59Z"));
    QVERIFY(!optOut->deadline.calendarVersion.isEmpty());
    QVERIFY(!optOut->deadline.calendarIncomplete);
    QCOMPARE(optOut->state, QStringLiteral("pending"));

    CaseEventRecord response;
    response.kind = QStringLiteral("customer-response");
    response.at = utc("2026-01-05T08:00:00Z");
    record.events = {response};
    deadlines = caseDeadlines(record, {}, std::nullopt, *m_calendar, utc("2026-01-10T00:00:00Z"));
    QCOMPARE(find(deadlines, QStringLiteral("opt-out"))->state, QStringLiteral("met"));
}

void TestCaseDeadlines::optOutOverAProvisionalYear()
{
    // Received Friday 18 Dec 2026 (HK): 19 (Sat), 21-24, 28-31 Dec, then 2 Jan 2027 (1 Jan is a
    // holiday of 2027, a year computed by rule): due Saturday 2 Jan, and every sentence that
    // shows the deadline says the count rests on provisional holidays.
    const CaseRecord record = caseReceived("2026-12-18T02:00:00Z", QStringLiteral("opt-out"));
    const auto deadlines =
        caseDeadlines(record, {}, std::nullopt, *m_calendar, utc("2026-12-20T00:00:00Z"));
    const CaseDeadline *optOut = find(deadlines, QStringLiteral("opt-out"));
    QVERIFY(optOut);
    QCOMPARE(optOut->deadline.due, utc("2027-01-02T15:59:59Z"));
    QVERIFY(optOut->deadline.calendarProvisional);
    QVERIFY(!optOut->deadline.calendarIncomplete);
    QCOMPARE(caseDeadlineSentence(*optOut),
             QStringLiteral("Deadline pending: Opt-out processed (policy 4.2) (due Sat 2 Jan 2027 "
                            "23:59:59 HKT (15:59:59 UTC)). Note: the 2027 holidays are "
                            "provisional: computed by the rules of the General Holidays "
                            "Ordinance, not yet checked against the gazette."));
    // The response deadline counts hours, not business days: no note.
    const CaseDeadline *response = find(deadlines, QStringLiteral("response"));
    QVERIFY(response);
    QVERIFY(!caseDeadlineSentence(*response).contains(QStringLiteral("Note:")));
}

void TestCaseDeadlines::customerResponse()
{
    CaseRecord record = caseReceived("2026-11-02T09:20:00Z");
    const NoticeRecord warning = noticeAt("2026-11-03T00:00:00Z", "2026-11-06T00:00:00Z");
    auto pending =
        caseDeadlines(record, {warning}, std::nullopt, *m_calendar, utc("2026-11-04T00:00:00Z"));
    QCOMPARE(find(pending, QStringLiteral("customer-response"))->state, QStringLiteral("pending"));
    auto overdue =
        caseDeadlines(record, {warning}, std::nullopt, *m_calendar, utc("2026-11-07T00:00:00Z"));
    QCOMPARE(find(overdue, QStringLiteral("customer-response"))->state, QStringLiteral("overdue"));
    // A response before the notice does not answer it.
    CaseEventRecord early;
    early.kind = QStringLiteral("customer-response");
    early.at = utc("2026-11-02T12:00:00Z");
    CaseEventRecord answer = early;
    answer.at = utc("2026-11-05T12:00:00Z");
    record.events = {early};
    auto stillOverdue =
        caseDeadlines(record, {warning}, std::nullopt, *m_calendar, utc("2026-11-07T00:00:00Z"));
    QCOMPARE(find(stillOverdue, QStringLiteral("customer-response"))->state,
             QStringLiteral("overdue"));
    record.events = {early, answer};
    auto met =
        caseDeadlines(record, {warning}, std::nullopt, *m_calendar, utc("2026-11-07T00:00:00Z"));
    QCOMPARE(find(met, QStringLiteral("customer-response"))->state, QStringLiteral("met"));
}

void TestCaseDeadlines::suspensionEnd()
{
    const CaseRecord record = caseReceived("2026-11-02T09:20:00Z");
    DecisionRecord decision;
    decision.chosenAction = QStringLiteral("suspension");
    decision.chosenDays = 14;
    decision.suspensionStart = utc("2026-11-10T04:00:00Z");
    auto during = caseDeadlines(record, {}, decision, *m_calendar, utc("2026-11-12T00:00:00Z"));
    const CaseDeadline *end = find(during, QStringLiteral("suspension-end"));
    QVERIFY(end);
    QCOMPARE(end->deadline.due, utc("2026-11-24T04:00:00Z"));
    QCOMPARE(end->state, QStringLiteral("pending"));
    auto after = caseDeadlines(record, {}, decision, *m_calendar, utc("2026-11-25T00:00:00Z"));
    QCOMPARE(find(after, QStringLiteral("suspension-end"))->state, QStringLiteral("met"));
    DecisionRecord warning;
    warning.chosenAction = QStringLiteral("warning");
    QVERIFY(!find(caseDeadlines(record, {}, warning, *m_calendar, utc("2026-11-25T00:00:00Z")),
                  QStringLiteral("suspension-end")));
}

QTEST_GUILESS_MAIN(TestCaseDeadlines)
#include "tst_case_deadlines.moc"
