#pragma once
// An analysis ↔ a stored run: what goes into the database after a run, and
// how a stored run becomes an AnalysisResult again (reopened without
// recomputing: outputs and full routing come from the store).

#include "analysis.h"
#include "store/database.h"

namespace moescope {

store::RunRecord toRunRecord(const AnalysisResult &result, const ImageStack &image,
                             const model::ModelContract &contract,
                             const std::vector<float> &expertMask);
std::vector<store::FrameRouting> toFrameRouting(const AnalysisResult &result);

AnalysisResult fromStoredRun(const store::RunRecord &record,
                             const std::vector<store::FrameRouting> &routing);

// Saves the result; sets result->runId. Errors name the database file.
bool storeAnalysis(store::Database &db, AnalysisResult *result, const ImageStack &image,
                   const model::ModelContract &contract, const std::vector<float> &expertMask,
                   QString *error);

} // namespace moescope
