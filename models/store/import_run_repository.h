#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

class CaseStore;

struct RejectionRecord
{
    QString path;
    int index = -1; // mbox position, -1 when the whole file was rejected
    QString reason;
};

struct ImportRunRecord
{
    qint64 id = 0;
    QDateTime startedAt;  // UTC
    QDateTime finishedAt; // UTC; invalid while running or when the process died mid-run
    QStringList paths;
    int imported = 0;
    int duplicates = 0;
    int rejected = 0;
    bool cancelled = false;
};

// The record of each import: what was asked, what came of it, and every rejected input with
// its reason, so that nothing an analyst dropped onto the window disappears silently.
class ImportRunRepository
{
public:
    explicit ImportRunRepository(CaseStore &store);

    Result<qint64> start(const QStringList &paths);
    Status addRejections(qint64 runId, const QList<RejectionRecord> &rejections);
    // Also appends the run's audit entry (counts and the first rejections), in one transaction
    // with the run's record: one entry per run, never per message.
    Status finish(qint64 runId, int imported, int duplicates, int rejected, bool cancelled);

    Result<QList<ImportRunRecord>> runs() const;
    Result<QList<RejectionRecord>> rejections(qint64 runId) const;

private:
    CaseStore &m_store;
};

} // namespace Awb
