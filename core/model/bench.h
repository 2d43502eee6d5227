#pragma once
// Latency of a loaded model's forward pass on synthetic inputs. Standard
// library only, shared by `moescope-cli bench` and the Qt-free moescope-bench.

#include "engine.h"

#include <string>
#include <vector>

namespace moescope::model {

struct BenchResult
{
    std::string device;
    int threads = 0;
    int batch = 1;
    int iterations = 0;
    double medianMs = 0;
    double p95Ms = 0;
    double meanMs = 0;
    double minMs = 0;
    double throughputPerS = 0; // images per second at the median
    std::vector<double> samplesMs;
    // Where the time goes: the model's own FLOPs (moescope.json, 0 = unknown),
    // what the median reached, and the machine's matrix-product peak measured in
    // the same run with the same threads (0 = not measured).
    double flopsPerImage = 0;
    double achievedGflops = 0;
    double peakGflops = 0;
    std::string blas; // the BLAS LibTorch called, "OpenBLAS 0.3.21 (OpenMP)"
};

// Runs `warmup` untimed then `iterations` timed forward calls (inputs on the
// host, results back on the host: what a user's run pays).
bool runBenchmark(Engine &engine, int batch, int iterations, int warmup, BenchResult *result,
                  std::string *error);

// GFLOP/s of a float32 matrix product (1024^3 on the CPU, 4096^3 on CUDA),
// best of a few, on the device the engine runs on, through the BLAS and (CPU)
// through oneDNN as a 1x1 convolution, whichever is faster: the ceiling a
// model's GEMM-bound layers can reach here.
double measureGemmPeak(const std::string &device);

std::string toJson(const BenchResult &result, const std::string &model, const std::string &runtime);

} // namespace moescope::model
