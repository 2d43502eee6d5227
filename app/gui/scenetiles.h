#pragma once
// The picture of a scene read by region, for SceneView: tiles of 256 × 256
// display pixels at power-of-two levels of detail (level L: one display pixel
// per 2^L scene pixels), read on the thread pool when first drawn, kept in a
// QCache, and drawn from the nearest coarser tile (or the overview read at
// the start) until they arrive. A tile stale by the time a worker reaches it
// (the zoom moved on) is skipped.

#include "image/image.h"
#include "image/scenesource.h"

#include <QCache>
#include <QGraphicsObject>
#include <QImage>
#include <QSet>
#include <QSharedPointer>
#include <QVariantMap>

#include <atomic>
#include <memory>

namespace moescope::gui {

class SceneTileItem : public QGraphicsObject
{
    Q_OBJECT
public:
    static constexpr int kTile = 256;
    // The tiles each scene keeps decoded (Settings ▸ Tile cache); new items take it.
    static void setCacheMegabytes(int megabytes);

    // Reads the overview (at most 512 pixels a side) at once; `window`
    // invalid: the source's display window, else the overview's own range.
    // `display`: how the source shows it (SceneSource::displayOptions).
    SceneTileItem(QSharedPointer<const SceneSource> source, int frame, WindowLevel window,
                  QVariantMap display = {});
    ~SceneTileItem() override;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    WindowLevel window() const { return m_window; }
    const QImage &overview() const { return m_overview; }
    QString error() const { return m_error; }
    int reads() const { return m_reads; }
    bool idle() const { return m_pending.isEmpty(); }
    // The level paint() uses at `screenPerScene` screen pixels per scene pixel.
    int levelFor(double screenPerScene) const;

Q_SIGNALS:
    void tileArrived();

private:
    static quint64 key(int level, int tx, int ty)
    {
        return (quint64(level) << 48) | (quint64(ty) << 24) | quint64(tx);
    }
    QRect tileRegion(int level, int tx, int ty) const; // scene pixels, clipped to the scene
    void request(int level, int tx, int ty);
    void deliver(quint64 key, const QImage &image);
    bool drawFallback(QPainter *painter, int level, int tx, int ty);

    QSharedPointer<const SceneSource> m_source;
    int m_frame;
    WindowLevel m_window;
    QVariantMap m_display;
    QImage m_overview;
    QString m_error;
    int m_maxLevel = 0;
    QCache<quint64, QImage> m_cache;
    QSet<quint64> m_pending;
    int m_reads = 0;
    std::shared_ptr<std::atomic_int> m_generation;
    int m_level = -1;
};

} // namespace moescope::gui
