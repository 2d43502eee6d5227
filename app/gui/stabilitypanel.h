#pragma once
// Routing stability in the window (issue 13): the frame shown run N times
// under small perturbations on the worker; per MoE layer, the share of passes
// in which each token's top-1 expert flips, over the picture beside the
// baseline's routing entropy (where the router is unsure it flips), with the
// rank correlation of the two and the answer's mean change.

#include "jobs/stability.h"

#include "probeprogress.h"
#include <QImage>

#include <QWidget>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace moescope::gui {

class StabilityPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StabilityPanel(QWidget *parent = nullptr);

    void setEnabledForModel(bool enabled);
    void showRunning(int done, int total);
    void showFailure(const QString &message);
    // `picture`: what the model saw (the maps lie over it; null: the maps alone).
    void showResult(const StabilityResult &result, const QImage &picture);

    QPushButton *checkButton() const { return m_check; }
    QComboBox *layerCombo() const { return m_layerCombo; }
    QImage flipMap() const { return m_flipImage; }
    QString summary() const;

Q_SIGNALS:
    void checkRequested(int passes, double noise, int shift);
    void cancelRequested();

private:
    void showLayer(int layer);

    StabilityResult m_result;
    QImage m_picture, m_flipImage;
    QSpinBox *m_passes = nullptr;
    QDoubleSpinBox *m_noise = nullptr;
    QSpinBox *m_shift = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    std::unique_ptr<ProbeProgress> m_probe;
    QLabel *m_summary = nullptr;
    QComboBox *m_layerCombo = nullptr;
    QLabel *m_flip = nullptr;
    QLabel *m_entropy = nullptr;
    QLabel *m_entropyRange = nullptr;
};

} // namespace moescope::gui
