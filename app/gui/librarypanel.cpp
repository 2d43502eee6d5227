#include "librarypanel.h"

#include "plugin/modelcatalog.h"
#include "plugin/pluginregistry.h"
#include "plugin/taskplugin.h"
#include "samplecatalog.h"
#include "twolinedelegate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace moescope::gui {

namespace {
constexpr int kPathRole = Qt::UserRole;
constexpr int kThumbSide = 56;

// Thumbnails are kept in the cache folder, keyed by the file and its state.
QString thumbnailCachePath(const QString &path)
{
    const QFileInfo info(path);
    const QByteArray key = (info.canonicalFilePath() + QLatin1Char('|') +
                            QString::number(info.lastModified().toMSecsSinceEpoch()) +
                            QLatin1Char('|') + QString::number(info.size()))
                               .toUtf8();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                        QStringLiteral("/thumbnails");
    return dir + QLatin1Char('/') +
           QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex()) +
           QStringLiteral(".png");
}

QString firstSentence(const QString &text)
{
    const qsizetype end = text.indexOf(QLatin1String(". "));
    return end < 0 ? text : text.left(end + 1);
}
} // namespace

LibraryPanel::LibraryPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("librarySplitter"));
    layout->addWidget(split);

    auto *samplesBox = new QWidget(split);
    auto *samplesLayout = new QVBoxLayout(samplesBox);
    samplesLayout->setContentsMargins(4, 4, 4, 0);
    samplesLayout->addWidget(new QLabel(tr("Samples (double-click to open)"), samplesBox));
    m_samples = new QTreeWidget(samplesBox);
    m_samples->setObjectName(QStringLiteral("samplesList"));
    m_samples->setHeaderHidden(true);
    m_samples->setUniformRowHeights(false);
    m_samples->setIconSize(QSize(kThumbSide, kThumbSide));
    m_samples->setItemDelegate(new TwoLineDelegate(m_samples));
    m_samples->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_samples->setToolTip(tr("The bundled samples by task; each names the model it was made for"));
    samplesLayout->addWidget(m_samples);

    auto *modelsBox = new QWidget(split);
    auto *modelsLayout = new QVBoxLayout(modelsBox);
    modelsLayout->setContentsMargins(4, 4, 4, 4);
    auto *modelsHeader = new QHBoxLayout;
    modelsHeader->addWidget(new QLabel(tr("Models"), modelsBox), 1);
    m_infoButton = new QPushButton(tr("Model info…"), modelsBox);
    m_infoButton->setObjectName(QStringLiteral("modelInfoButton"));
    m_infoButton->setToolTip(tr("The selected model's card and its moescope.json"));
    m_infoButton->setEnabled(false);
    modelsHeader->addWidget(m_infoButton);
    modelsLayout->addLayout(modelsHeader);
    m_models = new QListWidget(modelsBox);
    m_models->setObjectName(QStringLiteral("modelList"));
    m_models->setItemDelegate(new TwoLineDelegate(m_models));
    m_models->setResizeMode(QListView::Adjust);
    m_models->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_models->setToolTip(tr("Double-click a model to load it; bold: it fits the open image"));
    modelsLayout->addWidget(m_models);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    connect(m_samples, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString path = item->data(0, kPathRole).toString();
        if (!path.isEmpty())
            Q_EMIT sampleActivated(path);
    });
    connect(m_models, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT modelActivated(item->data(kPathRole).toString());
    });
    connect(m_models, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *item) { m_infoButton->setEnabled(item != nullptr); });
    connect(m_infoButton, &QPushButton::clicked, this, [this] {
        if (!selectedModel().isEmpty())
            Q_EMIT modelInfoRequested(selectedModel());
    });
    connect(&m_thumbWatcher, &QFutureWatcher<Thumbnail>::finished, this, [this] {
        const Thumbnail made = m_thumbWatcher.result();
        if (m_pendingItems.isEmpty() ||
            m_pendingItems.first()->data(0, kPathRole).toString() != made.path) {
            makeNextThumbnail(); // the list was filled anew meanwhile
            return;
        }
        QTreeWidgetItem *item = m_pendingItems.takeFirst();
        m_pendingOpeners.removeFirst();
        if (!made.image.isNull()) {
            item->setIcon(0, QIcon(QPixmap::fromImage(made.image)));
            ++m_thumbnailsMade;
        }
        makeNextThumbnail();
    });
}

LibraryPanel::~LibraryPanel()
{
    stopThumbnails();
}

void LibraryPanel::stopThumbnails()
{
    m_pendingItems.clear();
    m_pendingOpeners.clear();
    m_thumbWatcher.disconnect(this);
    m_thumbWatcher.waitForFinished();
}

QStringList LibraryPanel::populateModels(const ModelCatalog &catalog, const PluginRegistry &plugins)
{
    m_models->clear();
    m_modelItems.clear();
    m_modelBaseDetail.clear();
    for (const ModelEntry &m : catalog.models()) {
        QStringList experts;
        for (const model::MoeLayerSpec &l : m.contract.moeLayers)
            experts << QString::number(l.experts);
        const QString title = m.title.isEmpty() ? m.name : tr("%1 — %2").arg(m.name, m.title);
        const PluginInfo plugin = plugins.infoForTask(m.task);
        const QString detail = tr("%1 · %n MoE layer(s), experts %2 · plugin %3", nullptr,
                                  int(m.contract.moeLayers.size()))
                                   .arg(m.task, experts.join(QLatin1Char('/')), plugin.id) +
                               QLatin1Char('\n') +
                               firstSentence(QString::fromStdString(m.contract.description));
        auto *item = new QListWidgetItem(title, m_models);
        item->setData(kPathRole, m.path);
        item->setData(TwoLineDelegate::DetailRole, detail);
        item->setToolTip(m.path);
        m_modelItems << item;
        m_modelBaseDetail << detail;
    }
    return catalog.problems();
}

void LibraryPanel::markFittingModels(const QList<ModelProposal> &proposals)
{
    for (int i = 0; i < m_modelItems.size(); ++i) {
        QListWidgetItem *item = m_modelItems[i];
        const QString path = item->data(kPathRole).toString();
        auto fit = std::find_if(proposals.begin(), proposals.end(),
                                [&path](const ModelProposal &p) { return p.path == path; });
        QFont font = m_models->font();
        font.setBold(fit != proposals.end());
        item->setFont(font);
        item->setData(TwoLineDelegate::DetailRole,
                      fit == proposals.end() ? m_modelBaseDetail[i]
                                             : tr("Fits the open image: %1").arg(fit->reason) +
                                                   QLatin1Char('\n') + m_modelBaseDetail[i]);
    }
    m_models->doItemsLayout();
}

QString LibraryPanel::selectedModel() const
{
    const QListWidgetItem *item = m_models->currentItem();
    return item ? item->data(kPathRole).toString() : QString();
}

void LibraryPanel::selectModel(const QString &path)
{
    for (QListWidgetItem *item : std::as_const(m_modelItems))
        if (item->data(kPathRole).toString() == path)
            m_models->setCurrentItem(item);
}

void LibraryPanel::populateSamples(const SampleCatalog &samples, PluginRegistry &plugins)
{
    m_samples->clear();
    m_pendingItems.clear();
    m_pendingOpeners.clear();
    QMap<QString, QTreeWidgetItem *> groups;
    for (const SampleEntry &s : samples.samples()) {
        QTreeWidgetItem *&group = groups[s.task];
        if (!group) {
            // The plugin's own name for itself, in the language in use.
            const TaskPlugin *plugin = plugins.pluginForTask(s.task);
            group = new QTreeWidgetItem(
                m_samples, {plugin ? plugin->displayName() : plugins.infoForTask(s.task).name});
            QFont bold = m_samples->font();
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFlags(Qt::ItemIsEnabled);
            group->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(group, {s.title});
        item->setData(0, kPathRole, s.path);
        item->setData(0, TwoLineDelegate::DetailRole, tr("%1 · model %2").arg(s.what, s.model));
        item->setToolTip(0, s.path);
        const QString cached = thumbnailCachePath(s.path);
        const QImage image(cached);
        if (!image.isNull()) {
            item->setIcon(0, QIcon(QPixmap::fromImage(image)));
            ++m_thumbnailsMade;
            continue;
        }
        m_pendingItems << item;
        m_pendingOpeners << plugins.pluginForFile(s.path); // loaded here, on the main thread
    }
    m_samples->expandAll();
    if (!m_thumbWatcher.isRunning())
        makeNextThumbnail();
}

void LibraryPanel::makeNextThumbnail()
{
    if (m_pendingItems.isEmpty()) {
        Q_EMIT thumbnailsDone();
        return;
    }
    const QString path = m_pendingItems.first()->data(0, kPathRole).toString();
    TaskPlugin *opener = m_pendingOpeners.first();
    m_thumbWatcher.setFuture(QtConcurrent::run([path, opener] {
        QString error;
        Thumbnail made{path, sampleThumbnail(opener, path, 2 * kThumbSide, &error)};
        // A sample that cannot be read shows no picture; opening it says why.
        if (!made.image.isNull()) {
            const QString cached = thumbnailCachePath(path);
            QDir().mkpath(QFileInfo(cached).absolutePath());
            made.image.save(cached);
        }
        return made;
    }));
}

} // namespace moescope::gui
