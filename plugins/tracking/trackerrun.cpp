#include "trackerrun.h"

#include "tracking/trackmetrics.h"
#include "trackingtr.h"
#include "videosource.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace moescope::tracking {

namespace {

const model::InputSpec *imageInput(const model::ModelContract &contract, const char *name)
{
    for (const model::InputSpec &spec : contract.inputs)
        if (spec.kind == model::InputKind::Image && spec.name == name)
            return &spec;
    return nullptr;
}

std::optional<QRectF> boxOption(const QVariant &v, QString *error)
{
    if (!v.isValid())
        return std::nullopt;
    if (v.typeId() == QMetaType::QRectF)
        return v.toRectF();
    const QStringList parts = v.toString().split(QLatin1Char(','));
    double n[4] = {0, 0, 0, 0};
    bool ok = parts.size() == 4;
    for (int i = 0; ok && i < 4; ++i)
        n[i] = parts[i].trimmed().toDouble(&ok);
    if (!ok) {
        *error = Tr::tr("the initial box is x,y,w,h, not \"%1\"").arg(v.toString());
        return std::nullopt;
    }
    return QRectF(n[0], n[1], n[2], n[3]);
}

QJsonArray boxJson(const QRectF &r)
{
    auto round3 = [](double v) { return std::round(v * 1000.0) / 1000.0; };
    return {round3(r.x()), round3(r.y()), round3(r.width()), round3(r.height())};
}

} // namespace

std::unique_ptr<TrackerRun> TrackerRun::create(const model::ModelContract &contract,
                                               QSharedPointer<const SceneSource> source,
                                               const PrepareOptions &options, QString *error)
{
    std::unique_ptr<TrackerRun> run(new TrackerRun);
    run->m_contract = contract;
    run->m_source = std::move(source);
    run->m_frames = dynamic_cast<const FrameSource *>(run->m_source.data());
    run->m_sequence = dynamic_cast<const SequenceSource *>(run->m_frames);
    run->m_templateSpec = imageInput(run->m_contract, "template");
    run->m_searchSpec = imageInput(run->m_contract, "search");
    if (!run->m_templateSpec || !run->m_searchSpec || run->m_templateSpec->channels != 3 ||
        run->m_searchSpec->channels != 3) {
        *error = Tr::tr("%1 is not a tracker: it needs RGB image inputs named \"template\" "
                        "and \"search\"")
                     .arg(QString::fromStdString(contract.name));
        return nullptr;
    }
    if (!run->m_source || run->m_source->bands() != 3) {
        *error = Tr::tr("a tracker needs colour frames (3 bands)");
        return nullptr;
    }
    run->m_templateFactor =
        options.extra.value(QLatin1String(option::kTemplateFactor), 2.0).toDouble();
    run->m_searchFactor = options.extra.value(QLatin1String(option::kSearchFactor), 4.0).toDouble();
    QString why;
    run->m_initBox = boxOption(options.extra.value(QLatin1String(option::kInitBox)), &why);
    if (!why.isEmpty()) {
        *error = why;
        return nullptr;
    }
    if (const auto *video = dynamic_cast<const VideoSource *>(run->m_source.data());
        video && !video->truncated().isEmpty())
        run->m_warnings << QStringLiteral("%1: %2").arg(video->path(), video->truncated());
    if (!run->m_initBox && (!run->m_sequence || run->m_sequence->groundTruth().isEmpty())) {
        *error = Tr::tr("no initial box: draw one, or give --init X,Y,W,H (there is no "
                        "ground truth to take it from)");
        return nullptr;
    }
    return run;
}

Rgb8 TrackerRun::frame(int index, QString *error) const
{
    if (m_frames)
        return m_frames->frame(index, error);
    // Any other 3-band source (a cine the host loaded): its samples as bytes.
    Raster raster;
    const QSize size = m_source->size();
    if (!m_source->read(index, QRect(QPoint(0, 0), size), size, &raster, error))
        return {};
    Rgb8 f;
    f.width = raster.width;
    f.height = raster.height;
    f.samples.resize(raster.samples.size());
    for (size_t i = 0; i < raster.samples.size(); ++i)
        f.samples[i] = std::uint8_t(std::clamp(std::lround(raster.samples[i]), 0L, 255L));
    return f;
}

std::vector<float> TrackerRun::normalised(const std::vector<std::uint8_t> &rgb, int size,
                                          const model::InputSpec &spec) const
{
    // HWC 8-bit → CHW, pixels / 255, then (x − mean) / std (the recipe's to_input).
    std::vector<float> chw(size_t(3) * size * size);
    for (int c = 0; c < 3; ++c) {
        const float mean = spec.mean.size() == 3 ? spec.mean[size_t(c)] : 0.0f;
        const float sd = spec.std.size() == 3 ? spec.std[size_t(c)] : 1.0f;
        for (int i = 0; i < size * size; ++i)
            chw[size_t(c) * size * size + size_t(i)] =
                (float(rgb[size_t(i) * 3 + size_t(c)]) / 255.0f - mean) / sd;
    }
    return chw;
}

bool TrackerRun::initialise(int frameIndex, QString *error)
{
    QRectF box;
    if (m_initBox) {
        box = *m_initBox;
    } else {
        const GroundTruth &truth = m_sequence->groundTruth();
        if (frameIndex >= truth.boxes.size() || !truth.visible(frameIndex)) {
            *error = Tr::tr("%1: the ground truth has no box on frame %2 to start from")
                         .arg(truth.path)
                         .arg(frameIndex + 1);
            return false;
        }
        box = truth.boxes[frameIndex];
    }
    const QSize size = m_source->size();
    if (!(box.width() > 0 && box.height() > 0) ||
        !box.intersects(QRectF(QPointF(0, 0), QSizeF(size)))) {
        *error = Tr::tr("the initial box %1,%2,%3,%4 is empty or outside the %5 × %6 frame")
                     .arg(box.x())
                     .arg(box.y())
                     .arg(box.width())
                     .arg(box.height())
                     .arg(size.width())
                     .arg(size.height());
        return false;
    }
    const Rgb8 f = frame(frameIndex, error);
    if (f.samples.empty())
        return false;
    m_initFrame = frameIndex;
    m_box = box;
    m_templateWindow = cropWindow(box, m_templateFactor);
    const int t = m_templateSpec->width;
    m_template = normalised(cropResize(f, m_templateWindow, t), t, *m_templateSpec);
    return true;
}

bool TrackerRun::prepare(int step, model::InputBatch *batch, StepOrigins *origins, QString *error)
{
    m_stepClock.start();
    if (m_initFrame < 0 && !initialise(step, error))
        return false;
    const Rgb8 f = frame(step, error);
    if (f.samples.empty())
        return false;
    m_searchWindow = cropWindow(m_box, m_searchFactor);
    const int s = m_searchSpec->width, t = m_templateSpec->width;
    batch->batch = 1;
    batch->images[m_templateSpec->name] = m_template;
    batch->images[m_searchSpec->name] =
        normalised(cropResize(f, m_searchWindow, s), s, *m_searchSpec);
    (*origins)[m_templateSpec->name] = StepOrigin{m_initFrame, m_templateWindow.rect(), {t, t}};
    (*origins)[m_searchSpec->name] = StepOrigin{step, m_searchWindow.rect(), {s, s}};
    return true;
}

QJsonObject TrackerRun::consume(int step, const model::ForwardResult &result, int b)
{
    const auto box = result.outputs.find("box");
    const auto scores = result.outputs.find("score_map");
    if (box == result.outputs.end() || box->second.values.size() < size_t(4 * (b + 1))) {
        m_failure = Tr::tr("%1 gave no box (output \"box\" [B, 4])")
                        .arg(QString::fromStdString(m_contract.name));
        return {};
    }
    // The peak of the score map (sigmoid of its logits): the tracker's confidence.
    double score = 0;
    QJsonArray map;
    int rows = 0, cols = 0;
    if (scores != result.outputs.end() && !scores->second.values.empty()) {
        const model::HostTensor &t = scores->second;
        rows = int(t.dim(t.shape.size() - 2));
        cols = int(t.dim(t.shape.size() - 1));
        const size_t n = size_t(rows) * cols;
        for (size_t i = 0; i < n; ++i) {
            const double p = 1.0 / (1.0 + std::exp(-double(t.values[size_t(b) * n + i])));
            score = std::max(score, p);
            map.append(std::round(p * 1000.0) / 1000.0);
        }
    }
    const QSize size = m_source->size();
    if (step == m_initFrame) {
        // The given box stands on the init frame (the benchmarks score it so).
    } else {
        const float *v = box->second.values.data() + size_t(b) * 4;
        const QRectF b0 = windowToBox({v[0], v[1], v[2], v[3]}, m_searchWindow);
        // As the recipe's tracker: centre kept in the frame, sides in [4, frame].
        const double cx = std::clamp(b0.x() + 0.5 * b0.width(), 0.0, double(size.width()));
        const double cy = std::clamp(b0.y() + 0.5 * b0.height(), 0.0, double(size.height()));
        double w = m_box.width() + 1.0 * (b0.width() - m_box.width());
        double h = m_box.height() + 1.0 * (b0.height() - m_box.height());
        w = std::clamp(w, 4.0, double(size.width()));
        h = std::clamp(h, 4.0, double(size.height()));
        m_box = QRectF(cx - 0.5 * w, cy - 0.5 * h, w, h);
    }
    double overlap = -1;
    if (m_sequence && m_sequence->groundTruth().visible(step))
        overlap = iouContinuous(m_box, m_sequence->groundTruth().boxes[step], QSizeF(size));
    m_track.append({step, m_box, score, overlap, m_stepClock.nsecsElapsed() / 1e9});
    QJsonObject out{{"frame", step},
                    {"box", boxJson(m_box)},
                    {"score", std::round(score * 10000.0) / 10000.0},
                    {"search_region", QJsonArray{m_searchWindow.x0, m_searchWindow.y0,
                                                 m_searchWindow.side, m_searchWindow.side}}};
    if (overlap >= 0)
        out.insert(QStringLiteral("iou"), std::round(overlap * 10000.0) / 10000.0);
    else if (m_sequence && !m_sequence->groundTruth().isEmpty())
        out.insert(QStringLiteral("target_absent"), true); // the benchmark says so
    // What the window draws on the frame: the search region, the ground
    // truth where the target is visible, the tracker's box.
    QJsonArray frameBoxes{
        QJsonObject{{"label", Tr::tr("search region")},
                    {"role", "region"},
                    {"rect", QJsonArray{m_searchWindow.x0, m_searchWindow.y0, m_searchWindow.side,
                                        m_searchWindow.side}}}};
    if (overlap >= 0)
        frameBoxes.append(QJsonObject{{"label", Tr::tr("ground truth")},
                                      {"role", "truth"},
                                      {"rect", boxJson(m_sequence->groundTruth().boxes[step])}});
    frameBoxes.append(QJsonObject{{"label", Tr::tr("track %1").arg(score, 0, 'f', 2)},
                                  {"role", "prediction"},
                                  {"rect", boxJson(m_box)}});
    out.insert(QStringLiteral("frame_boxes"), frameBoxes);
    if (step == m_initFrame)
        out.insert(QStringLiteral("template_region"),
                   QJsonArray{m_templateWindow.x0, m_templateWindow.y0, m_templateWindow.side,
                              m_templateWindow.side});
    if (rows > 0)
        out.insert(QStringLiteral("score_map"),
                   QJsonObject{{"rows", rows}, {"cols", cols}, {"values", map}});
    return out;
}

QJsonObject TrackerRun::finish(bool cancelled)
{
    QJsonArray frames, boxes, scores, ious, seconds;
    for (const Track &t : std::as_const(m_track)) {
        frames.append(t.frame);
        seconds.append(std::round(t.seconds * 1e6) / 1e6);
        boxes.append(boxJson(t.box));
        scores.append(std::round(t.score * 10000.0) / 10000.0);
        ious.append(t.iou >= 0 ? QJsonValue(std::round(t.iou * 10000.0) / 10000.0)
                               : QJsonValue(QJsonValue::Null));
    }
    QJsonObject summary{
        {"init_frame", m_initFrame},
        {"frames", frames},
        {"boxes", boxes},
        {"scores", scores},
        {"ious", ious},
        {"seconds", seconds},
        {"frame_size", QJsonArray{m_source->size().width(), m_source->size().height()}},
        {"partial", cancelled}};
    if (m_sequence) {
        summary.insert(QStringLiteral("sequence"), m_sequence->name());
        summary.insert(QStringLiteral("layout"), m_sequence->layout());
        // What the benchmark's ground truth says, for the host's metrics.
        const GroundTruth &truth = m_sequence->groundTruth();
        if (!truth.isEmpty()) {
            QJsonArray gt, cover, absent;
            for (const QRectF &b : truth.boxes)
                gt.append(QJsonArray{b.x(), b.y(), b.width(), b.height()});
            for (int c : truth.cover)
                cover.append(c);
            for (bool a : truth.absent)
                absent.append(a);
            summary.insert(QStringLiteral("groundtruth"),
                           QJsonObject{{"boxes", gt}, {"cover", cover}, {"absent", absent}});
        }
    }
    return summary;
}

} // namespace moescope::tracking
