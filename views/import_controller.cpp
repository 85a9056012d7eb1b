#include "import_controller.h"

#include "store/case_store.h"
#include "store/desk_identity.h"

#include <QSettings>
#include <QThread>

namespace Awb {

ImportController::ImportController(QObject *parent)
    : QObject(parent)
{}

ImportController::~ImportController()
{
    m_queue.clear();
    if (m_worker) {
        m_cancel = true;
        m_worker->wait();
        delete m_worker;
    }
}

void ImportController::setDatabasePath(const QString &path)
{
    m_databasePath = path;
}

void ImportController::setTrustSettings(const TrustSettings &trust)
{
    m_trust = trust;
}

void ImportController::enqueue(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_queue.append(paths);
    if (!m_worker)
        startNext();
}

void ImportController::cancel()
{
    m_queue.clear();
    m_cancel = true;
}

bool ImportController::isRunning() const
{
    return m_worker != nullptr;
}

void ImportController::startNext()
{
    if (m_queue.isEmpty())
        return;
    const QStringList paths = m_queue.takeFirst();
    const QString databasePath = m_databasePath;
    ImportPipeline::Options options;
    options.trust = m_trust;
    m_cancel = false;
    m_outcome.reset();

    // The callbacks run on the worker; each hands its data to this thread by a queued call, so
    // the window sees batches (one model insertion per committed batch), never single rows.
    const QString actor = analystOrUser(QSettings());
    m_worker = QThread::create([this, paths, databasePath, options, actor] {
        auto store = CaseStore::open(databasePath);
        if (!store) {
            m_outcome = Result<ImportSummary>(Error{store.error()});
            return;
        }
        (*store)->setActor(actor); // the import's audit entry names the analyst
        ImportPipeline pipeline(options);
        pipeline.setProgressCallback([this](const ImportProgress &progress) {
            QMetaObject::invokeMethod(
                this, [this, progress] { Q_EMIT progressChanged(progress); }, Qt::QueuedConnection);
        });
        pipeline.setCommittedCallback([this](const QList<MessageSummary> &summaries) {
            QMetaObject::invokeMethod(
                this, [this, summaries] { Q_EMIT messagesCommitted(summaries); },
                Qt::QueuedConnection);
        });
        m_outcome = pipeline.run(**store, paths, &m_cancel);
    });
    connect(m_worker, &QThread::finished, this, &ImportController::onWorkerDone);
    Q_EMIT started(paths);
    m_worker->start();
}

void ImportController::onWorkerDone()
{
    m_worker->deleteLater();
    m_worker = nullptr;
    if (m_outcome && m_outcome->ok())
        Q_EMIT finished(m_outcome->value());
    else
        Q_EMIT failed(m_outcome ? m_outcome->error() : tr("The import stopped unexpectedly."));
    m_outcome.reset();
    startNext();
}

} // namespace Awb
