#include "gallerycontroller.h"

#include "cineplayer.h"
#include "gallerypanel.h"
#include "imagedocument.h"
#include "resultview.h"
#include "runcontroller.h"
#include "sceneview.h"
#include "workspace.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QStatusBar>

namespace moescope::gui {

GalleryController::GalleryController(Workspace *workspace, ImageDocument *document,
                                     RunController *runs, ResultView *view, GalleryPanel *panel,
                                     QDockWidget *dock, QMainWindow *window)
    : QObject(window), m_workspace(workspace), m_panel(panel), m_dock(dock), m_window(window)
{
    SceneView *scene = view->sceneView();
    connect(scene, &SceneView::regionSelected, panel, [panel](const QRect &region) {
        if (panel->isRegionMode())
            panel->queryRegion(region);
    });
    connect(panel, &GalleryPanel::regionModeChanged, scene, &SceneView::setRegionSelection);
    connect(panel, &GalleryPanel::statusMessage, window,
            [window](const QString &message, int timeoutMs) {
                window->statusBar()->showMessage(message, timeoutMs);
            });
    connect(panel, &GalleryPanel::queryShown, this, [panel, document, runs] {
        // The query's own forward pass is a routing result of the image on screen: show it
        // (over the drawn region for a region query) unless another image was opened since.
        const QueryResult &query = panel->lastResult();
        if (panel->queryImage().image != document->image() || query.analysis.steps.isEmpty())
            return;
        AnalysisResult result = query.analysis;
        if (query.region.isValid())
            result.modelRegion = query.region;
        runs->setResult(result);
    });
    panel->setQuerySource([document, view] {
        // The stack on screen (the plane shown) and its frame, drawn as the view draws it.
        GalleryPanel::QueryImage q;
        q.image = document->image();
        q.frame = view->player()->frame();
        q.window = document->window();
        q.pixelAspect = view->sceneView()->pixelAspect();
        return q;
    });
}

void GalleryController::followModel()
{
    ModelSession *session = m_workspace->session();
    TaskPlugin *plugin =
        session->hasModel() ? m_workspace->plugins().pluginForTask(session->model().task) : nullptr;
    const bool gallery = plugin && plugin->capabilities().testFlag(TaskCapability::Gallery);
    m_panel->setModel(session->hasModel() ? session->model() : LoadedModel(),
                      gallery ? plugin : nullptr);
    const bool wasVisible = m_dock->isVisible();
    m_dock->setVisible(gallery);
    if (gallery && !wasVisible) {
        // Room for the hit strip and the two heatmap views side by side.
        m_window->resizeDocks({m_dock}, {std::max(460, m_window->width() / 3)}, Qt::Horizontal);
        m_dock->raise();
    }
}

} // namespace moescope::gui
