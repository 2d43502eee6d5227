#pragma once
// The workbench window: actions, menus, docks and the status bar. What it
// shows lives in layers below it (ITK-SNAP's Logic → Model → Qt):
//   Workspace       the services: plugins, catalog, run database, model session
//   ImageDocument   the open image, its plane and window/level
//   RunController   run / live / sweep scheduling, storing, reopening
//   RunsModel       the stored runs for the Runs dock
//   ResultView      the picture, its routing and outputs (a view; two can exist)
//   GalleryPanel    galleries and queries of a retrieval model
// The accessors below are what tests and the screenshot tool drive.

#include "image/imageloader.h"
#include "image/reslice.h"
#include "imagedocument.h"
#include "jobs/analysis.h"
#include "jobs/modelsession.h"
#include "modelproposer.h"
#include "pluginviewdock.h"
#include "probecontroller.h"
#include "resultview.h"
#include "runcontroller.h"
#include "runsmodel.h"
#include "workbenchtoolbar.h"
#include "workspace.h"

#include <QMainWindow>
#include <QMap>
#include <QPointer>

#include <memory>

class QAction;
class QDockWidget;
class QMenu;
class QProgressBar;
class QSplitter;
class QTableView;

namespace moescope {
class Preferences;
}

namespace moescope::gui {

class AblationPanel;
class ExpertPathsPanel;
class PresentationWindow;
class SignaturesWindow;
class StabilityPanel;
class CinePlayer;
class ModelInfoDialog;
class SettingsDialog;
class PacsDialog;
class UserGuideWindow;
class ComparisonWindow;
class GalleryController;
class GalleryPanel;
class LibraryPanel;
class OptionsDock;
class ResultPresenter;
class RoutingPanel;
class SceneView;

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
    // A catalog name or a .pt path; loads it on the model's thread. The
    // user's choice: files opened later keep it (no model is proposed over it).
    void selectModel(const QString &nameOrPath);
    // The model file picked in the toolbar (empty: none).
    QString currentModelPath() const;
    // The models that fit the image opened last, best first (the best one is
    // loaded unless the user picked a model: selectModel()).
    QList<ModelProposal> proposals() const { return m_proposals; }
    LibraryPanel *libraryPanel() const { return m_library; }
    // What the window remembers; what could not be restored at start, said once.
    Preferences *preferences() const { return m_preferences.get(); }
    QStringList startupProblems() const { return m_startupProblems; }
    // Problems found before the window existed (main: the language, the settings file).
    void addStartupProblems(const QStringList &problems);
    QMenu *recentFilesMenu() const { return m_recentFilesMenu; }
    QMenu *recentModelsMenu() const { return m_recentModelsMenu; }
    // Why the desktop's recent-documents list could not be updated (empty: it was).
    QString desktopRecentProblem() const { return m_desktopRecentProblem; }
    // Model ▸ Model Info…, Edit ▸ Settings…, Help ▸ User Guide (non-modal; the window owns them).
    ModelInfoDialog *showModelInfo(const QString &modelPath);
    // File ▸ Export Routing Images into `dir`; false with errorShown() naming the cause.
    bool exportRoutingImagesTo(const QString &dir);
    SettingsDialog *showSettings();
    // File ▸ Open from PACS…: the retrieved series opens here.
    PacsDialog *showPacsDialog();
    UserGuideWindow *showUserGuide();
    // Runs the current model on the current image (loading the model first
    // when needed); analysisShown() follows.
    void runModel();
    void cancelRun();
    bool reopenRun(qint64 runId);
    // Opens runs `a` and `b` side by side in a comparison window (null, with
    // errorShown(), when either cannot be read).
    ComparisonWindow *compareRuns(qint64 a, qint64 b);
    // The comparison window opened last, while it is open.
    ComparisonWindow *comparisonWindow() const;
    // Run ▸ Routing Signatures…: the stored runs' signatures (like the run
    // shown, when there is one); the window opened last, while open.
    SignaturesWindow *showSignatures();
    SignaturesWindow *signaturesWindow() const;
    // View ▸ Presentation Mode: the stored runs (the Runs list's order, from
    // the run shown) with the overlay shown, full screen unless `fullScreen` is false.
    PresentationWindow *presentRuns(bool fullScreen = true);
    // Writes the result shown as a PDF report (app/common/report.h); false
    // with errorShown() naming the file and the cause.
    bool saveReport(const QString &path, bool includeIdentifying);
    QAction *compareAction() const { return m_compareAction; }
    // The expert-ablation sweep (Run ▸ Expert Ablation…) and what runs it.
    AblationPanel *ablationPanel() const { return m_ablationPanel; }
    StabilityPanel *stabilityPanel() const { return m_stabilityPanel; }
    ProbeController *probeController() const { return m_probes; }
    // Expert paths of the step shown (View ▸ Expert Paths).
    ExpertPathsPanel *expertPathsPanel() const { return m_pathsPanel; }
    QTableView *runsView() const { return m_runsView; }

    ResultView *resultView() const { return m_resultView; }
    RoutingPanel *routingPanel() const { return m_resultView->routingPanel(); }
    // A plugin's own view (TaskPluginGui), shown with that plugin's results.
    PluginViewDock *pluginViewDock() const { return m_pluginDock; }
    OptionsDock *runOptionsDock() const { return m_runOptions; }
    OptionsDock *displayOptionsDock() const { return m_displayOptions; }
    const ImageDocument *document() const { return m_document; }
    RunController *runController() const { return m_runs; }
    // Galleries and queries of a retrieval model (shown for a Gallery-capable plugin).
    GalleryPanel *galleryPanel() const { return m_gallery; }
    CinePlayer *player() const { return m_resultView->player(); }
    SceneView *imageView() const { return m_resultView->sceneView(); }
    // The chosen choice of the model's task input (0 when it has none).
    int chosenTask() const;
    void chooseTask(int task);
    // Task-level gates computed so far for the loaded model: task → layers.
    const QMap<int, std::vector<routing::LayerRouting>> &taskGates() const
    {
        return m_runs->taskGates();
    }
    // Whether frame `frame` of the open image has routing for the current
    // model and task (computed live or by a run).
    bool frameRouted(int frame) const { return m_runs->frameRouted(frame); }
    // A series or volume: the window the frames are drawn with (invalid: the file's), and the
    // plane shown; the image runs go to is the stack in that plane.
    WindowLevel displayWindow() const { return m_document->window(); }
    SlicePlane plane() const { return m_toolBar->plane(); }
    const ImageStack *displayedImage() const { return m_document->image().data(); }
    const AnalysisResult &currentResult() const { return m_runs->result(); }
    const store::Database &database() const { return m_workspace->database(); }
    QString lastError() const { return m_lastError; }
    int runsListed() const { return m_runsModel->rowCount(); }

Q_SIGNALS:
    void imageLoaded(const QString &path);
    void modelReady(const QString &name);
    // A tiled run's state so far is on screen.
    void partialShown(int done, int total);
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
    void connectLayers();
    // Runs other machines commit to a shared store appear in the Runs list.
    void connectRunFeed();
    void populateModels();
    void showError(const QString &message);
    void setBusy(bool busy, const QString &what = {});
    void onImageLoaded();
    void updateRunOptions();
    void onResultShown(qint64 runId);
    QList<PluginViewDock::OtherRun> otherRunsOf(const AnalysisResult &result) const;
    void buildCompareActions();
    void buildAblationDock();
    void buildPathsDock();
    void updatePaths();
    void compareSelectedRuns();
    void compareCurrentWith();
    void updateViewControls();
    void showPlane(SlicePlane plane);
    void chooseSeries(const QString &folder, const QList<SeriesInfo> &series);
    void addModelFile(const QString &path);
    void exportRoutingImages();
    // mainwindowprefs.cpp: what the window remembers, proposes and explains.
    void buildPreferenceActions(QMenu *file, QMenu *help);
    void restorePreferences();
    void proposeModels();
    void loadModel(const QString &path, bool pinned);
    void rememberFile(const QString &path);
    void updateRecentMenus();
    void saveOverlayStyle();
    void saveLayout();
    QList<QSplitter *> windowSplitters() const;
    void applySettings();
    void showAbout();

    std::unique_ptr<Preferences> m_preferences;
    QStringList m_startupProblems;
    QList<ModelProposal> m_proposals;
    bool m_modelPinned = false;     // the user picked the model: proposals do not replace it
    QString m_desktopRecentProblem; // said once
    QMenu *m_recentFilesMenu = nullptr;
    QMenu *m_recentModelsMenu = nullptr;
    QPointer<UserGuideWindow> m_guide;
    Workspace *m_workspace = nullptr;
    ImageDocument *m_document = nullptr;
    RunController *m_runs = nullptr;
    RunsModel *m_runsModel = nullptr;
    ResultPresenter *m_presenter = nullptr;
    qint64 m_pendingRunReopen = 0;
    QString m_lastError;

    ResultView *m_resultView = nullptr;
    WorkbenchToolBar *m_toolBar = nullptr;
    LibraryPanel *m_library = nullptr;
    QTableView *m_runsView = nullptr;
    QProgressBar *m_progress = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_compareWithAction = nullptr;
    QMenu *m_runMenu = nullptr;
    QPointer<ComparisonWindow> m_comparisonWindow;
    QPointer<SignaturesWindow> m_signaturesWindow;
    ProbeController *m_probes = nullptr;
    AblationPanel *m_ablationPanel = nullptr;
    StabilityPanel *m_stabilityPanel = nullptr;
    QDockWidget *m_ablationDock = nullptr;
    ExpertPathsPanel *m_pathsPanel = nullptr;
    QDockWidget *m_pathsDock = nullptr;
    QMenu *m_viewMenu = nullptr;
    // A run with experts off was asked for from the ablation panel: once it
    // is shown, it is compared with this run (the one shown when asked).
    qint64 m_ablationBaseRun = 0;
    GalleryPanel *m_gallery = nullptr;
    QDockWidget *m_galleryDock = nullptr;
    GalleryController *m_galleryController = nullptr;
    PluginViewDock *m_pluginDock = nullptr;
    OptionsDock *m_runOptions = nullptr;
    OptionsDock *m_displayOptions = nullptr;
};

} // namespace moescope::gui
