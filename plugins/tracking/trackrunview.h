#pragma once
// The tracking plugin's view of a run (its window side, TaskPluginGui): the
// sequence and the benchmark's scores of the track, and its success and
// precision plots (Qt Charts), with a second run drawn dashed beside it when
// the host is asked to compare (two models, or with and without an expert
// switched off). The plots are the toolkits' own curves (trackmetrics.h):
// GOT-10k's success on 101 thresholds for a GOT-10k sequence, OTB's / LaSOT's
// success on 21 and precision on 0-50 px for theirs.

#include <QJsonObject>
#include <QWidget>

class QChartView;
class QLabel;

namespace moescope::tracking {

class TrackRunView : public QWidget
{
    Q_OBJECT
public:
    explicit TrackRunView(QWidget *parent = nullptr);
    void showSummary(const QJsonObject &summary);
    void compareWith(const QString &label, const QJsonObject &summary);

private:
    void redraw();

    QJsonObject m_summary, m_other;
    QString m_otherLabel;
    QLabel *m_header = nullptr;
    QChartView *m_success = nullptr;
    QChartView *m_precision = nullptr;
};

} // namespace moescope::tracking
