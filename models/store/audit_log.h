#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Awb {

class CaseStore;

// One entry to append: who did what, when and why. `who` empty: the store's actor
// (CaseStore::actor()). `at` invalid: now. `caseId` 0: about no case. `what` is one sentence
// ("Status of IXCM-ABUSE-2026-000001 changed from open to actioned."); `details` the useful
// particulars as JSON (counts, old and new values, ids).
struct AuditEntryInput
{
    QString who;
    QString action; // "import", "accounts-import", "listings", "case-opened", "case-status", ...
    qint64 caseId = 0;
    QString subject; // what the entry is about: a case public id, "import run 3", a file; may be ""
    QString what;
    QString why;
    QJsonObject details;
    QDateTime at;
};

// A stored entry.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at; // UTC
    QString who;
    QString action;
    qint64 caseId = 0;    // 0 when about no case
    QString casePublicId; // "" when about no case
    QString subject;
    QString what;
    QString why;
    QJsonObject details;
    QString detailsJson; // exactly as stored (and hashed)
    QByteArray prevHash; // 64 lower-case hex digits; 64 zeros for the first entry
    QByteArray hash;
};

struct AuditVerification
{
    bool intact = false;
    qint64 entryCount = 0;
    QByteArray headHash;      // the newest entry's hash; empty when there are no entries
    qint64 firstBrokenId = 0; // 0 when intact
    QString problem;          // "entry 17: hash does not match its contents (edited)", ...
};

// The append-only, hash-chained audit log (schema 7, table audit_log): every write of the desk,
// one entry per logical action, in the same transaction as the change it records.
//
// The chain. Entry n's hash is the SHA-256 (lower-case hex) of the canonical form of its
// fields, which include entry n-1's hash (prev_hash; 64 zeros for entry 1). The canonical form
// is the concatenation, in this order, of netstrings "<length>:<bytes>," (length: the number of
// bytes, in decimal ASCII without leading zeros; bytes: UTF-8) of:
//     "awb-audit-1", id (decimal), at, who, action, case public id ("" for none), subject,
//     what, why, details, prev_hash
// where each text is the column's stored text, unchanged (at is "2026-11-27T01:35:03.123Z",
// details the stored compact JSON) and the case public id is cases.public_id of case_id. So an
// entry of id 1, "who" = "ana", ... starts "11:awb-audit-1,1:1,24:2026-...,3:ana,". Ids are
// 1, 2, 3, ... without gaps. A 20-line script re-verifies it:
//
//     import hashlib, sqlite3, sys
//     db = sqlite3.connect(sys.argv[1])
//     prev, last_id = "0" * 64, 0
//     rows = db.execute("SELECT a.id, a.at, a.who, a.action, coalesce(c.public_id, ''),"
//                       " a.subject, a.what, a.why, a.details, a.prev_hash, a.hash"
//                       " FROM audit_log a LEFT JOIN cases c ON c.id = a.case_id ORDER BY a.id")
//     for row in rows:
//         fields = ["awb-audit-1", str(row[0])] + list(row[1:10])
//         data = b"".join(b"%d:%s," % (len(f.encode()), f.encode()) for f in fields)
//         if row[0] != last_id + 1 or row[9] != prev:
//             sys.exit(f"entry {row[0]}: chain broken (deleted or reordered entries)")
//         if hashlib.sha256(data).hexdigest() != row[10]:
//             sys.exit(f"entry {row[0]}: hash does not match its contents (edited)")
//         prev, last_id = row[10], row[0]
//     print(f"intact: {last_id} entries, head {prev}")
//
// What the chain shows: an edited field, a deleted or inserted entry, reordered entries, each
// at the first entry where it breaks. What it cannot show from inside the database alone: the
// newest entries removed (the shorter chain is still a valid chain), or the whole chain
// recomputed after an edit. The head hash and the entry count, printed by `awb audit verify`
// and pinned in every report and export, are what let a later reader see that.
//
// The triggers refuse UPDATE and DELETE, which stops mistakes; the chain is what stops a
// silent edit by anyone who can write the file.
//
// Borrows the CaseStore, which must outlive it; same threading rules as the CaseStore.
class AuditLog
{
public:
    explicit AuditLog(CaseStore &store);

    // Appends one entry and returns its id. Inside the caller's transaction (CaseStore::begin()
    // or a repository's write) it is a savepoint of it, so the entry commits or rolls back with
    // the change it records. Fails when `action` or `what` is empty or the case does not exist.
    Result<qint64> append(const AuditEntryInput &input);

    // The entries in order; with a case id, those about that case: its own, and those whose
    // subject is its public id (the other side of a merge, split or move).
    Result<QList<AuditEntry>> entries(qint64 caseId = 0) const;

    // Walks the whole chain. An error only when the database cannot be read; a broken chain is
    // a verification with intact = false.
    Result<AuditVerification> verify() const;

private:
    CaseStore &m_store;
};

} // namespace Awb
