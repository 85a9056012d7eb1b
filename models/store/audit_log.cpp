#include "audit_log.h"

#include "case_store.h"
#include "sqlite_statement.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>

namespace Awb {

namespace {

constexpr const char kLast[] = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
constexpr const char kCasePublicId[] = "SELECT public_id FROM cases WHERE id = ?1";
constexpr const char kInsert[] =
    "INSERT INTO audit_log (id, at, who, action, case_id, subject, what, why, details, prev_hash,"
    " hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
// ?1 = 0: every entry; else the case's own entries and those whose subject is its public id.
constexpr const char kEntries[] =
    "SELECT a.id, a.at, a.who, a.action, a.case_id, coalesce(c.public_id, ''), a.subject, a.what,"
    " a.why, a.details, a.prev_hash, a.hash FROM audit_log a LEFT JOIN cases c ON c.id = a.case_id"
    " WHERE ?1 = 0 OR a.case_id = ?1 OR a.subject = (SELECT public_id FROM cases WHERE id = ?1)"
    " ORDER BY a.id";

const QByteArray kGenesis(64, '0');
constexpr char kFormatTag[] = "awb-audit-1";

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::AuditLog)
};

// The canonical form of audit_log.h: netstrings of the fields, in order.
class CanonicalForm
{
public:
    CanonicalForm() { add(QByteArray(kFormatTag)); }
    CanonicalForm &add(const QByteArray &bytes)
    {
        m_bytes += QByteArray::number(bytes.size());
        m_bytes += ':';
        m_bytes += bytes;
        m_bytes += ',';
        return *this;
    }
    CanonicalForm &add(const QString &text) { return add(text.toUtf8()); }
    QByteArray hashHex() const
    {
        return QCryptographicHash::hash(m_bytes, QCryptographicHash::Sha256).toHex();
    }

private:
    QByteArray m_bytes;
};

struct Head
{
    qint64 id = 0;
    QByteArray hash = kGenesis;
};

Result<Head> readHead(CaseStore &store)
{
    Result<SqliteStatement *> query = store.statementCache().get(kLast);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    Result<bool> row = (*query)->step();
    if (!row)
        return Error{row.error()};
    Head head;
    if (*row) {
        head.id = (*query)->int64(0);
        head.hash = (*query)->blob(1);
    }
    return head;
}

Result<QString> casePublicId(CaseStore &store, qint64 caseId)
{
    if (caseId <= 0)
        return QStringLiteral("");
    Result<SqliteStatement *> query = store.statementCache().get(kCasePublicId);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    (*query)->bindInt64(1, caseId);
    Result<bool> row = (*query)->step();
    if (!row)
        return Error{row.error()};
    if (!*row)
        return Error{Tr::tr("Cannot record an audit entry about case %1: there is no such case in "
                            "\u201c%2\u201d.")
                         .arg(caseId)
                         .arg(store.path())};
    return (*query)->text(0);
}

QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// Column order of kEntries.
enum Column { Id, At, Who, Action, CaseId, CasePublic, Subject, What, Why, Details, Prev, Hash };

AuditEntry readEntry(const SqliteStatement &row)
{
    AuditEntry e;
    e.id = row.int64(Id);
    e.at = row.timestamp(At);
    e.who = row.text(Who);
    e.action = row.text(Action);
    e.caseId = row.isNull(CaseId) ? 0 : row.int64(CaseId);
    e.casePublicId = row.text(CasePublic);
    e.subject = row.text(Subject);
    e.what = row.text(What);
    e.why = row.text(Why);
    e.detailsJson = row.text(Details);
    e.details = QJsonDocument::fromJson(row.blob(Details)).object();
    e.prevHash = row.blob(Prev);
    e.hash = row.blob(Hash);
    return e;
}

// The hash of a stored row, from the exact bytes of each column (never a re-encoding of them).
QByteArray hashOfRow(const SqliteStatement &row)
{
    CanonicalForm form;
    form.add(QByteArray::number(row.int64(Id)));
    for (int column : {At, Who, Action, CasePublic, Subject, What, Why, Details, Prev})
        form.add(row.blob(column));
    return form.hashHex();
}

} // namespace

AuditLog::AuditLog(CaseStore &store)
    : m_store(store)
{}

Result<qint64> AuditLog::append(const AuditEntryInput &input)
{
    const QString who = input.who.trimmed().isEmpty() ? m_store.actor() : input.who.trimmed();
    if (input.action.isEmpty() || input.what.trimmed().isEmpty())
        return Error{Tr::tr("An audit entry needs an action and a sentence saying what was done "
                            "(action \u201c%1\u201d, what \u201c%2\u201d).")
                         .arg(input.action, input.what)};
    const QString at =
        toStoreTimestamp(input.at.isValid() ? input.at : QDateTime::currentDateTimeUtc());
    const QString details =
        QString::fromUtf8(QJsonDocument(input.details).toJson(QJsonDocument::Compact));

    // The head is read under the write lock, so no other connection can append in between.
    WriteTransaction transaction(static_cast<sqlite3 *>(m_store.nativeHandle()), m_store.path());
    Status status = transaction.begin();
    if (!status)
        return Error{status.error()};
    Result<Head> head = readHead(m_store);
    if (!head)
        return Error{head.error()};
    Result<QString> publicId = casePublicId(m_store, input.caseId);
    if (!publicId)
        return Error{publicId.error()};

    const qint64 id = head->id + 1;
    const QByteArray hash = CanonicalForm()
                                .add(QByteArray::number(id))
                                .add(at)
                                .add(who)
                                .add(input.action)
                                .add(*publicId)
                                .add(nonNull(input.subject))
                                .add(input.what)
                                .add(nonNull(input.why))
                                .add(details)
                                .add(head->hash)
                                .hashHex();

    Result<SqliteStatement *> insert = m_store.statementCache().get(kInsert);
    if (!insert)
        return Error{insert.error()};
    SqliteStatement &s = **insert;
    s.bindInt64(1, id);
    s.bindText(2, at);
    s.bindText(3, who);
    s.bindText(4, input.action);
    if (input.caseId > 0)
        s.bindInt64(5, input.caseId);
    else
        s.bindNull(5);
    s.bindText(6, nonNull(input.subject));
    s.bindText(7, input.what);
    s.bindText(8, nonNull(input.why));
    s.bindText(9, details);
    s.bindText(10, QString::fromLatin1(head->hash));
    s.bindText(11, QString::fromLatin1(hash));
    status = s.exec();
    if (status)
        status = transaction.commit();
    if (!status)
        return Error{status.error()}; // the transaction's destructor rolls back
    return id;
}

Result<QList<AuditEntry>> AuditLog::entries(qint64 caseId) const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kEntries);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    (*query)->bindInt64(1, qMax<qint64>(caseId, 0));
    QList<AuditEntry> list;
    for (;;) {
        Result<bool> row = (*query)->step();
        if (!row)
            return Error{row.error()};
        if (!*row)
            return list;
        list.append(readEntry(**query));
    }
}

Result<AuditVerification> AuditLog::verify() const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kEntries);
    if (!query)
        return Error{query.error()};
    SqliteStatement &row = **query;
    StatementResetter resetter(row);
    row.bindInt64(1, 0);

    AuditVerification result;
    qint64 previousId = 0;
    QByteArray previousHash = kGenesis;
    auto broken = [&](qint64 id, const QString &problem) {
        result.intact = false;
        result.firstBrokenId = id;
        result.problem = problem;
        return result;
    };
    for (;;) {
        Result<bool> more = row.step();
        if (!more)
            return Error{more.error()};
        if (!*more)
            break;
        const qint64 id = row.int64(Id);
        const QByteArray prev = row.blob(Prev);
        const QByteArray stored = row.blob(Hash);
        // The entry itself first: an edit shows where it was made, not one entry later.
        if (hashOfRow(row) != stored)
            return broken(id,
                          Tr::tr("entry %1: hash does not match its contents (edited)").arg(id));
        if (prev != previousHash) {
            if (previousId == 0)
                return broken(id, Tr::tr("entry %1: previous-hash does not match the start of the "
                                         "chain (the entries before it were deleted)")
                                      .arg(id));
            return broken(id, Tr::tr("entry %1: previous-hash does not match entry %2 (an entry "
                                     "was deleted, reordered or rewritten)")
                                  .arg(id)
                                  .arg(previousId));
        }
        // The chain matches but an id is missing: the entries after a deletion were rehashed.
        if (id != previousId + 1)
            return broken(id,
                          Tr::tr("entry %1: follows entry %2 (ids are not consecutive: an entry "
                                 "was deleted)")
                              .arg(id)
                              .arg(previousId));
        previousId = id;
        previousHash = stored;
        ++result.entryCount;
    }
    result.intact = true;
    result.headHash = result.entryCount > 0 ? previousHash : QByteArray();
    return result;
}

} // namespace Awb
