#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

// The list behind a number of the dashboard: cases, accounts, listings or reports, each row
// knowing what it leads to when activated. The dashboard fills it; it reads no store itself.
class DashboardListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Target { Case, Account, Report };
    struct Row
    {
        QStringList cells;
        Target target = Target::Case;
        qint64 id = 0;     // case row id or evidence id
        QString accountId; // for Target::Account
    };
    enum Roles { TargetRole = Qt::UserRole + 1, IdRole, AccountIdRole };

    explicit DashboardListModel(QObject *parent = nullptr);

    void setRows(const QString &title, const QStringList &headers, const QList<Row> &rows);
    QString title() const { return m_title; }
    const Row &row(int index) const { return m_rows.at(index); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString m_title;
    QStringList m_headers;
    QList<Row> m_rows;
};

} // namespace Awb
