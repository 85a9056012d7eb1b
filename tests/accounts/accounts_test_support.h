#pragma once

// Shared by the account tests: a scratch case database, CSV files written on the fly, and the
// demo export.

#include "accounts/account_importer.h"
#include "store/account_repository.h"
#include "store/case_store.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Awb::Test {

inline QString demoAccountsDir()
{
    return QStringLiteral(AWB_SOURCE_DIR "/resources/demo/accounts");
}

inline QStringList demoAccountFiles()
{
    QStringList files;
    for (const char *name : {"customers.csv", "ip_assignments.csv", "domains.csv", "history.csv"})
        files << demoAccountsDir() + QLatin1Char('/') + QLatin1String(name);
    return files;
}

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(bytes);
    return path;
}

// A fresh database in `dir`, opened at the latest schema.
inline std::unique_ptr<CaseStore> openStore(const QTemporaryDir &dir,
                                            const QString &name = QStringLiteral("case.db"))
{
    auto store = CaseStore::open(dir.filePath(name));
    return store ? std::move(*store) : nullptr;
}

inline QDateTime utc(int y, int m, int d, int h = 0, int min = 0, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), Qt::UTC);
}

} // namespace Awb::Test
