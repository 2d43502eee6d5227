#pragma once
// What SceneView lays over the picture, in scene coordinates (image pixels):
// the token grid with the token under the mouse outlined, the window-match
// heatmap with the best window outlined, picked-out tokens, and a tiled
// run's tile grid.

#include "windowgrid.h"

#include <QGraphicsItem>

#include <vector>

namespace moescope::gui {

class OverlayGridItem : public QGraphicsItem
{
public:
    QRectF region;
    int rows = 0, cols = 0;
    QPoint hover{-1, -1};

    void setRegion(const QRectF &r)
    {
        prepareGeometryChange();
        region = r;
    }
    QRectF boundingRect() const override { return region.adjusted(-2, -2, 2, 2); }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
};

class HeatmapItem : public QGraphicsItem
{
public:
    QRectF region;
    std::vector<float> values;
    WindowGrid grid;
    int best = -1;
    float lo = 0, hi = 1;

    void setRegion(const QRectF &r)
    {
        prepareGeometryChange();
        region = r;
    }
    QRectF boundingRect() const override { return region.adjusted(-4, -4, 4, 4); }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
};

// Some tokens of the grid picked out (an expert path's): the others are
// dimmed, the picked ones outlined.
class TokenHighlightItem : public QGraphicsItem
{
public:
    QRectF region;
    int rows = 0, cols = 0;
    std::vector<bool> on; // rows × cols, row-major; empty: nothing drawn

    void setRegion(const QRectF &r)
    {
        prepareGeometryChange();
        region = r;
    }
    QRectF boundingRect() const override { return region.adjusted(-2, -2, 2, 2); }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
};

// The edges between the parts of a scene each tile of a run owns: lines at
// scene x = xs[i] and y = ys[j] across `area`.
class TileGridItem : public QGraphicsItem
{
public:
    QRectF area;
    std::vector<double> xs, ys;

    void set(const QRectF &a, std::vector<double> x, std::vector<double> y)
    {
        prepareGeometryChange();
        area = a;
        xs = std::move(x);
        ys = std::move(y);
    }
    QRectF boundingRect() const override { return area.adjusted(-2, -2, 2, 2); }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
};

// Rectangles a plugin asks to have drawn on the frame (a tracker's box, its
// search region, the ground truth), each with a label and a role that
// picks its pen, in image pixels.
class FrameBoxesItem : public QGraphicsItem
{
public:
    struct Box
    {
        QRectF rect;
        QString label;
        QString role; // prediction | region | truth | other
    };
    QList<Box> boxes;

    void set(QList<Box> b)
    {
        prepareGeometryChange();
        boxes = std::move(b);
    }
    QRectF boundingRect() const override;
    void paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
};

} // namespace moescope::gui
