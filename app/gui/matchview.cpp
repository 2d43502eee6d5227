#include "matchview.h"

#include "model/contract.h"
#include "render/routingimages.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace moescope::gui {

QRectF WindowGrid::windowRect(int index, const QRectF &region) const
{
    if (!valid() || index < 0 || index >= rows * cols)
        return {};
    const int r = index / cols, c = index % cols;
    const double sx = region.width() / inputW, sy = region.height() / inputH;
    return QRectF(region.left() + c * strideX * sx, region.top() + r * strideY * sy, windowW * sx,
                  windowH * sy);
}

QRectF WindowGrid::cellRect(int index, const QRectF &region) const
{
    const QRectF w = windowRect(index, region);
    if (w.isNull())
        return {};
    const double sx = region.width() / inputW, sy = region.height() / inputH;
    const double cw = strideX * sx, ch = strideY * sy;
    return QRectF(w.center().x() - cw / 2, w.center().y() - ch / 2, cw, ch);
}

WindowGrid WindowGrid::fromContract(const model::ModelContract &contract,
                                    const std::string &outputName)
{
    WindowGrid g;
    const model::OutputSpec *out = contract.output(outputName);
    if (!out || out->gridRows <= 0 || out->gridCols <= 0)
        return g;
    g.rows = out->gridRows;
    g.cols = out->gridCols;
    const model::InputSpec *in = contract.input(out->input);
    if (!in)
        for (const model::InputSpec &spec : contract.inputs)
            if (spec.height > 0 && spec.width > 0) {
                in = &spec;
                break;
            }
    if (!in || in->height <= 0 || in->width <= 0)
        return {};
    g.inputW = in->width;
    g.inputH = in->height;
    // Without "stride" / "window" in the contract: windows evenly spaced,
    // each two strides wide (half-overlapping), as the reference model's are.
    g.strideY = out->strideRows > 0 ? out->strideRows : g.inputH / (g.rows + 1);
    g.strideX = out->strideCols > 0 ? out->strideCols : g.inputW / (g.cols + 1);
    g.windowH = out->windowRows > 0 ? out->windowRows : 2 * g.strideY;
    g.windowW = out->windowCols > 0 ? out->windowCols : 2 * g.strideX;
    return g;
}

MatchView::MatchView(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(120, 120);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(32, 32, 36));
    setPalette(p);
}

void MatchView::setImage(const QImage &image, double pixelAspect)
{
    m_image = image;
    m_aspect = (pixelAspect > 0 && std::isfinite(pixelAspect)) ? pixelAspect : 1.0;
    update();
}

void MatchView::setRegion(const QRect &region)
{
    m_region = region;
    update();
}

void MatchView::setHeatmap(const std::vector<float> &values, const WindowGrid &grid, int bestWindow)
{
    m_values =
        grid.valid() && int(values.size()) == grid.rows * grid.cols ? values : std::vector<float>();
    m_grid = grid;
    m_best = bestWindow;
    if (!m_values.empty()) {
        const auto [lo, hi] = std::minmax_element(m_values.begin(), m_values.end());
        m_lo = *lo;
        m_hi = std::max(*hi, *lo + 1e-6f);
    }
    update();
}

void MatchView::setHeatmapVisible(bool visible)
{
    m_heatmapVisible = visible;
    update();
}

void MatchView::setCaption(const QString &caption)
{
    m_caption = caption;
    update();
}

void MatchView::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

void MatchView::setView(double zoom, const QPointF &center)
{
    zoom = std::clamp(zoom, 1.0, 16.0);
    // Keep the image covering the view where it can.
    const double half = 0.5 / zoom;
    const QPointF c(std::clamp(center.x(), half, 1 - half), std::clamp(center.y(), half, 1 - half));
    if (qFuzzyCompare(zoom, m_zoom) && c == m_center)
        return;
    m_zoom = zoom;
    m_center = c;
    update();
    Q_EMIT viewChanged(m_zoom, m_center);
}

QRectF MatchView::imageRect() const
{
    if (m_image.isNull())
        return {};
    QSizeF s(m_image.width(), std::max(1.0, m_image.height() * m_aspect));
    s.scale(QSizeF(size()) - QSizeF(6, 6), Qt::KeepAspectRatio);
    s *= m_zoom;
    return QRectF(width() / 2.0 - m_center.x() * s.width(),
                  height() / 2.0 - m_center.y() * s.height(), s.width(), s.height());
}

QRectF MatchView::regionRect() const
{
    if (m_region.isValid())
        return QRectF(m_region);
    return QRectF(0, 0, m_image.width(), m_image.height());
}

void MatchView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (m_image.isNull()) {
        p.setPen(QColor(200, 200, 200));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                   m_placeholder);
        return;
    }
    const QRectF r = imageRect();
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    p.drawImage(r, m_image);
    const double sx = r.width() / m_image.width(), sy = r.height() / m_image.height();
    auto toWidget = [&](const QRectF &imageRect) {
        return QRectF(r.left() + imageRect.left() * sx, r.top() + imageRect.top() * sy,
                      imageRect.width() * sx, imageRect.height() * sy);
    };
    const QRectF region = regionRect();
    if (m_region.isValid()) {
        p.setPen(QPen(QColor(255, 220, 60), 1.5, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(toWidget(region));
    }
    if (m_heatmapVisible && !m_values.empty()) {
        p.setPen(Qt::NoPen);
        for (int i = 0; i < int(m_values.size()); ++i) {
            const double t = (m_values[size_t(i)] - m_lo) / (m_hi - m_lo);
            QColor c = QColor::fromRgb(render::colormapColor(render::Colormap::Turbo, t));
            c.setAlpha(100);
            p.setBrush(c);
            p.drawRect(toWidget(m_grid.cellRect(i, region)));
        }
        if (m_best >= 0) {
            // Drawn inside the window, so the outline never spills over the image's edge.
            const QRectF best = toWidget(m_grid.windowRect(m_best, region)).adjusted(2, 2, -2, -2);
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(Qt::black, 4));
            p.drawRect(best);
            p.setPen(QPen(Qt::white, 2));
            p.drawRect(best);
        }
    }
    // Caption and the heatmap's range, on dark boxes so they read over any image.
    QStringList lines;
    if (!m_caption.isEmpty())
        lines << m_caption;
    if (m_heatmapVisible && !m_values.empty())
        lines << tr("window match %1–%2").arg(m_lo, 0, 'f', 2).arg(m_hi, 0, 'f', 2);
    if (!lines.isEmpty()) {
        QFont f = font();
        f.setPointSizeF(std::max(7.0, f.pointSizeF() - 1));
        p.setFont(f);
        const QFontMetrics fm(f);
        int y = 3;
        for (const QString &line : lines) {
            const QString text = fm.elidedText(line, Qt::ElideRight, width() - 12);
            const QRect box(3, y, fm.horizontalAdvance(text) + 8, fm.height() + 2);
            p.fillRect(box, QColor(0, 0, 0, 170));
            p.setPen(Qt::white);
            p.drawText(box.adjusted(4, 1, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
            y += box.height();
        }
    }
}

void MatchView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_leftFrom = event->position().toPoint();
    else if (event->button() == Qt::RightButton)
        m_rightFrom = event->position().toPoint();
    event->accept();
}

void MatchView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if ((event->buttons() & Qt::LeftButton) && m_leftFrom.x() >= 0) {
        const QRectF r = imageRect();
        const QPoint d = pos - m_leftFrom;
        m_leftFrom = pos;
        if (!r.isEmpty())
            setView(m_zoom, m_center - QPointF(d.x() / r.width(), d.y() / r.height()));
    } else if ((event->buttons() & Qt::RightButton) && m_rightFrom.x() >= 0) {
        const QPoint d = pos - m_rightFrom;
        m_rightFrom = pos;
        if (!d.isNull())
            Q_EMIT windowDragged(d.x(), d.y());
    }
}

void MatchView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_leftFrom = {-1, -1};
    else if (event->button() == Qt::RightButton)
        m_rightFrom = {-1, -1};
}

void MatchView::mouseDoubleClickEvent(QMouseEvent *)
{
    Q_EMIT doubleClicked();
}

void MatchView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0 || m_image.isNull())
        return;
    // Zoom about the point under the mouse.
    const QRectF r = imageRect();
    const QPointF pos = event->position();
    const QPointF under((pos.x() - r.left()) / r.width(), (pos.y() - r.top()) / r.height());
    const double zoom = std::clamp(m_zoom * std::pow(1.25, steps), 1.0, 16.0);
    const double k = m_zoom / zoom;
    setView(zoom, under + (m_center - under) * k);
    event->accept();
}

} // namespace moescope::gui
