#include "imageview.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace moescope::gui {

ImageView::ImageView(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAcceptDrops(true);
    setMinimumSize(240, 240);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(32, 32, 36));
    setPalette(p);
    m_placeholder = tr("Drop an image, a DICOM file or a volume here, or use File ▸ Open.");
}

void ImageView::setImage(const QImage &image)
{
    m_image = image;
    update();
}

void ImageView::setOverlay(const QImage &overlay, double opacity)
{
    m_overlay = overlay;
    m_opacity = opacity;
    update();
}

void ImageView::setOpacity(double opacity)
{
    m_opacity = opacity;
    update();
}

void ImageView::setTokenGrid(int rows, int cols)
{
    m_rows = rows;
    m_cols = cols;
    update();
}

void ImageView::setModelRegion(const QRect &region)
{
    m_region = region;
    update();
}

QRectF ImageView::overlayRect() const
{
    const QRect r = imageRect();
    if (r.isNull() || !m_region.isValid())
        return r;
    const double sx = double(r.width()) / m_image.width(),
                 sy = double(r.height()) / m_image.height();
    return QRectF(r.left() + m_region.x() * sx, r.top() + m_region.y() * sy, m_region.width() * sx,
                  m_region.height() * sy);
}

void ImageView::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

void ImageView::setPixelAspect(double aspect)
{
    m_aspect = (aspect > 0 && std::isfinite(aspect)) ? aspect : 1.0;
    update();
}

void ImageView::setRegionSelection(bool on)
{
    m_selecting = on;
    m_bandFrom = {-1, -1};
    m_selection = {};
    setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
    update();
}

QPoint ImageView::imagePixelAt(const QPoint &pos) const
{
    const QRect r = imageRect();
    if (r.isEmpty())
        return {};
    const double fx = std::clamp(double(pos.x() - r.left()) / r.width(), 0.0, 1.0);
    const double fy = std::clamp(double(pos.y() - r.top()) / r.height(), 0.0, 1.0);
    return QPoint(int(std::lround(fx * m_image.width())), int(std::lround(fy * m_image.height())));
}

QRect ImageView::imageRect() const
{
    if (m_image.isNull())
        return {};
    QSize s(m_image.width(), std::max(1, int(std::lround(m_image.height() * m_aspect))));
    s.scale(size() - QSize(8, 8), Qt::KeepAspectRatio);
    return QRect(QPoint((width() - s.width()) / 2, (height() - s.height()) / 2), s);
}

void ImageView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (m_image.isNull()) {
        p.setPen(QColor(200, 200, 200));
        p.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap,
                   m_placeholder);
        return;
    }
    const QRect r = imageRect();
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(r, m_image);
    const QRectF o = overlayRect();
    if (!m_overlay.isNull()) {
        p.setOpacity(m_opacity);
        p.drawImage(o, m_overlay);
        p.setOpacity(1.0);
    }
    if (m_selecting && m_selection.isValid()) {
        const double sx = double(r.width()) / m_image.width(),
                     sy = double(r.height()) / m_image.height();
        const QRectF band(r.left() + m_selection.x() * sx, r.top() + m_selection.y() * sy,
                          m_selection.width() * sx, m_selection.height() * sy);
        p.setBrush(QColor(255, 220, 60, 40));
        p.setPen(QPen(QColor(255, 220, 60), 1.5, Qt::DashLine));
        p.drawRect(band);
        p.setBrush(Qt::NoBrush);
    }
    if (m_rows > 0 && m_cols > 0 && m_hoverToken.x() >= 0) {
        const double cw = o.width() / m_cols, ch = o.height() / m_rows;
        p.setPen(QPen(Qt::white, 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawRect(
            QRectF(o.left() + m_hoverToken.x() * cw, o.top() + m_hoverToken.y() * ch, cw, ch));
    }
}

void ImageView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_selecting && !m_image.isNull()) {
        m_bandFrom = imagePixelAt(event->position().toPoint());
        m_selection = {};
        update();
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        m_dragFrom = event->position().toPoint();
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void ImageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_bandFrom.x() >= 0) {
        m_selection = QRect(m_bandFrom, imagePixelAt(event->position().toPoint())).normalized();
        m_bandFrom = {-1, -1};
        update();
        if (m_selection.width() >= 2 && m_selection.height() >= 2)
            Q_EMIT regionSelected(m_selection);
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton)
        m_dragFrom = {-1, -1};
    QWidget::mouseReleaseEvent(event);
}

void ImageView::wheelEvent(QWheelEvent *event)
{
    // Notches of 15° (120 eighths); touchpads send smaller deltas that add up. Turning the
    // wheel towards the user (a negative delta) goes to the next slice, as slice viewers do.
    m_wheelAngle -= event->angleDelta().y();
    const int steps = m_wheelAngle / 120;
    if (steps != 0) {
        m_wheelAngle -= steps * 120;
        Q_EMIT wheelSteps(steps);
    }
    event->accept();
}

void ImageView::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && m_bandFrom.x() >= 0) {
        m_selection = QRect(m_bandFrom, imagePixelAt(event->position().toPoint())).normalized();
        update();
        return;
    }
    if ((event->buttons() & Qt::RightButton) && m_dragFrom.x() >= 0) {
        const QPoint pos = event->position().toPoint();
        const QPoint delta = pos - m_dragFrom;
        m_dragFrom = pos;
        if (!delta.isNull())
            Q_EMIT windowDragged(delta.x(), delta.y());
        return;
    }
    const QRect r = imageRect();
    const QPoint pos = event->position().toPoint();
    if (m_image.isNull() || !r.contains(pos)) {
        if (m_hoverToken.x() >= 0) {
            m_hoverToken = {-1, -1};
            update();
            Q_EMIT tokenHovered(-1, -1, {});
        }
        return;
    }
    const double fx = double(pos.x() - r.left()) / r.width();
    const double fy = double(pos.y() - r.top()) / r.height();
    const QPoint pixel(int(fx * m_image.width()), int(fy * m_image.height()));
    const QRectF o = overlayRect();
    const double gx = (pos.x() - o.left()) / o.width(), gy = (pos.y() - o.top()) / o.height();
    QPoint token(-1, -1);
    if (m_rows > 0 && m_cols > 0 && gx >= 0 && gx < 1 && gy >= 0 && gy < 1)
        token =
            QPoint(std::min(m_cols - 1, int(gx * m_cols)), std::min(m_rows - 1, int(gy * m_rows)));
    if (token != m_hoverToken) {
        m_hoverToken = token;
        update();
    }
    Q_EMIT tokenHovered(token.y(), token.x(), pixel);
}

void ImageView::leaveEvent(QEvent *)
{
    m_hoverToken = {-1, -1};
    update();
    Q_EMIT tokenHovered(-1, -1, {});
}

void ImageView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ImageView::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        Q_EMIT fileDropped(urls.first().toLocalFile());
}

} // namespace moescope::gui
