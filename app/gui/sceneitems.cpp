#include "sceneitems.h"

#include "render/routingimages.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace moescope::gui {

void OverlayGridItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (rows <= 0 || cols <= 0 || hover.x() < 0)
        return;
    const double cw = region.width() / cols, ch = region.height() / rows;
    QPen pen(Qt::white, 1.5);
    pen.setCosmetic(true);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawRect(QRectF(region.left() + hover.x() * cw, region.top() + hover.y() * ch, cw, ch));
}

void TileGridItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (area.isEmpty())
        return;
    // Dark under light, one screen pixel each, so the grid reads on water
    // and on bright urban returns alike; lines outside the exposed part are
    // skipped (a 30,000² scene has hundreds).
    const QRectF shown = option->exposedRect.intersected(area);
    QPen dark(QColor(0, 0, 0, 160), 3), light(QColor(255, 255, 255, 200), 1);
    dark.setCosmetic(true);
    light.setCosmetic(true);
    for (const QPen &pen : {dark, light}) {
        p->setPen(pen);
        p->drawRect(area);
        for (double x : xs)
            if (x >= shown.left() && x <= shown.right())
                p->drawLine(QPointF(x, shown.top()), QPointF(x, shown.bottom()));
        for (double y : ys)
            if (y >= shown.top() && y <= shown.bottom())
                p->drawLine(QPointF(shown.left(), y), QPointF(shown.right(), y));
    }
}

void HeatmapItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (values.empty())
        return;
    p->setPen(Qt::NoPen);
    for (int i = 0; i < int(values.size()); ++i) {
        const double t = (values[size_t(i)] - lo) / (hi - lo);
        QColor c = QColor::fromRgb(render::colormapColor(render::Colormap::Turbo, t));
        c.setAlpha(100);
        p->setBrush(c);
        p->drawRect(grid.cellRect(i, region));
    }
    if (best >= 0) {
        // Drawn inside the window (2 screen pixels in), so the outline never
        // spills over the image's edge.
        const double px = 1.0 / option->levelOfDetailFromTransform(p->worldTransform());
        const QRectF w = grid.windowRect(best, region).adjusted(2 * px, 2 * px, -2 * px, -2 * px);
        p->setBrush(Qt::NoBrush);
        QPen outer(Qt::black, 4), inner(Qt::white, 2);
        outer.setCosmetic(true);
        inner.setCosmetic(true);
        p->setPen(outer);
        p->drawRect(w);
        p->setPen(inner);
        p->drawRect(w);
    }
}

} // namespace moescope::gui
