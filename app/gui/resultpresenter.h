#pragma once
// Keeps one ResultView in step with a RunController and its ImageDocument
// (the "Model → Qt" glue of the layering): the playhead drives live routing,
// new results and routed frames are shown, the task-gate matrix follows. A
// second view on a second controller gets a presenter of its own.

#include <QElapsedTimer>
#include <QObject>

namespace moescope {
class ImageDocument;
class RunController;
} // namespace moescope

namespace moescope::gui {

class ResultView;

class ResultPresenter : public QObject
{
    Q_OBJECT
public:
    ResultPresenter(RunController *runs, ImageDocument *document, ResultView *view,
                    QObject *parent = nullptr);

    // Draws `frame` with its routing, and tells the controller where the playhead is.
    void showFrame(int frame);
    // The controller's result from its first step: the playhead goes there.
    void presentResult();
    // The document's image (or plane) is new: the player gets its frames,
    // and `frame` is shown.
    void resetFrames(int frame);
    void updateTaskMatrix();

Q_SIGNALS:
    // A tiled run's state so far is on screen (not yet stored).
    void partialShown(int done, int total);
    void resultShown(qint64 runId);
    void framesRouted(int first, int last);

private:
    RunController *m_runs;
    ImageDocument *m_document;
    ResultView *m_view;
    QElapsedTimer m_timelineDrawn; // when a growing track's timeline was last drawn
};

} // namespace moescope::gui
