// Notice templates (models/notices/notice_template.h): what a desk may write, what it may not,
// and how values reach the text and the HTML part.
#include "notices/notice_composer.h"
#include "notices/notice_fields.h"
#include "notices/notice_template.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;

namespace {

const QString kFile = QStringLiteral("notices/acknowledgement.txt");

QString ack(const QString &body)
{
    return QStringLiteral("Subject: [{{case_id}}] Report received\n\n") + body +
           QStringLiteral("\n{{report_references}}\n");
}

NoticeValues values()
{
    return {{QStringLiteral("case_id"), {QStringLiteral("IXCM-ABUSE-2026-000123"), {}}},
            {QStringLiteral("recipient_name"), {QStringLiteral("Pat <Reader> & Co"), {}}},
            {QStringLiteral("report_references"),
             {QStringLiteral("- first\n- second"), QStringLiteral("<ul><li>first</li></ul>\n")}}};
}

} // namespace

class TestNoticeTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundledTemplatesLoad()
    {
        auto set = NoticeTemplateSet::load(QStringLiteral(AWB_SOURCE_DIR "/resources/notices"));
        QVERIFY2(set.ok(), qPrintable(set.error()));
        for (const QString &type : noticeTypes()) {
            const NoticeTemplate *t = set->find(type);
            QVERIFY2(t, qPrintable(type));
            for (const QString &required : requiredNoticeFields(type))
                QVERIFY2(t->usedFields().contains(required), qPrintable(type + u' ' + required));
        }
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("expected"); // every one must be in the error

        QTest::newRow("unknown placeholder")
            << "acknowledgement" << ack("Hello {{recipent_name}},")
            << QStringList{kFile, "line 3", "unknown placeholder {{recipent_name}}"};
        QTest::newRow("unknown placeholder in a section")
            << "acknowledgement" << ack("a\n{{#if deadline}}\nx\n{{/if}}")
            << QStringList{kFile, "line 4", "{{deadline}}"};
        QTest::newRow("unknown placeholder in the subject")
            << "acknowledgement"
            << "Subject: [{{case_id}}] {{caseid}}\n\n{{report_references}}\n"
            << QStringList{kFile, "line 1", "{{caseid}}"};
        QTest::newRow("unclosed braces")
            << "acknowledgement" << ack("Hello {{recipient_name,\nmore")
            << QStringList{kFile, "line 3", "unclosed \"{{\""};
        QTest::newRow("unclosed before another placeholder")
            << "acknowledgement" << ack("Hello {{recipient_name and {{case_id}}")
            << QStringList{kFile, "line 3", "unclosed"};
        QTest::newRow("closing braces alone")
            << "acknowledgement" << ack("Hello {recipient_name}},")
            << QStringList{kFile, "line 3", "\"}}\" without"};
        QTest::newRow("empty placeholder") << "acknowledgement" << ack("Hello {{ }},")
                                           << QStringList{kFile, "line 3", "empty placeholder"};
        QTest::newRow("unknown tag") << "acknowledgement" << ack("{{#each deadlines}}")
                                     << QStringList{kFile, "line 3", "{{#each deadlines}}"};
        QTest::newRow("if never closed")
            << "acknowledgement" << ack("\n\n{{#if deadlines}}\n{{deadlines}}")
            << QStringList{kFile, "line 5", "never closed"};
        QTest::newRow("endif without if") << "acknowledgement" << ack("text\n{{/if}}")
                                          << QStringList{kFile, "line 4", "{{/if}} without"};
        QTest::newRow("if across a line")
            << "acknowledgement" << ack("a {{#if deadlines}} b\n{{/if}}")
            << QStringList{kFile, "line 3", "inside a line"};
        QTest::newRow("list inside a line")
            << "acknowledgement" << ack("Deadlines: {{deadlines}}")
            << QStringList{kFile, "line 3", "{{deadlines}} is a list"};
        QTest::newRow("list in the subject")
            << "acknowledgement"
            << "Subject: [{{case_id}}] {{deadlines}}\n\n{{report_references}}\n"
            << QStringList{kFile, "line 1", "{{deadlines}}"};
        QTest::newRow("customer field in a reporter notice")
            << "acknowledgement" << ack("Your report about {{account_id}}")
            << QStringList{kFile, "line 3", "{{account_id}}", "acknowledgement notice", "reporter"};
        QTest::newRow("evidence in an outcome")
            << "outcome"
            << "Subject: [{{case_id}}] x\n\n{{outcome}}\n{{header_excerpt}}\n"
            << QStringList{"line 4", "{{header_excerpt}}", "outcome notice"};
        QTest::newRow("suspension field in a warning")
            << "warning"
            << "Subject: [{{case_id}}] x\n\nFrom {{suspension_start}}\n"
            << QStringList{"line 3", "{{suspension_start}}", "warning notice"};
        QTest::newRow("subject without the case id")
            << "acknowledgement"
            << "Subject: Report received\n\n{{report_references}}\n"
            << QStringList{kFile, "line 1", "{{case_id}}"};
        QTest::newRow("no subject") << "acknowledgement"
                                    << "\n{{case_id}}\n{{report_references}}\n"
                                    << QStringList{kFile, "Subject"};
        QTest::newRow("other header field")
            << "acknowledgement"
            << "Subject: [{{case_id}}] x\nFrom: someone\n\n{{report_references}}\n"
            << QStringList{kFile, "line 2", "\"From\""};
        QTest::newRow("required placeholder left out")
            << "acknowledgement"
            << "Subject: [{{case_id}}] x\n\nThanks.\n"
            << QStringList{kFile, "acknowledgement notice must show {{report_references}}"};
        QTest::newRow("warning without deadlines")
            << "warning"
            << "Subject: [{{case_id}}] x\n\n{{clauses}}\n{{origin}}\n{{findings}}\n"
               "{{header_excerpt}}\n{{required_action}}\n{{consequences}}\n{{how_to_respond}}\n"
            << QStringList{"warning notice must show {{deadlines}}"};
    }

    void invalid()
    {
        QFETCH(QString, type);
        QFETCH(QString, source);
        QFETCH(QStringList, expected);
        auto parsed = NoticeTemplate::parse(
            source, type == u"acknowledgement" ? kFile : QStringLiteral("notices/%1.txt").arg(type),
            type);
        QVERIFY(!parsed.ok());
        QVERIFY(!parsed.error().trimmed().isEmpty());
        for (const QString &part : expected)
            QVERIFY2(parsed.error().contains(part),
                     qPrintable(QStringLiteral("\"%1\" not in: %2").arg(part, parsed.error())));
    }

    void unknownNoticeType()
    {
        auto parsed =
            NoticeTemplate::parse(ack("x"), QStringLiteral("x.txt"), QStringLiteral("apology"));
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().contains(u"apology"));
    }

    void renderingEscapesHtmlOnly()
    {
        auto t = NoticeTemplate::parse(ack("Hello {{recipient_name}},\n\nSecond <b>para</b>."),
                                       kFile, QStringLiteral("acknowledgement"));
        QVERIFY2(t.ok(), qPrintable(t.error()));
        auto body = t->renderBody(values());
        QVERIFY2(body.ok(), qPrintable(body.error()));
        QCOMPARE(body->text, QStringLiteral("Hello Pat <Reader> & Co,\n\nSecond <b>para</b>.\n"
                                            "- first\n- second\n"));
        QVERIFY(body->html.contains(u"<p>Hello Pat &lt;Reader&gt; &amp; Co,</p>"));
        QVERIFY(body->html.contains(u"<p>Second &lt;b&gt;para&lt;/b&gt;.</p>"));
        QVERIFY(body->html.contains(u"<ul><li>first</li></ul>"));
        QCOMPARE(*t->renderSubject(values()),
                 QStringLiteral("[IXCM-ABUSE-2026-000123] Report received"));
    }

    void missingValueIsAnError()
    {
        auto t = NoticeTemplate::parse(ack("Line\nDue {{deadlines}}x"), kFile,
                                       QStringLiteral("acknowledgement"));
        QVERIFY(!t.ok()); // a list inside a line: caught at parse time already
        t = NoticeTemplate::parse(ack("Line\n{{policy_reference}}"), kFile,
                                  QStringLiteral("acknowledgement"));
        QVERIFY2(t.ok(), qPrintable(t.error()));
        auto body = t->renderBody(values());
        QVERIFY(!body.ok());
        QVERIFY2(body.error().contains(kFile) && body.error().contains(u"line 4") &&
                     body.error().contains(u"{{policy_reference}}"),
                 qPrintable(body.error()));
        NoticeValues blank = values();
        blank.insert(QStringLiteral("policy_reference"), {QStringLiteral("  "), {}});
        QVERIFY(!t->renderBody(blank).ok()); // blank is as good as missing
    }

    void sectionsAndComments()
    {
        const QString source = ack("Hello{{#if recipient_name}} {{recipient_name}}{{/if}},\n"
                                   "{{! a note for the desk }}\n"
                                   "{{#if deadlines}}\n"
                                   "Due: {{policy_reference}}\n" // not rendered: section is off
                                   "{{/if}}\n"
                                   "# Next steps\n"
                                   "Bye.");
        auto t = NoticeTemplate::parse(source, kFile, QStringLiteral("acknowledgement"));
        QVERIFY2(t.ok(), qPrintable(t.error()));
        NoticeValues v = values();
        v.remove(QStringLiteral("recipient_name"));
        auto body = t->renderBody(v);
        QVERIFY2(body.ok(), qPrintable(body.error()));
        QCOMPARE(body->text, QStringLiteral("Hello,\nNext steps\n----------\nBye.\n- first\n"
                                            "- second\n"));
        QVERIFY(body->html.contains(u"<h2>Next steps</h2>"));
        QVERIFY(!body->html.contains(u"note for the desk"));
    }

    void listIndentAndWrap()
    {
        const QString longLine =
            QStringLiteral("This sentence is long enough to be wrapped by the renderer because "
                           "it goes on past the seventy-eighth column of the text part.");
        auto t =
            NoticeTemplate::parse(ack(longLine + QStringLiteral("\n    {{report_references}}")),
                                  kFile, QStringLiteral("acknowledgement"));
        QVERIFY2(t.ok(), qPrintable(t.error()));
        auto body = t->renderBody(values());
        QVERIFY2(body.ok(), qPrintable(body.error()));
        const QStringList lines = body->text.split(u'\n');
        for (const QString &line : lines)
            QVERIFY2(line.size() <= 72, qPrintable(line));
        QVERIFY(lines.contains(QStringLiteral("    - first")));
        QVERIFY(lines.contains(QStringLiteral("    - second")));
    }

    void loadNamesTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &type : noticeTypes()) {
            QVERIFY(
                QFile::copy(QStringLiteral(AWB_SOURCE_DIR "/resources/notices/%1.txt").arg(type),
                            dir.filePath(type + QStringLiteral(".txt"))));
        }
        QVERIFY(NoticeTemplateSet::load(dir.path()).ok());

        // A desk's typo in one file and a missing file: both are named.
        const QString warning = dir.filePath(QStringLiteral("warning.txt"));
        QFile::setPermissions(warning, QFile::ReadOwner | QFile::WriteOwner);
        QFile file(warning);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\nKind regards, {{desk_nmae}}\n");
        file.close();
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("outcome.txt"))));
        auto set = NoticeTemplateSet::load(dir.path());
        QVERIFY(!set.ok());
        QVERIFY2(set.error().contains(warning) && set.error().contains(u"{{desk_nmae}}") &&
                     set.error().contains(u"line "),
                 qPrintable(set.error()));
        QVERIFY2(set.error().contains(dir.filePath(QStringLiteral("outcome.txt"))),
                 qPrintable(set.error()));
    }
};

QTEST_GUILESS_MAIN(TestNoticeTemplate)
#include "tst_notice_template.moc"
