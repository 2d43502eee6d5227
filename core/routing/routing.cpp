#include "routing.h"

#include "text/text.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace moescope::routing {

std::string LayerRouting::expertName(int expert) const
{
    if (expert >= 0 && size_t(expert) < expertNames.size() && !expertNames[expert].empty())
        return expertNames[expert];
    return "expert " + std::to_string(expert);
}

std::vector<bool> spatialMask(const LayerRouting &layer)
{
    std::vector<bool> mask(size_t(layer.tokens), false);
    for (const TokenGrid &grid : layer.grids) {
        const int end = std::min(layer.tokens, grid.offset + grid.size());
        for (int t = std::max(0, grid.offset); t < end; ++t)
            mask[t] = true;
    }
    return mask;
}

int top1Expert(const LayerRouting &layer, int token)
{
    const float *row = layer.probs.data() + size_t(token) * layer.experts;
    return int(std::max_element(row, row + layer.experts) - row);
}

double tokenEntropy(const LayerRouting &layer, int token)
{
    const float *row = layer.probs.data() + size_t(token) * layer.experts;
    double h = 0;
    for (int e = 0; e < layer.experts; ++e) {
        if (row[e] > 0)
            h -= double(row[e]) * std::log(double(row[e]));
    }
    return h;
}

LayerSummary summarize(const LayerRouting &layer)
{
    LayerSummary s;
    s.load.assign(size_t(layer.experts), 0.0);
    s.meanProb.assign(size_t(layer.experts), 0.0);
    s.maxEntropy = layer.experts > 0 ? std::log(double(layer.experts)) : 0.0;
    if (layer.tokens <= 0 || layer.experts <= 0)
        return s;

    std::vector<bool> counted = spatialMask(layer);
    s.spatial = std::find(counted.begin(), counted.end(), true) != counted.end();
    if (!s.spatial)
        counted.assign(counted.size(), true);

    double entropySum = 0;
    for (int t = 0; t < layer.tokens; ++t) {
        if (!counted[t])
            continue;
        ++s.countedTokens;
        s.load[top1Expert(layer, t)] += 1.0;
        entropySum += tokenEntropy(layer, t);
        for (int e = 0; e < layer.experts; ++e)
            s.meanProb[e] += layer.prob(t, e);
    }
    for (int e = 0; e < layer.experts; ++e) {
        s.load[e] /= s.countedTokens;
        s.meanProb[e] /= s.countedTokens;
    }
    s.meanEntropy = entropySum / s.countedTokens;
    return s;
}

std::vector<float> expertMap(const LayerRouting &layer, const TokenGrid &grid, int expert)
{
    std::vector<float> map(size_t(grid.size()));
    for (int i = 0; i < grid.size(); ++i)
        map[i] = layer.prob(grid.offset + i, expert);
    return map;
}

std::vector<int> top1Map(const LayerRouting &layer, const TokenGrid &grid)
{
    std::vector<int> map(size_t(grid.size()));
    for (int i = 0; i < grid.size(); ++i)
        map[i] = top1Expert(layer, grid.offset + i);
    return map;
}

std::vector<float> entropyMap(const LayerRouting &layer, const TokenGrid &grid)
{
    std::vector<float> map(size_t(grid.size()));
    for (int i = 0; i < grid.size(); ++i)
        map[i] = float(tokenEntropy(layer, grid.offset + i));
    return map;
}

const TokenGrid *gridFor(const LayerRouting &layer, const std::string &input)
{
    for (const TokenGrid &grid : layer.grids) {
        if (grid.input == input)
            return &grid;
    }
    return nullptr;
}

std::string validate(const LayerRouting &layer, double tolerance)
{
    std::ostringstream why;
    if (layer.experts <= 0 || layer.tokens <= 0) {
        return text::modelText("moescope::routing::Check",
                               "layer %1 routes %2 tokens to %3 experts")
            .arg(layer.name)
            .arg(std::to_string(layer.tokens))
            .arg(std::to_string(layer.experts));
    }
    if (layer.probs.size() != size_t(layer.tokens) * layer.experts) {
        return text::modelText("moescope::routing::Check",
                               "layer %1 has %2 router values, expected tokens × experts = %3")
            .arg(layer.name)
            .arg(std::to_string(layer.probs.size()))
            .arg(std::to_string(layer.tokens * layer.experts));
    }
    for (const TokenGrid &grid : layer.grids) {
        if (grid.offset < 0 || grid.rows <= 0 || grid.cols <= 0 ||
            grid.offset + grid.size() > layer.tokens) {
            return text::modelText(
                       "moescope::routing::Check",
                       "layer %1 token grid %2x%3 at offset %4 does not fit in its %5 tokens")
                .arg(layer.name)
                .arg(std::to_string(grid.rows))
                .arg(std::to_string(grid.cols))
                .arg(std::to_string(grid.offset))
                .arg(std::to_string(layer.tokens));
        }
    }
    for (int t = 0; t < layer.tokens; ++t) {
        double sum = 0;
        for (int e = 0; e < layer.experts; ++e) {
            const float p = layer.prob(t, e);
            if (!std::isfinite(p)) {
                return text::modelText("moescope::routing::Check",
                                       "layer %1 router has NaN or Inf (token %2, expert %3)")
                    .arg(layer.name)
                    .arg(std::to_string(t))
                    .arg(std::to_string(e));
            }
            if (p < -tolerance) {
                why << p;
                return text::modelText(
                           "moescope::routing::Check",
                           "layer %1 router has a negative probability (token %2, expert %3: %4)")
                    .arg(layer.name)
                    .arg(std::to_string(t))
                    .arg(std::to_string(e))
                    .arg(why.str());
            }
            sum += p;
        }
        if (std::abs(sum - 1.0) > tolerance) {
            std::ostringstream s, tol;
            s << sum;
            tol << tolerance;
            return text::modelText(
                       "moescope::routing::Check",
                       "layer %1 router row of token %2 sums to %3, not 1 (tolerance %4)")
                .arg(layer.name)
                .arg(std::to_string(t))
                .arg(s.str())
                .arg(tol.str());
        }
    }
    for (float d : layer.dispatch) {
        if (!std::isfinite(d)) {
            return text::modelText("moescope::routing::Check", "layer %1 dispatch has NaN or Inf")
                .arg(layer.name);
        }
    }
    return {};
}

} // namespace moescope::routing
