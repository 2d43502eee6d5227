#include "mainwindow.h"

#include "common/artifacts.h"
#include "image/imageloader.h"
#include "imageview.h"
#include "jobs/storedrun.h"
#include "routingpanel.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
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

    m_view = new ImageView(this);
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
    m_frameSlider = new QSlider(Qt::Horizontal, this);
    m_frameSlider->setObjectName(QStringLiteral("frameSlider"));
    m_frameLabel = new QLabel(this);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 4);
    auto *frameRow = new QHBoxLayout;
    frameRow->addWidget(m_frameSlider, 1);
    frameRow->addWidget(m_frameLabel);
    leftLayout->addLayout(frameRow);
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
    leftLayout->addWidget(m_imageInfo);
    leftLayout->addWidget(m_outputs, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_routing);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_progress);

    buildActions();
    buildDocks();

    connect(m_view, &ImageView::fileDropped, this, &MainWindow::openImage);
    connect(m_view, &ImageView::tokenHovered, this,
            [this](int row, int col, QPoint) { m_routing->showGateValues(row, col); });
    connect(m_routing, &RoutingPanel::overlayChanged, this, &MainWindow::updateOverlay);
    connect(m_routing, &RoutingPanel::layerChanged, this, &MainWindow::updateTimeChart);
    connect(m_frameSlider, &QSlider::valueChanged, this, [this](int value) { showStep(value); });
    connect(&m_imageWatcher, &QFutureWatcher<ImageLoad>::finished, this,
            &MainWindow::onImageLoaded);

    connect(m_session, &ModelSession::modelLoaded, this, [this](const LoadedModel &m) {
        statusBar()->showMessage(tr("Model %1 ready on %2 (loaded in %3 ms, warm-up %4 ms)")
                                     .arg(m.name, m.device)
                                     .arg(m.loadMs, 0, 'f', 0)
                                     .arg(m.warmupMs, 0, 'f', 0));
        setBusy(false);
        Q_EMIT modelReady(m.name);
        if (m_runAfterLoad) {
            m_runAfterLoad = false;
            startAnalysis();
        }
    });
    connect(m_session, &ModelSession::modelFailed, this, [this](const QString &message) {
        m_runAfterLoad = false;
        setBusy(false);
        showError(tr("The model was refused.\n\n%1").arg(message));
    });
    connect(m_session, &ModelSession::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
    });
    connect(m_session, &ModelSession::finished, this, &MainWindow::onAnalysisFinished);
    connect(m_session, &ModelSession::failed, this, [this](const QString &message) {
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
    showStep(0);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry")))
        resize(1400, 900);
}

MainWindow::~MainWindow()
{
    m_imageWatcher.waitForFinished();
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
    m_samples->clear();
    QStringList seen;
    for (const QString &dirPath : sampleDirectories()) {
        const QDir dir(dirPath);
        for (const QFileInfo &f : dir.entryInfoList(QDir::Files, QDir::Name)) {
            if (seen.contains(f.fileName()) || f.fileName().endsWith(QLatin1String(".md")))
                continue;
            seen << f.fileName();
            auto *item = new QListWidgetItem(f.fileName(), m_samples);
            item->setData(Qt::UserRole, f.absoluteFilePath());
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
    if (m_imageWatcher.isRunning()) {
        statusBar()->showMessage(tr("Still loading %1").arg(m_loadingPath), 5000);
        return;
    }
    m_loadingPath = path;
    statusBar()->showMessage(tr("Loading %1…").arg(path));
    m_imageWatcher.setFuture(QtConcurrent::run([path] {
        ImageLoad load;
        load.image = ImageLoader::load(path, &load.error);
        return load;
    }));
}

void MainWindow::onImageLoaded()
{
    ImageLoad loaded = m_imageWatcher.result();
    if (!loaded.image) {
        m_pendingRunReopen = 0;
        showError(tr("The image could not be opened.\n\n%1").arg(loaded.error.message()));
        return;
    }
    m_image = QSharedPointer<ImageStack>::create(std::move(*loaded.image));
    if (m_pendingRunReopen == 0) {
        m_result = AnalysisResult();
        m_routing->clear();
    }
    m_imageInfo->setText(tr("%1 — %2 × %3, %4 channel(s), %5 frame(s)%6")
                             .arg(QFileInfo(m_image->sourcePath).fileName())
                             .arg(m_image->width)
                             .arg(m_image->height)
                             .arg(m_image->channels)
                             .arg(m_image->frameCount)
                             .arg(m_image->modality.isEmpty()
                                      ? QString()
                                      : tr(", modality %1").arg(m_image->modality)));
    m_frameSlider->setRange(0, std::max(0, m_image->frameCount - 1));
    m_frameSlider->setVisible(m_image->frameCount > 1);
    m_frameLabel->setVisible(m_image->frameCount > 1);
    statusBar()->showMessage(tr("Opened %1").arg(m_image->sourcePath), 5000);
    if (m_pendingRunReopen != 0) {
        m_pendingRunReopen = 0;
        showResult();
    } else {
        showStep(0);
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
    AnalysisRequest request;
    request.image = m_image;
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
    setBusy(false);
    AnalysisResult result = finished;
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
    const QSignalBlocker blocker(m_frameSlider);
    m_frameSlider->setValue(m_result.steps.isEmpty() ? 0 : m_result.steps.first().step);
    showStep(m_frameSlider->value());
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
    m_frameLabel->setText(m_image ? tr("Frame %1 / %2").arg(frame + 1).arg(m_image->frameCount)
                                  : QString());
    QImage base;
    if (m_image)
        base = m_image->toQImage(std::clamp(frame, 0, m_image->frameCount - 1));
    int index = -1;
    for (int i = 0; i < m_result.steps.size(); ++i) {
        if (m_result.steps[i].step == frame)
            index = i;
    }
    m_view->setImage(base);
    if (index < 0) {
        m_routing->clear();
        updateOutputs({});
        return;
    }
    m_stepIndex = index;
    const StepResult &step = m_result.steps[index];
    m_routing->setRouting(step.layers, base.isNull() ? QImage() : base);
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
                [this](const QPointF &point) { m_frameSlider->setValue(qRound(point.x())); });
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

void MainWindow::updateOverlay()
{
    const routing::TokenGrid *grid = m_routing->currentGrid();
    m_view->setTokenGrid(grid ? grid->rows : 0, grid ? grid->cols : 0);
    const QSize size = m_view->image().isNull() ? QSize(448, 448) : m_view->image().size();
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

} // namespace moescope::gui
