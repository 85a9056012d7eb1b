#include "desk_secrets.h"

#include "audit_log.h"
#include "case_store.h"
#include "sqlite_statement.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace Awb {

namespace {

constexpr const char kSelect[] = "SELECT value FROM desk_secrets WHERE name = ?1";
constexpr const char kInsert[] = "INSERT INTO desk_secrets (name, value) VALUES (?1, ?2)";
constexpr char kRedactionKeyName[] = "redaction-key";
constexpr int kKeyBytes = 32;

Result<QByteArray> readSecret(CaseStore &store, const QString &name)
{
    Result<SqliteStatement *> query = store.statementCache().get(kSelect);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    (*query)->bindText(1, name);
    Result<bool> row = (*query)->step();
    if (!row)
        return Error{row.error()};
    const QByteArray value = *row ? (*query)->blob(0) : QByteArray();
    if (!value.isEmpty() && value.size() != kKeyBytes)
        return Error{QCoreApplication::translate("Awb::DeskSecrets",
                                                 "The secret \u201c%1\u201d in \u201c%2\u201d is "
                                                 "damaged (%3 bytes instead of %4).")
                         .arg(name, store.path())
                         .arg(value.size())
                         .arg(kKeyBytes)};
    return value;
}

} // namespace

Result<QByteArray> redactionKey(CaseStore &store)
{
    const QString name = QString::fromLatin1(kRedactionKeyName);
    Result<QByteArray> existing = readSecret(store, name);
    if (!existing || !existing->isEmpty())
        return existing;

    // Read again under the write lock: another connection may have made the key meanwhile.
    WriteTransaction transaction(static_cast<sqlite3 *>(store.nativeHandle()), store.path());
    Status status = transaction.begin();
    if (!status)
        return Error{status.error()};
    existing = readSecret(store, name);
    if (!existing || !existing->isEmpty())
        return existing;
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(key.data()),
                                         reinterpret_cast<quint32 *>(key.data() + kKeyBytes));
    Result<SqliteStatement *> insert = store.statementCache().get(kInsert);
    if (!insert)
        return Error{insert.error()};
    (*insert)->bindText(1, name);
    (*insert)->bindBlob(2, key);
    status = (*insert)->exec();
    if (status) {
        AuditEntryInput entry;
        entry.action = QStringLiteral("secret-created");
        entry.subject = name;
        entry.what = QCoreApplication::translate(
            "Awb::DeskSecrets", "Created the redaction key of this database's reporter tokens.");
        Result<qint64> appended = AuditLog(store).append(entry);
        if (!appended)
            status = Error{appended.error()};
    }
    if (status)
        status = transaction.commit();
    if (!status)
        return Error{status.error()};
    return key;
}

} // namespace Awb
