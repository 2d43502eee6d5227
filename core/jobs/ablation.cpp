#include "ablation.h"

#include "routing/comparison.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <array>
#include <cmath>

namespace moescope {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::Ablation)
};

std::vector<double> softmax(const float *x, int n)
{
    std::vector<double> p(static_cast<size_t>(n));
    const float top = *std::max_element(x, x + n);
    double sum = 0;
    for (int i = 0; i < n; ++i)
        sum += p[size_t(i)] = std::exp(double(x[i]) - top);
    for (double &v : p)
        v /= sum;
    return p;
}

// [1, K, h, w] logits → the label of each pixel.
std::vector<int> labelMap(const model::HostTensor &t, int *classes)
{
    const int K = int(t.dim(1));
    const size_t pixels = t.values.size() / std::max(1, K);
    *classes = K;
    std::vector<int> labels(pixels, 0);
    for (size_t i = 0; i < pixels; ++i) {
        float best = t.values[i];
        for (int k = 1; k < K; ++k) {
            const float v = t.values[size_t(k) * pixels + i];
            if (v > best) {
                best = v;
                labels[i] = k;
            }
        }
    }
    return labels;
}

double boxIou(const model::HostTensor &a, const model::HostTensor &b, const std::string &format)
{
    const auto corners = [&](const model::HostTensor &t) {
        const float *v = t.values.data();
        if (format == "xyxy")
            return std::array<double, 4>{v[0], v[1], v[2], v[3]};
        return std::array<double, 4>{v[0] - v[2] / 2, v[1] - v[3] / 2, v[0] + v[2] / 2,
                                     v[1] + v[3] / 2};
    };
    const auto p = corners(a), q = corners(b);
    const double w = std::max(0.0, std::min(p[2], q[2]) - std::max(p[0], q[0]));
    const double h = std::max(0.0, std::min(p[3], q[3]) - std::max(p[1], q[1]));
    const double inter = w * h;
    const double uni = (p[2] - p[0]) * (p[3] - p[1]) + (q[2] - q[0]) * (q[3] - q[1]) - inter;
    return uni > 0 ? inter / uni : 1.0;
}

} // namespace

OutputChange compareOutput(const model::OutputSpec &spec, const model::HostTensor &before,
                           const model::HostTensor &after)
{
    OutputChange c;
    c.output = spec.name;
    const size_t n = std::min(before.values.size(), after.values.size());
    if (n == 0)
        return c;
    switch (spec.kind) {
    case model::OutputKind::Classes: {
        const std::vector<double> p = softmax(before.values.data(), int(n));
        const std::vector<double> q = softmax(after.values.data(), int(n));
        double tv = 0;
        for (size_t i = 0; i < n; ++i)
            tv += std::abs(p[i] - q[i]);
        c.measure = "total_variation";
        c.effect = tv / 2;
        c.baselineClass = int(std::max_element(p.begin(), p.end()) - p.begin());
        c.ablatedClass = int(std::max_element(q.begin(), q.end()) - q.begin());
        c.score = q[size_t(c.baselineClass)];
        return c;
    }
    case model::OutputKind::Segmentation: {
        int K = 0;
        const std::vector<int> a = labelMap(before, &K), b = labelMap(after, &K);
        double dice = 0;
        int present = 0;
        for (int k = 0; k < K; ++k) {
            size_t inA = 0, inB = 0, both = 0;
            for (size_t i = 0; i < a.size(); ++i) {
                inA += a[i] == k;
                inB += b[i] == k;
                both += a[i] == k && b[i] == k;
            }
            if (inA + inB == 0)
                continue;
            dice += 2.0 * double(both) / double(inA + inB);
            ++present;
        }
        c.measure = "1-dice";
        c.score = present ? dice / present : 1.0;
        c.effect = 1.0 - c.score;
        return c;
    }
    case model::OutputKind::Embedding: {
        double dot = 0, na = 0, nb = 0;
        for (size_t i = 0; i < n; ++i) {
            dot += double(before.values[i]) * after.values[i];
            na += double(before.values[i]) * before.values[i];
            nb += double(after.values[i]) * after.values[i];
        }
        c.measure = "1-cosine";
        c.score = na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : (na == nb ? 1.0 : 0.0);
        c.effect = 1.0 - c.score;
        return c;
    }
    case model::OutputKind::Box:
        c.measure = "1-iou";
        c.score = n >= 4 ? boxIou(before, after, spec.format) : 1.0;
        c.effect = 1.0 - c.score;
        return c;
    case model::OutputKind::Other:
        break;
    }
    double diff = 0, norm = 0;
    for (size_t i = 0; i < n; ++i) {
        diff += std::pow(double(after.values[i]) - before.values[i], 2);
        norm += double(before.values[i]) * before.values[i];
    }
    c.measure = "relative_l2";
    c.effect = norm > 0 ? std::min(1.0, std::sqrt(diff / norm)) : (diff > 0 ? 1.0 : 0.0);
    c.score = 1.0 - c.effect;
    return c;
}

// The outputs the answer is read from: the active task's, in contract order.
std::vector<const model::OutputSpec *> measuredOutputs(const model::ModelContract &contract,
                                                       const PrepareOptions &options)
{
    QJsonObject names;
    for (const model::OutputSpec &spec : contract.outputs)
        names.insert(QString::fromStdString(spec.name), true);
    keepActiveTaskOutputs(contract, options, &names);
    std::vector<const model::OutputSpec *> out;
    for (const model::OutputSpec &spec : contract.outputs) {
        if (names.contains(QString::fromStdString(spec.name)))
            out.push_back(&spec);
    }
    return out;
}

std::vector<OutputChange> outputChanges(const std::vector<const model::OutputSpec *> &outputs,
                                        const model::ForwardResult &before,
                                        const model::ForwardResult &after)
{
    std::vector<OutputChange> changes;
    for (const model::OutputSpec *spec : outputs) {
        const auto a = before.outputs.find(spec->name), b = after.outputs.find(spec->name);
        if (a != before.outputs.end() && b != after.outputs.end())
            changes.push_back(compareOutput(*spec, a->second, b->second));
    }
    return changes;
}

namespace {

// Sets the pixels under `tokens` (of `grid`, over image input `spec`) to 0,
// the input's mean after normalisation.
void erasePatches(const model::InputSpec &spec, const routing::TokenGrid &grid,
                  const std::vector<int> &tokens, std::vector<float> *pixels)
{
    const int H = spec.height, W = spec.width, C = spec.channels;
    for (int t : tokens) {
        const int r = t / grid.cols, c = t % grid.cols;
        const int y0 = r * H / grid.rows, y1 = (r + 1) * H / grid.rows;
        const int x0 = c * W / grid.cols, x1 = (c + 1) * W / grid.cols;
        for (int ch = 0; ch < C; ++ch)
            for (int y = y0; y < y1; ++y)
                std::fill_n(pixels->begin() + (size_t(ch) * H + y) * W + x0, x1 - x0, 0.0f);
    }
}

} // namespace

double rankCorrelation(const std::vector<double> &x, const std::vector<double> &y)
{
    const auto ranks = [](const std::vector<double> &v) {
        std::vector<size_t> order(v.size());
        for (size_t i = 0; i < v.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
        std::vector<double> r(v.size());
        for (size_t i = 0; i < order.size();) {
            size_t j = i;
            while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]])
                ++j;
            for (size_t k = i; k <= j; ++k)
                r[order[k]] = (i + j) / 2.0;
            i = j + 1;
        }
        return r;
    };
    const size_t n = std::min(x.size(), y.size());
    if (n < 2)
        return 0;
    const std::vector<double> a = ranks(x), b = ranks(y);
    double ma = 0, mb = 0;
    for (size_t i = 0; i < n; ++i) {
        ma += a[i] / n;
        mb += b[i] / n;
    }
    double cov = 0, va = 0, vb = 0;
    for (size_t i = 0; i < n; ++i) {
        cov += (a[i] - ma) * (b[i] - mb);
        va += (a[i] - ma) * (a[i] - ma);
        vb += (b[i] - mb) * (b[i] - mb);
    }
    return va > 0 && vb > 0 ? cov / std::sqrt(va * vb) : 0.0;
}

std::map<int, double> loadEffectCorrelation(const AblationResult &result)
{
    std::map<int, std::pair<std::vector<double>, std::vector<double>>> byLayer;
    for (const ExpertEffect &e : result.effects) {
        if (!e.keepOnly) {
            byLayer[e.layer].first.push_back(e.load);
            byLayer[e.layer].second.push_back(e.change.effect);
        }
    }
    std::map<int, double> out;
    for (const auto &[layer, pair] : byLayer)
        out[layer] = rankCorrelation(pair.first, pair.second);
    return out;
}

QByteArray ablationCsv(const AblationResult &result)
{
    QStringList lines{QStringLiteral("layer,expert,mode,load,mean_prob,output,measure,effect,"
                                     "score,baseline_class,class,later_agreement")};
    for (const ExpertEffect &e : result.effects) {
        const OutputChange &c = e.change;
        lines << QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12")
                     .arg(e.layer)
                     .arg(e.expert)
                     .arg(e.keepOnly ? QStringLiteral("only") : QStringLiteral("off"))
                     .arg(e.load, 0, 'g', 8)
                     .arg(e.meanProb, 0, 'g', 8)
                     .arg(QString::fromStdString(c.output), QString::fromStdString(c.measure))
                     .arg(c.effect, 0, 'g', 8)
                     .arg(c.score, 0, 'g', 8)
                     .arg(c.baselineClass >= 0 ? QString::number(c.baselineClass) : QString(),
                          c.baselineClass >= 0 ? QString::number(c.ablatedClass) : QString())
                     .arg(e.laterAgreement, 0, 'g', 8);
    }
    return (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
}

bool prepareProbeStep(const model::ModelContract &contract, const TaskPlugin &plugin,
                      const QSharedPointer<const SceneSource> &source,
                      const PrepareOptions &options, int step, ProbeStep *out, QString *error)
{
    if (!source || source->size().isEmpty()) {
        *error = Tr::tr("no image to probe");
        return false;
    }
    out->run = plugin.createRun(contract, source, options, error);
    if (!out->run) {
        if (!error->startsWith(source->path()))
            *error = QStringLiteral("%1: %2").arg(source->path(), *error);
        return false;
    }
    const bool stateful = plugin.capabilities().testFlag(TaskCapability::Stateful);
    out->step = stateful ? 0 : std::clamp(step, 0, out->run->stepCount() - 1);
    StepOrigins origins;
    if (!out->run->prepare(out->step, &out->batch, &origins, error)) {
        *error = QStringLiteral("%1: %2").arg(source->path(), *error);
        return false;
    }
    return true;
}

bool runAblation(model::Engine &engine, const TaskPlugin &plugin, const AblationRequest &request,
                 const std::atomic_bool *cancel, const ProgressCallback &progress,
                 AblationResult *result, QString *error)
{
    QElapsedTimer total;
    total.start();
    const model::ModelContract &contract = engine.contract();
    const QString modelName = QString::fromStdString(contract.name);
    if (!contract.takesExpertMask()) {
        *error = Tr::tr("model %1 takes no expert_mask input, so its experts cannot be switched "
                        "off (docs/model-contract.md, \"Expert ablation\")")
                     .arg(modelName);
        return false;
    }
    const int L = int(contract.moeLayers.size()), E = contract.maxExperts();
    if (request.layer >= L) {
        *error = Tr::tr("model %1 has %2 MoE layers (0 … %3): there is no layer %4")
                     .arg(modelName)
                     .arg(L)
                     .arg(L - 1)
                     .arg(request.layer);
        return false;
    }
    const QSharedPointer<const SceneSource> &source = request.source;
    ProbeStep probe;
    if (!prepareProbeStep(contract, plugin, source, request.options, request.step, &probe, error))
        return false;
    const int step = probe.step;
    model::InputBatch &batch = probe.batch;
    const std::unique_ptr<TaskRun> &run = probe.run;
    result->modelName = modelName;
    result->imagePath = source->path();
    result->imageSha256 = QString::fromLatin1(source->sha256());
    result->step = step;

    const int first = request.layer < 0 ? 0 : request.layer;
    const int last = request.layer < 0 ? L - 1 : request.layer;
    int passesPlanned = 1;
    for (int l = first; l <= last; ++l)
        passesPlanned += contract.moeLayers[size_t(l)].experts * (request.keepOnly ? 2 : 1);
    int passes = 0;
    const auto forward = [&](const std::vector<float> &mask, model::ForwardResult *out) {
        if (cancel && cancel->load()) {
            *error = Tr::tr("cancelled");
            return false;
        }
        batch.expertMask = mask;
        std::string why;
        if (!engine.forward(batch, out, &why)) {
            *error = QStringLiteral("%1: %2").arg(modelName, QString::fromStdString(why));
            return false;
        }
        result->forwardMs += out->forwardMs;
        ++passes;
        if (progress)
            progress(passes, passesPlanned);
        return true;
    };

    model::ForwardResult baseline;
    if (!forward(std::vector<float>(size_t(L) * E, 1.0f), &baseline))
        return false;
    result->baselineOutputs = run->consume(step, baseline, 0);
    const std::vector<const model::OutputSpec *> outputs =
        measuredOutputs(contract, request.options);
    if (outputs.empty()) {
        *error = Tr::tr("model %1 has no output to measure the effect on").arg(modelName);
        return false;
    }
    result->primaryOutput = outputs.front()->name;
    const std::vector<routing::LayerRouting> before = baseline.routing(contract, 0);

    for (int l = first; l <= last; ++l) {
        const int experts = contract.moeLayers[size_t(l)].experts;
        const routing::LayerSummary summary = routing::summarize(before[size_t(l)]);
        for (int keepOnly = 0; keepOnly <= (request.keepOnly ? 1 : 0); ++keepOnly) {
            for (int e = 0; e < experts; ++e) {
                std::vector<float> mask(size_t(L) * E, 1.0f);
                for (int x = 0; x < experts; ++x)
                    mask[size_t(l) * E + x] =
                        keepOnly ? (x == e ? 1.f : 0.f) : (x == e ? 0.f : 1.f);
                if (!keepOnly && experts == 1)
                    continue; // a layer of one expert cannot lose it
                model::ForwardResult ablated;
                if (!forward(mask, &ablated))
                    return false;
                ExpertEffect effect;
                effect.layer = l;
                effect.expert = e;
                effect.keepOnly = keepOnly;
                effect.load = summary.load.empty() ? 0 : summary.load[size_t(e)];
                effect.meanProb = summary.meanProb.empty() ? 0 : summary.meanProb[size_t(e)];
                effect.changes = outputChanges(outputs, baseline, ablated);
                if (!effect.changes.empty())
                    effect.change = effect.changes.front();
                const std::vector<routing::LayerRouting> after = ablated.routing(contract, 0);
                double agreement = 0;
                for (int k = l + 1; k < L; ++k)
                    agreement +=
                        routing::compareLayers(before[size_t(k)], after[size_t(k)]).agreement;
                effect.laterAgreement = l + 1 < L ? agreement / (L - l - 1) : 1.0;
                result->effects.push_back(std::move(effect));
            }
        }
    }
    std::stable_sort(result->effects.begin(), result->effects.end(),
                     [](const ExpertEffect &a, const ExpertEffect &b) {
                         return a.change.effect > b.change.effect;
                     });

    if (request.deletion) {
        for (int l = first; l <= last; ++l) {
            const routing::LayerRouting &layer = before[size_t(l)];
            if (layer.grids.empty())
                continue; // a per-image decision has no patches to remove
            const routing::TokenGrid &grid = layer.grids.back();
            const model::InputSpec *spec = nullptr;
            for (const model::InputSpec &s : contract.inputs) {
                if (s.name == grid.input && s.kind == model::InputKind::Image)
                    spec = &s;
            }
            auto pixels = batch.images.find(grid.input);
            if (!spec || pixels == batch.images.end())
                continue;
            const std::vector<float> original = pixels->second;
            for (int e = 0; e < layer.experts; ++e) {
                // The expert's tokens, most confident first.
                std::vector<int> tokens;
                for (int t = 0; t < grid.size(); ++t) {
                    if (routing::top1Expert(layer, grid.offset + t) == e)
                        tokens.push_back(t);
                }
                std::stable_sort(tokens.begin(), tokens.end(), [&](int a, int b) {
                    return layer.prob(grid.offset + a, e) > layer.prob(grid.offset + b, e);
                });
                DeletionCurve curve;
                curve.layer = l;
                curve.expert = e;
                curve.tokens = int(tokens.size());
                for (int tenth = 1; tenth <= 9 && !tokens.empty(); ++tenth) {
                    pixels->second = original;
                    const size_t removed = (tokens.size() * size_t(tenth) + 5) / 10;
                    erasePatches(*spec, grid,
                                 std::vector<int>(tokens.begin(), tokens.begin() + removed),
                                 &pixels->second);
                    model::ForwardResult erased;
                    if (!forward({}, &erased))
                        return false;
                    const std::vector<OutputChange> c = outputChanges(outputs, baseline, erased);
                    curve.fractions.push_back(tenth / 10.0);
                    curve.scores.push_back(c.empty() ? 0 : c.front().score);
                }
                pixels->second = original;
                result->curves.push_back(std::move(curve));
            }
        }
    }
    result->passes = passes;
    result->totalMs = total.nsecsElapsed() / 1e6;
    return true;
}

} // namespace moescope
