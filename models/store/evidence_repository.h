#pragma once

#include "common/result.h"
#include "store/report_record.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Awb {

class CaseStore;

// What the import pipeline hands to the store for one message: the exact bytes, their hash, where
// they came from, and the few header values the message list shows.
struct EvidenceInput
{
    QByteArray sha256Hex; // lower-case hex of `bytes`
    QByteArray bytes;
    QString sourcePath;
    int sourceIndex = -1; // mbox position, -1 for a single-message file
    QByteArray envelopeFrom;
    QString messageId;
    QString subject;
    QString from;
    QString dateText;
    QDateTime date; // UTC, invalid when the Date field is missing or unreadable
    // The analysis at import; stored with new bytes, and with known bytes that have none yet.
    std::optional<ReportRecord> report;
};

struct EvidenceInsertOutcome
{
    qint64 evidenceId = 0;
    bool duplicate = false; // these bytes were already stored; nothing was added
};

// One stored message as the lists show it (no bytes).
struct MessageSummary
{
    qint64 id = 0;
    QByteArray sha256Hex;
    qint64 size = 0;
    QString messageId;
    QString subject;
    QString from;
    QString dateText;
    QDateTime date;     // UTC, may be invalid
    QString sourcePath; // where it was first imported from
    int sourceIndex = -1;
    QDateTime importedAt; // UTC
    // From the analysis at import (empty/invalid/-1 when the message was stored before the
    // analysis existed).
    QString reportFormat;
    QString reporter;
    QDateTime receivedAt;
    QDateTime responseDue;
    int completenessCount = -1; // 0..4
    QString completenessSummary;
    QString originIp;
    bool originOurs = false;
    int findingCount = 0;
    QString topSeverity;
    // The case holding the message (empty when it is in none) and that case's account (empty
    // when the case is unattributed).
    QString casePublicId;
    QString caseAccountId;
};

// Evidence: every message stored once, by SHA-256, as the exact bytes received, with each place
// it was imported from. Stored bytes are never updated or deleted through this class.
class EvidenceRepository
{
public:
    explicit EvidenceRepository(CaseStore &store);

    // Stores a batch in one transaction: the whole batch lands, or (on error) none of it.
    // Bytes already stored are counted as duplicates; a new source path for them is recorded.
    // A message repeated within the batch is a duplicate of its first occurrence. Outcomes are
    // in batch order. `importRunId` is the run from ImportRunRepository::start(); 0 records no
    // run, and an id that names no run fails the batch (a foreign key, from schema 2 on).
    // Inside a transaction opened with CaseStore::begin(), the batch is a savepoint of it.
    Result<QList<EvidenceInsertOutcome>> insertBatch(const QList<EvidenceInput> &batch,
                                                     qint64 importRunId);

    Result<qint64> count() const;
    Result<bool> contains(const QByteArray &sha256Hex) const;
    // Summaries with id > afterId, in id order (afterId lets a list fetch only what is new).
    Result<QList<MessageSummary>> summaries(qint64 afterId = 0) const;
    Result<MessageSummary> summary(qint64 id) const;
    Result<QByteArray> bytes(qint64 id) const;
    // The analysis stored at import (the `awb analyze --json` object); empty when there is none.
    Result<QByteArray> analysisJson(qint64 id) const;

private:
    CaseStore &m_store;
};

} // namespace Awb
