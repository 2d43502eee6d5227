#pragma once
// The one image view of MoEScope (Qt's Graphics View): a picture with its
// overlays in scene coordinates (image pixels), zoom (wheel, pinch, +/-/0/1
// keys), pan (left- or middle-drag), fit and 1:1, the pixel under the mouse
// reported for a readout, and the gestures of a slice viewer (right-drag for
// window/level, wheel for slices where wheelAction() is Steps; Ctrl+wheel
// zooms there). The main window shows images, results and reopened runs in
// it, the gallery dock its queries and hits, the compare dialog two linked.
//
// A scene read by region (a SAR product of 20,000² pixels) is never drawn
// whole: tiles of 256² display pixels are read at the level of detail the
// zoom needs, on the thread pool, kept in a cache (QCache, 192 MiB), and the
// best tile already cached stands in until the sharp one arrives.

#include "image/image.h"
#include "image/scenesource.h"
#include "sceneitems.h"
#include "windowgrid.h"

#include <QGraphicsView>
#include <QImage>
#include <QSharedPointer>
#include <QVariantMap>

#include <vector>

class QGraphicsPixmapItem;
class QGraphicsRectItem;

namespace moescope::gui {

class OverlayGridItem;
class HeatmapItem;
class TokenHighlightItem;
class SceneTileItem;
class TileGridItem;

class SceneView : public QGraphicsView
{
    Q_OBJECT
public:
    enum class WheelAction { Zoom, Steps };

    explicit SceneView(QWidget *parent = nullptr);
    ~SceneView() override;

    // --- The picture --------------------------------------------------
    // A picture in memory. Height of a pixel over its width (row over column
    // spacing): a coronal cut of 0.7 mm pixels and 5 mm slices is drawn in its
    // true proportions.
    void setImage(const QImage &image, double pixelAspect);
    void setImage(const QImage &image); // keeps the pixel aspect
    const QImage &image() const { return m_image; }
    // A scene read by region (see above), frame `frame`, its samples shown
    // through `window` (invalid: the source's display window, else the range
    // of an overview read first), as `display` says (the source's
    // displayOptions values).
    void setSource(QSharedPointer<const SceneSource> source, int frame = 0, WindowLevel window = {},
                   const QVariantMap &display = {});
    QSharedPointer<const SceneSource> source() const { return m_source; }
    QSize pictureSize() const; // image or source size, in pixels
    void setPixelAspect(double aspect);
    double pixelAspect() const { return m_aspect; }
    void setPlaceholder(const QString &text);
    void setCaption(const QString &caption);
    // The host's words for the pixel under the mouse (its value in HU, say),
    // drawn in the lower left corner.
    void setReadout(const QString &text);
    QString readout() const { return m_readout; }

    // --- Overlays, in image pixels ---------------------------------------
    // The part of the picture the model saw (an ultrasound imaging region, a
    // drawn query region); the overlay, the token grid and the heatmap lie
    // over it. Invalid: the whole picture.
    void setModelRegion(const QRect &region);
    QRect modelRegion() const { return m_region; }
    void setRegion(const QRect &region) { setModelRegion(region); }
    // Drawn stretched over the model region.
    void setOverlay(const QImage &overlay, double opacity);
    void setOpacity(double opacity);
    void setTokenGrid(int rows, int cols); // 0 × 0: no grid
    // A tiled run's tile grid (scene pixels: `area` and the edges inside it),
    // drawn while visible; an empty area clears it.
    void setTileGrid(const QRectF &area, std::vector<double> xs, std::vector<double> ys);
    void setTileGridVisible(bool visible);
    // Labelled rectangles over the frame (FrameBoxesItem), image pixels.
    void setFrameBoxes(QList<FrameBoxesItem::Box> boxes);
    const QList<FrameBoxesItem::Box> &frameBoxes() const { return m_frameBoxesItem->boxes; }
    bool tileGridVisible() const;
    // Tokens of a rows × cols grid over the model region picked out (the
    // others dimmed): an expert path's. Empty `on` clears it.
    void setTokenHighlight(int rows, int cols, std::vector<bool> on);
    int highlightedTokens() const;
    // Window-match heatmap: one value per window (row-major), the best window
    // outlined (-1: none). Empty values clear it.
    // `label` names it in the view's corner ("window match", "score map").
    void setHeatmap(const std::vector<float> &values, const WindowGrid &grid, int bestWindow,
                    const QString &label = {});
    bool hasHeatmap() const;
    void setHeatmapVisible(bool visible);
    bool heatmapVisible() const;
    // While on, a left-drag draws a rectangle and regionSelected() reports it
    // in image pixels; the last one stays drawn until it is off.
    void setRegionSelection(bool on);
    bool regionSelection() const { return m_selecting; }
    QRect selectedRegion() const { return m_selection; }

    // --- Zoom and pan -------------------------------------------------------
    void fitToWindow();
    void actualSize(); // 1:1, one screen pixel per image pixel
    // Zoom by `factor` keeping the image point under `viewportPos` in place.
    void zoomBy(double factor, const QPointF &viewportPos);
    bool isFitted() const { return m_fitted; }
    double scaleFactor() const { return m_scale; } // screen pixels per image pixel
    // 1 = fitted; the centre is the image point (in fractions) at the view's centre.
    void setView(double zoom, const QPointF &center);
    double zoom() const;
    QPointF center() const;
    void setWheelAction(WheelAction action) { m_wheelAction = action; }
    WheelAction wheelAction() const { return m_wheelAction; }

    // --- Geometry, in viewport coordinates --------------------------------
    QRect imageRect() const;    // where the picture is drawn
    QRectF overlayRect() const; // where the model region is drawn
    QPointF mapToImage(const QPointF &viewportPos) const;
    QPointF mapFromImage(const QPointF &imagePos) const;

    // Tiles of a scene read by region: how many reads were started, and
    // whether none is in flight (for tests and benchmarks).
    int tileReads() const;
    bool tilesIdle() const;

    QSize sizeHint() const override { return {560, 560}; }
    QSize minimumSizeHint() const override { return {120, 120}; }

Q_SIGNALS:
    // row/col of the token under the mouse (-1 when outside the grid) and the
    // image pixel under it.
    void tokenHovered(int row, int col, QPoint imagePixel);
    // The image pixel under the mouse; (-1, -1) when it left the picture.
    void pixelHovered(QPoint imagePixel);
    void fileDropped(const QString &path);
    // The mouse moved by (dx, dy) pixels with the right button held.
    void windowDragged(int dx, int dy);
    // Wheel turned by whole notches (WheelAction::Steps): positive towards
    // the user (the next slice).
    void wheelSteps(int steps);
    void regionSelected(const QRect &imagePixels);
    // The view zoomed or panned (by the user, or by setView when that changed
    // it: a linked view follows, and its echo changes nothing).
    void viewChanged(double zoom, QPointF center);
    void doubleClicked();
    void tilesArrived();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setPicture(QSize size);
    void applyTransform(const QPointF &keepScene, const QPointF &atViewport);
    double fitScale() const;
    void layoutOverlays();
    QPoint imagePixelAt(const QPointF &viewportPos, bool clamp) const;
    void hover(const QPointF &viewportPos);
    void emitViewChanged();
    void updateCenter();

    QImage m_image;
    QSharedPointer<const SceneSource> m_source;
    QSize m_size;
    double m_aspect = 1.0;
    double m_scale = 1.0;
    bool m_fitted = true;
    QPointF m_center{0.5, 0.5};
    bool m_settingView = false;
    WheelAction m_wheelAction = WheelAction::Zoom;
    QRect m_region;
    QImage m_overlay;
    double m_opacity = 0.5;
    QString m_placeholder, m_caption, m_readout;
    bool m_selecting = false;
    QPoint m_bandFrom{-1, -1};
    QRect m_selection;
    QPoint m_rightFrom{-1, -1};
    QPoint m_panFrom{-1, -1};
    int m_wheelAngle = 0;
    QPoint m_hoverToken{-1, -1};

    QGraphicsScene *m_scene = nullptr;
    QGraphicsPixmapItem *m_pixmapItem = nullptr;
    SceneTileItem *m_tileItem = nullptr;
    QGraphicsRectItem *m_clipItem = nullptr;
    QGraphicsPixmapItem *m_overlayItem = nullptr;
    OverlayGridItem *m_gridItem = nullptr;
    TileGridItem *m_tileGridItem = nullptr;
    FrameBoxesItem *m_frameBoxesItem = nullptr;
    HeatmapItem *m_heatmapItem = nullptr;
    TokenHighlightItem *m_highlightItem = nullptr;
    QString m_heatmapLabel;
    QGraphicsRectItem *m_selectionItem = nullptr;
};

} // namespace moescope::gui
