#include "runcontroller.h"

#include "jobs/storedrun.h"
#include "plugin/taskplugin.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

namespace moescope {

RunController::RunController(Workspace *workspace, ImageDocument *document, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_document(document), m_session(workspace->session())
{
    connect(m_session, &ModelSession::modelLoaded, this, [this](const LoadedModel &m) {
        m_loadPending = false;
        Q_EMIT busyChanged(false, {});
        m_taskGates.clear();
        m_chosenTask = 0;
        Q_EMIT modelReady(m);
        if (m_runAfterLoad) {
            m_runAfterLoad = false;
            startAnalysis();
        } else {
            requestLiveFrames(m_frame);
        }
        startTaskSweep();
    });
    connect(m_session, &ModelSession::modelFailed, this, [this](const QString &message) {
        m_loadPending = false;
        m_runAfterLoad = false;
        Q_EMIT busyChanged(false, {});
        Q_EMIT modelRefused(message);
    });
    connect(m_session, &ModelSession::progress, this, &RunController::progress);
    connect(m_session, &ModelSession::finished, this, &RunController::onFinished);
    connect(m_session, &ModelSession::partial, this, &RunController::onPartial);
    connect(m_session, &ModelSession::runStored, this, &RunController::runStored);
    connect(m_session, &ModelSession::storeFailed, this, [this](const QString &message) {
        Q_EMIT errorOccurred(tr("The run was not stored.\n\n%1").arg(message));
    });
    connect(m_session, &ModelSession::failed, this, [this](const QString &message) {
        // Live and sweep requests queued behind a failed one start afresh.
        m_requests.clear();
        m_liveInFlight = false;
        m_sweepInFlight = false;
        m_trackLive = false;
        Q_EMIT playbackStopRequested();
        Q_EMIT busyChanged(false, {});
        Q_EMIT errorOccurred(tr("The run failed.\n\n%1").arg(message));
    });
}

TaskPlugin *RunController::plugin(QString *warning)
{
    return m_workspace->plugins().pluginForTask(m_session->model().task, warning);
}

void RunController::selectModel(const QString &path, const QString &device)
{
    // The same model on the same device asked for again (proposed when a file
    // opened, then picked by the user): one load. The caller still hears
    // modelReady, once the load in flight ends or at once when it has.
    if (path == m_selectedPath && device == m_device) {
        if (m_loadPending)
            return;
        if (m_session->hasModel() && m_session->model().path == path) {
            QTimer::singleShot(0, this, [this] { Q_EMIT modelReady(m_session->model()); });
            return;
        }
    }
    m_selectedPath = path;
    m_device = device;
    m_loadPending = true;
    Q_EMIT busyChanged(true, tr("Loading model %1…").arg(path));
    m_session->load(path, device);
}

void RunController::preselectModel(const QString &path, const QString &device)
{
    m_selectedPath = path;
    m_device = device;
}

bool RunController::isRunning() const
{
    return std::any_of(m_requests.begin(), m_requests.end(),
                       [](Purpose p) { return p == Purpose::Run; });
}

void RunController::run()
{
    const auto image = m_document->image();
    if (!image) {
        Q_EMIT errorOccurred(
            tr("Open an image first (File ▸ Open, or drop a file on the window)."));
        return;
    }
    if (m_selectedPath.isEmpty()) {
        Q_EMIT errorOccurred(tr("Pick a model first."));
        return;
    }
    if (m_session->isBusy() && m_session->hasModel() && !isRunning() &&
        m_session->model().path == m_selectedPath) {
        // Live routing or the task-gate sweep: stop it; the run queues behind.
        Q_EMIT playbackStopRequested();
        m_session->cancel();
        startAnalysis();
        return;
    }
    if (m_session->isBusy()) {
        if (m_session->hasModel()) {
            Q_EMIT statusMessage(tr("A run is in progress; cancel it first (Esc)."), 5000);
            return;
        }
        m_runAfterLoad = true; // the model is still loading: run once it is ready
        return;
    }
    if (!m_session->hasModel() || m_session->model().path != m_selectedPath) {
        m_runAfterLoad = true;
        m_loadPending = true;
        Q_EMIT busyChanged(true, tr("Loading model %1…").arg(m_selectedPath));
        m_session->load(m_selectedPath, m_device);
        return;
    }
    startAnalysis();
}

bool RunController::runWithExpertsOff(const QList<QPair<int, int>> &disabled)
{
    QString error;
    if (!m_session->hasModel() || m_session->model().path != m_selectedPath) {
        Q_EMIT errorOccurred(tr("Load the model before switching its experts off"));
        return false;
    }
    if (!buildExpertMask(m_session->model().contract, disabled, &m_nextExpertMask, &error)) {
        Q_EMIT errorOccurred(error);
        return false;
    }
    run();
    return true;
}

void RunController::startAnalysis()
{
    const LoadedModel &m = m_session->model();
    QString warning;
    TaskPlugin *taskPlugin = plugin(&warning);
    if (!warning.isEmpty())
        Q_EMIT statusMessage(warning, 10000);
    // A tracker followed live keeps the player going (it waits at the
    // frames not tracked yet); any other run stops it.
    if (!m_trackLive)
        Q_EMIT playbackStopRequested();
    // A stateful run (a tracker) starts at the frame shown: its state
    // begins there (from a box drawn on it, or the ground truth's), so a
    // track can be started, or started again, on any frame.
    const bool stateful =
        taskPlugin && taskPlugin->capabilities().testFlag(TaskCapability::Stateful);
    AnalysisRequest request =
        newRequest(Purpose::Run, stateful ? std::max(0, m_frame) : 0, -1, m_chosenTask);
    request.options.extra = m_sceneOptions;
    request.expertMask = std::move(m_nextExpertMask);
    m_nextExpertMask.clear();
    if (stateful)
        request.snapshotIntervalMs = m_trackSnapshotMs; // the new frames, for the window to follow
    if (taskPlugin && taskPlugin->capabilities().testFlag(TaskCapability::Tiled)) {
        request.batchSize = 4; // tiles: fewer, larger forward calls
        request.snapshotIntervalMs = m_snapshotIntervalMs;
        // A tiled run writes its scene-sized rasters beside the database,
        // one folder per run; the stored run keeps their paths.
        const QString dir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                .filePath(QStringLiteral("scene-rasters/") +
                                          QDateTime::currentDateTimeUtc().toString(
                                              QStringLiteral("yyyyMMdd-HHmmss-zzz")));
        request.options.extra.insert(QStringLiteral("output_dir"), dir);
    }
    m_runImage = m_document->image(); // the image may change while the run is in flight
    m_runSource = m_document->source();
    Q_EMIT busyChanged(
        true, tr("Running %1 on %2…").arg(m.name, QFileInfo(m_runImage->sourcePath).fileName()));
    // Steps of a plugin's own run are known once it starts (it reports them).
    Q_EMIT progress(0, m_document->openedByPlugin()
                           ? 0
                           : std::max(1, taskPlugin->stepCount(m.contract, *m_runImage)));
    // The job stores what it finds on its own thread (a scene's mosaic
    // is tens of MB to write).
    StoreTarget store;
    if (m_workspace->database().isOpen() && m_runSource) {
        store.dbPath = m_workspace->database().path();
        store.scene = SceneDescription::of(*m_runSource);
    }
    m_session->analyze(request, taskPlugin, store);
    Q_EMIT runStarted(taskPlugin ? taskPlugin->id() : QString());
}

void RunController::cancel()
{
    m_runAfterLoad = false;
    m_session->cancel();
    Q_EMIT statusMessage(tr("Cancelling…"), 5000);
}

AnalysisRequest RunController::newRequest(Purpose purpose, int first, int last, int task)
{
    AnalysisRequest request;
    // A file a plugin opened is read through the plugin's own source.
    if (m_document->openedByPlugin())
        request.source = m_document->source();
    else
        request.image = m_document->image();
    request.firstStep = first;
    request.lastStep = last;
    request.requestId = ++m_lastRequestId;
    if (const model::InputSpec *input = m_session->model().contract.taskInput())
        request.options.indexChoices[input->name] = task;
    m_requests.insert(request.requestId, purpose);
    return request;
}

void RunController::store(AnalysisResult *result, const SceneDescription &image)
{
    store::Database &db = m_workspace->database();
    if (!db.isOpen() || result->steps.isEmpty())
        return;
    QString error;
    if (!storeAnalysis(db, result, image, m_session->model().contract, {}, &error)) {
        Q_EMIT errorOccurred(tr("The run was not stored.\n\n%1").arg(error));
        return;
    }
    if (const auto stored = db.loadRun(result->runId, nullptr, &error))
        Q_EMIT runStored(*stored);
}

void RunController::onFinished(const AnalysisResult &finished)
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
            Q_EMIT taskGatesUpdated();
        }
        startTaskSweep();
        return;
    }
    Q_EMIT busyChanged(false, {});
    m_trackLive = false;
    AnalysisResult result = finished;
    if (result.cancelled)
        Q_EMIT statusMessage(
            tr("Cancelled after %n step(s); the partial run is kept.", nullptr, result.stepsRun),
            10000);
    for (const QString &w : result.warnings)
        Q_EMIT statusMessage(w, 10000);
    if (m_runImage != m_document->image()) {
        // Another image was opened meanwhile: keep it on screen.
        Q_EMIT statusMessage(tr("Run %1 on %2 is stored; reopen it from Runs.")
                                 .arg(result.runId)
                                 .arg(result.imagePath),
                             15000);
        return;
    }
    // Shown on the next turn of the event loop: taking the result (a
    // copy of its mosaic) and drawing it are two short waits, not one long.
    QTimer::singleShot(0, this, [this, result = std::move(result)]() mutable {
        m_result = std::move(result);
        m_resultTask = m_chosenTask;
        Q_EMIT resultChanged();
    });
}

void RunController::onPartial(const SharedPartial &partial)
{
    // Only the run the user started, on the image still shown.
    if (!partial || m_requests.value(partial->requestId, Purpose::Live) != Purpose::Run ||
        m_runImage != m_document->image())
        return;
    if (partial->runSummary.value(QStringLiteral("new_steps_only")).toBool()) {
        // A tracker's frames since the last partial: the track so far grows.
        if (partial->steps.isEmpty())
            return;
        const int first = partial->steps.first().step, last = partial->steps.last().step;
        if (m_result.requestId != partial->requestId) {
            m_result = std::move(*partial);
        } else {
            m_result.steps += partial->steps;
            m_result.stepsRun = partial->stepsRun;
            m_result.timings = partial->timings;
        }
        m_resultTask = m_chosenTask;
        Q_EMIT stepsRouted(first, last);
        return;
    }
    m_result = std::move(*partial); // this is its one receiver
    m_resultTask = m_chosenTask;
    Q_EMIT partialResultChanged(m_result.stepsRun, m_result.stepCount);
}

bool RunController::loadStoredRun(qint64 runId, QString *imagePath, QByteArray *imageSha256)
{
    QString error;
    std::vector<store::FrameRouting> routing;
    const std::optional<store::RunRecord> record =
        m_workspace->database().loadRun(runId, &routing, &error);
    if (!record) {
        Q_EMIT errorOccurred(error);
        return false;
    }
    m_result = fromStoredRun(*record, routing);
    // The task the run was made with, when the model has a task input.
    m_resultTask = 0;
    if (!m_result.steps.isEmpty()) {
        const int t = int(taskChoices().indexOf(
            m_result.steps.first().outputs.value(QStringLiteral("task")).toString()));
        if (t >= 0)
            m_resultTask = t;
    }
    *imagePath = record->image.path;
    *imageSha256 = record->image.sha256.toLatin1();
    return true;
}

void RunController::setResult(const AnalysisResult &result)
{
    m_result = result;
    m_resultTask = m_chosenTask;
    Q_EMIT resultChanged();
}

void RunController::clearResult()
{
    m_result = AnalysisResult();
}

void RunController::fillModelRegion()
{
    const auto image = m_document->image();
    if (!m_result.modelRegion.isValid() && image)
        m_result.modelRegion =
            m_workspace->plugins().pluginForTask(m_result.task)->modelRegion(*image);
}

void RunController::imageChanged()
{
    m_result = AnalysisResult();
    m_taskGates.clear(); // gates are per model and frame; the sweep reruns for this image
    m_frame = 0;
}

void RunController::playStarted()
{
    // Play with a tracker: track from the frame shown while the player
    // plays, unless the track on screen already goes on from here.
    m_trackLive = false;
    TaskPlugin *taskPlugin = m_session->hasModel() ? plugin() : nullptr;
    const auto image = m_document->image();
    if (!taskPlugin || !taskPlugin->capabilities().testFlag(TaskCapability::Stateful) || !image ||
        m_document->frameCount() < 2 || m_session->model().path != m_selectedPath || isRunning() ||
        frameRouted(std::min(m_frame + 1, m_document->frameCount() - 1)))
        return;
    m_trackLive = true;
    run();
}

bool RunController::isTrackingLive() const
{
    return m_trackLive && isRunning();
}

bool RunController::liveReady() const
{
    const auto image = m_document->image();
    if (!image || image->frameCount < 2 || !m_session->hasModel() ||
        m_session->model().path != m_selectedPath)
        return false;
    // Live chunks are frames from the playhead: not for a stateful run (a
    // tracker goes from its first step to its last) nor a tiled one (its
    // steps are tiles, not frames).
    TaskPlugin *taskPlugin = m_workspace->plugins().pluginForTask(m_session->model().task);
    const TaskCapabilities caps = taskPlugin->capabilities();
    return !caps.testFlag(TaskCapability::Stateful) && !caps.testFlag(TaskCapability::Tiled);
}

bool RunController::resultMatchesSelection() const
{
    const auto image = m_document->image();
    return image && m_session->hasModel() && m_result.modelPath == m_session->model().path &&
           m_result.imageSha256 == QString::fromLatin1(m_document->contentSha256()) &&
           m_resultTask == m_chosenTask;
}

bool RunController::frameRouted(int frame) const
{
    if (!resultMatchesSelection())
        return false;
    return std::any_of(m_result.steps.begin(), m_result.steps.end(),
                       [frame](const StepResult &s) { return s.step == frame; });
}

void RunController::requestLiveFrames(int from)
{
    // One chunk in flight at a time: the frames from `from` on (wrapping
    // round) that have no routing yet, a few at once so the worker stays
    // ahead of the playhead without computing far beyond it.
    constexpr int kLookAhead = 8, kChunk = 4;
    if (!liveReady() || m_liveInFlight || m_session->isBusy())
        return;
    const int count = m_document->image()->frameCount;
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
    m_session->analyze(newRequest(Purpose::Live, first, last, m_chosenTask), plugin());
}

void RunController::setFrame(int frame, bool byUser)
{
    m_frame = frame;
    if (!liveReady())
        return;
    // A jump away from the chunk being computed: stop it, route from here.
    if (byUser && m_liveInFlight && (frame < m_liveFirst || frame > m_liveLast))
        m_session->cancel();
    requestLiveFrames(frame);
}

void RunController::mergeLive(const AnalysisResult &live)
{
    m_liveInFlight = false;
    const auto image = m_document->image();
    if (!image || live.imageSha256 != QString::fromLatin1(m_document->contentSha256()) ||
        live.modelPath != m_session->model().path)
        return; // for an image or model no longer on screen
    if (!resultMatchesSelection()) {
        m_result = live;
        m_result.steps.clear();
        m_result.runId = 0;
        m_result.cancelled = false;
        m_resultTask = m_chosenTask;
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
        m_result.stepCount = image->frameCount;
        if (!live.steps.isEmpty())
            Q_EMIT stepsRouted(live.steps.first().step, live.steps.last().step);
    }
    // Every frame routed: store the cine as one run, so it reopens without recomputing.
    if (m_result.runId == 0 && m_result.steps.size() == image->frameCount) {
        store(&m_result, SceneDescription::of(*m_document->source()));
        if (m_result.runId)
            Q_EMIT statusMessage(tr("Every frame routed; stored as run %1").arg(m_result.runId),
                                 8000);
    }
    requestLiveFrames(m_frame);
}

QStringList RunController::taskChoices() const
{
    QStringList choices;
    if (!m_session->hasModel())
        return choices;
    if (const model::InputSpec *input = m_session->model().contract.taskInput())
        for (const std::string &choice : input->choices)
            choices << QString::fromStdString(choice);
    return choices;
}

void RunController::chooseTask(int task)
{
    if (task < 0 || task >= taskChoices().size())
        return;
    m_chosenTask = task;
    if (!m_document->image() || !m_session->hasModel())
        return;
    // The routing on screen belongs to the previous task: compute it again.
    m_result = AnalysisResult();
    m_resultTask = task;
    Q_EMIT routingCleared();
    if (m_document->image()->frameCount > 1)
        requestLiveFrames(m_frame);
    else
        run();
}

void RunController::startTaskSweep()
{
    // The task-level gate of every task, each from one forward pass on the
    // current frame, for the task × expert matrix.
    if (m_sweepInFlight || !m_document->image() || !m_session->hasModel() ||
        m_session->model().path != m_selectedPath)
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
        m_session->analyze(newRequest(Purpose::TaskSweep, m_frame, m_frame, task), plugin());
        return;
    }
}

} // namespace moescope
