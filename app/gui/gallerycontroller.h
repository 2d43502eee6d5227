#pragma once
// Ties the gallery dock to the rest of the window: the dock shows for a
// model whose plugin builds galleries, queries take the frame on screen (or
// a region dragged on it), and a query's own forward pass becomes the routing
// result shown.

#include <QObject>

class QDockWidget;
class QMainWindow;

namespace moescope {
class ImageDocument;
class RunController;
class Workspace;
} // namespace moescope

namespace moescope::gui {

class GalleryPanel;
class ResultView;

class GalleryController : public QObject
{
    Q_OBJECT
public:
    GalleryController(Workspace *workspace, ImageDocument *document, RunController *runs,
                      ResultView *view, GalleryPanel *panel, QDockWidget *dock,
                      QMainWindow *window);

    // Shows the dock for a Gallery-capable plugin's model, hides it otherwise.
    void followModel();

private:
    Workspace *m_workspace;
    GalleryPanel *m_panel;
    QDockWidget *m_dock;
    QMainWindow *m_window;
};

} // namespace moescope::gui
