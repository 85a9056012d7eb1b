#pragma once

#include "analysis/trust_settings.h"
#include "common/result.h"
#include "store/evidence_repository.h"
#include "store/import_run_repository.h"

#include <QList>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Awb {

class CaseStore;

struct ImportProgress
{
    qint64 bytesRead = 0;
    qint64 totalBytes = 0;
    int imported = 0;
    int duplicates = 0;
    int rejected = 0;
};

struct ImportSummary
{
    qint64 runId = 0;
    int imported = 0;
    int duplicates = 0;
    QList<RejectionRecord> rejected;
    bool cancelled = false;
};

// The import as a pipeline: one reader thread walks the sources and streams raw messages, parser
// threads (one per core) parse, hash and analyse them (report recognition, Received chain,
// checks), and the calling thread is the one writer, which
// commits in batches in input order. Each batch is one transaction, so a killed process leaves a
// consistent database and a second import completes the set (stored bytes are skipped as
// duplicates).
class ImportPipeline
{
public:
    struct Options
    {
        int parserThreads = 0;         // 0: one per core
        int batchSize = 1000;          // rows per transaction
        qint64 batchBytes = 64 << 20;  // or this many bytes, whichever comes first
        qint64 queueBytes = 128 << 20; // bytes in flight between the stages
        TrustSettings trust;           // for the analysis of each message
    };

    // Called on the writer (calling) thread after every committed batch.
    using ProgressCallback = std::function<void(const ImportProgress &)>;
    // Called on the writer thread with the rows that the last batch added (not the duplicates).
    using CommittedCallback = std::function<void(const QList<MessageSummary> &)>;

    ImportPipeline();
    explicit ImportPipeline(Options options);

    // The settings with our networks completed from the account directory's IP assignments, so
    // that the trust boundary knows our address space without settings once accounts are
    // imported. A store without accounts (or an older schema) leaves them as they are.
    static TrustSettings withAccountNetworks(TrustSettings trust, CaseStore &store);

    void setProgressCallback(ProgressCallback callback);
    void setCommittedCallback(CommittedCallback callback);

    // Imports `paths` into `store`. Rejected inputs are in the summary and in the store's import
    // run record; the result is an error only when the store itself fails (then the batches
    // committed before the failure stay). `cancel` stops all stages; the messages already parsed
    // in input order are committed, the rest is left for a later import of the same paths.
    Result<ImportSummary> run(CaseStore &store, const QStringList &paths,
                              const std::atomic_bool *cancel = nullptr);

private:
    Options m_options;
    ProgressCallback m_progress;
    CommittedCallback m_committed;
};

} // namespace Awb
