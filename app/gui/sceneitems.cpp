#include "sceneitems.h"

#include "render/routingimages.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

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

QRectF FrameBoxesItem::boundingRect() const
{
    QRectF r;
    for (const Box &b : boxes)
        r = r.united(b.rect);
    // Room for the pen and the label above or below the box, in image pixels (the
    // view may be zoomed far out; the label is then simply cut).
    return r.adjusted(-40, -40, 40, 40);
}

void FrameBoxesItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    // Labels at screen size; one that would cover another (a track on its
    // ground truth) moves below its box, then to its right-hand corner.
    QList<QRectF> labels;
    const QFontMetricsF fm(p->font());
    for (const Box &b : boxes) {
        const QColor colour = render::frameBoxColor(b.role);
        QPen pen(colour, 2, b.role == QLatin1String("region") ? Qt::DashLine : Qt::SolidLine);
        pen.setCosmetic(true);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawRect(b.rect);
        if (!b.label.isEmpty()) {
            const QTransform t = p->worldTransform();
            const QRectF box = t.mapRect(b.rect);
            const QSizeF size(fm.horizontalAdvance(b.label) + 4, fm.height());
            const QList<QPointF> places{box.topLeft() - QPointF(0, size.height() + 1),
                                        box.bottomLeft() + QPointF(0, 1),
                                        box.topRight() - QPointF(size.width(), size.height() + 1),
                                        box.bottomRight() + QPointF(-size.width(), 1)};
            QRectF label(places.first(), size);
            for (const QPointF &at : places) {
                const QRectF r(at, size);
                if (std::none_of(labels.begin(), labels.end(),
                                 [&](const QRectF &o) { return o.intersects(r); })) {
                    label = r;
                    break;
                }
            }
            labels << label;
            p->save();
            p->resetTransform();
            p->setPen(colour);
            p->drawText(label.adjusted(2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, b.label);
            p->restore();
        }
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

void TokenHighlightItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (on.empty() || rows <= 0 || cols <= 0 || on.size() != size_t(rows) * cols)
        return;
    const double w = region.width() / cols, h = region.height() / rows;
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0, 0, 0, 150));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            if (!on[size_t(r) * cols + c])
                p->drawRect(QRectF(region.left() + c * w, region.top() + r * h, w, h));
    QPen pen(QColor(255, 255, 255, 220), 1.5);
    pen.setCosmetic(true);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            if (on[size_t(r) * cols + c])
                p->drawRect(QRectF(region.left() + c * w, region.top() + r * h, w, h));
}

} // namespace moescope::gui
