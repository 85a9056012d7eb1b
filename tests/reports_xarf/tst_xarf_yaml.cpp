#include "reports/xarf/xarf_yaml.h"

#include <QTest>

using namespace Awb;

// The tolerant reader of the flat YAML in X-ARF 0.1/0.2 report.txt parts.
class TestXarfYaml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void values_data();
    void values();
    void lists();
    void blockScalars();
    void problems_data();
    void problems();
    void caseInsensitiveLookup();
};

void TestXarfYaml::values_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << "Source: 192.0.2.1\n"
                           << "Source"
                           << "192.0.2.1";
    QTest::newRow("document marker") << "---\nCategory: abuse\n"
                                     << "Category"
                                     << "abuse";
    QTest::newRow("double quoted") << "Version: \"0.2\"\n"
                                   << "Version"
                                   << "0.2";
    QTest::newRow("double quoted escapes") << "Note: \"a \\\"b\\\" c\"\n"
                                           << "Note"
                                           << "a \"b\" c";
    QTest::newRow("single quoted") << "Category: 'it''s abuse'\n"
                                   << "Category"
                                   << "it's abuse";
    QTest::newRow("comment after plain") << "User-Agent: Tool 1.0   # build 7\n"
                                         << "User-Agent"
                                         << "Tool 1.0";
    QTest::newRow("hash inside quotes") << "Report-ID: \"a #1\"\n"
                                        << "Report-ID"
                                        << "a #1";
    QTest::newRow("colon in value")
        << "Schema-URL: http://www.x-arf.org/schema/abuse_mail_0.1.5.json\n"
        << "Schema-URL"
        << "http://www.x-arf.org/schema/abuse_mail_0.1.5.json";
    QTest::newRow("rfc 2822 date") << "Date: Wed, 04 Nov 2026 08:55:02 +0100\n"
                                   << "Date"
                                   << "Wed, 04 Nov 2026 08:55:02 +0100";
    QTest::newRow("crlf line ends") << "Category: abuse\r\nSource: x\r\n"
                                    << "Source"
                                    << "x";
    QTest::newRow("byte order mark") << QStringLiteral("\uFEFFCategory: abuse\n") << "Category"
                                     << "abuse";
    QTest::newRow("value on next line") << "Source:\n  192.0.2.9\n"
                                        << "Source"
                                        << "192.0.2.9";
    QTest::newRow("folded plain scalar") << "Note: first\n  second\n"
                                         << "Note"
                                         << "first second";
    QTest::newRow("missing key") << "Category: abuse\n"
                                 << "Source"
                                 << "";
    QTest::newRow("empty value") << "Source:\nCategory: abuse\n"
                                 << "Source"
                                 << "";
}

void TestXarfYaml::values()
{
    QFETCH(QString, yaml);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    const XarfYamlDocument document = readXarfYaml(yaml);
    QCOMPARE(document.value(key), expected);
    QVERIFY2(document.problems.isEmpty(), qPrintable(document.problems.join(QLatin1Char('\n'))));
}

void TestXarfYaml::lists()
{
    const XarfYamlDocument document = readXarfYaml(QStringLiteral(
        "Destination:\n  - a@example.org\n  - \"b@example.org\"\nPorts: [25, '587', 465]\n"));
    QVERIFY(document.problems.isEmpty());
    const XarfYamlEntry *destination = document.find(u"Destination");
    QVERIFY(destination);
    QVERIFY(destination->isList);
    QCOMPARE(destination->values, QStringList({"a@example.org", "b@example.org"}));
    const XarfYamlEntry *ports = document.find(u"Ports");
    QVERIFY(ports);
    QVERIFY(ports->isList);
    QCOMPARE(ports->values, QStringList({"25", "587", "465"}));
    QCOMPARE(ports->line, 4);
}

void TestXarfYaml::blockScalars()
{
    const XarfYamlDocument document = readXarfYaml(
        QStringLiteral("Literal: |\n  line one\n  line two\nFolded: >\n  word one\n  word two\n"
                       "Source: 192.0.2.1\n"));
    QVERIFY(document.problems.isEmpty());
    QCOMPARE(document.value(u"Literal"), QStringLiteral("line one\nline two"));
    QCOMPARE(document.value(u"Folded"), QStringLiteral("word one word two"));
    QCOMPARE(document.value(u"Source"), QStringLiteral("192.0.2.1"));
}

void TestXarfYaml::problems_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("problem");   // a part of the expected problem text
    QTest::addColumn<QString>("stillRead"); // a key that must still be read despite the problem

    QTest::newRow("not key value") << "Category: abuse\nthis is prose\nSource: 192.0.2.1\n"
                                   << "line 2: not a \"key: value\" line"
                                   << "Source";
    QTest::newRow("unterminated double quote") << "Agent: \"Tool\nSource: 192.0.2.1\n"
                                               << "line 1: the value of \"Agent\" is not closed"
                                               << "Source";
    QTest::newRow("unterminated single quote") << "Agent: 'Tool\nSource: 192.0.2.1\n"
                                               << "is not closed"
                                               << "Source";
    QTest::newRow("duplicate key") << "Source: 192.0.2.1\nSource: 192.0.2.2\n"
                                   << "line 2: \"Source\" appears more than once"
                                   << "Source";
    QTest::newRow("second document") << "Category: abuse\n---\nSource: 192.0.2.1\n"
                                     << "line 2: a second YAML document"
                                     << "Source";
    QTest::newRow("item under a scalar") << "Source: 192.0.2.1\n  - extra\nCategory: abuse\n"
                                         << "a list item under \"Source\""
                                         << "Category";
    QTest::newRow("text under a list") << "Dest:\n  - a\n  loose text\nSource: 192.0.2.1\n"
                                       << "an indented line inside the list"
                                       << "Source";
    QTest::newRow("colon without space") << "Source:192.0.2.1\nCategory: abuse\n"
                                         << "not a \"key: value\" line"
                                         << "Category";
}

void TestXarfYaml::problems()
{
    QFETCH(QString, yaml);
    QFETCH(QString, problem);
    QFETCH(QString, stillRead);
    const XarfYamlDocument document = readXarfYaml(yaml);
    QVERIFY2(document.problems.join(QLatin1Char('\n')).contains(problem),
             qPrintable(document.problems.join(QLatin1Char('\n'))));
    QVERIFY(!document.value(stillRead).isEmpty());
}

void TestXarfYaml::caseInsensitiveLookup()
{
    const XarfYamlDocument document = readXarfYaml(QStringLiteral("reported-from: a@b.example\n"));
    QCOMPARE(document.value(u"Reported-From"), QStringLiteral("a@b.example"));
    QCOMPARE(document.entries.first().key, QStringLiteral("reported-from"));
}

QTEST_GUILESS_MAIN(TestXarfYaml)
#include "tst_xarf_yaml.moc"
