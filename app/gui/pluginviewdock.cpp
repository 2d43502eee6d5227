#include "pluginviewdock.h"

#include "jobs/analysis.h"
#include "plugin/pluginregistry.h"
#include "taskplugingui.h"

namespace moescope::gui {

PluginViewDock::PluginViewDock(PluginRegistry *plugins, QWidget *parent)
    : QDockWidget(parent), m_plugins(plugins)
{
    setObjectName(QStringLiteral("pluginViewDock"));
    setVisible(false);
}

void PluginViewDock::follow(const AnalysisResult &result, int frame)
{
    auto *gui = result.pluginId.isEmpty()
                    ? nullptr
                    : qobject_cast<TaskPluginGui *>(m_plugins->pluginObject(result.pluginId));
    if (!gui) {
        setVisible(false);
        return;
    }
    gui->showRun(viewOf(result.pluginId, gui), result.runSummary, frame);
    setVisible(true);
}

void PluginViewDock::showFor(const QString &pluginId)
{
    auto *gui = pluginId.isEmpty()
                    ? nullptr
                    : qobject_cast<TaskPluginGui *>(m_plugins->pluginObject(pluginId));
    if (!gui)
        return;
    viewOf(pluginId, gui);
    setVisible(true);
}

QWidget *PluginViewDock::viewOf(const QString &pluginId, TaskPluginGui *gui)
{
    QWidget *&view = m_views[pluginId];
    if (!view)
        view = gui->createRunView(this);
    if (widget() != view) {
        if (widget())
            widget()->setParent(this); // keep it; setWidget would not delete it
        setWidget(view);
    }
    setWindowTitle(gui->runViewTitle());
    return view;
}

} // namespace moescope::gui
