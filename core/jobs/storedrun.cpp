#include "storedrun.h"

#include <algorithm>
#include <map>

namespace moescope {

namespace {

QJsonObject rectJson(const QRect &r)
{
    return {{"x", r.x()}, {"y", r.y()}, {"width", r.width()}, {"height", r.height()}};
}

QRect rectFromJson(const QJsonObject &o)
{
    return QRect(o.value(QStringLiteral("x")).toInt(), o.value(QStringLiteral("y")).toInt(),
                 o.value(QStringLiteral("width")).toInt(),
                 o.value(QStringLiteral("height")).toInt());
}

QJsonObject originsJson(const StepOrigins &origins)
{
    QJsonObject o;
    for (const auto &[name, origin] : origins)
        o.insert(QString::fromStdString(name),
                 QJsonObject{{"frame", origin.frame},
                             {"source_rect", rectJson(origin.sourceRect)},
                             {"input_size",
                              QJsonArray{origin.inputSize.width(), origin.inputSize.height()}}});
    return o;
}

StepOrigins originsFromJson(const QJsonObject &o)
{
    StepOrigins origins;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonObject v = it.value().toObject();
        StepOrigin origin;
        origin.frame = v.value(QStringLiteral("frame")).toInt();
        origin.sourceRect = rectFromJson(v.value(QStringLiteral("source_rect")).toObject());
        const QJsonArray size = v.value(QStringLiteral("input_size")).toArray();
        origin.inputSize = QSize(size.at(0).toInt(), size.at(1).toInt());
        origins[it.key().toStdString()] = origin;
    }
    return origins;
}

} // namespace

SceneDescription SceneDescription::of(const ImageStack &image)
{
    return {image.width, image.height, image.frameCount, image.modality};
}

SceneDescription SceneDescription::of(const SceneSource &source)
{
    if (const ImageStack *stack = source.stack())
        return of(*stack);
    return {source.size().width(), source.size().height(), source.frameCount(), QString()};
}

store::RunRecord toRunRecord(const AnalysisResult &result, const SceneDescription &image,
                             const model::ModelContract &contract,
                             const std::vector<float> &expertMask)
{
    store::RunRecord run;
    run.model.sha256 = result.modelSha256;
    run.model.name = result.modelName;
    run.model.task = result.task;
    run.model.path = result.modelPath;
    run.model.contractJson = QString::fromStdString(contract.json);
    run.image.sha256 = result.imageSha256;
    run.image.path = result.imagePath;
    run.image.width = image.width;
    run.image.height = image.height;
    run.image.frames = image.frames;
    run.image.modality = image.modality;
    run.device = result.device;
    run.elapsedMs = result.timings.totalMs;
    QJsonObject timings = result.timings.toJson();
    timings.insert(QStringLiteral("plugin"), result.pluginId);
    timings.insert(QStringLiteral("cancelled"), result.cancelled);
    run.timings = timings;
    QJsonArray steps;
    for (const StepResult &s : result.steps) {
        QJsonObject step{{"step", s.step}, {"outputs", s.outputs}};
        if (!s.origins.empty())
            step.insert(QStringLiteral("origins"), originsJson(s.origins));
        // Steps without their full routing (a tiled run's, or a long
        // track's outside its routing window) keep the summary here.
        if (s.layers.empty())
            step.insert(QStringLiteral("routing"), s.routingSummary);
        steps.append(step);
    }
    run.outputs = QJsonObject{{"steps", steps},
                              {"step_count", result.stepCount},
                              {"steps_run", result.stepsRun},
                              {"warnings", QJsonArray::fromStringList(result.warnings)}};
    if (!result.runSummary.isEmpty())
        run.outputs.insert(QStringLiteral("run_summary"), result.runSummary);
    if (result.retention == StepRetention::SummariesOnly)
        run.outputs.insert(QStringLiteral("retention"), QStringLiteral("summaries"));
    if (result.modelRegion.isValid()) {
        const QRect &m = result.modelRegion;
        run.outputs.insert(QStringLiteral("model_region"),
                           QJsonArray{m.x(), m.y(), m.width(), m.height()});
    }
    if (!result.mosaic.empty()) {
        run.outputs.insert(QStringLiteral("mosaic_input"), result.mosaicInput);
        run.outputs.insert(QStringLiteral("mosaic_cell"),
                           QJsonArray{result.mosaicCell.width(), result.mosaicCell.height()});
        run.outputs.insert(QStringLiteral("mosaic_origin"),
                           QJsonArray{result.mosaicOrigin.x(), result.mosaicOrigin.y()});
    }
    if (!result.overviewLayers().empty())
        run.summary = routingSummaryJson(result.overviewLayers());
    else if (!result.steps.isEmpty())
        run.summary = result.steps.first().routingSummary;
    for (float v : expertMask)
        run.expertMask.append(double(v));
    run.frameCount = std::max(result.stepsRun, int(result.steps.size()));
    return run;
}

std::vector<store::FrameRouting> toFrameRouting(const AnalysisResult &result)
{
    std::vector<store::FrameRouting> frames;
    frames.reserve(size_t(result.steps.size()));
    if (!result.mosaic.empty())
        frames.push_back(store::FrameRouting{kMosaicFrame, result.mosaic});
    for (const StepResult &s : result.steps) {
        if (!s.layers.empty())
            frames.push_back(store::FrameRouting{s.step, s.layers});
    }
    return frames;
}

AnalysisResult fromStoredRun(const store::RunRecord &record,
                             const std::vector<store::FrameRouting> &routing)
{
    AnalysisResult r;
    r.runId = record.id;
    r.modelName = record.model.name;
    r.modelPath = record.model.path;
    r.modelSha256 = record.model.sha256;
    r.task = record.model.task;
    r.pluginId = record.timings.value(QStringLiteral("plugin")).toString();
    r.device = record.device;
    r.imagePath = record.image.path;
    r.imageSha256 = record.image.sha256;
    r.stepCount = record.outputs.value(QStringLiteral("step_count")).toInt(record.frameCount);
    r.cancelled = record.timings.value(QStringLiteral("cancelled")).toBool();
    r.timings.preprocessMs = record.timings.value(QStringLiteral("preprocess_ms")).toDouble();
    r.timings.forwardMs = record.timings.value(QStringLiteral("forward_ms")).toDouble();
    r.timings.transferMs = record.timings.value(QStringLiteral("transfer_ms")).toDouble();
    r.timings.routingMs = record.timings.value(QStringLiteral("routing_ms")).toDouble();
    r.timings.postprocessMs = record.timings.value(QStringLiteral("postprocess_ms")).toDouble();
    r.timings.totalMs = record.elapsedMs;
    for (const QJsonValue &w : record.outputs.value(QStringLiteral("warnings")).toArray())
        r.warnings << w.toString();
    r.runSummary = record.outputs.value(QStringLiteral("run_summary")).toObject();
    if (record.outputs.value(QStringLiteral("retention")).toString() == QLatin1String("summaries"))
        r.retention = StepRetention::SummariesOnly;
    r.mosaicInput = record.outputs.value(QStringLiteral("mosaic_input")).toString();
    const QJsonArray cell = record.outputs.value(QStringLiteral("mosaic_cell")).toArray();
    r.mosaicCell = QSizeF(cell.at(0).toDouble(), cell.at(1).toDouble());
    const QJsonArray region = record.outputs.value(QStringLiteral("model_region")).toArray();
    if (region.size() == 4)
        r.modelRegion =
            QRect(region[0].toInt(), region[1].toInt(), region[2].toInt(), region[3].toInt());
    const QJsonArray origin = record.outputs.value(QStringLiteral("mosaic_origin")).toArray();
    r.mosaicOrigin = QPoint(origin.at(0).toInt(), origin.at(1).toInt());
    for (const store::FrameRouting &f : routing) {
        if (f.frame == kMosaicFrame)
            r.mosaic = f.layers;
    }
    std::map<int, const store::FrameRouting *> byFrame;
    for (const store::FrameRouting &f : routing)
        byFrame.emplace(f.frame, &f);
    const QJsonArray steps = record.outputs.value(QStringLiteral("steps")).toArray();
    for (const QJsonValue &v : steps) {
        StepResult s;
        s.step = v.toObject().value(QStringLiteral("step")).toInt();
        s.outputs = v.toObject().value(QStringLiteral("outputs")).toObject();
        s.origins = originsFromJson(v.toObject().value(QStringLiteral("origins")).toObject());
        s.routingSummary = v.toObject().value(QStringLiteral("routing")).toArray();
        if (const auto f = byFrame.find(s.step); f != byFrame.end())
            s.layers = f->second->layers;
        if (s.routingSummary.isEmpty() && !s.layers.empty())
            s.routingSummary = routingSummaryJson(s.layers);
        r.steps.append(s);
    }
    r.stepsRun = record.outputs.value(QStringLiteral("steps_run")).toInt(int(r.steps.size()));
    return r;
}

bool storeAnalysis(store::Database &db, AnalysisResult *result, const SceneDescription &image,
                   const model::ModelContract &contract, const std::vector<float> &expertMask,
                   QString *error)
{
    const std::optional<qint64> id = db.saveRun(toRunRecord(*result, image, contract, expertMask),
                                                toFrameRouting(*result), error);
    if (!id)
        return false;
    result->runId = *id;
    return true;
}

routing::Signature signatureOfRun(const store::RunRecord &record)
{
    routing::Signature s;
    for (const QJsonValue &layer : record.summary) {
        std::vector<double> load;
        for (const QJsonValue &v : layer.toObject().value(QStringLiteral("load")).toArray())
            load.push_back(v.toDouble());
        if (load.empty())
            return {};
        s.loads.push_back(std::move(load));
    }
    return s;
}

QString predictedLabelOfRun(const store::RunRecord &record)
{
    const QJsonArray steps = record.outputs.value(QStringLiteral("steps")).toArray();
    const QJsonObject outputs =
        steps.isEmpty() ? QJsonObject()
                        : steps.first().toObject().value(QStringLiteral("outputs")).toObject();
    for (const QJsonValue &v : outputs) {
        const QString predicted = v.toObject().value(QStringLiteral("predicted")).toString();
        if (!predicted.isEmpty())
            return predicted;
    }
    return {};
}

} // namespace moescope
