#pragma once
// Routing stability (issue 13): how firmly the router holds its choice.
// One step of a run is prepared once and run as it is (the baseline) and
// then `passes` times perturbed: Gaussian noise of `noise` (in the 0…1 pixel
// scale, before the model's normalisation) and a random shift of up to
// `shift` pixels (edges repeated). Per MoE layer and grid token, the flip
// rate is the share of passes whose top-1 expert differs from the
// baseline's; it is set beside the baseline's routing entropy, with their
// rank correlation (a router that is unsure flips more). The answer's
// change is measured too (ablation.h's measures). Deterministic for a seed.

#include "ablation.h"

namespace moescope {

struct StabilityRequest
{
    QSharedPointer<const SceneSource> source;
    int step = 0;
    int passes = 16;
    double noise = 0.02; // standard deviation, 0…1 pixel scale
    int shift = 2;       // pixels, each way
    unsigned seed = 1;
    PrepareOptions options;
};

struct LayerStability
{
    std::string name;
    int rows = 0, cols = 0;
    std::vector<float> flipRate; // per grid token, 0…1
    std::vector<float> entropy;  // the baseline's, bits
    double meanFlipRate = 0;
    double entropyCorrelation = 0; // Spearman, flip rate vs entropy
};

struct StabilityResult
{
    QString modelName, imagePath;
    int step = 0, passes = 0;
    double noise = 0;
    int shift = 0;
    std::vector<LayerStability> layers; // the layers with a token grid
    std::string primaryOutput;
    double meanOutputChange = 0; // mean over passes of the primary output's effect
    double forwardMs = 0, totalMs = 0;
};

bool runStability(model::Engine &engine, const TaskPlugin &plugin, const StabilityRequest &request,
                  const std::atomic_bool *cancel, const ProgressCallback &progress,
                  StabilityResult *result, QString *error);

} // namespace moescope

Q_DECLARE_METATYPE(moescope::StabilityResult)
