#pragma once

#include "store/listing_repository.h"

#include <QAbstractTableModel>
#include <QList>

namespace Awb {

// The blocklist listings of one account (AccountHistory::listings), one row per observation in
// time order: when, the list and zone, the address or range, the verdict, the return codes, what
// they mean, and where the row came from (a DNSBL check, a listing notice, imported history).
// Colours are the view's choice, from VerdictRole.
class AccountListingModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Checked, List, Address, Verdict, Codes, Source, Meaning, Count };
    enum Role {
        VerdictRole = Qt::UserRole + 1, // QString, dnsblVerdictName() ("listed", "not-listed"...)
        SourceRole,                     // QString, "dnsbl", "report", "history"
        EvidenceIdRole,                 // qint64, the listing notice; 0 when none
        SortRole,                       // typed value of the column
    };

    explicit AccountListingModel(QObject *parent = nullptr);

    void setListings(const QList<StoredListing> &listings);
    void clear();

    const QList<StoredListing> &listings() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "Listed", "Not listed", "Policy list (not abuse)", ... for a verdict name.
    static QString verdictLabel(const QString &verdict);
    // "DNSBL check", "Listing notice", "Imported history" for a source name.
    static QString sourceLabel(const QString &source);

private:
    QList<StoredListing> m_rows;
};

} // namespace Awb
