#include "comparisonwindow.h"

#include "cineplayer.h"
#include "imagedocument.h"
#include "jobs/stepcomparison.h"
#include "percentbars.h"
#include "render/routingimages.h"
#include "resultview.h"
#include "routingpanel.h"
#include "runcomparison.h"
#include "sceneview.h"
#include "viewexport.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QTableWidget>
#include <QTextStream>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace moescope::gui {

namespace {

enum Column { Layer, Agreement, MeanJs, Jaccard, EntropyA, EntropyB, EntropyChange, LoadJs };

// How each difference map is drawn: its colormap and the values at its ends.
struct MapStyle
{
    render::Colormap colormap;
    float lo, hi;
};

MapStyle styleOf(ComparisonWindow::DifferenceMap map)
{
    switch (map) {
    case ComparisonWindow::DifferenceMap::Agreement:
        return {render::Colormap::Gray, 0, 1}; // black: the experts differ
    case ComparisonWindow::DifferenceMap::JsDivergence:
        return {render::Colormap::Magma, 0, 1};
    case ComparisonWindow::DifferenceMap::EntropyChange:
        return {render::Colormap::Turbo, -1, 1};
    }
    return {render::Colormap::Gray, 0, 1};
}

QTableWidgetItem *cell(const QString &text, const QString &tip = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setToolTip(tip);
    return item;
}

} // namespace

ComparisonWindow::ComparisonWindow(Workspace *workspace, QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("comparisonWindow"));
    setWindowTitle(tr("Compare runs"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_comparison = new RunComparison(workspace, this);

    auto *controls = new QHBoxLayout;
    m_linkFrames = new QCheckBox(tr("Link frames"), this);
    m_linkFrames->setObjectName(QStringLiteral("linkFramesCheck"));
    m_linkFrames->setChecked(true);
    m_linkFrames->setToolTip(tr("Step both runs together, keeping the frames' distance"));
    auto *exportButton = new QPushButton(tr("Export figures…"), this);
    exportButton->setToolTip(tr("Save the figures of every layer as CSV"));
    auto *pictureButton = new QPushButton(tr("Save picture…"), this);
    pictureButton->setToolTip(tr("Save the comparison as it is on screen, as PNG or SVG"));
    controls->addWidget(m_linkFrames);
    controls->addStretch(1);
    controls->addWidget(exportButton);
    controls->addWidget(pictureButton);

    auto *views = new QSplitter(Qt::Horizontal, this);
    for (int side = 0; side < 2; ++side) {
        auto *column = new QWidget(views);
        auto *layout = new QVBoxLayout(column);
        layout->setContentsMargins(0, 0, 0, 0);
        m_titles[side] = new QLabel(column);
        m_titles[side]->setObjectName(side == 0 ? QStringLiteral("titleA")
                                                : QStringLiteral("titleB"));
        m_titles[side]->setWordWrap(true);
        m_views[side] = new ResultView(column);
        m_views[side]->setObjectName(side == 0 ? QStringLiteral("viewA") : QStringLiteral("viewB"));
        layout->addWidget(m_titles[side]);
        layout->addWidget(m_views[side], 1);
        views->addWidget(column);
    }
    auto *diffColumn = new QWidget(views);
    auto *diffLayout = new QVBoxLayout(diffColumn);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    m_diffCombo = new QComboBox(diffColumn);
    m_diffCombo->setObjectName(QStringLiteral("differenceCombo"));
    m_diffCombo->addItems({tr("Top-1 agreement (black: the experts differ)"),
                           tr("Jensen–Shannon divergence, bits"),
                           tr("Entropy change B − A, bits")});
    m_diffCombo->setToolTip(tr("Which per-token difference of the current layer is drawn"));
    m_diffView = new SceneView(diffColumn);
    m_diffView->setObjectName(QStringLiteral("differenceView"));
    m_diffBar = new QLabel(diffColumn);
    m_diffInfo = new QLabel(diffColumn);
    m_diffInfo->setObjectName(QStringLiteral("differenceInfo"));
    m_diffInfo->setWordWrap(true);
    diffLayout->addWidget(m_diffCombo);
    diffLayout->addWidget(m_diffView, 1);
    diffLayout->addWidget(m_diffBar);
    diffLayout->addWidget(m_diffInfo);
    views->addWidget(diffColumn);

    m_figures = new QTableWidget(0, 8, this);
    m_figures->setObjectName(QStringLiteral("figuresTable"));
    m_figures->setHorizontalHeaderLabels({tr("Layer"), tr("Top-1 agreement"), tr("Mean JS (bits)"),
                                          tr("Jaccard top-k"), tr("Entropy A (bits)"),
                                          tr("Entropy B (bits)"), tr("Entropy change"),
                                          tr("Load JS (bits)")});
    m_figures->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_figures->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_figures->setSelectionMode(QAbstractItemView::SingleSelection);
    m_figures->verticalHeader()->hide();
    m_figures->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_figures->horizontalHeader()->setStretchLastSection(true);

    m_outputChange = new QLabel(this);
    m_outputChange->setObjectName(QStringLiteral("outputChange"));
    m_outputChange->setWordWrap(true);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(views);
    // The current layer's loads, A beside B, under the table.
    m_loadChart = new QChart;
    m_loadChart->setMargins(QMargins(2, 2, 2, 2));
    auto *loadView = new QChartView(m_loadChart, this);
    loadView->setObjectName(QStringLiteral("compareLoadChart"));
    loadView->setRenderHint(QPainter::Antialiasing);
    loadView->setMinimumSize(320, 190);
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_figures);
    bottom->addWidget(loadView);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    split->addWidget(bottom);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(split, 1);
    layout->addWidget(m_outputChange);

    connect(m_comparison, &RunComparison::ready, this, &ComparisonWindow::present);
    connect(m_diffCombo, &QComboBox::currentIndexChanged, this,
            &ComparisonWindow::updateDifference);
    connect(m_linkFrames, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_frameOffset = m_views[1]->player()->frame() - m_views[0]->player()->frame();
    });
    connect(m_figures, &QTableWidget::cellClicked, this,
            [this](int row) { m_views[0]->routingPanel()->setCurrentLayer(row); });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export figures"), QStringLiteral("comparison.csv"), tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportFigures(path, &error))
            QMessageBox::warning(this, tr("Export figures"), error);
    });
    connect(pictureButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save picture"), QStringLiteral("comparison.png"),
                                         tr("PNG (*.png);;SVG (*.svg)"));
        QString error;
        if (!path.isEmpty() && !saveWidgetPicture(this, path, &error))
            QMessageBox::warning(this, tr("Save picture"), error);
    });
    linkViews();
    installExportActions(this);
}

ComparisonWindow::~ComparisonWindow()
{
    // The views read the comparison's results and documents: let go first.
    for (ResultView *view : m_views) {
        view->setResult(nullptr);
        view->setDocument(nullptr);
    }
}

bool ComparisonWindow::compare(qint64 a, qint64 b, QString *error)
{
    setWindowTitle(tr("Compare runs %1 and %2").arg(a).arg(b));
    return m_comparison->open(a, b, error);
}

void ComparisonWindow::linkViews()
{
    // Each view follows the others; the guard stops the echo (two pictures of
    // different sizes clamp the centre differently).
    SceneView *scenes[3] = {m_views[0]->sceneView(), m_views[1]->sceneView(), m_diffView};
    for (int i = 0; i < 3; ++i) {
        connect(scenes[i], &SceneView::viewChanged, this,
                [this, scenes, i](double zoom, QPointF centre) {
                    if (m_linking)
                        return;
                    const QScopedValueRollback guard(m_linking, true);
                    for (int j = 0; j < 3; ++j) {
                        if (j != i)
                            scenes[j]->setView(zoom, centre);
                    }
                });
    }
    for (int side = 0; side < 2; ++side) {
        RoutingPanel *mine = m_views[side]->routingPanel();
        RoutingPanel *other = m_views[1 - side]->routingPanel();
        connect(m_views[side]->player(), &CinePlayer::frameChanged, this,
                [this, side](int frame) { frameMoved(side, frame); });
        connect(mine, &RoutingPanel::layerChanged, this, [this, other](int layer) {
            if (!m_linking) {
                const QScopedValueRollback guard(m_linking, true);
                if (layer < int(other->layers().size()))
                    other->setCurrentLayer(layer);
            }
            if (layer >= 0 && layer < m_figures->rowCount())
                m_figures->selectRow(layer);
            updateDifference();
        });
        connect(mine, &RoutingPanel::overlayChanged, this, [this, mine, other] {
            if (m_linking || (mine->overlayMode() == other->overlayMode() &&
                              mine->selectedExpert() == other->selectedExpert()))
                return;
            const QScopedValueRollback guard(m_linking, true);
            other->setOverlayMode(mine->overlayMode(), mine->selectedExpert());
        });
    }
}

void ComparisonWindow::present()
{
    int frames[2];
    for (int side = 0; side < 2; ++side) {
        ResultView *view = m_views[side];
        ImageDocument *document = m_comparison->document(side);
        const AnalysisResult &result = m_comparison->result(side);
        const bool hasImage = bool(document->image());
        view->setDocument(hasImage ? document : nullptr);
        view->setResult(&result);
        const QString note = m_comparison->side(side)->imageNote();
        m_titles[side]->setText(QStringLiteral("<b>%1</b> %2")
                                    .arg(side == 0 ? QStringLiteral("A") : QStringLiteral("B"),
                                         m_comparison->side(side)->describe().toHtmlEscaped()) +
                                (note.isEmpty()
                                     ? QString()
                                     : QStringLiteral("<br><i>%1</i>").arg(note.toHtmlEscaped())));
        view->setImageInfo(hasImage ? document->description() : note);
        if (!hasImage)
            view->sceneView()->setPlaceholder(note);
        const int lastStep = result.steps.isEmpty() ? 0 : result.steps.last().step;
        frames[side] = m_comparison->side(side)->firstFrame();
        {
            const QSignalBlocker blocker(view->player());
            view->player()->setFrames(std::max(hasImage ? document->frameCount() : 0, lastStep + 1),
                                      hasImage ? document->image()->frameTimeMs : 0);
            view->player()->setFrame(frames[side]);
        }
        view->showFrame(frames[side]);
        view->updateTimeChart();
    }
    m_frameOffset = frames[1] - frames[0];
    updateFigures();
    Q_EMIT shown();
}

void ComparisonWindow::frameMoved(int side, int frame)
{
    m_views[side]->showFrame(frame);
    if (!m_linking && m_linkFrames->isChecked()) {
        const QScopedValueRollback guard(m_linking, true);
        CinePlayer *other = m_views[1 - side]->player();
        const int wanted = side == 0 ? frame + m_frameOffset : frame - m_frameOffset;
        other->setFrame(std::clamp(wanted, 0, std::max(0, other->frameCount() - 1)));
    }
    if (!m_linking)
        updateFigures();
}

void ComparisonWindow::updateFigures()
{
    QString why;
    m_layers =
        m_comparison->compare(m_views[0]->player()->frame(), m_views[1]->player()->frame(), &why);
    m_figures->setRowCount(int(m_layers.size()));
    for (int l = 0; l < int(m_layers.size()); ++l) {
        const routing::LayerComparison &c = m_layers[size_t(l)];
        const QString reason = QString::fromStdString(c.reason);
        const QString name = c.nameA == c.nameB
                                 ? QString::fromStdString(c.nameA)
                                 : QStringLiteral("%1 / %2").arg(QString::fromStdString(c.nameA),
                                                                 QString::fromStdString(c.nameB));
        auto *layerItem = new QTableWidgetItem(QStringLiteral("%1  %2").arg(l).arg(name));
        layerItem->setToolTip(reason);
        m_figures->setItem(l, Layer, layerItem);
        const auto tokenWise = [&](double v, int decimals, double scale = 1.0) {
            return c.tokenWise ? cell(QLocale().toString(v * scale, 'f', decimals))
                               : cell(QStringLiteral("—"), reason);
        };
        m_figures->setItem(
            l, Agreement,
            c.tokenWise ? cell(tr("%1 %").arg(QLocale().toString(100.0 * c.agreement, 'f', 1)))
                        : cell(QStringLiteral("—"), reason));
        m_figures->setItem(l, MeanJs, tokenWise(c.meanJs, 4));
        m_figures->setItem(l, Jaccard, tokenWise(c.meanJaccard, 3));
        m_figures->setItem(l, EntropyA, cell(QLocale().toString(c.entropyA, 'f', 3)));
        m_figures->setItem(l, EntropyB, cell(QLocale().toString(c.entropyB, 'f', 3)));
        m_figures->setItem(l, EntropyChange, cell(QLocale().toString(c.entropyChange, 'f', 3)));
        m_figures->setItem(
            l, LoadJs,
            c.loadJs >= 0
                ? cell(QLocale().toString(c.loadJs, 'f', 4))
                : cell(QStringLiteral("—"),
                       tr("The layers have %1 and %2 experts").arg(c.expertsA).arg(c.expertsB)));
    }
    m_figures->setToolTip(why);
    const QStringList outputs =
        m_comparison->compareOutputs(m_views[0]->player()->frame(), m_views[1]->player()->frame());
    m_outputChange->setText(
        outputs.isEmpty()
            ? tr("The answers are not comparable (different outputs)")
            : tr("How the answer changed, A → B: %1").arg(outputs.join(QStringLiteral("; "))));
    const int layer = m_views[0]->routingPanel()->currentLayer();
    if (layer >= 0 && layer < m_figures->rowCount())
        m_figures->selectRow(layer);
    updateDifference();
}

void ComparisonWindow::setDifferenceMap(DifferenceMap map)
{
    m_diffCombo->setCurrentIndex(int(map));
}

QString ComparisonWindow::outputChange() const
{
    return m_outputChange->text();
}

QString ComparisonWindow::differenceNote() const
{
    return m_diffInfo->text();
}

void ComparisonWindow::updateLoadChart(int layer)
{
    m_loadChart->removeAllSeries();
    for (QAbstractAxis *axis : m_loadChart->axes())
        m_loadChart->removeAxis(axis);
    if (layer < 0 || layer >= int(m_layers.size())) {
        m_loadChart->setTitle({});
        return;
    }
    const routing::LayerComparison &c = m_layers[size_t(layer)];
    auto *a = new QBarSet(tr("A: run %1").arg(m_comparison->result(0).runId));
    auto *b = new QBarSet(tr("B: run %1").arg(m_comparison->result(1).runId));
    a->setColor(QColor(90, 140, 200));
    b->setColor(QColor(220, 110, 60));
    QStringList experts;
    const size_t n = std::max(c.loadA.size(), c.loadB.size());
    for (size_t e = 0; e < n; ++e) {
        *a << (e < c.loadA.size() ? 100.0 * c.loadA[e] : 0.0);
        *b << (e < c.loadB.size() ? 100.0 * c.loadB[e] : 0.0);
        experts << QString::number(e);
    }
    auto *bars = new QBarSeries;
    bars->append(a);
    bars->append(b);
    addPercentBars(m_loadChart, bars, experts);
    m_loadChart->setTitle(c.loadJs >= 0 ? tr("Layer %1: expert load, %; JS divergence %2 bits")
                                              .arg(layer)
                                              .arg(c.loadJs, 0, 'f', 4)
                                        : tr("Layer %1: expert load, % (%2 and %3 experts)")
                                              .arg(layer)
                                              .arg(c.expertsA)
                                              .arg(c.expertsB));
}

void ComparisonWindow::updateDifference()
{
    // A's picture, as A's view shows it, under the map of the current layer.
    SceneView *a = m_views[0]->sceneView();
    ImageDocument *document = m_comparison->document(0);
    const int frame = m_views[0]->player()->frame();
    if (a->source() && document->image())
        m_diffView->setSource(a->source(), frame, document->window(), document->displaySettings());
    else
        m_diffView->setImage(a->image(), a->pixelAspect());
    const int layer = m_views[0]->routingPanel()->currentLayer();
    updateLoadChart(layer);
    if (layer < 0 || layer >= int(m_layers.size())) {
        m_diffView->setOverlay({}, 0);
        m_diffView->setTokenGrid(0, 0);
        m_diffBar->clear();
        m_diffInfo->setText(m_figures->toolTip().isEmpty() ? tr("No routing to compare")
                                                           : m_figures->toolTip());
        return;
    }
    const routing::LayerComparison &c = m_layers[size_t(layer)];
    if (!c.tokenWise) {
        m_diffView->setOverlay({}, 0);
        m_diffView->setTokenGrid(0, 0);
        m_diffBar->clear();
        m_diffInfo->setText(tr("Layer %1: no per-token difference (%2)")
                                .arg(layer)
                                .arg(QString::fromStdString(c.reason)));
        return;
    }
    const auto map = DifferenceMap(std::max(0, m_diffCombo->currentIndex()));
    const std::vector<float> &values = map == DifferenceMap::Agreement      ? c.agreementMap
                                       : map == DifferenceMap::JsDivergence ? c.jsMap
                                                                            : c.entropyDiffMap;
    MapStyle style = styleOf(map);
    if (map == DifferenceMap::JsDivergence) {
        // Up to 1 bit, but a switched-off expert moves the rest by tenths:
        // the scale ends at the largest value, so the map is not all black.
        const float top = values.empty() ? 0.f : *std::max_element(values.begin(), values.end());
        style.hi = std::clamp(std::ceil(top * 100.f) / 100.f, 0.01f, 1.f);
    }
    // A cell per token (nearest), not a smoothed picture.
    const QImage cells =
        render::heatmap(values, c.rows, c.cols, QSize(c.cols, c.rows), style.colormap, style.lo,
                        style.hi)
            .scaled(c.cols * 8, c.rows * 8, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    m_diffView->setModelRegion(a->modelRegion());
    m_diffView->setOverlay(cells, 0.75);
    m_diffView->setTokenGrid(c.rows, c.cols);
    m_diffBar->setPixmap(
        QPixmap::fromImage(render::colorBar(style.colormap, QSize(320, 16), style.lo, style.hi)));
    m_diffBar->setToolTip(tr("Colour scale %1 … %2").arg(style.lo).arg(style.hi));
    m_diffInfo->setText(tr("Layer %1, %2 tokens: top-1 agreement %3 %, mean JS %4 bits, "
                           "Jaccard %5, entropy %6 → %7 bits. Colours from %8 to %9.")
                            .arg(layer)
                            .arg(c.tokens)
                            .arg(100.0 * c.agreement, 0, 'f', 1)
                            .arg(c.meanJs, 0, 'f', 4)
                            .arg(c.meanJaccard, 0, 'f', 3)
                            .arg(c.entropyA, 0, 'f', 3)
                            .arg(c.entropyB, 0, 'f', 3)
                            .arg(style.lo)
                            .arg(style.hi));
}

bool ComparisonWindow::exportFigures(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    QTextStream out(&file);
    const auto quoted = [](QString s) {
        return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
               QLatin1Char('"');
    };
    out << "run_a,frame_a,run_b,frame_b,layer,name_a,name_b,experts_a,experts_b,token_wise,"
           "agreement,mean_js_bits,mean_jaccard,entropy_a_bits,entropy_b_bits,"
           "entropy_change_bits,load_js_bits,reason\n";
    const qint64 runA = m_comparison->result(0).runId, runB = m_comparison->result(1).runId;
    const int frameA = m_views[0]->player()->frame(), frameB = m_views[1]->player()->frame();
    const auto number = [](double v) { return QString::number(v, 'g', 8); };
    for (size_t l = 0; l < m_layers.size(); ++l) {
        const routing::LayerComparison &c = m_layers[l];
        QStringList row{QString::number(runA),
                        QString::number(frameA),
                        QString::number(runB),
                        QString::number(frameB),
                        QString::number(l),
                        quoted(QString::fromStdString(c.nameA)),
                        quoted(QString::fromStdString(c.nameB)),
                        QString::number(c.expertsA),
                        QString::number(c.expertsB),
                        c.tokenWise ? QStringLiteral("1") : QStringLiteral("0"),
                        c.tokenWise ? number(c.agreement) : QString(),
                        c.tokenWise ? number(c.meanJs) : QString(),
                        c.tokenWise ? number(c.meanJaccard) : QString(),
                        number(c.entropyA),
                        number(c.entropyB),
                        number(c.entropyChange),
                        c.loadJs >= 0 ? number(c.loadJs) : QString(),
                        quoted(QString::fromStdString(c.reason))};
        out << row.join(QLatin1Char(',')) << '\n';
    }
    out.flush();
    if (!file.commit()) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace moescope::gui
