#include "storedrun.h"

namespace moescope {

store::RunRecord toRunRecord(const AnalysisResult &result, const ImageStack &image,
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
    run.image.frames = image.frameCount;
    run.image.modality = image.modality;
    run.device = result.device;
    run.elapsedMs = result.timings.totalMs;
    QJsonObject timings = result.timings.toJson();
    timings.insert(QStringLiteral("plugin"), result.pluginId);
    timings.insert(QStringLiteral("cancelled"), result.cancelled);
    run.timings = timings;
    QJsonArray steps;
    for (const StepResult &s : result.steps)
        steps.append(QJsonObject{{"step", s.step}, {"outputs", s.outputs}});
    run.outputs = QJsonObject{{"steps", steps},
                              {"step_count", result.stepCount},
                              {"warnings", QJsonArray::fromStringList(result.warnings)}};
    if (!result.steps.isEmpty())
        run.summary = routingSummaryJson(result.steps.first().layers);
    for (float v : expertMask)
        run.expertMask.append(double(v));
    run.frameCount = int(result.steps.size());
    return run;
}

std::vector<store::FrameRouting> toFrameRouting(const AnalysisResult &result)
{
    std::vector<store::FrameRouting> frames;
    frames.reserve(size_t(result.steps.size()));
    for (const StepResult &s : result.steps)
        frames.push_back(store::FrameRouting{s.step, s.layers});
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
    const QJsonArray steps = record.outputs.value(QStringLiteral("steps")).toArray();
    for (const QJsonValue &v : steps) {
        StepResult s;
        s.step = v.toObject().value(QStringLiteral("step")).toInt();
        s.outputs = v.toObject().value(QStringLiteral("outputs")).toObject();
        for (const store::FrameRouting &f : routing) {
            if (f.frame == s.step) {
                s.layers = f.layers;
                break;
            }
        }
        r.steps.append(s);
    }
    return r;
}

bool storeAnalysis(store::Database &db, AnalysisResult *result, const ImageStack &image,
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

} // namespace moescope
