#pragma once
// One model on a job queue of its own, living on the main thread. The window
// talks to a model only through this: load(), analyze(), indexGallery(),
// queryGallery(), cancel(). Each call is a Job (job.h) with its own cancel
// flag; results come back on the main thread as values through the signals
// below. Two sessions (two models) work at once, each on its own thread.
// Destroying the session cancels its jobs and joins its thread.

#include "ablation.h"
#include "analysis.h"
#include "job.h"
#include "retrieval.h"
#include "stability.h"
#include "storedrun.h"

#include <QObject>

#include <memory>

namespace moescope {

struct LoadedModel
{
    QString path;
    QString sha256;
    QString device;
    QString name;
    QString task;
    double loadMs = 0;
    double warmupMs = 0;
    model::ModelContract contract;
};

// Where a finished analysis is stored, by the job itself on the session's
// thread: a scene's mosaic took 60-80 ms to write, a stall when the window
// did it.
struct StoreTarget
{
    QString dbPath; // empty: not stored
    SceneDescription scene;
};

// A tiled run's state so far, handed over rather than copied (its mosaic is
// megabytes, and copying it twice a second stalled the window).
using SharedPartial = QSharedPointer<AnalysisResult>;

struct ModelContext; // what the session's thread owns: engine, database, gallery cache

class ModelSession : public QObject
{
    Q_OBJECT
public:
    explicit ModelSession(QObject *parent = nullptr);
    ~ModelSession() override;

    // Each returns the id of the job it queued.
    quint64 load(const QString &path, const QString &device);
    // `plugin` outlives the session (the registry owns it) and is used
    // read-only from the job's thread while the job runs.
    // With a `store` target the job also saves the result (runStored or
    // storeFailed, then finished with result.runId set).
    quint64 analyze(const AnalysisRequest &request, TaskPlugin *plugin,
                    const StoreTarget &store = {});
    // Galleries (retrieval.h). The session's thread opens its own connection
    // to `dbPath` (Qt Sql connections belong to one thread) and keeps the last
    // gallery it searched in memory until the gallery changes.
    quint64 indexGallery(const IndexRequest &request, const QString &dbPath, TaskPlugin *plugin);
    quint64 queryGallery(const QueryRequest &request, const QString &dbPath,
                         const QString &galleryName, TaskPlugin *plugin);
    // An expert-ablation sweep (ablation.h); progress(), then ablationFinished or probeFailed.
    quint64 ablate(const AblationRequest &request, TaskPlugin *plugin);
    // A routing-stability check (stability.h); progress(), then
    // stabilityFinished or probeFailed (a probe's failure).
    quint64 checkStability(const StabilityRequest &request, TaskPlugin *plugin);
    // Any job of this session: queued ones never run, the running one stops
    // at its next step. A job queued after this call is not touched.
    void cancel();
    bool cancel(quint64 jobId);

    bool isBusy() const { return m_queue->isBusy(); } // a job is queued or running
    int pendingJobs() const { return m_queue->pendingCount(); }
    bool hasModel() const { return m_loaded; }
    const LoadedModel &model() const { return m_model; }
    JobQueue *queue() const { return m_queue.get(); }

Q_SIGNALS:
    void modelLoaded(const moescope::LoadedModel &model);
    void modelFailed(const QString &message);
    void progress(int done, int total);
    // An analysis ended: done, or cancelled (result.cancelled, with the steps
    // run so far; none when it was cancelled before it started).
    void finished(const moescope::AnalysisResult &result);
    // A tiled run's state while it goes on (runAnalysis's snapshot). The
    // one receiver may take its contents (std::move).
    void partial(const moescope::SharedPartial &partial);
    // A stored analysis (StoreTarget), before its finished().
    void runStored(const moescope::store::RunRecord &run);
    void storeFailed(const QString &message);
    void failed(const QString &message);
    void busyChanged(bool busy);
    void indexProgress(int done, int total, const QString &current);
    // `ok` false: `message` says why the run stopped; the report holds what
    // was done before (whole files only).
    void indexFinished(bool ok, const QString &message, const moescope::IndexReport &report);
    void queryFinished(const moescope::QueryResult &result);
    void queryFailed(const QString &message);
    void ablationFinished(const moescope::AblationResult &result);
    void probeFailed(const QString &message);
    void stabilityFinished(const moescope::StabilityResult &result);

private:
    friend class LoadJob;
    quint64 submit(const QSharedPointer<Job> &job);

    std::shared_ptr<ModelContext> m_context;
    std::unique_ptr<JobQueue> m_queue;
    LoadedModel m_model;
    bool m_loaded = false;
};

} // namespace moescope

Q_DECLARE_METATYPE(moescope::LoadedModel)
Q_DECLARE_METATYPE(moescope::SharedPartial)
