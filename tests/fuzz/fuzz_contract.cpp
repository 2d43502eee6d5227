// parseContract: a model's moescope.json, as the catalog, `models` and the
// engine read it. A contract it accepts must keep the bounds contract.h
// promises, which the engine and the routing maps rely on (top_k 0 is a
// soft mixture: every expert).
#include "fuzzsupport.h"

#include "model/contract.h"

#include <string>

using namespace moescope;
using namespace moescope::model;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ModelContract contract;
    std::string error;
    const std::string text(reinterpret_cast<const char *>(data), size);
    if (!parseContract(text, &contract, &error)) {
        if (error.empty())
            __builtin_trap(); // a refusal always says why
        return 0;
    }
    for (const InputSpec &input : contract.inputs) {
        if (input.kind != InputKind::Image)
            continue;
        if (input.channels < 1 || input.channels > kMaxChannels || input.height < 1 ||
            input.height > kMaxInputSide || input.width < 1 || input.width > kMaxInputSide)
            __builtin_trap();
    }
    for (const MoeLayerSpec &layer : contract.moeLayers) {
        if (layer.experts < 1 || layer.experts > kMaxExperts || layer.topK < 0 ||
            layer.topK > layer.experts)
            __builtin_trap();
        for (const routing::TokenGrid &grid : layer.tokens)
            if (int64_t(grid.offset) + int64_t(grid.rows) * grid.cols > kMaxTokens)
                __builtin_trap();
    }
    return 0;
}
