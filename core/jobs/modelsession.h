#pragma once
// Owns one InferenceWorker on its own QThread, lives on the main thread. The
// window talks to a model only through this: load(), analyze(), cancel().
// Destroying the session cancels the run in flight and joins the thread.

#include "inferenceworker.h"

#include <QObject>
#include <QThread>

namespace moescope {

class ModelSession : public QObject
{
    Q_OBJECT
public:
    explicit ModelSession(QObject *parent = nullptr);
    ~ModelSession() override;

    void load(const QString &path, const QString &device);
    void analyze(const AnalysisRequest &request, TaskPlugin *plugin);
    void indexGallery(const IndexRequest &request, const QString &dbPath, TaskPlugin *plugin);
    void queryGallery(const QueryRequest &request, const QString &dbPath,
                      const QString &galleryName, TaskPlugin *plugin);
    void cancel();

    bool isBusy() const { return m_busy; }
    bool hasModel() const { return m_loaded; }
    const LoadedModel &model() const { return m_model; }

Q_SIGNALS:
    void modelLoaded(const moescope::LoadedModel &model);
    void modelFailed(const QString &message);
    void progress(int done, int total);
    void finished(const moescope::AnalysisResult &result);
    void failed(const QString &message);
    void busyChanged(bool busy);
    void indexProgress(int done, int total, const QString &current);
    void indexFinished(bool ok, const QString &message, const moescope::IndexReport &report);
    void queryFinished(const moescope::QueryResult &result);
    void queryFailed(const QString &message);

    // Internal: carry requests to the worker's thread.
    void loadRequested(const QString &path, const QString &device);
    void analyzeRequested(const moescope::AnalysisRequest &request, moescope::TaskPlugin *plugin);
    void indexRequested(const moescope::IndexRequest &request, const QString &dbPath,
                        moescope::TaskPlugin *plugin);
    void queryRequested(const moescope::QueryRequest &request, const QString &dbPath,
                        const QString &galleryName, moescope::TaskPlugin *plugin);

private:
    void setBusy(bool busy);

    QThread m_thread;
    InferenceWorker *m_worker = nullptr;
    LoadedModel m_model;
    bool m_loaded = false;
    bool m_busy = false;
};

} // namespace moescope
