#pragma once
// Expert paths across layers as an alluvial (Sankey) diagram, after PathMoE:
// a column per MoE layer on one token grid, a bar per expert as tall as the
// tokens whose top-1 it is, and bands between columns as wide as the tokens
// that go from one expert to the next; below, the co-activation matrix of the
// layer pair chosen. Clicking a band (or a bar) picks those tokens out on the
// image; clicking elsewhere clears it.

#include "routing/paths.h"

#include <QPainterPath>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace moescope::gui {

class AlluvialView : public QWidget
{
    Q_OBJECT
public:
    explicit AlluvialView(QWidget *parent = nullptr);

    // `names`: one per path layer (the paths' layers).
    void setPaths(const routing::ExpertPaths &paths, const QStringList &names);
    // Picks path layer `k`'s expert `a` → `b` in k+1 (b < 0: all of a's
    // tokens; a < 0: none); pathPicked() follows.
    void pick(int k, int a, int b);
    int pickedLayer() const { return m_k; }
    // Where band k: a → b is drawn (empty when it is not), for tests.
    QPainterPath bandShape(int k, int a, int b) const;

    QSize sizeHint() const override { return {520, 300}; }
    QSize minimumSizeHint() const override { return {240, 160}; }

Q_SIGNALS:
    void pathPicked(int k, int a, int b);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override; // tooltips

private:
    struct Band
    {
        int k, a, b, tokens;
        QPainterPath shape;
    };
    struct Node
    {
        int k, e, tokens;
        QRectF rect;
    };
    void layOut();
    const Band *bandAt(const QPointF &p) const;
    const Node *nodeAt(const QPointF &p) const;

    routing::ExpertPaths m_paths;
    QStringList m_names;
    std::vector<Band> m_bands;
    std::vector<Node> m_nodes;
    int m_k = -1, m_a = -1, m_b = -1;
};

// The diagram, the co-activation matrix of the pair picked and a line saying
// what is picked.
class ExpertPathsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ExpertPathsPanel(QWidget *parent = nullptr);

    // The step's layers (kept by the caller while shown, until the next
    // call); null: none. The drawn region, if any, is dropped.
    void setLayers(const std::vector<routing::LayerRouting> *layers);
    // Only the tokens whose cell centre lies in `drawn` (image pixels), the
    // grid lying over `modelRegion`; an empty `drawn`: every token again.
    void setDrawnRegion(const QRect &drawn, const QRectF &modelRegion);
    bool isRegionMode() const;
    const routing::ExpertPaths &paths() const { return m_paths; }
    AlluvialView *view() const { return m_view; }
    QTableWidget *matrix() const { return m_matrix; }
    QString note() const;

Q_SIGNALS:
    // Tokens to pick out on the image (rows × cols; empty: none).
    void tokensPicked(int rows, int cols, const std::vector<bool> &on);
    // "Draw region" was switched: the image view draws rectangles while on.
    void regionModeChanged(bool on);

private:
    void showMatrix(int k);
    void showPaths(const std::vector<bool> &region);

    const std::vector<routing::LayerRouting> *m_layers = nullptr;
    routing::ExpertPaths m_paths;
    QPushButton *m_regionButton = nullptr;
    AlluvialView *m_view = nullptr;
    QTableWidget *m_matrix = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace moescope::gui
