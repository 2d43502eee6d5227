#pragma once
// A dock for the view a plugin adds through TaskPluginGui: shown while a
// result of that plugin is on screen, hidden otherwise. Where the plugin's
// view can draw a second run beside the first (TaskPluginGui::comparesRuns),
// the dock offers the runs the window hands it ("Compare with").

#include <QDockWidget>
#include <QHash>
#include <QJsonObject>
#include <QList>

class QComboBox;
class QStackedWidget;
class QWidget;

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
    // A run the shown one can be compared with: its label and run summary.
    struct OtherRun
    {
        qint64 id = 0;
        QString label;
        QJsonObject runSummary;
    };

    PluginViewDock(PluginRegistry *plugins, QWidget *parent = nullptr);

    // The view of `result`'s plugin at `frame`, or hidden when it has none.
    void follow(const AnalysisResult &result, int frame);
    // Shows the view of `pluginId`'s runs (as it was) when a run of it
    // starts: the window's relayout for the dock happens at the click, not
    // when the result arrives.
    void showFor(const QString &pluginId);
    // The runs offered for comparison with the one shown (stored runs of
    // the same plugin on the same input); the choice resets to none.
    void setOtherRuns(const QList<OtherRun> &runs);
    QWidget *currentView() const;

private:
    QWidget *viewOf(const QString &pluginId, TaskPluginGui *gui);
    void compareWithChosen();

    PluginRegistry *m_plugins;
    QHash<QString, QWidget *> m_views; // by plugin id
    QString m_pluginId;                // whose view is shown
    QStackedWidget *m_stack = nullptr;
    QWidget *m_compareRow = nullptr;
    QComboBox *m_compare = nullptr;
    QList<OtherRun> m_others;
};

} // namespace moescope::gui
