#include "notice_fixtures.h"

#include "mail/mail_message.h"

#include <QCryptographicHash>
#include <QFile>

#include <algorithm>

using namespace Awb;

namespace AwbTest {

namespace {

QString demoReport(const QString &name)
{
    return QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/") + name;
}

} // namespace

QString demoReportSha256(const QString &name)
{
    QFile file(demoReport(name));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(unreadable %1)").arg(name);
    return QString::fromLatin1(
        QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

// Clause texts as the policy of 10 December 2025 words them.
NoticeClause policyClause(const QString &id)
{
    struct Text
    {
        const char *id;
        const char *title;
        const char *text;
    };
    static const Text texts[] = {
        {"3.1", "Email Abuse",
         "- Sending spam, UCE, or UBE to recipients without explicit opt-in consent.\n"
         "- Harvesting email addresses via scraping, bots, or unauthorized collection.\n"
         "- Email bombing (overwhelming recipients or systems with message volume).\n"
         "- Using IX.CM mail servers as unauthorized relays."},
        {"3.2", "Deceptive Practices",
         "- Forging email headers, sender addresses, or routing information.\n"
         "- Using misleading subject lines.\n"
         "- Impersonating legitimate entities in email communications."},
        {"3.3", "Infrastructure Impact",
         "- Any activity causing IX.CM IP addresses or ASN to be blacklisted.\n"
         "- Operating email-sending botnets or compromised systems.\n"
         "- Excessive sending rates that trigger spam filters or degrade network performance."},
        {"4.2", "Message Standards",
         "- Accurate sender information in all headers.\n"
         "- Clear, non-deceptive subject lines.\n"
         "- Physical postal address in message body.\n"
         "- Functional unsubscribe mechanism in every message.\n"
         "- Process opt-out requests within 10 business days."},
        {"4.3", "Technical Limits",
         "- Bounce rate must not exceed **5%** per campaign.\n"
         "- Implement rate limiting to avoid filter triggers.\n"
         "- Immediately remove invalid addresses."},
        {"6.2", "Financial Liability",
         "If your activity causes IX.CM infrastructure blacklisting:\n"
         "- Minimum penalty: **USD $15** per incident\n"
         "- Additional charges for:\n"
         "  - Delisting fees\n"
         "  - IP reputation remediation costs\n"
         "  - Administrative overhead\n"
         "  - Legal fees (if applicable)"},
    };
    for (const Text &t : texts) {
        if (id == QLatin1String(t.id)) {
            const QString title = QString::fromUtf8(t.title);
            return {id, title, QString::fromUtf8(t.text),
                    QStringLiteral("Anti-Spam Policy, section %1 (%2), version of 10 December 2025")
                        .arg(id, title)};
        }
    }
    return {id, {}, {}, {}};
}

QString embeddedOriginalHeaders(const QString &reportFileName)
{
    QFile file(demoReport(reportFileName));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    auto report = MailMessage::parse(file.readAll());
    if (!report)
        return {};
    const QList<MimePartInfo> parts = report->mimeParts();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts.at(i).contentType == u"message/rfc822") {
            auto original = MailMessage::parse(report->partContent(i));
            return original ? QString::fromUtf8(original->rawHeaderBlock()) : QString();
        }
    }
    return {};
}

QStringList demoReporterIdentities()
{
    return {QStringLiteral("pat.reader@example.net"),
            QStringLiteral("fbl-noreply@fbl.example.net"),
            QStringLiteral("lee.mailbox@hotmail.example"),
            QStringLiteral("staff@hotmail.example"),
            QStringLiteral("192.0.2.77"),
            QStringLiteral("Jordan Vale"),
            QStringLiteral("j.vale@lakeside.example.org"),
            QStringLiteral("itso@lakeside.example.org"),
            QStringLiteral("IT Security Office"),
            QStringLiteral("staff-all@lakeside.example.org"),
            QStringLiteral("hello@orchardlane.example"),
            QStringLiteral("Orchard Lane Florist")};
}

bool matchesGolden(const QString &name, const QByteArray &actual, QString *message)
{
    const QString path = QStringLiteral(AWB_TEST_DATA "/notices/") + name;
    QFile file(path);
    if (qEnvironmentVariableIntValue("AWB_UPDATE_GOLDENS") == 1) {
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *message = path + QStringLiteral(": cannot write: ") + file.errorString();
            return false;
        }
        file.write(actual);
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *message = path + QStringLiteral(": missing (run tests/update-notice-goldens.sh)");
        return false;
    }
    const QByteArray expected = file.readAll();
    if (expected == actual)
        return true;
    const QList<QByteArray> want = expected.split('\n');
    const QList<QByteArray> got = actual.split('\n');
    for (qsizetype i = 0; i < std::max(want.size(), got.size()); ++i) {
        const QByteArray w = want.value(i, "(end of file)");
        const QByteArray g = got.value(i, "(end of file)");
        if (w != g) {
            *message = QStringLiteral("%1, line %2:\n  expected: %3\n  actual:   %4")
                           .arg(path)
                           .arg(i + 1)
                           .arg(QString::fromUtf8(w), QString::fromUtf8(g));
            break;
        }
    }
    return false;
}

NoticeEnvelope envelopeFixture(const NoticeData &data)
{
    NoticeEnvelope envelope;
    envelope.messageId = QStringLiteral("<%1.%2.1@ix.cm>").arg(data.caseId, data.type);
    return envelope;
}
} // namespace AwbTest
