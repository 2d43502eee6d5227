#include "pluginviewdock.h"

#include "jobs/analysis.h"
#include "plugin/pluginregistry.h"
#include "taskplugingui.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace moescope::gui {

PluginViewDock::PluginViewDock(PluginRegistry *plugins, QWidget *parent)
    : QDockWidget(parent), m_plugins(plugins)
{
    setObjectName(QStringLiteral("pluginViewDock"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    m_compareRow = new QWidget(body);
    auto *row = new QHBoxLayout(m_compareRow);
    row->setContentsMargins(4, 2, 4, 0);
    m_compare = new QComboBox(m_compareRow);
    m_compare->setObjectName(QStringLiteral("compareRunCombo"));
    m_compare->setToolTip(tr("Draw another stored run of this input beside this one"));
    m_compare->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_compare->setMinimumContentsLength(16);
    row->addWidget(new QLabel(tr("Compare with"), m_compareRow));
    row->addWidget(m_compare, 1);
    m_compareRow->setVisible(false);
    m_stack = new QStackedWidget(body);
    layout->addWidget(m_compareRow);
    layout->addWidget(m_stack, 1);
    setWidget(body);
    setVisible(false);
    connect(m_compare, &QComboBox::activated, this, &PluginViewDock::compareWithChosen);
}

QWidget *PluginViewDock::currentView() const
{
    return m_stack->currentWidget();
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

void PluginViewDock::setOtherRuns(const QList<OtherRun> &runs)
{
    m_others = runs;
    m_compare->clear();
    m_compare->addItem(tr("none"));
    for (const OtherRun &r : runs)
        m_compare->addItem(r.label, r.id);
    auto *gui = m_pluginId.isEmpty()
                    ? nullptr
                    : qobject_cast<TaskPluginGui *>(m_plugins->pluginObject(m_pluginId));
    m_compareRow->setVisible(gui && gui->comparesRuns() && !runs.isEmpty());
    if (gui && gui->comparesRuns())
        gui->compareWith(currentView(), {}, {});
}

void PluginViewDock::compareWithChosen()
{
    auto *gui = qobject_cast<TaskPluginGui *>(m_plugins->pluginObject(m_pluginId));
    if (!gui || !gui->comparesRuns())
        return;
    const int k = m_compare->currentIndex() - 1;
    if (k >= 0 && k < m_others.size())
        gui->compareWith(currentView(), m_others[k].label, m_others[k].runSummary);
    else
        gui->compareWith(currentView(), {}, {});
}

QWidget *PluginViewDock::viewOf(const QString &pluginId, TaskPluginGui *gui)
{
    QWidget *&view = m_views[pluginId];
    if (!view) {
        view = gui->createRunView(m_stack);
        m_stack->addWidget(view);
    }
    m_stack->setCurrentWidget(view);
    m_pluginId = pluginId;
    setWindowTitle(gui->runViewTitle());
    return view;
}

} // namespace moescope::gui
