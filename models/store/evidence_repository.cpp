#include "evidence_repository.h"

#include "case_store.h"
#include "sqlite_statement.h"

#include <QCoreApplication>
#include <QtAlgorithms>

namespace Awb {

namespace {

// The statements are cached per connection (StatementCache keys them by these pointers).
//
// ON CONFLICT(sha256) DO NOTHING rather than INSERT OR IGNORE: OR IGNORE would also swallow a
// CHECK or NOT NULL violation and report it as a duplicate. RETURNING yields a row only when
// the evidence is new, which tells new bytes from known ones without a second query.
constexpr const char kInsertEvidence[] =
    "INSERT INTO evidence (sha256, size, message_id, subject, from_header, date_text, date_utc,"
    " imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    " ON CONFLICT (sha256) DO NOTHING RETURNING id";
constexpr const char kInsertBlob[] =
    "INSERT INTO evidence_blobs (evidence_id, bytes) VALUES (?1, ?2)";
constexpr const char kInsertSource[] =
    "INSERT INTO evidence_sources (evidence_id, path, mbox_index, envelope_from, import_run_id,"
    " imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (evidence_id, path, mbox_index) DO NOTHING";
constexpr const char kIdBySha[] = "SELECT id FROM evidence WHERE sha256 = ?1";
// DO NOTHING: the analysis stored first is the record of what was concluded at import.
constexpr const char kInsertReport[] =
    "INSERT INTO reports (evidence_id, format, format_version, reporter, feedback_type,"
    " claimed_source_ip, claimed_arrival_utc, origin_ip, origin_ours, received_at,"
    " receipt_source, receipt_explanation, response_due, completeness, completeness_summary,"
    " finding_count, top_severity, analysis_json, analysed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
    " ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"
    " ON CONFLICT (evidence_id) DO NOTHING";
constexpr const char kAnalysisJson[] = "SELECT analysis_json FROM reports WHERE evidence_id = ?1";
constexpr const char kCount[] = "SELECT count(*) FROM evidence";
constexpr const char kBytes[] = "SELECT bytes FROM evidence_blobs WHERE evidence_id = ?1";

// "First imported from" is the source recorded first, the lowest evidence_sources id; the
// UNIQUE (evidence_id, ...) index answers the subquery without a scan. The case of a report
// comes from case_reports (evidence_id is UNIQUE there, so the join adds no rows); these tables
// exist from schema 5, and summaries are only read from stores migrated to the latest schema.
#define AWB_SUMMARY_SELECT                                                                         \
    "SELECT e.id, e.sha256, e.size, e.message_id, e.subject, e.from_header, e.date_text,"          \
    " e.date_utc, e.imported_at, s.path, s.mbox_index, r.format, r.reporter, r.received_at,"       \
    " r.response_due, r.completeness, r.completeness_summary, r.origin_ip, r.origin_ours,"         \
    " r.finding_count, r.top_severity, c.public_id, c.account_id FROM evidence e"                  \
    " LEFT JOIN evidence_sources s"                                                                \
    " ON s.id = (SELECT min(id) FROM evidence_sources WHERE evidence_id = e.id)"                   \
    " LEFT JOIN reports r ON r.evidence_id = e.id"                                                 \
    " LEFT JOIN case_reports cr ON cr.evidence_id = e.id"                                          \
    " LEFT JOIN cases c ON c.id = cr.case_id"
constexpr const char kSummariesAfter[] = AWB_SUMMARY_SELECT " WHERE e.id > ?1 ORDER BY e.id";
constexpr const char kSummaryById[] = AWB_SUMMARY_SELECT " WHERE e.id = ?1";
#undef AWB_SUMMARY_SELECT

bool isSha256Hex(const QByteArray &hex)
{
    if (hex.size() != 64)
        return false;
    for (const char c : hex) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

MessageSummary readSummary(const SqliteStatement &row)
{
    MessageSummary summary;
    summary.id = row.int64(0);
    summary.sha256Hex = row.text(1).toLatin1();
    summary.size = row.int64(2);
    summary.messageId = row.text(3);
    summary.subject = row.text(4);
    summary.from = row.text(5);
    summary.dateText = row.text(6);
    summary.date = row.timestamp(7);
    summary.importedAt = row.timestamp(8);
    summary.sourcePath = row.text(9);
    summary.sourceIndex = row.isNull(10) ? -1 : int(row.int64(10));
    if (!row.isNull(11)) {
        summary.reportFormat = row.text(11);
        summary.reporter = row.text(12);
        summary.receivedAt = row.timestamp(13);
        summary.responseDue = row.timestamp(14);
        summary.completenessCount = qPopulationCount(quint32(row.int64(15)));
        summary.completenessSummary = row.text(16);
        summary.originIp = row.text(17);
        summary.originOurs = row.int64(18) != 0;
        summary.findingCount = int(row.int64(19));
        summary.topSeverity = row.text(20);
    }
    if (!row.isNull(21)) {
        summary.casePublicId = row.text(21);
        summary.caseAccountId = row.isNull(22) ? QString() : row.text(22);
    }
    return summary;
}

struct BatchStatements
{
    SqliteStatement *evidence = nullptr;
    SqliteStatement *blob = nullptr;
    SqliteStatement *source = nullptr;
    SqliteStatement *idBySha = nullptr;
    StatementCache *cache = nullptr; // for statements needed only by some batches
};

Result<BatchStatements> batchStatements(StatementCache &cache)
{
    BatchStatements s;
    const std::pair<SqliteStatement **, const char *> wanted[] = {{&s.evidence, kInsertEvidence},
                                                                  {&s.blob, kInsertBlob},
                                                                  {&s.source, kInsertSource},
                                                                  {&s.idBySha, kIdBySha}};
    for (const auto &[slot, sql] : wanted) {
        Result<SqliteStatement *> statement = cache.get(sql);
        if (!statement)
            return Error{statement.error()};
        *slot = *statement;
    }
    s.cache = &cache;
    return s;
}

void bindTextOrNull(SqliteStatement &statement, int index, const QString &text)
{
    if (text.isEmpty())
        statement.bindNull(index);
    else
        statement.bindText(index, text);
}

Status insertReport(SqliteStatement &statement, qint64 evidenceId, const ReportRecord &r,
                    const QDateTime &now)
{
    statement.bindInt64(1, evidenceId);
    statement.bindText(2, r.format);
    bindTextOrNull(statement, 3, r.formatVersion);
    bindTextOrNull(statement, 4, r.reporter);
    bindTextOrNull(statement, 5, r.feedbackType);
    bindTextOrNull(statement, 6, r.claimedSourceIp);
    statement.bindTimestamp(7, r.claimedArrival);
    bindTextOrNull(statement, 8, r.originIp);
    statement.bindInt64(9, r.originOurs ? 1 : 0);
    statement.bindTimestamp(10, r.receivedAt);
    statement.bindText(11, r.receiptSource);
    statement.bindText(12, r.receiptExplanation);
    statement.bindTimestamp(13, r.responseDue);
    statement.bindInt64(14, r.completenessMask);
    statement.bindText(15, r.completenessSummary);
    statement.bindInt64(16, r.findingCount);
    bindTextOrNull(statement, 17, r.topSeverity);
    statement.bindText(18, QString::fromUtf8(r.analysisJson));
    statement.bindTimestamp(19, now);
    return statement.exec();
}

// Stores one message inside the caller's transaction.
Result<EvidenceInsertOutcome> insertOne(const BatchStatements &s, const EvidenceInput &input,
                                        qint64 importRunId, const QDateTime &now)
{
    EvidenceInsertOutcome outcome;
    {
        StatementResetter resetter(*s.evidence);
        s.evidence->bindText(1, QString::fromLatin1(input.sha256Hex));
        s.evidence->bindInt64(2, input.bytes.size());
        s.evidence->bindText(3, input.messageId);
        s.evidence->bindText(4, input.subject);
        s.evidence->bindText(5, input.from);
        s.evidence->bindText(6, input.dateText);
        s.evidence->bindTimestamp(7, input.date);
        s.evidence->bindTimestamp(8, now);
        Result<bool> inserted = s.evidence->step();
        if (!inserted)
            return Error{inserted.error()};
        if (*inserted)
            outcome.evidenceId = s.evidence->int64(0);
        outcome.duplicate = !*inserted;
    }

    if (outcome.duplicate) {
        // Stored before, possibly earlier in this very batch: the transaction sees its own rows.
        StatementResetter resetter(*s.idBySha);
        s.idBySha->bindText(1, QString::fromLatin1(input.sha256Hex));
        Result<bool> found = s.idBySha->step();
        if (!found)
            return Error{found.error()};
        outcome.evidenceId = *found ? s.idBySha->int64(0) : 0;
    } else {
        s.blob->bindInt64(1, outcome.evidenceId);
        s.blob->bindBlob(2, input.bytes);
        Status stored = s.blob->exec();
        if (!stored)
            return Error{stored.error()};
    }

    s.source->bindInt64(1, outcome.evidenceId);
    s.source->bindText(2, input.sourcePath.isNull() ? QStringLiteral("") : input.sourcePath);
    s.source->bindInt64(3, input.sourceIndex);
    if (input.envelopeFrom.isNull())
        s.source->bindNull(4);
    else
        s.source->bindBlob(4, input.envelopeFrom);
    if (importRunId > 0)
        s.source->bindInt64(5, importRunId);
    else
        s.source->bindNull(5);
    s.source->bindTimestamp(6, now);
    Status recorded = s.source->exec();
    if (!recorded)
        return Error{recorded.error()};
    if (input.report) {
        // Prepared on first use: a database opened at an older schema for a test of its
        // migrations has no reports table, and evidence without analysis never needs it.
        Result<SqliteStatement *> statement = s.cache->get(kInsertReport);
        if (!statement)
            return Error{statement.error()};
        Status analysed = insertReport(**statement, outcome.evidenceId, *input.report, now);
        if (!analysed)
            return Error{analysed.error()};
    }
    return outcome;
}

} // namespace

EvidenceRepository::EvidenceRepository(CaseStore &store)
    : m_store(store)
{}

Result<QList<EvidenceInsertOutcome>>
EvidenceRepository::insertBatch(const QList<EvidenceInput> &batch, qint64 importRunId)
{
    // Check every hash before writing anything: a malformed one is a bug upstream, and its
    // message says which input carried it.
    for (const EvidenceInput &input : batch) {
        if (isSha256Hex(input.sha256Hex))
            continue;
        const QString source =
            input.sourceIndex < 0
                ? QCoreApplication::translate("Awb::EvidenceRepository", "“%1”")
                      .arg(input.sourcePath)
                : QCoreApplication::translate("Awb::EvidenceRepository", "message %2 of “%1”")
                      .arg(input.sourcePath)
                      .arg(input.sourceIndex);
        return Error{QCoreApplication::translate(
                         "Awb::EvidenceRepository",
                         "Cannot store %1 in the case database “%2”: its SHA-256 “%3” is not 64 "
                         "lower-case hex digits.")
                         .arg(source, m_store.path(), QString::fromLatin1(input.sha256Hex))};
    }
    if (batch.isEmpty())
        return QList<EvidenceInsertOutcome>(); // no write lock for nothing

    auto *db = static_cast<sqlite3 *>(m_store.nativeHandle());
    Result<BatchStatements> statements = batchStatements(m_store.statementCache());
    if (!statements)
        return Error{statements.error()};

    WriteTransaction transaction(db, m_store.path());
    Status begun = transaction.begin();
    if (!begun)
        return Error{begun.error()};

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<EvidenceInsertOutcome> outcomes;
    outcomes.reserve(batch.size());
    for (const EvidenceInput &input : batch) {
        Result<EvidenceInsertOutcome> outcome = insertOne(*statements, input, importRunId, now);
        if (!outcome)
            return Error{outcome.error()}; // the transaction's destructor rolls back
        outcomes.append(*outcome);
    }

    Status committed = transaction.commit();
    if (!committed)
        return Error{committed.error()};
    return outcomes;
}

Result<qint64> EvidenceRepository::count() const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kCount);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    Result<bool> row = (*query)->step();
    if (!row)
        return Error{row.error()};
    return (*query)->int64(0);
}

Result<bool> EvidenceRepository::contains(const QByteArray &sha256Hex) const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kIdBySha);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    (*query)->bindText(1, QString::fromLatin1(sha256Hex));
    return (*query)->step();
}

Result<QList<MessageSummary>> EvidenceRepository::summaries(qint64 afterId) const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kSummariesAfter);
    if (!query)
        return Error{query.error()};
    SqliteStatement &statement = **query;
    StatementResetter resetter(statement);
    statement.bindInt64(1, afterId);
    QList<MessageSummary> result;
    for (;;) {
        Result<bool> row = statement.step();
        if (!row)
            return Error{row.error()};
        if (!*row)
            return result;
        result.append(readSummary(statement));
    }
}

Result<MessageSummary> EvidenceRepository::summary(qint64 id) const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kSummaryById);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    (*query)->bindInt64(1, id);
    Result<bool> row = (*query)->step();
    if (!row)
        return Error{row.error()};
    if (!*row)
        return Error{
            QCoreApplication::translate("Awb::EvidenceRepository",
                                        "The case database “%1” holds no evidence with id %2.")
                .arg(m_store.path())
                .arg(id)};
    return readSummary(**query);
}

Result<QByteArray> EvidenceRepository::analysisJson(qint64 id) const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kAnalysisJson);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    (*query)->bindInt64(1, id);
    Result<bool> row = (*query)->step();
    if (!row)
        return Error{row.error()};
    return *row ? (*query)->text(0).toUtf8() : QByteArray();
}

Result<QByteArray> EvidenceRepository::bytes(qint64 id) const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kBytes);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    (*query)->bindInt64(1, id);
    Result<bool> row = (*query)->step();
    if (!row)
        return Error{row.error()};
    if (!*row)
        return Error{
            QCoreApplication::translate("Awb::EvidenceRepository",
                                        "The case database “%1” holds no evidence with id %2.")
                .arg(m_store.path())
                .arg(id)};
    return (*query)->blob(0);
}

} // namespace Awb
