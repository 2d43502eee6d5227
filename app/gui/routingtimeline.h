#pragma once
// Routing over time (Qt Charts): for one MoE layer, each expert's top-1 share
// per frame, drawn from the routing summaries every step keeps (a 10,000-frame
// track needs no full routing for it). A layer over two inputs (a tracker's
// template and search region) gets one line per expert and input, the
// search region solid and the other dashed. Where the steps report them, the
// tracker's IoU to the ground truth and its peak score run on a second axis,
// and frames where the target is absent or the IoU falls below 0.5 are
// marked: what shows whether routing moves when the tracker fails. A line
// marks the frame on screen; a click anywhere on the plot asks for that frame.

#include <QChartView>

namespace moescope {
struct AnalysisResult;
}

class QLineSeries;

namespace moescope::gui {

class RoutingTimeline : public QChartView
{
    Q_OBJECT
public:
    explicit RoutingTimeline(QWidget *parent = nullptr);

    // Plots `layer` of `result`'s steps (result may be null: hidden).
    // `mainInput` is the input drawn solid where a layer has several.
    void plot(const AnalysisResult *result, int layer, const QString &mainInput);
    void setCurrentFrame(int frame);
    int layer() const { return m_layer; }

Q_SIGNALS:
    void frameClicked(int frame);

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    QLineSeries *m_cursor = nullptr;
    int m_layer = -1;
    int m_frame = -1;
};

} // namespace moescope::gui
