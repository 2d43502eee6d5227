#include "inferenceworker.h"

#include <QCoreApplication>

namespace moescope {

InferenceWorker::InferenceWorker(QObject *parent) : QObject(parent) {}
InferenceWorker::~InferenceWorker() = default;

void InferenceWorker::loadModel(const QString &path, const QString &device)
{
    model::DevicePreference preference;
    if (!model::parseDevicePreference(device.toStdString(), &preference)) {
        Q_EMIT modelFailed(QCoreApplication::translate("moescope::InferenceWorker",
                                                       "unknown device \"%1\" (auto, cpu or cuda)")
                               .arg(device));
        return;
    }
    m_engine.reset();
    std::string error;
    std::unique_ptr<model::Engine> engine =
        model::Engine::load(path.toStdString(), preference, &error);
    if (!engine) {
        Q_EMIT modelFailed(QString::fromStdString(error));
        return;
    }
    QString why;
    const QString sha = sha256OfFile(path, &why);
    if (sha.isEmpty()) {
        Q_EMIT modelFailed(why);
        return;
    }
    LoadedModel info;
    info.path = path;
    info.sha256 = sha;
    info.device = QString::fromStdString(engine->deviceName());
    info.name = QString::fromStdString(engine->contract().name);
    info.task = QString::fromStdString(engine->contract().task);
    info.loadMs = engine->loadMs();
    info.warmupMs = engine->warmupMs();
    info.contract = engine->contract();
    m_engine = std::move(engine);
    m_sha256 = sha;
    Q_EMIT modelLoaded(info);
}

void InferenceWorker::analyze(const AnalysisRequest &request, TaskPlugin *plugin)
{
    m_cancel.store(false);
    if (!m_engine || !plugin) {
        Q_EMIT failed(
            QCoreApplication::translate("moescope::InferenceWorker", "no model is loaded"));
        return;
    }
    AnalysisResult result;
    QString error;
    const bool ok = runAnalysis(
        *m_engine, *plugin, request, &m_cancel,
        [this](int done, int total) { Q_EMIT progress(done, total); }, &result, &error);
    if (!ok) {
        Q_EMIT failed(error);
        return;
    }
    result.modelSha256 = m_sha256;
    Q_EMIT finished(result);
}

} // namespace moescope
