#include "gallerypanel.h"
#include "gallerypanel_p.h"

#include "comparedialog.h"
#include "plugin/taskplugin.h"
#include "store/database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace moescope::gui {

namespace {

// A gate probability as a bar behind its value.
class GateBarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QVariant v = index.data(kValueRole);
        if (!v.isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        const double value = std::clamp(v.toDouble(), 0.0, 1.0);
        painter->save();
        const QRect r = option.rect.adjusted(2, 3, -2, -3);
        painter->fillRect(r, option.palette.color(QPalette::AlternateBase));
        QRect bar = r;
        bar.setWidth(int(r.width() * value));
        painter->fillRect(bar, QColor(70, 130, 200));
        painter->setPen(option.palette.color(QPalette::Text));
        painter->drawText(r.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignRight,
                          QString::number(value, 'f', 3));
        painter->restore();
    }
};

} // namespace

GalleryPanel::GalleryPanel(ModelSession *session, store::Database *db, QWidget *parent)
    : QWidget(parent), m_session(session), m_db(db)
{
    setObjectName(QStringLiteral("galleryPanel"));
    buildUi();
    connect(m_session, &ModelSession::indexProgress, this,
            [this](int done, int total, const QString &current) {
                if (!m_indexing)
                    return;
                m_progress->setRange(0, std::max(1, total));
                m_progress->setValue(done);
                m_currentFile->setText(
                    tr("%1 / %2 · %3").arg(done).arg(total).arg(QFileInfo(current).fileName()));
                m_currentFile->setToolTip(current);
            });
    connect(m_session, &ModelSession::indexFinished, this, &GalleryPanel::onIndexFinished);
    connect(m_session, &ModelSession::queryFinished, this, &GalleryPanel::onQueryFinished);
    connect(m_session, &ModelSession::queryFailed, this, [this](const QString &message) {
        if (!m_querying)
            return;
        m_querying = false;
        updateEnabled();
        showMessage(tr("The query failed: %1").arg(message), true);
        Q_EMIT queryRefused(message);
    });
    refreshGalleries();
    updateEnabled();
}

void GalleryPanel::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    // Galleries of the run database.
    auto *galleryRow = new QHBoxLayout;
    galleryRow->addWidget(new QLabel(tr("Gallery"), this));
    m_galleryCombo = new QComboBox(this);
    m_galleryCombo->setObjectName(QStringLiteral("galleryCombo"));
    m_galleryCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_galleryCombo->setMinimumContentsLength(16);
    m_galleryCombo->setToolTip(tr("Galleries of the run database: name, items, the model that "
                                  "built it"));
    galleryRow->addWidget(m_galleryCombo, 1);
    m_renameButton = new QToolButton(this);
    m_renameButton->setObjectName(QStringLiteral("renameGalleryButton"));
    m_renameButton->setText(tr("Rename…"));
    m_deleteButton = new QToolButton(this);
    m_deleteButton->setObjectName(QStringLiteral("deleteGalleryButton"));
    m_deleteButton->setText(tr("Delete…"));
    layout->addLayout(galleryRow);

    // Indexing: a folder into a new or existing gallery, with progress and Cancel.
    auto *indexRow = new QHBoxLayout;
    m_indexButton = new QPushButton(tr("Index folder…"), this);
    m_indexButton->setObjectName(QStringLiteral("indexButton"));
    m_indexButton->setToolTip(tr("Index a folder of slices, series and volumes into a new or "
                                 "existing gallery; files already there are skipped"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("indexProgress"));
    m_progress->setVisible(false);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelIndexButton"));
    m_cancelButton->setToolTip(tr("Stop after the file being indexed; no file is left half "
                                  "indexed"));
    m_cancelButton->setVisible(false);
    indexRow->addWidget(m_indexButton);
    indexRow->addWidget(m_progress, 1);
    indexRow->addWidget(m_cancelButton);
    indexRow->addWidget(m_renameButton);
    indexRow->addWidget(m_deleteButton);
    layout->addLayout(indexRow);
    m_currentFile = new QLabel(this);
    m_currentFile->setObjectName(QStringLiteral("indexCurrentFile"));
    m_currentFile->setVisible(false);
    layout->addWidget(m_currentFile);
    auto *summaryRow = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("indexSummary"));
    m_summary->setWordWrap(true);
    m_summary->setVisible(false);
    m_failuresButton = new QToolButton(this);
    m_failuresButton->setObjectName(QStringLiteral("failuresButton"));
    m_failuresButton->setCheckable(true);
    m_failuresButton->setVisible(false);
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_failuresButton, 0, Qt::AlignTop);
    layout->addLayout(summaryRow);
    m_failures = new QListWidget(this);
    m_failures->setObjectName(QStringLiteral("failuresList"));
    m_failures->setMaximumHeight(90);
    m_failures->setVisible(false);
    layout->addWidget(m_failures);

    // Query.
    auto *queryRow = new QHBoxLayout;
    m_queryButton = new QPushButton(tr("Query slice"), this);
    m_queryButton->setObjectName(QStringLiteral("queryButton"));
    m_queryButton->setToolTip(tr("Search the gallery with the slice on screen (in the plane "
                                 "shown)"));
    m_regionButton = new QPushButton(tr("Query region"), this);
    m_regionButton->setObjectName(QStringLiteral("regionButton"));
    m_regionButton->setCheckable(true);
    m_regionButton->setToolTip(tr("Drag a rectangle on the image with the left button: the "
                                  "gallery is searched with that region"));
    m_topK = new QSpinBox(this);
    m_topK->setObjectName(QStringLiteral("topKSpin"));
    m_topK->setRange(1, 100);
    m_topK->setValue(10);
    m_topK->setPrefix(tr("top "));
    queryRow->addWidget(m_queryButton);
    queryRow->addWidget(m_regionButton);
    queryRow->addStretch(1);
    queryRow->addWidget(m_topK);
    layout->addLayout(queryRow);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("galleryMessage"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_messageLabel);

    // Hits, best first.
    m_hitList = new QListWidget(this);
    m_hitList->setObjectName(QStringLiteral("hitList"));
    m_hitList->setViewMode(QListView::IconMode);
    m_hitList->setFlow(QListView::LeftToRight);
    m_hitList->setWrapping(false);
    m_hitList->setMovement(QListView::Static);
    m_hitList->setResizeMode(QListView::Adjust);
    m_hitList->setIconSize(QSize(kThumbPx, kThumbPx));
    // Two lines under each thumbnail: rank and score, then the label (elided; the tooltip has
    // the file).
    m_hitList->setGridSize(QSize(kThumbPx + 40, kThumbPx + 2 * fontMetrics().height() + 14));
    m_hitList->setUniformItemSizes(true);
    m_hitList->setWordWrap(false);
    m_hitList->setTextElideMode(Qt::ElideRight);
    m_hitList->setFixedHeight(m_hitList->gridSize().height() +
                              m_hitList->horizontalScrollBar()->sizeHint().height() + 6);
    m_hitList->setToolTip(tr("Double-click a hit to compare it with the query side by side"));
    layout->addWidget(m_hitList);

    // The query and the chosen hit with their window-match heatmaps.
    auto *views = new QHBoxLayout;
    m_queryView = new SceneView(this);
    m_queryView->setObjectName(QStringLiteral("queryMatchView"));
    m_queryView->setPlaceholder(tr("The query appears here"));
    m_queryView->setToolTip(tr("Each query window's best match in the chosen hit (cosine of the "
                               "window embeddings); the best window outlined"));
    m_hitView = new SceneView(this);
    m_hitView->setObjectName(QStringLiteral("hitMatchView"));
    m_hitView->setPlaceholder(tr("The chosen hit appears here"));
    m_hitView->setToolTip(tr("Each window of the hit: its best match among the query's "
                             "windows; the best window outlined"));
    views->addWidget(m_queryView, 1);
    views->addWidget(m_hitView, 1);
    layout->addLayout(views, 1);
    auto *viewRow = new QHBoxLayout;
    m_heatmapCheck = new QCheckBox(tr("Window-match heatmap"), this);
    m_heatmapCheck->setObjectName(QStringLiteral("heatmapCheck"));
    m_heatmapCheck->setChecked(true);
    m_compareButton = new QPushButton(tr("Compare…"), this);
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_compareButton->setToolTip(tr("The chosen hit next to the query in linked views"));
    viewRow->addWidget(m_heatmapCheck);
    viewRow->addStretch(1);
    viewRow->addWidget(m_compareButton);
    layout->addLayout(viewRow);

    // Expert gates of the query and the chosen hit.
    m_gates = new QTableWidget(0, 4, this);
    m_gates->setObjectName(QStringLiteral("gateTable"));
    m_gates->setHorizontalHeaderLabels({tr("Layer"), tr("Expert"), tr("Query"), tr("Hit")});
    m_gates->verticalHeader()->hide();
    m_gates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_gates->setSelectionMode(QAbstractItemView::NoSelection);
    m_gates->setItemDelegateForColumn(2, new GateBarDelegate(m_gates));
    m_gates->setItemDelegateForColumn(3, new GateBarDelegate(m_gates));
    m_gates->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_gates->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_gates->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_gates->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_gates->verticalHeader()->setDefaultSectionSize(m_gates->fontMetrics().height() + 8);
    m_gates->setToolTip(tr("Mean router probability of each expert: over the tokens for a "
                           "token-level layer, the image's gate for an image-level one"));
    m_gates->setMaximumHeight(4 * (m_gates->fontMetrics().height() + 8) +
                              m_gates->horizontalHeader()->sizeHint().height() + 6);
    layout->addWidget(m_gates);

    connect(m_galleryCombo, &QComboBox::currentIndexChanged, this, [this] { updateEnabled(); });
    connect(m_renameButton, &QToolButton::clicked, this, &GalleryPanel::renameCurrent);
    connect(m_deleteButton, &QToolButton::clicked, this, &GalleryPanel::deleteCurrent);
    connect(m_indexButton, &QPushButton::clicked, this, &GalleryPanel::chooseFolderAndIndex);
    connect(m_cancelButton, &QPushButton::clicked, this, &GalleryPanel::cancelIndexing);
    connect(m_failuresButton, &QToolButton::toggled, m_failures, &QWidget::setVisible);
    connect(m_queryButton, &QPushButton::clicked, this, [this] { querySlice(); });
    connect(m_regionButton, &QPushButton::toggled, this, &GalleryPanel::regionModeChanged);
    connect(m_hitList, &QListWidget::currentRowChanged, this, &GalleryPanel::showHit);
    connect(m_hitList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { compare(m_hitList->row(item)); });
    connect(m_heatmapCheck, &QCheckBox::toggled, this, &GalleryPanel::setHeatmapsVisible);
    connect(m_compareButton, &QPushButton::clicked, this, [this] { compare(); });
    connect(m_hitView, &SceneView::doubleClicked, this, [this] { compare(); });
}

void GalleryPanel::setModel(const LoadedModel &model, TaskPlugin *plugin)
{
    m_model = model;
    m_plugin = plugin;
    RetrievalOutputs outputs;
    m_grid = {};
    if (modelUsable() && findRetrievalOutputs(model.contract, &outputs, nullptr) &&
        !outputs.windows.empty())
        m_grid = WindowGrid::fromContract(model.contract, outputs.windows);
    refreshGalleries();
    if (!modelUsable())
        showMessage(tr("Load a retrieval model (a gallery task, such as ct-hmar-tiny) to index "
                       "and query galleries."));
    else if (m_message.isEmpty() || m_message.startsWith(tr("Load a retrieval model")))
        showMessage(tr("Model %1: pick or index a gallery, then query it with the slice on "
                       "screen or a region of it.")
                        .arg(model.name));
    updateEnabled();
}

bool GalleryPanel::modelUsable() const
{
    return m_plugin && m_plugin->capabilities().testFlag(TaskCapability::Gallery) &&
           !m_model.path.isEmpty();
}

void GalleryPanel::refreshGalleries()
{
    const QString keep = currentGallery();
    const QSignalBlocker blocker(m_galleryCombo);
    m_galleryCombo->clear();
    if (!m_db || !m_db->isOpen()) {
        updateEnabled();
        return;
    }
    QString error;
    const QList<store::GalleryInfo> galleries = m_db->listGalleries(&error);
    if (!error.isEmpty())
        showMessage(error, true);
    for (const store::GalleryInfo &g : galleries) {
        const bool other = !m_model.sha256.isEmpty() &&
                           g.modelSha256.compare(m_model.sha256, Qt::CaseInsensitive) != 0;
        const QString items = g.itemCount == 1 ? tr("1 item") : tr("%1 items").arg(g.itemCount);
        m_galleryCombo->addItem(tr("%1 — %2 · %3").arg(g.name, items, g.modelName) +
                                    (other ? tr(" (another model)") : QString()),
                                g.name);
        const int i = m_galleryCombo->count() - 1;
        m_galleryCombo->setItemData(
            i,
            tr("%1\n%2 item(s) from %3 file(s), %4-value embeddings\nbuilt by %5 (sha256 %6…)\n"
               "created %7")
                .arg(g.name)
                .arg(g.itemCount)
                .arg(g.sourceCount)
                .arg(g.dim)
                .arg(g.modelName, g.modelSha256.left(12),
                     g.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
            Qt::ToolTipRole);
        if (other)
            m_galleryCombo->setItemData(i, QColor(150, 150, 150), Qt::ForegroundRole);
    }
    int index = m_galleryCombo->findData(keep);
    if (index < 0 && !m_model.sha256.isEmpty())
        for (int i = 0; i < galleries.size() && index < 0; ++i)
            if (galleries[i].modelSha256.compare(m_model.sha256, Qt::CaseInsensitive) == 0)
                index = i;
    m_galleryCombo->setCurrentIndex(index >= 0 ? index : (galleries.isEmpty() ? -1 : 0));
    updateEnabled();
}

QString GalleryPanel::currentGallery() const
{
    return m_galleryCombo->currentData().toString();
}

void GalleryPanel::setCurrentGallery(const QString &name)
{
    const int index = m_galleryCombo->findData(name);
    if (index >= 0)
        m_galleryCombo->setCurrentIndex(index);
}

void GalleryPanel::updateEnabled()
{
    const bool usable = modelUsable();
    const bool idle = !m_indexing && !m_querying;
    const bool hasGallery = m_galleryCombo->currentIndex() >= 0;
    m_indexButton->setEnabled(usable && idle);
    m_queryButton->setEnabled(usable && idle && hasGallery);
    m_regionButton->setEnabled(usable && !m_indexing && hasGallery);
    m_topK->setEnabled(usable);
    m_renameButton->setEnabled(hasGallery && !m_indexing);
    m_deleteButton->setEnabled(hasGallery && !m_indexing);
    m_compareButton->setEnabled(selectedHit() >= 0);
    if (!m_regionButton->isEnabled() && m_regionButton->isChecked())
        m_regionButton->setChecked(false);
}

void GalleryPanel::showMessage(const QString &message, bool error)
{
    m_message = message;
    m_messageLabel->setText(message);
    m_messageLabel->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
    if (error)
        Q_EMIT statusMessage(message, 15000);
}

void GalleryPanel::chooseFolderAndIndex()
{
    QSettings settings;
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Index a folder of slices, series or volumes"),
        settings.value(QStringLiteral("paths/lastGalleryDir")).toString());
    if (folder.isEmpty())
        return;
    settings.setValue(QStringLiteral("paths/lastGalleryDir"), folder);
    QStringList names;
    for (int i = 0; i < m_galleryCombo->count(); ++i)
        names << m_galleryCombo->itemData(i).toString();
    // A new gallery named after the folder, or an existing one to add to.
    names.prepend(QFileInfo(folder).fileName());
    names.removeDuplicates();
    bool ok = false;
    const QString name =
        QInputDialog::getItem(this, tr("Index into gallery"),
                              tr("Gallery (a new name creates one; files already in an existing "
                                 "gallery are skipped):"),
                              names, 0, true, &ok)
            .trimmed();
    if (ok && !name.isEmpty())
        indexFolder(folder, name);
}

bool GalleryPanel::indexFolder(const QString &folder, const QString &name)
{
    if (!modelUsable()) {
        showMessage(tr("Load a retrieval model first."), true);
        return false;
    }
    if (m_indexing || m_querying) {
        showMessage(tr("Wait for the indexing or query in progress."), true);
        return false;
    }
    if (!QFileInfo::exists(folder)) {
        showMessage(tr("%1 does not exist.").arg(folder), true);
        return false;
    }
    if (name.trimmed().isEmpty()) {
        showMessage(tr("The gallery needs a name."), true);
        return false;
    }
    IndexRequest request;
    request.root = QFileInfo(folder).absoluteFilePath();
    request.galleryName = name.trimmed();
    request.modelPath = m_model.path;
    request.modelSha256 = m_model.sha256;
    m_indexing = true;
    m_indexingGallery = request.galleryName;
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    m_cancelButton->setEnabled(true);
    m_currentFile->setText(tr("Listing %1…").arg(folder));
    m_currentFile->setVisible(true);
    m_summary->setVisible(false);
    m_failuresButton->setVisible(false);
    m_failures->setVisible(false);
    showMessage(tr("Indexing %1 into \"%2\"…").arg(folder, request.galleryName));
    updateEnabled();
    m_session->indexGallery(request, m_db->path(), m_plugin);
    return true;
}

void GalleryPanel::cancelIndexing()
{
    if (!m_indexing)
        return;
    m_session->cancel();
    m_cancelButton->setEnabled(false);
    m_currentFile->setText(m_currentFile->text() + tr(" — cancelling after this file…"));
}

void GalleryPanel::onIndexFinished(bool ok, const QString &message, const IndexReport &report)
{
    if (!m_indexing)
        return;
    m_indexing = false;
    m_report = report;
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    m_currentFile->setVisible(false);
    const double perSecond = report.seconds > 0 ? report.itemsAdded / report.seconds : 0;
    QString summary =
        tr("%1 file(s): %2 indexed (%3 item(s)), %4 already there, %5 failed · %6 images/s")
            .arg(report.files)
            .arg(report.sourcesAdded)
            .arg(report.itemsAdded)
            .arg(report.sourcesSkipped)
            .arg(report.failures.size())
            .arg(perSecond, 0, 'f', 1);
    if (report.cancelled)
        summary += tr(" · cancelled (whole files only)");
    m_summary->setText(summary);
    m_summary->setToolTip((report.failures + report.warnings).join(QLatin1Char('\n')));
    m_summary->setVisible(true);
    m_failures->clear();
    m_failures->addItems(report.failures);
    for (const QString &w : report.warnings) {
        auto *item = new QListWidgetItem(tr("warning: %1").arg(w), m_failures);
        item->setForeground(QColor(160, 110, 0));
    }
    const int problems = int(report.failures.size() + report.warnings.size());
    m_failuresButton->setText(tr("Failures (%1)", nullptr, problems).arg(report.failures.size()) +
                              (report.warnings.isEmpty()
                                   ? QString()
                                   : tr(", warnings (%1)").arg(report.warnings.size())));
    m_failuresButton->setVisible(problems > 0);
    m_failures->setVisible(problems > 0 && m_failuresButton->isChecked());
    refreshGalleries();
    setCurrentGallery(m_indexingGallery);
    if (ok)
        showMessage(tr("Gallery \"%1\" is ready.").arg(m_indexingGallery));
    else
        showMessage(tr("Indexing stopped: %1").arg(message), true);
    Q_EMIT statusMessage(summary, 10000);
    updateEnabled();
    Q_EMIT indexFinished(ok, report);
}

void GalleryPanel::renameCurrent()
{
    const QString name = currentGallery();
    if (name.isEmpty())
        return;
    QString error;
    const std::optional<store::GalleryInfo> info = m_db->findGallery(name, &error);
    if (!info) {
        showMessage(error.isEmpty() ? tr("There is no gallery \"%1\" any more.").arg(name) : error,
                    true);
        refreshGalleries();
        return;
    }
    bool ok = false;
    const QString newName = QInputDialog::getText(this, tr("Rename gallery"), tr("New name:"),
                                                  QLineEdit::Normal, name, &ok)
                                .trimmed();
    if (!ok || newName.isEmpty() || newName == name)
        return;
    if (!m_db->renameGallery(info->id, newName, &error)) {
        showMessage(tr("Not renamed: %1").arg(error), true);
        return;
    }
    refreshGalleries();
    setCurrentGallery(newName);
    showMessage(tr("Gallery \"%1\" is now \"%2\".").arg(name, newName));
}

void GalleryPanel::deleteCurrent()
{
    const QString name = currentGallery();
    if (name.isEmpty())
        return;
    QString error;
    const std::optional<store::GalleryInfo> info = m_db->findGallery(name, &error);
    if (!info) {
        refreshGalleries();
        return;
    }
    if (QMessageBox::question(this, tr("Delete gallery"),
                              tr("Delete gallery \"%1\" and its %n item(s)? The image files "
                                 "stay where they are.",
                                 nullptr, int(info->itemCount))
                                  .arg(name),
                              QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return;
    if (!m_db->deleteGallery(info->id, &error)) {
        showMessage(tr("Not deleted: %1").arg(error), true);
        return;
    }
    refreshGalleries();
    showMessage(tr("Gallery \"%1\" deleted.").arg(name));
}

} // namespace moescope::gui
