#include "mainwindow.h"

#include "cineplayer.h"
#include "common/artifacts.h"
#include "gallerypanel.h"
#include "image/imageloader.h"
#include "image/windowpresets.h"
#include "sceneview.h"
#include "jobs/storedrun.h"
#include "plugin/outputs.h"
#include "routingpanel.h"
#include "seriesdialog.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

namespace moescope::gui {

namespace {

enum RunColumn { RunId, RunTime, RunModel, RunImage, RunDevice, RunFrames, RunColumns };

QStringList sampleDirectories()
{
    QStringList dirs;
    for (const QString &modelDir : ModelCatalog::bundledDirectories())
        dirs << QDir(modelDir).filePath(QStringLiteral("../samples"));
    return dirs;
}

} // namespace

MainWindow::MainWindow(const QString &databasePath, QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("MoEScope — Mixture-of-Experts routing workbench"));
    setAcceptDrops(true);
    m_session = new ModelSession(this);

    m_view = new SceneView(this);
    m_routing = new RoutingPanel(this);
    m_outputs = new QTableWidget(0, 2, this);
    m_outputs->setObjectName(QStringLiteral("outputsTable"));
    m_outputs->setHorizontalHeaderLabels({tr("Output"), tr("Value")});
    m_outputs->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_outputs->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_outputs->verticalHeader()->hide();
    m_outputs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_imageInfo = new QLabel(this);
    m_imageInfo->setWordWrap(true);
    m_player = new CinePlayer(this);
    m_player->setVisible(false);
    m_player->setFrameReady([this](int frame) { return !liveReady() || frameRouted(frame); });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 4);
    leftLayout->addWidget(m_player);
    // Segmentation outputs: the label map over the region the model saw.
    m_maskRow = new QWidget(this);
    auto *maskLayout = new QHBoxLayout(m_maskRow);
    maskLayout->setContentsMargins(0, 0, 0, 0);
    m_maskCheck = new QCheckBox(tr("Show segmentation"), m_maskRow);
    m_maskCheck->setObjectName(QStringLiteral("maskCheck"));
    m_maskCheck->setToolTip(tr("Show the model's segmentation instead of the routing overlay"));
    m_maskOpacity = new QSlider(Qt::Horizontal, m_maskRow);
    m_maskOpacity->setRange(0, 100);
    m_maskOpacity->setValue(50);
    m_maskOpacity->setMaximumWidth(120);
    m_maskOpacity->setToolTip(tr("Segmentation opacity"));
    m_maskLegend = new QLabel(m_maskRow);
    m_maskLegend->setObjectName(QStringLiteral("maskLegend"));
    maskLayout->addWidget(m_maskCheck);
    maskLayout->addWidget(m_maskOpacity);
    maskLayout->addWidget(m_maskLegend, 1);
    m_maskRow->setVisible(false);
    leftLayout->addWidget(m_maskRow);
    // Routing over time: one line per expert of the chosen layer, a point per
    // frame; click a point to go to that frame.
    m_timeChartView = new QChartView(new QChart, this);
    m_timeChartView->setObjectName(QStringLiteral("routingOverTime"));
    m_timeChartView->chart()->setTitle(tr("Expert load per frame"));
    m_timeChartView->chart()->setMargins(QMargins(2, 2, 2, 2));
    m_timeChartView->setRenderHint(QPainter::Antialiasing);
    m_timeChartView->setMinimumHeight(210);
    m_timeChartView->setVisible(false);
    leftLayout->addWidget(m_timeChartView, 1);
    // Task-level gates (a task-conditioned MoE): one row per task, one column
    // per expert of each task-level layer, the gate probability in each cell.
    m_taskMatrix = new QTableWidget(this);
    m_taskMatrix->setObjectName(QStringLiteral("taskGateMatrix"));
    m_taskMatrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_taskMatrix->setSelectionMode(QAbstractItemView::NoSelection);
    m_taskMatrix->setMaximumHeight(150);
    m_taskMatrix->setVisible(false);
    leftLayout->addWidget(m_taskMatrix);
    leftLayout->addWidget(m_imageInfo);
    leftLayout->addWidget(m_outputs, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_routing);
    // The image gets the larger share when the window narrows (docks open).
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_progress);

    buildActions();
    buildDocks();

    connect(m_view, &SceneView::fileDropped, this,
            [this](const QString &path) { openImage(path); });
    connect(m_view, &SceneView::windowDragged, this, &MainWindow::dragWindow);
    connect(m_view, &SceneView::wheelSteps, this, [this](int steps) {
        // Slices of a series or volume; a cine keeps its wheel-free view.
        if (m_viewControlsAction->isVisible() && m_image && m_image->frameCount > 1)
            m_player->setFrame(m_player->frame() + steps);
    });
    connect(m_view, &SceneView::regionSelected, m_gallery, &GalleryPanel::queryRegion);
    connect(m_gallery, &GalleryPanel::regionModeChanged, m_view, &SceneView::setRegionSelection);
    connect(m_gallery, &GalleryPanel::statusMessage, this,
            [this](const QString &message, int timeoutMs) {
                statusBar()->showMessage(message, timeoutMs);
            });
    connect(m_gallery, &GalleryPanel::queryShown, this, [this] {
        // The query's own forward pass is a routing result of the image on screen: show it
        // (over the drawn region for a region query) unless another image was opened since.
        const QueryResult &query = m_gallery->lastResult();
        if (m_gallery->queryImage().image != m_image || query.analysis.steps.isEmpty())
            return;
        m_result = query.analysis;
        if (query.region.isValid())
            m_result.modelRegion = query.region;
        m_resultTask = chosenTask();
        showResult();
    });
    m_gallery->setQuerySource([this] {
        // The stack on screen (the plane shown) and its frame, drawn as the view draws it.
        GalleryPanel::QueryImage q;
        q.image = m_image;
        q.frame = m_player->frame();
        q.window = m_window;
        q.pixelAspect = m_view->pixelAspect();
        return q;
    });
    connect(m_view, &SceneView::tokenHovered, this,
            [this](int row, int col, QPoint) { m_routing->showGateValues(row, col); });
    connect(m_routing, &RoutingPanel::overlayChanged, this, &MainWindow::updateOverlay);
    connect(m_routing, &RoutingPanel::layerChanged, this, &MainWindow::updateTimeChart);
    connect(m_player, &CinePlayer::frameChanged, this, &MainWindow::onFrameChanged);
    connect(m_player, &CinePlayer::waitingFor, this, &MainWindow::requestLiveFrames);
    connect(m_maskCheck, &QCheckBox::toggled, this, &MainWindow::updateOverlay);
    connect(m_maskOpacity, &QSlider::valueChanged, this, &MainWindow::updateOverlay);
    connect(&m_imageWatcher, &QFutureWatcher<ImageLoad>::finished, this,
            &MainWindow::onImageLoaded);

    connect(m_session, &ModelSession::modelLoaded, this, [this](const LoadedModel &m) {
        statusBar()->showMessage(tr("Model %1 ready on %2 (loaded in %3 ms, warm-up %4 ms)")
                                     .arg(m.name, m.device)
                                     .arg(m.loadMs, 0, 'f', 0)
                                     .arg(m.warmupMs, 0, 'f', 0));
        setBusy(false);
        populateTasks();
        updateGalleryDock();
        Q_EMIT modelReady(m.name);
        if (m_runAfterLoad) {
            m_runAfterLoad = false;
            startAnalysis();
        } else {
            requestLiveFrames(m_player->frame());
        }
        startTaskSweep();
    });
    connect(m_session, &ModelSession::modelFailed, this, [this](const QString &message) {
        m_runAfterLoad = false;
        setBusy(false);
        updateGalleryDock();
        showError(tr("The model was refused.\n\n%1").arg(message));
    });
    connect(m_session, &ModelSession::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
    });
    connect(m_session, &ModelSession::finished, this, &MainWindow::onAnalysisFinished);
    connect(m_session, &ModelSession::failed, this, [this](const QString &message) {
        // A failed request fails the ones queued behind it the same way; start afresh.
        m_requests.clear();
        m_liveInFlight = false;
        m_sweepInFlight = false;
        m_player->setPlaying(false);
        setBusy(false);
        showError(tr("The run failed.\n\n%1").arg(message));
    });

    QString error;
    const QString dbPath = databasePath.isEmpty() ? store::Database::defaultPath() : databasePath;
    if (!m_db.open(dbPath, &error))
        showError(tr("Runs cannot be stored: %1").arg(error));

    populateModels();
    populateSamples();
    refreshRuns();
    m_gallery->refreshGalleries();
    showStep(0);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry")))
        resize(1400, 900);
}

MainWindow::~MainWindow()
{
    m_imageWatcher.waitForFinished();
    // The session is a child QObject, deleted by ~QObject after our members
    // are gone; its worker may still be routing a frame with a plugin that
    // m_plugins owns. Stop and join it while the plugins still exist.
    delete m_session;
    m_session = nullptr;
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
    file->addAction(tr("Open DICOM &Series Folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open DICOM series folder"));
        if (!dir.isEmpty())
            openImage(dir);
    });
    file->addAction(tr("Add &Model File…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Add a TorchScript MoE model"),
                                                          {}, tr("TorchScript models (*.pt)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!m_catalog.registerModel(path, &error)) {
            showError(tr("The model was refused.\n\n%1").arg(error));
            return;
        }
        populateModels();
        selectModel(path);
    });
    m_exportAction = file->addAction(tr("&Export Routing Images…"), this, [this] {
        if (!m_image || m_result.steps.isEmpty())
            return;
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export routing images to"));
        if (dir.isEmpty())
            return;
        QStringList written;
        QString error;
        QJsonObject json{{"model", m_result.modelName},
                         {"input", m_result.imagePath},
                         {"routing", routingSummaryJson(m_result.steps.first().layers)},
                         {"outputs", m_result.steps.first().outputs}};
        if (!writeArtifacts(dir, m_result, *m_image, json, ArtifactOptions(), &written, &error))
            showError(error);
        else
            statusBar()->showMessage(
                tr("Wrote %n file(s) to %1", nullptr, int(written.size())).arg(dir));
    });
    m_exportAction->setEnabled(false);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *runMenu = menuBar()->addMenu(tr("&Run"));
    m_runAction = runMenu->addAction(tr("&Run Model"), this, &MainWindow::runModel);
    m_runAction->setShortcut(Qt::CTRL | Qt::Key_R);
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_cancelAction = runMenu->addAction(tr("&Cancel"), this, &MainWindow::cancelRun);
    m_cancelAction->setShortcut(Qt::Key_Escape);
    m_cancelAction->setEnabled(false);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MoEScope"), this, [this] {
        QMessageBox::about(this, tr("About MoEScope"),
                           tr("<b>MoEScope %1</b><p>Where the router sent each patch: per-expert "
                              "heatmaps, top-1 maps, routing entropy and expert load for "
                              "Mixture-of-Experts vision models.</p><p>Research software, not for "
                              "clinical use.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->addAction(open);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Model "), this));
    m_modelCombo = new QComboBox(this);
    m_modelCombo->setObjectName(QStringLiteral("modelCombo"));
    m_modelCombo->setMinimumContentsLength(24);
    bar->addWidget(m_modelCombo);
    bar->addWidget(new QLabel(tr(" Device "), this));
    m_deviceCombo = new QComboBox(this);
    m_deviceCombo->addItem(tr("auto"), QStringLiteral("auto"));
    m_deviceCombo->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_deviceCombo->addItem(tr("CUDA"), QStringLiteral("cuda"));
    m_deviceCombo->setCurrentIndex(
        std::max(0, m_deviceCombo->findData(
                        QSettings().value(QStringLiteral("run/device"), QStringLiteral("auto")))));
    bar->addWidget(m_deviceCombo);
    auto *taskLabel = new QLabel(tr(" Task "), this);
    m_taskCombo = new QComboBox(this);
    m_taskCombo->setObjectName(QStringLiteral("taskCombo"));
    m_taskCombo->setToolTip(tr("The model's task input: switching it re-runs the model"));
    auto *taskBox = new QWidget(this);
    auto *taskLayout = new QHBoxLayout(taskBox);
    taskLayout->setContentsMargins(0, 0, 0, 0);
    taskLayout->addWidget(taskLabel);
    taskLayout->addWidget(m_taskCombo);
    m_taskComboAction = bar->addWidget(taskBox);
    m_taskComboAction->setVisible(false);
    connect(m_taskCombo, &QComboBox::activated, this, [this](int index) { chooseTask(index); });

    // A series or volume: window presets (right-drag in the view for a custom window) and the
    // plane the stack is cut along.
    auto *viewBox = new QWidget(this);
    auto *viewLayout = new QHBoxLayout(viewBox);
    viewLayout->setContentsMargins(0, 0, 0, 0);
    viewLayout->addWidget(new QLabel(tr(" Window "), viewBox));
    m_presetCombo = new QComboBox(viewBox);
    m_presetCombo->setObjectName(QStringLiteral("windowPresetCombo"));
    m_presetCombo->setToolTip(
        tr("Window/level of the slices; drag with the right mouse button in the image for your "
           "own (horizontal: width, vertical: level)"));
    m_presetCombo->addItem(tr("From file"), QStringLiteral("file"));
    for (const WindowPreset &preset : ctWindowPresets()) {
        m_presetCombo->addItem(preset.name, preset.id);
        m_presetCombo->setItemData(
            m_presetCombo->count() - 1,
            tr("level %1 HU, width %2 HU").arg(preset.window.center).arg(preset.window.width),
            Qt::ToolTipRole);
    }
    m_presetCombo->addItem(tr("Custom"), QStringLiteral("custom"));
    viewLayout->addWidget(m_presetCombo);
    viewLayout->addWidget(new QLabel(tr(" Plane "), viewBox));
    m_planeCombo = new QComboBox(viewBox);
    m_planeCombo->setObjectName(QStringLiteral("planeCombo"));
    m_planeCombo->setToolTip(tr("The plane the series is cut along; runs go to the frames shown"));
    m_planeCombo->addItem(tr("Axial"), int(SlicePlane::Axial));
    m_planeCombo->addItem(tr("Coronal"), int(SlicePlane::Coronal));
    m_planeCombo->addItem(tr("Sagittal"), int(SlicePlane::Sagittal));
    viewLayout->addWidget(m_planeCombo);
    m_viewControlsAction = bar->addWidget(viewBox);
    m_viewControlsAction->setVisible(false);
    connect(m_presetCombo, &QComboBox::currentIndexChanged, this, &MainWindow::applyPreset);
    connect(m_planeCombo, &QComboBox::currentIndexChanged, this, [this] { showPlane(plane()); });
    bar->addSeparator();
    bar->addAction(m_runAction);
    bar->addAction(m_cancelAction);

    connect(m_modelCombo, &QComboBox::activated, this,
            [this] { selectModel(m_modelCombo->currentData().toString()); });
    connect(m_deviceCombo, &QComboBox::activated, this, [this] {
        QSettings().setValue(QStringLiteral("run/device"), m_deviceCombo->currentData());
        if (m_modelCombo->currentIndex() >= 0)
            selectModel(m_modelCombo->currentData().toString());
    });
}

void MainWindow::buildDocks()
{
    auto *libraryDock = new QDockWidget(tr("Samples and models"), this);
    libraryDock->setObjectName(QStringLiteral("libraryDock"));
    auto *library = new QWidget(libraryDock);
    auto *layout = new QVBoxLayout(library);
    layout->addWidget(new QLabel(tr("Sample images (double-click to open)"), library));
    m_samples = new QListWidget(library);
    m_samples->setObjectName(QStringLiteral("samplesList"));
    layout->addWidget(m_samples, 1);
    layout->addWidget(new QLabel(tr("Models"), library));
    m_modelList = new QListWidget(library);
    m_modelList->setObjectName(QStringLiteral("modelList"));
    layout->addWidget(m_modelList, 1);
    libraryDock->setWidget(library);
    addDockWidget(Qt::LeftDockWidgetArea, libraryDock);

    auto *runsDock = new QDockWidget(tr("Runs"), this);
    runsDock->setObjectName(QStringLiteral("runsDock"));
    m_runsModel = new QStandardItemModel(0, RunColumns, this);
    m_runsModel->setHorizontalHeaderLabels(
        {tr("Run"), tr("When"), tr("Model"), tr("Image"), tr("Device"), tr("Frames")});
    m_runsView = new QTableView(runsDock);
    m_runsView->setObjectName(QStringLiteral("runsView"));
    m_runsView->setModel(m_runsModel);
    m_runsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runsView->verticalHeader()->hide();
    m_runsView->horizontalHeader()->setStretchLastSection(true);
    m_runsView->setToolTip(tr("Double-click a run to reopen it without recomputing"));
    runsDock->setWidget(m_runsView);
    addDockWidget(Qt::LeftDockWidgetArea, runsDock);

    m_galleryDock = new QDockWidget(tr("Gallery and query"), this);
    m_galleryDock->setObjectName(QStringLiteral("galleryDock"));
    m_gallery = new GalleryPanel(m_session, &m_db, m_galleryDock);
    m_gallery->setMinimumWidth(400);
    m_galleryDock->setWidget(m_gallery);
    addDockWidget(Qt::RightDockWidgetArea, m_galleryDock);
    m_galleryDock->setVisible(false);

    connect(m_samples, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openImage(item->data(Qt::UserRole).toString()); });
    connect(m_modelList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { selectModel(item->data(Qt::UserRole).toString()); });
    connect(m_runsView, &QTableView::activated, this, [this](const QModelIndex &index) {
        reopenRun(m_runsModel->item(index.row(), RunId)->data(Qt::UserRole).toLongLong());
    });
}

void MainWindow::populateModels()
{
    m_modelCombo->clear();
    m_modelList->clear();
    for (const ModelEntry &m : m_catalog.models()) {
        QStringList experts;
        for (const model::MoeLayerSpec &l : m.contract.moeLayers)
            experts << QString::number(l.experts);
        const QString label = QStringLiteral("%1 (%2)").arg(m.name, m.task);
        m_modelCombo->addItem(label, m.path);
        auto *item = new QListWidgetItem(tr("%1\n  task %2 · plugin %3 · experts %4")
                                             .arg(m.name, m.task, m_plugins.infoForTask(m.task).id,
                                                  experts.join(QLatin1Char('/'))),
                                         m_modelList);
        item->setData(Qt::UserRole, m.path);
        item->setToolTip(m.path);
    }
    m_modelCombo->setCurrentIndex(-1);
    for (const QString &problem : m_catalog.problems())
        statusBar()->showMessage(problem, 10000);
}

void MainWindow::populateSamples()
{
    // resources/samples and its task folders (ultrasound/, ct/, sar/,
    // tracking/): images, cines and DICOM files, shown as "folder/name".
    // Ground-truth label maps, galleries and sequences' frames are data for
    // the CLI, not samples to open one by one.
    m_samples->clear();
    QStringList seen;
    for (const QString &dirPath : sampleDirectories()) {
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

int MainWindow::runsListed() const
{
    return m_runsModel->rowCount();
}

QList<QStandardItem *> MainWindow::runRow(const store::RunRecord &r) const
{
    QList<QStandardItem *> row;
    auto *id = new QStandardItem(QString::number(r.id));
    id->setData(r.id, Qt::UserRole);
    row << id
        << new QStandardItem(
               r.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
        << new QStandardItem(r.model.name) << new QStandardItem(QFileInfo(r.image.path).fileName())
        << new QStandardItem(r.device) << new QStandardItem(QString::number(r.frameCount));
    row[RunImage]->setToolTip(r.image.path);
    return row;
}

void MainWindow::refreshRuns()
{
    m_runsModel->removeRows(0, m_runsModel->rowCount());
    if (!m_db.isOpen())
        return;
    QString error;
    const QList<store::RunRecord> runs = m_db.listRuns(&error, 500);
    if (!error.isEmpty()) {
        statusBar()->showMessage(error, 10000);
        return;
    }
    for (const store::RunRecord &r : runs)
        m_runsModel->appendRow(runRow(r));
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
    m_modelCombo->setEnabled(!busy);
    m_deviceCombo->setEnabled(!busy);
}

void MainWindow::openImage(const QString &path)
{
    openImage(path, LoadOptions());
}

void MainWindow::openImage(const QString &path, const LoadOptions &options)
{
    if (m_imageWatcher.isRunning()) {
        statusBar()->showMessage(tr("Still loading %1").arg(m_loadingPath), 5000);
        return;
    }
    m_loadingPath = path;
    statusBar()->showMessage(tr("Loading %1…").arg(path));
    // A folder opened without a choice of series: list its series first (attributes only) and
    // ask when there is more than one. A run being reopened takes the default, as it was made.
    const bool ask =
        options.seriesUid.isEmpty() && m_pendingRunReopen == 0 && QFileInfo(path).isDir();
    // Reopening a run on a folder of several series: the one whose content
    // (in some plane) the run was made on, not simply the largest.
    const QByteArray wanted =
        m_pendingRunReopen != 0 ? m_result.imageSha256.toLatin1() : QByteArray();
    m_imageWatcher.setFuture(QtConcurrent::run([path, options, ask, wanted] {
        ImageLoad load;
        if (ask) {
            LoadError listError;
            const auto series = ImageLoader::listSeries(path, &listError);
            if (series && series->size() > 1) {
                load.series = *series;
                return load;
            }
        }
        load.image = ImageLoader::load(path, options, &load.error);
        auto made = [&](const ImageStack &image) {
            for (SlicePlane p : {SlicePlane::Axial, SlicePlane::Coronal, SlicePlane::Sagittal})
                if (reslicedSha256(image.sha256, p) == wanted)
                    return true;
            return false;
        };
        if (!wanted.isEmpty() && load.image && !made(*load.image) && QFileInfo(path).isDir()) {
            LoadError listError;
            const auto series = ImageLoader::listSeries(path, &listError);
            for (const SeriesInfo &info : series.value_or(QList<SeriesInfo>())) {
                if (info.uid == load.image->seriesUid)
                    continue;
                LoadOptions other;
                other.seriesUid = info.uid;
                LoadError otherError;
                std::optional<ImageStack> candidate = ImageLoader::load(path, other, &otherError);
                if (candidate && made(*candidate)) {
                    load.image = std::move(candidate);
                    break;
                }
            }
        }
        return load;
    }));
}

void MainWindow::updateGalleryDock()
{
    TaskPlugin *plugin =
        m_session->hasModel() ? m_plugins.pluginForTask(m_session->model().task) : nullptr;
    const bool gallery = plugin && plugin->capabilities().testFlag(TaskCapability::Gallery);
    m_gallery->setModel(m_session->hasModel() ? m_session->model() : LoadedModel(),
                        gallery ? plugin : nullptr);
    const bool wasVisible = m_galleryDock->isVisible();
    m_galleryDock->setVisible(gallery);
    if (gallery && !wasVisible) {
        // Room for the hit strip and the two heatmap views side by side.
        resizeDocks({m_galleryDock}, {std::max(460, width() / 3)}, Qt::Horizontal);
        m_galleryDock->raise();
    }
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

void MainWindow::onImageLoaded()
{
    ImageLoad loaded = m_imageWatcher.result();
    if (!loaded.image && !loaded.series.isEmpty()) {
        chooseSeries(m_loadingPath, loaded.series);
        return;
    }
    if (!loaded.image) {
        m_pendingRunReopen = 0;
        showError(tr("The image could not be opened.\n\n%1").arg(loaded.error.message()));
        return;
    }
    m_image = QSharedPointer<ImageStack>::create(std::move(*loaded.image));
    m_volume = m_image;
    m_window = WindowLevel();
    {
        const QSignalBlocker presetBlocker(m_presetCombo), planeBlocker(m_planeCombo);
        m_presetCombo->setCurrentIndex(0);
        m_planeCombo->setCurrentIndex(0);
    }
    updateViewControls();
    if (m_pendingRunReopen == 0) {
        m_result = AnalysisResult();
        m_routing->clear();
    }
    m_imageInfo->setText(
        tr("%1 — %2 × %3, %4 channel(s), %5 frame(s)%6")
            .arg(QFileInfo(m_image->sourcePath).fileName())
            .arg(m_image->width)
            .arg(m_image->height)
            .arg(m_image->channels)
            .arg(m_image->frameCount)
            .arg(m_image->modality.isEmpty() ? QString()
                                             : tr(", modality %1").arg(m_image->modality)) +
        (m_image->warnings.isEmpty()
             ? QString()
             : QStringLiteral("\n⚠ ") + m_image->warnings.join(QStringLiteral("\n⚠ "))));
    {
        const QSignalBlocker blocker(m_player);
        m_player->setFrames(m_image->frameCount, m_image->frameTimeMs);
    }
    if (m_pendingRunReopen == 0)
        m_taskGates.clear(); // gates are per model and frame; the sweep reruns for this image
    statusBar()->showMessage(tr("Opened %1").arg(m_image->sourcePath), 5000);
    if (m_pendingRunReopen != 0) {
        m_pendingRunReopen = 0;
        // A run made on a coronal or sagittal cut reopens in that plane.
        const QByteArray wanted = m_result.imageSha256.toLatin1();
        bool found = wanted.isEmpty() || m_volume->sha256 == wanted;
        for (SlicePlane p : {SlicePlane::Coronal, SlicePlane::Sagittal}) {
            if (found || !canReslice(*m_volume) || reslicedSha256(m_volume->sha256, p) != wanted)
                continue;
            const QSignalBlocker planeBlocker(m_planeCombo);
            m_planeCombo->setCurrentIndex(m_planeCombo->findData(int(p)));
            m_image = QSharedPointer<ImageStack>::create(reslice(*m_volume, p));
            const QSignalBlocker blocker(m_player);
            m_player->setFrames(m_image->frameCount, m_image->frameTimeMs);
            updateViewControls();
            found = true;
        }
        if (!found)
            // The file changed since the run: its routing would lie over other pixels.
            statusBar()->showMessage(
                tr("%1 has changed since run %2 was made; its routing is shown "
                   "over the file as it is now")
                    .arg(m_image->sourcePath)
                    .arg(m_result.runId),
                15000);
        showResult();
    } else {
        showStep(0);
        requestLiveFrames(0);
        startTaskSweep();
        updateTaskMatrix();
    }
    Q_EMIT imageLoaded(m_image->sourcePath);
}

QString MainWindow::modelPathForSelection() const
{
    return m_modelCombo->currentData().toString();
}

void MainWindow::selectModel(const QString &nameOrPath)
{
    QString path, error;
    if (!m_catalog.resolve(nameOrPath, &path, &error)) {
        showError(error);
        return;
    }
    int index = m_modelCombo->findData(path);
    if (index < 0) {
        m_modelCombo->addItem(QFileInfo(path).fileName(), path);
        index = m_modelCombo->count() - 1;
    }
    m_modelCombo->setCurrentIndex(index);
    setBusy(true, tr("Loading model %1…").arg(path));
    m_session->load(path, m_deviceCombo->currentData().toString());
}

void MainWindow::runModel()
{
    if (!m_image) {
        showError(tr("Open an image first (File ▸ Open, or drop a file on the window)."));
        return;
    }
    if (m_modelCombo->currentIndex() < 0) {
        showError(tr("Pick a model first."));
        return;
    }
    const bool onlyBackgroundWork = std::none_of(m_requests.begin(), m_requests.end(),
                                                 [](Purpose p) { return p == Purpose::Run; });
    if (m_session->isBusy() && m_session->hasModel() && onlyBackgroundWork &&
        m_session->model().path == modelPathForSelection()) {
        // Live routing or the task-gate sweep: stop it; the run queues behind.
        m_player->setPlaying(false);
        m_session->cancel();
        startAnalysis();
        return;
    }
    if (m_session->isBusy()) {
        if (m_session->hasModel()) {
            statusBar()->showMessage(tr("A run is in progress; cancel it first (Esc)."), 5000);
            return;
        }
        m_runAfterLoad = true; // the model is still loading: run once it is ready
        return;
    }
    if (!m_session->hasModel() || m_session->model().path != modelPathForSelection()) {
        m_runAfterLoad = true;
        selectModel(modelPathForSelection());
        return;
    }
    startAnalysis();
}

void MainWindow::startAnalysis()
{
    const LoadedModel &m = m_session->model();
    QString warning;
    TaskPlugin *plugin = m_plugins.pluginForTask(m.task, &warning);
    if (!warning.isEmpty())
        statusBar()->showMessage(warning, 10000);
    m_player->setPlaying(false);
    AnalysisRequest request = newRequest(Purpose::Run, 0, -1, chosenTask());
    m_runImage = m_image; // the image may change while the run is in flight
    setBusy(true, tr("Running %1 on %2…").arg(m.name, QFileInfo(m_image->sourcePath).fileName()));
    m_progress->setRange(0, std::max(1, plugin->stepCount(m.contract, *m_image)));
    m_progress->setValue(0);
    m_session->analyze(request, plugin);
}

void MainWindow::cancelRun()
{
    m_runAfterLoad = false;
    m_session->cancel();
    statusBar()->showMessage(tr("Cancelling…"));
}

void MainWindow::onAnalysisFinished(const AnalysisResult &finished)
{
    const Purpose purpose = m_requests.take(finished.requestId);
    if (purpose == Purpose::Live) {
        mergeLive(finished);
        return;
    }
    if (purpose == Purpose::TaskSweep) {
        m_sweepInFlight = false;
        if (!finished.steps.isEmpty() && finished.modelPath == m_session->model().path) {
            const QJsonValue task = finished.steps.first().outputs.value(QStringLiteral("task"));
            const model::InputSpec *input = m_session->model().contract.taskInput();
            if (input && task.isString()) {
                const auto it = std::find(input->choices.begin(), input->choices.end(),
                                          task.toString().toStdString());
                if (it != input->choices.end())
                    m_taskGates[int(it - input->choices.begin())] = finished.steps.first().layers;
            }
            updateTaskMatrix();
            Q_EMIT taskGatesUpdated();
        }
        startTaskSweep();
        return;
    }
    setBusy(false);
    AnalysisResult result = finished;
    m_resultTask = chosenTask();
    if (result.cancelled)
        statusBar()->showMessage(tr("Cancelled after %n step(s); the partial run is kept.", nullptr,
                                    int(result.steps.size())),
                                 10000);
    if (m_db.isOpen() && !result.steps.isEmpty()) {
        QString error;
        if (!storeAnalysis(m_db, &result, *m_runImage, m_session->model().contract, {}, &error)) {
            showError(tr("The run was not stored.\n\n%1").arg(error));
        } else if (const auto stored = m_db.loadRun(result.runId, nullptr, &error)) {
            // One new row on top, not the whole list again: the list grows
            // with every run, the cost of a run must not.
            m_runsModel->insertRow(0, runRow(*stored));
        }
    }
    for (const QString &w : result.warnings)
        statusBar()->showMessage(w, 10000);
    if (m_runImage != m_image) {
        // Another image was opened meanwhile: keep it on screen.
        statusBar()->showMessage(tr("Run %1 on %2 is stored; reopen it from Runs.")
                                     .arg(result.runId)
                                     .arg(result.imagePath),
                                 15000);
        return;
    }
    m_result = result;
    showResult();
}

bool MainWindow::reopenRun(qint64 runId)
{
    QString error;
    std::vector<store::FrameRouting> routing;
    const std::optional<store::RunRecord> record = m_db.loadRun(runId, &routing, &error);
    if (!record) {
        showError(error);
        return false;
    }
    m_result = fromStoredRun(*record, routing);
    // The task the run was made with, when the model has a task input.
    m_resultTask = 0;
    if (!m_result.steps.isEmpty()) {
        const int t = m_taskCombo->findText(
            m_result.steps.first().outputs.value(QStringLiteral("task")).toString());
        if (t >= 0)
            m_resultTask = t;
    }
    if (m_image && QString::fromLatin1(m_image->sha256) == record->image.sha256) {
        showResult();
        return true;
    }
    if (!QFileInfo::exists(record->image.path)) {
        m_image.reset();
        m_view->setImage({});
        m_view->setPlaceholder(tr("The image of this run (%1) is no longer there; its routing is "
                                  "shown without it.")
                                   .arg(record->image.path));
        showResult();
        return true;
    }
    m_pendingRunReopen = runId;
    openImage(record->image.path);
    return true;
}

void MainWindow::showResult()
{
    m_stepIndex = 0;
    m_exportAction->setEnabled(m_image && !m_result.steps.isEmpty());
    if (!m_result.modelRegion.isValid() && m_image)
        m_result.modelRegion = m_plugins.pluginForTask(m_result.task)->modelRegion(*m_image);
    {
        const QSignalBlocker blocker(m_player);
        m_player->setFrame(m_result.steps.isEmpty() ? 0 : m_result.steps.first().step);
    }
    showStep(m_player->frame());
    updateTimeChart();
    statusBar()->showMessage(m_result.runId
                                 ? tr("Run %1: %2 on %3 — forward %4 ms, total %5 ms")
                                       .arg(m_result.runId)
                                       .arg(m_result.modelName, m_result.device)
                                       .arg(m_result.timings.forwardMs, 0, 'f', 1)
                                       .arg(m_result.timings.totalMs, 0, 'f', 1)
                                 : tr("%1 on %2").arg(m_result.modelName, m_result.device),
                             15000);
    Q_EMIT analysisShown(m_result.runId);
}

void MainWindow::showStep(int frame)
{
    QImage base;
    if (m_image)
        base = m_image->toQImage(std::clamp(frame, 0, m_image->frameCount - 1), m_window);
    int index = -1;
    for (int i = 0; i < m_result.steps.size(); ++i) {
        if (m_result.steps[i].step == frame)
            index = i;
    }
    m_view->setImage(base);
    m_view->setModelRegion(m_result.modelRegion);
    if (index < 0) {
        m_stepIndex = -1;
        m_routing->clear();
        updateOutputs({});
        m_maskRow->setVisible(false);
        m_view->setOverlay({}, 0);
        return;
    }
    m_stepIndex = index;
    const StepResult &step = m_result.steps[index];
    const QImage seen =
        (base.isNull() || !m_result.modelRegion.isValid()) ? base : base.copy(m_result.modelRegion);
    m_routing->setRouting(step.layers, seen);
    updateOutputs(step.outputs);
    updateOverlay();
}

void MainWindow::updateTimeChart()
{
    if (m_routing->currentLayer() < 0 && m_result.steps.size() > 1)
        return; // a frame without routing: keep the chart of the run
    QChart *chart = m_timeChartView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    const int layer = m_routing->currentLayer();
    const bool show = m_result.steps.size() > 1 && layer >= 0 &&
                      layer < int(m_result.steps.first().layers.size());
    m_timeChartView->setVisible(show);
    if (!show)
        return;
    auto *x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%d"));
    x->setRange(m_result.steps.first().step, m_result.steps.last().step);
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d%%"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    const routing::LayerRouting &first = m_result.steps.first().layers[size_t(layer)];
    chart->setTitle(tr("Expert load per frame, %1").arg(QString::fromStdString(first.name)));
    for (int e = 0; e < first.experts; ++e) {
        auto *series = new QLineSeries;
        series->setName(QString::fromStdString(first.expertName(e)));
        series->setColor(render::expertColor(e));
        series->setPointsVisible(true);
        for (const StepResult &step : std::as_const(m_result.steps)) {
            if (size_t(layer) < step.layers.size())
                series->append(step.step,
                               routing::summarize(step.layers[size_t(layer)]).load[size_t(e)] *
                                   100.0);
        }
        connect(series, &QLineSeries::clicked, this,
                [this](const QPointF &point) { m_player->setFrame(qRound(point.x())); });
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

void MainWindow::updateOverlay()
{
    const routing::TokenGrid *grid = m_routing->currentGrid();
    m_view->setTokenGrid(grid ? grid->rows : 0, grid ? grid->cols : 0);
    const QSize size = m_view->image().isNull()          ? QSize(448, 448)
                       : m_view->modelRegion().isValid() ? m_view->modelRegion().size()
                                                         : m_view->image().size();
    QString maskName;
    const QJsonObject segmentation = currentSegmentation(&maskName);
    m_maskRow->setVisible(!segmentation.isEmpty());
    if (!segmentation.isEmpty()) {
        QStringList legend;
        const QJsonArray areas = segmentation.value(QStringLiteral("areas")).toArray();
        // Label 0 is left clear when it is the background, else coloured like the rest.
        const QString first = areas.isEmpty()
                                  ? QString()
                                  : areas[0].toObject().value(QStringLiteral("label")).toString();
        const bool clearZero =
            first.compare(QLatin1String("background"), Qt::CaseInsensitive) == 0 ||
            first.compare(QLatin1String("bg"), Qt::CaseInsensitive) == 0;
        for (int k = clearZero ? 1 : 0; k < areas.size(); ++k)
            legend << QStringLiteral("<span style=\"color:%1\">■</span> %2")
                          .arg(labelColor(k).name(),
                               areas[k].toObject().value(QStringLiteral("label")).toString());
        m_maskLegend->setText(
            QStringLiteral("%1: %2").arg(maskName, legend.join(QStringLiteral("  "))));
        if (m_maskCheck->isChecked() && !m_view->image().isNull()) {
            const QImage labels = labelOverlay(labelMapFromJson(segmentation), clearZero);
            m_view->setOverlay(labels.scaled(size, Qt::IgnoreAspectRatio, Qt::FastTransformation),
                               m_maskOpacity->value() / 100.0);
            return;
        }
    }
    if (m_view->image().isNull() && grid) {
        QImage gray(size, QImage::Format_RGB32);
        gray.fill(QColor(60, 60, 60));
        m_view->setImage(gray);
    }
    m_view->setOverlay(m_routing->overlay(size), m_routing->opacity());
}

void MainWindow::updateOutputs(const QJsonObject &outputs)
{
    m_outputs->setRowCount(0);
    auto addRow = [this](const QString &name, const QString &value) {
        const int row = m_outputs->rowCount();
        m_outputs->insertRow(row);
        m_outputs->setItem(row, 0, new QTableWidgetItem(name));
        m_outputs->setItem(row, 1, new QTableWidgetItem(value));
    };
    for (auto it = outputs.begin(); it != outputs.end(); ++it) {
        if (it.value().isString()) { // "task": the task the outputs belong to
            addRow(it.key(), it.value().toString());
            continue;
        }
        const QJsonObject o = it.value().toObject();
        const QString kind = o.value(QStringLiteral("kind")).toString();
        if (kind == QLatin1String("classes")) {
            for (const QJsonValue &t : o.value(QStringLiteral("top")).toArray()) {
                const QJsonObject top = t.toObject();
                addRow(QStringLiteral("%1: %2").arg(it.key(),
                                                    top.value(QStringLiteral("label")).toString()),
                       QString::number(top.value(QStringLiteral("probability")).toDouble() * 100.0,
                                       'f', 1) +
                           QLatin1Char('%'));
            }
        } else if (kind == QLatin1String("segmentation")) {
            for (const QJsonValue &a : o.value(QStringLiteral("areas")).toArray())
                addRow(QStringLiteral("%1: %2 area")
                           .arg(it.key(), a[QStringLiteral("label")].toString()),
                       QString::number(a[QStringLiteral("fraction")].toDouble() * 100.0, 'f', 1) +
                           QLatin1Char('%'));
        } else if (kind == QLatin1String("embedding")) {
            addRow(it.key(), tr("%1-d embedding, norm %2")
                                 .arg(o.value(QStringLiteral("dimension")).toInt())
                                 .arg(o.value(QStringLiteral("norm")).toDouble(), 0, 'f', 3));
        } else if (o.value(QStringLiteral("values")).toArray().size() <= 16 &&
                   o.contains(QStringLiteral("values"))) {
            QStringList numbers;
            for (const QJsonValue &v : o.value(QStringLiteral("values")).toArray())
                numbers << QString::number(v.toDouble(), 'g', 4);
            addRow(it.key(), numbers.join(QStringLiteral(", ")));
        } else {
            QJsonObject shown = o;
            shown.remove(QStringLiteral("values"));
            addRow(it.key(),
                   QString::fromUtf8(QJsonDocument(shown).toJson(QJsonDocument::Compact)));
        }
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_session->cancel();
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
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
    if (path.endsWith(QLatin1String(".pt"))) {
        QString error;
        if (m_catalog.registerModel(path, &error)) {
            populateModels();
            selectModel(path);
        } else {
            showError(tr("The model was refused.\n\n%1").arg(error));
        }
        return;
    }
    openImage(path);
}

QJsonObject MainWindow::currentSegmentation(QString *name) const
{
    if (m_stepIndex < 0 || m_stepIndex >= m_result.steps.size())
        return {};
    const QJsonObject outputs = m_result.steps[m_stepIndex].outputs;
    for (auto it = outputs.begin(); it != outputs.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        if (o.value(QStringLiteral("kind")).toString() == QLatin1String("segmentation") &&
            o.contains(QStringLiteral("label_map_png"))) {
            if (name)
                *name = it.key();
            return o;
        }
    }
    return {};
}

SlicePlane MainWindow::plane() const
{
    return SlicePlane(m_planeCombo->currentData().toInt());
}

void MainWindow::updateViewControls()
{
    const bool stack =
        m_volume && m_image &&
        (m_volume->kind == ImageKind::Series || m_volume->kind == ImageKind::Volume) &&
        m_volume->channels == 1;
    m_viewControlsAction->setVisible(stack);
    m_planeCombo->setEnabled(stack && canReslice(*m_volume));
    // Slices of a series or volume are drawn in their true proportions (a coronal cut of thick
    // slices is flat); other images as their pixels are.
    const PixelSpacing &sp = stack ? m_image->spacing : PixelSpacing();
    m_view->setPixelAspect(sp.known() ? sp.rowMm / sp.columnMm : 1.0);
    // The wheel steps through slices of a series or volume (Ctrl+wheel
    // zooms); elsewhere it zooms.
    m_view->setWheelAction(stack && m_image->frameCount > 1 ? SceneView::WheelAction::Steps
                                                            : SceneView::WheelAction::Zoom);
}

void MainWindow::applyPreset(int index)
{
    if (!m_image)
        return;
    const QString id = m_presetCombo->itemData(index).toString();
    if (id == QLatin1String("file")) {
        m_window = WindowLevel();
    } else if (id == QLatin1String("custom")) {
        if (!m_window.valid())
            m_window = m_image->effectiveWindow(); // start from what is shown
    } else if (const WindowPreset *preset = ctWindowPreset(id)) {
        m_window = preset->window;
    }
    m_view->setImage(
        m_image->toQImage(std::clamp(m_player->frame(), 0, m_image->frameCount - 1), m_window));
}

void MainWindow::dragWindow(int dx, int dy)
{
    if (!m_image || !m_viewControlsAction->isVisible())
        return;
    // About a thousand steps over the image's range (4 HU a pixel for CT): fine enough for a
    // brain window, quick enough for a bone one. Right widens, down raises the level.
    const double step = std::max(1.0, double(m_image->maxValue - m_image->minValue) / 1000.0);
    WindowLevel w = m_window.valid() ? m_window : m_image->effectiveWindow();
    w.width = std::max(1.0, w.width + dx * step);
    w.center += dy * step;
    m_window = w;
    {
        const QSignalBlocker blocker(m_presetCombo);
        m_presetCombo->setCurrentIndex(m_presetCombo->findData(QStringLiteral("custom")));
    }
    m_view->setImage(
        m_image->toQImage(std::clamp(m_player->frame(), 0, m_image->frameCount - 1), m_window));
}

void MainWindow::showPlane(SlicePlane plane)
{
    if (!m_volume)
        return;
    m_player->setPlaying(false);
    m_image = plane == SlicePlane::Axial
                  ? m_volume
                  : QSharedPointer<ImageStack>::create(reslice(*m_volume, plane));
    // Routing belongs to the frames it was computed on: the new plane starts without.
    m_result = AnalysisResult();
    m_routing->clear();
    m_taskGates.clear();
    m_exportAction->setEnabled(false);
    // Axial starts at the first slice as when opened; a cut across starts in the middle.
    const int frame = plane == SlicePlane::Axial ? 0 : m_image->frameCount / 2;
    {
        const QSignalBlocker blocker(m_player);
        m_player->setFrames(m_image->frameCount, m_image->frameTimeMs);
        m_player->setFrame(frame);
    }
    updateViewControls();
    showStep(frame);
    updateTimeChart();
    requestLiveFrames(frame);
    startTaskSweep();
    updateTaskMatrix();
}

int MainWindow::chosenTask() const
{
    return m_taskComboAction->isVisible() ? std::max(0, m_taskCombo->currentIndex()) : 0;
}

void MainWindow::chooseTask(int task)
{
    if (task < 0 || task >= m_taskCombo->count())
        return;
    m_taskCombo->setCurrentIndex(task);
    updateTaskMatrix();
    if (!m_image || !m_session->hasModel())
        return;
    // The routing on screen belongs to the previous task: compute it again.
    m_result = AnalysisResult();
    m_resultTask = task;
    showStep(m_player->frame());
    updateTimeChart();
    if (m_image->frameCount > 1)
        requestLiveFrames(m_player->frame());
    else
        runModel();
}

AnalysisRequest MainWindow::newRequest(Purpose purpose, int first, int last, int task)
{
    AnalysisRequest request;
    request.image = m_image;
    request.firstStep = first;
    request.lastStep = last;
    request.requestId = ++m_lastRequestId;
    const model::InputSpec *input = m_session->model().contract.taskInput();
    if (input)
        request.options.indexChoices[input->name] = task;
    m_requests.insert(request.requestId, purpose);
    return request;
}

bool MainWindow::liveReady() const
{
    return m_image && m_image->frameCount > 1 && m_session->hasModel() &&
           m_session->model().path == modelPathForSelection();
}

bool MainWindow::resultMatchesSelection() const
{
    return m_image && m_session->hasModel() && m_result.modelPath == m_session->model().path &&
           m_result.imageSha256 == QString::fromLatin1(m_image->sha256) &&
           m_resultTask == chosenTask();
}

bool MainWindow::frameRouted(int frame) const
{
    if (!resultMatchesSelection())
        return false;
    return std::any_of(m_result.steps.begin(), m_result.steps.end(),
                       [frame](const StepResult &s) { return s.step == frame; });
}

void MainWindow::requestLiveFrames(int from)
{
    // One chunk in flight at a time: the frames from `from` on (wrapping
    // round) that have no routing yet, a few at once so the worker stays
    // ahead of the playhead without computing far beyond it.
    constexpr int kLookAhead = 8, kChunk = 4;
    if (!liveReady() || m_liveInFlight || m_session->isBusy())
        return;
    const int count = m_image->frameCount;
    int first = -1;
    for (int i = 0; i < std::min(kLookAhead, count); ++i) {
        const int f = (from + i) % count;
        if (!frameRouted(f)) {
            first = f;
            break;
        }
    }
    if (first < 0)
        return;
    int last = first;
    while (last + 1 < count && last - first + 1 < kChunk && !frameRouted(last + 1))
        ++last;
    m_liveInFlight = true;
    m_liveFirst = first;
    m_liveLast = last;
    m_session->analyze(newRequest(Purpose::Live, first, last, chosenTask()),
                       m_plugins.pluginForTask(m_session->model().task));
}

void MainWindow::onFrameChanged(int frame, bool byUser)
{
    showStep(frame);
    if (!liveReady())
        return;
    // A jump away from the chunk being computed: stop it, route from here.
    if (byUser && m_liveInFlight && (frame < m_liveFirst || frame > m_liveLast))
        m_session->cancel();
    requestLiveFrames(frame);
}

void MainWindow::mergeLive(const AnalysisResult &live)
{
    m_liveInFlight = false;
    if (!m_image || live.imageSha256 != QString::fromLatin1(m_image->sha256) ||
        live.modelPath != m_session->model().path)
        return; // for an image or model no longer on screen
    if (!resultMatchesSelection()) {
        m_result = live;
        m_result.steps.clear();
        m_result.runId = 0;
        m_result.cancelled = false;
        m_resultTask = chosenTask();
    }
    bool merged = false;
    for (const StepResult &step : live.steps) {
        if (frameRouted(step.step))
            continue;
        auto at = std::lower_bound(m_result.steps.begin(), m_result.steps.end(), step.step,
                                   [](const StepResult &s, int f) { return s.step < f; });
        m_result.steps.insert(at, step);
        merged = true;
    }
    if (merged) {
        m_result.timings.forwardMs += live.timings.forwardMs;
        m_result.stepCount = m_image->frameCount;
        const int frame = m_player->frame();
        if (frame >= live.steps.value(0).step &&
            frame <= live.steps.value(live.steps.size() - 1).step)
            showStep(frame);
        updateTimeChart();
        if (!live.steps.isEmpty())
            Q_EMIT liveFramesRouted(live.steps.first().step, live.steps.last().step);
    }
    // Every frame routed: store the cine as one run, so it reopens without recomputing.
    if (m_result.runId == 0 && m_result.steps.size() == m_image->frameCount && m_db.isOpen()) {
        QString error;
        if (storeAnalysis(m_db, &m_result, *m_image, m_session->model().contract, {}, &error)) {
            if (const auto stored = m_db.loadRun(m_result.runId, nullptr, &error))
                m_runsModel->insertRow(0, runRow(*stored));
            statusBar()->showMessage(tr("Every frame routed; stored as run %1").arg(m_result.runId),
                                     8000);
        } else {
            showError(tr("The run was not stored.\n\n%1").arg(error));
        }
    }
    requestLiveFrames(m_player->frame());
}

void MainWindow::populateTasks()
{
    const model::InputSpec *input = m_session->model().contract.taskInput();
    m_taskCombo->clear();
    m_taskGates.clear();
    if (input) {
        for (const std::string &choice : input->choices)
            m_taskCombo->addItem(QString::fromStdString(choice));
        m_taskCombo->setCurrentIndex(0);
    }
    m_taskComboAction->setVisible(input != nullptr);
    updateTaskMatrix();
}

void MainWindow::startTaskSweep()
{
    // The task-level gate of every task, each from one forward pass on the
    // current frame, for the task × expert matrix.
    if (m_sweepInFlight || !m_image || !m_session->hasModel() ||
        m_session->model().path != modelPathForSelection())
        return;
    const model::ModelContract &contract = m_session->model().contract;
    const model::InputSpec *input = contract.taskInput();
    const bool taskLayers =
        std::any_of(contract.moeLayers.begin(), contract.moeLayers.end(),
                    [](const model::MoeLayerSpec &l) { return l.tokens.empty(); });
    if (!input || !taskLayers)
        return;
    for (int task = 0; task < int(input->choices.size()); ++task) {
        if (m_taskGates.contains(task))
            continue;
        m_sweepInFlight = true;
        const int frame = m_player->frame();
        m_session->analyze(newRequest(Purpose::TaskSweep, frame, frame, task),
                           m_plugins.pluginForTask(m_session->model().task));
        return;
    }
}

void MainWindow::updateTaskMatrix()
{
    const model::ModelContract &contract = m_session->model().contract;
    const model::InputSpec *input = m_session->hasModel() ? contract.taskInput() : nullptr;
    std::vector<size_t> layers;
    for (size_t l = 0; input && l < contract.moeLayers.size(); ++l) {
        if (contract.moeLayers[l].tokens.empty())
            layers.push_back(l);
    }
    m_taskMatrix->setVisible(!layers.empty());
    if (layers.empty())
        return;
    QStringList columns;
    for (size_t l : layers) {
        const model::MoeLayerSpec &spec = contract.moeLayers[l];
        for (int e = 0; e < spec.experts; ++e)
            columns << QStringLiteral("%1\n%2").arg(
                QString::fromStdString(spec.name),
                e < int(spec.expertNames.size())
                    ? QString::fromStdString(spec.expertNames[size_t(e)])
                    : tr("expert %1").arg(e));
    }
    QStringList rows;
    for (const std::string &choice : input->choices)
        rows << QString::fromStdString(choice);
    m_taskMatrix->clear();
    m_taskMatrix->setRowCount(rows.size());
    m_taskMatrix->setColumnCount(columns.size());
    m_taskMatrix->setHorizontalHeaderLabels(columns);
    m_taskMatrix->setVerticalHeaderLabels(rows);
    m_taskMatrix->setToolTip(tr("Task-level gate: the probability each task gives each expert "
                                "(computed on frame %1; a task-conditioned gate does not depend on "
                                "the image)")
                                 .arg(m_player->frame() + 1));
    for (int t = 0; t < rows.size(); ++t) {
        const auto gates = m_taskGates.constFind(t);
        int column = 0;
        for (size_t l : layers) {
            const int experts = contract.moeLayers[l].experts;
            for (int e = 0; e < experts; ++e, ++column) {
                auto *item = new QTableWidgetItem;
                item->setTextAlignment(Qt::AlignCenter);
                if (gates != m_taskGates.constEnd() && l < gates->size() &&
                    !(*gates)[l].probs.empty()) {
                    const float p = (*gates)[l].prob(0, e);
                    item->setText(QString::number(p * 100.0, 'f', 0) + QLatin1Char('%'));
                    item->setData(Qt::UserRole, double(p));
                    QColor c = render::expertColor(e);
                    c.setAlphaF(0.15 + 0.85 * p);
                    item->setBackground(c);
                } else {
                    item->setText(QStringLiteral("…"));
                }
                if (t == chosenTask()) {
                    QFont f = item->font();
                    f.setBold(true);
                    item->setFont(f);
                }
                m_taskMatrix->setItem(t, column, item);
            }
        }
    }
    m_taskMatrix->resizeColumnsToContents();
}

} // namespace moescope::gui
