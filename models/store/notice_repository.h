#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

class CaseStore;

// A notice as saved: the exact bytes of the .eml and what the lists show of it.
struct NoticeRecord
{
    qint64 id = 0; // 0 until stored
    qint64 caseId = 0;
    QString type;          // a notice type key: "acknowledgement", ..., "outcome"
    QString recipientRole; // "customer" or "reporter"
    QString recipient;     // the address it is for
    QString subject;
    QString messageId;     // unique: a notice is saved once
    QDateTime createdAt;   // UTC; invalid: now
    QString who;           // empty: the store's actor
    QString policyVersion; // empty: the case's
    QDateTime responseDue; // invalid when the notice asks for no response
    QByteArray eml;        // the exact bytes; empty in lists made without them
    QByteArray sha256Hex;  // of eml; computed by add() (a given value must match)
};

// The notices of cases (schema 7, table notices). Append-only: a corrected notice is a new
// notice with its own Message-ID. add() stores the bytes with their SHA-256, a "notice" event of
// the case and an audit entry in one transaction.
//
// Borrows the CaseStore, which must outlive it; same threading rules as the CaseStore.
class NoticeRepository
{
public:
    explicit NoticeRepository(CaseStore &store);

    static QStringList typeKeys();

    // Refused, with a sentence naming the case and the reason: an unknown case, type or
    // recipient role, no Message-ID or one already saved, no bytes, a given SHA-256 that is not
    // the bytes'.
    Result<qint64> add(const NoticeRecord &notice);

    // Oldest first; the bytes only when asked for (the SHA-256 always).
    Result<QList<NoticeRecord>> forCase(qint64 caseId, bool withBytes = false) const;
    // One notice with its bytes; an error naming the id when there is none.
    Result<NoticeRecord> byId(qint64 id) const;

private:
    CaseStore &m_store;
};

} // namespace Awb
