#pragma once
// One loaded model on its own thread. Requests come in and results go out as
// values over queued signals; cancellation is an atomic flag the worker
// checks between steps. Use it through ModelSession, which owns the thread.

#include "analysis.h"

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

Q_SIGNALS:
    void modelLoaded(const moescope::LoadedModel &model);
    void modelFailed(const QString &message);
    void progress(int done, int total);
    void finished(const moescope::AnalysisResult &result);
    void failed(const QString &message);

private:
    std::unique_ptr<model::Engine> m_engine;
    QString m_sha256;
    std::atomic_bool m_cancel{false};
};

} // namespace moescope

Q_DECLARE_METATYPE(moescope::LoadedModel)
