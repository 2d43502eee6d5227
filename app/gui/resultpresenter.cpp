#include "resultpresenter.h"

#include "cineplayer.h"
#include "imagedocument.h"
#include "resultview.h"
#include "runcontroller.h"
#include "sceneview.h"

namespace moescope::gui {

ResultPresenter::ResultPresenter(RunController *runs, ImageDocument *document, ResultView *view,
                                 QObject *parent)
    : QObject(parent), m_runs(runs), m_document(document), m_view(view)
{
    CinePlayer *player = view->player();
    view->setDocument(document);
    view->setResult(&runs->result());
    // The player waits for frames being routed: a cine's a few frames
    // ahead, a tracker's as it tracks them.
    player->setFrameReady([runs](int frame) {
        return runs->isTrackingLive() ? runs->frameRouted(frame)
                                      : !runs->liveReady() || runs->frameRouted(frame);
    });
    connect(player, &CinePlayer::playingChanged, runs, [runs](bool playing) {
        if (playing)
            runs->playStarted();
    });
    connect(player, &CinePlayer::frameChanged, this, [this](int frame, bool byUser) {
        showFrame(frame);
        m_runs->setFrame(frame, byUser);
    });
    connect(player, &CinePlayer::waitingFor, runs, &RunController::requestLiveFrames);
    connect(runs, &RunController::resultChanged, this, &ResultPresenter::presentResult);
    connect(runs, &RunController::partialResultChanged, this, [this](int done, int total) {
        // The scene's labels and mosaic so far, where the user is looking.
        showFrame(m_view->player()->frame());
        Q_EMIT partialShown(done, total);
    });
    connect(runs, &RunController::routingCleared, this, [this] {
        showFrame(m_view->player()->frame());
        m_view->updateTimeChart();
    });
    connect(runs, &RunController::stepsRouted, this, [this](int first, int last) {
        const int frame = m_view->player()->frame();
        if (frame >= first && frame <= last)
            showFrame(frame);
        // A track growing ten times a second redraws its timeline once a
        // second (every point of every line is laid out again each time).
        const bool growing = m_runs->isTrackingLive() ||
                             m_runs->result().runSummary.value(QStringLiteral("running")).toBool();
        if (!growing || !m_timelineDrawn.isValid() || m_timelineDrawn.elapsed() >= 1000) {
            m_view->updateTimeChart();
            m_timelineDrawn.start();
        }
        Q_EMIT framesRouted(first, last);
    });
    connect(runs, &RunController::taskGatesUpdated, this, &ResultPresenter::updateTaskMatrix);
    connect(runs, &RunController::playbackStopRequested, player,
            [player] { player->setPlaying(false); });
}

void ResultPresenter::showFrame(int frame)
{
    m_runs->setPlayhead(frame);
    m_view->showFrame(frame);
}

void ResultPresenter::presentResult()
{
    const AnalysisResult &result = m_runs->result();
    m_runs->fillModelRegion();
    // A result opens at its first step, unless the player is playing
    // through it (a tracker followed live finished under the playhead).
    CinePlayer *player = m_view->player();
    const bool playingThrough = player->isPlaying() && !result.steps.isEmpty() &&
                                player->frame() >= result.steps.first().step &&
                                player->frame() <= result.steps.last().step;
    if (!playingThrough) {
        const QSignalBlocker blocker(player);
        player->setFrame(result.steps.isEmpty() ? 0 : result.steps.first().step);
    }
    showFrame(m_view->player()->frame());
    m_view->updateTimeChart();
    Q_EMIT resultShown(result.runId);
}

void ResultPresenter::resetFrames(int frame)
{
    const auto image = m_document->image();
    {
        const QSignalBlocker blocker(m_view->player());
        m_view->player()->setFrames(m_document->frameCount(), image ? image->frameTimeMs : 0);
        m_view->player()->setFrame(frame);
    }
    // Slices of a series or volume are drawn in their true proportions (a
    // coronal cut of thick slices is flat), and the wheel steps through them
    // (Ctrl+wheel zooms); other images are drawn as their pixels are, and the
    // wheel zooms.
    const bool stack = m_document->isStack();
    const PixelSpacing &sp = stack ? image->spacing : PixelSpacing();
    m_view->sceneView()->setPixelAspect(sp.known() ? sp.rowMm / sp.columnMm : 1.0);
    m_view->sceneView()->setWheelAction(stack && image->frameCount > 1
                                            ? SceneView::WheelAction::Steps
                                            : SceneView::WheelAction::Zoom);
}

void ResultPresenter::updateTaskMatrix()
{
    const ModelSession *session = m_runs->session();
    m_view->setTaskGates(session->hasModel() ? &session->model().contract : nullptr,
                         m_runs->taskGates(), m_runs->chosenTask(), m_view->player()->frame());
}

} // namespace moescope::gui
