#include "sceneview.h"

#include "sceneitems.h"
#include "scenetiles.h"

#include <QDragEnterEvent>
#include <QGraphicsPixmapItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QLocale>
#include <QMimeData>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace moescope::gui {

SceneView::SceneView(QWidget *parent) : QGraphicsView(parent), m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    setBackgroundBrush(QColor(32, 32, 36));
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::NoAnchor);
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setRenderHint(QPainter::SmoothPixmapTransform);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    viewport()->grabGesture(Qt::PinchGesture);

    m_pixmapItem = m_scene->addPixmap(QPixmap());
    m_pixmapItem->setTransformationMode(Qt::SmoothTransformation);
    // The overlay lies in a frame that clips it to the picture: a mosaic's
    // cells may reach past the scene's edge.
    m_clipItem = m_scene->addRect(QRectF(), Qt::NoPen, Qt::NoBrush);
    m_clipItem->setFlag(QGraphicsItem::ItemClipsChildrenToShape);
    m_clipItem->setZValue(2);
    m_overlayItem = new QGraphicsPixmapItem(m_clipItem);
    // Labels and token cells are drawn as they are (and fast: a 1,024²
    // overlay smoothed over a scene took tens of ms a repaint).
    m_overlayItem->setTransformationMode(Qt::FastTransformation);
    m_heatmapItem = new HeatmapItem;
    m_heatmapItem->setZValue(3);
    m_scene->addItem(m_heatmapItem);
    m_highlightItem = new TokenHighlightItem;
    m_highlightItem->setZValue(3.5);
    m_scene->addItem(m_highlightItem);
    m_gridItem = new OverlayGridItem;
    m_gridItem->setZValue(4);
    m_scene->addItem(m_gridItem);
    m_tileGridItem = new TileGridItem;
    m_tileGridItem->setZValue(4);
    m_tileGridItem->setVisible(false);
    m_tileGridItem->setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
    m_scene->addItem(m_tileGridItem);
    m_frameBoxesItem = new FrameBoxesItem;
    m_frameBoxesItem->setZValue(5);
    m_scene->addItem(m_frameBoxesItem);
    m_selectionItem = m_scene->addRect(QRectF(), QPen(QColor(255, 220, 60), 1.5, Qt::DashLine),
                                       QColor(255, 220, 60, 40));
    QPen band = m_selectionItem->pen();
    band.setCosmetic(true);
    m_selectionItem->setPen(band);
    m_selectionItem->setZValue(5);
    m_selectionItem->setVisible(false);
    m_placeholder = tr("Drop an image, a DICOM file or a volume here, or use File ▸ Open.");

    // A pan by scroll bar (keys, drag) is a view change the linked view follows.
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this, [this] { emitViewChanged(); });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { emitViewChanged(); });
}

SceneView::~SceneView() = default;

void SceneView::setImage(const QImage &image)
{
    setImage(image, m_aspect);
}

void SceneView::setImage(const QImage &image, double pixelAspect)
{
    if (m_tileItem) {
        delete m_tileItem;
        m_tileItem = nullptr;
    }
    m_source.reset();
    const double aspect = (pixelAspect > 0 && std::isfinite(pixelAspect)) ? pixelAspect : 1.0;
    // A new frame of the same size and proportions keeps the zoom and pan.
    const bool newGeometry = image.size() != m_size || std::abs(aspect - m_aspect) > 1e-9;
    m_image = image;
    m_aspect = aspect;
    m_pixmapItem->setPixmap(QPixmap::fromImage(image));
    m_pixmapItem->setVisible(!image.isNull());
    if (newGeometry)
        setPicture(image.isNull() ? QSize() : image.size());
    viewport()->update();
}

void SceneView::setSource(QSharedPointer<const SceneSource> source, int frame, WindowLevel window,
                          const QVariantMap &display)
{
    m_image = QImage();
    m_pixmapItem->setPixmap(QPixmap());
    m_pixmapItem->setVisible(false);
    delete m_tileItem;
    m_tileItem = nullptr;
    m_source = std::move(source);
    if (m_source) {
        m_tileItem = new SceneTileItem(m_source, frame, window, display);
        m_tileItem->setZValue(0);
        m_scene->addItem(m_tileItem);
        connect(m_tileItem, &SceneTileItem::tileArrived, this, &SceneView::tilesArrived);
        // The overview stands for the picture where a QImage is asked for.
        m_image = m_tileItem->overview();
    }
    // The same scene shown another way (amplitude, a filter) keeps the zoom
    // and pan, as a new frame of the same size does.
    const QSize size = m_source ? m_source->size() : QSize();
    if (size != m_size || m_aspect != 1.0) {
        m_aspect = 1.0;
        setPicture(size);
    } else {
        viewport()->update();
    }
}

QSize SceneView::pictureSize() const
{
    return m_size;
}

void SceneView::setPicture(QSize size)
{
    m_size = size;
    m_scene->setSceneRect(QRectF(QPointF(0, 0), QSizeF(size)));
    m_clipItem->setRect(QRectF(QPointF(0, 0), QSizeF(size)));
    layoutOverlays();
    fitToWindow();
}

void SceneView::setPixelAspect(double aspect)
{
    m_aspect = (aspect > 0 && std::isfinite(aspect)) ? aspect : 1.0;
    fitToWindow();
}

void SceneView::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void SceneView::setCaption(const QString &caption)
{
    m_caption = caption;
    viewport()->update();
}

void SceneView::setReadout(const QString &text)
{
    m_readout = text;
    viewport()->update();
}

void SceneView::setModelRegion(const QRect &region)
{
    m_region = region;
    layoutOverlays();
}

void SceneView::setOverlay(const QImage &overlay, double opacity)
{
    m_overlay = overlay;
    m_opacity = opacity;
    m_overlayItem->setPixmap(QPixmap::fromImage(overlay));
    layoutOverlays();
}

void SceneView::setOpacity(double opacity)
{
    m_opacity = opacity;
    m_overlayItem->setOpacity(opacity);
}

void SceneView::setTokenGrid(int rows, int cols)
{
    m_gridItem->rows = rows;
    m_gridItem->cols = cols;
    m_gridItem->update();
}

void SceneView::setTileGrid(const QRectF &area, std::vector<double> xs, std::vector<double> ys)
{
    m_tileGridItem->set(area, std::move(xs), std::move(ys));
    m_tileGridItem->update();
}

void SceneView::setFrameBoxes(QList<FrameBoxesItem::Box> boxes)
{
    m_frameBoxesItem->set(std::move(boxes));
    m_frameBoxesItem->update();
}

void SceneView::setTileGridVisible(bool visible)
{
    m_tileGridItem->setVisible(visible);
}

bool SceneView::tileGridVisible() const
{
    return m_tileGridItem->isVisible() && !m_tileGridItem->area.isEmpty();
}

void SceneView::setHeatmap(const std::vector<float> &values, const WindowGrid &grid, int bestWindow,
                           const QString &label)
{
    m_heatmapLabel = label.isEmpty() ? tr("window match") : label;
    m_heatmapItem->values = grid.valid() ? values : std::vector<float>();
    m_heatmapItem->grid = grid;
    m_heatmapItem->best = bestWindow;
    if (!m_heatmapItem->values.empty()) {
        const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        m_heatmapItem->lo = *lo;
        m_heatmapItem->hi = *hi > *lo ? *hi : *lo + 1e-6f;
    }
    m_heatmapItem->update();
    viewport()->update();
}

void SceneView::setTokenHighlight(int rows, int cols, std::vector<bool> on)
{
    m_highlightItem->rows = rows;
    m_highlightItem->cols = cols;
    m_highlightItem->on = std::move(on);
    m_highlightItem->update();
    viewport()->update();
}

int SceneView::highlightedTokens() const
{
    return int(std::count(m_highlightItem->on.begin(), m_highlightItem->on.end(), true));
}

bool SceneView::hasHeatmap() const
{
    return !m_heatmapItem->values.empty();
}

void SceneView::setHeatmapVisible(bool visible)
{
    m_heatmapItem->setVisible(visible);
    viewport()->update();
}

bool SceneView::heatmapVisible() const
{
    return m_heatmapItem->isVisible();
}

void SceneView::setRegionSelection(bool on)
{
    m_selecting = on;
    m_bandFrom = {-1, -1};
    m_selection = {};
    m_selectionItem->setVisible(false);
    viewport()->setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
}

void SceneView::layoutOverlays()
{
    const QRectF region =
        m_region.isValid() ? QRectF(m_region) : QRectF(QPointF(0, 0), QSizeF(m_size));
    m_overlayItem->setPos(region.topLeft());
    if (!m_overlay.isNull())
        m_overlayItem->setTransform(QTransform::fromScale(region.width() / m_overlay.width(),
                                                          region.height() / m_overlay.height()));
    m_overlayItem->setOpacity(m_opacity);
    m_overlayItem->setVisible(!m_overlay.isNull());
    m_gridItem->setRegion(region);
    m_heatmapItem->setRegion(region);
    m_highlightItem->setRegion(region);
    viewport()->update();
}

// --- Zoom and pan ------------------------------------------------------------

double SceneView::fitScale() const
{
    if (m_size.isEmpty())
        return 1.0;
    const QSize room = viewport()->size() - QSize(8, 8);
    return std::max(1e-6, std::min(double(room.width()) / m_size.width(),
                                   double(room.height()) / (m_size.height() * m_aspect)));
}

void SceneView::applyTransform(const QPointF &keepScene, const QPointF &atViewport)
{
    m_settingView = true;
    setTransform(QTransform::fromScale(m_scale, m_scale * m_aspect));
    // Room to pan past the edges by half a view, so any point can be centred.
    const QSizeF half(viewport()->width() / (2 * m_scale),
                      viewport()->height() / (2 * m_scale * m_aspect));
    setSceneRect(QRectF(QPointF(0, 0), QSizeF(m_size))
                     .adjusted(-half.width(), -half.height(), half.width(), half.height()));
    // Put keepScene under atViewport.
    const QPointF now = mapFromScene(keepScene);
    const QPointF delta = now - atViewport;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + int(std::lround(delta.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + int(std::lround(delta.y())));
    m_settingView = false;
    viewport()->update();
}

void SceneView::fitToWindow()
{
    const bool wasFitted = m_fitted;
    m_fitted = true;
    m_scale = fitScale();
    applyTransform(QPointF(m_size.width() / 2.0, m_size.height() / 2.0),
                   QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
    m_center = {0.5, 0.5};
    // The user's fit, from a zoomed view, is followed by linked views; a
    // fitted view refitting itself (a resize, a new frame) changes nothing.
    if (!wasFitted)
        emitViewChanged();
}

void SceneView::actualSize()
{
    zoomBy(1.0 / m_scale, QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
}

void SceneView::zoomBy(double factor, const QPointF &viewportPos)
{
    if (m_size.isEmpty())
        return;
    const QPointF keep = mapToScene(viewportPos.toPoint());
    const double fit = fitScale();
    m_scale = std::clamp(m_scale * factor, fit * 0.5, std::max(fit, 1.0) * 64.0);
    m_fitted = std::abs(m_scale - fit) < 1e-9;
    applyTransform(keep, viewportPos);
    updateCenter();
    emitViewChanged();
}

double SceneView::zoom() const
{
    return m_scale / fitScale();
}

QPointF SceneView::center() const
{
    return m_center;
}

void SceneView::updateCenter()
{
    // Scroll positions are whole pixels: the centre is kept as set (setView)
    // and only measured after the view moved by itself (zoom, pan, fit).
    if (m_size.isEmpty()) {
        m_center = {0.5, 0.5};
        return;
    }
    const QPointF c = mapToImage(QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
    m_center = {c.x() / m_size.width(), c.y() / m_size.height()};
}

void SceneView::setView(double zoom, const QPointF &center)
{
    const double oldZoom = this->zoom();
    const QPointF oldCenter = this->center();
    m_scale = fitScale() * std::max(1e-3, zoom);
    m_fitted = std::abs(zoom - 1.0) < 1e-9 && std::abs(center.x() - 0.5) < 1e-9 &&
               std::abs(center.y() - 0.5) < 1e-9;
    applyTransform(QPointF(center.x() * m_size.width(), center.y() * m_size.height()),
                   QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
    m_center = center;
    // Reported when it changed, so a linked view follows; a setView made by
    // a view following another is not reported again (no echo).
    static int following = 0;
    if (following == 0 &&
        (std::abs(oldZoom - zoom) > 1e-6 || std::abs(oldCenter.x() - center.x()) > 1e-3 ||
         std::abs(oldCenter.y() - center.y()) > 1e-3)) {
        ++following;
        Q_EMIT viewChanged(zoom, center);
        --following;
    }
}

void SceneView::emitViewChanged()
{
    if (!m_settingView)
        updateCenter();
    if (!m_settingView && !m_size.isEmpty())
        Q_EMIT viewChanged(zoom(), center());
}

void SceneView::resizeEvent(QResizeEvent *event)
{
    const QPointF c = center();
    const double z = zoom();
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        fitToWindow();
    else
        setView(z, c);
}

// --- Geometry ---------------------------------------------------------------

QRect SceneView::imageRect() const
{
    if (m_size.isEmpty())
        return {};
    return mapFromScene(QRectF(QPointF(0, 0), QSizeF(m_size))).boundingRect();
}

QRectF SceneView::overlayRect() const
{
    const QRectF region =
        m_region.isValid() ? QRectF(m_region) : QRectF(QPointF(0, 0), QSizeF(m_size));
    return QRectF(mapFromImage(region.topLeft()), mapFromImage(region.bottomRight()));
}

QPointF SceneView::mapToImage(const QPointF &viewportPos) const
{
    return viewportTransform().inverted().map(viewportPos);
}

QPointF SceneView::mapFromImage(const QPointF &imagePos) const
{
    return viewportTransform().map(imagePos);
}

QPoint SceneView::imagePixelAt(const QPointF &viewportPos, bool clamp) const
{
    const QPointF p = mapToImage(viewportPos);
    if (clamp)
        return QPoint(std::clamp(int(std::lround(p.x())), 0, m_size.width()),
                      std::clamp(int(std::lround(p.y())), 0, m_size.height()));
    return QPoint(int(std::floor(p.x())), int(std::floor(p.y())));
}

int SceneView::tileReads() const
{
    return m_tileItem ? m_tileItem->reads() : 0;
}

bool SceneView::tilesIdle() const
{
    return !m_tileItem || m_tileItem->idle();
}

void SceneView::drawForeground(QPainter *p, const QRectF &)
{
    // Text in viewport pixels, whatever the zoom.
    p->save();
    p->resetTransform();
    if (m_size.isEmpty()) {
        p->setPen(QColor(200, 200, 200));
        p->drawText(viewport()->rect().adjusted(20, 20, -20, -20),
                    Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        p->restore();
        return;
    }
    QStringList top;
    if (!m_caption.isEmpty())
        top << m_caption;
    if (hasHeatmap() && heatmapVisible())
        top << tr("%1 %2–%3")
                   .arg(m_heatmapLabel)
                   .arg(m_heatmapItem->lo, 0, 'f', 2)
                   .arg(m_heatmapItem->hi, 0, 'f', 2);
    QFont f = font();
    f.setPointSizeF(std::max(7.0, f.pointSizeF() - 1));
    p->setFont(f);
    const QFontMetrics fm(f);
    auto box = [&](const QString &line, int y) {
        const QString text = fm.elidedText(line, Qt::ElideRight, viewport()->width() - 12);
        const QRect r(3, y, fm.horizontalAdvance(text) + 8, fm.height() + 2);
        p->fillRect(r, QColor(0, 0, 0, 170));
        p->setPen(Qt::white);
        p->drawText(r.adjusted(4, 1, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
        return r.height();
    };
    int y = 3;
    for (const QString &line : top)
        y += box(line, y);
    QStringList bottom;
    if (!m_readout.isEmpty())
        bottom << m_readout;
    if (!m_fitted)
        bottom << tr("%1%").arg(QLocale().toString(m_scale * 100, 'f', m_scale < 0.1 ? 1 : 0));
    if (!bottom.isEmpty())
        box(bottom.join(QStringLiteral("   ")), viewport()->height() - fm.height() - 5);
    p->restore();
}

} // namespace moescope::gui
