#pragma once
// Two results' routing at one step each, compared layer by layer
// (routing/comparison.h): what `moescope-cli compare` prints and the
// comparison window shows. Per-token figures only where both steps saw one
// picture (the same image content, frame and region): two pictures' tokens
// are different pixels, so those layers fall back to loads and entropy.

#include "analysis.h"
#include "routing/comparison.h"

#include <vector>

namespace moescope {

// The step of `result` for frame `frame`; -1: its first step that kept full
// routing. Null when there is none.
const StepResult *stepForFrame(const AnalysisResult &result, int frame);

// The step compared for `frame` (-1: the first that kept full routing). A
// tiled run keeps its routing as one mosaic over the scene instead: that is
// its frame 0, built into `mosaic` (laid over the part of the scene it covers).
const StepResult *comparedStep(const AnalysisResult &result, int frame, StepResult *mosaic);

// The first min(layers) layers of `sa` (of `a`) against `sb` (of `b`), over
// the token grid A's routing is laid on (a tracker's search region).
std::vector<routing::LayerComparison> compareSteps(const AnalysisResult &a, const StepResult &sa,
                                                   const AnalysisResult &b, const StepResult &sb);

} // namespace moescope
