#pragma once

// Private to models/store: what the account repository's writes and reads share.
#include "common/result.h"
#include "network/ip_network.h"
#include "sqlite_statement.h"

#include <QString>

#include <QtGlobal>

namespace Awb::AccountColumns {

// See migration 4: the sign bit is flipped so that signed order is unsigned order.
inline constexpr quint64 kSignBit = Q_UINT64_C(0x8000000000000000);
inline qint64 toColumn(quint64 word)
{
    return qint64(word ^ kSignBit);
}
inline quint64 fromColumn(qint64 value)
{
    return quint64(value) ^ kSignBit;
}
inline int familyOf(const IpNetwork &network)
{
    return network.isV4() ? 4 : 6;
}

inline QString emptyIfNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

inline Result<qint64> existingId(SqliteStatement &statement)
{
    StatementResetter resetter(statement);
    Result<bool> row = statement.step();
    if (!row)
        return Error{row.error()};
    return *row ? statement.int64(0) : qint64(0);
}

} // namespace Awb::AccountColumns
