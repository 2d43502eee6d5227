#pragma once
// The window's main tool bar: Open, the model and device pickers, the task
// of a task-conditioned model, the window preset and plane of a series or
// volume, Run and Cancel. It only holds the controls; the window wires them.

#include "image/reslice.h"

#include <QToolBar>

class QComboBox;

namespace moescope {
class ImageDocument;
}

namespace moescope::gui {

class WorkbenchToolBar : public QToolBar
{
    Q_OBJECT
public:
    explicit WorkbenchToolBar(QWidget *parent = nullptr);

    QComboBox *modelCombo() const { return m_modelCombo; }
    QComboBox *deviceCombo() const { return m_deviceCombo; }
    QComboBox *taskCombo() const { return m_taskCombo; }
    QComboBox *presetCombo() const { return m_presetCombo; }
    QComboBox *planeCombo() const { return m_planeCombo; }

    // The document whose window the presets set.
    void setDocument(ImageDocument *document) { m_document = document; }
    QString device() const;
    void setTaskChoices(const QStringList &choices); // none: the task picker hides
    bool hasTasks() const;
    // Presets and planes: shown for a series or volume.
    void setViewControlsVisible(bool visible, bool planes);
    bool viewControlsVisible() const;
    SlicePlane plane() const;
    void setPlane(SlicePlane plane); // without planeChosen()
    void resetViewControls();        // "From file", axial; no signals
    void showCustomPreset();         // after a window drag; no signals

Q_SIGNALS:
    void modelChosen(const QString &path);
    void deviceChosen(const QString &device);
    void taskChosen(int task);
    void planeChosen(moescope::SlicePlane plane);

private:
    void applyPreset(const QString &id);

    ImageDocument *m_document = nullptr;
    QComboBox *m_modelCombo = nullptr;
    QComboBox *m_deviceCombo = nullptr;
    QComboBox *m_taskCombo = nullptr;
    QAction *m_taskAction = nullptr;
    QComboBox *m_presetCombo = nullptr;
    QComboBox *m_planeCombo = nullptr;
    QAction *m_viewAction = nullptr;
};

} // namespace moescope::gui
