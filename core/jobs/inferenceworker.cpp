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

bool InferenceWorker::openDatabase(const QString &path, QString *error)
{
    if (m_db && m_db->isOpen() && m_db->path() == path)
        return true;
    m_gallery.reset();
    m_db = std::make_unique<store::Database>();
    return m_db->open(path, error);
}

void InferenceWorker::indexGallery(const IndexRequest &request, const QString &dbPath,
                                   TaskPlugin *plugin)
{
    m_cancel.store(false);
    IndexReport report;
    QString error;
    if (!m_engine || !plugin) {
        Q_EMIT indexFinished(
            false, QCoreApplication::translate("moescope::InferenceWorker", "no model is loaded"),
            report);
        return;
    }
    if (!openDatabase(dbPath, &error)) {
        Q_EMIT indexFinished(false, error, report);
        return;
    }
    IndexRequest r = request;
    if (r.modelSha256.isEmpty())
        r.modelSha256 = m_sha256;
    const bool ok = moescope::indexGallery(
        *m_engine, *plugin, *m_db, r, &m_cancel,
        [this](int done, int total, const QString &current) {
            Q_EMIT indexProgress(done, total, current);
        },
        &report, &error);
    m_gallery.reset(); // it changed
    Q_EMIT indexFinished(ok, error, report);
}

void InferenceWorker::queryGallery(const QueryRequest &request, const QString &dbPath,
                                   const QString &galleryName, TaskPlugin *plugin)
{
    m_cancel.store(false);
    QString error;
    if (!m_engine || !plugin) {
        Q_EMIT queryFailed(
            QCoreApplication::translate("moescope::InferenceWorker", "no model is loaded"));
        return;
    }
    if (!openDatabase(dbPath, &error)) {
        Q_EMIT queryFailed(error);
        return;
    }
    // Reload when another gallery is asked for or this one changed size
    // (indexed from the CLI meanwhile, say).
    std::optional<store::GalleryInfo> info = m_db->findGallery(galleryName, &error);
    if (!info) {
        Q_EMIT queryFailed(error.isEmpty()
                               ? QCoreApplication::translate("moescope::InferenceWorker",
                                                             "there is no gallery \"%1\"")
                                     .arg(galleryName)
                               : error);
        return;
    }
    if (!m_gallery || m_gallery->info.id != info->id ||
        m_gallery->info.itemCount != info->itemCount) {
        m_gallery = loadGallery(*m_db, galleryName, &error);
        if (!m_gallery) {
            Q_EMIT queryFailed(error);
            return;
        }
    }
    m_gallery->info = *info; // the name may have changed
    if (!checkGalleryModel(m_gallery->info, m_sha256,
                           QString::fromStdString(m_engine->contract().name), 0, &error)) {
        Q_EMIT queryFailed(error);
        return;
    }
    QueryResult result;
    if (!moescope::queryGallery(*m_engine, *plugin, *m_db, *m_gallery, request, &result, &error)) {
        Q_EMIT queryFailed(error);
        return;
    }
    result.analysis.modelSha256 = m_sha256;
    Q_EMIT queryFinished(result);
}

} // namespace moescope
