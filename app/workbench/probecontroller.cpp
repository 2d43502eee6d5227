#include "probecontroller.h"

#include "image/scenesource.h"
#include "imagedocument.h"
#include "plugin/pluginregistry.h"
#include "runcontroller.h"
#include "workspace.h"

namespace moescope {

ProbeController::ProbeController(Workspace *workspace, ImageDocument *document, RunController *runs,
                                 QObject *parent)
    : QObject(parent), m_workspace(workspace), m_document(document), m_runs(runs)
{
    ModelSession *session = workspace->session();
    connect(session, &ModelSession::ablationFinished, this, [this](const AblationResult &r) {
        m_jobId = 0;
        m_result = r;
        Q_EMIT finished(m_result);
    });
    connect(session, &ModelSession::stabilityFinished, this, [this](const StabilityResult &r) {
        m_jobId = 0;
        m_stability = r;
        Q_EMIT stabilityFinished(m_stability);
    });
    connect(session, &ModelSession::probeFailed, this, [this](const QString &message) {
        m_jobId = 0;
        Q_EMIT failed(message);
    });
    connect(session, &ModelSession::progress, this, [this](int done, int total) {
        if (m_jobId != 0)
            Q_EMIT progress(done, total);
    });
}

bool ProbeController::canAblate() const
{
    const ModelSession *session = m_workspace->session();
    return session->hasModel() && session->model().contract.takesExpertMask();
}

bool ProbeController::prepare(QSharedPointer<const SceneSource> *source, PrepareOptions *options,
                              TaskPlugin **plugin)
{
    ModelSession *session = m_workspace->session();
    if (m_jobId != 0) {
        Q_EMIT failed(tr("A probe is still running; cancel it first"));
        return false;
    }
    if (!session->hasModel() || !m_document->image()) {
        Q_EMIT failed(tr("Open an image and load a model first"));
        return false;
    }
    *source = m_document->openedByPlugin()
                  ? m_document->source()
                  : QSharedPointer<const SceneSource>(
                        QSharedPointer<const ImageStackSource>::create(m_document->image()));
    options->extra = m_runs->sceneOptions();
    if (const model::InputSpec *input = session->model().contract.taskInput())
        options->indexChoices[input->name] = m_runs->chosenTask();
    *plugin = m_workspace->plugins().pluginForTask(session->model().task);
    return true;
}

bool ProbeController::ablate(int frame, int layer, bool keepOnly, bool deletion)
{
    AblationRequest request;
    TaskPlugin *plugin = nullptr;
    if (!prepare(&request.source, &request.options, &plugin))
        return false;
    if (!canAblate()) {
        Q_EMIT failed(tr("Model %1 takes no expert_mask input, so its experts cannot be switched "
                         "off")
                          .arg(m_workspace->session()->model().name));
        return false;
    }
    request.step = std::max(0, frame);
    request.layer = layer;
    request.keepOnly = keepOnly;
    request.deletion = deletion;
    m_last = Probe::Ablation;
    m_jobId = m_workspace->session()->ablate(request, plugin);
    Q_EMIT started();
    return true;
}

bool ProbeController::checkStability(int frame, int passes, double noise, int shift)
{
    StabilityRequest request;
    TaskPlugin *plugin = nullptr;
    if (!prepare(&request.source, &request.options, &plugin))
        return false;
    request.step = std::max(0, frame);
    request.passes = passes;
    request.noise = noise;
    request.shift = shift;
    m_last = Probe::Stability;
    m_jobId = m_workspace->session()->checkStability(request, plugin);
    Q_EMIT started();
    return true;
}

void ProbeController::cancel()
{
    if (m_jobId != 0)
        m_workspace->session()->cancel(m_jobId);
}

} // namespace moescope
