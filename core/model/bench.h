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
};

// Runs `warmup` untimed then `iterations` timed forward calls (inputs on the
// host, results back on the host: what a user's run pays).
bool runBenchmark(Engine &engine, int batch, int iterations, int warmup, BenchResult *result,
                  std::string *error);

std::string toJson(const BenchResult &result, const std::string &model, const std::string &runtime);

} // namespace moescope::model
