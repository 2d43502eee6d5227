#include "runcomparison.h"

#include "jobs/stepcomparison.h"

#include <QImage>
#include <QJsonArray>

#include <array>
#include <cmath>
#include <map>

namespace moescope {

RunComparison::RunComparison(Workspace *workspace, QObject *parent) : QObject(parent)
{
    for (StoredRunDocument *&side : m_sides) {
        side = new StoredRunDocument(workspace, this);
        connect(side, &StoredRunDocument::ready, this, [this] {
            if (--m_pending == 0 && m_opened)
                Q_EMIT ready();
        });
    }
}

bool RunComparison::open(qint64 a, qint64 b, QString *error)
{
    if (m_pending > 0) {
        *error = tr("Still opening the last comparison");
        return false;
    }
    // A side that cannot be read reports nothing; the other's picture may
    // still arrive, and then says nothing either (m_opened stays false).
    m_opened = false;
    m_pending = 2;
    if (!m_sides[0]->open(a, error)) {
        m_pending = 0;
        return false;
    }
    if (!m_sides[1]->open(b, error)) {
        --m_pending;
        return false;
    }
    m_opened = true;
    if (m_pending == 0) // both pictures were already open
        Q_EMIT ready();
    return true;
}

std::vector<routing::LayerComparison> RunComparison::compare(int frameA, int frameB,
                                                             QString *why) const
{
    StepResult mosaicA, mosaicB;
    const StepResult *a = comparedStep(result(0), frameA, &mosaicA);
    const StepResult *b = comparedStep(result(1), frameB, &mosaicB);
    if (!a || a->layers.empty() || !b || b->layers.empty()) {
        const bool aMissing = !a || a->layers.empty();
        *why = tr("Run %1 kept no routing for frame %2 (only its summary)")
                   .arg(result(aMissing ? 0 : 1).runId)
                   .arg(aMissing ? frameA : frameB);
        return {};
    }
    why->clear();
    return compareSteps(result(0), *a, result(1), *b);
}

namespace {

QImage labelMap(const QJsonObject &o)
{
    return QImage::fromData(
        QByteArray::fromBase64(o.value(QStringLiteral("label_map_png")).toString().toLatin1()),
        "PNG");
}

// Mean Dice over the labels present in either map (pixel values are labels).
double meanDice(const QImage &a, const QImage &b)
{
    const QImage x = a.convertToFormat(QImage::Format_Indexed8);
    const QImage y = b.convertToFormat(QImage::Format_Indexed8, x.colorTable());
    std::map<int, std::array<qint64, 3>> counts; // label → in A, in B, in both
    for (int r = 0; r < x.height(); ++r) {
        const uchar *p = x.constScanLine(r), *q = y.constScanLine(r);
        for (int c = 0; c < x.width(); ++c) {
            ++counts[p[c]][0];
            ++counts[q[c]][1];
            if (p[c] == q[c])
                ++counts[p[c]][2];
        }
    }
    double sum = 0;
    for (const auto &[label, n] : counts)
        sum += 2.0 * double(n[2]) / double(n[0] + n[1]);
    return counts.empty() ? 1.0 : sum / double(counts.size());
}

} // namespace

QStringList RunComparison::compareOutputs(int frameA, int frameB) const
{
    StepResult mosaicA, mosaicB;
    const StepResult *a = comparedStep(result(0), frameA, &mosaicA);
    const StepResult *b = comparedStep(result(1), frameB, &mosaicB);
    if (!a || !b)
        return {};
    QStringList lines;
    for (auto it = a->outputs.begin(); it != a->outputs.end(); ++it) {
        const QJsonObject x = it.value().toObject();
        const QJsonObject y = b->outputs.value(it.key()).toObject();
        const QString kind = x.value(QStringLiteral("kind")).toString();
        if (y.isEmpty() || y.value(QStringLiteral("kind")).toString() != kind)
            continue;
        if (kind == QLatin1String("classes")) {
            const QJsonArray p = x.value(QStringLiteral("probabilities")).toArray();
            const QJsonArray q = y.value(QStringLiteral("probabilities")).toArray();
            if (p.size() != q.size() || p.isEmpty())
                continue;
            double tv = 0;
            for (int i = 0; i < p.size(); ++i)
                tv += std::abs(p[i].toDouble() - q[i].toDouble()) / 2;
            lines << tr("%1: total variation %2 (%3 → %4)")
                         .arg(it.key())
                         .arg(tv, 0, 'f', 4)
                         .arg(x.value(QStringLiteral("predicted")).toString(),
                              y.value(QStringLiteral("predicted")).toString());
        } else if (kind == QLatin1String("segmentation")) {
            const QImage ma = labelMap(x), mb = labelMap(y);
            if (ma.isNull() || ma.size() != mb.size())
                continue;
            lines << tr("%1: mean Dice %2").arg(it.key()).arg(meanDice(ma, mb), 0, 'f', 4);
        } else if (kind == QLatin1String("box")) {
            const QJsonArray p = x.value(QStringLiteral("box")).toArray();
            const QJsonArray q = y.value(QStringLiteral("box")).toArray();
            if (p.size() != 4 || q.size() != 4)
                continue;
            // Centre, width, height → corners (xywh boxes are converted alike).
            const bool centred =
                x.value(QStringLiteral("format")).toString() != QLatin1String("xyxy");
            const auto corners = [centred](const QJsonArray &v) {
                const double a = v[0].toDouble(), b = v[1].toDouble(), c = v[2].toDouble(),
                             d = v[3].toDouble();
                return centred ? std::array<double, 4>{a - c / 2, b - d / 2, a + c / 2, b + d / 2}
                               : std::array<double, 4>{a, b, c, d};
            };
            const auto u = corners(p), v = corners(q);
            const double w = std::max(0.0, std::min(u[2], v[2]) - std::max(u[0], v[0]));
            const double h = std::max(0.0, std::min(u[3], v[3]) - std::max(u[1], v[1]));
            const double uni =
                (u[2] - u[0]) * (u[3] - u[1]) + (v[2] - v[0]) * (v[3] - v[1]) - w * h;
            lines << tr("%1: IoU %2").arg(it.key()).arg(uni > 0 ? w * h / uni : 1.0, 0, 'f', 4);
        }
    }
    return lines;
}

} // namespace moescope
