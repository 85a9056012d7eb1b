#pragma once

#include "pipeline/import_pipeline.h"

#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

namespace Awb {

// Runs imports for the window on a worker thread, one at a time; paths given while one runs are
// queued. The worker opens its own connection to the case database (WAL lets the window read
// meanwhile). Every signal is emitted on the thread this object lives in (the GUI thread), so
// slots can touch widgets and models directly.
class ImportController : public QObject
{
    Q_OBJECT

public:
    explicit ImportController(QObject *parent = nullptr);
    ~ImportController() override; // cancels a running import and waits for it

    void setDatabasePath(const QString &path);
    // Used by the imports started after this call.
    void setTrustSettings(const TrustSettings &trust);
    void enqueue(const QStringList &paths);
    void cancel(); // stops the running import (what was parsed is kept) and drops the queue
    bool isRunning() const;

Q_SIGNALS:
    void started(const QStringList &paths);
    void progressChanged(const Awb::ImportProgress &progress);
    void messagesCommitted(const QList<Awb::MessageSummary> &summaries);
    void finished(const Awb::ImportSummary &summary);
    void failed(const QString &message);

private:
    void startNext();
    void onWorkerDone();

    QString m_databasePath;
    TrustSettings m_trust;
    QList<QStringList> m_queue;
    QThread *m_worker = nullptr;
    std::atomic_bool m_cancel{false};
    // Written by the worker before it ends, read on this thread after it has ended.
    std::optional<Result<ImportSummary>> m_outcome;
};

} // namespace Awb
