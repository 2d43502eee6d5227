#include "ablationcontroller.h"

#include "image/scenesource.h"
#include "imagedocument.h"
#include "plugin/pluginregistry.h"
#include "runcontroller.h"
#include "workspace.h"

namespace moescope {

AblationController::AblationController(Workspace *workspace, ImageDocument *document,
                                       RunController *runs, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_document(document), m_runs(runs)
{
    ModelSession *session = workspace->session();
    connect(session, &ModelSession::ablationFinished, this, [this](const AblationResult &r) {
        m_jobId = 0;
        m_result = r;
        Q_EMIT finished(m_result);
    });
    connect(session, &ModelSession::ablationFailed, this, [this](const QString &message) {
        m_jobId = 0;
        Q_EMIT failed(message);
    });
    connect(session, &ModelSession::progress, this, [this](int done, int total) {
        if (m_jobId != 0)
            Q_EMIT progress(done, total);
    });
}

bool AblationController::canAblate() const
{
    const ModelSession *session = m_workspace->session();
    return session->hasModel() && session->model().contract.takesExpertMask();
}

bool AblationController::ablate(int frame, int layer, bool keepOnly, bool deletion)
{
    ModelSession *session = m_workspace->session();
    if (m_jobId != 0) {
        Q_EMIT failed(tr("An ablation is still running; cancel it first"));
        return false;
    }
    if (!session->hasModel() || !m_document->image()) {
        Q_EMIT failed(tr("Open an image and load a model first"));
        return false;
    }
    if (!canAblate()) {
        Q_EMIT failed(tr("Model %1 takes no expert_mask input, so its experts cannot be switched "
                         "off")
                          .arg(session->model().name));
        return false;
    }
    AblationRequest request;
    request.source = m_document->openedByPlugin()
                         ? m_document->source()
                         : QSharedPointer<const SceneSource>(
                               QSharedPointer<const ImageStackSource>::create(m_document->image()));
    request.step = std::max(0, frame);
    request.layer = layer;
    request.keepOnly = keepOnly;
    request.deletion = deletion;
    request.options.extra = m_runs->sceneOptions();
    if (const model::InputSpec *input = session->model().contract.taskInput())
        request.options.indexChoices[input->name] = m_runs->chosenTask();
    TaskPlugin *plugin = m_workspace->plugins().pluginForTask(session->model().task);
    m_jobId = session->ablate(request, plugin);
    Q_EMIT started();
    return true;
}

void AblationController::cancel()
{
    if (m_jobId != 0)
        m_workspace->session()->cancel(m_jobId);
}

} // namespace moescope
