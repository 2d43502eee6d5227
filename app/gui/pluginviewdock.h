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

class PluginViewDock : public QDockWidget
{
    Q_OBJECT
public:
    PluginViewDock(PluginRegistry *plugins, QWidget *parent = nullptr);

    // The view of `result`'s plugin at `frame`, or hidden when it has none.
    void follow(const AnalysisResult &result, int frame);
    QWidget *currentView() const { return widget(); }

private:
    PluginRegistry *m_plugins;
    QHash<QString, QWidget *> m_views; // by plugin id
};

} // namespace moescope::gui
