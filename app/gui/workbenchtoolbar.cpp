#include "workbenchtoolbar.h"

#include "image/windowpresets.h"
#include "imagedocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>

namespace moescope::gui {

WorkbenchToolBar::WorkbenchToolBar(QWidget *parent) : QToolBar(tr("Main"), parent)
{
    setObjectName(QStringLiteral("mainToolBar"));
    addWidget(new QLabel(tr(" Model "), this));
    m_modelCombo = new QComboBox(this);
    m_modelCombo->setObjectName(QStringLiteral("modelCombo"));
    m_modelCombo->setMinimumContentsLength(24);
    addWidget(m_modelCombo);
    addWidget(new QLabel(tr(" Device "), this));
    m_deviceCombo = new QComboBox(this);
    m_deviceCombo->addItem(tr("auto"), QStringLiteral("auto"));
    m_deviceCombo->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_deviceCombo->addItem(tr("CUDA"), QStringLiteral("cuda"));
    m_deviceCombo->setCurrentIndex(
        std::max(0, m_deviceCombo->findData(
                        QSettings().value(QStringLiteral("run/device"), QStringLiteral("auto")))));
    addWidget(m_deviceCombo);

    auto *taskBox = new QWidget(this);
    auto *taskLayout = new QHBoxLayout(taskBox);
    taskLayout->setContentsMargins(0, 0, 0, 0);
    taskLayout->addWidget(new QLabel(tr(" Task "), taskBox));
    m_taskCombo = new QComboBox(taskBox);
    m_taskCombo->setObjectName(QStringLiteral("taskCombo"));
    m_taskCombo->setToolTip(tr("The model's task input: switching it re-runs the model"));
    taskLayout->addWidget(m_taskCombo);
    m_taskAction = addWidget(taskBox);
    m_taskAction->setVisible(false);

    // A series or volume: window presets (right-drag in the view for a custom
    // window) and the plane the stack is cut along.
    auto *viewBox = new QWidget(this);
    auto *viewLayout = new QHBoxLayout(viewBox);
    viewLayout->setContentsMargins(0, 0, 0, 0);
    viewLayout->addWidget(new QLabel(tr(" Window "), viewBox));
    m_presetCombo = new QComboBox(viewBox);
    m_presetCombo->setObjectName(QStringLiteral("windowPresetCombo"));
    m_presetCombo->setToolTip(
        tr("Window/level of the slices; drag with the right mouse button in the image for your "
           "own (horizontal: width, vertical: level)"));
    m_presetCombo->addItem(tr("From file"), QStringLiteral("file"));
    for (const WindowPreset &preset : ctWindowPresets()) {
        m_presetCombo->addItem(preset.name, preset.id);
        m_presetCombo->setItemData(
            m_presetCombo->count() - 1,
            tr("level %1 HU, width %2 HU").arg(preset.window.center).arg(preset.window.width),
            Qt::ToolTipRole);
    }
    m_presetCombo->addItem(tr("Custom"), QStringLiteral("custom"));
    viewLayout->addWidget(m_presetCombo);
    viewLayout->addWidget(new QLabel(tr(" Plane "), viewBox));
    m_planeCombo = new QComboBox(viewBox);
    m_planeCombo->setObjectName(QStringLiteral("planeCombo"));
    m_planeCombo->setToolTip(tr("The plane the series is cut along; runs go to the frames shown"));
    m_planeCombo->addItem(tr("Axial"), int(SlicePlane::Axial));
    m_planeCombo->addItem(tr("Coronal"), int(SlicePlane::Coronal));
    m_planeCombo->addItem(tr("Sagittal"), int(SlicePlane::Sagittal));
    viewLayout->addWidget(m_planeCombo);
    m_viewAction = addWidget(viewBox);
    m_viewAction->setVisible(false);

    connect(m_modelCombo, &QComboBox::activated, this,
            [this] { Q_EMIT modelChosen(m_modelCombo->currentData().toString()); });
    connect(m_deviceCombo, &QComboBox::activated, this, [this] {
        QSettings().setValue(QStringLiteral("run/device"), m_deviceCombo->currentData());
        Q_EMIT deviceChosen(device());
    });
    connect(m_taskCombo, &QComboBox::activated, this, &WorkbenchToolBar::taskChosen);
    connect(m_presetCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { applyPreset(m_presetCombo->itemData(index).toString()); });
    connect(m_planeCombo, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT planeChosen(plane()); });
}

void WorkbenchToolBar::applyPreset(const QString &id)
{
    const auto image = m_document ? m_document->image() : nullptr;
    if (!image)
        return;
    if (id == QLatin1String("file"))
        m_document->setWindow(WindowLevel());
    else if (id == QLatin1String("custom")) // start from what is shown
        m_document->setWindow(m_document->window().valid() ? m_document->window()
                                                           : image->effectiveWindow());
    else if (const WindowPreset *preset = ctWindowPreset(id))
        m_document->setWindow(preset->window);
}

QString WorkbenchToolBar::device() const
{
    return m_deviceCombo->currentData().toString();
}

void WorkbenchToolBar::setTaskChoices(const QStringList &choices)
{
    m_taskCombo->clear();
    m_taskCombo->addItems(choices);
    if (!choices.isEmpty())
        m_taskCombo->setCurrentIndex(0);
    m_taskAction->setVisible(!choices.isEmpty());
}

bool WorkbenchToolBar::hasTasks() const
{
    return m_taskAction->isVisible();
}

void WorkbenchToolBar::setViewControlsVisible(bool visible, bool planes)
{
    m_viewAction->setVisible(visible);
    m_planeCombo->setEnabled(visible && planes);
}

bool WorkbenchToolBar::viewControlsVisible() const
{
    return m_viewAction->isVisible();
}

SlicePlane WorkbenchToolBar::plane() const
{
    return SlicePlane(m_planeCombo->currentData().toInt());
}

void WorkbenchToolBar::setPlane(SlicePlane plane)
{
    const QSignalBlocker blocker(m_planeCombo);
    m_planeCombo->setCurrentIndex(m_planeCombo->findData(int(plane)));
}

void WorkbenchToolBar::resetViewControls()
{
    const QSignalBlocker presetBlocker(m_presetCombo), planeBlocker(m_planeCombo);
    m_presetCombo->setCurrentIndex(0);
    m_planeCombo->setCurrentIndex(0);
}

void WorkbenchToolBar::showCustomPreset()
{
    const QSignalBlocker blocker(m_presetCombo);
    m_presetCombo->setCurrentIndex(m_presetCombo->findData(QStringLiteral("custom")));
}

} // namespace moescope::gui
