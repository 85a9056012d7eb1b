#pragma once

#include "enforcement/case_report_data.h"
#include "render/chain_renderer.h"

#include <QObject>
#include <QTextObjectInterface>

#include <map>

namespace Awb {

// The drawings of the case report as text objects of its QTextDocument, painted with QPainter
// when the document is painted, so that a PDF holds them as vectors: the chain diagram of each
// report (ChainRenderer, the window's code, in the print colours) and the account history chart
// (bars per day, black and white). Owned by the document (its QObject parent).
//
// A chain object draws its own heading ("Received chain") above the diagram: the layout may break
// a paragraph's lines across pages but never an object, so a heading drawn inside can never be
// left at the foot of a page with its diagram on the next.
class CaseReportObjects : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    enum Type { ChainType = QTextFormat::UserObject + 21, HistoryChartType };
    enum Property { IndexProperty = QTextFormat::UserProperty + 21 };

    // Keeps what it draws: the report's chains and the history days.
    CaseReportObjects(const CaseReportData &data, QTextDocument *document);
    // Registers both types on the document's layout.
    void install();

    QSizeF intrinsicSize(QTextDocument *document, int posInDocument,
                         const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document,
                    int posInDocument, const QTextFormat &format) override;

    // Replaces each placeholder paragraph text "[[chain:N]]" and "[[history]]" of the document
    // by its object.
    void replacePlaceholders();

private:
    qreal availableWidth(QTextDocument *document) const;
    static QFont chainHeadingFont();
    void drawChart(QPainter *painter, const QRectF &rect) const;

    QTextDocument *m_document;
    std::map<int, ChainRenderer> m_chains; // by report index
    qreal m_chainHeadingHeight = 0;        // measured on the layout's device in intrinsicSize()
    QList<CaseReportHistoryDay> m_days;
};

} // namespace Awb
