#include "bench.h"
#include "blas.h"

#include <torch/torch.h>

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
    result->flopsPerImage = engine.contract().flopsPerImage;
    if (result->medianMs > 0)
        result->achievedGflops = result->flopsPerImage * batch / (result->medianMs * 1e6);
    result->blas = blasInUse().name;
    return true;
}

namespace {

// Best GFLOP/s of `product` (2 n^3 FLOPs) over a few calls, after one untimed.
template <typename Product> double bestGflops(int64_t n, bool cuda, Product product)
{
    torch::Tensor c = product(); // first call: allocations, thread start-up, kernel choice
    double best = 0;
    for (int i = 0; i < 5; ++i) {
        if (cuda)
            torch::cuda::synchronize();
        const auto start = std::chrono::steady_clock::now();
        c = product();
        if (cuda)
            torch::cuda::synchronize();
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        best = std::max(best, 2.0 * n * n * n / s / 1e9);
    }
    return best;
}

} // namespace

double measureGemmPeak(const std::string &device)
{
    try {
        const bool cuda = device.rfind("cuda", 0) == 0;
        const int64_t n = cuda ? 4096 : 1024;
        const auto options = torch::TensorOptions()
                                 .dtype(torch::kFloat32)
                                 .device(cuda ? torch::Device(device) : torch::Device(torch::kCPU));
        torch::NoGradGuard noGrad;
        const torch::Tensor a = torch::rand({n, n}, options), b = torch::rand({n, n}, options);
        double peak = bestGflops(n, cuda, [&] { return torch::mm(a, b); });
        if (!cuda) {
            // The same product as a 1x1 convolution, which LibTorch hands to
            // oneDNN rather than the BLAS (dilation 2 keeps it off the BLAS
            // path; see recipe/moe_layers.py): on the CPU the faster of the two
            // is what a model can reach.
            const torch::Tensor x = a.t().contiguous().reshape({1, n, n, 1});
            const torch::Tensor w = b.t().contiguous().reshape({n, n, 1, 1});
            const std::vector<int64_t> stride{1, 1}, padding{0, 0}, dilation{2, 2};
            peak = std::max(peak, bestGflops(n, false, [&] {
                                return torch::conv2d(x, w, torch::Tensor(), stride, padding,
                                                     dilation, 1);
                            }));
        }
        return peak;
    } catch (const std::exception &) {
        return 0; // a peak we cannot measure is left out, never guessed
    }
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
      << ",\"min_ms\":" << r.minMs << ",\"throughput_per_s\":" << r.throughputPerS
      << ",\"blas\":" << quote(r.blas);
    if (r.flopsPerImage > 0)
        j << ",\"gflop_per_image\":" << r.flopsPerImage / 1e9
          << ",\"achieved_gflops\":" << r.achievedGflops;
    if (r.peakGflops > 0) {
        j << ",\"peak_gflops\":" << r.peakGflops;
        if (r.flopsPerImage > 0)
            j << ",\"percent_of_peak\":" << 100.0 * r.achievedGflops / r.peakGflops;
    }
    j << "}";
    return j.str();
}

} // namespace moescope::model
