#pragma once
// Runs, without widgets: Run (every frame, with progress and Cancel), live
// routing of a cine a few frames ahead of the playhead, the task-gate sweep
// of a task-conditioned model, storing what finished, and reopening stored
// runs. Each is a job on the workspace's model session; answers carry a
// request id that says which purpose they were for. The window shows what
// this reports (resultChanged, stepsRouted…) and tells it where the
// playhead is (setFrame).

#include "imagedocument.h"
#include "jobs/storedrun.h"
#include "workspace.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QVariantMap>

namespace moescope {

class RunController : public QObject
{
    Q_OBJECT
public:
    RunController(Workspace *workspace, ImageDocument *document, QObject *parent = nullptr);

    // The model picked in the window (a .pt path) and the device for it.
    void selectModel(const QString &path, const QString &device);
    // The model to use, without loading it yet: run() loads it (a remembered model at start).
    void preselectModel(const QString &path, const QString &device);
    QString selectedModelPath() const { return m_selectedPath; }
    const ModelSession *session() const { return m_session; }

    // Run on the image shown: loads the picked model first when needed, or
    // stops live routing / the sweep and queues behind them.
    void run();
    // run() with these experts (layer, expert) switched off, for this run
    // only; the stored run records them. False with errorOccurred() when the
    // model takes no expert_mask or names no such expert.
    bool runWithExpertsOff(const QList<QPair<int, int>> &disabled);
    void cancel();
    // Settings a plugin's run reads (PrepareOptions::extra): a SAR scene's
    // bands, speckle filter, tile size or region of interest.
    void setSceneOptions(const QVariantMap &options) { m_sceneOptions = options; }
    // How often a tiled run shows its state so far (a second by default),
    // and a tracker its new frames (kTrackSnapshotMs by default).
    void setSnapshotInterval(int ms) { m_snapshotIntervalMs = ms; }
    void setTrackSnapshotInterval(int ms) { m_trackSnapshotMs = ms; }
    QVariantMap sceneOptions() const { return m_sceneOptions; }
    bool isRunning() const; // a Run (not live or sweep work) is queued or running

    // The playhead; `byUser`: a jump away from the frames being routed
    // cancels them and routing starts from here.
    void setFrame(int frame, bool byUser);
    int frame() const { return m_frame; }
    // Where the playhead is, without starting any routing.
    void setPlayhead(int frame) { m_frame = frame; }
    // The player started: with a tracker and no track ahead of the frame
    // shown, tracking starts from it and the player follows the track as
    // it grows (the frames come every kTrackSnapshotMs).
    void playStarted();
    bool isTrackingLive() const;
    static constexpr int kTrackSnapshotMs = 100;
    bool liveReady() const;
    bool frameRouted(int frame) const;
    void requestLiveFrames(int from);

    // The task input's choice (0 when the model has none). Changing it
    // drops the routing of the previous task and computes it again.
    int chosenTask() const { return m_chosenTask; }
    void chooseTask(int task);
    QStringList taskChoices() const;
    const QMap<int, std::vector<routing::LayerRouting>> &taskGates() const { return m_taskGates; }
    void startTaskSweep();

    const AnalysisResult &result() const { return m_result; }
    int resultTask() const { return m_resultTask; }
    // Shows another result (a gallery query's own forward pass).
    void setResult(const AnalysisResult &result);
    void clearResult();
    // A result without its model region (a reopened run) gets the one the
    // plugin gives the image shown.
    void fillModelRegion();
    // The document opened another image (or plane): its routing starts empty.
    void imageChanged();
    // Loads a stored run as the result. Returns the run's image path and
    // content hash in `imagePath` / `imageSha256`; false with an error shown.
    bool loadStoredRun(qint64 runId, QString *imagePath, QByteArray *imageSha256);

Q_SIGNALS:
    void modelReady(const moescope::LoadedModel &model);
    void modelRefused(const QString &message);
    void busyChanged(bool busy, const QString &what);
    void progress(int done, int total);
    // A Run went to the worker, with the plugin whose run it is.
    void runStarted(const QString &pluginId);
    void resultChanged();
    // A tiled run still going: result() holds its state so far (not stored).
    void partialResultChanged(int done, int total);
    // The routing shown was dropped (another task chosen): show the frame without.
    void routingCleared();
    void stepsRouted(int first, int last);
    void taskGatesUpdated();
    void runStored(const moescope::store::RunRecord &run);
    void errorOccurred(const QString &message);
    void statusMessage(const QString &message, int timeoutMs);
    void playbackStopRequested();

private:
    enum class Purpose { Run, Live, TaskSweep };
    AnalysisRequest newRequest(Purpose purpose, int first, int last, int task);
    bool resultMatchesSelection() const;
    void startAnalysis();
    void onFinished(const AnalysisResult &result);
    void onPartial(const SharedPartial &partial);
    void mergeLive(const AnalysisResult &result);
    void store(AnalysisResult *result, const SceneDescription &image);
    TaskPlugin *plugin(QString *warning = nullptr);

    Workspace *m_workspace;
    ImageDocument *m_document;
    ModelSession *m_session;
    QString m_selectedPath;
    bool m_loadPending = false;          // a load of m_selectedPath is on its way
    std::vector<float> m_nextExpertMask; // the next run's (runWithExpertsOff), then cleared
    QString m_device = QStringLiteral("auto");
    int m_frame = 0;
    int m_chosenTask = 0;
    bool m_runAfterLoad = false;
    QSharedPointer<const ImageStack> m_runImage; // what the Run in flight analyses
    QSharedPointer<const SceneSource> m_runSource;
    AnalysisResult m_result;
    int m_resultTask = 0; // the task choice m_result was computed with
    QHash<quint64, Purpose> m_requests;
    int m_snapshotIntervalMs = 1000;
    int m_trackSnapshotMs = kTrackSnapshotMs;
    quint64 m_lastRequestId = 0;
    QVariantMap m_sceneOptions;
    bool m_liveInFlight = false;
    bool m_trackLive = false; // the Run in flight is a tracker the player follows
    int m_liveFirst = -1, m_liveLast = -1;
    bool m_sweepInFlight = false;
    QMap<int, std::vector<routing::LayerRouting>> m_taskGates;
};

} // namespace moescope
