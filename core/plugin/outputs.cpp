#include "outputs.h"

#include "preprocess.h"

#include <QBuffer>
#include <QColor>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace moescope {

namespace {

QJsonObject classesJson(const model::OutputSpec &spec, const model::HostTensor &t, int b, int topK)
{
    const int K = int(t.dim(1));
    const std::vector<float> p = softmax(t.values.data() + size_t(b) * K, K);
    std::vector<int> order(static_cast<size_t>(K));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int c) { return p[a] > p[c]; });
    QJsonArray top, all;
    for (int i = 0; i < std::min(topK, K); ++i) {
        top.append(QJsonObject{{"label", QString::fromStdString(spec.labels[order[i]])},
                               {"index", order[i]},
                               {"probability", double(p[order[i]])}});
    }
    for (int k = 0; k < K; ++k)
        all.append(double(p[k]));
    return {{"kind", "classes"},
            {"top", top},
            {"probabilities", all},
            {"predicted", QString::fromStdString(spec.labels[order[0]])}};
}

QJsonObject segmentationJson(const model::OutputSpec &spec, const model::HostTensor &t, int b)
{
    const int K = int(t.dim(1)), h = int(t.dim(2)), w = int(t.dim(3));
    const size_t plane = size_t(h) * w;
    const float *base = t.values.data() + size_t(b) * K * plane;
    std::vector<double> area(size_t(K), 0.0);
    for (size_t i = 0; i < plane; ++i) {
        int best = 0;
        for (int k = 1; k < K; ++k) {
            if (base[k * plane + i] > base[best * plane + i])
                best = k;
        }
        area[size_t(best)] += 1.0;
    }
    QJsonArray areas;
    for (int k = 0; k < K; ++k) {
        areas.append(QJsonObject{{"label", QString::fromStdString(spec.labels[size_t(k)])},
                                 {"fraction", area[size_t(k)] / plane}});
    }
    // The label map itself, as a small PNG (an h × w 8-bit index image), so
    // a stored run reopens with its mask and not only the areas.
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    segmentationLabels(t, b).save(&buffer, "PNG", 0);
    return {{"kind", "segmentation"},
            {"height", h},
            {"width", w},
            {"areas", areas},
            {"label_map_png", QString::fromLatin1(png.toBase64())}};
}

QJsonObject embeddingJson(const model::HostTensor &t, int b)
{
    const int D = int(t.dim(1));
    QJsonArray values;
    double norm = 0;
    for (int i = 0; i < D; ++i) {
        const float v = t.values[size_t(b) * D + i];
        values.append(double(v));
        norm += double(v) * v;
    }
    return {{"kind", "embedding"}, {"dimension", D}, {"norm", std::sqrt(norm)}, {"values", values}};
}

QJsonObject boxJson(const model::OutputSpec &spec, const model::HostTensor &t, int b)
{
    QJsonArray values;
    for (int i = 0; i < 4; ++i)
        values.append(double(t.values[size_t(b) * 4 + i]));
    return {{"kind", "box"}, {"format", QString::fromStdString(spec.format)}, {"box", values}};
}

QJsonObject otherJson(const model::OutputSpec &spec, const model::HostTensor &t, int b)
{
    QJsonArray shape;
    for (int64_t s : t.shape)
        shape.append(qint64(s));
    QJsonObject o{{"kind", QString::fromStdString(spec.kindText)}, {"shape", shape}};
    // Small outputs (a few descriptors, a score) are worth reading as numbers.
    const size_t perItem =
        t.shape.empty() || t.shape[0] == 0 ? 0 : t.values.size() / size_t(t.shape[0]);
    if (perItem > 0 && perItem <= 16) {
        QJsonArray values;
        for (size_t i = 0; i < perItem; ++i)
            values.append(double(t.values[size_t(b) * perItem + i]));
        o.insert(QStringLiteral("values"), values);
    }
    return o;
}

} // namespace

QJsonObject interpretOutputs(const model::ModelContract &contract,
                             const model::ForwardResult &result, int b, int topK)
{
    QJsonObject outputs;
    for (const model::OutputSpec &spec : contract.outputs) {
        const model::HostTensor &t = result.outputs.at(spec.name);
        QJsonObject o;
        switch (spec.kind) {
        case model::OutputKind::Classes:
            o = classesJson(spec, t, b, topK);
            break;
        case model::OutputKind::Segmentation:
            o = segmentationJson(spec, t, b);
            break;
        case model::OutputKind::Embedding:
            o = embeddingJson(t, b);
            break;
        case model::OutputKind::Box:
            o = boxJson(spec, t, b);
            break;
        case model::OutputKind::Other:
            o = otherJson(spec, t, b);
            break;
        }
        outputs.insert(QString::fromStdString(spec.name), o);
    }
    return outputs;
}

QColor labelColor(int label)
{
    return QColor::fromHsv((label * 67 + 300) % 360, 210, 255);
}

QImage segmentationLabels(const model::HostTensor &t, int b)
{
    const int K = int(t.dim(1)), h = int(t.dim(2)), w = int(t.dim(3));
    const size_t plane = size_t(h) * w;
    const float *base = t.values.data() + size_t(b) * K * plane;
    QImage labels(w, h, QImage::Format_Indexed8);
    QList<QRgb> colours;
    for (int k = 0; k < 256; ++k)
        colours.append(k == 0 ? qRgba(0, 0, 0, 0) : labelColor(k).rgb());
    labels.setColorTable(colours);
    for (int y = 0; y < h; ++y) {
        uchar *line = labels.scanLine(y);
        for (int x = 0; x < w; ++x) {
            const size_t i = size_t(y) * w + x;
            int best = 0;
            for (int k = 1; k < K; ++k) {
                if (base[k * plane + i] > base[best * plane + i])
                    best = k;
            }
            line[x] = uchar(std::min(best, 255));
        }
    }
    return labels;
}

QImage labelMapFromJson(const QJsonObject &segmentation)
{
    const QByteArray png = QByteArray::fromBase64(
        segmentation.value(QStringLiteral("label_map_png")).toString().toLatin1());
    QImage labels;
    if (png.isEmpty() || !labels.loadFromData(png, "PNG"))
        return {};
    return labels;
}

QImage labelOverlay(const QImage &labelMap, bool clearLabelZero)
{
    if (labelMap.isNull())
        return {};
    QImage indexed = labelMap.format() == QImage::Format_Indexed8
                         ? labelMap
                         : labelMap.convertToFormat(QImage::Format_Indexed8);
    QImage out(indexed.size(), QImage::Format_ARGB32);
    for (int y = 0; y < indexed.height(); ++y) {
        const uchar *src = indexed.constScanLine(y);
        auto *dst = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < indexed.width(); ++x)
            dst[x] = (src[x] == 0 && clearLabelZero) || src[x] == kNoLabel
                         ? qRgba(0, 0, 0, 0)
                         : labelColor(src[x]).rgb();
    }
    return out;
}

} // namespace moescope
