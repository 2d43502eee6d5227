#include "resultview.h"

#include "cineplayer.h"
#include "common/artifacts.h"
#include "imagedocument.h"
#include "plugin/outputs.h"
#include "render/routingimages.h"
#include "routingpanel.h"
#include "routingtimeline.h"
#include "sceneview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QSlider>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace moescope::gui {

namespace {
// The side of the picture the routing thumbnails (132 px) are drawn over.
constexpr int kThumbnailSource = 264;
} // namespace

ResultView::ResultView(QWidget *parent) : QWidget(parent)
{
    m_view = new SceneView(this);
    m_routing = new RoutingPanel(this);
    m_outputs = new QTableWidget(0, 2, this);
    m_outputs->setObjectName(QStringLiteral("outputsTable"));
    m_outputs->setHorizontalHeaderLabels({tr("Output"), tr("Value")});
    m_outputs->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_outputs->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_outputs->verticalHeader()->hide();
    m_outputs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_imageInfo = new QLabel(this);
    m_imageInfo->setWordWrap(true);
    m_player = new CinePlayer(this);
    m_player->setVisible(false);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 4);
    leftLayout->addWidget(m_player);
    // Segmentation outputs: the label map over the region the model saw.
    m_maskRow = new QWidget(this);
    auto *maskLayout = new QVBoxLayout(m_maskRow);
    maskLayout->setContentsMargins(0, 0, 0, 0);
    maskLayout->setSpacing(2);
    m_maskCheck = new QCheckBox(tr("Show segmentation"), m_maskRow);
    m_maskCheck->setObjectName(QStringLiteral("maskCheck"));
    m_maskCheck->setToolTip(tr("Show the model's segmentation instead of the routing overlay"));
    m_maskOpacity = new QSlider(Qt::Horizontal, m_maskRow);
    m_maskOpacity->setObjectName(QStringLiteral("maskOpacity"));
    m_maskOpacity->setRange(0, 100);
    m_maskOpacity->setValue(50);
    m_maskOpacity->setMaximumWidth(120);
    m_maskOpacity->setToolTip(tr("Segmentation opacity"));
    m_maskLegend = new QLabel(m_maskRow);
    m_maskLegend->setObjectName(QStringLiteral("maskLegend"));
    // A scene's legend (five classes with their km²) wraps rather than
    // widening the window past the screen.
    m_maskLegend->setWordWrap(true);
    m_shownMap = new QComboBox(m_maskRow);
    m_shownMap->setObjectName(QStringLiteral("shownMapCombo"));
    m_shownMap->setToolTip(tr("What the overlay shows: the labels, or a descriptor the router "
                              "saw"));
    // The controls on one line, the legend under them: the image's column
    // stays narrow enough for a 1366-pixel screen.
    auto *maskControls = new QHBoxLayout;
    maskControls->addWidget(m_maskCheck);
    maskControls->addWidget(m_shownMap);
    maskControls->addWidget(m_maskOpacity);
    m_tileGridCheck = new QCheckBox(tr("Tile grid"), m_maskRow);
    m_tileGridCheck->setObjectName(QStringLiteral("tileGridCheck"));
    m_tileGridCheck->setToolTip(tr("Outline the part of the scene each tile of the run gave"));
    maskControls->addWidget(m_tileGridCheck);
    maskControls->addStretch(1);
    maskLayout->addLayout(maskControls);
    maskLayout->addWidget(m_maskLegend);
    m_maskRow->setVisible(false);
    leftLayout->addWidget(m_maskRow);
    // A tracker's score map (output "score_map" {rows, cols, values}) over
    // the input laid on the frame, its peak outlined.
    m_scoreMapCheck = new QCheckBox(tr("Score map"), this);
    m_scoreMapCheck->setObjectName(QStringLiteral("scoreMapCheck"));
    m_scoreMapCheck->setToolTip(tr("Lay the model's score map over the region it scored, its "
                                   "peak outlined"));
    m_scoreMapCheck->setVisible(false);
    // The step's other image inputs (a tracker's template, cut from an
    // earlier frame), small, with the top-1 expert of their own tokens.
    m_sideInput = new QLabel(this);
    m_sideInput->setObjectName(QStringLiteral("sideInputView"));
    m_sideInput->setVisible(false);
    auto *scoreRow = new QHBoxLayout;
    scoreRow->addWidget(m_scoreMapCheck);
    scoreRow->addStretch(1);
    scoreRow->addWidget(m_sideInput);
    leftLayout->addLayout(scoreRow);
    m_timeline = new RoutingTimeline(this);
    leftLayout->addWidget(m_timeline, 1);
    // Task-level gates (a task-conditioned MoE): one row per task, one column
    // per expert of each task-level layer, the gate probability in each cell.
    m_taskMatrix = new QTableWidget(this);
    m_taskMatrix->setObjectName(QStringLiteral("taskGateMatrix"));
    m_taskMatrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_taskMatrix->setSelectionMode(QAbstractItemView::NoSelection);
    m_taskMatrix->setMaximumHeight(150);
    m_taskMatrix->setVisible(false);
    leftLayout->addWidget(m_taskMatrix);
    leftLayout->addWidget(m_imageInfo);
    leftLayout->addWidget(m_outputs, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("resultSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_routing);
    // The image gets the larger share when the window narrows (docks open).
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_view, &SceneView::tokenHovered, this,
            [this](int row, int col, QPoint) { m_routing->showGateValues(row, col); });
    connect(m_routing, &RoutingPanel::overlayChanged, this, &ResultView::updateOverlay);
    connect(m_routing, &RoutingPanel::layerChanged, this, &ResultView::updateTimeChart);
    connect(m_routing, &RoutingPanel::layerChanged, this, [this] {
        showSideInputs(m_result && m_stepIndex >= 0 && m_stepIndex < m_result->steps.size()
                           ? &m_result->steps[m_stepIndex]
                           : nullptr);
    });
    connect(m_timeline, &RoutingTimeline::frameClicked, this, [this](int frame) {
        if (m_result && !m_result->steps.isEmpty())
            m_player->setFrame(
                std::clamp(frame, m_result->steps.first().step, m_result->steps.last().step));
    });
    connect(m_maskCheck, &QCheckBox::toggled, this, &ResultView::updateOverlay);
    connect(m_scoreMapCheck, &QCheckBox::toggled, m_view, &SceneView::setHeatmapVisible);
    connect(m_shownMap, &QComboBox::activated, this, &ResultView::updateOverlay);
    connect(m_tileGridCheck, &QCheckBox::toggled, m_view, &SceneView::setTileGridVisible);
    connect(m_maskOpacity, &QSlider::valueChanged, this, &ResultView::updateOverlay);
}

void ResultView::setDocument(ImageDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (!m_document)
        return;
    connect(m_document, &ImageDocument::windowChanged, this, [this] {
        if (m_view->source())
            showFrame(m_player->frame()); // the scene's tiles, read again
        else
            m_view->setImage(m_document->frameImage(m_player->frame()));
    });
    connect(m_document, &ImageDocument::displayChanged, this,
            [this] { showFrame(m_player->frame()); });
    connect(m_view, &SceneView::windowDragged, this, [this](int dx, int dy) {
        if (!m_document || !m_document->image() || !m_document->isStack())
            return;
        m_document->dragWindow(dx, dy);
        Q_EMIT windowAdjusted();
    });
    connect(m_view, &SceneView::wheelSteps, this, [this](int steps) {
        // Slices of a series or volume; a cine keeps its wheel-free view.
        if (m_document && m_document->isStack() && m_document->image()->frameCount > 1)
            m_player->setFrame(m_player->frame() + steps);
    });
    connect(m_view, &SceneView::pixelHovered, this, [this](QPoint p) {
        // Read from the source, so a scene shown by its overview reads its own pixel.
        const auto source = m_document ? m_document->source() : nullptr;
        Raster pixel;
        QString error;
        if (!source || p.x() < 0 || p.y() < 0 || p.x() >= source->size().width() ||
            p.y() >= source->size().height() ||
            !source->readForDisplay(std::clamp(m_player->frame(), 0, source->frameCount() - 1),
                                    QRect(p, QSize(1, 1)), QSize(1, 1),
                                    m_document->displaySettings(), &pixel, &error)) {
            m_view->setReadout({});
            return;
        }
        QStringList values;
        for (int c = 0; c < pixel.bands; ++c)
            values << QString::number(double(pixel.at(0, 0, c)), 'g', 5);
        QString text =
            tr("x %1  y %2  value %3").arg(p.x()).arg(p.y()).arg(values.join(QStringLiteral(", ")));
        // Where it lies on the ground, and what the overlays say there.
        const GeoReference geo = source->geoReference();
        const QPointF centre(p.x() + 0.5, p.y() + 0.5);
        if (geo.hasAffine) {
            const QPointF g = geo.pixelToGround(centre);
            text += tr("  map %1, %2").arg(g.x(), 0, 'f', 1).arg(g.y(), 0, 'f', 1);
        }
        if (geo.hasLonLat) {
            const QPointF ll = geo.pixelToLonLat(centre);
            text += tr("  lat %1° lon %2°").arg(ll.y(), 0, 'f', 5).arg(ll.x(), 0, 'f', 5);
        }
        const QString overlays = overlayValuesAt(p);
        if (!overlays.isEmpty())
            text += QStringLiteral("\n") + overlays;
        m_view->setReadout(text);
    });
}

bool ResultView::exportArtifacts(const QString &directory, QStringList *written, QString *error,
                                 bool keepPaths) const
{
    if (!m_document || !m_document->image() || !m_result || m_result->steps.isEmpty()) {
        *error = tr("nothing to export: no result on screen");
        return false;
    }
    const QJsonObject json{
        {"model", m_result->modelName},
        // The file name, as the CLI's exports without --keep-paths:
        // a folder may be named after a patient (issue 15).
        {"input", keepPaths ? m_result->imagePath : QFileInfo(m_result->imagePath).fileName()},
        {"routing", routingSummaryJson(m_result->overviewLayers())},
        {"outputs", m_result->steps.first().outputs}};
    return writeArtifacts(directory, *m_result, *m_document->image(), json, ArtifactOptions(),
                          written, error);
}

void ResultView::setImageInfo(const QString &text)
{
    m_imageInfo->setText(text);
}

void ResultView::showFrame(int frame)
{
    QImage base;
    const bool overview = m_document && m_document->isOverview();
    // A scene its reader can show several ways (SAR: dB, amplitude, a
    // speckle filter) is drawn from the reader even when it fits in memory.
    const auto source = m_document ? m_document->source() : nullptr;
    const bool bySource = overview || (m_document && m_document->openedByPlugin() && source &&
                                       !source->displayOptions().isEmpty());
    if (bySource) {
        // The view reads tiles of the scene at its zoom, as the display says.
        if (m_view->source() != m_document->source() || m_shownFrame != frame ||
            m_shownDisplay != m_document->displaySettings() ||
            m_shownWindow != m_document->window()) {
            m_view->setSource(m_document->source(), frame, m_document->window(),
                              m_document->displaySettings());
            m_shownDisplay = m_document->displaySettings();
            m_shownWindow = m_document->window();
        }
    } else if (m_document && m_document->image()) {
        base = m_document->frameImage(frame);
        m_view->setImage(base);
    } else {
        m_view->setImage(base);
    }
    m_shownFrame = frame;
    m_timeline->setCurrentFrame(frame);
    // A tiled run's routing is its mosaic over the scene (frame 0); otherwise
    // the step of this frame, laid over the region its input came from.
    const std::vector<routing::LayerRouting> *layers = nullptr;
    const StepResult *step = nullptr;
    QRect region = m_result ? m_result->modelRegion : QRect();
    m_stepIndex = -1;
    if (m_result && !m_result->mosaic.empty()) {
        if (frame == 0) {
            layers = &m_result->mosaic;
            if (m_result->mosaicRect().isValid())
                region = m_result->mosaicRect();
        }
    } else {
        for (int i = 0; m_result && i < m_result->steps.size(); ++i) {
            if (m_result->steps[i].step == frame)
                m_stepIndex = i;
        }
        if (m_stepIndex >= 0) {
            step = &m_result->steps[m_stepIndex];
            layers = &step->layers;
            // The input laid over this frame: of those cut from it, the one
            // the model sees most of (a tracker's search region, not its
            // template); the maps show that input's token grid.
            const StepOrigins::value_type *placed = nullptr;
            for (const auto &origin : step->origins) {
                const StepOrigin &o = origin.second;
                if (o.frame != step->step || !o.sourceRect.isValid())
                    continue;
                const auto area = [](const StepOrigin &x) {
                    return qint64(x.inputSize.width()) * x.inputSize.height();
                };
                if (!placed || area(o) > area(placed->second))
                    placed = &origin;
            }
            if (!placed && !step->origins.empty() &&
                step->origins.begin()->second.sourceRect.isValid())
                placed = &*step->origins.begin();
            if (placed)
                region = placed->second.sourceRect;
            m_routing->setGridInput(placed ? QString::fromStdString(placed->first) : QString());
        }
    }
    // Rectangles the plugin asks to have drawn on this frame.
    QList<FrameBoxesItem::Box> boxes;
    if (step) {
        for (const QJsonValue &v : step->outputs.value(QStringLiteral("frame_boxes")).toArray()) {
            const QJsonObject o = v.toObject();
            const QJsonArray r = o.value(QStringLiteral("rect")).toArray();
            if (r.size() == 4)
                boxes.append(
                    {QRectF(r[0].toDouble(), r[1].toDouble(), r[2].toDouble(), r[3].toDouble()),
                     o.value(QStringLiteral("label")).toString(),
                     o.value(QStringLiteral("role")).toString()});
        }
    }
    m_view->setFrameBoxes(boxes);
    showScoreMap(step ? step->outputs.value(QStringLiteral("score_map")).toObject()
                      : QJsonObject());
    // A tiled run's tile grid (its run summary says where the tiles' parts meet).
    const QJsonObject tiles =
        m_result ? m_result->runSummary.value(QStringLiteral("tile_grid")).toObject()
                 : QJsonObject();
    const QJsonArray tileArea = tiles.value(QStringLiteral("area")).toArray();
    std::vector<double> xs, ys;
    for (const QJsonValue &v : tiles.value(QStringLiteral("x")).toArray())
        xs.push_back(v.toDouble());
    for (const QJsonValue &v : tiles.value(QStringLiteral("y")).toArray())
        ys.push_back(v.toDouble());
    m_view->setTileGrid(tileArea.size() == 4
                            ? QRectF(tileArea[0].toDouble(), tileArea[1].toDouble(),
                                     tileArea[2].toDouble(), tileArea[3].toDouble())
                            : QRectF(),
                        std::move(xs), std::move(ys));
    m_tileGridCheck->setVisible(tileArea.size() == 4);
    const auto shown = m_document ? m_document->image() : nullptr;
    const QRect frameRect = !base.isNull()          ? base.rect()
                            : bySource && !overview ? QRect(QPoint(0, 0), source->size())
                            : bySource && shown     ? QRect(0, 0, shown->width, shown->height)
                                                    : QRect();
    if (!overview && region == frameRect)
        region = QRect(); // the whole frame
    m_view->setModelRegion(region);
    // A long track keeps full routing for a window of frames only.
    m_view->setCaption(
        step && step->layers.empty() && !step->routingSummary.isEmpty()
            ? tr("frame %1: routing summary only (full routing not kept)").arg(step->step)
            : QString());
    if (!layers || layers->empty()) {
        m_sideInput->setVisible(false);
        m_routing->clear();
        updateOutputs(step ? step->outputs : QJsonObject());
        m_maskRow->setVisible(false);
        m_view->setOverlay({}, 0);
        return;
    }
    // The overlay is drawn once, below, not also when the panel changes layer.
    const QSignalBlocker once(m_routing);
    // A tiled run still going: only the overlay follows (see updateRouting).
    if (m_result->runSummary.value(QStringLiteral("running")).toBool()) {
        m_routing->updateRouting(*layers, QImage());
    } else {
        // The picture under the expert thumbnails: what the model saw of
        // this frame (the overview of a scene), at thumbnail size (windowing
        // all of a 2,048² scene for them took 20-30 ms).
        QImage seen;
        Raster part;
        QString why;
        const QRect inFrame =
            region.intersected(QRect(QPoint(0, 0), source ? source->size() : QSize()));
        if (overview && m_result->mosaic.empty() && inFrame.isValid() &&
            source->readForDisplay(
                frame, inFrame, inFrame.size().boundedTo(QSize(kThumbnailSource, kThumbnailSource)),
                m_document->displaySettings(), &part, &why))
            // A frame of a long video (held as one frame's overview): this
            // frame's region, as the model saw it.
            seen = part.toImageStack().toQImage(0, m_document->window());
        else if (bySource && shown)
            seen = shown->toQImage(0, m_document->window(), overview ? QRect() : region,
                                   kThumbnailSource);
        else if (!base.isNull())
            seen = region.isValid() ? base.copy(region.intersected(frameRect)) : base;
        m_routing->setRouting(*layers, seen);
    }
    updateOutputs(step ? step->outputs : m_result->runSummary);
    updateOverlay();
    showSideInputs(step);
}

void ResultView::updateTimeChart()
{
    // A frame without full routing (past a long track's routing window)
    // keeps the layer the timeline shows.
    const int layer = m_routing->currentLayer() >= 0 ? m_routing->currentLayer()
                                                     : std::max(0, m_timeline->layer());
    m_timeline->plot(m_result, layer, QString::fromStdString(m_routing->gridInput()));
}

void ResultView::updateOverlay()
{
    const routing::TokenGrid *grid = m_routing->currentGrid();
    m_view->setTokenGrid(grid ? grid->rows : 0, grid ? grid->cols : 0);
    QSize size = m_view->image().isNull()          ? QSize(448, 448)
                 : m_view->modelRegion().isValid() ? m_view->modelRegion().size()
                                                   : m_view->image().size();
    // The view stretches the overlay over its region: a mosaic (at most 512
    // cells a side) or a tiled run's labels (at most 1,024) need no overlay
    // larger than 1,024, and drawing one of 2,048² took 25-45 ms a time.
    if (std::max(size.width(), size.height()) > 1024)
        size.scale(1024, 1024, Qt::KeepAspectRatio);
    QString maskName;
    const QJsonObject segmentation = currentSegmentation(&maskName);
    m_labelMap = QImage();
    m_descriptors = {};
    m_maskRow->setVisible(!segmentation.isEmpty());
    if (!segmentation.isEmpty()) {
        QStringList legend;
        const QJsonArray areas = segmentation.value(QStringLiteral("areas")).toArray();
        // Label 0 is left clear when it is the background, else coloured like the rest.
        const QString first = areas.isEmpty()
                                  ? QString()
                                  : areas[0].toObject().value(QStringLiteral("label")).toString();
        const bool clearZero =
            first.compare(QLatin1String("background"), Qt::CaseInsensitive) == 0 ||
            first.compare(QLatin1String("bg"), Qt::CaseInsensitive) == 0;
        for (int k = clearZero ? 1 : 0; k < areas.size(); ++k) {
            const QJsonObject area = areas[k].toObject();
            QString label = area.value(QStringLiteral("label")).toString();
            if (area.contains(QStringLiteral("area_km2"))) // a geo-referenced scene
                label = tr("%1 %2 km²")
                            .arg(label)
                            .arg(area.value(QStringLiteral("area_km2")).toDouble(), 0, 'g', 4);
            legend << QStringLiteral("<span style=\"color:%1\">■</span> %2")
                          .arg(labelColor(k).name(), label);
        }
        m_maskLegend->setText(
            QStringLiteral("%1: %2").arg(maskName, legend.join(QStringLiteral("  "))));
        m_labelMap = labelMapFromJson(segmentation);
        m_labelNames.clear();
        for (const QJsonValue &a : areas)
            m_labelNames << a.toObject().value(QStringLiteral("label")).toString();
        // A tiled run's descriptor maps, offered beside the labels.
        m_descriptors = DescriptorMaps::fromRunSummary(m_result->runSummary);
        const int chosen = m_shownMap->currentIndex();
        m_shownMap->clear();
        m_shownMap->addItem(tr("labels"));
        m_shownMap->addItems(m_descriptors.names);
        m_shownMap->setCurrentIndex(std::clamp(chosen, 0, m_shownMap->count() - 1));
        m_shownMap->setVisible(!m_descriptors.isEmpty());
        const int descriptor = m_shownMap->currentIndex() - 1;
        if (descriptor >= 0 && m_maskCheck->isChecked() && !m_view->image().isNull()) {
            m_maskLegend->setText(m_descriptors.legend(descriptor));
            m_view->setOverlay(m_descriptors.overlay(descriptor, m_routing->colormap())
                                   .scaled(size, Qt::IgnoreAspectRatio, Qt::FastTransformation),
                               m_maskOpacity->value() / 100.0);
            return;
        }
        if (m_maskCheck->isChecked() && !m_view->image().isNull()) {
            const QImage labels = labelOverlay(m_labelMap, clearZero);
            m_view->setOverlay(labels.scaled(size, Qt::IgnoreAspectRatio, Qt::FastTransformation),
                               m_maskOpacity->value() / 100.0);
            return;
        }
    }
    if (m_view->image().isNull() && grid) {
        QImage gray(size, QImage::Format_RGB32);
        gray.fill(QColor(60, 60, 60));
        m_view->setImage(gray);
    }
    m_view->setOverlay(m_routing->overlay(size), m_routing->opacity());
}

QJsonObject ResultView::currentSegmentation(QString *name) const
{
    if (!m_result)
        return {};
    // A tiled run's labels, stitched over the scene by its plugin.
    const QJsonObject stitched =
        m_result->runSummary.value(QStringLiteral("segmentation")).toObject();
    if (stitched.contains(QStringLiteral("label_map_png"))) {
        if (name)
            *name = tr("stitched labels");
        return stitched;
    }
    if (m_stepIndex < 0 || m_stepIndex >= m_result->steps.size())
        return {};
    const QJsonObject outputs = m_result->steps[m_stepIndex].outputs;
    for (auto it = outputs.begin(); it != outputs.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        if (o.value(QStringLiteral("kind")).toString() == QLatin1String("segmentation") &&
            o.contains(QStringLiteral("label_map_png"))) {
            if (name)
                *name = it.key();
            return o;
        }
    }
    return {};
}

void ResultView::setTaskGates(const model::ModelContract *contract,
                              const QMap<int, std::vector<routing::LayerRouting>> &gates,
                              int chosenTask, int frame)
{
    const model::InputSpec *input = contract ? contract->taskInput() : nullptr;
    std::vector<size_t> layers;
    for (size_t l = 0; input && l < contract->moeLayers.size(); ++l) {
        if (contract->moeLayers[l].tokens.empty())
            layers.push_back(l);
    }
    m_taskMatrix->setVisible(!layers.empty());
    if (layers.empty())
        return;
    QStringList columns;
    for (size_t l : layers) {
        const model::MoeLayerSpec &spec = contract->moeLayers[l];
        for (int e = 0; e < spec.experts; ++e)
            columns << QStringLiteral("%1\n%2").arg(
                QString::fromStdString(spec.name),
                e < int(spec.expertNames.size())
                    ? QString::fromStdString(spec.expertNames[size_t(e)])
                    : tr("expert %1").arg(e));
    }
    QStringList rows;
    for (const std::string &choice : input->choices)
        rows << QString::fromStdString(choice);
    m_taskMatrix->clear();
    m_taskMatrix->setRowCount(rows.size());
    m_taskMatrix->setColumnCount(columns.size());
    m_taskMatrix->setHorizontalHeaderLabels(columns);
    m_taskMatrix->setVerticalHeaderLabels(rows);
    m_taskMatrix->setToolTip(tr("Task-level gate: the probability each task gives each expert "
                                "(computed on frame %1; a task-conditioned gate does not depend on "
                                "the image)")
                                 .arg(frame + 1));
    for (int t = 0; t < rows.size(); ++t) {
        const auto taskGates = gates.constFind(t);
        int column = 0;
        for (size_t l : layers) {
            const int experts = contract->moeLayers[l].experts;
            for (int e = 0; e < experts; ++e, ++column) {
                auto *item = new QTableWidgetItem;
                item->setTextAlignment(Qt::AlignCenter);
                if (taskGates != gates.constEnd() && l < taskGates->size() &&
                    !(*taskGates)[l].probs.empty()) {
                    const float p = (*taskGates)[l].prob(0, e);
                    item->setText(QString::number(p * 100.0, 'f', 0) + QLatin1Char('%'));
                    item->setData(Qt::UserRole, double(p));
                    QColor c = render::expertColor(e);
                    c.setAlphaF(0.15 + 0.85 * p);
                    item->setBackground(c);
                } else {
                    item->setText(QStringLiteral("…"));
                }
                if (t == chosenTask) {
                    QFont f = item->font();
                    f.setBold(true);
                    item->setFont(f);
                }
                m_taskMatrix->setItem(t, column, item);
            }
        }
    }
    m_taskMatrix->resizeColumnsToContents();
}

QString ResultView::overlayValuesAt(const QPoint &p) const
{
    if (!m_result)
        return {};
    const QRect region = m_view->modelRegion().isValid()
                             ? m_view->modelRegion()
                             : QRect(QPoint(0, 0), m_view->pictureSize());
    if (!region.contains(p) || region.isEmpty())
        return {};
    const double fx = double(p.x() - region.x()) / region.width();
    const double fy = double(p.y() - region.y()) / region.height();
    QStringList parts;
    if (!m_labelMap.isNull()) {
        const int label =
            m_labelMap.pixelIndex(std::min(int(fx * m_labelMap.width()), m_labelMap.width() - 1),
                                  std::min(int(fy * m_labelMap.height()), m_labelMap.height() - 1));
        if (label >= 0 && label < m_labelNames.size())
            parts << tr("label %1").arg(m_labelNames[label]);
    }
    if (const QString descriptors = m_descriptors.valuesAt(fx, fy); !descriptors.isEmpty())
        parts << descriptors;
    // The layer on screen: the top-1 expert of the token (or mosaic cell) there.
    const int layer = m_routing->currentLayer();
    const std::vector<routing::LayerRouting> &layers = m_result->overviewLayers();
    if (layer >= 0 && size_t(layer) < layers.size() && !layers[size_t(layer)].grids.empty()) {
        const routing::LayerRouting &l = layers[size_t(layer)];
        const routing::TokenGrid &g = l.grids.front();
        const int token = g.offset + std::min(int(fy * g.rows), g.rows - 1) * g.cols +
                          std::min(int(fx * g.cols), g.cols - 1);
        int best = 0;
        for (int e = 1; e < l.experts; ++e)
            if (l.prob(token, e) > l.prob(token, best))
                best = e;
        parts << tr("%1: top-1 %2 (p %3)")
                     .arg(QString::fromStdString(l.name),
                          QString::fromStdString(l.expertName(best)))
                     .arg(double(l.prob(token, best)), 0, 'f', 2);
    }
    return parts.join(QStringLiteral("  "));
}

} // namespace moescope::gui
