// SceneView's input: the wheel and pinch zoom, keys, dragging to pan or to
// draw a region, the token and pixel under the mouse, files dropped on it.
#include "sceneview.h"

#include "sceneitems.h"

#include <QDragEnterEvent>
#include <QGraphicsRectItem>
#include <QMimeData>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace moescope::gui {

void SceneView::wheelEvent(QWheelEvent *event)
{
    const bool zoomIt =
        m_wheelAction == WheelAction::Zoom || (event->modifiers() & Qt::ControlModifier);
    if (zoomIt) {
        const double notches = event->angleDelta().y() / 120.0;
        zoomBy(std::pow(1.25, notches), event->position());
        event->accept();
        return;
    }
    // Notches of 15° (120 eighths); touchpads send smaller deltas that add up.
    // Turning the wheel towards the user (a negative delta) goes to the next
    // slice, as slice viewers do.
    m_wheelAngle -= event->angleDelta().y();
    const int steps = m_wheelAngle / 120;
    if (steps != 0) {
        m_wheelAngle -= steps * 120;
        Q_EMIT wheelSteps(steps);
    }
    event->accept();
}

bool SceneView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1.0 + gesture->value(), gesture->position());
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

void SceneView::keyPressEvent(QKeyEvent *event)
{
    const QPointF mid(viewport()->width() / 2.0, viewport()->height() / 2.0);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25, mid);
        break;
    case Qt::Key_Minus:
        zoomBy(1 / 1.25, mid);
        break;
    case Qt::Key_0:
        fitToWindow();
        emitViewChanged();
        break;
    case Qt::Key_1:
        actualSize();
        break;
    default:
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void SceneView::mousePressEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (event->button() == Qt::LeftButton && m_selecting && !m_size.isEmpty()) {
        m_bandFrom = imagePixelAt(pos, true);
        m_selection = {};
        m_selectionItem->setVisible(false);
    } else if (event->button() == Qt::RightButton) {
        m_rightFrom = pos.toPoint();
    } else if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
        m_panFrom = pos.toPoint();
    }
    event->accept();
}

void SceneView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if ((event->buttons() & Qt::LeftButton) && m_bandFrom.x() >= 0) {
        m_selection = QRect(m_bandFrom, imagePixelAt(pos, true)).normalized();
        m_selectionItem->setRect(m_selection);
        m_selectionItem->setVisible(true);
        return;
    }
    if ((event->buttons() & Qt::RightButton) && m_rightFrom.x() >= 0) {
        const QPoint delta = pos - m_rightFrom;
        m_rightFrom = pos;
        if (!delta.isNull())
            Q_EMIT windowDragged(delta.x(), delta.y());
        return;
    }
    if ((event->buttons() & (Qt::LeftButton | Qt::MiddleButton)) && m_panFrom.x() >= 0) {
        const QPoint delta = pos - m_panFrom;
        m_panFrom = pos;
        m_fitted = false;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        return;
    }
    hover(event->position());
}

void SceneView::hover(const QPointF &viewportPos)
{
    const QPoint pixel = imagePixelAt(viewportPos, false);
    const bool inside = !m_size.isEmpty() && QRect(QPoint(0, 0), m_size).contains(pixel);
    if (!inside) {
        if (m_hoverToken.x() >= 0) {
            m_hoverToken = {-1, -1};
            m_gridItem->hover = m_hoverToken;
            m_gridItem->update();
        }
        Q_EMIT tokenHovered(-1, -1, {});
        Q_EMIT pixelHovered(QPoint(-1, -1));
        return;
    }
    const QRectF region = m_gridItem->region;
    const QPointF p = mapToImage(viewportPos);
    const double gx = (p.x() - region.left()) / region.width();
    const double gy = (p.y() - region.top()) / region.height();
    const int rows = m_gridItem->rows, cols = m_gridItem->cols;
    QPoint token(-1, -1);
    if (rows > 0 && cols > 0 && gx >= 0 && gx < 1 && gy >= 0 && gy < 1)
        token = QPoint(std::min(cols - 1, int(gx * cols)), std::min(rows - 1, int(gy * rows)));
    if (token != m_hoverToken) {
        m_hoverToken = token;
        m_gridItem->hover = token;
        m_gridItem->update();
    }
    Q_EMIT pixelHovered(pixel);
    Q_EMIT tokenHovered(token.y(), token.x(), pixel);
}

void SceneView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_bandFrom.x() >= 0) {
        m_selection = QRect(m_bandFrom, imagePixelAt(event->position(), true)).normalized();
        m_bandFrom = {-1, -1};
        m_selectionItem->setRect(m_selection);
        m_selectionItem->setVisible(m_selection.isValid());
        if (m_selection.width() >= 2 && m_selection.height() >= 2)
            Q_EMIT regionSelected(m_selection);
    }
    if (event->button() == Qt::RightButton)
        m_rightFrom = {-1, -1};
    if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton)
        m_panFrom = {-1, -1};
    event->accept();
}

void SceneView::mouseDoubleClickEvent(QMouseEvent *event)
{
    Q_EMIT doubleClicked();
    event->accept();
}

void SceneView::leaveEvent(QEvent *event)
{
    m_hoverToken = {-1, -1};
    m_gridItem->hover = m_hoverToken;
    m_gridItem->update();
    Q_EMIT tokenHovered(-1, -1, {});
    Q_EMIT pixelHovered(QPoint(-1, -1));
    QGraphicsView::leaveEvent(event);
}

void SceneView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void SceneView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void SceneView::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        Q_EMIT fileDropped(urls.first().toLocalFile());
}

} // namespace moescope::gui
