#include "comparison.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace moescope::routing {

namespace {

double klTerm(double p, double m)
{
    return p > 0 ? p * std::log2(p / m) : 0.0;
}

// The grid named `input` (or the first), null when the layer has none.
const TokenGrid *gridOf(const LayerRouting &layer, const std::string &input)
{
    for (const TokenGrid &g : layer.grids)
        if (input.empty() || g.input == input)
            return &g;
    return nullptr;
}

// Token indices of the grid, or every token of a layer without grids.
std::vector<int> tokensOf(const LayerRouting &layer, const TokenGrid *grid)
{
    std::vector<int> t;
    if (grid) {
        t.resize(size_t(grid->size()));
        std::iota(t.begin(), t.end(), grid->offset);
    } else {
        t.resize(size_t(layer.tokens));
        std::iota(t.begin(), t.end(), 0);
    }
    return t;
}

// The k most probable experts of a token, as a bit set.
unsigned long long topKSet(const LayerRouting &layer, int token, int k)
{
    std::vector<int> order(size_t(layer.experts));
    std::iota(order.begin(), order.end(), 0);
    const float *p = layer.probs.data() + size_t(token) * layer.experts;
    std::partial_sort(order.begin(), order.begin() + k, order.end(),
                      [p](int x, int y) { return p[x] > p[y] || (p[x] == p[y] && x < y); });
    unsigned long long set = 0;
    for (int i = 0; i < k; ++i)
        set |= 1ull << order[size_t(i)];
    return set;
}

double meanEntropy(const LayerRouting &layer, const std::vector<int> &tokens)
{
    double sum = 0;
    for (int t : tokens)
        sum += entropyBits(layer.probs.data() + size_t(t) * layer.experts, layer.experts);
    return tokens.empty() ? 0.0 : sum / double(tokens.size());
}

std::vector<double> loadOf(const LayerRouting &layer, const std::vector<int> &tokens)
{
    std::vector<double> load(size_t(layer.experts), 0.0);
    for (int t : tokens)
        load[size_t(top1Expert(layer, t))] += 1.0 / double(tokens.size());
    return load;
}

} // namespace

double jsDivergence(const float *p, const float *q, int n)
{
    double js = 0;
    for (int i = 0; i < n; ++i) {
        const double m = 0.5 * (double(p[i]) + double(q[i]));
        js += 0.5 * klTerm(p[i], m) + 0.5 * klTerm(q[i], m);
    }
    return std::max(0.0, js);
}

double jsDivergence(const std::vector<double> &p, const std::vector<double> &q)
{
    double js = 0;
    for (size_t i = 0; i < std::min(p.size(), q.size()); ++i) {
        const double m = 0.5 * (p[i] + q[i]);
        js += 0.5 * klTerm(p[i], m) + 0.5 * klTerm(q[i], m);
    }
    return std::max(0.0, js);
}

double entropyBits(const float *p, int n)
{
    double h = 0;
    for (int i = 0; i < n; ++i)
        if (p[i] > 0)
            h -= double(p[i]) * std::log2(double(p[i]));
    return h;
}

LayerComparison compareLayers(const LayerRouting &a, const LayerRouting &b,
                              const std::string &input)
{
    LayerComparison c;
    c.nameA = a.name;
    c.nameB = b.name;
    c.expertsA = a.experts;
    c.expertsB = b.experts;
    const TokenGrid *ga = gridOf(a, input), *gb = gridOf(b, input);
    const std::vector<int> ta = tokensOf(a, ga), tb = tokensOf(b, gb);
    c.entropyA = meanEntropy(a, ta);
    c.entropyB = meanEntropy(b, tb);
    c.entropyChange = c.entropyB - c.entropyA;
    c.loadA = loadOf(a, ta);
    c.loadB = loadOf(b, tb);
    if (a.experts == b.experts)
        c.loadJs = jsDivergence(c.loadA, c.loadB);

    if (a.experts != b.experts) {
        c.reason = "the layers have " + std::to_string(a.experts) + " and " +
                   std::to_string(b.experts) + " experts: loads and entropy only";
        return c;
    }
    if (a.experts > 64) {
        c.reason = "more than 64 experts: loads and entropy only";
        return c;
    }
    const bool sameGrid = (ga && gb && ga->rows == gb->rows && ga->cols == gb->cols) ||
                          (!ga && !gb && a.tokens == b.tokens);
    if (!sameGrid || ta.empty()) {
        const auto shape = [](const TokenGrid *g, const LayerRouting &l) {
            return g ? std::to_string(g->rows) + "x" + std::to_string(g->cols)
                     : std::to_string(l.tokens) + " tokens";
        };
        c.reason = "the token grids differ (" + shape(ga, a) + " and " + shape(gb, b) +
                   "): loads and entropy only";
        return c;
    }
    c.tokenWise = true;
    c.tokens = int(ta.size());
    c.rows = ga ? ga->rows : 1;
    c.cols = ga ? ga->cols : int(ta.size());
    const int k = std::clamp(a.topK > 0 ? a.topK : 2, 1, a.experts);
    c.agreementMap.resize(ta.size());
    c.jsMap.resize(ta.size());
    c.entropyDiffMap.resize(ta.size());
    double agree = 0, js = 0, jaccard = 0;
    for (size_t i = 0; i < ta.size(); ++i) {
        const float *p = a.probs.data() + size_t(ta[i]) * a.experts;
        const float *q = b.probs.data() + size_t(tb[i]) * b.experts;
        const bool same = top1Expert(a, ta[i]) == top1Expert(b, tb[i]);
        const double d = jsDivergence(p, q, a.experts);
        const unsigned long long sa = topKSet(a, ta[i], k), sb = topKSet(b, tb[i], k);
        const double inter = double(__builtin_popcountll(sa & sb));
        const double uni = double(__builtin_popcountll(sa | sb));
        c.agreementMap[i] = same ? 1.0f : 0.0f;
        c.jsMap[i] = float(d);
        c.entropyDiffMap[i] = float(entropyBits(q, b.experts) - entropyBits(p, a.experts));
        agree += same;
        js += d;
        jaccard += uni > 0 ? inter / uni : 1.0;
    }
    c.agreement = agree / double(ta.size());
    c.meanJs = js / double(ta.size());
    c.meanJaccard = jaccard / double(ta.size());
    return c;
}

} // namespace moescope::routing
