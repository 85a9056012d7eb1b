// The victim of tst_store_crash: opens a case database, records an import run and inserts
// batches of distinct 4 KB messages until it is killed. After each commit it prints
// "committed N" (N batches so far), so the test knows what must have survived.
//
// Usage: store_crash_writer DATABASE BATCH_SIZE

#include "store/case_store.h"
#include "store/evidence_repository.h"
#include "store/import_run_repository.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <cstdio>

using namespace Awb;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: store_crash_writer DATABASE BATCH_SIZE\n");
        return 2;
    }
    const int batchSize = args.at(2).toInt();
    auto store = CaseStore::open(args.at(1));
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error()));
        return 1;
    }
    ImportRunRepository runs(**store);
    auto runId = runs.start({QStringLiteral("crash.mbox")});
    if (!runId) {
        std::fprintf(stderr, "%s\n", qPrintable(runId.error()));
        return 1;
    }
    EvidenceRepository evidence(**store);
    const QByteArray prefix = QByteArray::number(QCoreApplication::applicationPid()) + '-';
    for (qint64 batchNumber = 1;; ++batchNumber) {
        QList<EvidenceInput> batch;
        for (int i = 0; i < batchSize; ++i) {
            EvidenceInput input;
            const QByteArray key =
                prefix + QByteArray::number(batchNumber) + '-' + QByteArray::number(i);
            input.bytes = "Subject: " + key + "\r\n\r\n" + QByteArray(4096, 'x');
            input.sha256Hex =
                QCryptographicHash::hash(input.bytes, QCryptographicHash::Sha256).toHex();
            input.sourcePath = QStringLiteral("crash.mbox");
            input.sourceIndex = int(batchNumber * batchSize + i);
            input.subject = QString::fromLatin1(key);
            batch << input;
        }
        auto outcomes = evidence.insertBatch(batch, *runId);
        if (!outcomes) {
            std::fprintf(stderr, "%s\n", qPrintable(outcomes.error()));
            return 1;
        }
        std::printf("committed %lld\n", batchNumber);
        std::fflush(stdout);
    }
}
