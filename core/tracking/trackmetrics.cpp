#include "trackmetrics.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace moescope::tracking {

namespace {

QRectF clipped(const QRectF &r, const QSizeF &bound)
{
    // got10k/utils/metrics.py: x, y into the image, then w, h to its far edges.
    const double x = std::clamp(r.x(), 0.0, bound.width());
    const double y = std::clamp(r.y(), 0.0, bound.height());
    const double w = std::clamp(r.width(), 0.0, bound.width() - x);
    const double h = std::clamp(r.height(), 0.0, bound.height() - y);
    return {x, y, w, h};
}

// got10k's center_error: centres at x + (w − 1) / 2.
double centreError(const QRectF &a, const QRectF &b)
{
    const double dx = (a.x() + (a.width() - 1) / 2) - (b.x() + (b.width() - 1) / 2);
    const double dy = (a.y() + (a.height() - 1) / 2) - (b.y() + (b.height() - 1) / 2);
    return std::sqrt(dx * dx + dy * dy);
}

// pytracking's calc_iou_overlap: pixel-inclusive boxes.
double iouInclusive(const QRectF &p, const QRectF &a)
{
    const double tlx = std::max(p.x(), a.x()), tly = std::max(p.y(), a.y());
    const double brx = std::min(p.x() + p.width() - 1.0, a.x() + a.width() - 1.0);
    const double bry = std::min(p.y() + p.height() - 1.0, a.y() + a.height() - 1.0);
    const double inter = std::max(brx - tlx + 1.0, 0.0) * std::max(bry - tly + 1.0, 0.0);
    const double uni = p.width() * p.height() + a.width() * a.height() - inter;
    return inter / uni;
}

std::vector<double> mean(const std::vector<std::vector<double>> &curves, size_t n)
{
    std::vector<double> m(n, 0.0);
    for (const auto &c : curves)
        for (size_t i = 0; i < n; ++i)
            m[i] += c[i] / double(curves.size());
    return m;
}

} // namespace

double iouContinuous(const QRectF &a0, const QRectF &b0, const QSizeF &bound)
{
    const QRectF a = bound.isValid() ? clipped(a0, bound) : a0;
    const QRectF b = bound.isValid() ? clipped(b0, bound) : b0;
    const double x1 = std::max(a.x(), b.x()), y1 = std::max(a.y(), b.y());
    const double x2 = std::min(a.x() + a.width(), b.x() + b.width());
    const double y2 = std::min(a.y() + a.height(), b.y() + b.height());
    const double inter = std::max(x2 - x1, 0.0) * std::max(y2 - y1, 0.0);
    const double uni = a.width() * a.height() + b.width() * b.height() - inter;
    return std::clamp(inter / (uni + std::numeric_limits<double>::epsilon()), 0.0, 1.0);
}

Got10kScores got10kScores(const QList<TrackedSequence> &sequences)
{
    std::vector<double> ious;
    for (const TrackedSequence &s : sequences) {
        const int n = int(std::min(s.predicted.size(), s.truth.size()));
        for (int f = 1; f < n; ++f) {
            if (f < s.cover.size() && s.cover[f] == 0)
                continue; // the target is not visible: GOT-10k does not score it
            ious.push_back(iouContinuous(s.predicted[f], s.truth[f], s.image));
        }
    }
    Got10kScores g;
    g.frames = int(ious.size());
    g.successCurve.assign(101, 0.0);
    if (ious.empty())
        return g;
    for (double v : ious) {
        g.ao += v / double(ious.size());
        for (int t = 0; t <= 100; ++t)
            if (v > t / 100.0)
                g.successCurve[size_t(t)] += 1.0 / double(ious.size());
    }
    g.sr50 = g.successCurve[50];
    g.sr75 = g.successCurve[75];
    return g;
}

OtbScores otbScores(const QList<TrackedSequence> &sequences)
{
    std::vector<std::vector<double>> success, precision;
    for (const TrackedSequence &s : sequences) {
        const int n = int(std::min(s.predicted.size(), s.truth.size()));
        if (n == 0)
            continue;
        std::vector<double> sc(21, 0.0), pc(51, 0.0);
        for (int f = 0; f < n; ++f) {
            const double iou = iouContinuous(s.predicted[f], s.truth[f]);
            const double ce = centreError(s.predicted[f], s.truth[f]);
            for (int t = 0; t <= 20; ++t)
                if (iou > t / 20.0)
                    sc[size_t(t)] += 1.0 / n;
            for (int t = 0; t <= 50; ++t)
                if (ce <= t)
                    pc[size_t(t)] += 1.0 / n;
        }
        success.push_back(sc);
        precision.push_back(pc);
    }
    OtbScores o;
    o.sequences = int(success.size());
    o.successCurve = mean(success, 21);
    o.precisionCurve = mean(precision, 51);
    o.normCurve.assign(51, 0.0);
    for (double v : o.successCurve)
        o.success += v / 21.0;
    o.precision = o.precisionCurve[20];
    return o;
}

OtbScores lasotScores(const QList<TrackedSequence> &sequences)
{
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> success, precision, normalised;
    for (const TrackedSequence &s : sequences) {
        const int n = int(s.truth.size());
        if (n == 0)
            continue;
        std::vector<double> sc(21, 0.0), pc(51, 0.0), nc(51, 0.0);
        for (int f = 0; f < n; ++f) {
            const QRectF &a = s.truth[f];
            // pytracking: frame 0 is the given box; a missing prediction is all zeros.
            const QRectF p = f == 0 ? a : s.predicted.value(f, QRectF(0, 0, 0, 0));
            const bool visible = !(f < s.absent.size() && s.absent[f]);
            const bool valid = a.width() > 0 && a.height() > 0 && visible;
            double overlap = valid ? iouInclusive(p, a) : -1.0;
            double centre = inf, norm = -1.0;
            if (valid) {
                const double pcx = p.x() + 0.5 * (p.width() - 1.0);
                const double pcy = p.y() + 0.5 * (p.height() - 1.0);
                const double acx = a.x() + 0.5 * (a.width() - 1.0);
                const double acy = a.y() + 0.5 * (a.height() - 1.0);
                centre = std::hypot(pcx - acx, pcy - acy);
                norm = std::hypot((pcx - acx) / a.width(), (pcy - acy) / a.height());
            }
            if (!visible) {
                centre = inf;
                norm = inf;
            }
            for (int t = 0; t <= 20; ++t)
                if (overlap > t * 0.05)
                    sc[size_t(t)] += 1.0 / n;
            for (int t = 0; t <= 50; ++t) {
                if (centre <= t)
                    pc[size_t(t)] += 1.0 / n;
                if (norm <= t / 100.0)
                    nc[size_t(t)] += 1.0 / n;
            }
        }
        success.push_back(sc);
        precision.push_back(pc);
        normalised.push_back(nc);
    }
    OtbScores o;
    o.sequences = int(success.size());
    o.successCurve = mean(success, 21);
    o.precisionCurve = mean(precision, 51);
    o.normCurve = mean(normalised, 51);
    for (double v : o.successCurve)
        o.success += v / 21.0;
    o.precision = o.precisionCurve[20];
    o.normPrecision = o.normCurve[20];
    return o;
}

TrackedSequence trackedFromSummary(const QJsonObject &runSummary)
{
    const auto rect = [](const QJsonValue &v) {
        const QJsonArray a = v.toArray();
        return QRectF(a.at(0).toDouble(), a.at(1).toDouble(), a.at(2).toDouble(),
                      a.at(3).toDouble());
    };
    TrackedSequence t;
    const QJsonArray frames = runSummary.value(QStringLiteral("frames")).toArray();
    const QJsonArray boxes = runSummary.value(QStringLiteral("boxes")).toArray();
    const QJsonObject truth = runSummary.value(QStringLiteral("groundtruth")).toObject();
    const QJsonArray gt = truth.value(QStringLiteral("boxes")).toArray();
    const QJsonArray cover = truth.value(QStringLiteral("cover")).toArray();
    const QJsonArray absent = truth.value(QStringLiteral("absent")).toArray();
    // The ground truth over the frames tracked (a run may start later than frame 0).
    for (int i = 0; i < frames.size() && i < boxes.size(); ++i) {
        const int f = frames[i].toInt();
        t.predicted << rect(boxes[i]);
        if (f < gt.size())
            t.truth << rect(gt[f]);
        if (f < cover.size())
            t.cover << cover[f].toInt();
        if (f < absent.size())
            t.absent << absent[f].toBool();
    }
    const QJsonArray size = runSummary.value(QStringLiteral("frame_size")).toArray();
    t.image = QSizeF(size.at(0).toDouble(), size.at(1).toDouble());
    return t;
}

} // namespace moescope::tracking
