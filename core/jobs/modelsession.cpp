#include "modelsession.h"

namespace moescope {

ModelSession::ModelSession(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<moescope::AnalysisRequest>();
    qRegisterMetaType<moescope::AnalysisResult>();
    qRegisterMetaType<moescope::LoadedModel>();
    qRegisterMetaType<moescope::IndexRequest>();
    qRegisterMetaType<moescope::IndexReport>();
    qRegisterMetaType<moescope::QueryRequest>();
    qRegisterMetaType<moescope::QueryResult>();

    m_worker = new InferenceWorker;
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("moescope-inference"));
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &ModelSession::loadRequested, m_worker, &InferenceWorker::loadModel);
    connect(this, &ModelSession::analyzeRequested, m_worker, &InferenceWorker::analyze);

    connect(m_worker, &InferenceWorker::modelLoaded, this, [this](const LoadedModel &m) {
        m_model = m;
        m_loaded = true;
        setBusy(false);
        Q_EMIT modelLoaded(m);
    });
    connect(m_worker, &InferenceWorker::modelFailed, this, [this](const QString &message) {
        m_loaded = false;
        setBusy(false);
        Q_EMIT modelFailed(message);
    });
    connect(m_worker, &InferenceWorker::progress, this, &ModelSession::progress);
    connect(this, &ModelSession::indexRequested, m_worker, &InferenceWorker::indexGallery);
    connect(this, &ModelSession::queryRequested, m_worker, &InferenceWorker::queryGallery);
    connect(m_worker, &InferenceWorker::indexProgress, this, &ModelSession::indexProgress);
    connect(m_worker, &InferenceWorker::indexFinished, this,
            [this](bool ok, const QString &message, const IndexReport &report) {
                setBusy(false);
                Q_EMIT indexFinished(ok, message, report);
            });
    connect(m_worker, &InferenceWorker::queryFinished, this, [this](const QueryResult &r) {
        setBusy(false);
        Q_EMIT queryFinished(r);
    });
    connect(m_worker, &InferenceWorker::queryFailed, this, [this](const QString &message) {
        setBusy(false);
        Q_EMIT queryFailed(message);
    });
    connect(m_worker, &InferenceWorker::finished, this, [this](const AnalysisResult &r) {
        setBusy(false);
        Q_EMIT finished(r);
    });
    connect(m_worker, &InferenceWorker::failed, this, [this](const QString &message) {
        setBusy(false);
        Q_EMIT failed(message);
    });
    m_thread.start();
}

ModelSession::~ModelSession()
{
    m_worker->requestCancel();
    m_thread.quit();
    m_thread.wait();
}

void ModelSession::load(const QString &path, const QString &device)
{
    m_loaded = false;
    setBusy(true);
    Q_EMIT loadRequested(path, device);
}

void ModelSession::analyze(const AnalysisRequest &request, TaskPlugin *plugin)
{
    setBusy(true);
    Q_EMIT analyzeRequested(request, plugin);
}

void ModelSession::indexGallery(const IndexRequest &request, const QString &dbPath,
                                TaskPlugin *plugin)
{
    setBusy(true);
    Q_EMIT indexRequested(request, dbPath, plugin);
}

void ModelSession::queryGallery(const QueryRequest &request, const QString &dbPath,
                                const QString &galleryName, TaskPlugin *plugin)
{
    setBusy(true);
    Q_EMIT queryRequested(request, dbPath, galleryName, plugin);
}

void ModelSession::cancel()
{
    m_worker->requestCancel();
}

void ModelSession::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace moescope
