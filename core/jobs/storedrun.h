#pragma once
// An analysis ↔ a stored run: what goes into the database after a run, and
// how a stored run becomes an AnalysisResult again (reopened without
// recomputing: outputs and full routing come from the store).

#include "analysis.h"
#include "routing/signature.h"
#include "store/database.h"

namespace moescope {

// What the store records of the picture a run saw.
struct SceneDescription
{
    int width = 0, height = 0, frames = 1;
    QString modality;
    static SceneDescription of(const ImageStack &image);
    static SceneDescription of(const SceneSource &source);
};

// The frame number under which a tiled run's stitched mosaic is stored (a
// step's routing is stored under its step number, 0 and up).
constexpr int kMosaicFrame = -1;

store::RunRecord toRunRecord(const AnalysisResult &result, const SceneDescription &scene,
                             const model::ModelContract &contract,
                             const std::vector<float> &expertMask);
std::vector<store::FrameRouting> toFrameRouting(const AnalysisResult &result);

AnalysisResult fromStoredRun(const store::RunRecord &record,
                             const std::vector<store::FrameRouting> &routing);

// A stored run's routing signature: the per-layer loads of its routing
// summary (the first step's, or a tiled run's mosaic). Empty when it has none.
routing::Signature signatureOfRun(const store::RunRecord &record);
// The class its first step predicted (a classes output's "predicted"); empty when none.
QString predictedLabelOfRun(const store::RunRecord &record);

// Saves the result; sets result->runId. Errors name the database file.
bool storeAnalysis(store::Database &db, AnalysisResult *result, const SceneDescription &scene,
                   const model::ModelContract &contract, const std::vector<float> &expertMask,
                   QString *error);
inline bool storeAnalysis(store::Database &db, AnalysisResult *result, const ImageStack &image,
                          const model::ModelContract &contract,
                          const std::vector<float> &expertMask, QString *error)
{
    return storeAnalysis(db, result, SceneDescription::of(image), contract, expertMask, error);
}

} // namespace moescope
