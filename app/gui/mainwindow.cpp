#include "mainwindow.h"

#include "cineplayer.h"
#include "gallerycontroller.h"
#include "gallerypanel.h"
#include "librarypanel.h"
#include "optionsdock.h"
#include "pluginviewdock.h"
#include "preferences.h"
#include "resultpresenter.h"
#include "routingpanel.h"
#include "sceneview.h"
#include "seriesdialog.h"
#include "theme.h"
#include "viewexport.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>

namespace moescope::gui {

MainWindow::MainWindow(const QString &databasePath, QWidget *parent)
    : QMainWindow(parent), m_preferences(std::make_unique<Preferences>())
{
    setWindowIcon(appIcon(QStringLiteral("moescope")));
    setWindowTitle(tr("MoEScope — Mixture-of-Experts routing workbench"));
    setAcceptDrops(true);
    m_workspace = new Workspace(this);
    m_document = new ImageDocument(&m_workspace->plugins(), this);
    m_runs = new RunController(m_workspace, m_document, this);
    m_runsModel = new RunsModel(this);

    m_resultView = new ResultView(this);
    m_presenter = new ResultPresenter(m_runs, m_document, m_resultView, this);
    setCentralWidget(m_resultView);

    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_progress);

    buildActions();
    buildDocks();
    buildCompareActions();
    buildAblationDock();
    buildPathsDock();
    installExportActions(this); // charts and diagrams: PNG/SVG; tables: CSV
    connectLayers();

    QString error;
    const QString database = databasePath.isEmpty() ? m_preferences->runDatabase() : databasePath;
    if (!m_workspace->openDatabase(database, &error))
        showError(tr("Runs cannot be stored: %1").arg(error));
    populateModels();
    m_library->populateSamples(m_workspace->samples(), m_workspace->plugins());
    if (!m_runsModel->refresh(m_workspace->database(), &error))
        statusBar()->showMessage(error, 10000);
    connectRunFeed();
    m_gallery->refreshGalleries();
    m_presenter->showFrame(0);
    restorePreferences();
}

MainWindow::~MainWindow()
{
    // Join the session's thread (it may be routing with a plugin the
    // workspace owns) and the thumbnail in the making (read by a plugin)
    // before anything else goes.
    m_library->stopThumbnails();
    delete m_workspace;
    m_workspace = nullptr;
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Image…"), this, [this] {
        QSettings settings;
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open image, DICOM file or volume"),
            settings.value(QStringLiteral("paths/lastImageDir")).toString(),
            ImageLoader::nameFilters().join(QStringLiteral(";;")));
        if (!path.isEmpty()) {
            settings.setValue(QStringLiteral("paths/lastImageDir"), QFileInfo(path).absolutePath());
            openImage(path);
        }
    });
    open->setShortcut(QKeySequence::Open);
    open->setIcon(appIcon(QStringLiteral("open")));
    open->setToolTip(
        tr("Open an image, a DICOM file or cine, a volume, a SAR product or a video (%1)")
            .arg(open->shortcut().toString(QKeySequence::NativeText)));
    file->addAction(tr("Open DICOM &Series Folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open DICOM series folder"));
        if (!dir.isEmpty())
            openImage(dir);
    });
    QAction *fromPacs = file->addAction(tr("Open from &PACS…"), this, [this] { showPacsDialog(); });
    fromPacs->setObjectName(QStringLiteral("openFromPacs"));
    fromPacs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    fromPacs->setToolTip(tr("Query a DICOM node (PACS) for studies and open a series"));
    file->addAction(tr("Add &Model File…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Add a TorchScript MoE model"),
                                                          {}, tr("TorchScript models (*.pt)"));
        if (!path.isEmpty())
            addModelFile(path);
    });
    m_exportAction =
        file->addAction(tr("&Export Routing Images…"), this, &MainWindow::exportRoutingImages);
    m_exportAction->setEnabled(false);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *runMenu = menuBar()->addMenu(tr("&Run"));
    m_runAction = runMenu->addAction(tr("&Run Model"), this, &MainWindow::runModel);
    m_runAction->setShortcut(Qt::CTRL | Qt::Key_R);
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setIcon(appIcon(QStringLiteral("run")));
    m_runAction->setToolTip(tr("Run the model on the image and store the run (Ctrl+R)"));
    m_cancelAction = runMenu->addAction(tr("&Cancel"), this, &MainWindow::cancelRun);
    m_cancelAction->setShortcut(Qt::Key_Escape);
    m_cancelAction->setIcon(appIcon(QStringLiteral("cancel")));
    m_cancelAction->setToolTip(tr("Cancel the run or the loading in progress (Esc)"));
    m_cancelAction->setEnabled(false);
    m_runMenu = runMenu;

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_viewMenu = view;
    view->addAction(tr("&Fit to Window"), this, [this] { imageView()->fitToWindow(); });
    view->addAction(tr("&Actual Size (1:1)"), this, [this] { imageView()->actualSize(); });
    view->addAction(tr("&Save Image View As…"), this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save image view"), QStringLiteral("view.png"),
                                         tr("PNG (*.png);;SVG (*.svg)"));
        QString error;
        if (!path.isEmpty() && !saveWidgetPicture(imageView(), path, &error))
            showError(error);
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    buildPreferenceActions(file, help);

    m_toolBar = new WorkbenchToolBar(this);
    m_toolBar->setDocument(m_document);
    m_toolBar->insertAction(m_toolBar->actions().value(0), open);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_runAction);
    m_toolBar->addAction(m_cancelAction);
    addToolBar(m_toolBar);
}

void MainWindow::buildDocks()
{
    auto *libraryDock = new QDockWidget(tr("Samples and models"), this);
    libraryDock->setObjectName(QStringLiteral("libraryDock"));
    m_library = new LibraryPanel(libraryDock);
    libraryDock->setWidget(m_library);
    addDockWidget(Qt::LeftDockWidgetArea, libraryDock);

    auto *runsDock = new QDockWidget(tr("Runs"), this);
    runsDock->setObjectName(QStringLiteral("runsDock"));
    m_runsView = new QTableView(runsDock);
    m_runsView->setObjectName(QStringLiteral("runsView"));
    m_runsView->setModel(m_runsModel);
    m_runsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_runsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runsView->verticalHeader()->hide();
    m_runsView->horizontalHeader()->setStretchLastSection(true);
    m_runsView->setToolTip(tr("Double-click a run to reopen it without recomputing; select "
                              "two and press Compare to see them side by side"));
    runsDock->setWidget(m_runsView);
    addDockWidget(Qt::LeftDockWidgetArea, runsDock);

    m_galleryDock = new QDockWidget(tr("Gallery and query"), this);
    m_galleryDock->setObjectName(QStringLiteral("galleryDock"));
    m_gallery = new GalleryPanel(m_workspace->session(), &m_workspace->database(), m_galleryDock);
    m_gallery->setMinimumWidth(400);
    m_galleryDock->setWidget(m_gallery);
    addDockWidget(Qt::RightDockWidgetArea, m_galleryDock);
    m_galleryDock->setVisible(false);
    m_pluginDock = new PluginViewDock(&m_workspace->plugins(), this);
    addDockWidget(Qt::RightDockWidgetArea, m_pluginDock);
    m_displayOptions = new OptionsDock(tr("Display"), QStringLiteral("displayOptionsDock"),
                                       QStringLiteral("displayOption_"), nullptr, this);
    addDockWidget(Qt::RightDockWidgetArea, m_displayOptions);
    m_runOptions = new OptionsDock(tr("Run options"), QStringLiteral("runOptionsDock"),
                                   QStringLiteral("runOption_"), imageView(), this);
    addDockWidget(Qt::RightDockWidgetArea, m_runOptions);
    m_galleryController = new GalleryController(m_workspace, m_document, m_runs, m_resultView,
                                                m_gallery, m_galleryDock, this);
}

void MainWindow::connectLayers()
{
    connect(m_library, &LibraryPanel::sampleActivated, this,
            [this](const QString &path) { openImage(path); });
    connect(m_library, &LibraryPanel::modelActivated, this, &MainWindow::selectModel);
    connect(m_library, &LibraryPanel::modelInfoRequested, this, &MainWindow::showModelInfo);
    connect(m_runsView, &QTableView::activated, this,
            [this](const QModelIndex &index) { reopenRun(m_runsModel->runId(index.row())); });
    connect(m_toolBar, &WorkbenchToolBar::modelChosen, this, &MainWindow::selectModel);
    connect(m_toolBar, &WorkbenchToolBar::deviceChosen, this, [this] {
        if (m_toolBar->modelCombo()->currentIndex() >= 0)
            selectModel(m_toolBar->modelCombo()->currentData().toString());
    });
    connect(m_toolBar, &WorkbenchToolBar::taskChosen, this, &MainWindow::chooseTask);
    connect(m_toolBar, &WorkbenchToolBar::planeChosen, this, &MainWindow::showPlane);

    connect(imageView(), &SceneView::fileDropped, this,
            [this](const QString &path) { openImage(path); });
    connect(m_resultView, &ResultView::windowAdjusted, m_toolBar,
            &WorkbenchToolBar::showCustomPreset);
    connect(m_presenter, &ResultPresenter::resultShown, this, &MainWindow::onResultShown);
    connect(m_runs, &RunController::runStarted, m_pluginDock, &PluginViewDock::showFor);
    connect(m_presenter, &ResultPresenter::partialShown, this, [this](int done, int total) {
        // The plugin's dock follows once shown; showing it (a relayout of
        // the window) waits for the finished run, so the run does not stall.
        if (m_pluginDock->isVisible())
            m_pluginDock->follow(m_runs->result(), player()->frame());
        statusBar()->showMessage(
            tr("%1 of %2 tiles: the result fills in as they finish").arg(done).arg(total), 5000);
        Q_EMIT partialShown(done, total);
    });
    connect(m_presenter, &ResultPresenter::framesRouted, this, &MainWindow::liveFramesRouted);

    connect(m_document, &ImageDocument::loaded, this, &MainWindow::onImageLoaded);
    connect(m_document, &ImageDocument::seriesChoiceNeeded, this, &MainWindow::chooseSeries);
    connect(m_document, &ImageDocument::loadFailed, this, [this](const QString &message) {
        m_pendingRunReopen = 0;
        showError(tr("The image could not be opened.\n\n%1").arg(message));
    });

    connect(m_runs, &RunController::modelReady, this, [this](const LoadedModel &m) {
        const QLocale locale;
        statusBar()->showMessage(tr("Model %1 ready on %2 (loaded in %3 ms, warm-up %4 ms)")
                                     .arg(m.name, m.device, locale.toString(m.loadMs, 'f', 0),
                                          locale.toString(m.warmupMs, 'f', 0)));
        setBusy(false);
        m_toolBar->setTaskChoices(m_runs->taskChoices());
        updateRunOptions();
        m_presenter->updateTaskMatrix();
        m_galleryController->followModel();
        Q_EMIT modelReady(m.name);
    });
    connect(m_runs, &RunController::modelRefused, this, [this](const QString &message) {
        setBusy(false);
        m_galleryController->followModel();
        showError(tr("The model was refused.\n\n%1").arg(message));
    });
    connect(m_runs, &RunController::busyChanged, this, &MainWindow::setBusy);
    connect(m_runOptions, &OptionsDock::valuesChanged, m_runs, &RunController::setSceneOptions);
    connect(m_displayOptions, &OptionsDock::valuesChanged, m_document,
            &ImageDocument::setDisplaySettings);
    connect(m_runs, &RunController::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
    });
    connect(m_runs, &RunController::taskGatesUpdated, this, &MainWindow::taskGatesUpdated);
    connect(m_runs, &RunController::runStored, m_runsModel, &RunsModel::prepend);
    connect(m_runs, &RunController::errorOccurred, this, &MainWindow::showError);
    connect(m_runs, &RunController::statusMessage, this,
            [this](const QString &text, int ms) { statusBar()->showMessage(text, ms); });
}

void MainWindow::populateModels()
{
    QComboBox *combo = m_toolBar->modelCombo();
    combo->clear();
    for (const ModelEntry &m : m_workspace->catalog().models())
        combo->addItem(QStringLiteral("%1 (%2)").arg(m.name, m.task), m.path);
    combo->setCurrentIndex(-1);
    for (const QString &problem :
         m_library->populateModels(m_workspace->catalog(), m_workspace->plugins()))
        statusBar()->showMessage(problem, 10000);
}

void MainWindow::showError(const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message.section(QLatin1Char('\n'), -1), 15000);
    // Non-blocking, so a worker's result or a test is never stuck behind it.
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("MoEScope"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("errorBox"));
    box->open();
    Q_EMIT errorShown(message);
}

void MainWindow::setBusy(bool busy, const QString &what)
{
    m_progress->setVisible(busy);
    if (busy) {
        m_progress->setRange(0, 0);
        statusBar()->showMessage(what);
    }
    m_runAction->setEnabled(!busy);
    m_cancelAction->setEnabled(busy);
    m_toolBar->modelCombo()->setEnabled(!busy);
    m_toolBar->deviceCombo()->setEnabled(!busy);
}

void MainWindow::openImage(const QString &path)
{
    openImage(path, LoadOptions());
}

void MainWindow::openImage(const QString &path, const LoadOptions &options)
{
    // A run being reopened takes the series it was made on (in any plane),
    // without asking; otherwise a folder of several series asks which one.
    const QByteArray wanted =
        m_pendingRunReopen != 0 ? m_runs->result().imageSha256.toLatin1() : QByteArray();
    if (!m_document->open(path, options, m_pendingRunReopen == 0, wanted)) {
        statusBar()->showMessage(tr("Still loading %1").arg(m_document->loadingPath()), 5000);
        return;
    }
    statusBar()->showMessage(tr("Loading %1…").arg(path));
}

void MainWindow::chooseSeries(const QString &folder, const QList<SeriesInfo> &series)
{
    // Not modal: the window (and a test driving it) is never stuck behind the question.
    auto *dialog = new SeriesDialog(folder, series, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        LoadOptions options;
        options.seriesUid = dialog->chosenUid();
        openImage(dialog->folder(), options);
    });
    statusBar()->showMessage(
        tr("%1 holds %n series; choose one", nullptr, int(series.size())).arg(folder), 10000);
    dialog->open();
}

void MainWindow::updateRunOptions()
{
    // The form the current model's plugin declares, over the open scene's bands.
    const ModelSession *session = m_workspace->session();
    const QString task =
        session->hasModel() ? QString::fromStdString(session->model().contract.task) : QString();
    const PluginInfo info = m_workspace->plugins().infoForTask(task);
    const auto source = m_document->source();
    m_runOptions->setOptions(task.isEmpty() ? QJsonArray() : info.runOptions,
                             source ? source->bandNames() : QStringList());
    m_runs->setSceneOptions(m_runOptions->values());
}

void MainWindow::onImageLoaded()
{
    // How the scene's own reader can show it (a SAR product: dB, amplitude
    // or intensity, a speckle filter, a band).
    const auto source = m_document->source();
    m_displayOptions->setOptions(source ? source->displayOptions() : QJsonArray(),
                                 source ? source->bandNames() : QStringList());
    updateRunOptions();
    const auto image = m_document->image();
    m_toolBar->resetViewControls();
    updateViewControls();
    const bool reopening = m_pendingRunReopen != 0;
    m_pendingRunReopen = 0;
    if (!reopening) {
        m_runs->imageChanged();
        routingPanel()->clear();
    }
    m_resultView->setImageInfo(m_document->description());
    m_presenter->resetFrames(0);
    statusBar()->showMessage(tr("Opened %1").arg(image->sourcePath), 5000);
    rememberFile(m_document->loadingPath());
    if (reopening) {
        // A run made on a coronal or sagittal cut reopens in that plane.
        const auto plane = m_document->showPlaneOf(m_runs->result().imageSha256.toLatin1());
        if (plane && *plane != SlicePlane::Axial) {
            m_toolBar->setPlane(*plane);
            m_presenter->resetFrames(0);
            updateViewControls();
        } else if (!plane) {
            // The file changed since the run: its routing would lie over other pixels.
            statusBar()->showMessage(tr("%1 has changed since run %2 was made; its routing is "
                                        "shown over the file as it is now")
                                         .arg(image->sourcePath)
                                         .arg(m_runs->result().runId),
                                     15000);
        }
        m_presenter->presentResult();
    } else {
        proposeModels(); // before the live frames, so they are routed by the model proposed
        m_presenter->showFrame(0);
        m_runs->requestLiveFrames(0);
        m_runs->startTaskSweep();
        m_presenter->updateTaskMatrix();
    }
    Q_EMIT imageLoaded(image->sourcePath);
}

void MainWindow::selectModel(const QString &nameOrPath)
{
    QString path, error;
    if (!m_workspace->catalog().resolve(nameOrPath, &path, &error)) {
        showError(error);
        return;
    }
    loadModel(path, true);
}

void MainWindow::addModelFile(const QString &path)
{
    QString error;
    if (!m_workspace->catalog().registerModel(path, &error)) {
        showError(tr("The model was refused.\n\n%1").arg(error));
        return;
    }
    populateModels();
    selectModel(path);
}

void MainWindow::runModel()
{
    m_runs->run();
}

void MainWindow::cancelRun()
{
    m_runs->cancel();
}

bool MainWindow::reopenRun(qint64 runId)
{
    QString path;
    QByteArray sha;
    if (!m_runs->loadStoredRun(runId, &path, &sha))
        return false;
    if (m_document->image() && m_document->contentSha256() == sha) {
        m_presenter->presentResult();
        return true;
    }
    if (!QFileInfo::exists(path)) {
        m_document->close();
        imageView()->setImage({});
        imageView()->setPlaceholder(
            tr("The image of this run (%1) is no longer there; its routing is shown without it.")
                .arg(path));
        m_presenter->presentResult();
        return true;
    }
    m_pendingRunReopen = runId;
    openImage(path);
    return true;
}

void MainWindow::onResultShown(qint64 runId)
{
    const AnalysisResult &result = m_runs->result();
    m_exportAction->setEnabled(m_document->image() && !result.steps.isEmpty());
    m_pluginDock->follow(result, player()->frame());
    if (m_pluginDock->isVisible())
        m_pluginDock->setOtherRuns(otherRunsOf(result));
    const QLocale locale; // numbers as the language writes them
    statusBar()->showMessage(runId ? tr("Run %1: %2 on %3 — forward %4 ms, total %5 ms")
                                         .arg(runId)
                                         .arg(result.modelName, result.device,
                                              locale.toString(result.timings.forwardMs, 'f', 1),
                                              locale.toString(result.timings.totalMs, 'f', 1))
                                   : tr("%1 on %2").arg(result.modelName, result.device),
                             15000);
    Q_EMIT analysisShown(runId);
}

void MainWindow::updateViewControls()
{
    m_toolBar->setViewControlsVisible(m_document->isStack(), m_document->canChangePlane());
}

void MainWindow::showPlane(SlicePlane plane)
{
    if (!m_document->volume())
        return;
    player()->setPlaying(false);
    m_document->setPlane(plane);
    // Routing belongs to the frames it was computed on: the new plane starts without.
    m_runs->imageChanged();
    routingPanel()->clear();
    m_exportAction->setEnabled(false);
    // Axial starts at the first slice as when opened; a cut across starts in the middle.
    const int frame = plane == SlicePlane::Axial ? 0 : m_document->image()->frameCount / 2;
    m_presenter->resetFrames(frame);
    updateViewControls();
    m_presenter->showFrame(frame);
    m_resultView->updateTimeChart();
    m_runs->requestLiveFrames(frame);
    m_runs->startTaskSweep();
    m_presenter->updateTaskMatrix();
}

int MainWindow::chosenTask() const
{
    return m_toolBar->hasTasks() ? m_runs->chosenTask() : 0;
}

void MainWindow::chooseTask(int task)
{
    if (task < 0 || task >= m_toolBar->taskCombo()->count())
        return;
    m_toolBar->taskCombo()->setCurrentIndex(task);
    m_runs->chooseTask(task);
    m_presenter->updateTaskMatrix();
}

void MainWindow::exportRoutingImages()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export routing images to"));
    if (!dir.isEmpty())
        exportRoutingImagesTo(dir);
}

bool MainWindow::exportRoutingImagesTo(const QString &dir)
{
    QStringList written;
    QString error;
    // Settings ▸ Privacy: the input's folder only when the user asked for it.
    if (!m_resultView->exportArtifacts(dir, &written, &error, m_preferences->keepPaths())) {
        showError(error);
        return false;
    }
    statusBar()->showMessage(tr("Wrote %n file(s) to %1", nullptr, int(written.size())).arg(dir));
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_workspace->session()->cancel();
    saveLayout();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    const QString path = urls.first().toLocalFile();
    if (path.endsWith(QLatin1String(".pt")))
        addModelFile(path);
    else
        openImage(path);
}

} // namespace moescope::gui
