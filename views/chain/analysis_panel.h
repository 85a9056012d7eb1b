#pragma once

#include "analysis/message_analysis.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QScrollArea;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
QT_END_NAMESPACE

namespace Awb {

class ChainDiagramView;
class FindingFilterProxy;
class FindingItemDelegate;
class FindingListModel;
class HopTableModel;

// One message's analysis for the analyst: the origin line (the origin IP, whether it is ours,
// and the analysis's reason, selectable for copying), the chain as a picture ("Path") and as a
// table ("Hops"), and the findings below with a minimum-severity filter, a text filter and
// "only the selected hop".
//
// One hop is selected at a time across the views: clicking it in the diagram, moving to it with
// the keyboard, selecting its row in the table or clicking a finding about it selects it
// everywhere, highlights its findings and emits hopActivated() (for the source viewer to show
// its header). selectHop() does the same from code, without the signal. The panel shows
// whatever MessageAnalysis it is given: for a report, the caller passes the analysis of the
// reported original.
//
// Choosing a finding (a click, moving to it with the keyboard, Enter or a double-click) also
// emits findingActivated() with the finding, for the source viewer to show its evidence.
class AnalysisPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AnalysisPanel(QWidget *parent = nullptr);
    ~AnalysisPanel() override;

    void setAnalysis(const MessageAnalysis &analysis);
    void clear();

    // -1 when no hop is selected.
    int selectedHop() const { return m_selectedHop; }
    void selectHop(int hop);

    // Every finding of the analysis shown, in the analysis's order, whatever the filters hide:
    // what the source viewer marks.
    QList<Finding> findings() const;

    // The origin line as plain text, as shown.
    QString originText() const;

    ChainDiagramView *diagram() const { return m_diagram; }
    QScrollArea *diagramScrollArea() const { return m_scroll; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *hopTable() const { return m_hopTable; }
    QTableView *findingTable() const { return m_findingTable; }
    HopTableModel *hopModel() const { return m_hopModel; }
    FindingListModel *findingModel() const { return m_findingModel; }
    FindingFilterProxy *findingProxy() const { return m_findingProxy; }
    QComboBox *severityFilter() const { return m_severity; }
    QLineEdit *textFilter() const { return m_text; }
    QCheckBox *selectedHopOnly() const { return m_hopOnly; }

Q_SIGNALS:
    // The user selected a hop (diagram, hop table or a finding about it).
    void hopActivated(int hop);
    // The user chose a finding in the findings table. Emitted after its hop (if any) has been
    // selected; a double-click may emit it twice, the receiver should be idempotent.
    void findingActivated(const Awb::Finding &finding);

private:
    QWidget *createFindingsPane();
    void setSelectedHop(int hop, bool byUser);
    void onHopTableSelectionChanged();
    void onFindingActivated(const QModelIndex &index);
    void updateOriginLine(const MessageAnalysis &analysis);
    void updateFindingsCount();
    void updateHopOnlyFilter();

    QLabel *m_origin;
    QTabWidget *m_tabs;
    ChainDiagramView *m_diagram;
    QScrollArea *m_scroll;
    HopTableModel *m_hopModel;
    QSortFilterProxyModel *m_hopSort;
    QTableView *m_hopTable;
    FindingListModel *m_findingModel;
    FindingFilterProxy *m_findingProxy;
    FindingItemDelegate *m_findingDelegate;
    QLabel *m_findingsTitle;
    QComboBox *m_severity;
    QLineEdit *m_text;
    QCheckBox *m_hopOnly;
    QTableView *m_findingTable;
    int m_selectedHop = -1;
    bool m_syncing = false; // set while the panel moves its own views, to ignore their echoes
};

} // namespace Awb
