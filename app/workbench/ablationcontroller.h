#pragma once
// Expert-ablation sweeps on the picture shown, without widgets: the request
// built from the open document, the loaded model and the run options (task
// choice, a scene's settings), sent to the model session's worker; the
// result or the reason it failed comes back as a value.

#include "jobs/ablation.h"

#include <QObject>

namespace moescope {

class ImageDocument;
class RunController;
class Workspace;

class AblationController : public QObject
{
    Q_OBJECT
public:
    AblationController(Workspace *workspace, ImageDocument *document, RunController *runs,
                       QObject *parent = nullptr);

    // Whether the loaded model can have experts switched off (an expert_mask input).
    bool canAblate() const;
    // Sweeps `layer` (-1: every layer) of frame `frame`; false with
    // failed() when there is no model or picture, or a job is running.
    bool ablate(int frame, int layer, bool keepOnly, bool deletion);
    void cancel();
    bool isRunning() const { return m_jobId != 0; }
    const AblationResult &result() const { return m_result; }

Q_SIGNALS:
    void started();
    void progress(int done, int total);
    void finished(const moescope::AblationResult &result);
    void failed(const QString &message);

private:
    Workspace *m_workspace;
    ImageDocument *m_document;
    RunController *m_runs;
    quint64 m_jobId = 0;
    AblationResult m_result;
};

} // namespace moescope
