#pragma once
// The "Samples and models" dock's contents: the bundled samples, grouped by
// task with a thumbnail and a line on what each shows and which model it is
// for, and the models of the catalog (name, task, experts per layer, what it
// does), those that fit the open image marked. A double-click opens either.

#include "modelproposer.h"

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace moescope {
class ModelCatalog;
class PluginRegistry;
class SampleCatalog;
class TaskPlugin;
} // namespace moescope

namespace moescope::gui {

class LibraryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LibraryPanel(QWidget *parent = nullptr);
    ~LibraryPanel() override;

    // Lists the catalog's models; returns the catalog's problems.
    QStringList populateModels(const ModelCatalog &catalog, const PluginRegistry &plugins);
    // The samples of `samples` under their task's heading; thumbnails are made
    // on the thread pool (the plugins that read them are loaded here first)
    // and arrive one by one; thumbnailsDone() follows the last.
    void populateSamples(const SampleCatalog &samples, PluginRegistry &plugins);
    // Marks the models of `proposals` as fitting the open image (bold, with the reason).
    void markFittingModels(const QList<ModelProposal> &proposals);
    // The model list's selected model file (empty: none).
    QString selectedModel() const;
    void selectModel(const QString &path);

    QTreeWidget *samplesTree() const { return m_samples; }
    QListWidget *modelList() const { return m_models; }
    int thumbnailsMade() const { return m_thumbnailsMade; }
    // Makes no more thumbnails and waits for the one being made (its plugin
    // must outlive it: the window calls this before the plugins go).
    void stopThumbnails();

Q_SIGNALS:
    void sampleActivated(const QString &path);
    void modelActivated(const QString &path);
    void modelInfoRequested(const QString &path);
    void thumbnailsDone();

private:
    struct Thumbnail
    {
        QString path;
        QImage image;
    };
    void makeNextThumbnail();

    QTreeWidget *m_samples = nullptr;
    QListWidget *m_models = nullptr;
    QPushButton *m_infoButton = nullptr;
    QList<QListWidgetItem *> m_modelItems;
    QStringList m_modelBaseDetail;
    // Samples still without a thumbnail, and the plugins that read them.
    QList<QTreeWidgetItem *> m_pendingItems;
    QList<TaskPlugin *> m_pendingOpeners;
    QFutureWatcher<Thumbnail> m_thumbWatcher;
    int m_thumbnailsMade = 0;
};

} // namespace moescope::gui
