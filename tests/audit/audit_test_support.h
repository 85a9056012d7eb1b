#pragma once

// Helpers of the audit tests: the canonical form of audit_log.h written again from its
// description (so that the tests check the documented form, not the code against itself),
// raw SQL, and the demo case database made by `awb demo`.

#include "../cli/cli_runner.h"
#include "../store/store_test_support.h"

#include <QFile>
#include <QList>
#include <QVariant>

namespace Awb::Test {

// One row of audit_log with the case's public id, as the documented query reads it.
struct RawAuditRow
{
    qint64 id = 0;
    QList<QByteArray> fields; // at, who, action, case public id, subject, what, why, details,
                              // prev_hash
    QByteArray hash;
};

inline QList<RawAuditRow> rawAuditRows(const CaseStore &store)
{
    auto *db = static_cast<sqlite3 *>(store.nativeHandle());
    sqlite3_stmt *stmt = nullptr;
    QList<RawAuditRow> rows;
    const char *sql = "SELECT a.id, a.at, a.who, a.action, coalesce(c.public_id, ''), a.subject,"
                      " a.what, a.why, a.details, a.prev_hash, a.hash FROM audit_log a"
                      " LEFT JOIN cases c ON c.id = a.case_id ORDER BY a.id";
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return rows;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        RawAuditRow row;
        row.id = sqlite3_column_int64(stmt, 0);
        for (int column = 1; column <= 9; ++column)
            row.fields.append(
                QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column)),
                           sqlite3_column_bytes(stmt, column)));
        row.hash = QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 10)),
                              sqlite3_column_bytes(stmt, 10));
        rows.append(row);
    }
    sqlite3_finalize(stmt);
    return rows;
}

// Netstrings of "awb-audit-1", the id and the nine fields; SHA-256, lower-case hex.
inline QByteArray documentedHash(qint64 id, const QList<QByteArray> &fields)
{
    QByteArray data;
    auto add = [&data](const QByteArray &bytes) {
        data += QByteArray::number(bytes.size()) + ':' + bytes + ',';
    };
    add("awb-audit-1");
    add(QByteArray::number(id));
    for (const QByteArray &field : fields)
        add(field);
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// What an attacker with the file does first.
inline QString dropAuditTriggers(const CaseStore &store)
{
    return execRaw(store, "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
}

// Runs SQL with bound text values (?1, ?2, ...); SQLite's message on failure, else empty.
inline QString execBound(const CaseStore &store, const char *sql, const QList<QVariant> &values)
{
    auto *db = static_cast<sqlite3 *>(store.nativeHandle());
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return QString::fromUtf8(sqlite3_errmsg(db));
    for (int i = 0; i < values.size(); ++i) {
        if (values.at(i).typeId() == QMetaType::LongLong ||
            values.at(i).typeId() == QMetaType::Int) {
            sqlite3_bind_int64(stmt, i + 1, values.at(i).toLongLong());
        } else {
            const QByteArray text = values.at(i).toString().toUtf8();
            sqlite3_bind_text(stmt, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
    }
    const int rc = sqlite3_step(stmt);
    const QString message =
        rc == SQLITE_DONE || rc == SQLITE_ROW ? QString() : QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    return message;
}

// Copies a closed database file (no -wal left behind once its last connection closed).
inline bool copyDatabase(const QString &from, const QString &to)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(to + suffix);
    return QFile::copy(from, to);
}

} // namespace Awb::Test
