#pragma once
// Presentation mode for demos (issue 13): full screen, the picture with one
// overlay and a caption in large type, nothing else. The arrow keys step
// through stored runs (left/right) and MoE layers (up/down); O changes the
// overlay (top-1 expert, entropy, none); Esc leaves. Each run is read from
// the store as it was made, nothing recomputed.

#include "routingpanel.h"

#include <QList>
#include <QWidget>

class QLabel;

namespace moescope {
class StoredRunDocument;
class Workspace;
} // namespace moescope

namespace moescope::gui {

class ResultView;

class PresentationWindow : public QWidget
{
    Q_OBJECT
public:
    // `runs` in the order the arrows step through; the overlay and layer to
    // start with (the main window's).
    PresentationWindow(Workspace *workspace, QList<qint64> runs, int layer,
                       RoutingPanel::OverlayMode mode, int expert, QWidget *parent = nullptr);
    ~PresentationWindow() override;

    // Shows runs()[index]; shown() follows once its picture is read.
    void showRun(int index);
    int runIndex() const { return m_index; }
    const QList<qint64> &runs() const { return m_runs; }
    qint64 shownRun() const;
    QString caption() const;
    ResultView *view() const { return m_view; }

Q_SIGNALS:
    void shown(qint64 runId);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void present();
    void updateCaption();

    StoredRunDocument *m_run = nullptr;
    QList<qint64> m_runs;
    int m_index = -1;
    int m_layer = 0;
    RoutingPanel::OverlayMode m_mode;
    int m_expert = 0;
    ResultView *m_view = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace moescope::gui
