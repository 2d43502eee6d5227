#pragma once
// One loaded model on its own thread. Requests come in and results go out as
// values over queued signals; cancellation is an atomic flag the worker
// checks between steps. Use it through ModelSession, which owns the thread.

#include "analysis.h"
#include "retrieval.h"

#include <QObject>

#include <atomic>
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

class InferenceWorker : public QObject
{
    Q_OBJECT
public:
    explicit InferenceWorker(QObject *parent = nullptr);
    ~InferenceWorker() override;

    // Thread-safe: may be called from any thread while a request runs.
    void requestCancel() { m_cancel.store(true); }

public Q_SLOTS:
    void loadModel(const QString &path, const QString &device);
    // `plugin` outlives the worker (the registry owns it) and is used
    // read-only, from this thread only while the request runs.
    void analyze(const moescope::AnalysisRequest &request, moescope::TaskPlugin *plugin);
    // Galleries (retrieval.h). The worker opens its own connection to
    // `dbPath` (Qt Sql connections belong to one thread) and keeps the last
    // gallery it searched in memory until the gallery changes.
    void indexGallery(const moescope::IndexRequest &request, const QString &dbPath,
                      moescope::TaskPlugin *plugin);
    void queryGallery(const moescope::QueryRequest &request, const QString &dbPath,
                      const QString &galleryName, moescope::TaskPlugin *plugin);

Q_SIGNALS:
    void modelLoaded(const moescope::LoadedModel &model);
    void modelFailed(const QString &message);
    void progress(int done, int total);
    void finished(const moescope::AnalysisResult &result);
    void failed(const QString &message);
    void indexProgress(int done, int total, const QString &current);
    // `ok` false: `message` says why the run stopped; the report holds what
    // was done before (whole files only).
    void indexFinished(bool ok, const QString &message, const moescope::IndexReport &report);
    void queryFinished(const moescope::QueryResult &result);
    void queryFailed(const QString &message);

private:
    std::unique_ptr<model::Engine> m_engine;
    QString m_sha256;
    std::atomic_bool m_cancel{false};
    bool openDatabase(const QString &path, QString *error);
    std::unique_ptr<store::Database> m_db;
    std::optional<LoadedGallery> m_gallery;
};

} // namespace moescope

Q_DECLARE_METATYPE(moescope::LoadedModel)
