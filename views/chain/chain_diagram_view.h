#pragma once

#include "render/chain_renderer.h"

#include <QWidget>

namespace Awb {

// The Received chain as a picture (ChainRenderer) in a widget meant to sit in a QScrollArea with
// widgetResizable set: it takes the width it is given and asks for the height the drawing needs
// (heightForWidth). The colours follow the widget's palette: the light or dark scheme by the
// lightness of its Base colour, re-picked when the palette changes, as KSyntaxHighlighting's
// codeeditor example picks its theme.
//
// A click selects a hop (hopClicked, selectedHopChanged); Up and Down move the selection along
// the drawing (Up towards the origin), Home and End jump to its ends. Hovering a hop shows its
// raw Received header.
class ChainDiagramView : public QWidget
{
    Q_OBJECT

public:
    explicit ChainDiagramView(QWidget *parent = nullptr);

    void setAnalysis(const ChainAnalysis &chain, const QList<Finding> &findings);
    void clear();

    int selectedHop() const { return m_renderer.selectedHop(); }
    // Selects a hop (-1 for none) without emitting anything: for the panel keeping its views
    // in step.
    void setSelectedHop(int hop);

    // The hop's box in widget coordinates (empty for an unknown hop), for ensureVisible().
    QRect hopRect(int hop) const;
    // The y of the trust boundary line in widget coordinates, -1 when there is none.
    int boundaryY() const;
    bool isDarkScheme() const { return m_dark; }
    const ChainRenderer &renderer() const { return m_renderer; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

Q_SIGNALS:
    void hopClicked(int hop);
    // The user moved the selection, by mouse or keyboard.
    void selectedHopChanged(int hop);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void pickColors();
    void relayout();
    void selectByUser(int hop);
    QString toolTipFor(int hop) const;

    ChainRenderer m_renderer;
    bool m_dark = false;
};

} // namespace Awb
