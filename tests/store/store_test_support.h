#pragma once

// Helpers shared by the store tests: building evidence and looking at the database with raw SQL
// (tests may include <sqlite3.h>; the core's headers may not).

#include "store/case_store.h"
#include "store/evidence_repository.h"

#include <QCryptographicHash>
#include <QString>

#include <sqlite3.h>

namespace Awb::Test {

inline EvidenceInput makeEvidence(const QByteArray &bytes, const QString &path = "inbox.mbox",
                                  int index = 0)
{
    EvidenceInput input;
    input.bytes = bytes;
    input.sha256Hex = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    input.sourcePath = path;
    input.sourceIndex = index;
    input.envelopeFrom = "bounce@sender.example";
    input.messageId =
        QStringLiteral("<%1@sender.example>").arg(QString::fromLatin1(input.sha256Hex.left(12)));
    input.subject = QStringLiteral("Subject %1").arg(index);
    input.from = QStringLiteral("Sender <sender@sender.example>");
    input.dateText = QStringLiteral("Fri, 27 Nov 2026 02:35:03 +0100");
    input.date = QDateTime(QDate(2026, 11, 27), QTime(1, 35, 3), Qt::UTC);
    return input;
}

// A message of about `size` bytes whose content is unique to `key`.
inline QByteArray makeMessage(const QByteArray &key, int size = 4096)
{
    QByteArray message = "From: sender@sender.example\r\nSubject: " + key + "\r\n\r\n";
    while (message.size() < size)
        message += "Body line for " + key + " - lorem ipsum dolor sit amet.\r\n";
    message.truncate(size);
    return message;
}

// The first column of the first row of `sql`, or -1 when it fails or returns nothing.
inline qint64 scalar(const CaseStore &store, const char *sql)
{
    auto *db = static_cast<sqlite3 *>(store.nativeHandle());
    sqlite3_stmt *stmt = nullptr;
    qint64 value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

inline QString scalarText(const CaseStore &store, const char *sql)
{
    auto *db = static_cast<sqlite3 *>(store.nativeHandle());
    sqlite3_stmt *stmt = nullptr;
    QString value;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL)
        value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    else
        value = QStringLiteral("<null>");
    sqlite3_finalize(stmt);
    return value;
}

// Runs SQL on the store's own connection; returns SQLite's message on failure, else empty.
inline QString execRaw(const CaseStore &store, const char *sql)
{
    auto *db = static_cast<sqlite3 *>(store.nativeHandle());
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return QString();
    const QString text = QString::fromUtf8(message ? message : "failed");
    sqlite3_free(message);
    return text;
}

} // namespace Awb::Test
