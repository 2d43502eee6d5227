#pragma once
// The image with a routing overlay stretched over it (the model's token grid
// covers the whole frame), fitted to the widget. Reports the image pixel and
// the token under the mouse so the window can show gate values there.

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

    const QImage &image() const { return m_image; }
    QRect imageRect() const;    // where the image is drawn, in widget coordinates
    QRectF overlayRect() const; // where the overlay is drawn, in widget coordinates

    QSize sizeHint() const override { return {560, 560}; }

Q_SIGNALS:
    // row/col of the token under the mouse; -1 when outside the image.
    void tokenHovered(int row, int col, QPoint imagePixel);
    void fileDropped(const QString &path);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QImage m_image;
    QImage m_overlay;
    double m_opacity = 0.5;
    int m_rows = 0, m_cols = 0;
    QRect m_region;
    QPoint m_hoverToken{-1, -1};
    QString m_placeholder;
};

} // namespace moescope::gui
