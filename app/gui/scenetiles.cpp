#include "scenetiles.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPointer>
#include <QStyleOptionGraphicsItem>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <cmath>

namespace moescope::gui {

namespace {

// Samples → display pixels through `window` (1 or 3 bands; others show band 0).
QImage render(const Raster &raster, const WindowLevel &window)
{
    return raster.toImageStack().toQImage(0, window);
}

// Tile reads (GDAL decoding, dB conversion, a speckle filter) run on a pool
// of their own, one thread short of the cores: on a 2-core machine two
// readers took the core the event loop needed and a pan stalled ~100 ms.
QThreadPool *tilePool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool(qApp);
        p->setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
        return p;
    }();
    return pool;
}

std::atomic<int> g_cacheKilobytes{192 * 1024};

int cacheKilobytes()
{
    return g_cacheKilobytes.load();
}
} // namespace

void SceneTileItem::setCacheMegabytes(int megabytes)
{
    g_cacheKilobytes = std::max(1, megabytes) * 1024;
}

SceneTileItem::SceneTileItem(QSharedPointer<const SceneSource> source, int frame,
                             WindowLevel window, QVariantMap display)
    : m_source(std::move(source)), m_frame(frame), m_window(window), m_display(std::move(display)),
      m_generation(std::make_shared<std::atomic_int>(0))
{
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
    m_cache.setMaxCost(cacheKilobytes()); // KiB
    const QSize size = m_source->size();
    const int longer = std::max(size.width(), size.height());
    while ((longer >> m_maxLevel) > kTile)
        ++m_maxLevel;
    // The overview: the whole scene at most 512 pixels a side.
    const double scale = std::min(1.0, 512.0 / longer);
    const QSize out(std::max(1, int(std::lround(size.width() * scale))),
                    std::max(1, int(std::lround(size.height() * scale))));
    Raster raster;
    if (!m_source->readForDisplay(m_frame, QRect(QPoint(0, 0), size), out, m_display, &raster,
                                  &m_error))
        return;
    if (!m_window.valid())
        m_window = m_source->displayWindow(m_display);
    if (!m_window.valid()) {
        ImageStack stack = raster.toImageStack();
        m_window = stack.effectiveWindow();
    }
    m_overview = render(raster, m_window);
}

SceneTileItem::~SceneTileItem()
{
    m_generation->fetch_add(1); // reads not started yet are skipped
}

QRectF SceneTileItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), QSizeF(m_source->size()));
}

int SceneTileItem::levelFor(double screenPerScene) const
{
    int level = 0;
    while (level < m_maxLevel && std::pow(2.0, level + 1) <= 1.0 / screenPerScene + 1e-9)
        ++level;
    return level;
}

QRect SceneTileItem::tileRegion(int level, int tx, int ty) const
{
    const int span = kTile << level;
    return QRect(tx * span, ty * span, span, span)
        .intersected(QRect(QPoint(0, 0), m_source->size()));
}

void SceneTileItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF bounds = boundingRect();
    if (!m_overview.isNull())
        painter->drawImage(bounds, m_overview);
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const int level = levelFor(lod);
    if (level != m_level) {
        m_level = level;
        m_generation->fetch_add(1); // what was asked for another level may be dropped
    }
    // Where the overview has at least a pixel per screen pixel, it is enough.
    if (!m_overview.isNull() && lod <= double(m_overview.width()) / m_source->size().width())
        return;
    const int span = kTile << level;
    const QRectF exposed = option->exposedRect.intersected(bounds);
    const int tx0 = int(exposed.left()) / span, tx1 = int(std::ceil(exposed.right())) / span;
    const int ty0 = int(exposed.top()) / span, ty1 = int(std::ceil(exposed.bottom())) / span;
    painter->setRenderHint(QPainter::SmoothPixmapTransform, lod < 1.0);
    for (int ty = ty0; ty <= ty1; ++ty) {
        for (int tx = tx0; tx <= tx1; ++tx) {
            const QRect region = tileRegion(level, tx, ty);
            if (region.isEmpty())
                continue;
            if (const QImage *tile = m_cache.object(key(level, tx, ty))) {
                painter->drawImage(QRectF(region), *tile);
                continue;
            }
            request(level, tx, ty);
            drawFallback(painter, level, tx, ty);
        }
    }
}

bool SceneTileItem::drawFallback(QPainter *painter, int level, int tx, int ty)
{
    const QRect region = tileRegion(level, tx, ty);
    for (int coarser = level + 1; coarser <= m_maxLevel; ++coarser) {
        const int shift = coarser - level;
        const int cx = tx >> shift, cy = ty >> shift;
        const QImage *tile = m_cache.object(key(coarser, cx, cy));
        if (!tile)
            continue;
        const QRect cRegion = tileRegion(coarser, cx, cy);
        const double sx = double(tile->width()) / cRegion.width();
        const double sy = double(tile->height()) / cRegion.height();
        const QRectF source((region.x() - cRegion.x()) * sx, (region.y() - cRegion.y()) * sy,
                            region.width() * sx, region.height() * sy);
        painter->drawImage(QRectF(region), *tile, source);
        return true;
    }
    return false; // the overview, drawn first, stands in
}

void SceneTileItem::request(int level, int tx, int ty)
{
    const quint64 k = key(level, tx, ty);
    if (m_pending.contains(k))
        return;
    m_pending.insert(k);
    ++m_reads;
    const QRect region = tileRegion(level, tx, ty);
    const QSize out(std::max(1, region.width() >> level), std::max(1, region.height() >> level));
    QPointer<SceneTileItem> self(this);
    auto source = m_source;
    auto generation = m_generation;
    const int asked = generation->load();
    const int frame = m_frame;
    const WindowLevel window = m_window;
    const QVariantMap display = m_display;
    tilePool()->start([=] {
        QImage image;
        if (generation->load() == asked) {
            Raster raster;
            QString error;
            if (source->readForDisplay(frame, region, out, display, &raster, &error))
                image = render(raster, window);
        }
        // Delivered on the main thread, where the item lives and dies.
        QMetaObject::invokeMethod(
            qApp,
            [self, k, image] {
                if (self)
                    self->deliver(k, image);
            },
            Qt::QueuedConnection);
    });
}

void SceneTileItem::deliver(quint64 k, const QImage &image)
{
    m_pending.remove(k);
    if (!image.isNull()) {
        m_cache.insert(k, new QImage(image), std::max<qsizetype>(1, image.sizeInBytes() / 1024));
        update();
    }
    Q_EMIT tileArrived();
}

} // namespace moescope::gui
