#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace Awb {

class MessageFilterProxy;
class MessageListModel;

// The list of imported messages: a filter field over a sortable table, and a count of what the
// filter shows. Reports the current message by its evidence id.
class MessageListPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MessageListPanel(MessageListModel *model, QWidget *parent = nullptr);

    QTableView *tableView() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *formatFilter() const { return m_format; }
    QCheckBox *dueOnlyFilter() const { return m_dueOnly; }
    MessageFilterProxy *proxy() const { return m_proxy; }
    qint64 currentEvidenceId() const;

Q_SIGNALS:
    void currentMessageChanged(qint64 evidenceId); // 0 when nothing is selected

private:
    void updateCount();

    MessageListModel *m_model;
    MessageFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_format;
    QCheckBox *m_dueOnly;
    QTableView *m_table;
    QLabel *m_count;
};

} // namespace Awb
