#pragma once
// What SceneView lays over the picture, in scene coordinates (image pixels):
// the token grid with the token under the mouse outlined, and the
// window-match heatmap with the best window outlined.

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

} // namespace moescope::gui
