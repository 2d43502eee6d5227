#include "routingtimeline.h"

#include "jobs/analysis.h"
#include "render/routingimages.h"

#include <QChart>
#include <QJsonArray>
#include <QJsonObject>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QValueAxis>

#include <vector>

namespace moescope::gui {

RoutingTimeline::RoutingTimeline(QWidget *parent) : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("routingOverTime"));
    chart()->setMargins(QMargins(2, 2, 2, 2));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(210);
    setToolTip(tr("Click to go to that frame"));
    setVisible(false);
}

void RoutingTimeline::plot(const AnalysisResult *result, int layer, const QString &mainInput)
{
    QChart *c = chart();
    c->removeAllSeries();
    m_cursor = nullptr;
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);
    m_layer = layer;
    const QJsonObject firstLayer = result && !result->steps.isEmpty() && layer >= 0
                                       ? result->steps.first().routingSummary.at(layer).toObject()
                                       : QJsonObject();
    const bool show = result && result->steps.size() > 1 && !firstLayer.isEmpty();
    setVisible(show);
    if (!show)
        return;
    const QVector<StepResult> &steps = result->steps;
    auto *x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%d"));
    x->setRange(steps.first().step, steps.last().step);
    x->setTitleText(tr("frame"));
    auto *shares = new QValueAxis;
    shares->setRange(0, 100);
    shares->setLabelFormat(QStringLiteral("%d%%"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(shares, Qt::AlignLeft);

    // One line per expert, or per expert and input where the layer has several.
    QStringList inputs;
    for (const QJsonValue &g : firstLayer.value(QStringLiteral("grids")).toArray())
        inputs << g.toObject().value(QStringLiteral("input")).toString();
    if (inputs.isEmpty())
        inputs << QString();
    const QJsonArray names = firstLayer.value(QStringLiteral("expert_names")).toArray();
    const int experts = firstLayer.value(QStringLiteral("experts")).toInt();
    // The input laid over the frame is drawn solid (a tracker's search region).
    const QString solidInput = inputs.contains(mainInput) ? mainInput : inputs.last();
    QStringList others = inputs;
    others.removeAll(solidInput);
    QString title =
        tr("Top-1 share per frame, %1").arg(firstLayer.value(QStringLiteral("name")).toString());
    if (!others.isEmpty())
        title += tr(" (solid: %1, dashed: %2)").arg(solidInput, others.join(QStringLiteral(", ")));
    c->setTitle(title);
    // Every line's points in one pass over the steps (each step's summary
    // read once, not once per line).
    std::vector<QList<QPointF>> points(size_t(inputs.size()) * experts);
    for (QList<QPointF> &p : points)
        p.reserve(steps.size());
    for (const StepResult &step : steps) {
        const QJsonObject summary = step.routingSummary.at(layer).toObject();
        const QJsonArray grids = summary.value(QStringLiteral("grids")).toArray();
        for (int g = 0; g < inputs.size(); ++g) {
            const QJsonArray load = (inputs[g].isNull() ? summary : grids.at(g).toObject())
                                        .value(QStringLiteral("load"))
                                        .toArray();
            for (int e = 0; e < experts && e < load.size(); ++e)
                points[size_t(g) * experts + e].append(
                    QPointF(step.step, load[e].toDouble() * 100.0));
        }
    }
    for (int g = 0; g < inputs.size(); ++g) {
        const bool solid = inputs[g] == solidInput;
        for (int e = 0; e < experts; ++e) {
            auto *series = new QLineSeries;
            series->setObjectName(QStringLiteral("expert"));
            series->setName(inputs.size() > 1 && !solid
                                ? QString()
                                : names.at(e).toString(QStringLiteral("E%1").arg(e)));
            QPen pen(render::expertColor(e), solid ? 2.0 : 1.2);
            if (!solid)
                pen.setStyle(Qt::DashLine);
            series->setPen(pen);
            series->setPointsVisible(steps.size() <= 60);
            series->replace(points[size_t(g) * experts + e]);
            c->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(shares);
            if (!solid)
                c->legend()->markers(series).constFirst()->setVisible(false);
        }
    }

    // The tracker's own view of each frame, where the steps report it.
    QList<QPointF> iou, score, marks;
    for (const StepResult &step : steps) {
        const QJsonObject &o = step.outputs;
        const QJsonValue i = o.value(QStringLiteral("iou"));
        if (i.isDouble())
            iou.append(QPointF(step.step, i.toDouble()));
        if (o.value(QStringLiteral("score")).isDouble())
            score.append(QPointF(step.step, o.value(QStringLiteral("score")).toDouble()));
        if (o.value(QStringLiteral("target_absent")).toBool() ||
            (i.isDouble() && i.toDouble() < 0.5))
            marks.append(QPointF(step.step, 0.02));
    }
    if (!iou.isEmpty() || !score.isEmpty()) {
        auto *quality = new QValueAxis;
        quality->setRange(0, 1);
        quality->setTitleText(tr("IoU, score"));
        c->addAxis(quality, Qt::AlignRight);
        const auto add = [&](QAbstractSeries *series) {
            series->setObjectName(QStringLiteral("quality"));
            c->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(quality);
        };
        if (!iou.isEmpty()) {
            auto *s = new QLineSeries;
            s->setName(tr("IoU"));
            s->setPen(QPen(Qt::black, 2.0));
            s->replace(iou);
            add(s);
        }
        if (!score.isEmpty()) {
            auto *s = new QLineSeries;
            s->setName(tr("score"));
            s->setPen(QPen(Qt::darkGray, 1.5, Qt::DotLine));
            s->replace(score);
            add(s);
        }
        if (!marks.isEmpty()) {
            auto *s = new QScatterSeries;
            s->setName(tr("lost (IoU < 0.5) or absent"));
            s->setColor(QColor(220, 30, 30));
            s->setBorderColor(QColor(220, 30, 30));
            s->setMarkerSize(7);
            s->replace(marks);
            add(s);
        }
    }
    m_cursor = new QLineSeries;
    m_cursor->setObjectName(QStringLiteral("cursor"));
    m_cursor->setPen(QPen(QColor(0, 0, 0, 110), 1.0));
    c->addSeries(m_cursor);
    m_cursor->attachAxis(x);
    m_cursor->attachAxis(shares);
    c->legend()->markers(m_cursor).constFirst()->setVisible(false);
    if (m_frame >= 0)
        setCurrentFrame(m_frame);
}

void RoutingTimeline::setCurrentFrame(int frame)
{
    m_frame = frame;
    if (m_cursor)
        m_cursor->replace({QPointF(frame, 0), QPointF(frame, 100)});
}

void RoutingTimeline::mousePressEvent(QMouseEvent *event)
{
    const QPointF at = chart()->mapFromScene(mapToScene(event->position().toPoint()));
    if (event->button() == Qt::LeftButton && m_cursor && chart()->plotArea().contains(at)) {
        Q_EMIT frameClicked(qRound(chart()->mapToValue(at, m_cursor).x()));
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

} // namespace moescope::gui
