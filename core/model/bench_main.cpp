// moescope-bench: the forward-pass benchmark without Qt, for machines that
// have a (CUDA) LibTorch and nothing else. Same numbers as `moescope-cli bench`.
#include "model/bench.h"

#include <cstdlib>
#include <cstring>
#include <iostream>

using namespace moescope::model;

int main(int argc, char **argv)
{
    std::string modelPath, deviceText = "auto";
    int batch = 1, iterations = 50, warmup = 5, threads = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "moescope-bench: " << arg << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--model")
            modelPath = next();
        else if (arg == "--device")
            deviceText = next();
        else if (arg == "--batch")
            batch = std::atoi(next().c_str());
        else if (arg == "--iterations")
            iterations = std::atoi(next().c_str());
        else if (arg == "--warmup")
            warmup = std::atoi(next().c_str());
        else if (arg == "--threads")
            threads = std::atoi(next().c_str());
        else {
            std::cerr << "usage: moescope-bench --model FILE [--device auto|cpu|cuda] "
                         "[--batch N] [--iterations N] [--warmup N] [--threads N]\n";
            return 2;
        }
    }
    DevicePreference device;
    if (modelPath.empty() || !parseDevicePreference(deviceText, &device)) {
        std::cerr << "moescope-bench: --model FILE is required; --device is auto, cpu or cuda\n";
        return 2;
    }
    if (threads > 0)
        Engine::setThreadCount(threads);
    std::string error;
    auto engine = Engine::load(modelPath, device, &error, batch);
    if (!engine) {
        std::cerr << error << "\n";
        return 1;
    }
    BenchResult result;
    if (!runBenchmark(*engine, batch, iterations, warmup, &result, &error)) {
        std::cerr << modelPath << ": " << error << "\n";
        return 1;
    }
    result.peakGflops = measureGemmPeak(result.device);
    std::cout << toJson(result, engine->contract().name, "libtorch " + Engine::torchVersion())
              << "\n";
    return 0;
}
