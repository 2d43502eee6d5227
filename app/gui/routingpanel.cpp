#include "routingpanel.h"

#include "percentbars.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QSlider>
#include <QTabBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace moescope::gui {

namespace {
const std::vector<routing::LayerRouting> &noLayers()
{
    static const std::vector<routing::LayerRouting> none;
    return none;
}

// Named experts may share a name (two experts one task uses): keep the index.
QString expertLabel(const routing::LayerRouting &layer, int e)
{
    if (size_t(e) < layer.expertNames.size() && !layer.expertNames[size_t(e)].empty())
        return QStringLiteral("%1 · %2").arg(e).arg(
            QString::fromStdString(layer.expertNames[size_t(e)]));
    return QString::fromStdString(layer.expertName(e));
}

constexpr int kTileSize = 132;

QIcon swatch(const QColor &c)
{
    QPixmap pm(12, 12);
    pm.fill(c);
    return QIcon(pm);
}
} // namespace

RoutingPanel::RoutingPanel(QWidget *parent) : QWidget(parent), m_layers(&noLayers())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    m_layerTabs = new QTabBar(this);
    m_layerTabs->setObjectName(QStringLiteral("layerTabs"));
    m_layerTabs->setExpanding(false);
    layout->addWidget(m_layerTabs);
    m_layerInfo = new QLabel(this);
    m_layerInfo->setWordWrap(true);
    layout->addWidget(m_layerInfo);

    auto *controls = new QHBoxLayout;
    m_overlayCombo = new QComboBox(this);
    m_overlayCombo->setObjectName(QStringLiteral("overlayCombo"));
    m_overlayCombo->setToolTip(tr("What the image view shows over the image"));
    m_overlayCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_overlayCombo->setMinimumContentsLength(12);
    m_colormapCombo = new QComboBox(this);
    m_colormapCombo->setObjectName(QStringLiteral("colormapCombo"));
    m_colormapCombo->addItems(render::colormapNames());
    m_opacitySlider = new QSlider(Qt::Horizontal, this);
    m_opacitySlider->setObjectName(QStringLiteral("opacitySlider"));
    m_opacitySlider->setRange(0, 100);
    m_opacitySlider->setValue(55);
    // Two rows, so the panel can narrow when docks (the gallery) take room
    // and the image keeps its share of the window.
    controls->addWidget(new QLabel(tr("Overlay"), this));
    controls->addWidget(m_overlayCombo, 1);
    controls->addWidget(new QLabel(tr("Colormap"), this));
    controls->addWidget(m_colormapCombo);
    m_stretchCheck = new QCheckBox(tr("Stretch"), this);
    m_stretchCheck->setObjectName(QStringLiteral("stretchCheck"));
    m_stretchCheck->setToolTip(tr("Map 0 … the layer's largest router probability to the full "
                                  "colormap instead of 0 … 1"));
    auto *controls2 = new QHBoxLayout;
    controls2->addWidget(m_stretchCheck);
    controls2->addWidget(new QLabel(tr("Opacity"), this));
    controls2->addWidget(m_opacitySlider, 1);
    layout->addLayout(controls);
    layout->addLayout(controls2);

    auto *mapsRow = new QHBoxLayout;
    auto *tilesBox = new QGroupBox(tr("Router probability per expert"), this);
    m_tileGrid = new QGridLayout(tilesBox);
    m_tileGrid->setSpacing(4);
    mapsRow->addWidget(tilesBox, 1);
    m_colorBar = new QLabel(this);
    m_colorBar->setFixedWidth(44);
    mapsRow->addWidget(m_colorBar);
    layout->addLayout(mapsRow, 3);

    auto *bottom = new QHBoxLayout;
    m_legend = new QTreeWidget(this);
    m_legend->setObjectName(QStringLiteral("top1Legend"));
    m_legend->setHeaderLabels({tr("Expert (top-1 colour)"), tr("Load"), tr("Mean p")});
    m_legend->setRootIsDecorated(false);
    m_legend->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    bottom->addWidget(m_legend, 1);

    m_loadChart = new QChart;
    m_loadChart->setTitle(tr("Expert load (top-1 share of tokens)"));
    m_loadChart->legend()->hide();
    m_loadChart->setMargins(QMargins(2, 2, 2, 2));
    auto *chartView = new QChartView(m_loadChart, this);
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(170);
    bottom->addWidget(chartView, 1);
    layout->addLayout(bottom, 2);

    m_gateValues =
        new QLabel(tr("Move the mouse over the image to read the gate values of a token."), this);
    m_gateValues->setObjectName(QStringLiteral("gateValues"));
    m_gateValues->setWordWrap(true);
    m_gateValues->setTextFormat(Qt::RichText);
    layout->addWidget(m_gateValues);

    describeControls(tilesBox, chartView);

    connect(m_layerTabs, &QTabBar::currentChanged, this, [this](int layer) {
        rebuildLayer();
        Q_EMIT layerChanged(layer);
    });
    connect(m_overlayCombo, &QComboBox::activated, this, [this](int index) {
        if (index == 0)
            m_mode = OverlayMode::Top1;
        else if (index == 1)
            m_mode = OverlayMode::Entropy;
        else if (index == 2)
            m_mode = OverlayMode::None;
        else {
            m_mode = OverlayMode::Expert;
            m_expert = index - 3;
        }
        updateColorBar();
        Q_EMIT overlayChanged();
    });
    connect(m_colormapCombo, &QComboBox::currentIndexChanged, this, [this] {
        rebuildTiles();
        updateColorBar();
        Q_EMIT overlayChanged();
    });
    connect(m_stretchCheck, &QCheckBox::toggled, this, [this] {
        rebuildTiles();
        updateColorBar();
        Q_EMIT overlayChanged();
    });
    connect(m_opacitySlider, &QSlider::valueChanged, this, [this] {
        rebuildTiles();
        Q_EMIT overlayChanged();
    });
    clear();
}

void RoutingPanel::clear()
{
    m_layers = &noLayers();
    m_base = QImage();
    while (m_layerTabs->count() > 0)
        m_layerTabs->removeTab(0);
    rebuildLayer();
}

void RoutingPanel::setRouting(const std::vector<routing::LayerRouting> &layers, const QImage &base)
{
    m_sketch = false;
    assign(layers, base);
}

void RoutingPanel::assign(const std::vector<routing::LayerRouting> &layers, const QImage &base)
{
    const int previous = m_layerTabs->currentIndex();
    m_layers = &layers;
    m_base = base;
    const QSignalBlocker blocker(m_layerTabs);
    while (m_layerTabs->count() > 0)
        m_layerTabs->removeTab(0);
    for (size_t i = 0; i < layers.size(); ++i)
        m_layerTabs->addTab(tr("Layer %1: %2").arg(i).arg(QString::fromStdString(layers[i].name)));
    // Start on the deepest layer with a map to show (a per-task gate has
    // none): its routing is usually the most specialised.
    int deepest = int(layers.size()) - 1;
    while (deepest > 0 && layers[size_t(deepest)].grids.empty())
        --deepest;
    m_layerTabs->setCurrentIndex(previous >= 0 && previous < int(layers.size()) ? previous
                                                                                : deepest);
    rebuildLayer();
}

void RoutingPanel::updateRouting(const std::vector<routing::LayerRouting> &layers,
                                 const QImage &base)
{
    const bool sameShape =
        layers.size() == m_layers->size() &&
        std::equal(layers.begin(), layers.end(), m_layers->begin(),
                   [](const routing::LayerRouting &a, const routing::LayerRouting &b) {
                       return a.name == b.name && a.experts == b.experts &&
                              a.grids.size() == b.grids.size();
                   });
    if (!sameShape) {
        m_sketch = true;
        assign(layers, base);
        return;
    }
    m_layers = &layers; // the caller redraws the overlay
}

int RoutingPanel::currentLayer() const
{
    return m_layerTabs->currentIndex();
}

void RoutingPanel::setCurrentLayer(int layer)
{
    m_layerTabs->setCurrentIndex(layer);
}

double RoutingPanel::opacity() const
{
    return m_opacitySlider->value() / 100.0;
}

void RoutingPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTiles();
}

void RoutingPanel::fitTiles()
{
    // The tiles take the width there is, from 64 to 132 pixels a side: the
    // panel narrows on a small screen (1366 × 768) instead of pushing the
    // window wider than it.
    if (m_tiles.isEmpty())
        return;
    const int columns = std::max(1, m_tiles.first()->property("columns").toInt());
    const int rows = (int(m_tiles.size()) + columns - 1) / columns;
    const int room = width() - m_colorBar->width() - 40 - columns * 12;
    // Each tile's two lines of text under its picture, and the box's title.
    const QWidget *box = m_tileGrid->parentWidget();
    const int text = 2 * fontMetrics().lineSpacing() + 14;
    const int roomHigh = (box->height() - fontMetrics().lineSpacing() - 16) / rows - text;
    const int side = std::clamp(std::min(room / columns, roomHigh), 64, kTileSize);
    if (side == m_tileSide)
        return;
    m_tileSide = side;
    for (QToolButton *tile : std::as_const(m_tiles))
        tile->setIconSize(QSize(side, side));
}

void RoutingPanel::describeControls(QWidget *tilesBox, QWidget *chartView)
{
    // A tooltip says what a control is; What's This (Shift+F1) says what it means.
    m_layerTabs->setToolTip(tr("The model's MoE layers, first to last"));
    m_layerTabs->setWhatsThis(
        tr("<b>MoE layers.</b> Each tab is one Mixture-of-Experts layer of the model. A router in "
           "each layer sends every token (an image patch) to its top-k experts; everything below "
           "shows the layer of the tab chosen."));
    m_layerInfo->setWhatsThis(tr("The layer's name, its number of experts, how many each token "
                                 "is sent to (top-k) and the token grid the routing lies on."));
    m_overlayCombo->setWhatsThis(
        tr("<b>Overlay.</b> <i>Top-1 expert</i> colours each patch by the expert with the largest "
           "router probability (the colours of the legend). <i>Routing entropy</i> shows how "
           "undecided the router is: 0 bits when one expert takes all, log2(experts) when all are "
           "equal. An expert's entry shows that expert's router probability. <i>None</i> shows "
           "the picture alone."));
    m_colormapCombo->setToolTip(tr("The colours for entropy and for an expert's probability"));
    m_colormapCombo->setWhatsThis(
        tr("<b>Colormap.</b> How values from low to high are coloured in the entropy and "
           "per-expert overlays and in the thumbnails; the top-1 map keeps the experts' colours."));
    m_stretchCheck->setWhatsThis(
        tr("<b>Stretch.</b> Off: probabilities 0 … 1 span the colormap, so maps of different "
           "experts compare directly. On: 0 … the layer's largest probability spans it, which "
           "brings out weak experts."));
    m_opacitySlider->setToolTip(tr("How strongly the overlay covers the picture"));
    m_opacitySlider->setWhatsThis(
        tr("<b>Opacity.</b> 0 % shows the picture only, 100 % the overlay only."));
    tilesBox->setToolTip(tr("Click an expert's map to lay it over the image"));
    tilesBox->setWhatsThis(
        tr("<b>Router probability per expert.</b> One small map per expert of the layer: how "
           "likely the router sends each patch to that expert (bright: likely). Click one to lay "
           "it over the image."));
    m_colorBar->setToolTip(tr("The colormap's scale for the overlay shown"));
    m_colorBar->setWhatsThis(tr("<b>Colour bar.</b> The values the overlay's colours stand for: "
                                "probability, or entropy in bits."));
    m_legend->setToolTip(tr("Each expert's colour in the top-1 map, and its load"));
    m_legend->setWhatsThis(
        tr("<b>Top-1 legend.</b> Each expert's colour in the top-1 map; <i>Load</i> is the share "
           "of tokens whose top-1 expert it is, <i>Mean p</i> its mean router probability over "
           "all tokens. A load far from 1/experts means the router favours or avoids it."));
    chartView->setToolTip(tr("The share of tokens each expert takes first"));
    chartView->setWhatsThis(
        tr("<b>Expert load.</b> The top-1 share of tokens per expert as bars: a balanced router "
           "gives bars of equal height; a collapsed one gives one tall bar."));
    m_gateValues->setWhatsThis(
        tr("<b>Gate values.</b> The router probabilities of the token under the mouse, for every "
           "expert of the layer, the chosen top-k marked."));
}

void RoutingPanel::setOpacity(double opacity)
{
    m_opacitySlider->setValue(qRound(std::clamp(opacity, 0.0, 1.0) * 100));
}

QString RoutingPanel::colormapName() const
{
    return m_colormapCombo->currentText();
}

bool RoutingPanel::setColormapByName(const QString &name)
{
    const int index = m_colormapCombo->findText(name);
    if (index < 0)
        return false;
    m_colormapCombo->setCurrentIndex(index);
    return true;
}

render::Colormap RoutingPanel::colormap() const
{
    return render::colormapFromName(m_colormapCombo->currentText());
}

const routing::TokenGrid *RoutingPanel::currentGrid() const
{
    const int l = currentLayer();
    if (l < 0 || l >= int(m_layers->size()) || (*m_layers)[size_t(l)].grids.empty())
        return nullptr;
    const std::vector<routing::TokenGrid> &grids = (*m_layers)[size_t(l)].grids;
    for (const routing::TokenGrid &g : grids)
        if (!m_gridInput.empty() && g.input == m_gridInput)
            return &g;
    return &grids.front();
}

void RoutingPanel::selectExpert(int expert)
{
    setOverlayMode(OverlayMode::Expert, expert);
}

void RoutingPanel::showTop1()
{
    setOverlayMode(OverlayMode::Top1);
}

void RoutingPanel::setOverlayMode(OverlayMode mode, int expert)
{
    m_mode = mode;
    if (mode == OverlayMode::Expert)
        m_expert = expert;
    m_overlayCombo->setCurrentIndex(mode == OverlayMode::Top1      ? 0
                                    : mode == OverlayMode::Entropy ? 1
                                    : mode == OverlayMode::None    ? 2
                                                                   : 3 + m_expert);
    updateColorBar();
    Q_EMIT overlayChanged();
}

void RoutingPanel::rebuildLayer()
{
    const int l = currentLayer();
    m_overlayCombo->clear();
    m_legend->clear();
    if (l < 0 || l >= int(m_layers->size())) {
        m_layerInfo->setText(tr("No routing yet: open an image, pick a model and press Run."));
        rebuildTiles();
        updateLoadChart();
        updateColorBar();
        Q_EMIT overlayChanged();
        return;
    }
    const routing::LayerRouting &layer = (*m_layers)[size_t(l)];
    const routing::LayerSummary s = routing::summarize(layer);
    const routing::TokenGrid *grid = currentGrid();
    m_layerInfo->setText(
        tr("%1 experts, router %2, top-%3; %4 tokens%5; mean entropy %6 nats (%7% of uniform)")
            .arg(layer.experts)
            .arg(QString::fromStdString(layer.router.empty() ? "?" : layer.router))
            .arg(layer.topK)
            .arg(layer.tokens)
            .arg(grid ? tr(" on a %1×%2 grid").arg(grid->rows).arg(grid->cols)
                      : tr(" (a per-image decision)"))
            .arg(QLocale().toString(s.meanEntropy, 'f', 3))
            .arg(QLocale().toString(s.maxEntropy > 0 ? 100.0 * s.meanEntropy / s.maxEntropy : 0.0,
                                    'f', 0)));
    m_overlayCombo->addItems({tr("Top-1 expert"), tr("Routing entropy"), tr("None")});
    for (int e = 0; e < layer.experts; ++e)
        m_overlayCombo->addItem(swatch(render::expertColor(e)),
                                tr("Expert: %1").arg(expertLabel(layer, e)));
    if (m_mode == OverlayMode::Expert && m_expert >= layer.experts)
        m_mode = OverlayMode::Top1;
    m_overlayCombo->setCurrentIndex(m_mode == OverlayMode::Top1      ? 0
                                    : m_mode == OverlayMode::Entropy ? 1
                                    : m_mode == OverlayMode::None    ? 2
                                                                     : 3 + m_expert);
    for (int e = 0; e < layer.experts; ++e) {
        auto *item = new QTreeWidgetItem(m_legend);
        item->setIcon(0, swatch(render::expertColor(e)));
        item->setText(0, expertLabel(layer, e));
        item->setText(1, QLocale().toString(s.load[size_t(e)] * 100.0, 'f', 1) + QLatin1Char('%'));
        item->setText(2, QString::number(s.meanProb[size_t(e)], 'f', 3));
    }
    rebuildTiles();
    updateLoadChart();
    updateColorBar();
    Q_EMIT overlayChanged();
}

void RoutingPanel::rebuildTiles()
{
    for (QToolButton *tile : std::as_const(m_tiles))
        delete tile;
    m_tiles.clear();
    const int l = currentLayer();
    if (l < 0 || l >= int(m_layers->size()) || m_sketch)
        return;
    const routing::LayerRouting &layer = (*m_layers)[size_t(l)];
    const routing::TokenGrid *grid = currentGrid();
    const routing::LayerSummary s = routing::summarize(layer);
    const int columns = int(std::ceil(std::sqrt(double(layer.experts))));
    const QImage base = m_base.isNull() ? QImage()
                                        : m_base.scaled(kTileSize, kTileSize, Qt::IgnoreAspectRatio,
                                                        Qt::SmoothTransformation);
    for (int e = 0; e < layer.experts; ++e) {
        auto *tile = new QToolButton(this);
        tile->setObjectName(QStringLiteral("expertTile%1").arg(e));
        tile->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        tile->setAutoRaise(true);
        tile->setIconSize(QSize(m_tileSide, m_tileSide));
        // Their width follows the panel's (fitTiles), never the other way round.
        tile->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        tile->setMinimumWidth(72);
        QImage picture;
        if (grid) {
            const QImage heat =
                render::heatmap(routing::expertMap(layer, *grid, e), grid->rows, grid->cols,
                                QSize(kTileSize, kTileSize), colormap(), 0.0f, scaleMax());
            picture = base.isNull() ? heat : render::blend(base, heat, std::max(0.35, opacity()));
        } else {
            // A per-image decision: one probability, drawn as a filled bar.
            picture = QImage(kTileSize, kTileSize, QImage::Format_RGB32);
            picture.fill(QColor(40, 40, 44));
            QPainter p(&picture);
            const double prob = s.meanProb[size_t(e)];
            p.fillRect(QRectF(0, kTileSize * (1 - prob), kTileSize, kTileSize * prob),
                       QColor(render::colormapColor(colormap(), prob)));
            p.setPen(Qt::white);
            p.drawText(picture.rect(), Qt::AlignCenter,
                       QStringLiteral("p = %1").arg(prob, 0, 'f', 3));
        }
        tile->setIcon(QIcon(QPixmap::fromImage(picture)));
        // Name and load on two lines: a tile narrowed to a small screen keeps both.
        const QString label = QStringLiteral("%1\n%2%")
                                  .arg(expertLabel(layer, e))
                                  .arg(QLocale().toString(s.load[size_t(e)] * 100.0, 'f', 1));
        tile->setText(label);
        tile->setToolTip(
            tr("%1: click to show this expert's router probability over the image")
                .arg(QString(label).replace(QLatin1Char('\n'), QStringLiteral(" · "))));
        connect(tile, &QToolButton::clicked, this, [this, e] { selectExpert(e); });
        tile->setProperty("columns", columns);
        m_tileGrid->addWidget(tile, e / columns, e % columns);
        // Shown now, not a turn of the event loop later (a grab right after
        // a result, as the tests and --screenshot take, sees the tiles).
        tile->show();
        m_tiles.append(tile);
    }
    m_tileSide = 0;
    fitTiles();
}

void RoutingPanel::updateColorBar()
{
    if (m_mode == OverlayMode::Top1 || m_mode == OverlayMode::None || m_layers->empty()) {
        m_colorBar->clear();
        return;
    }
    float hi = scaleMax();
    if (m_mode == OverlayMode::Entropy) {
        const int l = currentLayer();
        hi = l >= 0 ? float(std::log(std::max(2, (*m_layers)[size_t(l)].experts))) : 1.0f;
    }
    m_colorBar->setPixmap(QPixmap::fromImage(
        render::colorBar(colormap(), QSize(44, std::max(120, m_colorBar->height())), 0.0f, hi)));
}

void RoutingPanel::updateLoadChart()
{
    m_loadChart->removeAllSeries();
    for (QAbstractAxis *axis : m_loadChart->axes())
        m_loadChart->removeAxis(axis);
    const int l = currentLayer();
    if (l < 0 || l >= int(m_layers->size()) || m_sketch)
        return;
    const routing::LayerRouting &layer = (*m_layers)[size_t(l)];
    const routing::LayerSummary s = routing::summarize(layer);
    auto *series = new QBarSeries;
    QStringList categories;
    // One set per expert so each bar carries its expert's top-1 colour.
    for (int e = 0; e < layer.experts; ++e) {
        auto *set = new QBarSet(expertLabel(layer, e));
        for (int c = 0; c < layer.experts; ++c)
            *set << (c == e ? s.load[size_t(e)] * 100.0 : 0.0);
        set->setColor(render::expertColor(e));
        series->append(set);
        categories << QString::number(e);
    }
    series->setBarWidth(0.9);
    series->setLabelsVisible(false);
    addPercentBars(m_loadChart, series, categories, {}, QStringLiteral("%d%%"));
}

float RoutingPanel::scaleMax() const
{
    const routing::TokenGrid *grid = currentGrid();
    if (!m_stretchCheck->isChecked() || !grid)
        return 1.0f;
    const routing::LayerRouting &layer = (*m_layers)[size_t(currentLayer())];
    float top = 0.0f;
    for (int i = 0; i < grid->size(); ++i)
        for (int e = 0; e < layer.experts; ++e)
            top = std::max(top, layer.prob(grid->offset + i, e));
    return top > 0.0f ? top : 1.0f;
}

QImage RoutingPanel::overlay(QSize size) const
{
    const int l = currentLayer();
    const routing::TokenGrid *grid = currentGrid();
    if (!grid || m_mode == OverlayMode::None || size.isEmpty())
        return {};
    const routing::LayerRouting &layer = (*m_layers)[size_t(l)];
    // The overlay is drawn at grid resolution × 8 and stretched by the view;
    // bilinear detail beyond that adds nothing a person can see.
    const QSize drawn(std::min(size.width(), grid->cols * 16),
                      std::min(size.height(), grid->rows * 16));
    switch (m_mode) {
    case OverlayMode::Top1:
        return render::top1Image(routing::top1Map(layer, *grid), grid->rows, grid->cols, drawn);
    case OverlayMode::Entropy:
        return render::heatmap(routing::entropyMap(layer, *grid), grid->rows, grid->cols, drawn,
                               colormap(), 0.0f, float(std::log(std::max(2, layer.experts))));
    case OverlayMode::Expert:
        return render::heatmap(routing::expertMap(layer, *grid, m_expert), grid->rows, grid->cols,
                               drawn, colormap(), 0.0f, scaleMax());
    case OverlayMode::None:
        break;
    }
    return {};
}

void RoutingPanel::showGateValues(int row, int col)
{
    const int l = currentLayer();
    const routing::TokenGrid *grid = currentGrid();
    if (!grid || row < 0 || col < 0 || row >= grid->rows || col >= grid->cols) {
        m_gateValues->setText(
            tr("Move the mouse over the image to read the gate values of a token."));
        return;
    }
    const routing::LayerRouting &layer = (*m_layers)[size_t(l)];
    const int token = grid->offset + row * grid->cols + col;
    QStringList parts;
    const int top = routing::top1Expert(layer, token);
    for (int e = 0; e < layer.experts; ++e) {
        const QString value = QStringLiteral("%1 %2")
                                  .arg(expertLabel(layer, e).toHtmlEscaped())
                                  .arg(QLocale().toString(layer.prob(token, e), 'f', 3));
        parts << QStringLiteral("<span style='color:%1'>■</span> %2")
                     .arg(render::expertColor(e).name(),
                          e == top ? QStringLiteral("<b>%1</b>").arg(value) : value);
    }
    m_gateValues->setText(tr("Token %1 (row %2, col %3), entropy %4: %5")
                              .arg(token)
                              .arg(row)
                              .arg(col)
                              .arg(QLocale().toString(routing::tokenEntropy(layer, token), 'f', 3))
                              .arg(parts.join(QStringLiteral(" · "))));
}

} // namespace moescope::gui
