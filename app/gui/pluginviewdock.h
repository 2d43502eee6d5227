#pragma once
// A dock for the view a plugin adds through TaskPluginGui: shown while a
// result of that plugin is on screen, hidden otherwise.

#include <QDockWidget>
#include <QHash>
#include <QJsonObject>

namespace moescope {
class PluginRegistry;
struct AnalysisResult;
} // namespace moescope

namespace moescope::gui {

class TaskPluginGui;

class PluginViewDock : public QDockWidget
{
    Q_OBJECT
public:
    PluginViewDock(PluginRegistry *plugins, QWidget *parent = nullptr);

    // The view of `result`'s plugin at `frame`, or hidden when it has none.
    void follow(const AnalysisResult &result, int frame);
    // Shows the view of `pluginId`'s runs (as it was) when a run of it
    // starts: the window's relayout for the dock happens at the click, not
    // when the result arrives.
    void showFor(const QString &pluginId);
    QWidget *currentView() const { return widget(); }

private:
    QWidget *viewOf(const QString &pluginId, TaskPluginGui *gui);

    PluginRegistry *m_plugins;
    QHash<QString, QWidget *> m_views; // by plugin id
};

} // namespace moescope::gui
