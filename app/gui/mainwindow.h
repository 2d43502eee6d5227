#pragma once
// The workbench window: image and routing side by side, models and samples on
// the left, stored runs below. All model work goes through a ModelSession
// (its own thread); images load on the thread pool; the database is touched
// from this (the main) thread only.

#include "image/imageloader.h"
#include "image/reslice.h"
#include "jobs/analysis.h"
#include "jobs/modelsession.h"
#include "plugin/modelcatalog.h"
#include "plugin/pluginregistry.h"
#include "store/database.h"

#include <QFutureWatcher>
#include <QHash>
#include <QMainWindow>
#include <QMap>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QChart;
class QChartView;
class QComboBox;
class QDockWidget;
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

class CinePlayer;
class SceneView;
class GalleryPanel;
class RoutingPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `databasePath` empty: the app's data location.
    explicit MainWindow(const QString &databasePath = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads on the thread pool; imageLoaded() or errorShown() follows. A folder with several
    // DICOM series first asks which one (a SeriesDialog) unless options name it.
    void openImage(const QString &path);
    void openImage(const QString &path, const LoadOptions &options);
    // A catalog name or a .pt path; loads it on the model's thread.
    void selectModel(const QString &nameOrPath);
    // Runs the current model on the current image (loading the model first
    // when needed); analysisShown() follows.
    void runModel();
    void cancelRun();
    bool reopenRun(qint64 runId);

    RoutingPanel *routingPanel() const { return m_routing; }
    // Galleries and queries of a retrieval model (shown for a plugin of shape Gallery).
    GalleryPanel *galleryPanel() const { return m_gallery; }
    CinePlayer *player() const { return m_player; }
    // The chosen choice of the model's task input (0 when it has none).
    int chosenTask() const;
    void chooseTask(int task);
    // Task-level gates computed so far for the loaded model: task → layers.
    const QMap<int, std::vector<routing::LayerRouting>> &taskGates() const { return m_taskGates; }
    // Whether frame `frame` of the open image has routing for the current
    // model and task (computed live or by a run).
    bool frameRouted(int frame) const;
    SceneView *imageView() const { return m_view; }
    // A series or volume: the window the frames are drawn with (invalid: the file's), and the
    // plane shown; the image runs go to is the stack in that plane.
    WindowLevel displayWindow() const { return m_window; }
    SlicePlane plane() const;
    const ImageStack *displayedImage() const { return m_image.data(); }
    const AnalysisResult &currentResult() const { return m_result; }
    const store::Database &database() const { return m_db; }
    QString lastError() const { return m_lastError; }
    int runsListed() const;

Q_SIGNALS:
    void imageLoaded(const QString &path);
    void modelReady(const QString &name);
    void analysisShown(qint64 runId);
    void liveFramesRouted(int first, int last);
    void taskGatesUpdated();
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

    // Requests to the model's worker carry an id; the answer says which it was for.
    enum class Purpose { Run, Live, TaskSweep };
    AnalysisRequest newRequest(Purpose purpose, int first, int last, int task);
    bool liveReady() const;
    bool resultMatchesSelection() const;
    void requestLiveFrames(int from);
    void onFrameChanged(int frame, bool byUser);
    void mergeLive(const AnalysisResult &result);
    void populateTasks();
    void startTaskSweep();
    void updateTaskMatrix();
    QJsonObject currentSegmentation(QString *name = nullptr) const;
    // Views of a series or volume: window presets, right-drag window/level, planes.
    void updateViewControls();
    void applyPreset(int index);
    void dragWindow(int dx, int dy);
    void showPlane(SlicePlane plane);
    void chooseSeries(const QString &folder, const QList<SeriesInfo> &series);
    // The gallery dock follows the loaded model: shown for a retrieval (Gallery) plugin.
    void updateGalleryDock();

    PluginRegistry m_plugins;
    ModelCatalog m_catalog;
    store::Database m_db;
    ModelSession *m_session = nullptr;

    QSharedPointer<ImageStack> m_image;  // what is shown and run: m_volume in the chosen plane
    QSharedPointer<ImageStack> m_volume; // the image as loaded
    WindowLevel m_window;                // invalid: the file's window
    QSharedPointer<const ImageStack> m_runImage; // what the run in flight analyses
    // An image loading on the thread pool comes back as the image or the error.
    struct ImageLoad
    {
        std::optional<ImageStack> image;
        LoadError error;
        // A folder of several series opened without a choice: the series to choose from, and
        // no image.
        QList<SeriesInfo> series;
    };
    QFutureWatcher<ImageLoad> m_imageWatcher;
    QString m_loadingPath;
    AnalysisResult m_result;
    int m_stepIndex = 0;
    bool m_runAfterLoad = false;
    qint64 m_pendingRunReopen = 0;
    QString m_lastError;
    QHash<quint64, Purpose> m_requests;
    quint64 m_lastRequestId = 0;
    bool m_liveInFlight = false;
    int m_liveFirst = -1, m_liveLast = -1;
    bool m_sweepInFlight = false;
    int m_resultTask = 0; // the task choice m_result was computed with
    QMap<int, std::vector<routing::LayerRouting>> m_taskGates;

    SceneView *m_view = nullptr;
    RoutingPanel *m_routing = nullptr;
    QTableWidget *m_outputs = nullptr;
    QLabel *m_imageInfo = nullptr;
    CinePlayer *m_player = nullptr;
    QComboBox *m_taskCombo = nullptr;
    QAction *m_taskComboAction = nullptr;
    QTableWidget *m_taskMatrix = nullptr;
    QWidget *m_maskRow = nullptr;
    QCheckBox *m_maskCheck = nullptr;
    QSlider *m_maskOpacity = nullptr;
    QLabel *m_maskLegend = nullptr;
    QChartView *m_timeChartView = nullptr;
    QComboBox *m_modelCombo = nullptr;
    QComboBox *m_deviceCombo = nullptr;
    QComboBox *m_presetCombo = nullptr;
    QComboBox *m_planeCombo = nullptr;
    QAction *m_viewControlsAction = nullptr;
    QListWidget *m_samples = nullptr;
    QListWidget *m_modelList = nullptr;
    QTableView *m_runsView = nullptr;
    QStandardItemModel *m_runsModel = nullptr;
    QProgressBar *m_progress = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_exportAction = nullptr;
    GalleryPanel *m_gallery = nullptr;
    QDockWidget *m_galleryDock = nullptr;
};

} // namespace moescope::gui
