#include "listing_attribution.h"

#include "correlation.h"
#include "store/account_repository.h"
#include "store/listing_repository.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::ListingAttribution)
};

// One observation, whatever the number of rows it was recorded as: every column but the id and
// the account. A unit separator cannot occur in any of them.
QString observationKey(const StoredListing &l)
{
    const QChar sep(0x1f);
    return QStringList{l.listName,
                       l.zone,
                       l.addressOrRange,
                       l.returnCodes.join(QLatin1Char(',')),
                       l.meaning,
                       l.verdict,
                       l.checkedAt.toUTC().toString(Qt::ISODateWithMs),
                       l.source,
                       l.evidenceId ? QString::number(*l.evidenceId) : QString()}
        .join(sep);
}

struct Observation
{
    qint64 firstId = 0; // the row attributions go to
    QString listed;
    QDateTime at;
    QSet<QString> accounts; // recorded or attributed already
};

} // namespace

Result<int> attributeRecordedListings(CaseStore &store, const QString &why, const QDateTime &now)
{
    ListingRepository listings(store);
    Result<QList<StoredListing>> unsettled = listings.unsettled();
    if (!unsettled)
        return Error{unsettled.error()};

    QList<Observation> observations;
    QHash<QString, qsizetype> indexOf;
    for (const StoredListing &row : *unsettled) {
        const QString key = observationKey(row);
        auto found = indexOf.constFind(key);
        if (found == indexOf.cend()) {
            found = indexOf.insert(key, observations.size());
            observations.append({row.id, row.addressOrRange, row.checkedAt, {}});
        }
        Observation &o = observations[*found];
        o.firstId = qMin(o.firstId, row.id);
        if (!row.accountId.isEmpty())
            o.accounts.insert(row.accountId);
    }

    const AccountRepository accounts(store);
    const QDateTime at = now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc();
    QHash<QString, QStringList> holdersOf; // "listed time" -> accounts; a range listed by
                                           // several lists at once is looked up once
    QList<ListingAttribution> attributions;
    for (const Observation &o : std::as_const(observations)) {
        const QString time = o.at.toUTC().toString(Qt::ISODateWithMs);
        const QString lookup = o.listed + QLatin1Char(' ') + time;
        if (!holdersOf.contains(lookup)) {
            Result<QStringList> holders = accountsHoldingListed(accounts, o.listed, o.at);
            if (!holders)
                return Error{holders.error()};
            holdersOf.insert(lookup, *holders);
        }
        for (const QString &accountId : holdersOf.value(lookup)) {
            if (o.accounts.contains(accountId))
                continue;
            attributions.append(
                {o.firstId, accountId, at,
                 Tr::tr("%1 held %2 when it was listed (%3), by the account directory after %4")
                     .arg(accountId, o.listed,
                          o.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")),
                          why)});
        }
    }
    if (attributions.isEmpty())
        return 0;
    if (Status status = listings.attribute(attributions, why); !status)
        return Error{
            Tr::tr("The blocklist listings could not be attributed: %1").arg(status.error())};
    return int(attributions.size());
}

} // namespace Awb
