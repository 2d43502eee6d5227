#pragma once
// The workbench window: image and routing side by side, models and samples on
// the left, stored runs below. All model work goes through a ModelSession
// (its own thread); images load on the thread pool; the database is touched
// from this (the main) thread only.

#include "image/imageloader.h"
#include "jobs/analysis.h"
#include "jobs/modelsession.h"
#include "plugin/modelcatalog.h"
#include "plugin/pluginregistry.h"
#include "store/database.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QSlider;
class QStandardItem;
class QStandardItemModel;
class QTableView;
class QTableWidget;
class QToolButton;

namespace moescope::gui {

class ImageView;
class RoutingPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `databasePath` empty: the app's data location.
    explicit MainWindow(const QString &databasePath = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads on the thread pool; imageLoaded() or errorShown() follows.
    void openImage(const QString &path);
    // A catalog name or a .pt path; loads it on the model's thread.
    void selectModel(const QString &nameOrPath);
    // Runs the current model on the current image (loading the model first
    // when needed); analysisShown() follows.
    void runModel();
    void cancelRun();
    bool reopenRun(qint64 runId);

    RoutingPanel *routingPanel() const { return m_routing; }
    ImageView *imageView() const { return m_view; }
    const AnalysisResult &currentResult() const { return m_result; }
    const store::Database &database() const { return m_db; }
    QString lastError() const { return m_lastError; }
    int runsListed() const;

Q_SIGNALS:
    void imageLoaded(const QString &path);
    void modelReady(const QString &name);
    void analysisShown(qint64 runId);
    void errorShown(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildActions();
    void buildDocks();
    void populateModels();
    void populateSamples();
    void refreshRuns();
    QList<QStandardItem *> runRow(const store::RunRecord &run) const;
    void showError(const QString &message);
    void setBusy(bool busy, const QString &what = {});
    void startAnalysis();
    void showResult();
    void showStep(int stepIndex);
    void updateOverlay();
    void updateTimeChart();
    void updateOutputs(const QJsonObject &outputs);
    void onAnalysisFinished(const AnalysisResult &result);
    void onImageLoaded();
    QString modelPathForSelection() const;

    PluginRegistry m_plugins;
    ModelCatalog m_catalog;
    store::Database m_db;
    ModelSession *m_session = nullptr;

    QSharedPointer<ImageStack> m_image;
    QSharedPointer<const ImageStack> m_runImage; // what the run in flight analyses
    // An image loading on the thread pool comes back as the image or the error.
    struct ImageLoad
    {
        std::optional<ImageStack> image;
        LoadError error;
    };
    QFutureWatcher<ImageLoad> m_imageWatcher;
    QString m_loadingPath;
    AnalysisResult m_result;
    int m_stepIndex = 0;
    bool m_runAfterLoad = false;
    qint64 m_pendingRunReopen = 0;
    QString m_lastError;

    ImageView *m_view = nullptr;
    RoutingPanel *m_routing = nullptr;
    QTableWidget *m_outputs = nullptr;
    QLabel *m_imageInfo = nullptr;
    QSlider *m_frameSlider = nullptr;
    QLabel *m_frameLabel = nullptr;
    QChartView *m_timeChartView = nullptr;
    QComboBox *m_modelCombo = nullptr;
    QComboBox *m_deviceCombo = nullptr;
    QListWidget *m_samples = nullptr;
    QListWidget *m_modelList = nullptr;
    QTableView *m_runsView = nullptr;
    QStandardItemModel *m_runsModel = nullptr;
    QProgressBar *m_progress = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_exportAction = nullptr;
};

} // namespace moescope::gui
