#include "stepcomparison.h"

#include <algorithm>

namespace moescope {

const StepResult *stepForFrame(const AnalysisResult &result, int frame)
{
    for (const StepResult &s : result.steps) {
        if (frame < 0 ? !s.layers.empty() : s.step == frame)
            return &s;
    }
    return nullptr;
}

const StepResult *comparedStep(const AnalysisResult &result, int frame, StepResult *mosaic)
{
    if (result.mosaic.empty() || frame > 0)
        return stepForFrame(result, frame);
    mosaic->step = 0;
    mosaic->layers = result.mosaic;
    mosaic->routingSummary = routingSummaryJson(result.mosaic);
    mosaic->outputs = result.steps.isEmpty() ? QJsonObject() : result.steps.first().outputs;
    const routing::LayerRouting &first = result.mosaic.front();
    StepOrigin origin;
    origin.sourceRect = result.mosaicRect();
    if (!first.grids.empty())
        origin.inputSize = QSize(first.grids.front().cols, first.grids.front().rows);
    mosaic->origins = {{result.mosaicInput.toStdString(), origin}};
    return mosaic;
}

std::vector<routing::LayerComparison> compareSteps(const AnalysisResult &a, const StepResult &sa,
                                                   const AnalysisResult &b, const StepResult &sb)
{
    const auto originOf = [](const StepResult &s, const std::string &input) {
        const auto it = s.origins.find(input);
        return it == s.origins.end() ? QRect() : it->second.sourceRect;
    };
    std::vector<routing::LayerComparison> out;
    const size_t layers = std::min(sa.layers.size(), sb.layers.size());
    out.reserve(layers);
    for (size_t l = 0; l < layers; ++l) {
        const routing::LayerRouting &la = sa.layers[l], &lb = sb.layers[l];
        // The grid laid over the image: the input A's routing is shown on.
        const std::string input = la.grids.empty() ? std::string() : la.grids.back().input;
        routing::LayerComparison c = routing::compareLayers(la, lb, input);
        const bool samePicture = a.imageSha256 == b.imageSha256 && sa.step == sb.step &&
                                 originOf(sa, input) == originOf(sb, input);
        if (c.tokenWise && !samePicture) {
            c.tokenWise = false;
            c.reason = "the runs saw different pictures: loads and entropy only";
        }
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace moescope
