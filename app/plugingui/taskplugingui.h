#pragma once
// The optional window side of a task plugin, after Okular's generator GUI
// interfaces: a plugin that wants a view of its own in the window also
// implements this, and the host finds it with qobject_cast on the plugin
// object (PluginRegistry::pluginObject). The core interface (TaskPlugin)
// stays free of widgets; a plugin without a window side just does not
// implement this. Header-only; link the moescope_plugin_gui target.

#include <QJsonObject>
#include <QString>
#include <QWidget>
#include <QtPlugin>

namespace moescope::gui {

class TaskPluginGui
{
public:
    virtual ~TaskPluginGui() = default;

    // The title of the dock that holds the view.
    virtual QString runViewTitle() const = 0;
    // A widget for this plugin's runs; the host owns it.
    virtual QWidget *createRunView(QWidget *parent) const = 0;
    // Shows a run: its summary (TaskRun::finish) and the frame on screen.
    virtual void showRun(QWidget *view, const QJsonObject &runSummary, int frame) const = 0;

    // Since 1.1. Whether the view can draw another run beside the one shown
    // (a tracker's success plots of two models); the host then offers the
    // stored runs of the same plugin on the same input ("Compare with").
    virtual bool comparesRuns() const { return false; }
    // Since 1.1. Draws `runSummary` (labelled `label`) beside the run shown;
    // an empty summary removes it.
    virtual void compareWith(QWidget *view, const QString &label,
                             const QJsonObject &runSummary) const
    {
        Q_UNUSED(view);
        Q_UNUSED(label);
        Q_UNUSED(runSummary);
    }
};

} // namespace moescope::gui

#define MoEScopeTaskPluginGui_iid "org.moescope.TaskPluginGui/1.1"
Q_DECLARE_INTERFACE(moescope::gui::TaskPluginGui, MoEScopeTaskPluginGui_iid)
