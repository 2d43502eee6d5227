// GalleryPanel, its query side: querying with the slice or a drawn region,
// the ranked hits, their gates and the compare dialog.
#include "comparedialog.h"
#include "gallerypanel.h"
#include "gallerypanel_p.h"
#include "plugin/taskplugin.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

#include <algorithm>

namespace moescope::gui {

bool GalleryPanel::querySlice()
{
    return startQuery(QRect());
}

bool GalleryPanel::isRegionMode() const
{
    return m_regionButton->isChecked();
}

bool GalleryPanel::queryRegion(const QRect &region)
{
    if (!region.isValid()) {
        showMessage(tr("Drag a rectangle on the image to query with it."), true);
        return false;
    }
    return startQuery(region);
}

bool GalleryPanel::startQuery(const QRect &region)
{
    auto refuse = [this](const QString &message) {
        showMessage(message, true);
        Q_EMIT queryRefused(message);
        return false;
    };
    if (!modelUsable())
        return refuse(tr("Load a retrieval model first."));
    if (m_indexing || m_querying)
        return refuse(tr("Wait for the indexing or query in progress."));
    const QString name = currentGallery();
    if (name.isEmpty())
        return refuse(tr("Index a gallery first (Index folder…)."));
    QString error;
    const std::optional<store::GalleryInfo> info = m_db->findGallery(name, &error);
    if (!info)
        return refuse(error.isEmpty() ? tr("There is no gallery \"%1\" any more.").arg(name)
                                      : error);
    if (!checkGalleryModel(*info, m_model.sha256, m_model.name, 0, &error))
        return refuse(tr("This gallery cannot be queried with %1: %2").arg(m_model.name, error));
    const QueryImage source = m_source ? m_source() : QueryImage();
    if (!source.image || source.image->isEmpty())
        return refuse(tr("Open a slice, series or volume to query with."));
    QueryRequest request;
    request.image = source.image;
    request.frame = std::clamp(source.frame, 0, source.image->frameCount - 1);
    request.region = region.intersected(QRect(0, 0, source.image->width, source.image->height));
    if (region.isValid() && request.region.isEmpty())
        return refuse(tr("The region lies outside the image."));
    request.topK = m_topK->value();
    m_queryImage = source;
    m_queryImage.frame = request.frame;
    m_querying = true;
    updateEnabled();
    showMessage(region.isValid()
                    ? tr("Querying \"%1\" with a %2 × %3 region of frame %4…")
                          .arg(name)
                          .arg(request.region.width())
                          .arg(request.region.height())
                          .arg(request.frame + 1)
                    : tr("Querying \"%1\" with frame %2…").arg(name).arg(request.frame + 1));
    m_session->queryGallery(request, m_db->path(), name, m_plugin);
    return true;
}

void GalleryPanel::onQueryFinished(const QueryResult &result)
{
    if (!m_querying)
        return;
    m_querying = false;
    m_result = result;
    {
        const QSignalBlocker blocker(m_hitList);
        m_hitList->clear();
        for (int i = 0; i < int(result.hits.size()); ++i) {
            const RetrievalHit &hit = result.hits[size_t(i)];
            QPixmap thumb;
            if (!thumb.loadFromData(hit.item.thumbnail, "PNG")) {
                thumb = QPixmap(kThumbPx, kThumbPx);
                thumb.fill(QColor(60, 60, 60));
            }
            auto *item = new QListWidgetItem(QIcon(thumb),
                                             QStringLiteral("#%1  %2\n%3")
                                                 .arg(i + 1)
                                                 .arg(double(hit.score), 0, 'f', 3)
                                                 .arg(itemName(hit.item)),
                                             m_hitList);
            item->setData(Qt::UserRole, i);
            item->setToolTip(tr("%1\nframe %2 · score %3 · window score %4")
                                 .arg(hit.item.path)
                                 .arg(hit.item.frame + 1)
                                 .arg(double(hit.score), 0, 'f', 4)
                                 .arg(double(hit.windows.score), 0, 'f', 3));
        }
    }
    const QImage frame = m_queryImage.image->toQImage(m_queryImage.frame, m_queryImage.window);
    m_queryView->setImage(frame, m_queryImage.pixelAspect);
    m_queryView->setRegion(result.region);
    m_queryView->setCaption(result.region.isValid() ? tr("query region") : tr("query slice"));
    showMessage(
        tr("%n hit(s) in \"%1\" (model %2 ms, search %3 ms; %4)", nullptr, int(result.hits.size()))
            .arg(currentGallery())
            .arg(result.analysis.timings.totalMs, 0, 'f', 0)
            .arg(result.searchMs, 0, 'f', 1)
            .arg(result.index));
    if (result.hits.empty()) {
        m_hitView->setImage({});
        m_hitView->setHeatmap({}, {}, -1);
        m_queryView->setHeatmap({}, {}, -1);
        fillGates();
    } else {
        {
            const QSignalBlocker blocker(m_hitList);
            m_hitList->setCurrentRow(0);
        }
        showHit(0);
    }
    updateEnabled();
    Q_EMIT queryShown();
}

int GalleryPanel::selectedHit() const
{
    const int row = m_hitList->currentRow();
    return row >= 0 && row < int(m_result.hits.size()) ? row : -1;
}

void GalleryPanel::selectHit(int index)
{
    m_hitList->setCurrentRow(index);
}

void GalleryPanel::showHit(int index)
{
    if (index < 0 || index >= int(m_result.hits.size())) {
        updateEnabled();
        return;
    }
    const RetrievalHit &hit = m_result.hits[size_t(index)];
    QImage thumb;
    thumb.loadFromData(hit.item.thumbnail, "PNG");
    m_hitView->setImage(thumb);
    m_hitView->setPlaceholder(tr("No thumbnail stored for %1").arg(hit.item.path));
    m_hitView->setCaption(
        tr("#%1 %2 · %3").arg(index + 1).arg(itemName(hit.item)).arg(double(hit.score), 0, 'f', 3));
    m_queryView->setHeatmap(hit.windows.queryBest, m_grid, hit.windows.bestQueryWindow);
    m_hitView->setHeatmap(hit.windows.itemBest, m_grid, hit.windows.bestItemWindow);
    fillGates();
    if (m_compare)
        m_compare->showHit(hit, index);
    updateEnabled();
}

void GalleryPanel::fillGates()
{
    m_gates->setRowCount(0);
    const QJsonObject &query = m_result.query.gates;
    const int index = selectedHit();
    const QJsonObject hit = index >= 0 ? m_result.hits[size_t(index)].item.gates : QJsonObject();
    m_gates->horizontalHeaderItem(3)->setText(index >= 0 ? tr("Hit #%1").arg(index + 1)
                                                         : tr("Hit"));
    // Layers in the contract's order, then any the contract does not name.
    QStringList layers;
    for (const model::MoeLayerSpec &l : m_model.contract.moeLayers)
        if (query.contains(QString::fromStdString(l.name)))
            layers << QString::fromStdString(l.name);
    for (const QString &key : query.keys())
        if (!layers.contains(key))
            layers << key;
    for (const QString &layer : layers) {
        const QJsonObject q = query.value(layer).toObject();
        const QJsonObject h = hit.value(layer).toObject();
        QStringList experts;
        const model::MoeLayerSpec *spec = nullptr;
        for (const model::MoeLayerSpec &l : m_model.contract.moeLayers)
            if (QString::fromStdString(l.name) == layer)
                spec = &l;
        if (spec)
            for (const std::string &e : spec->expertNames)
                if (q.contains(QString::fromStdString(e)))
                    experts << QString::fromStdString(e);
        for (const QString &key : q.keys())
            if (!experts.contains(key))
                experts << key;
        const QString level = spec && spec->tokens.empty() ? tr("image-level gate")
                                                           : tr("token-level, mean over tokens");
        for (const QString &expert : experts) {
            const int row = m_gates->rowCount();
            m_gates->insertRow(row);
            auto *layerItem = new QTableWidgetItem(layer);
            layerItem->setToolTip(level);
            layerItem->setData(kLayerRole, layer);
            auto *expertItem = new QTableWidgetItem(expert);
            expertItem->setData(kExpertRole, expert);
            auto *queryItem = new QTableWidgetItem;
            queryItem->setData(kValueRole, q.value(expert).toDouble());
            queryItem->setData(kLayerRole, layer);
            queryItem->setData(kExpertRole, expert);
            m_gates->setItem(row, 0, layerItem);
            m_gates->setItem(row, 1, expertItem);
            m_gates->setItem(row, 2, queryItem);
            if (h.contains(expert)) {
                auto *hitItem = new QTableWidgetItem;
                hitItem->setData(kValueRole, h.value(expert).toDouble());
                m_gates->setItem(row, 3, hitItem);
            }
        }
    }
}

void GalleryPanel::setHeatmapsVisible(bool visible)
{
    if (m_heatmapCheck->isChecked() != visible)
        m_heatmapCheck->setChecked(visible); // comes back here
    m_queryView->setHeatmapVisible(visible);
    m_hitView->setHeatmapVisible(visible);
    if (m_compare)
        m_compare->setHeatmapsVisible(visible);
}

CompareDialog *GalleryPanel::compare(int index)
{
    if (index < 0)
        index = selectedHit();
    if (index < 0 || index >= int(m_result.hits.size()) || !m_queryImage.image)
        return nullptr;
    if (index != selectedHit())
        selectHit(index);
    if (!m_compare) {
        m_compare = new CompareDialog(this);
        m_compare->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_compare, &CompareDialog::heatmapsToggled, this,
                &GalleryPanel::setHeatmapsVisible);
    }
    m_compare->setQuery(m_queryImage.image, m_queryImage.frame, m_result.region,
                        m_queryImage.window, m_queryImage.pixelAspect, m_grid);
    m_compare->setHeatmapsVisible(m_heatmapCheck->isChecked());
    m_compare->showHit(m_result.hits[size_t(index)], index);
    m_compare->show();
    m_compare->raise();
    return m_compare;
}

} // namespace moescope::gui
