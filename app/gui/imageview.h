#pragma once
// The image with a routing overlay stretched over it (the model's token grid
// covers the whole frame), fitted to the widget. Reports the image pixel and
// the token under the mouse so the window can show gate values there, and the
// gestures of a slice viewer (right-drag for window/level, the wheel for
// slices) for the window to act on: the view itself only shows a QImage.

#include <QImage>
#include <QWidget>

namespace moescope::gui {

class ImageView : public QWidget
{
    Q_OBJECT
public:
    explicit ImageView(QWidget *parent = nullptr);

    void setImage(const QImage &image);
    void setOverlay(const QImage &overlay, double opacity);
    void setOpacity(double opacity);
    void setTokenGrid(int rows, int cols); // 0 × 0: no grid
    // The part of the image the model saw (an ultrasound imaging region); the
    // overlay and the token grid lie over it. Invalid: the whole image.
    void setModelRegion(const QRect &region);
    QRect modelRegion() const { return m_region; }
    void setPlaceholder(const QString &text);
    // Height of a pixel over its width (row over column spacing): a coronal cut of 0.7 mm
    // pixels and 5 mm slices is drawn in its true proportions. 1 by default.
    void setPixelAspect(double aspect);
    double pixelAspect() const { return m_aspect; }
    // Region selection (a gallery query by region): while on, a left-drag draws a rectangle
    // and regionSelected() reports it in image pixels; the last one stays drawn until it is off.
    void setRegionSelection(bool on);
    bool regionSelection() const { return m_selecting; }
    QRect selectedRegion() const { return m_selection; }

    const QImage &image() const { return m_image; }
    QRect imageRect() const;    // where the image is drawn, in widget coordinates
    QRectF overlayRect() const; // where the overlay is drawn, in widget coordinates

    QSize sizeHint() const override { return {560, 560}; }

Q_SIGNALS:
    // row/col of the token under the mouse; -1 when outside the image.
    void tokenHovered(int row, int col, QPoint imagePixel);
    void fileDropped(const QString &path);
    // The mouse moved by (dx, dy) pixels with the right button held.
    void windowDragged(int dx, int dy);
    // Wheel turned by whole notches: positive towards the user (the next slice).
    void wheelSteps(int steps);
    // A rectangle dragged while region selection is on, in image pixels.
    void regionSelected(const QRect &imagePixels);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QPoint imagePixelAt(const QPoint &widgetPos) const; // clamped to the image

    QImage m_image;
    QImage m_overlay;
    double m_opacity = 0.5;
    int m_rows = 0, m_cols = 0;
    QRect m_region;
    QPoint m_hoverToken{-1, -1};
    QString m_placeholder;
    double m_aspect = 1.0;
    QPoint m_dragFrom{-1, -1}; // right-button drag: the last position; (-1, -1) when none
    int m_wheelAngle = 0;      // eighths of a degree not yet turned into a notch
    bool m_selecting = false;
    QPoint m_bandFrom{-1, -1}; // left-button drag while selecting: where it began (image pixels)
    QRect m_selection;         // image pixels
};

} // namespace moescope::gui
