#include "comparedialog.h"

#include <QFutureWatcher>
#include <QtConcurrent>

#include "image/imageloader.h"
#include "image/windowpresets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace moescope::gui {

CompareDialog::CompareDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("compareView"));
    setWindowTitle(tr("Query and hit side by side"));
    resize(1000, 600);

    auto *layout = new QVBoxLayout(this);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Window"), this));
    m_presetCombo = new QComboBox(this);
    m_presetCombo->setObjectName(QStringLiteral("compareWindowCombo"));
    m_presetCombo->setToolTip(tr("One window/level for both images; drag with the right mouse "
                                 "button in either for your own"));
    m_presetCombo->addItem(tr("From file"), QStringLiteral("file"));
    for (const WindowPreset &preset : ctWindowPresets())
        m_presetCombo->addItem(preset.name, preset.id);
    m_presetCombo->addItem(tr("Custom"), QStringLiteral("custom"));
    controls->addWidget(m_presetCombo);
    m_heatmapCheck = new QCheckBox(tr("Window-match heatmap"), this);
    m_heatmapCheck->setObjectName(QStringLiteral("compareHeatmapCheck"));
    m_heatmapCheck->setChecked(true);
    controls->addWidget(m_heatmapCheck);
    auto *reset = new QPushButton(tr("Fit"), this);
    reset->setToolTip(tr("Zoom out to the whole images (the wheel zooms, left-drag pans)"));
    controls->addWidget(reset);
    controls->addStretch(1);
    layout->addLayout(controls);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto makeSide = [&](SceneView **view, QLabel **label, const QString &name) {
        auto *side = new QWidget(splitter);
        auto *l = new QVBoxLayout(side);
        l->setContentsMargins(0, 0, 0, 0);
        *view = new SceneView(side);
        (*view)->setObjectName(name);
        (*view)->setMinimumSize(300, 300);
        *label = new QLabel(side);
        (*label)->setWordWrap(true);
        l->addWidget(*view, 1);
        l->addWidget(*label);
        splitter->addWidget(side);
    };
    makeSide(&m_queryView, &m_queryLabel, QStringLiteral("compareQueryView"));
    makeSide(&m_hitView, &m_hitLabel, QStringLiteral("compareHitView"));
    m_hitLabel->setObjectName(QStringLiteral("compareHitLabel"));
    layout->addWidget(splitter, 1);

    // Linked: what one view shows, the other shows.
    connect(m_queryView, &SceneView::viewChanged, m_hitView, &SceneView::setView);
    connect(m_hitView, &SceneView::viewChanged, m_queryView, &SceneView::setView);
    connect(m_queryView, &SceneView::windowDragged, this, &CompareDialog::dragWindow);
    connect(m_hitView, &SceneView::windowDragged, this, &CompareDialog::dragWindow);
    connect(reset, &QPushButton::clicked, this, [this] { m_queryView->setView(1, {0.5, 0.5}); });
    connect(m_heatmapCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_queryView->setHeatmapVisible(on);
        m_hitView->setHeatmapVisible(on);
        Q_EMIT heatmapsToggled(on);
    });
    connect(m_presetCombo, &QComboBox::activated, this, [this](int index) {
        const QString id = m_presetCombo->itemData(index).toString();
        if (id == QLatin1String("custom"))
            return;
        const WindowPreset *preset = ctWindowPreset(id);
        m_window = preset ? preset->window : WindowLevel();
        render();
    });
}

void CompareDialog::setQuery(QSharedPointer<const ImageStack> image, int frame, const QRect &region,
                             const WindowLevel &window, double pixelAspect, const WindowGrid &grid)
{
    m_query = std::move(image);
    m_queryFrame = frame;
    m_queryAspect = pixelAspect;
    m_grid = grid;
    m_queryView->setRegion(region);
    m_queryLabel->setText(tr("Query: %1, frame %2%3")
                              .arg(m_query ? QFileInfo(m_query->sourcePath).fileName() : QString())
                              .arg(frame + 1)
                              .arg(region.isValid() ? tr(", region %1 × %2 at (%3, %4)")
                                                          .arg(region.width())
                                                          .arg(region.height())
                                                          .arg(region.x())
                                                          .arg(region.y())
                                                    : QString()));
    setWindow(window);
}

void CompareDialog::showHit(const RetrievalHit &hit, int rank)
{
    m_hitThumbnail = QImage();
    m_hitThumbnail.loadFromData(hit.item.thumbnail, "PNG");
    if (hit.item.path != m_hitPath) {
        // Read the hit's file off the UI thread (a series or volume takes a
        // while); the thumbnail stands in until it is there.
        m_hitImage.reset();
        m_hitPath = hit.item.path;
        m_hitLoading = QFileInfo::exists(hit.item.path);
        if (m_hitLoading) {
            const QString path = hit.item.path;
            auto *watcher = new QFutureWatcher<std::optional<ImageStack>>(this);
            connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, hit, rank] {
                watcher->deleteLater();
                if (path != m_hitPath)
                    return; // another hit was chosen meanwhile
                m_hitLoading = false;
                if (std::optional<ImageStack> loaded = watcher->result())
                    m_hitImage = QSharedPointer<const ImageStack>::create(std::move(*loaded));
                showHit(hit, rank);
                Q_EMIT hitLoaded(bool(m_hitImage));
            });
            watcher->setFuture(QtConcurrent::run([path] {
                LoadError error;
                return ImageLoader::load(path, &error);
            }));
        }
    }
    m_hitFrame = m_hitImage ? std::clamp(hit.item.frame, 0, m_hitImage->frameCount - 1) : 0;
    m_queryView->setHeatmap(hit.windows.queryBest, m_grid, hit.windows.bestQueryWindow);
    m_hitView->setHeatmap(hit.windows.itemBest, m_grid, hit.windows.bestItemWindow);
    m_hitView->setCaption(tr("#%1 · %2").arg(rank + 1).arg(double(hit.score), 0, 'f', 3));
    m_queryView->setCaption(tr("query"));
    QString text = tr("Hit #%1: %2 (%3), frame %4 · score %5 · window score %6")
                       .arg(rank + 1)
                       .arg(hit.item.label.isEmpty() ? tr("no label") : hit.item.label,
                            QFileInfo(hit.item.path).fileName())
                       .arg(hit.item.frame + 1)
                       .arg(double(hit.score), 0, 'f', 3)
                       .arg(double(hit.windows.score), 0, 'f', 3);
    if (m_hitLoading)
        text += QStringLiteral("\n") + tr("Reading %1…").arg(QFileInfo(m_hitPath).fileName());
    else if (!m_hitImage)
        text += QStringLiteral("\n") + hitNote();
    m_hitLabel->setText(text);
    m_hitLabel->setToolTip(hit.item.path);
    render();
}

QString CompareDialog::hitNote() const
{
    if (m_hitImage)
        return {};
    return tr("⚠ %1 is no longer readable; its stored thumbnail is shown (8-bit, the window "
              "does not apply).")
        .arg(m_hitPath);
}

void CompareDialog::setHeatmapsVisible(bool visible)
{
    m_heatmapCheck->setChecked(visible);
    m_queryView->setHeatmapVisible(visible);
    m_hitView->setHeatmapVisible(visible);
}

void CompareDialog::setWindow(const WindowLevel &window)
{
    m_window = window;
    int index = 0; // from file
    if (window.valid()) {
        index = m_presetCombo->findData(QStringLiteral("custom"));
        for (const WindowPreset &p : ctWindowPresets())
            if (qFuzzyCompare(p.window.center + 1e6, window.center + 1e6) &&
                qFuzzyCompare(p.window.width, window.width))
                index = m_presetCombo->findData(p.id);
    }
    m_presetCombo->setCurrentIndex(index);
    render();
}

void CompareDialog::dragWindow(int dx, int dy)
{
    if (!m_query)
        return;
    m_window = m_query->draggedWindow(m_window, dx, dy);
    m_presetCombo->setCurrentIndex(m_presetCombo->findData(QStringLiteral("custom")));
    render();
}

void CompareDialog::render()
{
    if (m_query)
        m_queryView->setImage(m_query->toQImage(m_queryFrame, m_window), m_queryAspect);
    if (m_hitImage) {
        double aspect = 1.0;
        if (m_hitImage->spacing.known())
            aspect = m_hitImage->spacing.rowMm / m_hitImage->spacing.columnMm;
        m_hitView->setImage(m_hitImage->toQImage(m_hitFrame, m_window), aspect);
    } else {
        m_hitView->setImage(m_hitThumbnail);
    }
}

} // namespace moescope::gui
