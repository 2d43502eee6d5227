#include "engine.h"
#include "archive.h"
#include "blas.h"
#include "hugepages.h"

#include "text/text.h"

#include <ATen/Parallel.h>
#include <torch/csrc/jit/runtime/graph_executor.h>
#include <torch/cuda.h>
#include <torch/script.h>
#include <torch/version.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>

namespace moescope::model {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The first line of a c10::Error: the rest is a C++ backtrace no user needs.
std::string firstLine(const std::string &text)
{
    const size_t end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
}

std::string shapeText(const std::vector<int64_t> &shape)
{
    std::ostringstream s;
    s << "[";
    for (size_t i = 0; i < shape.size(); ++i)
        s << (i ? ", " : "") << shape[i];
    s << "]";
    return s.str();
}

HostTensor toHost(const torch::Tensor &t)
{
    HostTensor h;
    const torch::Tensor cpu = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    h.shape.assign(cpu.sizes().begin(), cpu.sizes().end());
    h.values.assign(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
    return h;
}

bool allFinite(const HostTensor &t)
{
    return std::all_of(t.values.begin(), t.values.end(), [](float v) { return std::isfinite(v); });
}

} // namespace

bool parseDevicePreference(const std::string &text, DevicePreference *out)
{
    if (text == "auto")
        *out = DevicePreference::Auto;
    else if (text == "cpu")
        *out = DevicePreference::Cpu;
    else if (text == "cuda" || text == "gpu")
        *out = DevicePreference::Cuda;
    else
        return false;
    return true;
}

std::string toString(DevicePreference device)
{
    switch (device) {
    case DevicePreference::Auto:
        return "auto";
    case DevicePreference::Cpu:
        return "cpu";
    case DevicePreference::Cuda:
        return "cuda";
    }
    return "auto";
}

std::vector<routing::LayerRouting> ForwardResult::routing(const ModelContract &contract,
                                                          int b) const
{
    std::vector<routing::LayerRouting> layers;
    for (size_t i = 0; i < contract.moeLayers.size() && i < router.size(); ++i) {
        const MoeLayerSpec &spec = contract.moeLayers[i];
        const HostTensor &r = router[i];
        routing::LayerRouting layer;
        layer.name = spec.name;
        layer.experts = int(r.dim(2));
        layer.tokens = int(r.dim(1));
        layer.topK = spec.topK;
        layer.router = spec.router;
        layer.expertNames = spec.expertNames;
        layer.grids = spec.tokens;
        const size_t perImage = size_t(layer.tokens) * layer.experts;
        layer.probs.assign(r.values.begin() + b * perImage, r.values.begin() + (b + 1) * perImage);
        if (i < dispatch.size() && !dispatch[i].isEmpty())
            layer.dispatch.assign(dispatch[i].values.begin() + b * perImage,
                                  dispatch[i].values.begin() + (b + 1) * perImage);
        layers.push_back(std::move(layer));
    }
    return layers;
}

struct Engine::Private
{
    std::string path;
    ModelContract contract;
    torch::jit::script::Module module;
    torch::Device device = torch::kCPU;
    double loadMs = 0;
    double warmupMs = 0;
    bool optimize = true;

    std::string fail(const std::string &why) const { return path + ": " + why; }

    bool checkResult(const ForwardResult &r, int batch, std::string *error) const;
};

Engine::Engine() : d(std::make_unique<Private>()) {}
Engine::~Engine() = default;

const ModelContract &Engine::contract() const
{
    return d->contract;
}
const std::string &Engine::path() const
{
    return d->path;
}
bool Engine::isCuda() const
{
    return d->device.is_cuda();
}
double Engine::loadMs() const
{
    return d->loadMs;
}
double Engine::warmupMs() const
{
    return d->warmupMs;
}

std::string Engine::deviceName() const
{
    return d->device.is_cuda() ? "cuda:" + std::to_string(std::max<int>(0, d->device.index()))
                               : "cpu";
}

bool Engine::readContract(const std::string &path, ModelContract *contract, std::string *error)
{
    return readContractFile(path, contract, error);
}

bool Engine::cudaAvailable()
{
    return torch::cuda::is_available();
}

std::string Engine::torchVersion()
{
    return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
           std::to_string(TORCH_VERSION_PATCH);
}

void Engine::setThreadCount(int threads)
{
    if (threads > 0)
        at::set_num_threads(threads);
}

void Engine::configureRuntime()
{
    static std::once_flag once;
    std::call_once(once, [] {
        setenv("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "256", 0);
        installHugePageAllocator();
        coordinateBlasThreads();
    });
}

int Engine::threadCount()
{
    return at::get_num_threads();
}

std::unique_ptr<Engine> Engine::load(const std::string &path, DevicePreference preference,
                                     std::string *error, int batch, bool validate)
{
    configureRuntime();
    std::unique_ptr<Engine> engine(new Engine);
    Private &d = *engine->d;
    d.path = path;

    std::ifstream probe(path, std::ios::binary);
    if (!probe) {
        *error = d.fail(text::modelText("moescope::model::Engine",
                                        "cannot open the file (missing or unreadable)"));
        return nullptr;
    }
    probe.seekg(0, std::ios::end);
    if (probe.tellg() <= 0) {
        *error = d.fail(text::modelText("moescope::model::Engine", "the file is empty"));
        return nullptr;
    }
    probe.close();

    if (preference == DevicePreference::Cuda && !torch::cuda::is_available()) {
        *error = d.fail(text::modelText("moescope::model::Engine",
                                        "CUDA was asked for, but no CUDA device is available to "
                                        "LibTorch %1 on this machine (use --device auto or cpu)")
                            .arg(torchVersion()));
        return nullptr;
    }
    d.device = (preference != DevicePreference::Cpu && torch::cuda::is_available())
                   ? torch::Device(torch::kCUDA, 0)
                   : torch::Device(torch::kCPU);

    // A damaged archive is refused before LibTorch reads it: LibTorch checks
    // no CRC, so flipped bits in tensor data would load and run. A model the
    // validation cache knows by its SHA-256 passed this when it was validated.
    std::string why;
    if (validate && !verifyArchive(path, &why)) {
        *error = why;
        return nullptr;
    }

    const auto loadStart = Clock::now();
    torch::jit::ExtraFilesMap extra{{"moescope.json", ""}};
    try {
        d.module = torch::jit::load(path, d.device, extra);
    } catch (const std::exception &e) {
        *error = d.fail(text::modelText("moescope::model::Engine",
                                        "not a TorchScript model LibTorch %1 can load: %2")
                            .arg(torchVersion())
                            .arg(firstLine(e.what())));
        return nullptr;
    }
    d.loadMs = msSince(loadStart);
    d.module.eval();

    const std::string &meta = extra["moescope.json"];
    if (meta.empty()) {
        *error = d.fail(text::modelText("moescope::model::Engine",
                                        "has no moescope.json (save it with torch.jit.save(..., "
                                        "_extra_files={\"moescope.json\": ...}))"));
        return nullptr;
    }
    // Read as the catalog reads it (minizip): a file holding two moescope.json
    // entries is refused rather than LibTorch's pick of one used.
    if (!readContractFile(path, &d.contract, &why)) {
        *error = why;
        return nullptr;
    }

    // Validate at the caller's batch size and at batch 2 (so batch handling is
    // checked too), then warm up at the caller's batch size: TorchScript's
    // profiling executor optimises on the first calls, which should neither
    // land on a user's first run nor be tuned for a shape the user won't run.
    if (!validate)
        return engine;
    const auto warmStart = Clock::now();
    batch = std::max(1, batch);
    ForwardResult result;
    for (int b : {batch, 2, batch}) {
        if (!engine->forward(engine->syntheticBatch(b), &result, &why)) {
            *error = d.fail(why);
            return nullptr;
        }
    }
    d.warmupMs = msSince(warmStart);
    return engine;
}

void Engine::setGraphOptimization(bool on)
{
    d->optimize = on;
}

InputBatch Engine::syntheticBatch(int batch) const
{
    InputBatch in;
    in.batch = batch;
    std::mt19937 rng(1234);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    for (const InputSpec &spec : d->contract.inputs) {
        switch (spec.kind) {
        case InputKind::Image: {
            std::vector<float> v(size_t(batch) * spec.channels * spec.height * spec.width);
            for (float &x : v)
                x = normal(rng);
            in.images[spec.name] = std::move(v);
            break;
        }
        case InputKind::Index:
            in.indices[spec.name] = std::vector<int64_t>(size_t(batch), 0);
            break;
        case InputKind::Vector:
            in.vectors[spec.name] = std::vector<float>(size_t(batch) * spec.size, 0.0f);
            break;
        case InputKind::ExpertMask:
            break;
        }
    }
    return in;
}

bool Engine::forward(const InputBatch &in, ForwardResult *result, std::string *error)
{
    const ModelContract &c = d->contract;
    const int B = in.batch;
    if (B < 1) {
        *error = text::modelText("moescope::model::Engine", "batch size must be at least 1");
        return false;
    }
    *result = ForwardResult();
    result->batch = B;

    try {
        // Per thread, so set here, on the thread that runs the model.
        c10::InferenceMode inferenceMode;
        const auto transferStart = Clock::now();
        std::vector<torch::jit::IValue> args;
        for (const InputSpec &spec : c.inputs) {
            switch (spec.kind) {
            case InputKind::Image: {
                auto it = in.images.find(spec.name);
                const size_t expected = size_t(B) * spec.channels * spec.height * spec.width;
                if (it == in.images.end() || it->second.size() != expected) {
                    *error = text::modelText("moescope::model::Engine",
                                             "image input \"%1\" needs %2 values")
                                 .arg(spec.name)
                                 .arg(std::to_string(expected));
                    return false;
                }
                args.emplace_back(torch::from_blob(const_cast<float *>(it->second.data()),
                                                   {B, spec.channels, spec.height, spec.width},
                                                   torch::kFloat32)
                                      .to(d->device));
                break;
            }
            case InputKind::Index: {
                auto it = in.indices.find(spec.name);
                if (it == in.indices.end() || it->second.size() != size_t(B)) {
                    *error = text::modelText("moescope::model::Engine",
                                             "index input \"%1\" needs %2 values")
                                 .arg(spec.name)
                                 .arg(std::to_string(B));
                    return false;
                }
                for (int64_t v : it->second) {
                    if (v < 0 || v >= int64_t(spec.choices.size())) {
                        *error =
                            text::modelText("moescope::model::Engine",
                                            "index input \"%1\" value %2 is outside its %3 choices")
                                .arg(spec.name)
                                .arg(std::to_string(v))
                                .arg(std::to_string(spec.choices.size()));
                        return false;
                    }
                }
                args.emplace_back(
                    torch::from_blob(const_cast<int64_t *>(it->second.data()), {B}, torch::kInt64)
                        .to(d->device));
                break;
            }
            case InputKind::Vector: {
                auto it = in.vectors.find(spec.name);
                if (it == in.vectors.end() || it->second.size() != size_t(B) * spec.size) {
                    *error = text::modelText("moescope::model::Engine",
                                             "vector input \"%1\" needs %2 values")
                                 .arg(spec.name)
                                 .arg(std::to_string(B * spec.size));
                    return false;
                }
                args.emplace_back(torch::from_blob(const_cast<float *>(it->second.data()),
                                                   {B, spec.size}, torch::kFloat32)
                                      .to(d->device));
                break;
            }
            case InputKind::ExpertMask: {
                const int64_t L = int64_t(c.moeLayers.size());
                const int64_t E = c.maxExperts();
                if (in.expertMask.empty()) {
                    args.emplace_back(torch::ones({L, E}, torch::kFloat32).to(d->device));
                } else if (in.expertMask.size() != size_t(L * E)) {
                    *error = text::modelText("moescope::model::Engine",
                                             "the expert mask needs %1 values (layers × experts)")
                                 .arg(std::to_string(L * E));
                    return false;
                } else {
                    args.emplace_back(torch::from_blob(const_cast<float *>(in.expertMask.data()),
                                                       {L, E}, torch::kFloat32)
                                          .to(d->device));
                }
                break;
            }
            }
        }
        if (d->device.is_cuda())
            torch::cuda::synchronize();
        result->transferMs = msSince(transferStart);

        const auto forwardStart = Clock::now();
        // The setting is the calling thread's: set for this call only.
        const torch::jit::GraphOptimizerEnabledGuard optimizing(d->optimize);
        torch::jit::IValue out = d->module.forward(args);
        if (d->device.is_cuda())
            torch::cuda::synchronize();
        result->forwardMs = msSince(forwardStart);

        const auto backStart = Clock::now();
        if (!out.isGenericDict()) {
            *error = text::modelText("moescope::model::Engine",
                                     "forward() must return a Dict[str, Tensor], it returned %1")
                         .arg(out.tagKind());
            return false;
        }
        const c10::Dict<torch::jit::IValue, torch::jit::IValue> dict = out.toGenericDict();
        auto get = [&](const std::string &key, torch::Tensor *t) {
            auto it = dict.find(key);
            if (it == dict.end() || !it->value().isTensor())
                return false;
            *t = it->value().toTensor();
            return true;
        };
        torch::Tensor t;
        for (const OutputSpec &spec : c.outputs) {
            if (!get(spec.name, &t)) {
                *error =
                    text::modelText(
                        "moescope::model::Engine",
                        "forward() returned no tensor \"%1\", which moescope.json lists in outputs")
                        .arg(spec.name);
                return false;
            }
            result->outputs[spec.name] = toHost(t);
        }
        for (size_t i = 0; i < c.moeLayers.size(); ++i) {
            const std::string key = "router." + std::to_string(i);
            if (!get(key, &t)) {
                *error = text::modelText("moescope::model::Engine",
                                         "forward() returned no \"%1\" for MoE layer %2")
                             .arg(key)
                             .arg(c.moeLayers[i].name);
                return false;
            }
            result->router.push_back(toHost(t));
            result->dispatch.push_back(get("dispatch." + std::to_string(i), &t) ? toHost(t)
                                                                                : HostTensor());
        }
        result->transferMs += msSince(backStart);
    } catch (const std::exception &e) {
        *error = text::modelText("moescope::model::Engine", "forward() failed: %1")
                     .arg(firstLine(e.what()));
        return false;
    }
    return d->checkResult(*result, B, error);
}

bool Engine::Private::checkResult(const ForwardResult &r, int B, std::string *error) const
{
    for (const OutputSpec &spec : contract.outputs) {
        const HostTensor &t = r.outputs.at(spec.name);
        const std::string what =
            text::modelText("moescope::model::Engine", "output \"%1\" has shape %2")
                .arg(spec.name)
                .arg(shapeText(t.shape));
        if (t.dim(0) != B) {
            *error = text::modelText("moescope::model::Engine",
                                     "%1, its first dimension is not the batch size %2")
                         .arg(what)
                         .arg(std::to_string(B));
            return false;
        }
        const int64_t labels = int64_t(spec.labels.size());
        switch (spec.kind) {
        case OutputKind::Classes:
            if (t.shape.size() != 2 || t.dim(1) != labels) {
                *error = text::modelText("moescope::model::Engine",
                                         "%1; kind classes with %2 labels needs [B, %3]")
                             .arg(what)
                             .arg(std::to_string(labels))
                             .arg(std::to_string(labels));
                return false;
            }
            break;
        case OutputKind::Segmentation:
            if (t.shape.size() != 4 || t.dim(1) != labels) {
                *error = text::modelText("moescope::model::Engine",
                                         "%1; kind segmentation with %2 labels needs [B, %3, h, w]")
                             .arg(what)
                             .arg(std::to_string(labels))
                             .arg(std::to_string(labels));
                return false;
            }
            break;
        case OutputKind::Embedding:
            if (t.shape.size() != 2) {
                *error =
                    text::modelText("moescope::model::Engine", "%1; kind embedding needs [B, D]")
                        .arg(what);
                return false;
            }
            break;
        case OutputKind::Box:
            if (t.shape.size() != 2 || t.dim(1) != 4) {
                *error = text::modelText("moescope::model::Engine", "%1; kind box needs [B, 4]")
                             .arg(what);
                return false;
            }
            break;
        case OutputKind::Other:
            break;
        }
        if (!allFinite(t)) {
            *error = text::modelText("moescope::model::Engine", "output \"%1\" contains NaN or Inf")
                         .arg(spec.name);
            return false;
        }
    }
    for (size_t i = 0; i < contract.moeLayers.size(); ++i) {
        const MoeLayerSpec &spec = contract.moeLayers[i];
        const HostTensor &t = r.router[i];
        const std::string key = "router." + std::to_string(i);
        int64_t minTokens = 1;
        for (const routing::TokenGrid &g : spec.tokens)
            minTokens = std::max<int64_t>(minTokens, g.offset + g.size());
        if (t.shape.size() != 3 || t.dim(0) != B || t.dim(2) != spec.experts ||
            t.dim(1) < minTokens) {
            *error = text::modelText(
                         "moescope::model::Engine",
                         "\"%1\" has shape %2, but moe_layers[%3] (%4) needs [%5, T >= %6, %7]")
                         .arg(key)
                         .arg(shapeText(t.shape))
                         .arg(std::to_string(i))
                         .arg(spec.name)
                         .arg(std::to_string(B))
                         .arg(std::to_string(minTokens))
                         .arg(std::to_string(spec.experts));
            return false;
        }
        if (!r.dispatch[i].isEmpty() && r.dispatch[i].shape != t.shape) {
            *error = text::modelText("moescope::model::Engine",
                                     "\"dispatch.%1\" has shape %2, unlike \"%3\" %4")
                         .arg(std::to_string(i))
                         .arg(shapeText(r.dispatch[i].shape))
                         .arg(key)
                         .arg(shapeText(t.shape));
            return false;
        }
    }
    for (int b = 0; b < B; ++b) {
        for (const routing::LayerRouting &layer : r.routing(contract, b)) {
            const std::string why = routing::validate(layer);
            if (!why.empty()) {
                *error = why;
                return false;
            }
        }
    }
    return true;
}

} // namespace moescope::model
