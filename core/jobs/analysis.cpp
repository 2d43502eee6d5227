#include "analysis.h"

#include "routing/mosaic.h"
#include "store/database.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cmath>
#include <future>

namespace moescope {

namespace {

// The translation context lupdate sees (and the one used at run time).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::Analysis)
};

// The mosaic's layers and first-layer cell size into `into`, once a tile
// has been laid.
void takeMosaic(const routing::RoutingMosaic &mosaic, AnalysisResult *into)
{
    if (mosaic.tiles() == 0)
        return;
    into->mosaic = mosaic.layers();
    const routing::MosaicCells &cells = mosaic.cells().front();
    into->mosaicCell = QSizeF(cells.cellWidth, cells.cellHeight);
}

double elapsedMs(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

// Appends one prepared batch-of-one to a growing batch.
void append(model::InputBatch *into, const model::InputBatch &one)
{
    for (const auto &[name, v] : one.images)
        into->images[name].insert(into->images[name].end(), v.begin(), v.end());
    for (const auto &[name, v] : one.indices)
        into->indices[name].insert(into->indices[name].end(), v.begin(), v.end());
    for (const auto &[name, v] : one.vectors)
        into->vectors[name].insert(into->vectors[name].end(), v.begin(), v.end());
}

// Batch element b of every output tensor, as a batch of one.
std::map<std::string, model::HostTensor> sliceOutputs(const model::ForwardResult &r, int b)
{
    std::map<std::string, model::HostTensor> out;
    for (const auto &[name, t] : r.outputs) {
        model::HostTensor one;
        one.shape = t.shape;
        one.shape[0] = 1;
        const size_t per = t.values.size() / size_t(r.batch);
        one.values.assign(t.values.begin() + b * per, t.values.begin() + (b + 1) * per);
        out[name] = std::move(one);
    }
    return out;
}

// Whether step `step` of a run that began at `first` keeps its full routing.
bool keepsRouting(const AnalysisRequest &request, int first, int step)
{
    if (request.routingFirst < 0 && request.routingLast < 0)
        return step - first < AnalysisRequest::kDefaultRoutingSteps;
    return step >= std::max(0, request.routingFirst) &&
           (request.routingLast < 0 || step <= request.routingLast);
}

} // namespace

QJsonObject Timings::toJson() const
{
    return {{"preprocess_ms", preprocessMs},
            {"forward_ms", forwardMs},
            {"transfer_ms", transferMs},
            {"routing_ms", routingMs},
            {"postprocess_ms", postprocessMs},
            {"housekeeping_ms", housekeepingMs},
            {"total_ms", totalMs}};
}

const std::vector<routing::LayerRouting> &AnalysisResult::overviewLayers() const
{
    static const std::vector<routing::LayerRouting> none;
    if (!mosaic.empty())
        return mosaic;
    return steps.isEmpty() ? none : steps.first().layers;
}

QRect AnalysisResult::mosaicRect() const
{
    if (mosaic.empty() || mosaic.front().grids.empty())
        return {};
    const routing::TokenGrid &g = mosaic.front().grids.front();
    return QRect(mosaicOrigin.x(), mosaicOrigin.y(), int(std::lround(g.cols * mosaicCell.width())),
                 int(std::lround(g.rows * mosaicCell.height())));
}

bool runAnalysis(model::Engine &engine, const TaskPlugin &plugin, const AnalysisRequest &request,
                 const std::atomic_bool *cancel, const ProgressCallback &progress,
                 AnalysisResult *result, QString *error, const SnapshotCallback &snapshot)
{
    QElapsedTimer total;
    total.start();
    const model::ModelContract &contract = engine.contract();
    QSharedPointer<const SceneSource> source = request.source;
    if (!source && request.image && !request.image->isEmpty())
        source = QSharedPointer<const ImageStackSource>::create(request.image);
    if (!source || source->size().isEmpty()) {
        *error = Tr::tr("no image to analyse");
        return false;
    }
    result->modelName = QString::fromStdString(contract.name);
    result->modelPath = QString::fromStdString(engine.path());
    result->task = QString::fromStdString(contract.task);
    result->requestId = request.requestId;
    result->pluginId = plugin.id();
    result->device = QString::fromStdString(engine.deviceName());
    result->imagePath = source->path();
    result->imageSha256 = QString::fromLatin1(source->sha256());
    result->sceneSize = source->size();

    std::unique_ptr<TaskRun> run = plugin.createRun(contract, source, request.options, error);
    if (!run) {
        if (!error->startsWith(source->path()))
            *error = QStringLiteral("%1: %2").arg(source->path(), *error);
        return false;
    }
    result->modelRegion = run->modelRegion();
    result->stepCount = run->stepCount();
    result->warnings += run->warnings();
    result->retention = run->retention();
    if (result->stepCount < 1) {
        *error = Tr::tr("%1: nothing to run (no steps)").arg(source->path());
        return false;
    }

    const TaskCapabilities caps = plugin.capabilities();
    const bool stateful = caps.testFlag(TaskCapability::Stateful);
    const bool keepAll = result->retention == StepRetention::Everything;
    std::unique_ptr<routing::RoutingMosaic> mosaic;
    std::string mosaicInput;
    if (caps.testFlag(TaskCapability::Tiled)) {
        for (const model::InputSpec &spec : contract.inputs) {
            if (spec.kind == model::InputKind::Image) {
                mosaicInput = spec.name;
                break;
            }
        }
        // Capped at 512 x 512 cells a layer, so that the mosaic of a
        // 30,000 x 30,000 scene stays a few MB: finer maps are the plugin's
        // rasters to write.
        // Over the part of the scene the run covers (a region of interest
        // run alone), else the whole scene.
        const QRect scene(QPoint(0, 0), source->size());
        const QRect covered =
            result->modelRegion.isValid() ? result->modelRegion.intersected(scene) : scene;
        result->mosaicOrigin = covered.topLeft();
        mosaic = std::make_unique<routing::RoutingMosaic>(covered.width(), covered.height(),
                                                          mosaicInput, 512 * 512);
        result->mosaicInput = QString::fromStdString(mosaicInput);
    }

    // A stateful run (a tracker) goes step by step from the one asked for:
    // its plugin starts its state there (a tracker from its initial box on
    // that frame), and step k is prepared only after k−1 was consumed.
    const int first = std::clamp(request.firstStep, 0, result->stepCount - 1);
    const int last = request.lastStep < 0
                         ? result->stepCount - 1
                         : std::clamp(request.lastStep, first, result->stepCount - 1);
    const int todo = last - first + 1;
    // A stateful run cannot prepare step k+1 before step k is consumed; a
    // plugin that is not batchable gets one step per call too.
    const int batchSize = (stateful || !caps.testFlag(TaskCapability::Batchable))
                              ? 1
                              : std::max(1, request.batchSize);
    if (progress)
        progress(0, todo);

    int done = 0;
    [[maybe_unused]] long forwardCalls = 0;
    QElapsedTimer sinceSnapshot;
    sinceSnapshot.start();
    qsizetype sentSteps = 0; // a stateful run's steps already in a snapshot
    // A batch of steps prepared for one forward call.
    struct Prepared
    {
        model::InputBatch batch;
        std::vector<StepOrigins> origins;
        QString error;
    };
    auto prepare = [&](int start) {
        Prepared p;
        const int count = std::min(batchSize, last - start + 1);
        p.batch.batch = count;
        p.batch.expertMask = request.expertMask;
        p.origins.resize(size_t(count));
        for (int i = 0; i < count; ++i) {
            model::InputBatch one;
            QString why;
            if (!run->prepare(start + i, &one, &p.origins[size_t(i)], &why)) {
                p.error = Tr::tr("%1: step %2: %3").arg(source->path()).arg(start + i).arg(why);
                return p;
            }
            append(&p.batch, one);
        }
        return p;
    };
    // Independent steps (batchable, not stateful): the next batch is read
    // and converted on another thread while the model runs on this one, so
    // reading tiles costs the run only where it is slower than the forward.
    // The plugin's calls stay one at a time: the next batch is prepared
    // before this one's outputs are consumed, as a batch's steps are.
    const bool prefetch = !stateful && caps.testFlag(TaskCapability::Batchable) && todo > batchSize;
    std::future<Prepared> next;
    for (int start = first; start <= last; start += batchSize) {
        if (cancel && cancel->load()) {
            result->cancelled = true;
            break;
        }
        const int count = std::min(batchSize, last - start + 1);
        QElapsedTimer t;
        t.start();
        Prepared prepared = next.valid() ? next.get() : prepare(start);
        // Only what the run waited for counts as reading: the rest overlapped the forward.
        result->timings.preprocessMs += elapsedMs(t);
        if (!prepared.error.isEmpty()) {
            *error = prepared.error;
            return false;
        }
        std::vector<StepOrigins> &origins = prepared.origins;
        if (prefetch && start + batchSize <= last)
            next = std::async(std::launch::async, prepare, start + batchSize);

        model::ForwardResult forward;
        std::string why;
        const bool forwarded = engine.forward(prepared.batch, &forward, &why);
        if (next.valid())
            next.wait(); // the plugin is called by one thread at a time
        if (!forwarded) {
            *error = QStringLiteral("%1: %2").arg(result->modelPath, QString::fromStdString(why));
            return false;
        }
        result->timings.forwardMs += forward.forwardMs;
        result->timings.transferMs += forward.transferMs;

        for (int b = 0; b < count; ++b) {
            StepResult step;
            step.step = start + b;
            step.origins = std::move(origins[size_t(b)]);
            t.restart();
            std::vector<routing::LayerRouting> layers = forward.routing(contract, b);
            step.routingSummary = routingSummaryJson(layers);
            if (mosaic) {
                auto origin = step.origins.find(mosaicInput);
                if (origin != step.origins.end() && origin->second.sourceRect.isValid()) {
                    const QRect &r = origin->second.sourceRect;
                    mosaic->add(layers, r.x() - result->mosaicOrigin.x(),
                                r.y() - result->mosaicOrigin.y(), r.width(), r.height());
                }
            }
            if (keepAll && keepsRouting(request, first, step.step))
                step.layers = std::move(layers);
            result->timings.routingMs += elapsedMs(t);
            t.restart();
            step.outputs = run->consume(step.step, forward, b);
            keepActiveTaskOutputs(contract, request.options, &step.outputs);
            if (keepAll && keepsRouting(request, first, step.step))
                step.rawOutputs = sliceOutputs(forward, b);
            result->timings.postprocessMs += elapsedMs(t);
            if (keepAll || result->steps.isEmpty())
                result->steps.append(std::move(step));
        }
        if (const QString failure = run->failure(); !failure.isEmpty()) {
            *error = failure;
            return false;
        }
        done += count;
        result->stepsRun = done;
        if (progress)
            progress(done, todo);
        if (snapshot && (mosaic || stateful) &&
            sinceSnapshot.elapsed() >= request.snapshotIntervalMs && done < todo) {
            // The partial result the window shows. Everything the result
            // says so far but its steps (a run keeping every step would copy
            // them each time); then a tiled run's mosaic so far (a few MB at
            // most) with its first step and the plugin's summary so far, or
            // a stateful run's steps since the last snapshot (a tracker's
            // new frames, for the window to follow live).
            QVector<StepResult> steps = std::move(result->steps);
            AnalysisResult partial = *result;
            result->steps = std::move(steps);
            if (mosaic) {
                if (!result->steps.isEmpty())
                    partial.steps.append(result->steps.first());
                partial.runSummary = run->snapshot();
                takeMosaic(*mosaic, &partial);
            } else {
                partial.steps = result->steps.mid(sentSteps);
                sentSteps = result->steps.size();
                partial.runSummary = QJsonObject{{"running", true}, {"new_steps_only", true}};
            }
            snapshot(std::move(partial));
            sinceSnapshot.restart();
        }
#ifdef __GLIBC__
        // A sparse MoE allocates tensors of a new size on every call (each
        // expert's share of the tokens varies), and glibc keeps the freed
        // pieces: a tiled 8,192² scene grew past 3.8 GB. Handing free pages
        // back every kTrimEvery calls keeps it flat (timed: housekeeping_ms).
        constexpr long kTrimEvery = 64;
        if (++forwardCalls % kTrimEvery == 0) {
            QElapsedTimer trim;
            trim.start();
            malloc_trim(0);
            result->timings.housekeepingMs += elapsedMs(trim);
        }
#endif
    }
    QElapsedTimer t;
    t.start();
    result->runSummary = run->finish(result->cancelled);
    if (const QString failure = run->failure(); !failure.isEmpty()) {
        *error = failure;
        return false;
    }
    if (mosaic)
        takeMosaic(*mosaic, result);
    result->timings.postprocessMs += elapsedMs(t);
    result->timings.totalMs = elapsedMs(total);
    return true;
}

void keepActiveTaskOutputs(const model::ModelContract &contract, const PrepareOptions &options,
                           QJsonObject *outputs)
{
    const model::InputSpec *task = contract.taskInput();
    if (!task)
        return;
    auto chosen = options.indexChoices.find(task->name);
    const int index = chosen == options.indexChoices.end() ? 0 : chosen->second;
    if (index < 0 || size_t(index) >= task->choices.size())
        return;
    const std::string &choice = task->choices[size_t(index)];
    for (const model::OutputSpec &spec : contract.outputs) {
        if (!spec.taskChoice.empty() && spec.taskChoice != choice)
            outputs->remove(QString::fromStdString(spec.name));
    }
    outputs->insert(QStringLiteral("task"), QString::fromStdString(choice));
}

QJsonArray routingSummaryJson(const std::vector<routing::LayerRouting> &layers)
{
    QJsonArray out;
    for (const routing::LayerRouting &layer : layers) {
        const routing::LayerSummary s = routing::summarize(layer);
        QJsonArray load, meanProb, names;
        for (int e = 0; e < layer.experts; ++e) {
            load.append(s.load[size_t(e)]);
            meanProb.append(s.meanProb[size_t(e)]);
            names.append(QString::fromStdString(layer.expertName(e)));
        }
        out.append(QJsonObject{
            {"name", QString::fromStdString(layer.name)},
            {"experts", layer.experts},
            {"top_k", layer.topK},
            {"router", QString::fromStdString(layer.router)},
            {"tokens", layer.tokens},
            {"counted_tokens", s.countedTokens},
            {"spatial", s.spatial},
            {"load", load},
            {"mean_prob", meanProb},
            {"entropy", s.meanEntropy},
            {"entropy_normalised", s.maxEntropy > 0 ? s.meanEntropy / s.maxEntropy : 0.0},
            {"expert_names", names},
        });
        // A layer over several inputs (a tracker's template and search
        // region): each input's top-1 shares, so that a timeline of 10,000
        // frames needs the summaries only, not each frame's full routing.
        if (layer.grids.size() > 1) {
            QJsonArray grids;
            for (const routing::TokenGrid &grid : layer.grids) {
                QList<double> share(layer.experts, 0.0);
                const std::vector<int> top1 = routing::top1Map(layer, grid);
                for (int e : top1)
                    if (e >= 0 && e < layer.experts)
                        share[e] += 1.0 / double(top1.size());
                QJsonArray values;
                for (double v : share)
                    values.append(std::round(v * 10000.0) / 10000.0);
                grids.append(
                    QJsonObject{{"input", QString::fromStdString(grid.input)}, {"load", values}});
            }
            QJsonObject o = out.last().toObject();
            o.insert(QStringLiteral("grids"), grids);
            out.replace(out.size() - 1, o);
        }
    }
    return out;
}

bool buildExpertMask(const model::ModelContract &contract, const QList<QPair<int, int>> &disabled,
                     std::vector<float> *mask, QString *error)
{
    mask->clear();
    if (disabled.isEmpty())
        return true;
    if (!contract.takesExpertMask()) {
        *error = Tr::tr("model %1 takes no expert_mask input, so experts cannot be switched off")
                     .arg(QString::fromStdString(contract.name));
        return false;
    }
    const int L = int(contract.moeLayers.size()), E = contract.maxExperts();
    mask->assign(size_t(L) * E, 1.0f);
    for (const auto &[layer, expert] : disabled) {
        if (layer < 0 || layer >= L || expert < 0 ||
            expert >= contract.moeLayers[size_t(layer)].experts) {
            *error = Tr::tr("no expert %1 in MoE layer %2 (the model has %3 layers)")
                         .arg(expert)
                         .arg(layer)
                         .arg(L);
            return false;
        }
        (*mask)[size_t(layer) * E + expert] = 0.0f;
    }
    for (int l = 0; l < L; ++l) {
        float kept = 0;
        for (int e = 0; e < contract.moeLayers[size_t(l)].experts; ++e)
            kept += (*mask)[size_t(l) * E + e];
        if (kept == 0) {
            *error = Tr::tr("every expert of MoE layer %1 would be switched off").arg(l);
            return false;
        }
    }
    return true;
}

QString sha256OfFile(const QString &path, QString *error)
{
    return store::Database::sha256OfFile(path, error).value_or(QString());
}

} // namespace moescope
