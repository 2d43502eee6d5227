#pragma once
// What the probe panels (ablation, stability) share: the button that starts
// the probe, its Cancel and a progress bar, switched together.

#include <QProgressBar>
#include <QPushButton>

#include <algorithm>

namespace moescope::gui {

class ProbeProgress
{
public:
    ProbeProgress(QPushButton *start, QPushButton *cancel, QProgressBar *bar)
        : m_start(start), m_cancel(cancel), m_bar(bar)
    {
        m_bar->setMaximumWidth(160);
        idle();
    }
    // Running: done of total passes (total 0: not known yet).
    void running(int done, int total)
    {
        m_start->setEnabled(false);
        m_cancel->setEnabled(true);
        m_bar->setVisible(true);
        m_bar->setRange(0, std::max(1, total));
        m_bar->setValue(done);
    }
    void idle()
    {
        m_start->setEnabled(true);
        m_cancel->setEnabled(false);
        m_bar->setVisible(false);
    }

private:
    QPushButton *m_start, *m_cancel;
    QProgressBar *m_bar;
};

} // namespace moescope::gui
