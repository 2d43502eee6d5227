#pragma once
// The routing of one step: a tab per MoE layer, a grid of per-expert heatmaps
// (router probability per token, bilinear over the image, with a colour
// bar), the top-1 expert legend, the expert-load chart and the gate values of
// the token under the mouse. Tells the image view which overlay to draw.

#include "render/routingimages.h"
#include "routing/routing.h"

#include <QImage>
#include <QWidget>

#include <vector>

class QCheckBox;
class QChart;
class QBarSeries;
class QComboBox;
class QGridLayout;
class QLabel;
class QSlider;
class QTabBar;
class QToolButton;
class QTreeWidget;

namespace moescope::gui {

class RoutingPanel : public QWidget
{
    Q_OBJECT
public:
    enum class OverlayMode { Top1, Entropy, Expert, None };

    explicit RoutingPanel(QWidget *parent = nullptr);

    // The panel shows `layers` where they are, not a copy: they stay alive and in
    // place until the next setRouting, updateRouting or clear (the result
    // view passes its result's, which outlives them).
    void setRouting(const std::vector<routing::LayerRouting> &layers, const QImage &base);
    // The same layers with new values (a tiled run filling in): overlay()
    // draws them at once (the caller asks for it); the thumbnails, legend
    // and load chart stay as they were until the next setRouting, which
    // costs ~50-100 ms each time. New layers (the run's first snapshot) get
    // their tabs and legend, but no thumbnails or chart until setRouting.
    void updateRouting(const std::vector<routing::LayerRouting> &layers, const QImage &base);
    void clear();

    // Which image input's token grid the maps show (a tracker's "search"
    // region, not its template); empty: the layer's first grid.
    void setGridInput(const QString &input) { m_gridInput = input.toStdString(); }
    const std::string &gridInput() const { return m_gridInput; }
    int currentLayer() const;
    void setCurrentLayer(int layer);
    int expertTileCount() const { return int(m_tiles.size()); }
    QList<QToolButton *> expertTiles() const { return m_tiles; }
    OverlayMode overlayMode() const { return m_mode; }
    int selectedExpert() const { return m_expert; }
    void selectExpert(int expert); // shows that expert's heatmap on the image
    void showTop1();
    // What the image view shows (`expert` for OverlayMode::Expert); overlayChanged() follows.
    void setOverlayMode(OverlayMode mode, int expert = 0);
    double opacity() const;
    void setOpacity(double opacity); // 0..1
    render::Colormap colormap() const;
    QString colormapName() const;
    bool setColormapByName(const QString &name); // false: not a colormap this build knows

    // The overlay for the image view at `size` (the image's size).
    QImage overlay(QSize size) const;
    const routing::TokenGrid *currentGrid() const;
    const std::vector<routing::LayerRouting> &layers() const { return *m_layers; }

public Q_SLOTS:
    void showGateValues(int row, int col);

Q_SIGNALS:
    void overlayChanged();
    void layerChanged(int layer);

private:
    void describeControls(QWidget *tilesBox, QWidget *chartView);
    void fitTiles();
    void resizeEvent(QResizeEvent *event) override;
    void assign(const std::vector<routing::LayerRouting> &layers, const QImage &base);
    void rebuildLayer();
    void rebuildTiles();
    void updateColorBar();
    void updateLoadChart();
    // The top of the probability scale: 1, or the layer's largest router
    // probability on the grid when the user stretches the contrast.
    float scaleMax() const;

    // Where the caller keeps them (see setRouting): a tiled run's mosaic is
    // tens of MB, and the panel's own copy of it took 20 ms.
    const std::vector<routing::LayerRouting> *m_layers;
    QImage m_base;
    std::string m_gridInput;
    bool m_sketch = false; // updateRouting's layers: no thumbnails or chart yet
    OverlayMode m_mode = OverlayMode::Top1;
    int m_expert = 0;

    QTabBar *m_layerTabs = nullptr;
    QComboBox *m_overlayCombo = nullptr;
    QComboBox *m_colormapCombo = nullptr;
    QSlider *m_opacitySlider = nullptr;
    int m_tileSide = 64; // the expert tiles' icon side, fitted to the panel's width
    QCheckBox *m_stretchCheck = nullptr;
    QGridLayout *m_tileGrid = nullptr;
    QList<QToolButton *> m_tiles;
    QLabel *m_colorBar = nullptr;
    QLabel *m_layerInfo = nullptr;
    QTreeWidget *m_legend = nullptr;
    QLabel *m_gateValues = nullptr;
    QChart *m_loadChart = nullptr;
};

} // namespace moescope::gui
