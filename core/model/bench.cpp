#include "bench.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <sstream>

namespace moescope::model {

bool runBenchmark(Engine &engine, int batch, int iterations, int warmup, BenchResult *result,
                  std::string *error)
{
    *result = BenchResult();
    result->device = engine.deviceName();
    result->threads = Engine::threadCount();
    result->batch = batch;
    result->iterations = iterations;
    if (batch < 1 || iterations < 1) {
        *error = "batch and iterations must be at least 1";
        return false;
    }
    const InputBatch inputs = engine.syntheticBatch(batch);
    ForwardResult out;
    for (int i = 0; i < warmup; ++i) {
        if (!engine.forward(inputs, &out, error))
            return false;
    }
    for (int i = 0; i < iterations; ++i) {
        const auto start = std::chrono::steady_clock::now();
        if (!engine.forward(inputs, &out, error))
            return false;
        result->samplesMs.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::vector<double> sorted = result->samplesMs;
    std::sort(sorted.begin(), sorted.end());
    auto quantile = [&](double q) {
        const double pos = q * (sorted.size() - 1);
        const size_t lo = size_t(std::floor(pos));
        const size_t hi = std::min(sorted.size() - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    };
    result->medianMs = quantile(0.5);
    result->p95Ms = quantile(0.95);
    result->minMs = sorted.front();
    result->meanMs = std::accumulate(sorted.begin(), sorted.end(), 0.0) / sorted.size();
    result->throughputPerS = result->medianMs > 0 ? batch * 1000.0 / result->medianMs : 0;
    return true;
}

std::string toJson(const BenchResult &r, const std::string &model, const std::string &runtime)
{
    auto quote = [](const std::string &s) {
        std::string q = "\"";
        for (char c : s) {
            if (c == '"' || c == '\\')
                q.push_back('\\');
            q.push_back(c);
        }
        return q + "\"";
    };
    std::ostringstream j;
    j.precision(6);
    j << "{\"model\":" << quote(model) << ",\"runtime\":" << quote(runtime)
      << ",\"device\":" << quote(r.device) << ",\"threads\":" << r.threads
      << ",\"batch\":" << r.batch << ",\"iterations\":" << r.iterations
      << ",\"median_ms\":" << r.medianMs << ",\"p95_ms\":" << r.p95Ms << ",\"mean_ms\":" << r.meanMs
      << ",\"min_ms\":" << r.minMs << ",\"throughput_per_s\":" << r.throughputPerS << "}";
    return j.str();
}

} // namespace moescope::model
