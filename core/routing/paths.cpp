#include "paths.h"

namespace moescope::routing {

std::vector<int> ExpertPaths::coactivation(size_t k) const
{
    if (k + 1 >= top1.size())
        return {};
    std::vector<int> m(size_t(experts[k]) * experts[k + 1], 0);
    for (size_t t = 0; t < top1[k].size(); ++t) {
        const int a = top1[k][t], b = top1[k + 1][t];
        if (a >= 0 && b >= 0)
            ++m[size_t(a) * experts[k + 1] + b];
    }
    return m;
}

int ExpertPaths::nodeCount(size_t k, int e) const
{
    int n = 0;
    if (k < top1.size()) {
        for (int x : top1[k])
            n += x == e;
    }
    return n;
}

std::vector<bool> ExpertPaths::onPath(size_t k, int a, int b) const
{
    std::vector<bool> on(size_t(rows) * cols, false);
    if (k >= top1.size() || (b >= 0 && k + 1 >= top1.size()))
        return on;
    for (size_t t = 0; t < on.size() && t < top1[k].size(); ++t)
        on[t] = top1[k][t] == a && (b < 0 || top1[k + 1][t] == b);
    return on;
}

ExpertPaths expertPaths(const std::vector<LayerRouting> &layers, const std::string &input,
                        const std::vector<bool> &region)
{
    ExpertPaths p;
    p.input = input;
    if (p.input.empty()) {
        for (const LayerRouting &l : layers) {
            if (!l.grids.empty()) {
                p.input = l.grids.back().input;
                break;
            }
        }
    }
    std::vector<std::string> left;
    for (size_t l = 0; l < layers.size(); ++l) {
        const TokenGrid *grid = gridFor(layers[l], p.input);
        if (!grid || grid->size() == 0) {
            left.push_back(layers[l].name + " (no token grid over " + p.input + ")");
            continue;
        }
        if (p.layers.empty()) {
            p.rows = grid->rows;
            p.cols = grid->cols;
        } else if (grid->rows != p.rows || grid->cols != p.cols) {
            left.push_back(layers[l].name + " (another grid, " + std::to_string(grid->rows) + "×" +
                           std::to_string(grid->cols) + ")");
            continue;
        }
        std::vector<int> top = top1Map(layers[l], *grid);
        if (region.size() == top.size()) {
            for (size_t t = 0; t < top.size(); ++t) {
                if (!region[t])
                    top[t] = -1;
            }
        }
        p.layers.push_back(int(l));
        p.experts.push_back(layers[l].experts);
        p.top1.push_back(std::move(top));
    }
    if (!p.top1.empty()) {
        for (int x : p.top1.front())
            p.tokens += x >= 0;
    }
    for (size_t i = 0; i < left.size(); ++i)
        p.reason += (i ? ", " : "left out: ") + left[i];
    return p;
}

} // namespace moescope::routing
