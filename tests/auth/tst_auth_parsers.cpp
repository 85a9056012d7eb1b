// The authentication parsers on their own: Authentication-Results, Received-SPF, DKIM-Signature
// tag-lists and ARC sets (key records, zone files and canonicalisation: tst_auth_canonical).
// Every parser also gets malformed and hostile rows: it must never crash and must say what it
// bent.

#include "analysis/auth/arc_set.h"
#include "analysis/auth/authentication_results.h"
#include "analysis/auth/dkim_signature.h"
#include "analysis/auth/received_spf.h"

#include <QTest>

using namespace Awb;

namespace {

struct ResultsRow
{
    QByteArray raw;
    QString authservId;
    QStringList results;    // "method=result" in order
    QStringList properties; // "method type.property=value"
    bool problems = false;  // at least one problem expected
    bool noResult = false;
};

struct SignatureRow
{
    QByteArray raw;
    QStringList errors; // error names expected (empty: usable)
    QString domain;
    QString canonicalization; // "relaxed/simple"
    int signedHeaders = -1;
};

QString canonName(DkimCanonicalization c)
{
    return c == DkimCanonicalization::Relaxed ? QStringLiteral("relaxed")
                                              : QStringLiteral("simple");
}

QList<RawHeaderField> fields(const QList<QPair<QByteArray, QByteArray>> &list)
{
    QList<RawHeaderField> out;
    qsizetype offset = 0;
    for (const auto &f : list) {
        out.append({f.first, f.second, offset});
        offset += f.first.size() + f.second.size() + 2;
    }
    return out;
}

} // namespace

Q_DECLARE_METATYPE(ResultsRow)
Q_DECLARE_METATYPE(SignatureRow)

class TestAuthParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void authenticationResults_data();
    void authenticationResults();
    void receivedSpf_data();
    void receivedSpf();
    void dkimSignature_data();
    void dkimSignature();
    void arcChain_data();
    void arcChain();
};

void TestAuthParsers::authenticationResults_data()
{
    QTest::addColumn<ResultsRow>("row");
    QTest::newRow("postfix, folded, comments") << ResultsRow{
        "mx1.ix.cm;\n\tdkim=pass (2048-bit key; unprotected) header.d=example.net "
        "header.i=@example.net header.s=fbl2026 header.b=jglxGPXK;\n\tspf=pass "
        "(mx1.ix.cm: domain of a@b.example designates 198.51.100.31 as permitted "
        "sender) smtp.mailfrom=fbl-bounces@fbl.example.net;\n\tdmarc=pass (p=reject "
        "dis=none) header.from=example.net",
        "mx1.ix.cm",
        {"dkim=pass", "spf=pass", "dmarc=pass"},
        {"dkim header.d=example.net", "dkim header.i=@example.net",
         "spf smtp.mailfrom=fbl-bounces@fbl.example.net", "dmarc header.from=example.net"}};
    QTest::newRow("version and none")
        << ResultsRow{" example.org 1; none", "example.org", {}, {}, false, true};
    QTest::newRow("microsoft, no authserv-id") << ResultsRow{
        "spf=pass (sender IP is 203.0.113.13)\r\n smtp.mailfrom=northwind.example; "
        "dkim=none (message not signed)\r\n header.d=none;dmarc=pass action=none\r\n "
        "header.from=northwind.example;compauth=pass reason=100",
        "",
        {"spf=pass", "dkim=none", "dmarc=pass", "compauth=pass"},
        {"spf smtp.mailfrom=northwind.example", "dmarc header.from=northwind.example"},
        true};
    QTest::newRow("semicolons in comments and quotes")
        << ResultsRow{"mx.example.net; spf=fail (a; b) smtp.mailfrom=x@y.example; dkim=fail "
                      "reason=\"bad; sig\" header.d=y.example",
                      "mx.example.net",
                      {"spf=fail", "dkim=fail"},
                      {"dkim header.d=y.example", "spf smtp.mailfrom=x@y.example"}};
    QTest::newRow("spaces around =, upper case")
        << ResultsRow{"MX.Example.NET; SPF = SoftFail smtp.mailfrom = a@b.example",
                      "MX.Example.NET",
                      {"spf=softfail"},
                      {"spf smtp.mailfrom=a@b.example"}};
    QTest::newRow("method version") << ResultsRow{"mx.example; dkim/1=pass header.d=a.example",
                                                  "mx.example",
                                                  {"dkim=pass"},
                                                  {"dkim header.d=a.example"}};
    QTest::newRow("hostile: unclosed comment")
        << ResultsRow{"mx; spf=pass (unclosed; dkim=fail", "mx", {"spf=pass"}, {}};
    QTest::newRow("hostile: empty") << ResultsRow{"", "", {}, {}, true};
    QTest::newRow("hostile: separators only") << ResultsRow{"=;;==;(((", "", {}, {}, true};
    QTest::newRow("hostile: missing result")
        << ResultsRow{"mx.example; spf=; dkim", "mx.example", {}, {}, true};
    QTest::newRow("hostile: NUL and 8-bit")
        << ResultsRow{QByteArray("mx; spf=p\0\xff\xfe; \"unterminated", 31), "mx", {}, {}, true};
    QByteArray many = "mx.example";
    for (int i = 0; i < 5000; ++i)
        many += "; spf=pass";
    ResultsRow flood{many, "mx.example", {}, {}, true};
    QTest::newRow("hostile: 5000 results") << flood;
}

void TestAuthParsers::authenticationResults()
{
    QFETCH(ResultsRow, row);
    const AuthenticationResults parsed = parseAuthenticationResults(row.raw);
    QCOMPARE(parsed.authservId, row.authservId);
    QCOMPARE(parsed.noResult, row.noResult);
    QCOMPARE(!parsed.problems.isEmpty(), row.problems);
    if (row.raw.size() > 10000) {
        QCOMPARE(parsed.results.size(), 256);
        return;
    }
    QStringList results;
    for (const AuthResult &r : parsed.results)
        results.append(r.method + QLatin1Char('=') + r.result);
    QCOMPARE(results, row.results);
    for (const QString &p : row.properties) {
        const QString method = p.section(QLatin1Char(' '), 0, 0);
        const QString key = p.section(QLatin1Char(' '), 1).section(QLatin1Char('='), 0, 0);
        const QString value = p.section(QLatin1Char('='), 1);
        QVERIFY2(!parsed.resultsFor(method).isEmpty(), qPrintable(p));
        QCOMPARE(parsed.resultsFor(method).first().property(key), value);
    }
}

void TestAuthParsers::receivedSpf_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("clientIp");
    QTest::addColumn<QString>("envelopeFrom");
    QTest::addColumn<bool>("problems");
    QTest::newRow("RFC 7208 example")
        << QByteArray("pass (mybox.example.org: domain of myname@example.com designates "
                      "192.0.2.1 as permitted sender)\n receiver=mybox.example.org; "
                      "client-ip=192.0.2.1;\n envelope-from=\"myname@example.com\"; "
                      "helo=foo.example.com;")
        << "pass"
        << "192.0.2.1"
        << "myname@example.com" << false;
    QTest::newRow("softfail, upper case")
        << QByteArray("SoftFail (transitioning) client-ip=198.51.100.77") << "softfail"
        << "198.51.100.77"
        << "" << false;
    QTest::newRow("no result") << QByteArray("client-ip=192.0.2.1; helo=x") << ""
                               << "192.0.2.1"
                               << "" << true;
    QTest::newRow("unknown result") << QByteArray("maybe client-ip=192.0.2.1") << "maybe"
                                    << "192.0.2.1"
                                    << "" << true;
    QTest::newRow("hostile: empty") << QByteArray() << ""
                                    << ""
                                    << "" << true;
    QTest::newRow("hostile: garbage") << QByteArray("(((\"\\;;==\xff") << ""
                                      << ""
                                      << "" << true;
}

void TestAuthParsers::receivedSpf()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, result);
    QFETCH(QString, clientIp);
    QFETCH(QString, envelopeFrom);
    QFETCH(bool, problems);
    const ReceivedSpf spf = parseReceivedSpf(raw);
    QCOMPARE(spf.result, result);
    QCOMPARE(spf.value(QStringLiteral("client-ip")), clientIp);
    QCOMPARE(spf.value(QStringLiteral("envelope-from")), envelopeFrom);
    QCOMPARE(!spf.problems.isEmpty(), problems);
}

void TestAuthParsers::dkimSignature_data()
{
    QTest::addColumn<SignatureRow>("row");
    const QByteArray good =
        " v=1; a=rsa-sha256; c=relaxed/relaxed; d=Example.NET.;\n i=@example.net; "
        "q=dns/txt; s=fbl2026; t=1793611205; h=from : to :\n subject : date; "
        "bh=zKEhazBbNV88MPIgkgjUopsvlO0dmFagSIqRDVH8NIA=;\n b=jglxGPXKnE1f\n ZjD/qs==";
    QTest::newRow("demo style, folded")
        << SignatureRow{good, {}, "example.net", "relaxed/relaxed", 4};
    const auto with = [&](const QByteArray &from, const QByteArray &to) {
        QByteArray s = good;
        return s.replace(from, to);
    };
    QTest::newRow("c=relaxed alone") << SignatureRow{
        with("c=relaxed/relaxed", "c=relaxed"), {}, "example.net", "relaxed/simple", 4};
    QTest::newRow("no c=") << SignatureRow{
        with("c=relaxed/relaxed;", ""), {}, "example.net", "simple/simple", 4};
    QTest::newRow("subdomain identity") << SignatureRow{
        with("i=@example.net", "i=user@news.example.net"), {}, "example.net", "relaxed/relaxed", 4};
    QTest::newRow("no bh") << SignatureRow{
        with("bh=zKEhazBbNV88MPIgkgjUopsvlO0dmFagSIqRDVH8NIA=;", ""), {"missing-tag"}};
    QTest::newRow("v=2") << SignatureRow{with("v=1", "v=2"), {"bad-version"}};
    QTest::newRow("unknown algorithm")
        << SignatureRow{with("rsa-sha256", "rsa-md5"), {"unknown-algorithm"}};
    QTest::newRow("From not signed")
        << SignatureRow{with("h=from : to", "h=sender : to"), {"from-not-signed"}};
    QTest::newRow("identity outside d=") << SignatureRow{
        with("i=@example.net", "i=@example.net.evil.example"), {"identity-outside-domain"}};
    QTest::newRow("duplicate d=") << SignatureRow{with("q=dns/txt", "d=other.example"),
                                                  {"tag-syntax"}};
    QTest::newRow("l= not a number") << SignatureRow{with("q=dns/txt", "l=12x"), {"bad-number"}};
    QTest::newRow("x= before t=") << SignatureRow{with("q=dns/txt", "x=1793611200"),
                                                  {"expiry-before-timestamp"}};
    QTest::newRow("bad canonicalization")
        << SignatureRow{with("c=relaxed/relaxed", "c=fancy/relaxed"), {"bad-canonicalization"}};
    QTest::newRow("b= not base64")
        << SignatureRow{with("b=jglxGPXKnE1f", "b=!!!jglx"), {"bad-base64"}};
    QTest::newRow("q=https") << SignatureRow{with("q=dns/txt", "q=https"), {"bad-query-method"}};
    QTest::newRow("bad selector") << SignatureRow{with("s=fbl2026", "s=a b/c"), {"bad-domain"}};
    QTest::newRow("hostile: empty") << SignatureRow{"", {"missing-tag"}};
    QTest::newRow("hostile: separators")
        << SignatureRow{"; ; = ;;=;", {"tag-syntax", "missing-tag"}};
    QTest::newRow("hostile: NUL and 8-bit") << SignatureRow{
        QByteArray("v=1\0; a=\xff\xfe; d=\x80.example", 28), {"missing-tag", "unknown-algorithm"}};
}

void TestAuthParsers::dkimSignature()
{
    QFETCH(SignatureRow, row);
    const DkimSignature sig = parseDkimSignature(row.raw);
    QStringList names;
    for (const DkimSignatureProblem &p : sig.problems)
        names.append(dkimSignatureErrorName(p.error));
    for (const QString &e : row.errors)
        QVERIFY2(names.contains(e),
                 qPrintable(names.join(QLatin1Char(',')) + " / " + sig.problemText()));
    QCOMPARE(sig.isUsable(), row.errors.isEmpty());
    if (!row.errors.isEmpty())
        return;
    QCOMPARE(sig.domain, row.domain);
    QCOMPARE(canonName(sig.headerCanonicalization) + QLatin1Char('/') +
                 canonName(sig.bodyCanonicalization),
             row.canonicalization);
    QCOMPARE(sig.signedHeaders.size(), row.signedHeaders);
    QCOMPARE(sig.algorithm, DkimAlgorithm::RsaSha256);
    QCOMPARE(sig.selector, QStringLiteral("fbl2026"));
    QVERIFY(sig.signature.size() > 0);
    QCOMPARE(sig.bodyHash.size(), 32);
    // The b= value runs from after '=' to the end: emptying it leaves "b=".
    QCOMPARE(row.raw.mid(sig.bValueStart - 2, 2), QByteArray("b="));
    QCOMPARE(sig.bValueEnd, row.raw.size());
}

void TestAuthParsers::arcChain_data()
{
    QTest::addColumn<QList<RawHeaderField>>("headers");
    QTest::addColumn<int>("instances");
    QTest::addColumn<QString>("problem"); // a word the problems must contain; empty: valid
    const auto set = [](int i, const char *cv) {
        const QByteArray n = QByteArray::number(i);
        return QList<QPair<QByteArray, QByteArray>>{
            {"ARC-Seal", " i=" + n + "; a=rsa-sha256; cv=" + cv + "; d=fwd.example; s=a; b=AA=="},
            {"ARC-Message-Signature",
             " i=" + n +
                 "; a=rsa-sha256; c=relaxed/relaxed; d=fwd.example; s=a; h=from; bh=AA==; b=AA=="},
            {"ARC-Authentication-Results",
             " i=" + n + "; fwd.example; spf=pass smtp.mailfrom=a.example"}};
    };
    QTest::newRow("valid, two instances") << fields(set(2, "pass") + set(1, "none")) << 2 << "";
    QTest::newRow("gap") << fields(set(3, "pass") + set(1, "none")) << 2 << "contiguous";
    QTest::newRow("duplicate seal")
        << fields(set(1, "none") + QList<QPair<QByteArray, QByteArray>>{set(1, "none").first()})
        << 1 << "2 ARC-Seal";
    QTest::newRow("missing results")
        << fields(set(1, "none").mid(0, 2)) << 1 << "0 ARC-Authentication-Results";
    QTest::newRow("cv=pass at 1") << fields(set(1, "pass")) << 1 << "cv=none";
    QTest::newRow("cv=none at 2") << fields(set(2, "none") + set(1, "none")) << 2 << "cv=pass";
    QTest::newRow("cv=fail earlier")
        << fields(set(2, "pass") + set(1, "fail")) << 2 << "sealed again";
    QTest::newRow("cv=fail latest")
        << fields(set(2, "fail") + set(1, "none")) << 2 << "found broken";
    QTest::newRow("hostile: i=0 and i=abc")
        << fields({{"ARC-Seal", " i=0; cv=none"}, {"ARC-Authentication-Results", " i=abc; x"}}) << 0
        << "instance number";
    QTest::newRow("hostile: i=51") << fields(set(51, "pass")) << 0 << "instance number";
    QTest::newRow("no ARC") << fields({{"From", " a@b.example"}}) << 0 << "";
}

void TestAuthParsers::arcChain()
{
    QFETCH(QList<RawHeaderField>, headers);
    QFETCH(int, instances);
    QFETCH(QString, problem);
    const ArcChain chain = parseArcChain(headers);
    QCOMPARE(chain.instances.size(), instances);
    const QString problems = chain.problems.join(QStringLiteral(" | "));
    if (problem.isEmpty())
        QVERIFY2(chain.problems.isEmpty(), qPrintable(problems));
    else
        QVERIFY2(problems.contains(problem), qPrintable(problems));
    if (instances == 2 && problem.isEmpty()) {
        QVERIFY(chain.isStructurallyValid());
        QCOMPARE(chain.latestChainValidation(), QStringLiteral("pass"));
        QCOMPARE(chain.instances.first().results.authservId, QStringLiteral("fwd.example"));
        QVERIFY(chain.instances.first().messageSignature.isUsable());
    }
}

QTEST_GUILESS_MAIN(TestAuthParsers)
#include "tst_auth_parsers.moc"
