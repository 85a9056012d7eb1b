// The link extractor and the HTML scanner under it: URLs in text, anchors with their visible
// text, entities, <base>, and hostile HTML (unclosed tags and quotes, a 1 MB attribute, nested
// quotes, comments and scripts), plus where each link stands in the message's bytes.

#include "analysis/content_checks/html_scanner.h"
#include "analysis/content_checks/link_extractor.h"
#include "mail/mail_message.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Awb;
using namespace Awb::ContentChecks;

namespace {

// "kind|url|text|host" per link; kind: t (text), x (HTML text), a (anchor), i (image), f (form).
QString describe(const QList<MessageLink> &links)
{
    QStringList out;
    for (const MessageLink &l : links) {
        const char *kind = "t";
        switch (l.kind) {
        case MessageLink::Kind::TextUrl:
            kind = "t";
            break;
        case MessageLink::Kind::HtmlTextUrl:
            kind = "x";
            break;
        case MessageLink::Kind::Anchor:
            kind = "a";
            break;
        case MessageLink::Kind::Image:
            kind = "i";
            break;
        case MessageLink::Kind::Form:
            kind = "f";
            break;
        }
        out << QStringLiteral("%1|%2|%3|%4").arg(QLatin1String(kind), l.url, l.text, l.host);
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestContentLinks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textLinks_data();
    void textLinks();
    void htmlLinks_data();
    void htmlLinks();
    void entities_data();
    void entities();
    void htmlText_data();
    void htmlText();
    void hugeAttribute();
    void pathologicalMarkup_data();
    void pathologicalMarkup();
    void locations();
    void manyLinksInMessage();
};

void TestContentLinks::textLinks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "see https://a.example/x?y=1 now"
                           << "t|https://a.example/x?y=1||a.example";
    QTest::newRow("trailing punctuation") << "Visit http://a.example/path."
                                          << "t|http://a.example/path||a.example";
    QTest::newRow("parenthesised") << "(see https://a.example/wiki/X_(y)) ok"
                                   << "t|https://a.example/wiki/X_(y)||a.example";
    QTest::newRow("www without scheme") << "go to www.shop.example/offers, today"
                                        << "t|http://www.shop.example/offers||www.shop.example";
    QTest::newRow("mailto") << "write to mailto:off@list.example?subject=stop"
                            << "t|mailto:off@list.example?subject=stop||list.example";
    QTest::newRow("userinfo trick") << "http://www.bank.example@192.0.2.55/login"
                                    << "t|http://www.bank.example@192.0.2.55/login||192.0.2.55";
    QTest::newRow("IPv6 and port") << "http://[2001:db8::1]:8080/a"
                                   << "t|http://[2001:db8::1]:8080/a||2001:db8::1";
    QTest::newRow("upper-case scheme") << "HTTPS://A.EXAMPLE/"
                                       << "t|HTTPS://A.EXAMPLE/||a.example";
    QTest::newRow("none") << "no links, just an e-mail a@b.example and 4.8"
                          << "";
}

void TestContentLinks::textLinks()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(describe(extractTextLinks(text)), expected);
}

void TestContentLinks::htmlLinks_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");
    QTest::newRow("quoted, entity in href")
        << "<a href=\"https://a.example/?x=1&amp;y=2\">Go <b>there</b></a>"
        << "a|https://a.example/?x=1&y=2|Go there|a.example";
    QTest::newRow("single quotes, upper case") << "<A HREF='https://a.example/'>A&nbsp;site</A>"
                                               << "a|https://a.example/|A site|a.example";
    QTest::newRow("unquoted") << "<a href=https://a.example/x>x</a>"
                              << "a|https://a.example/x|x|a.example";
    QTest::newRow("nested quotes") << "<a href=\"https://a.example/it's\" title='say \"hi\"'>q</a>"
                                   << "a|https://a.example/it's|q|a.example";
    QTest::newRow("base href") << "<base href=\"https://b.example/dir/\"><a href=\"page\">p</a>"
                               << "a|https://b.example/dir/page|p|b.example";
    QTest::newRow("unclosed anchor ends at the next one")
        << "<a href=\"https://a.example/\">one<a href=\"https://b.example/\">two"
        << "a|https://a.example/|one|a.example\na|https://b.example/|two|b.example";
    QTest::newRow("image and form")
        << "<img src=\"http://198.51.100.78/o.gif\"><form action=\"https://f.example/post\">"
        << "i|http://198.51.100.78/o.gif||198.51.100.78\nf|https://f.example/post||f.example";
    QTest::newRow("comment and script are not links")
        << "<!-- <a href=\"https://hidden.example/\">x</a> --><script>var a='<a "
           "href=\"https://js.example/\">';</script><a href=\"https://real.example/\">r</a>"
        << "a|https://real.example/|r|real.example";
    QTest::newRow("URL as HTML text") << "<p>Visit https://t.example/x today</p>"
                                      << "x|https://t.example/x||t.example";
    QTest::newRow("entity-encoded href") << "<a href=\"&#104;ttps&#x3a;//e.example/\">e</a>"
                                         << "a|https://e.example/|e|e.example";
    QTest::newRow("less-than in text") << "<p>1 < 2 and <a href=\"https://a.example/\">a</a></p>"
                                       << "a|https://a.example/|a|a.example";
}

void TestContentLinks::htmlLinks()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(describe(extractHtmlLinks(html)), expected);
}

void TestContentLinks::entities_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("basic") << "a &amp; b &lt;c&gt; &quot;d&quot;"
                           << "a & b <c> \"d\"";
    QTest::newRow("numeric") << "&#65;&#x42;&#X43;"
                             << "ABC";
    QTest::newRow("legacy without semicolon") << "x&ampy &nbspz" << QStringLiteral("x&y \u00a0z");
    QTest::newRow("unknown stays") << "&bogus; &"
                                   << "&bogus; &";
    QTest::newRow("invalid number")
        << "&#0;&#xD800;&#99999999999;" << QStringLiteral("\ufffd\ufffd\ufffd");
    QTest::newRow("astral") << "&#x1F600;" << QString::fromUcs4(U"\U0001F600");
}

void TestContentLinks::entities()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(decodeEntities(text), expected);
}

void TestContentLinks::htmlText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");
    QTest::newRow("blocks and blanks") << "<p>One\n  two</p><p>Three<br>Four</p>"
                                       << "One two\nThree\nFour";
    QTest::newRow("style and title dropped")
        << "<head><title>T</title><style>p{}</style></head><body>Body</body>"
        << "Body";
    QTest::newRow("entities") << "Ltd &middot; 99 Example Road"
                              << QStringLiteral("Ltd \u00b7 99 Example Road");
}

void TestContentLinks::htmlText()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(htmlToText(html), expected);
}

// A 1 MB attribute value, quoted and unquoted: read once, linearly, and kept whole.
void TestContentLinks::hugeAttribute()
{
    const QString big(1024 * 1024, QLatin1Char('x'));
    QElapsedTimer timer;
    timer.start();
    const QList<MessageLink> quoted = extractHtmlLinks(
        QStringLiteral("<a href=\"https://a.example/") + big + QStringLiteral("\">t</a>"));
    const QList<MessageLink> unquoted = extractHtmlLinks(
        QStringLiteral("<a title=") + big + QStringLiteral(" href=https://b.example/>u</a>"));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(quoted.size(), 1);
    QCOMPARE(quoted.first().url.size(), big.size() + 18);
    QCOMPARE(quoted.first().host, QStringLiteral("a.example"));
    QCOMPARE(unquoted.size(), 1);
    QCOMPARE(unquoted.first().host, QStringLiteral("b.example"));
}

void TestContentLinks::pathologicalMarkup_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<int>("links");
    QTest::newRow("unclosed tag at the end") << "<p>text <a href=\"https://a.example/\"" << 1;
    QTest::newRow("unclosed quote swallows the rest")
        << "<a href=\"https://a.example/>x</a><a href=\"https://b.example/\">b</a>" << 1;
    QTest::newRow("unclosed comment") << "<!-- <a href=\"https://a.example/\">" << 0;
    QTest::newRow("unclosed script") << "<script><a href=\"https://a.example/\">" << 0;
    QTest::newRow("only brackets") << QString(100000, QLatin1Char('<')) << 0;
    QTest::newRow("many open tags") << QStringLiteral("<a href=x>").repeated(20000) << 20000;
    QTest::newRow("empty and blank hrefs") << "<a href>x</a><a href=\"  \">y</a><a>z</a>" << 0;
    QTest::newRow("NUL and controls")
        << QStringLiteral("<a href=\"https://a.example/\"\x01>x\0</a>") << 1;
}

void TestContentLinks::pathologicalMarkup()
{
    QFETCH(QString, html);
    QFETCH(int, links);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(extractHtmlLinks(html).size(), links);
    QVERIFY(timer.elapsed() < 5000);
}

// Links are located in the message bytes: as written in a 7bit text part, through
// quoted-printable soft line breaks and =3D in an HTML part; in a base64 part only the part.
void TestContentLinks::locations()
{
    const QByteArray bytes = "From: a@shop.example\n"
                             "Subject: x\n"
                             "MIME-Version: 1.0\n"
                             "Content-Type: multipart/alternative; boundary=\"b\"\n"
                             "\n"
                             "--b\n"
                             "Content-Type: text/plain; charset=us-ascii\n"
                             "\n"
                             "Read https://shop.example/a and https://shop.example/a again.\n"
                             "--b\n"
                             "Content-Type: text/html; charset=us-ascii\n"
                             "Content-Transfer-Encoding: quoted-printable\n"
                             "\n"
                             "<a href=3D\"https://shop.example/very/long/path?x=3D1&amp;y=3D=\n"
                             "2\">go</a>\n"
                             "--b\n"
                             "Content-Type: text/calendar\n"
                             "\n"
                             "x\n"
                             "--b--\n";
    auto message = MailMessage::parse(bytes);
    QVERIFY(message);
    const QList<MessageLink> links = extractLinks(*message);
    QCOMPARE(links.size(), 3);
    const qsizetype first = bytes.indexOf("https://shop.example/a");
    QVERIFY(links.at(0).exact);
    QCOMPARE(links.at(0).location.offset, first);
    QCOMPARE(links.at(1).location.offset, bytes.indexOf("https://shop.example/a", first + 1));
    QVERIFY(links.at(2).exact);
    QCOMPARE(links.at(2).url, QStringLiteral("https://shop.example/very/long/path?x=1&y=2"));
    const QByteArray located = bytes.mid(links.at(2).location.offset, links.at(2).location.length);
    QCOMPARE(located, QByteArray("https://shop.example/very/long/path?x=3D1&amp;y=3D=\n2"));

    const QByteArray base64 = "From: a@shop.example\n"
                              "Content-Type: text/html\n"
                              "Content-Transfer-Encoding: base64\n"
                              "\n" +
                              QByteArray("<a href=\"https://b64.example/\">x</a>").toBase64() +
                              "\n";
    auto encoded = MailMessage::parse(base64);
    QVERIFY(encoded);
    const QList<MessageLink> hidden = extractLinks(*encoded);
    QCOMPARE(hidden.size(), 1);
    QVERIFY(!hidden.first().exact);
    QCOMPARE(hidden.first().location.offset, base64.indexOf("\n\n") + 2);
}

// 20,000 links in a 1 MB quoted-printable part, each behind a soft line break: extraction
// and location stay linear.
void TestContentLinks::manyLinksInMessage()
{
    QByteArray html;
    for (int i = 0; i < 10000; ++i)
        html += "<a href=3D\"https://a.example/" + QByteArray::number(i) +
                "\">a</a><a href=3D\"https://b.example/&#" + QByteArray::number(i % 90 + 33) +
                ";\">b</a>=\n";
    html += QByteArray(1024 * 1024 - html.size() % (1024 * 1024), 'x');
    const QByteArray bytes = "From: a@a.example\nContent-Type: text/html\n"
                             "Content-Transfer-Encoding: quoted-printable\n\n" +
                             html + "\n";
    auto message = MailMessage::parse(bytes);
    QVERIFY(message);
    QElapsedTimer timer;
    timer.start();
    const QList<MessageLink> links = extractLinks(*message);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(links.size(), 20000);
    QVERIFY(links.first().exact);
    for (const MessageLink &link : links)
        QVERIFY(link.location.isValid() &&
                link.location.offset + link.location.length <= bytes.size());
}

QTEST_GUILESS_MAIN(TestContentLinks)
#include "tst_content_links.moc"
