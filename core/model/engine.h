#pragma once
// Loads a TorchScript MoE model that follows the model contract, checks it,
// and runs it. The public interface is torch-free (pimpl): this header is
// included by Qt code that moc reads, where torch headers cannot go.

#include "contract.h"
#include "routing/routing.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace moescope::model {

enum class DevicePreference { Auto, Cpu, Cuda };

bool parseDevicePreference(const std::string &text, DevicePreference *out);
std::string toString(DevicePreference device);

// A dense float32 tensor copied back to host memory.
struct HostTensor
{
    std::vector<int64_t> shape;
    std::vector<float> values;

    int64_t dim(size_t i) const { return i < shape.size() ? shape[i] : 0; }
    bool isEmpty() const { return shape.empty(); }
};

// One forward call's inputs, `batch` images deep. Every input the contract
// lists must be present except expert_mask, which defaults to all ones.
struct InputBatch
{
    int batch = 1;
    std::map<std::string, std::vector<float>> images;    // name → B×C×H×W, already normalised
    std::map<std::string, std::vector<int64_t>> indices; // name → B
    std::map<std::string, std::vector<float>> vectors;   // name → B×size
    std::vector<float> expertMask;                       // empty, or layers × maxExperts
};

struct ForwardResult
{
    int batch = 0;
    std::map<std::string, HostTensor> outputs; // the contract's outputs, by name
    std::vector<HostTensor> router;            // one per MoE layer: [B, T, E]
    std::vector<HostTensor> dispatch;          // one per layer; empty where the model gives none
    double forwardMs = 0;                      // forward pass, device sync included
    double transferMs = 0;                     // inputs to the device and results back

    // Batch element `b`'s routing, shaped by the contract's moe_layers.
    std::vector<routing::LayerRouting> routing(const ModelContract &contract, int b) const;
};

class Engine
{
public:
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    // Loads, validates against the contract and warms up. On failure returns
    // nullptr and sets `error` to "<path>: <first broken rule>".
    //
    // `batch` is the batch size the caller will mostly run: the first passes
    // use it. TorchScript's executor (and oneDNN's kernel choice) settle on
    // the shapes of the first calls; a model warmed at batch 1 and then run at
    // batch 8 can be 1.5x slower at batch 8 than one warmed at batch 8.
    //
    // `validate` false skips the validation and warm-up passes, for a model
    // known to pass them (core/jobs/validationcache.h): its first forward is
    // the caller's own, which forward() checks against the contract as always.
    static std::unique_ptr<Engine> load(const std::string &path, DevicePreference device,
                                        std::string *error, int batch = 1, bool validate = true);

    const ModelContract &contract() const;
    const std::string &path() const;
    std::string deviceName() const; // "cpu" or "cuda:0"
    bool isCuda() const;
    double loadMs() const;   // reading + deserialising
    double warmupMs() const; // the validation and warm-up passes

    // TorchScript's graph optimisation (on by default): the profiling
    // executor instruments the first call and specialises the graph on the
    // second, which pays off over many calls but costs a one-shot caller
    // most of its forward time (the V-MoE example: first call 240-260 ms
    // optimised, 31-34 ms not). A caller that runs the model once turns it off.
    void setGraphOptimization(bool on);

    // Runs one batch. Checks the result against the contract (shapes, NaN,
    // router rows); on failure returns false with the broken rule in `error`.
    // Thread-safe to call from one thread at a time (the worker's).
    bool forward(const InputBatch &inputs, ForwardResult *result, std::string *error);

    // An input batch of the contract's shapes, filled with deterministic noise:
    // used to validate, to warm up and to benchmark.
    InputBatch syntheticBatch(int batch) const;

    // Reads a model file's moescope.json without loading the model (the .pt
    // archive is opened as a zip): for listing models before any runs.
    static bool readContract(const std::string &path, ModelContract *contract, std::string *error);

    static bool cudaAvailable();
    static std::string torchVersion();
    // Sets LibTorch's intra-op thread count; call once at start-up.
    static void setThreadCount(int threads);
    // Process-wide settings LibTorch's CPU kernels read once, before the
    // first forward pass: call at the top of main() (load() calls it too,
    // for programs that do not). Bounds oneDNN's primitive cache at 256
    // unless ONEDNN_PRIMITIVE_CACHE_CAPACITY is set: a sparse MoE sends a
    // different number of tokens to each expert on every call, every count
    // is a new convolution shape, and with oneDNN's default (1024 JIT-
    // compiled kernels) a tiled 8,192² SAR scene grew to 6.5 GB.
    static void configureRuntime();
    static int threadCount();

private:
    Engine();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace moescope::model
