#pragma once

#include "analysis/chain_analysis.h"
#include "analysis/finding.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace Awb {

// The hops of one Received chain as a table, one row per hop in header order: row N is hop N
// (0 = the top, newest stamp), so a row number is a hop index. A view that wants the path as the
// message travelled sorts by Column::Index descending through a proxy and maps back with
// HopIndexRole. The model copies what it is given; it returns data and semantic roles, never
// colours: delegates pick those from the palette.
class HopTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Index, Trust, Helo, Rdns, Ip, By, With, Date, Delay, Findings, Count };
    enum Role {
        TrustRole = Qt::UserRole + 1, // HopTrust
        SeverityRole,      // Severity: the highest of the hop's findings; invalid when it has none
        HopIndexRole,      // int, the hop index (equal to the row)
        SortRole,          // typed values: ints, QDateTime, delays in seconds, IPs by number
        FindingCountRole,  // int
        OursRole,          // bool: the connecting IP is in our networks
        RawRole,           // QString: the Received value as written
        DelayNegativeRole, // bool: the hop is dated before the hop that handed it the message
    };

    explicit HopTableModel(QObject *parent = nullptr);

    // Replaces the rows. Findings whose hop is outside the chain (or -1) are not counted.
    void setAnalysis(const ChainAnalysis &chain, const QList<Finding> &findings);
    void clear();

    const ChainAnalysis &chain() const { return m_chain; }
    const ChainHop *hopAt(int row) const;
    // The highest severity among the hop's findings, nullopt when it has none.
    std::optional<Severity> highestSeverity(int hop) const;
    int findingCount(int hop) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Texts shared with the chain diagram, so that table and picture say the same thing.
    static QString trustLabel(HopTrust trust);
    // "+4 s", "+1 min 02 s", "−28 min 44 s" (a real minus sign), "+2 h 05 min", "+3 d 4 h".
    static QString delayText(qint64 seconds);
    // The hop's date in UTC, "2026-11-12 13:47:51 UTC"; empty when the stamp had no valid date.
    static QString dateText(const ReceivedHop &hop);
    // The text written as the raw header, for tooltips (bytes are shown as UTF-8, else Latin-1).
    static QString rawText(const ReceivedHop &hop);

private:
    struct HopFindings
    {
        int count = 0;
        Severity highest = Severity::Info;
        QStringList titles;
    };

    QVariant displayData(int row, Column column) const;
    QVariant sortData(int row, Column column) const;
    QString toolTip(int row) const;

    ChainAnalysis m_chain;
    QList<HopFindings> m_findings; // parallel to m_chain.hops
};

} // namespace Awb
