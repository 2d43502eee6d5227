#pragma once
// The expert-ablation sweep in the window (issue 13): which layer, whether
// to run each expert alone too and to draw deletion curves; then, from the
// worker, a table of experts ranked by the change of the answer when each is
// switched off, beside its routing load, a chart of load against effect per
// expert (where they disagree, routing statistics mislead), the deletion
// curves, and "Run with this expert off" for the row chosen (a stored run
// the window then compares with the run shown).

#include "jobs/ablation.h"

#include "probeprogress.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QChart;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace moescope::gui {

class AblationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AblationPanel(QWidget *parent = nullptr);

    // The loaded model's layers (names, experts); `canAblate` false: says why it cannot.
    void setModel(const model::ModelContract *contract, bool canAblate);
    void showRunning(int done, int total);
    void showResult(const AblationResult &result);
    void showFailure(const QString &message);

    int chosenLayer() const; // -1: every layer
    QTableWidget *table() const { return m_table; }
    QPushButton *sweepButton() const { return m_sweep; }
    QPushButton *runOffButton() const { return m_runOff; }
    QChart *loadChart() const { return m_loadChart; }
    QChart *deletionChart() const { return m_deletionChart; }
    QString summary() const;
    // The table as CSV: false with `error` naming the file and the cause.
    bool exportTable(const QString &path, QString *error) const;

Q_SIGNALS:
    void sweepRequested(int layer, bool keepOnly, bool deletion);
    void cancelRequested();
    // Run the picture again with the chosen row's expert off (or alone).
    void runRequested(const QList<QPair<int, int>> &disabled);

private:
    void updateCharts();
    QList<QPair<int, int>> disabledFor(int row) const;

    AblationResult m_result;
    std::vector<int> m_experts; // per layer, of the model shown
    QComboBox *m_layerCombo = nullptr;
    QCheckBox *m_keepOnly = nullptr;
    QCheckBox *m_deletion = nullptr;
    QPushButton *m_sweep = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_runOff = nullptr;
    QPushButton *m_export = nullptr;
    QProgressBar *m_progress = nullptr;
    std::unique_ptr<ProbeProgress> m_probe;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QChart *m_loadChart = nullptr;
    QChart *m_deletionChart = nullptr;
};

} // namespace moescope::gui
