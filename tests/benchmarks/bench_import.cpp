// bench_import [MBOX|DIR...]: the import pipeline against GMime's bare parse of the same input.
// Without arguments it writes a synthetic mailbox (20,000 messages with multipart bodies) to a
// temporary folder. Prints messages per second for: reading alone, reading + parse on one core,
// and the whole pipeline into a fresh case database; the target is the pipeline within 2x of the
// bare parse.
#include "mail/mail_message.h"
#include "mail/message_sources.h"
#include "pipeline/import_pipeline.h"
#include "store/case_store.h"
#include "test_mail_factory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Awb;

namespace {

QByteArray multipartMessage(int n)
{
    const QByteArray number = QByteArray::number(n);
    QByteArray text;
    for (int i = 0; i < 40; ++i)
        text += "Line " + QByteArray::number(i) + " of a typical promotional text body.\n";
    return "From abuse@example.net Tue Nov  3 10:00:00 2026\n"
           "Received: from mx.example.net (mx.example.net [192.0.2.25])\n"
           "\tby mail.example.org (Postfix) with ESMTPS id 4F" +
           number +
           ";\n"
           "\tTue, 3 Nov 2026 10:00:00 +0000\n"
           "Received: from [203.0.113.12] (helo=mail.northwind-deals.example)\n"
           "\tby mx.example.net with esmtp (Exim 4.96)\n"
           "\tid 1q" +
           number +
           "; Tue, 03 Nov 2026 09:59:58 +0000\n"
           "From: =?UTF-8?B?TsO8cnRod2luZCBEZWFscw==?= <offers@northwind-deals.example>\n"
           "To: someone@example.org\n"
           "Subject: =?UTF-8?Q?Special_offer_n=C2=B0_" +
           number +
           "?=\n"
           "Date: Tue, 3 Nov 2026 09:59:57 +0000\n"
           "Message-ID: <" +
           number +
           ".bench@northwind-deals.example>\n"
           "MIME-Version: 1.0\n"
           "Content-Type: multipart/alternative; boundary=\"b" +
           number +
           "\"\n"
           "\n"
           "--b" +
           number + "\nContent-Type: text/plain; charset=utf-8\n\n" + text + "--b" + number +
           "\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>" + text +
           "</p></body></html>\n--b" + number + "--\n\n";
}

struct Timing
{
    qint64 messages = 0;
    qint64 bytes = 0;
    double seconds = 0;
};

Timing readOnly(const QStringList &paths, bool parse)
{
    Timing t;
    QElapsedTimer timer;
    timer.start();
    const SourcePlan plan = planSources(paths);
    for (const SourceFile &file : plan.files) {
        readSource(
            file,
            [&](RawMessage &&message) {
                ++t.messages;
                t.bytes += message.bytes.size();
                if (parse) {
                    auto parsed = MailMessage::parse(message.bytes);
                    // The whole GMime parse and MIME walk, as the import's analysis needs it.
                    if (parsed)
                        (void)parsed->mimeParts();
                }
                return true;
            },
            [](SourceError &&) {});
    }
    t.seconds = timer.nsecsElapsed() / 1e9;
    return t;
}

void print(QTextStream &out, const char *label, const Timing &t)
{
    out << QString::fromLatin1(label).leftJustified(34) << QString::number(t.seconds, 'f', 3)
        << " s  " << QString::number(t.messages / t.seconds, 'f', 0).rightJustified(8) << " msg/s  "
        << QString::number(t.bytes / t.seconds / 1e6, 'f', 1) << " MB/s\n";
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    QStringList paths = app.arguments().mid(1);
    if (paths.isEmpty()) {
        const int count = qEnvironmentVariableIntValue("AWB_BENCH_COUNT") > 0
                              ? qEnvironmentVariableIntValue("AWB_BENCH_COUNT")
                              : 20000;
        QByteArray mbox;
        for (int i = 0; i < count; ++i)
            mbox += multipartMessage(i);
        const QString path = dir.filePath(QStringLiteral("bench.mbox"));
        AwbTest::writeFile(path, mbox);
        paths << path;
        out << "synthetic mailbox: " << count << " messages, " << mbox.size() / 1e6 << " MB\n";
    }

    readOnly(paths, false); // warm the page cache
    const Timing read = readOnly(paths, false);
    const Timing parse = readOnly(paths, true);

    auto store = CaseStore::open(dir.filePath(QStringLiteral("bench.awbcase")));
    if (!store) {
        out << store.error() << '\n';
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    auto summary = ImportPipeline().run(**store, paths);
    Timing pipeline;
    pipeline.seconds = timer.nsecsElapsed() / 1e9;
    pipeline.messages = summary ? summary->imported + summary->duplicates : 0;
    pipeline.bytes = read.bytes;

    print(out, "read (mbox split) only", read);
    print(out, "read + GMime parse and MIME walk, one core", parse);
    print(out, "import pipeline into SQLite", pipeline);
    out << "pipeline / bare parse time: "
        << QString::number(pipeline.seconds / parse.seconds, 'f', 2) << "x (target: at most 2x)\n";
    return summary ? 0 : 1;
}
