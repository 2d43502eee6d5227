#pragma once
// Two stored runs side by side (issue 13): a ResultView for each (picture,
// routing panel, outputs, timeline), a third view with the difference of the
// current layer over A's picture (top-1 agreement, Jensen–Shannon divergence
// or entropy change per token), and the figures of every layer in a table.
// Zoom and pan, frame, layer and overlay move together in both views.
//
// The runs are read by a RunComparison (no widgets); the window only shows.

#include "routing/comparison.h"

#include <QWidget>

#include <vector>

class QChart;
class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;

namespace moescope {
class RunComparison;
class Workspace;
} // namespace moescope

namespace moescope::gui {

class ResultView;
class SceneView;

class ComparisonWindow : public QWidget
{
    Q_OBJECT
public:
    enum class DifferenceMap { Agreement, JsDivergence, EntropyChange };

    explicit ComparisonWindow(Workspace *workspace, QWidget *parent = nullptr);
    ~ComparisonWindow() override;

    // Opens runs `a` and `b`; shown() follows once both pictures are read
    // (false with `error` when a run cannot be read).
    bool compare(qint64 a, qint64 b, QString *error);

    ResultView *viewA() const { return m_views[0]; }
    ResultView *viewB() const { return m_views[1]; }
    SceneView *differenceView() const { return m_diffView; }
    QTableWidget *figuresTable() const { return m_figures; }
    // The current layer's loads, A beside B.
    QChart *loadChart() const { return m_loadChart; }
    const RunComparison *comparison() const { return m_comparison; }
    // The figures of the frames shown, one per layer (empty: none to compare).
    const std::vector<routing::LayerComparison> &figures() const { return m_layers; }
    QString differenceNote() const;
    // How the answer changed (RunComparison::compareOutputs), as shown.
    QString outputChange() const;
    void setDifferenceMap(DifferenceMap map);
    // The table as CSV: false with `error` naming the file and the cause.
    bool exportFigures(const QString &path, QString *error) const;

Q_SIGNALS:
    void shown();

private:
    void present();
    void frameMoved(int side, int frame);
    void updateFigures();
    void updateDifference();
    void updateLoadChart(int layer);
    void linkViews();

    RunComparison *m_comparison = nullptr;
    ResultView *m_views[2] = {nullptr, nullptr};
    QLabel *m_titles[2] = {nullptr, nullptr};
    SceneView *m_diffView = nullptr;
    QComboBox *m_diffCombo = nullptr;
    QLabel *m_diffInfo = nullptr;
    QLabel *m_diffBar = nullptr;
    QLabel *m_outputChange = nullptr;
    QCheckBox *m_linkFrames = nullptr;
    QTableWidget *m_figures = nullptr;
    QChart *m_loadChart = nullptr;
    std::vector<routing::LayerComparison> m_layers;
    int m_frameOffset = 0; // B's frame minus A's, kept while frames are linked
    bool m_linking = false;
};

} // namespace moescope::gui
