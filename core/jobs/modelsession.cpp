#include "modelsession.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QPointer>

namespace moescope {

namespace {

// The translation context lupdate sees (and the one used at run time).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::ModelSession)
};

} // namespace

// Touched only on the session's job thread (jobs run one at a time there).
struct ModelContext
{
    std::unique_ptr<model::Engine> engine;
    QString sha256;
    std::unique_ptr<store::Database> db;
    std::optional<LoadedGallery> gallery;

    bool openDatabase(const QString &path, QString *error)
    {
        if (db && db->isOpen() && db->path() == path)
            return true;
        gallery.reset();
        db = std::make_unique<store::Database>();
        return db->open(path, error);
    }
};

class LoadJob final : public Job
{
public:
    LoadJob(ModelSession *session, std::shared_ptr<ModelContext> context, QString path,
            QString device)
        : Job(Tr::tr("Load %1").arg(path)), m_session(session), m_context(std::move(context)),
          m_path(std::move(path)), m_device(std::move(device))
    {
    }

protected:
    bool run(JobFeedback &, QString *error) override
    {
        model::DevicePreference preference;
        if (!model::parseDevicePreference(m_device.toStdString(), &preference)) {
            *error = Tr::tr("unknown device \"%1\" (auto, cpu or cuda)").arg(m_device);
            return false;
        }
        m_context->engine.reset();
        std::string why;
        std::unique_ptr<model::Engine> engine =
            model::Engine::load(m_path.toStdString(), preference, &why);
        if (!engine) {
            *error = QString::fromStdString(why);
            return false;
        }
        const QString sha = sha256OfFile(m_path, error);
        if (sha.isEmpty())
            return false;
        m_info.path = m_path;
        m_info.sha256 = sha;
        m_info.device = QString::fromStdString(engine->deviceName());
        m_info.name = QString::fromStdString(engine->contract().name);
        m_info.task = QString::fromStdString(engine->contract().task);
        m_info.loadMs = engine->loadMs();
        m_info.warmupMs = engine->warmupMs();
        m_info.contract = engine->contract();
        m_context->engine = std::move(engine);
        m_context->sha256 = sha;
        return true;
    }

    void finished(JobState state, const QString &error, bool) override
    {
        if (!m_session)
            return;
        if (state == JobState::Finished) {
            m_session->m_model = m_info;
            m_session->m_loaded = true;
            Q_EMIT m_session->modelLoaded(m_info);
        } else {
            m_session->m_loaded = false;
            Q_EMIT m_session->modelFailed(state == JobState::Cancelled
                                              ? Tr::tr("%1: loading was cancelled").arg(m_path)
                                              : error);
        }
    }

private:
    QPointer<ModelSession> m_session;
    std::shared_ptr<ModelContext> m_context;
    QString m_path, m_device;
    LoadedModel m_info;
};

namespace {

class AnalysisJob final : public Job
{
public:
    AnalysisJob(ModelSession *session, std::shared_ptr<ModelContext> context,
                AnalysisRequest request, TaskPlugin *plugin, StoreTarget store)
        : Job(Tr::tr("Analyse")), m_session(session), m_context(std::move(context)),
          m_request(std::move(request)), m_plugin(plugin), m_store(std::move(store))
    {
        connect(this, &Job::progressChanged, session,
                [session](int done, int total) { Q_EMIT session->progress(done, total); });
        connect(this, &Job::partialResult, session, [session](const QVariant &partial) {
            Q_EMIT session->partial(partial.value<SharedPartial>());
        });
    }

protected:
    bool run(JobFeedback &feedback, QString *error) override
    {
        if (!m_context->engine || !m_plugin) {
            *error = Tr::tr("no model is loaded");
            return false;
        }
        const bool ok = runAnalysis(
            *m_context->engine, *m_plugin, m_request, feedback.cancelFlag(),
            [&feedback](int done, int total) { feedback.setProgress(done, total); }, &m_result,
            error,
            [&feedback](AnalysisResult &&partial) {
                feedback.setPartial(QVariant::fromValue(SharedPartial::create(std::move(partial))));
            });
        m_result.modelSha256 = m_context->sha256;
        if (ok && !m_store.dbPath.isEmpty() && !m_result.steps.isEmpty())
            store();
        return ok;
    }

    // A failure to store is reported, the result still shown.
    void store()
    {
        QString error;
        if (!m_context->openDatabase(m_store.dbPath, &error) ||
            !storeAnalysis(*m_context->db, &m_result, m_store.scene, m_context->engine->contract(),
                           m_request.expertMask, &error)) {
            m_storeError = error;
            return;
        }
        m_record = m_context->db->loadRun(m_result.runId, nullptr, &error);
    }

    void finished(JobState state, const QString &error, bool ran) override
    {
        if (!m_session)
            return;
        if (state == JobState::Failed) {
            Q_EMIT m_session->failed(error);
            return;
        }
        if (!ran) { // cancelled while queued: an empty, cancelled result
            m_result.requestId = m_request.requestId;
            m_result.cancelled = true;
        }
        if (!m_storeError.isEmpty())
            Q_EMIT m_session->storeFailed(m_storeError);
        else if (m_record)
            Q_EMIT m_session->runStored(*m_record);
        Q_EMIT m_session->finished(m_result);
    }

private:
    QPointer<ModelSession> m_session;
    std::shared_ptr<ModelContext> m_context;
    AnalysisRequest m_request;
    TaskPlugin *m_plugin;
    StoreTarget m_store;
    AnalysisResult m_result;
    QString m_storeError;
    std::optional<store::RunRecord> m_record;
};

// An ablation sweep or a stability check: `Probe` runs it on the job's
// thread; the session reports it with `Done` (a probe's failure or
// cancellation as probeFailed).
template <typename Request, typename Result,
          bool (*Probe)(model::Engine &, const TaskPlugin &, const Request &,
                        const std::atomic_bool *, const ProgressCallback &, Result *, QString *),
          void (ModelSession::*Done)(const Result &)>
class ProbeJob final : public Job
{
public:
    ProbeJob(ModelSession *session, std::shared_ptr<ModelContext> context, Request request,
             TaskPlugin *plugin)
        : Job(Tr::tr("Probe")), m_session(session), m_context(std::move(context)),
          m_request(std::move(request)), m_plugin(plugin)
    {
        connect(this, &Job::progressChanged, session,
                [session](int done, int total) { Q_EMIT session->progress(done, total); });
    }

protected:
    bool run(JobFeedback &feedback, QString *error) override
    {
        if (!m_context->engine || !m_plugin) {
            *error = Tr::tr("no model is loaded");
            return false;
        }
        const bool ok = Probe(
            *m_context->engine, *m_plugin, m_request, feedback.cancelFlag(),
            [&feedback](int done, int total) { feedback.setProgress(done, total); }, &m_result,
            error);
        return ok || feedback.isCancelled(); // cancelled: finished() says so
    }

    void finished(JobState state, const QString &error, bool) override
    {
        if (!m_session)
            return;
        if (state == JobState::Finished)
            Q_EMIT(m_session->*Done)(m_result);
        else
            Q_EMIT m_session->probeFailed(
                state == JobState::Cancelled ? Tr::tr("The probe was cancelled") : error);
    }

private:
    QPointer<ModelSession> m_session;
    std::shared_ptr<ModelContext> m_context;
    Request m_request;
    TaskPlugin *m_plugin;
    Result m_result;
};

using AblationJob =
    ProbeJob<AblationRequest, AblationResult, runAblation, &ModelSession::ablationFinished>;
using StabilityJob =
    ProbeJob<StabilityRequest, StabilityResult, runStability, &ModelSession::stabilityFinished>;

class IndexJob final : public Job
{
public:
    IndexJob(ModelSession *session, std::shared_ptr<ModelContext> context, IndexRequest request,
             QString dbPath, TaskPlugin *plugin)
        : Job(Tr::tr("Index into %1").arg(request.galleryName)), m_session(session),
          m_context(std::move(context)), m_request(std::move(request)), m_dbPath(std::move(dbPath)),
          m_plugin(plugin)
    {
        connect(this, &Job::progressChanged, session,
                [session](int done, int total, const QString &current) {
                    Q_EMIT session->indexProgress(done, total, current);
                });
    }

protected:
    bool run(JobFeedback &feedback, QString *error) override
    {
        if (!m_context->engine || !m_plugin) {
            *error = Tr::tr("no model is loaded");
            return false;
        }
        if (!m_context->openDatabase(m_dbPath, error))
            return false;
        if (m_request.modelSha256.isEmpty())
            m_request.modelSha256 = m_context->sha256;
        const bool ok = moescope::indexGallery(
            *m_context->engine, *m_plugin, *m_context->db, m_request, feedback.cancelFlag(),
            [&feedback](int done, int total, const QString &current) {
                feedback.setProgress(done, total, current);
            },
            &m_report, error);
        m_context->gallery.reset(); // it changed
        return ok;
    }

    void finished(JobState state, const QString &error, bool ran) override
    {
        if (!m_session)
            return;
        if (!ran) {
            Q_EMIT m_session->indexFinished(
                false, Tr::tr("indexing was cancelled before it started"), m_report);
            return;
        }
        Q_EMIT m_session->indexFinished(state != JobState::Failed, error, m_report);
    }

private:
    QPointer<ModelSession> m_session;
    std::shared_ptr<ModelContext> m_context;
    IndexRequest m_request;
    QString m_dbPath;
    TaskPlugin *m_plugin;
    IndexReport m_report;
};

class QueryJob final : public Job
{
public:
    QueryJob(ModelSession *session, std::shared_ptr<ModelContext> context, QueryRequest request,
             QString dbPath, QString galleryName, TaskPlugin *plugin)
        : Job(Tr::tr("Query %1").arg(galleryName)), m_session(session),
          m_context(std::move(context)), m_request(std::move(request)), m_dbPath(std::move(dbPath)),
          m_galleryName(std::move(galleryName)), m_plugin(plugin)
    {
    }

protected:
    bool run(JobFeedback &feedback, QString *error) override
    {
        ModelContext &c = *m_context;
        if (!c.engine || !m_plugin) {
            *error = Tr::tr("no model is loaded");
            return false;
        }
        if (!c.openDatabase(m_dbPath, error))
            return false;
        // Reload when another gallery is asked for or this one changed size
        // (indexed from the CLI meanwhile, say).
        std::optional<store::GalleryInfo> info = c.db->findGallery(m_galleryName, error);
        if (!info) {
            if (error->isEmpty())
                *error = Tr::tr("there is no gallery \"%1\"").arg(m_galleryName);
            return false;
        }
        if (!c.gallery || c.gallery->info.id != info->id ||
            c.gallery->info.itemCount != info->itemCount) {
            c.gallery = loadGallery(*c.db, m_galleryName, error);
            if (!c.gallery)
                return false;
        }
        c.gallery->info = *info; // the name may have changed
        if (!checkGalleryModel(c.gallery->info, c.sha256,
                               QString::fromStdString(c.engine->contract().name), 0, error))
            return false;
        if (feedback.isCancelled())
            return true;
        if (!moescope::queryGallery(*c.engine, *m_plugin, *c.db, *c.gallery, m_request, &m_result,
                                    error))
            return false;
        m_result.analysis.modelSha256 = c.sha256;
        return true;
    }

    void finished(JobState state, const QString &error, bool) override
    {
        if (!m_session)
            return;
        if (state == JobState::Finished)
            Q_EMIT m_session->queryFinished(m_result);
        else
            Q_EMIT m_session->queryFailed(state == JobState::Cancelled ? Tr::tr("query cancelled")
                                                                       : error);
    }

private:
    QPointer<ModelSession> m_session;
    std::shared_ptr<ModelContext> m_context;
    QueryRequest m_request;
    QString m_dbPath, m_galleryName;
    TaskPlugin *m_plugin;
    QueryResult m_result;
};

} // namespace

ModelSession::ModelSession(QObject *parent)
    : QObject(parent), m_context(std::make_shared<ModelContext>()),
      m_queue(std::make_unique<JobQueue>(QStringLiteral("moescope-inference")))
{
    qRegisterMetaType<moescope::AnalysisRequest>();
    qRegisterMetaType<moescope::AnalysisResult>();
    qRegisterMetaType<moescope::LoadedModel>();
    qRegisterMetaType<moescope::SharedPartial>();
    qRegisterMetaType<moescope::IndexRequest>();
    qRegisterMetaType<moescope::IndexReport>();
    qRegisterMetaType<moescope::QueryRequest>();
    qRegisterMetaType<moescope::QueryResult>();
    qRegisterMetaType<moescope::AblationResult>();
    qRegisterMetaType<moescope::StabilityResult>();
    // The engine and the database connection go on the thread that used them.
    std::shared_ptr<ModelContext> context = m_context;
    m_queue->setThreadCleanup([context] {
        context->gallery.reset();
        context->db.reset();
        context->engine.reset();
    });
    connect(m_queue.get(), &JobQueue::busyChanged, this, &ModelSession::busyChanged);
}

ModelSession::~ModelSession()
{
    m_queue.reset(); // cancels, waits for the running job, joins the thread
}

quint64 ModelSession::submit(const QSharedPointer<Job> &job)
{
    m_queue->enqueue(job);
    return job->id();
}

quint64 ModelSession::load(const QString &path, const QString &device)
{
    m_loaded = false;
    return submit(QSharedPointer<LoadJob>::create(this, m_context, path, device));
}

quint64 ModelSession::analyze(const AnalysisRequest &request, TaskPlugin *plugin,
                              const StoreTarget &store)
{
    return submit(QSharedPointer<AnalysisJob>::create(this, m_context, request, plugin, store));
}

quint64 ModelSession::ablate(const AblationRequest &request, TaskPlugin *plugin)
{
    return submit(QSharedPointer<AblationJob>::create(this, m_context, request, plugin));
}

quint64 ModelSession::checkStability(const StabilityRequest &request, TaskPlugin *plugin)
{
    return submit(QSharedPointer<StabilityJob>::create(this, m_context, request, plugin));
}

quint64 ModelSession::indexGallery(const IndexRequest &request, const QString &dbPath,
                                   TaskPlugin *plugin)
{
    return submit(QSharedPointer<IndexJob>::create(this, m_context, request, dbPath, plugin));
}

quint64 ModelSession::queryGallery(const QueryRequest &request, const QString &dbPath,
                                   const QString &galleryName, TaskPlugin *plugin)
{
    return submit(
        QSharedPointer<QueryJob>::create(this, m_context, request, dbPath, galleryName, plugin));
}

void ModelSession::cancel()
{
    m_queue->cancelAll();
}

bool ModelSession::cancel(quint64 jobId)
{
    return m_queue->cancel(jobId);
}

} // namespace moescope
