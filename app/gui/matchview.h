#pragma once
// A retrieval image with its local-window match heatmap: the picture (a query slice or a
// gallery hit), the part of it the model saw, and over that part one coloured cell per window
// embedding (how well that window matched the other image) with the best window outlined.
// Zoom (wheel) and pan (left-drag) are reported so two views can be linked side by side, and
// right-drag is reported as a window/level gesture, as in the main image view.

#include <QImage>
#include <QWidget>

#include <string>
#include <vector>

namespace moescope::model {
struct ModelContract;
}

namespace moescope::gui {

// The sliding windows of a window_embeddings output, in model-input pixels: window (r, c)
// covers [c·strideX, c·strideX + windowW) × [r·strideY, r·strideY + windowH) of an
// inputW × inputH input, which is the query region (or the whole frame) resized.
struct WindowGrid
{
    int rows = 0, cols = 0;
    double inputW = 0, inputH = 0;
    double windowW = 0, windowH = 0, strideX = 0, strideY = 0;

    bool valid() const { return rows > 0 && cols > 0 && inputW > 0 && inputH > 0; }
    // Window `index` (row-major) mapped onto `region` (image pixels).
    QRectF windowRect(int index, const QRectF &region) const;
    // The stride-sized cell at the window's centre: the cells of all windows tile the part of
    // the region the windows' centres span, so the heatmap reads as a grid.
    QRectF cellRect(int index, const QRectF &region) const;

    // From the contract: the output `outputName` ("window_embeddings") with "grid", "window" and
    // "stride", over its image input. Without "window"/"stride" in moescope.json the windows
    // are taken as half-overlapping (window = 2 × stride), as HMAR's are.
    static WindowGrid fromContract(const model::ModelContract &contract,
                                   const std::string &outputName);
};

class MatchView : public QWidget
{
    Q_OBJECT
public:
    explicit MatchView(QWidget *parent = nullptr);

    void setImage(const QImage &image, double pixelAspect = 1.0);
    const QImage &image() const { return m_image; }
    // The part of the image the model saw (the drawn query region); invalid: all of it.
    void setRegion(const QRect &region);
    // One value per window (row-major, grid.rows × grid.cols), the best window outlined
    // (-1: none). Empty values clear the heatmap.
    void setHeatmap(const std::vector<float> &values, const WindowGrid &grid, int bestWindow);
    bool hasHeatmap() const { return !m_values.empty(); }
    void setHeatmapVisible(bool visible);
    bool heatmapVisible() const { return m_heatmapVisible; }
    void setCaption(const QString &caption);
    void setPlaceholder(const QString &text);

    // Zoom 1 = fitted; the centre is the image point (in fractions) at the widget's centre.
    void setView(double zoom, const QPointF &center);
    double zoom() const { return m_zoom; }
    QPointF center() const { return m_center; }

    QRectF imageRect() const; // where the image is drawn, in widget coordinates
    QSize sizeHint() const override { return {260, 260}; }
    QSize minimumSizeHint() const override { return {120, 120}; }

Q_SIGNALS:
    void viewChanged(double zoom, QPointF center);
    void windowDragged(int dx, int dy);
    void doubleClicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    QRectF regionRect() const; // the region in image pixels

    QImage m_image;
    double m_aspect = 1.0;
    QRect m_region;
    std::vector<float> m_values;
    WindowGrid m_grid;
    int m_best = -1;
    float m_lo = 0, m_hi = 1;
    bool m_heatmapVisible = true;
    QString m_caption, m_placeholder;
    double m_zoom = 1.0;
    QPointF m_center{0.5, 0.5};
    QPoint m_leftFrom{-1, -1}, m_rightFrom{-1, -1};
};

} // namespace moescope::gui
