#pragma once
// Probes of the loaded model on the picture shown, without widgets: expert
// ablation sweeps and routing-stability checks. Each request is built from
// the open document, the loaded model and the run options (task choice, a
// scene's settings) and sent to the model session's worker; the result or
// the reason it failed comes back as a value.

#include "jobs/ablation.h"
#include "jobs/stability.h"

#include <QObject>

namespace moescope {

class ImageDocument;
class RunController;
class Workspace;

class ProbeController : public QObject
{
    Q_OBJECT
public:
    ProbeController(Workspace *workspace, ImageDocument *document, RunController *runs,
                    QObject *parent = nullptr);

    // Whether the loaded model can have experts switched off (an expert_mask input).
    bool canAblate() const;
    // Sweeps `layer` (-1: every layer) of frame `frame`; false with
    // failed() when there is no model or picture, or a job is running.
    bool ablate(int frame, int layer, bool keepOnly, bool deletion);
    // Runs frame `frame` as it is and `passes` times perturbed (stability.h).
    bool checkStability(int frame, int passes, double noise, int shift);
    void cancel();
    bool isRunning() const { return m_jobId != 0; }
    enum class Probe { None, Ablation, Stability };
    // The probe started last (progress and failures are its).
    Probe lastProbe() const { return m_last; }
    const AblationResult &result() const { return m_result; }
    const StabilityResult &stabilityResult() const { return m_stability; }

Q_SIGNALS:
    void started();
    void progress(int done, int total);
    void finished(const moescope::AblationResult &result);
    void stabilityFinished(const moescope::StabilityResult &result);
    void failed(const QString &message);

private:
    // The picture shown and the run options as a probe's inputs; false with
    // failed() when a probe is running, or there is no model or picture.
    bool prepare(QSharedPointer<const SceneSource> *source, PrepareOptions *options,
                 TaskPlugin **plugin);

    Workspace *m_workspace;
    ImageDocument *m_document;
    RunController *m_runs;
    quint64 m_jobId = 0;
    Probe m_last = Probe::None;
    AblationResult m_result;
    StabilityResult m_stability;
};

} // namespace moescope
