#include "import_run_repository.h"

#include "audit_log.h"
#include "case_store.h"
#include "sqlite_statement.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Awb {

namespace {

constexpr const char kStart[] = "INSERT INTO import_runs (started_at, paths) VALUES (?1, ?2)";
constexpr const char kAddRejection[] =
    "INSERT INTO import_rejections (run_id, path, mbox_index, reason) VALUES (?1, ?2, ?3, ?4)";
constexpr const char kFinish[] =
    "UPDATE import_runs SET finished_at = ?2, imported = ?3, duplicates = ?4, rejected = ?5,"
    " cancelled = ?6 WHERE id = ?1";
constexpr const char kRuns[] =
    "SELECT id, started_at, finished_at, paths, imported, duplicates, rejected, cancelled"
    " FROM import_runs ORDER BY id";
constexpr const char kRejections[] =
    "SELECT path, mbox_index, reason FROM import_rejections WHERE run_id = ?1 ORDER BY id";
constexpr const char kRunPaths[] = "SELECT paths FROM import_runs WHERE id = ?1";
// The audit entry of a run names its first rejections; the run's own table keeps them all.
constexpr const char kFirstRejections[] =
    "SELECT path, mbox_index, reason FROM import_rejections WHERE run_id = ?1 ORDER BY id"
    " LIMIT 20";

// The paths are one JSON array of strings: any file name survives, commas and newlines included.
QString pathsToJson(const QStringList &paths)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(paths)).toJson(QJsonDocument::Compact));
}

QStringList pathsFromJson(const QString &json)
{
    QStringList paths;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array)
        paths << value.toString();
    return paths;
}

QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::ImportRunRepository)
};

// The rows of a one-parameter query on the run, as JSON values made by `read`.
template <typename Read>
Result<QJsonArray> runRows(CaseStore &store, const char *sql, qint64 runId, Read read)
{
    Result<SqliteStatement *> query = store.statementCache().get(sql);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    (*query)->bindInt64(1, runId);
    QJsonArray rows;
    for (;;) {
        Result<bool> row = (*query)->step();
        if (!row)
            return Error{row.error()};
        if (!*row)
            return rows;
        rows.append(read(**query));
    }
}

// One audit entry per run, written when the run is finished: what was asked, what came of it,
// the first rejections. Never one per message: a run of 6,000 messages is one entry.
Status auditRun(CaseStore &store, qint64 runId, const QDateTime &at, int imported, int duplicates,
                int rejected, bool cancelled)
{
    Result<QJsonArray> paths = runRows(store, kRunPaths, runId, [](const SqliteStatement &row) {
        return QJsonDocument::fromJson(row.text(0).toUtf8()).array();
    });
    if (!paths)
        return Error{paths.error()};
    Result<QJsonArray> rejections =
        runRows(store, kFirstRejections, runId, [](const SqliteStatement &row) {
            return QJsonObject{{QStringLiteral("path"), row.text(0)},
                               {QStringLiteral("index"), row.int64(1) < 0
                                                             ? QJsonValue(QJsonValue::Null)
                                                             : QJsonValue(row.int64(1))},
                               {QStringLiteral("reason"), row.text(2)}};
        });
    if (!rejections)
        return Error{rejections.error()};
    AuditEntryInput entry;
    entry.action = QStringLiteral("import");
    entry.subject = Tr::tr("import run %1").arg(runId);
    entry.what =
        (cancelled ? Tr::tr("Import run %1 cancelled: %2 messages stored, %3 duplicates, %4 "
                            "rejected.")
                   : Tr::tr("Import run %1 finished: %2 messages stored, %3 duplicates, %4 "
                            "rejected."))
            .arg(runId)
            .arg(imported)
            .arg(duplicates)
            .arg(rejected);
    entry.details = QJsonObject{
        {QStringLiteral("run"), runId},
        {QStringLiteral("paths"), paths->isEmpty() ? QJsonArray() : paths->first().toArray()},
        {QStringLiteral("imported"), imported},
        {QStringLiteral("duplicates"), duplicates},
        {QStringLiteral("rejected"), rejected},
        {QStringLiteral("cancelled"), cancelled},
        {QStringLiteral("rejections"), *rejections},
        {QStringLiteral("rejections_not_listed"), qMax(0, rejected - int(rejections->size()))}};
    entry.at = at;
    Result<qint64> appended = AuditLog(store).append(entry);
    return appended ? Status::success() : Status(Error{appended.error()});
}

} // namespace

ImportRunRepository::ImportRunRepository(CaseStore &store)
    : m_store(store)
{}

Result<qint64> ImportRunRepository::start(const QStringList &paths)
{
    Result<SqliteStatement *> insert = m_store.statementCache().get(kStart);
    if (!insert)
        return Error{insert.error()};
    (*insert)->bindTimestamp(1, QDateTime::currentDateTimeUtc());
    (*insert)->bindText(2, pathsToJson(paths));
    Status status = (*insert)->exec();
    if (!status)
        return Error{status.error()};
    return (*insert)->lastInsertId();
}

Status ImportRunRepository::addRejections(qint64 runId, const QList<RejectionRecord> &rejections)
{
    Result<SqliteStatement *> insert = m_store.statementCache().get(kAddRejection);
    if (!insert)
        return Error{insert.error()};
    WriteTransaction transaction(static_cast<sqlite3 *>(m_store.nativeHandle()), m_store.path());
    Status status = transaction.begin();
    for (const RejectionRecord &rejection : rejections) {
        if (!status)
            break;
        (*insert)->bindInt64(1, runId);
        (*insert)->bindText(2, nonNull(rejection.path));
        (*insert)->bindInt64(3, rejection.index);
        (*insert)->bindText(4, nonNull(rejection.reason));
        status = (*insert)->exec();
    }
    if (status)
        status = transaction.commit();
    return status; // on error the transaction's destructor rolls back
}

Status ImportRunRepository::finish(qint64 runId, int imported, int duplicates, int rejected,
                                   bool cancelled)
{
    Result<SqliteStatement *> update = m_store.statementCache().get(kFinish);
    if (!update)
        return Error{update.error()};
    WriteTransaction transaction(static_cast<sqlite3 *>(m_store.nativeHandle()), m_store.path());
    Status status = transaction.begin();
    if (!status)
        return status;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    (*update)->bindInt64(1, runId);
    (*update)->bindTimestamp(2, now);
    (*update)->bindInt64(3, imported);
    (*update)->bindInt64(4, duplicates);
    (*update)->bindInt64(5, rejected);
    (*update)->bindInt64(6, cancelled ? 1 : 0);
    status = (*update)->exec();
    if (!status)
        return status;
    if ((*update)->changes() == 0)
        return Error{Tr::tr("The case database “%1” holds no import run with id %2.")
                         .arg(m_store.path())
                         .arg(runId)};
    status = auditRun(m_store, runId, now, imported, duplicates, rejected, cancelled);
    if (status)
        status = transaction.commit();
    return status; // on error the transaction's destructor rolls back
}

Result<QList<ImportRunRecord>> ImportRunRepository::runs() const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kRuns);
    if (!query)
        return Error{query.error()};
    SqliteStatement &statement = **query;
    StatementResetter resetter(statement);
    QList<ImportRunRecord> result;
    for (;;) {
        Result<bool> row = statement.step();
        if (!row)
            return Error{row.error()};
        if (!*row)
            return result;
        ImportRunRecord run;
        run.id = statement.int64(0);
        run.startedAt = statement.timestamp(1);
        run.finishedAt = statement.timestamp(2);
        run.paths = pathsFromJson(statement.text(3));
        run.imported = int(statement.int64(4));
        run.duplicates = int(statement.int64(5));
        run.rejected = int(statement.int64(6));
        run.cancelled = statement.int64(7) != 0;
        result.append(run);
    }
}

Result<QList<RejectionRecord>> ImportRunRepository::rejections(qint64 runId) const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kRejections);
    if (!query)
        return Error{query.error()};
    SqliteStatement &statement = **query;
    StatementResetter resetter(statement);
    statement.bindInt64(1, runId);
    QList<RejectionRecord> result;
    for (;;) {
        Result<bool> row = statement.step();
        if (!row)
            return Error{row.error()};
        if (!*row)
            return result;
        result.append({statement.text(0), int(statement.int64(1)), statement.text(2)});
    }
}

} // namespace Awb
