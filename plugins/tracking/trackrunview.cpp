#include "trackrunview.h"

#include "tracking/trackmetrics.h"

#include <QChart>
#include <QChartView>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace moescope::tracking {

namespace {

// What one run's track scores, by its sequence's own protocol.
struct Curves
{
    bool scored = false;
    QString headline;
    std::vector<double> success;   // on `successSteps` thresholds over [0, 1]
    std::vector<double> precision; // 0 … 50 px
};

Curves curvesOf(const QJsonObject &summary)
{
    Curves c;
    const TrackedSequence track = trackedFromSummary(summary);
    if (track.truth.size() != track.predicted.size() || track.truth.isEmpty())
        return c;
    c.scored = true;
    const QString layout = summary.value(QStringLiteral("layout")).toString();
    const OtbScores otb =
        layout == QLatin1String("lasot") ? lasotScores({track}) : otbScores({track});
    c.precision = otb.precisionCurve;
    if (layout == QLatin1String("lasot") || layout == QLatin1String("otb")) {
        c.success = otb.successCurve;
        c.headline = TrackRunView::tr("success AUC %1 · precision %2 at 20 px")
                         .arg(otb.success, 0, 'f', 3)
                         .arg(otb.precision, 0, 'f', 3);
        if (layout == QLatin1String("lasot"))
            c.headline += TrackRunView::tr(" · normalised precision %1 at 0.20")
                              .arg(otb.normPrecision, 0, 'f', 3);
    } else {
        const Got10kScores g = got10kScores({track});
        c.success = g.successCurve;
        c.headline = TrackRunView::tr("AO %1 · SR0.5 %2 · SR0.75 %3 (%4 frames scored)")
                         .arg(g.ao, 0, 'f', 3)
                         .arg(g.sr50, 0, 'f', 3)
                         .arg(g.sr75, 0, 'f', 3)
                         .arg(g.frames);
    }
    return c;
}

QLineSeries *curve(const std::vector<double> &values, double xMax, const QString &name, bool dashed)
{
    auto *s = new QLineSeries;
    s->setName(name);
    QList<QPointF> points;
    for (size_t i = 0; i < values.size(); ++i)
        points.append(QPointF(
            values.size() > 1 ? xMax * double(i) / double(values.size() - 1) : 0.0, values[i]));
    s->replace(points);
    s->setPen(QPen(dashed ? QColor(200, 80, 40) : QColor(40, 90, 200), 2,
                   dashed ? Qt::DashLine : Qt::SolidLine));
    return s;
}

void plot(QChartView *view, const QString &title, const QString &xTitle, double xMax,
          const QList<QLineSeries *> &series)
{
    QChart *c = view->chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);
    c->setTitle(title);
    auto *x = new QValueAxis;
    x->setRange(0, xMax);
    x->setTitleText(xTitle);
    auto *y = new QValueAxis;
    y->setRange(0, 1);
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : series) {
        c->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

QChartView *chartView(const QString &name, QWidget *parent)
{
    auto *view = new QChartView(new QChart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(200);
    view->chart()->setMargins(QMargins(2, 2, 2, 2));
    return view;
}

} // namespace

TrackRunView::TrackRunView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("trackRunHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_success = chartView(QStringLiteral("trackSuccessPlot"), this);
    m_precision = chartView(QStringLiteral("trackPrecisionPlot"), this);
    layout->addWidget(m_header);
    layout->addWidget(m_success, 1);
    layout->addWidget(m_precision, 1);
}

void TrackRunView::showSummary(const QJsonObject &summary)
{
    m_summary = summary;
    redraw();
}

void TrackRunView::compareWith(const QString &label, const QJsonObject &summary)
{
    m_otherLabel = label;
    m_other = summary;
    redraw();
}

void TrackRunView::redraw()
{
    const QJsonArray frames = m_summary.value(QStringLiteral("frames")).toArray();
    double seconds = 0;
    for (const QJsonValue &v : m_summary.value(QStringLiteral("seconds")).toArray())
        seconds += v.toDouble();
    QString header =
        frames.isEmpty()
            ? tr("No frames tracked.")
            : tr("%1 (%2): frames %3–%4 tracked from frame %5, %6 frames/s")
                  .arg(m_summary.value(QStringLiteral("sequence")).toString(tr("video")),
                       m_summary.value(QStringLiteral("layout")).toString(tr("video")))
                  .arg(frames.first().toInt())
                  .arg(frames.last().toInt())
                  .arg(m_summary.value(QStringLiteral("init_frame")).toInt())
                  .arg(seconds > 0 ? frames.size() / seconds : 0.0, 0, 'f', 1);
    if (m_summary.value(QStringLiteral("partial")).toBool())
        header += tr(" — cancelled: partial track");
    const Curves mine = curvesOf(m_summary);
    const Curves other = m_other.isEmpty() ? Curves() : curvesOf(m_other);
    if (mine.scored)
        header += QLatin1Char('\n') + tr("This run: %1").arg(mine.headline);
    else
        header += QLatin1Char('\n') + tr("No ground truth: no success or precision plots.");
    if (other.scored)
        header += QLatin1Char('\n') + tr("%1: %2").arg(m_otherLabel, other.headline);
    m_header->setText(header);
    m_success->setVisible(mine.scored);
    m_precision->setVisible(mine.scored);
    if (!mine.scored)
        return;
    QList<QLineSeries *> success{curve(mine.success, 1.0, tr("this run"), false)};
    QList<QLineSeries *> precision{curve(mine.precision, 50.0, tr("this run"), false)};
    if (other.scored) {
        success << curve(other.success, 1.0, m_otherLabel, true);
        precision << curve(other.precision, 50.0, m_otherLabel, true);
    }
    plot(m_success, tr("Success plot"), tr("overlap threshold"), 1.0, success);
    plot(m_precision, tr("Precision plot"), tr("location error threshold (px)"), 50.0, precision);
}

} // namespace moescope::tracking
