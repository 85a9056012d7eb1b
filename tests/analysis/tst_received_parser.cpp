// Received parser: one row per server format (realistic stamps with documentation addresses),
// IPv6 forms, comments, missing ';', broken dates, garbage and hostile sizes, and hop delays.

#include "analysis/received_parser.h"

#include <QElapsedTimer>
#include <QMap>
#include <QTest>

using namespace Awb;

namespace {

// One row: the raw value and the fields to check, by our field name. Fields not named are not
// checked, except completeness, which every row states.
struct Row
{
    QByteArray raw;
    QMap<QString, QString> expect;
};

QString completenessName(ReceivedHop::Completeness c)
{
    switch (c) {
    case ReceivedHop::Completeness::Full:
        return QStringLiteral("full");
    case ReceivedHop::Completeness::Partial:
        return QStringLiteral("partial");
    case ReceivedHop::Completeness::None:
        return QStringLiteral("none");
    }
    return {};
}

QString field(const ReceivedHop &h, const QString &name)
{
    auto flag = [](bool b) { return b ? QStringLiteral("true") : QStringLiteral("false"); };
    const QMap<QString, QString> fields = {
        {QStringLiteral("fromName"), h.fromName},
        {QStringLiteral("fromHelo"), h.fromHelo},
        {QStringLiteral("heloCommand"), h.heloCommand},
        {QStringLiteral("fromRdns"), h.fromRdns},
        {QStringLiteral("fromIp"), h.fromIp},
        {QStringLiteral("fromIpMapped"), flag(h.fromIpMapped)},
        {QStringLiteral("fromIpFromName"), flag(h.fromIpFromName)},
        {QStringLiteral("fromIpZone"), h.fromIpZone},
        {QStringLiteral("ident"), h.ident},
        {QStringLiteral("envelopeFrom"), h.envelopeFrom},
        {QStringLiteral("by"), h.by},
        {QStringLiteral("byIp"), h.byIp},
        {QStringLiteral("with"), h.with},
        {QStringLiteral("protocol"), h.protocol},
        {QStringLiteral("id"), h.id},
        {QStringLiteral("for"), h.for_},
        {QStringLiteral("via"), h.via},
        {QStringLiteral("tls"), flag(h.tls)},
        {QStringLiteral("tlsVersion"), h.tlsVersion},
        {QStringLiteral("tlsCipher"), h.tlsCipher},
        {QStringLiteral("authenticated"), flag(h.authenticated)},
        {QStringLiteral("authUser"), h.authUser},
        {QStringLiteral("authMechanism"), h.authMechanism},
        {QStringLiteral("date"), h.dateValid ? h.date.toString(Qt::ISODate) : QStringLiteral("-")},
        {QStringLiteral("offset"), QString::number(h.zoneOffsetSeconds)},
        {QStringLiteral("completeness"), completenessName(h.completeness)},
    };
    return fields.value(name, QStringLiteral("<no such field %1>").arg(name));
}

using E = QMap<QString, QString>;

} // namespace

Q_DECLARE_METATYPE(Row)

class TestReceivedParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data();
    void formats();
    void hostileInputFinishesQuickly_data();
    void hostileInputFinishesQuickly();
    void chainDelays();
    void rawIsKept();
};

void TestReceivedParser::formats_data()
{
    QTest::addColumn<Row>("row");
    auto row = [](const char *name, const char *raw, const E &expect) {
        QTest::newRow(name) << Row{QByteArray(raw), expect};
    };

    row("postfix-tls",
        "from mail.example.com (mail.example.com [192.0.2.10])\r\n\t(using TLSv1.3 with cipher "
        "TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n\t key-exchange X25519 server-signature RSA-PSS "
        "(2048 bits) server-digest SHA256)\r\n\t(No client certificate requested)\r\n\tby "
        "mx.example.net (Postfix) with ESMTPS id 4RZxyz1AbCz9sTt\r\n\tfor <alice@example.net>; "
        "Tue, 29 Aug 2023 16:20:12 +0000 (UTC)\r\n",
        {{"fromName", "mail.example.com"},
         {"fromRdns", "mail.example.com"},
         {"fromIp", "192.0.2.10"},
         {"by", "mx.example.net"},
         {"protocol", "ESMTPS"},
         {"id", "4RZxyz1AbCz9sTt"},
         {"for", "alice@example.net"},
         {"tlsVersion", "TLSv1.3"},
         {"tlsCipher", "TLS_AES_256_GCM_SHA384"},
         {"tls", "true"},
         {"authenticated", "false"},
         {"date", "2023-08-29T16:20:12Z"},
         {"offset", "0"},
         {"completeness", "full"}});
    row("postfix-sasl",
        "from [192.168.1.20] (unknown [203.0.113.7]) (Authenticated sender: bob@example.com) by "
        "smtp.example.com (Postfix) with ESMTPSA id 7F3A21C0042 for <carol@example.net>; Wed, 30 "
        "Aug 2023 09:01:02 +0200 (CEST)",
        {{"fromName", "192.168.1.20"},
         {"fromRdns", ""},
         {"fromIp", "203.0.113.7"},
         {"fromIpFromName", "false"},
         {"authenticated", "true"},
         {"authUser", "bob@example.com"},
         {"protocol", "ESMTPSA"},
         {"tls", "true"},
         {"date", "2023-08-30T07:01:02Z"},
         {"offset", "7200"},
         {"completeness", "full"}});
    row("postfix-ipv6-literal",
        "from mail.example.com (mail.example.com [IPv6:2001:DB8:0:0:0:0:0:1]) by mx.example.net "
        "(Postfix) with ESMTP id ABC123; Tue, 29 Aug 2023 16:20:12 +0000",
        {{"fromIp", "2001:db8::1"}, {"fromIpMapped", "false"}, {"completeness", "full"}});
    row("exim-4.9x",
        "from host.example.com ([198.51.100.23] helo=mail.example.com)\n\tby mx.example.net with "
        "esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384\n\t(Exim 4.96)\n\t(envelope-from "
        "<bounce@example.com>)\n\tid 1qXyZa-000AbC-2X\n\tfor user@example.net;\n\tTue, 29 Aug "
        "2023 18:20:12 +0200\n",
        {{"fromName", "host.example.com"},
         {"fromRdns", "host.example.com"},
         {"fromHelo", "mail.example.com"},
         {"heloCommand", "HELO"},
         {"fromIp", "198.51.100.23"},
         {"by", "mx.example.net"},
         {"with", "esmtps"},
         {"protocol", "ESMTPS"},
         {"tlsVersion", "TLSv1.3"},
         {"tlsCipher", "TLS_AES_256_GCM_SHA384"},
         {"envelopeFrom", "bounce@example.com"},
         {"id", "1qXyZa-000AbC-2X"},
         {"for", "user@example.net"},
         {"date", "2023-08-29T16:20:12Z"},
         {"completeness", "full"}});
    row("exim-ipv6-no-rdns",
        "from [2001:db8::25] (port=50944 helo=[IPv6:2001:db8::25]) by mx.example.net with esmtpsa "
        "(TLS1.2) tls TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (Exim 4.94.2) (envelope-from "
        "<a@example.com>) id 1qXyZb-000AbC-3Y; Tue, 29 Aug 2023 18:20:12 +0200",
        {{"fromName", "2001:db8::25"},
         {"fromIp", "2001:db8::25"},
         {"fromIpFromName", "true"},
         {"fromRdns", ""},
         {"fromHelo", "IPv6:2001:db8::25"},
         {"protocol", "ESMTPSA"},
         {"authenticated", "true"},
         {"tlsVersion", "TLSv1.2"},
         {"completeness", "full"}});
    row("sendmail",
        "from mail.example.com (mail.example.com [192.0.2.44] (may be forged))\n\tby "
        "mx.example.net (8.15.2/8.15.2) with ESMTPS id 37TGKCa1012345\n\t(version=TLSv1.3 "
        "cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT)\n\tfor <user@example.net>; Tue, 29 "
        "Aug 2023 16:20:12 GMT",
        {{"fromName", "mail.example.com"},
         {"fromRdns", "mail.example.com"},
         {"fromIp", "192.0.2.44"},
         {"id", "37TGKCa1012345"},
         {"tlsVersion", "TLSv1.3"},
         {"tlsCipher", "TLS_AES_256_GCM_SHA384"},
         {"date", "2023-08-29T16:20:12Z"},
         {"completeness", "full"}});
    row("sendmail-ident-auth",
        "from laptop (IDENT:mailer@relay.example.com [192.0.2.45]) (authenticated bits=0) by "
        "mx.example.net (8.12.11/8.12.11) with ESMTP id h381Vvf19860; Tue, 8 Apr 2003 02:31:57 "
        "+0100",
        {{"fromName", "laptop"},
         {"ident", "mailer"},
         {"fromRdns", "relay.example.com"},
         {"fromIp", "192.0.2.45"},
         {"authenticated", "true"},
         {"completeness", "full"}});
    row("qmail",
        "from unknown (HELO mail.example.com) (203.0.113.50)\n  by mx.example.net with SMTP; 29 "
        "Aug 2023 16:20:12 -0000",
        {{"fromName", "unknown"},
         {"fromRdns", ""},
         {"fromHelo", "mail.example.com"},
         {"heloCommand", "HELO"},
         {"fromIp", "203.0.113.50"},
         {"protocol", "SMTP"},
         {"completeness", "full"}});
    row("qmail-ident",
        "from host.example.com (HELO laptop) (joe@198.51.100.4) by mx.example.net with SMTP; 29 "
        "Aug 2023 16:20:12 -0000",
        {{"fromRdns", "host.example.com"}, {"ident", "joe"}, {"fromIp", "198.51.100.4"}});
    row("qmail-queue", "(qmail 12345 invoked from network); 29 Aug 2023 16:20:12 -0000",
        {{"fromName", ""},
         {"by", ""},
         {"date", "2023-08-29T16:20:12Z"},
         {"completeness", "partial"}});
    row("qpsmtpd",
        "from host.example.com (HELO mail.example.com) (198.51.100.7) by mx.example.net "
        "(qpsmtpd/0.96) with ESMTPSA; Tue, 29 Aug 2023 16:20:12 -0400",
        {{"fromRdns", "host.example.com"},
         {"fromHelo", "mail.example.com"},
         {"fromIp", "198.51.100.7"},
         {"authenticated", "true"},
         {"tls", "true"},
         {"date", "2023-08-29T20:20:12Z"},
         {"offset", "-14400"},
         {"completeness", "full"}});
    row("exchange",
        "from EXCH01.corp.example.com (10.0.0.5) by EXCH02.corp.example.com (10.0.0.6) with "
        "Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id "
        "15.1.2507.27; Tue, 29 Aug 2023 16:20:12 +0000",
        {{"fromName", "EXCH01.corp.example.com"},
         {"fromIp", "10.0.0.5"},
         {"by", "EXCH02.corp.example.com"},
         {"byIp", "10.0.0.6"},
         {"with", "Microsoft SMTP Server"},
         {"protocol", "SMTP"},
         {"tlsVersion", "TLSv1.2"},
         {"tlsCipher", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"},
         {"id", "15.1.2507.27"},
         {"completeness", "full"}});
    row("microsoft-365-frontend",
        "from mail.example.com (192.0.2.60) by BN8NAM11FT012.mail.protection.outlook.com "
        "(10.13.177.123) with Microsoft SMTP Server (version=TLS1_3, "
        "cipher=TLS_AES_256_GCM_SHA384) id 15.20.6699.21 via Frontend Transport; Tue, 29 Aug 2023 "
        "16:20:12 +0000",
        {{"fromIp", "192.0.2.60"},
         {"via", "Frontend Transport"},
         {"tlsVersion", "TLSv1.3"},
         {"id", "15.20.6699.21"},
         {"completeness", "full"}});
    row("microsoft-365-ipv6",
        "from AM6PR04MB1234.eurprd04.prod.outlook.com (2001:db8:20b:12::34) by "
        "DB9PR04MB5678.eurprd04.prod.outlook.com (2001:db8:10:2c3::12) with Microsoft SMTP Server "
        "(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.6699.27; Tue, 29 "
        "Aug 2023 16:20:12 +0000",
        {{"fromIp", "2001:db8:20b:12::34"},
         {"byIp", "2001:db8:10:2c3::12"},
         {"completeness", "full"}});
    row("microsoft-mapi",
        "from DB6PR07MB3286.eurprd07.prod.outlook.com ([fe80::ccea:aa3a:fbcf:883f]) by "
        "DB6PR07MB3286.eurprd07.prod.outlook.com ([fe80::ccea:aa3a:fbcf:883f%6]) with mapi id "
        "15.20.1164.0; Thu, 13 Sep 2018 14:47:44 +0000",
        {{"fromIp", "fe80::ccea:aa3a:fbcf:883f"},
         {"byIp", "fe80::ccea:aa3a:fbcf:883f"},
         {"protocol", "MAPI"},
         {"completeness", "full"}});
    row("gmail-mx",
        "from mail-sor-f41.google.com (mail-sor-f41.google.com. [198.51.100.41])\r\n        by "
        "mx.google.com with SMTPS id x12-20020a170902e54c00b001bc2a1b2c3dsor1234567plx.41.2023."
        "08.29.09.20.12\r\n        for <user@example.com>\r\n        (Google Transport "
        "Security);\r\n        Tue, 29 Aug 2023 09:20:12 -0700 (PDT)",
        {{"fromRdns", "mail-sor-f41.google.com"},
         {"fromIp", "198.51.100.41"},
         {"protocol", "SMTPS"},
         {"tls", "true"},
         {"for", "user@example.com"},
         {"date", "2023-08-29T16:20:12Z"},
         {"completeness", "full"}});
    row("gmail-internal",
        "by 2001:db8:6a10:1234:b0:4a1:2345:6789 with SMTP id abc123csp1234567;\r\n        Tue, 29 "
        "Aug 2023 09:20:12 -0700 (PDT)",
        {{"by", "2001:db8:6a10:1234:b0:4a1:2345:6789"},
         {"fromName", ""},
         {"completeness", "partial"}});
    row("gmail-submission",
        "from [192.168.1.2] ([203.0.113.5]) by smtp.gmail.com with ESMTPSA id "
        "a1-20020a05600c000100b003fe1234sm1234567wmb.12.2023.08.29.09.20.11 for "
        "<user@example.com> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); Tue, 29 "
        "Aug 2023 09:20:12 -0700 (PDT)",
        {{"fromName", "192.168.1.2"},
         {"fromIp", "203.0.113.5"},
         {"fromIpFromName", "false"},
         {"authenticated", "true"},
         {"tlsVersion", "TLSv1.3"},
         {"completeness", "full"}});
    row("yahoo-webmail",
        "from 203.0.113.80 by sonic301.consmr.mail.ne1.yahoo.com with HTTP; Tue, 29 Aug 2023 "
        "16:20:12 +0000",
        {{"fromIp", "203.0.113.80"},
         {"fromIpFromName", "true"},
         {"protocol", "HTTP"},
         {"completeness", "full"}});
    row("yahoo-smtp-auth",
        "from unknown (HELO laptop) (user@198.51.100.9 with login) by "
        "smtp111.mail.ne1.yahoo.com with SMTP; 17 Jan 2011 08:23:27 -0800 PST",
        {{"fromIp", "198.51.100.9"},
         {"authUser", "user"},
         {"authMechanism", "LOGIN"},
         {"ident", ""},
         {"authenticated", "true"},
         {"offset", "-28800"}});
    row("amazon-ses",
        "from e226-55.smtp-out.us-east-2.amazonses.com (e226-55.smtp-out.us-east-2.amazonses.com."
        " [198.51.100.55]) by mx.example.net with ESMTPS id ab12cd34ef56 for <user@example.net> "
        "(version=TLS1_2 cipher=ECDHE-ECDSA-AES128-GCM-SHA256 bits=128/128); Tue, 29 Aug 2023 "
        "16:20:12 +0000",
        {{"fromRdns", "e226-55.smtp-out.us-east-2.amazonses.com"},
         {"fromIp", "198.51.100.55"},
         {"tlsCipher", "ECDHE-ECDSA-AES128-GCM-SHA256"},
         {"completeness", "full"}});
    row("sendgrid",
        "from MjA3NDc4Mg (unknown) by geopod-ismtpd-3 (SG) with HTTP id aqHKNX2kSp-HiqspAa-uvw "
        "for <email@example.com>; Thu, 02 Apr 2020 07:53:55.516 +0000 (UTC)",
        {{"fromName", "MjA3NDc4Mg"},
         {"fromRdns", ""},
         {"by", "geopod-ismtpd-3"},
         {"protocol", "HTTP"},
         {"date", "2020-04-02T07:53:55Z"},
         {"completeness", "full"}});
    row("mailgun",
        "from mail-yw1-f170.example.com (mail-yw1-f170.example.com [198.51.100.170]) by "
        "2a3d1f8c5b7e with SMTP id 64ef1234abcd5678ef901234 (version=TLS1.3, "
        "cipher=TLS_AES_128_GCM_SHA256); Wed, 30 Aug 2023 12:00:00 GMT",
        {{"by", "2a3d1f8c5b7e"},
         {"id", "64ef1234abcd5678ef901234"},
         {"tlsVersion", "TLSv1.3"},
         {"tlsCipher", "TLS_AES_128_GCM_SHA256"},
         {"completeness", "full"}});
    row("mailgun-http",
        "by 7a1f0e2d3c4b with HTTP id 64ef1234abcd5678ef901235; Wed, 30 Aug 2023 12:00:00 GMT",
        {{"by", "7a1f0e2d3c4b"}, {"protocol", "HTTP"}, {"completeness", "partial"}});
    row("courier",
        "from host.example.com (host.example.com [::ffff:192.0.2.77])\n  (AUTH: LOGIN "
        "alice@example.com, TLS: TLSv1/SSLv3,256bits,AES256-SHA)\n  by mail.example.net with "
        "ESMTPSA; Tue, 29 Aug 2023 16:20:12 +0000",
        {{"fromIp", "192.0.2.77"},
         {"fromIpMapped", "true"},
         {"authUser", "alice@example.com"},
         {"authMechanism", "LOGIN"},
         {"tlsVersion", "TLSv1.0"},
         {"tlsCipher", "AES256-SHA"},
         {"completeness", "full"}});
    row("communigate",
        "from [192.0.2.90] (account alice@example.com HELO [192.168.1.104]) by mail.example.net "
        "(CommuniGate Pro SMTP 6.3.5) with ESMTPSA id 12345678 for bob@example.net; Tue, 29 Aug "
        "2023 16:20:12 +0300",
        {{"fromIp", "192.0.2.90"},
         {"fromIpFromName", "true"},
         {"fromHelo", "192.168.1.104"},
         {"authUser", "alice@example.com"},
         {"for", "bob@example.net"},
         {"completeness", "full"}});
    row("zimbra-lmtp",
        "from zimbra.example.com (LHLO zimbra.example.com) (192.0.2.15) by zimbra.example.com "
        "with LMTP; Tue, 29 Aug 2023 16:20:12 +0200 (CEST)",
        {{"heloCommand", "LHLO"},
         {"fromHelo", "zimbra.example.com"},
         {"protocol", "LMTP"},
         {"fromIp", "192.0.2.15"},
         {"completeness", "full"}});
    row("haraka",
        "from mail.example.com (mail.example.com [192.0.2.33])\r\n\tby mx.example.net "
        "(Haraka/3.0.2) with ESMTPS id 4F1B2C3D-5E6F-4A7B-8C9D-0E1F2A3B4C5D.1\r\n\tenvelope-from "
        "<sender@example.com>\r\n\ttls TLS_AES_256_GCM_SHA384;\r\n\tTue, 29 Aug 2023 16:20:12 "
        "+0000",
        {{"fromIp", "192.0.2.33"},
         {"id", "4F1B2C3D-5E6F-4A7B-8C9D-0E1F2A3B4C5D.1"},
         {"envelopeFrom", "sender@example.com"},
         {"tlsCipher", "TLS_AES_256_GCM_SHA384"},
         {"completeness", "full"}});
    row("lotus-domino",
        "from mail.example.com ([192.0.2.120]) by domino1.example.net (Lotus Domino Release "
        "8.5.3FP6) with ESMTP id 2023082916201234-5678 ; Tue, 29 Aug 2023 16:20:12 +0200",
        {{"fromIp", "192.0.2.120"},
         {"by", "domino1.example.net"},
         {"id", "2023082916201234-5678"},
         {"completeness", "full"}});
    row("iis-smtpsvc",
        "from mail.example.com ([192.0.2.130]) by web01.example.net with Microsoft "
        "SMTPSVC(7.5.7601.17514);\r\n\t Tue, 29 Aug 2023 09:20:12 -0700",
        {{"fromIp", "192.0.2.130"},
         {"with", "Microsoft SMTPSVC"},
         {"protocol", "SMTP"},
         {"completeness", "full"}});

    // IPv6 forms, comments, broken stamps.
    row("ipv6-zone-id",
        "from fe80host ([fe80::1%eth0]) by mx.example.net with ESMTP; Tue, 29 Aug 2023 16:20:12 "
        "+0000",
        {{"fromIp", "fe80::1"}, {"fromIpZone", "eth0"}});
    row("ipv6-mapped",
        "from h (h.example.com [::ffff:203.0.113.9]) by mx.example.net with ESMTP; Tue, 29 Aug "
        "2023 16:20:12 +0000",
        {{"fromIp", "203.0.113.9"}, {"fromIpMapped", "true"}, {"fromRdns", "h.example.com"}});
    row("ipv6-rfc5952",
        "from h (h.example.com [IPv6:2001:0DB8:0000:0000:0001:0000:0000:0001]) by x.example.net; "
        "Tue, 29 Aug 2023 16:20:12 +0000",
        {{"fromIp", "2001:db8::1:0:0:1"}});
    row("nested-comments",
        "from a.example.com (a.example.com [192.0.2.1] (may be (really) forged)) (comment "
        "(with (deep) nesting)) by b.example.net with ESMTP; Tue, 29 Aug 2023 16:20:12 +0000",
        {{"fromIp", "192.0.2.1"}, {"by", "b.example.net"}, {"completeness", "full"}});
    row("missing-semicolon",
        "from a.example.com ([192.0.2.2]) by b.example.net with ESMTP id 1234 Tue, 29 Aug 2023 "
        "16:20:12 +0000",
        {{"with", "ESMTP"},
         {"id", "1234"},
         {"date", "2023-08-29T16:20:12Z"},
         {"completeness", "full"}});
    row("date-am-pm", "from a.example.com ([192.0.2.3]) by b.example.net; Tue, 29 Aug 2023 4:20 PM",
        {{"date", "2023-08-29T16:20:00Z"}});
    row("date-invalid-day",
        "from a.example.com ([192.0.2.4]) by b.example.net; Tue, 32 Aug 2023 16:20:12 +0000",
        {{"date", "-"}, {"by", "b.example.net"}, {"completeness", "partial"}});
    row("date-iso", "by b.example.net; 2023-08-29T16:20:12+02:00",
        {{"date", "2023-08-29T14:20:12Z"}, {"offset", "7200"}});
    row("unknown-format", "something odd [192.0.2.99] happened; Tue, 29 Aug 2023 16:20:12 +0000",
        {{"fromIp", "192.0.2.99"}, {"date", "2023-08-29T16:20:12Z"}, {"completeness", "partial"}});
    row("garbage", "!!!@@@ ### $$$ %%% ^^^", {{"completeness", "none"}});
    row("empty", "", {{"completeness", "none"}});
    row("control-bytes", "\x01\x02\x7f\xff\xfe\x00\x1b[31m", {{"completeness", "none"}});
    row("unbalanced", "((((( [[[[ <<<< \"\"\" )]>", {{"completeness", "none"}});
    row("unbalanced-from",
        "from a.example.com (a.example.com [192.0.2.5] by b.example.net; Tue, 29 Aug 2023 "
        "16:20:12 +0000",
        {{"fromName", "a.example.com"}, {"by", "b.example.net"}, {"completeness", "full"}});
}

void TestReceivedParser::formats()
{
    QFETCH(Row, row);
    const ReceivedHop hop = parseReceived(row.raw);
    QVERIFY(!row.expect.isEmpty());
    for (auto it = row.expect.cbegin(); it != row.expect.cend(); ++it)
        QCOMPARE(QString(it.key() + QLatin1Char('=') + field(hop, it.key())),
                 QString(it.key() + QLatin1Char('=') + it.value()));
}

void TestReceivedParser::hostileInputFinishesQuickly_data()
{
    QTest::addColumn<QByteArray>("raw");
    const int mb = 1 << 20;
    QTest::newRow("1MB-word") << QByteArray("from ") + QByteArray(mb, 'a');
    QTest::newRow("1MB-open-parens") << QByteArray(mb, '(');
    QTest::newRow("1MB-nested-parens") << QByteArray(mb / 2, '(') + QByteArray(mb / 2, ')');
    QTest::newRow("1MB-open-brackets") << QByteArray(mb, '[');
    QTest::newRow("1MB-quotes-escapes") << QByteArray("\"\\").repeated(mb / 2);
    QTest::newRow("1MB-angles") << QByteArray("<a").repeated(mb / 2);
    QTest::newRow("1MB-semicolons") << QByteArray("; ").repeated(mb / 2);
    QTest::newRow("1MB-clauses")
        << QByteArray("from a.example.com ([192.0.2.1]) by b.example.net with ESMTP id x ")
               .repeated(mb / 64);
    QTest::newRow("1MB-dates") << QByteArray("Tue, 29 Aug 2023 16:20:12 +0000 ").repeated(mb / 32);
}

void TestReceivedParser::hostileInputFinishesQuickly()
{
    QFETCH(QByteArray, raw);
    QElapsedTimer timer;
    timer.start();
    const ReceivedHop hop = parseReceived(raw);
    // Generous for a Debug build on a loaded machine; the point is "linear", not a benchmark.
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(hop.raw.size(), raw.size());
}

void TestReceivedParser::chainDelays()
{
    const QList<QByteArray> chain = {
        "from b.example.net ([192.0.2.2]) by c.example.net with ESMTP; Tue, 29 Aug 2023 "
        "16:20:30 +0000",
        "from a.example.com ([192.0.2.1]) by b.example.net with ESMTP; Tue, 29 Aug 2023 "
        "18:20:10 +0200",
        // Dated after the hop above it: time runs backwards, kept negative.
        "from x.example.org ([203.0.113.1]) by a.example.com with ESMTP; Tue, 29 Aug 2023 "
        "16:25:00 +0000",
        "from y by x.example.org; no date here",
        "from z by y; Tue, 29 Aug 2023 16:00:00 +0000",
    };
    const QList<ReceivedHop> hops = parseReceivedChain(chain);
    QCOMPARE(hops.size(), 5);
    QVERIFY(hops[0].delayValid);
    QCOMPARE(hops[0].delaySeconds, 20);
    QVERIFY(!hops[0].delayNegative);
    QVERIFY(hops[1].delayValid);
    QCOMPARE(hops[1].delaySeconds, -290);
    QVERIFY(hops[1].delayNegative);
    QVERIFY(!hops[2].delayValid); // the hop below has no date
    QVERIFY(!hops[3].delayValid);
    QVERIFY(!hops[4].delayValid); // the oldest hop has nothing below it
}

void TestReceivedParser::rawIsKept()
{
    const QByteArray raw = "from a (b [192.0.2.1])\r\n\tby c; Tue, 29 Aug 2023 16:20:12 +0000\r\n";
    QCOMPARE(parseReceived(raw).raw, raw);
}

QTEST_GUILESS_MAIN(TestReceivedParser)
#include "tst_received_parser.moc"
