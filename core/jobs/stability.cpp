#include "stability.h"

#include "routing/comparison.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <random>

namespace moescope {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::Stability)
};

// `pixels` (1×C×H×W, normalised with `spec`) shifted by (dx, dy), edges
// repeated, plus noise of `sigma` on the 0…1 scale (σ / std once normalised).
std::vector<float> perturbed(const std::vector<float> &pixels, const model::InputSpec &spec, int dx,
                             int dy, double sigma, std::mt19937 &rng)
{
    const int C = spec.channels, H = spec.height, W = spec.width;
    std::vector<float> out(pixels.size());
    std::normal_distribution<float> noise(0.0f, 1.0f);
    for (int c = 0; c < C; ++c) {
        const float scale =
            float(sigma) /
            (size_t(c) < spec.std.size() && spec.std[size_t(c)] > 0 ? spec.std[size_t(c)] : 1.0f);
        for (int y = 0; y < H; ++y) {
            const int sy = std::clamp(y - dy, 0, H - 1);
            for (int x = 0; x < W; ++x) {
                const int sx = std::clamp(x - dx, 0, W - 1);
                out[(size_t(c) * H + y) * W + x] =
                    pixels[(size_t(c) * H + sy) * W + sx] + scale * noise(rng);
            }
        }
    }
    return out;
}

} // namespace

bool runStability(model::Engine &engine, const TaskPlugin &plugin, const StabilityRequest &request,
                  const std::atomic_bool *cancel, const ProgressCallback &progress,
                  StabilityResult *result, QString *error)
{
    QElapsedTimer total;
    total.start();
    const model::ModelContract &contract = engine.contract();
    const QString modelName = QString::fromStdString(contract.name);
    const QSharedPointer<const SceneSource> &source = request.source;
    if (request.passes < 1 || request.noise < 0 || request.shift < 0) {
        *error = Tr::tr("passes must be 1 or more, noise and shift 0 or more");
        return false;
    }
    ProbeStep probe;
    if (!prepareProbeStep(contract, plugin, source, request.options, request.step, &probe, error))
        return false;
    const int step = probe.step;
    model::InputBatch &batch = probe.batch;
    result->modelName = modelName;
    result->imagePath = source->path();
    result->step = step;
    result->passes = request.passes;
    result->noise = request.noise;
    result->shift = request.shift;

    const std::map<std::string, std::vector<float>> original = batch.images;
    const auto forward = [&](model::ForwardResult *out, int done) {
        if (cancel && cancel->load()) {
            *error = Tr::tr("cancelled");
            return false;
        }
        std::string why;
        if (!engine.forward(batch, out, &why)) {
            *error = QStringLiteral("%1: %2").arg(modelName, QString::fromStdString(why));
            return false;
        }
        result->forwardMs += out->forwardMs;
        if (progress)
            progress(done, request.passes + 1);
        return true;
    };
    model::ForwardResult baseline;
    if (!forward(&baseline, 1))
        return false;
    const std::vector<routing::LayerRouting> before = baseline.routing(contract, 0);
    // The layers with a grid, each over the grid its maps are laid on.
    std::vector<const routing::TokenGrid *> grids;
    std::vector<std::vector<int>> baseTop;
    for (const routing::LayerRouting &layer : before) {
        if (layer.grids.empty())
            continue;
        const routing::TokenGrid &g = layer.grids.back();
        LayerStability s;
        s.name = layer.name;
        s.rows = g.rows;
        s.cols = g.cols;
        s.flipRate.assign(size_t(g.size()), 0.0f);
        s.entropy = routing::entropyMap(layer, g);
        for (float &e : s.entropy)
            e /= float(std::log(2.0)); // nats → bits
        result->layers.push_back(std::move(s));
        grids.push_back(&g);
        baseTop.push_back(routing::top1Map(layer, g));
    }
    std::vector<size_t> layerIndex;
    for (size_t l = 0; l < before.size(); ++l) {
        if (!before[l].grids.empty())
            layerIndex.push_back(l);
    }
    const std::vector<const model::OutputSpec *> outputs =
        measuredOutputs(contract, request.options);
    if (!outputs.empty())
        result->primaryOutput = outputs.front()->name;

    std::mt19937 rng(request.seed);
    std::uniform_int_distribution<int> shiftBy(-request.shift, request.shift);
    for (int pass = 0; pass < request.passes; ++pass) {
        const int dx = shiftBy(rng), dy = shiftBy(rng);
        for (const model::InputSpec &spec : contract.inputs) {
            const auto it = original.find(spec.name);
            if (spec.kind == model::InputKind::Image && it != original.end())
                batch.images[spec.name] = perturbed(it->second, spec, dx, dy, request.noise, rng);
        }
        model::ForwardResult after;
        if (!forward(&after, pass + 2))
            return false;
        const std::vector<routing::LayerRouting> routed = after.routing(contract, 0);
        for (size_t k = 0; k < layerIndex.size(); ++k) {
            const std::vector<int> top = routing::top1Map(routed[layerIndex[k]], *grids[k]);
            for (size_t t = 0; t < top.size(); ++t)
                result->layers[k].flipRate[t] += top[t] != baseTop[k][t];
        }
        const std::vector<OutputChange> changes = outputChanges(outputs, baseline, after);
        if (!changes.empty())
            result->meanOutputChange += changes.front().effect / request.passes;
    }
    for (LayerStability &s : result->layers) {
        double sum = 0;
        for (float &f : s.flipRate) {
            f /= float(request.passes);
            sum += f;
        }
        s.meanFlipRate = s.flipRate.empty() ? 0 : sum / s.flipRate.size();
        s.entropyCorrelation =
            rankCorrelation(std::vector<double>(s.flipRate.begin(), s.flipRate.end()),
                            std::vector<double>(s.entropy.begin(), s.entropy.end()));
    }
    result->totalMs = total.nsecsElapsed() / 1e6;
    return true;
}

} // namespace moescope
