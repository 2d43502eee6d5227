#include "librarypanel.h"

#include "plugin/modelcatalog.h"
#include "plugin/pluginregistry.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace moescope::gui {

LibraryPanel::LibraryPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Sample images (double-click to open)"), this));
    m_samples = new QListWidget(this);
    m_samples->setObjectName(QStringLiteral("samplesList"));
    layout->addWidget(m_samples, 1);
    layout->addWidget(new QLabel(tr("Models"), this));
    m_models = new QListWidget(this);
    m_models->setObjectName(QStringLiteral("modelList"));
    layout->addWidget(m_models, 1);
    connect(m_samples, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT sampleActivated(item->data(Qt::UserRole).toString());
    });
    connect(m_models, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT modelActivated(item->data(Qt::UserRole).toString());
    });
}

QStringList LibraryPanel::populateModels(const ModelCatalog &catalog, const PluginRegistry &plugins)
{
    m_models->clear();
    for (const ModelEntry &m : catalog.models()) {
        QStringList experts;
        for (const model::MoeLayerSpec &l : m.contract.moeLayers)
            experts << QString::number(l.experts);
        auto *item = new QListWidgetItem(tr("%1\n  task %2 · plugin %3 · experts %4")
                                             .arg(m.name, m.task, plugins.infoForTask(m.task).id,
                                                  experts.join(QLatin1Char('/'))),
                                         m_models);
        item->setData(Qt::UserRole, m.path);
        item->setToolTip(m.path);
    }
    return catalog.problems();
}

void LibraryPanel::populateSamples()
{
    // Ground-truth label maps, galleries and sequences' frames are data for
    // the CLI, not samples to open one by one.
    m_samples->clear();
    QStringList seen;
    for (const QString &modelDir : ModelCatalog::bundledDirectories()) {
        const QString dirPath = QDir(modelDir).filePath(QStringLiteral("../samples"));
        const QDir root(dirPath);
        QDirIterator it(dirPath, QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString &file : files) {
            const QString relative = root.relativeFilePath(file);
            const QString name = QFileInfo(file).fileName();
            if (seen.contains(relative) || relative.count(QLatin1Char('/')) > 1 ||
                name.endsWith(QLatin1String(".md")) || name.endsWith(QLatin1String(".txt")) ||
                name.endsWith(QLatin1String(".json")) || name.contains(QLatin1String("label")))
                continue;
            seen << relative;
            auto *item = new QListWidgetItem(relative, m_samples);
            item->setData(Qt::UserRole, QFileInfo(file).absoluteFilePath());
        }
    }
}

} // namespace moescope::gui
