// Composition of every notice type from realistic data (models/notices/notice_composer.h):
// golden files, redaction of customer notices, and what reporter notices must never say.
#include "notice_fixtures.h"

#include "notices/notice_composer.h"
#include "notices/notice_fields.h"
#include "policy/hong_kong_time.h"

#include <QTest>
#include <QUrl>

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

QStringList spellings(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    QStringList forms = {value, QString::fromLatin1(QUrl::toPercentEncoding(value)),
                         QString::fromLatin1(utf8.toBase64()),
                         QString::fromLatin1(utf8.toBase64(QByteArray::Base64UrlEncoding |
                                                           QByteArray::OmitTrailingEquals))};
    if (value.contains(u'@'))
        forms.append(QString(value).replace(u'@', u'='));
    return forms;
}

} // namespace

class TestNoticeComposer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timeFormat_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("expected");
        QTest::newRow("afternoon") << QDateTime(QDate(2026, 11, 27), QTime(6, 30, 59), Qt::UTC)
                                   << "Fri 27 Nov 2026 14:30:59 HKT (06:30:59 UTC)";
        QTest::newRow("UTC on the day before")
            << QDateTime(QDate(2026, 11, 27), QTime(18, 30), Qt::UTC)
            << "Sat 28 Nov 2026 02:30 HKT (Fri 27 Nov 18:30 UTC)";
        QTest::newRow("given in another zone")
            << QDateTime(QDate(2026, 11, 5), QTime(6, 2, 11), Qt::OffsetFromUTC, -8 * 3600)
            << "Thu 5 Nov 2026 22:02:11 HKT (14:02:11 UTC)";
        QTest::newRow("new year") << QDateTime(QDate(2026, 12, 31), QTime(16, 0), Qt::UTC)
                                  << "Fri 1 Jan 2027 00:00 HKT (Thu 31 Dec 16:00 UTC)";
        QTest::newRow("invalid") << QDateTime() << "";
    }

    void timeFormat()
    {
        QFETCH(QDateTime, time);
        QFETCH(QString, expected);
        QCOMPARE(formatHongKongAndUtc(time), expected);
    }

    void goldens_data()
    {
        QTest::addColumn<QString>("type");
        for (const QString &type : noticeTypes())
            QTest::newRow(qPrintable(type)) << type;
    }

    void goldens()
    {
        QFETCH(QString, type);
        auto notice = composeNotice(AwbTest::noticeFixture(type), templates());
        QVERIFY2(notice.ok(), qPrintable(notice.error()));
        QString message;
        const QByteArray text =
            (QStringLiteral("Subject: ") + notice->subject + QStringLiteral("\n\n") + notice->text)
                .toUtf8();
        QVERIFY2(AwbTest::matchesGolden(type + QStringLiteral(".txt"), text, &message),
                 qPrintable(message));
        QVERIFY2(
            AwbTest::matchesGolden(type + QStringLiteral(".html"), notice->html.toUtf8(), &message),
            qPrintable(message));

        QVERIFY(notice->subject.startsWith(u'[' + notice->caseId + u']'));
        QCOMPARE(notice->from.address, QStringLiteral("abuse@ix.cm"));
        for (const QString &line : notice->text.split(u'\n')) {
            // Only the header excerpt keeps its long lines (evidence is quoted as it stands).
            if (!line.startsWith(QLatin1String("    ")))
                QVERIFY2(line.size() <= 72, qPrintable(line));
        }
    }

    void customerNoticesShowEverythingRequired_data() { goldens_data(); }
    void customerNoticesShowEverythingRequired()
    {
        QFETCH(QString, type);
        if (isReporterNotice(type) || type == u"reinstatement")
            QSKIP("not a sanction");
        const NoticeData data = AwbTest::noticeFixture(type);
        auto notice = composeNotice(data, templates());
        QVERIFY2(notice.ok(), qPrintable(notice.error()));
        for (const NoticeClause &clause : data.clauses) {
            // Wrapped in the text part: compare with blanks collapsed.
            QVERIFY2(notice->text.simplified().contains(clause.citation),
                     qPrintable(clause.citation));
            const QString firstLine = clause.text.section(u'\n', 0, 0).remove(QStringLiteral("**"));
            QVERIFY2(notice->text.contains(firstLine.left(60)), qPrintable(firstLine));
            QVERIFY(notice->html.contains(clause.citation.toHtmlEscaped()));
        }
        for (const NoticeDeadline &deadline : data.deadlines)
            QVERIFY(notice->text.simplified().contains(formatHongKongAndUtc(deadline.due)));
        for (const NoticeFinding &finding : data.findings)
            QVERIFY(notice->text.contains(finding.check));
        QVERIFY(notice->text.contains(u"Received: from")); // the header excerpt
        QVERIFY(notice->text.contains(data.accountId));
        QVERIFY(notice->text.contains(formatHongKongAndUtc(data.now)));
    }

    void customerNoticesHideTheReporter_data() { goldens_data(); }
    void customerNoticesHideTheReporter()
    {
        QFETCH(QString, type);
        if (isReporterNotice(type))
            QSKIP("goes to the reporter");
        auto notice = composeNotice(AwbTest::noticeFixture(type), templates());
        QVERIFY2(notice.ok(), qPrintable(notice.error()));
        for (const QString &identity : AwbTest::demoReporterIdentities()) {
            for (const QString &form : spellings(identity)) {
                for (const QString &part : {notice->subject, notice->text, notice->html})
                    QVERIFY2(!part.contains(form, Qt::CaseInsensitive),
                             qPrintable(type + QStringLiteral(": ") + form));
            }
        }
        if (!AwbTest::noticeFixture(type).headerExcerpt.isEmpty()) {
            QVERIFY(notice->text.contains(u"@redacted.invalid"));
            QVERIFY(!notice->redactions.isEmpty());
        }
    }

    void redactionIsRecordedInternally()
    {
        auto notice = composeNotice(AwbTest::noticeFixture(QStringLiteral("termination-liability")),
                                    templates());
        QVERIFY2(notice.ok(), qPrintable(notice.error()));
        QStringList originals;
        for (const Redaction &r : notice->redactions)
            originals << r.original;
        // Learned from the header excerpt, found again in a finding's link, and given by the
        // caller: all three kinds of source.
        QVERIFY(originals.contains(QStringLiteral("staff-all@lakeside.example.org")));
        QVERIFY(originals.contains(QStringLiteral("c3RhZmYtYWxsQGxha2VzaWRlLmV4YW1wbGUub3Jn")));
        QVERIFY(originals.contains(QStringLiteral("Jordan Vale")));
    }

    void reporterNoticesNeverNameTheCustomer()
    {
        for (const QString &type :
             {QStringLiteral("acknowledgement"), QStringLiteral("information-request"),
              QStringLiteral("outcome")}) {
            const NoticeData data = AwbTest::noticeFixture(type);
            auto notice = composeNotice(data, templates());
            QVERIFY2(notice.ok(), qPrintable(notice.error()));
            for (const QString &part : {notice->subject, notice->text, notice->html}) {
                QVERIFY(!part.contains(data.accountId));
                QVERIFY(!part.contains(data.customerName));
            }
            QVERIFY(notice->redactions.isEmpty());
        }
        NoticeData data = AwbTest::noticeFixture(QStringLiteral("outcome"));
        data.outcome += QStringLiteral(" Harbour Street Bakery has been told.");
        auto notice = composeNotice(data, templates());
        QVERIFY(!notice.ok());
        QVERIFY2(notice.error().contains(u"IXCM-ABUSE-2026-000124") &&
                     notice.error().contains(u"{{outcome}}") &&
                     notice.error().contains(u"responsible customer"),
                 qPrintable(notice.error()));
        data = AwbTest::noticeFixture(QStringLiteral("acknowledgement"));
        data.reportReferences.append(QStringLiteral("Case of account ixc-10077"));
        QVERIFY(!composeNotice(data, templates()).ok());
    }

    void errorsNameCaseTemplateAndField()
    {
        NoticeData data = AwbTest::noticeFixture(QStringLiteral("warning"));
        data.requiredAction.clear();
        auto notice = composeNotice(data, templates());
        QVERIFY(!notice.ok());
        QVERIFY2(notice.error().contains(u"case IXCM-ABUSE-2026-000123, warning notice") &&
                     notice.error().contains(u"warning.txt, line ") &&
                     notice.error().contains(u"{{required_action}}"),
                 qPrintable(notice.error()));

        data = AwbTest::noticeFixture(QStringLiteral("warning"));
        data.redactionKey.clear();
        notice = composeNotice(data, templates());
        QVERIFY(!notice.ok());
        QVERIFY2(notice.error().contains(u"redaction key"), qPrintable(notice.error()));

        data = AwbTest::noticeFixture(QStringLiteral("warning"));
        data.type = QStringLiteral("apology");
        QVERIFY(!composeNotice(data, templates()).ok());

        data = AwbTest::noticeFixture(QStringLiteral("warning"));
        data.recipientAddress = QStringLiteral("nobody");
        notice = composeNotice(data, templates());
        QVERIFY(!notice.ok());
        QVERIFY(notice.error().contains(u"nobody"));
    }

    void optionalSectionsDisappear()
    {
        NoticeData data = AwbTest::noticeFixture(QStringLiteral("warning"));
        data.headerExcerpt.clear(); // a listing notice has no message to quote
        data.evidence.clear();
        auto notice = composeNotice(data, templates());
        QVERIFY2(notice.ok(), qPrintable(notice.error()));
        QVERIFY(!notice->text.contains(u"Header of the reported message"));
        QVERIFY(!notice->text.contains(u"Reports and records"));
        QVERIFY(!notice->text.contains(u"\n\n\n"));
    }

    void defaultDirectoryHasTheTemplates()
    {
        auto set = NoticeTemplateSet::load();
        QVERIFY2(set.ok(), qPrintable(set.error()));
        QVERIFY(set->find(QStringLiteral("warning")));
    }
};

QTEST_GUILESS_MAIN(TestNoticeComposer)
#include "tst_notice_composer.moc"
