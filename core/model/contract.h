#pragma once
// The model contract (docs/model-contract.md): what moescope.json says about a
// TorchScript model, parsed into plain structs. Standard library only.

#include "routing/routing.h"

#include <cstdint>
#include <string>
#include <vector>

namespace moescope::model {

// The bounds every size in moescope.json is checked against before anything
// is allocated from it or multiplied with it (docs/model-contract.md):
// generous for any vision MoE, small enough that no product of them
// overflows an int and no input allocates more than 1 GiB.
constexpr int kMaxChannels = 64;
constexpr int kMaxInputSide = 8192;                   // input height and width
constexpr int64_t kMaxInputValues = int64_t(1) << 28; // channels x height x width; a vector
constexpr int kMaxExperts = 4096;
constexpr int kMaxGridSide = 4096;  // token grid, output grid, window, stride
constexpr int kMaxTokens = 1 << 24; // offset + rows x cols of a layer's token grid

enum class InputKind { Image, Index, Vector, ExpertMask };

struct InputSpec
{
    std::string name;
    InputKind kind = InputKind::Image;
    // kind Image: float32 [B, channels, height, width], pixels in [0,1] then (x - mean) / std
    int channels = 0;
    int height = 0;
    int width = 0;
    std::vector<float> mean;
    std::vector<float> std;
    // Optional "windows": [[center, width], ...], one per channel, in the
    // image's own units (Hounsfield units for CT). When present, channel c is
    // clamp((v - (center - width / 2)) / width, 0, 1) of the raw samples
    // (resized bilinearly, half-pixel centres) instead of the displayed 8-bit
    // picture / 255: a CT model sees the same HU windows whatever the viewer shows.
    struct Window
    {
        float center = 0;
        float width = 0;
    };
    std::vector<Window> windows;
    // Optional "sar": how a SAR model wants its image (docs/model-contract.md).
    // The SAR plugin turns any product into linear backscatter intensity I,
    // then into `quantity` (amplitude √I, intensity I, db 10·log10 I), and
    // channel = clamp((v − range[0]) / (range[1] − range[0]), 0, 1).
    struct SarInput
    {
        std::string quantity; // "amplitude" | "intensity" | "db"; empty = no "sar" object
        float low = 0, high = 1;
        float looksMin = 1, looksMax = 1; // equivalent number of looks it was trained on
        std::string filter = "none";      // speckle filter it expects applied first
        std::vector<std::string> bands;   // polarisations it was trained on (VV, HH…)
    };
    SarInput sar;
    // kind Index: int64 [B], an index into choices
    std::vector<std::string> choices;
    // kind Vector: float32 [B, size]
    int size = 0;
    std::vector<std::string> names;
};

enum class OutputKind { Classes, Segmentation, Embedding, Box, Other };

struct OutputSpec
{
    std::string name;
    OutputKind kind = OutputKind::Other;
    std::string kindText; // as written, for kinds this build does not know
    std::vector<std::string> labels;
    std::string format; // kind Box: "cxcywh" | "xyxy"
    // Optional "task_choice": the output is meaningful only when the model's
    // index input is set to this choice (one head per task, as in a
    // multi-task model); plugins show the active task's outputs.
    std::string taskChoice;
    // Optional "input" + "grid": [rows, cols]: a spatial output (score map,
    // per-window embeddings) laid over that image input.
    std::string input;
    int gridRows = 0;
    int gridCols = 0;
    // Optional "window" and "stride": [rows, cols] in input pixels, for
    // per-window outputs (window_embeddings): window (r, c) covers rows
    // [r * strideRows, r * strideRows + windowRows) of the input. 0 = not given.
    int windowRows = 0, windowCols = 0;
    int strideRows = 0, strideCols = 0;
};

struct MoeLayerSpec
{
    std::string name;
    int experts = 0;
    int topK = 0;
    std::string router;
    std::vector<std::string> expertNames;
    std::vector<routing::TokenGrid> tokens; // [] = a per-image / per-task decision
};

struct ModelContract
{
    int schema = 0;
    std::string name;
    std::string task;
    std::string title;
    std::string description;
    std::string license;
    std::string reference;
    double flopsPerImage = 0; // "flops_per_image", 0 where the file does not say
    std::vector<InputSpec> inputs;
    std::vector<OutputSpec> outputs;
    std::vector<MoeLayerSpec> moeLayers;
    std::string json; // moescope.json as stored in the file

    static constexpr int kSchemaVersion = 1;

    const InputSpec *input(const std::string &name) const;
    const OutputSpec *output(const std::string &name) const;
    bool takesExpertMask() const;
    bool hasChoice(const std::string &choice) const; // a choice of any index input
    const InputSpec *taskInput() const;              // the first index input, if any
    int maxExperts() const;
};

// Parses moescope.json; on failure returns false with the first broken rule
// in `error` (without the file name: the caller names the file).
bool parseContract(const std::string &json, ModelContract *out, std::string *error);

std::string toString(InputKind kind);
std::string toString(OutputKind kind);

} // namespace moescope::model
