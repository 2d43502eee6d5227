#pragma once
// One analysis: an image through a loaded model, step by step (frames,
// tiles), with the plugin's pre/post-processing, progress and cancellation.
// The same function serves the worker thread and the CLI.

#include "image/image.h"
#include "image/scenesource.h"
#include "model/engine.h"
#include "plugin/taskplugin.h"
#include "routing/routing.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMetaType>
#include <QSharedPointer>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>
#include <vector>

namespace moescope {

struct AnalysisRequest
{
    // What to run over: `source`, or when it is null `image` (wrapped as an
    // ImageStackSource).
    QSharedPointer<const SceneSource> source;
    QSharedPointer<const ImageStack> image;
    int firstStep = 0;
    int lastStep = -1; // inclusive; -1 = the last step
    int batchSize = 1; // steps per forward call
    // The steps whose full routing (and raw outputs) are kept, inclusive;
    // the others keep their outputs and routing summaries. Unset (-1): the
    // first kDefaultRoutingSteps steps run, so that tracking a 10,000-frame
    // video does not hold (and store) 10,000 frames of routing tensors.
    int routingFirst = -1;
    int routingLast = -1;
    static constexpr int kDefaultRoutingSteps = 1000;
    // A tiled run's partial results, or a stateful run's new steps, at most this often.
    int snapshotIntervalMs = 1000;
    PrepareOptions options;
    std::vector<float> expertMask; // empty = all experts on; else layers × maxExperts
    quint64 requestId = 0;         // the caller's tag, copied into the result
};

struct StepResult
{
    int step = 0;
    QJsonObject outputs;       // the plugin's reading of the outputs
    StepOrigins origins;       // where each image input came from
    QJsonArray routingSummary; // routingSummaryJson of the step's layers, always kept
    // Kept only when the run's retention is Everything:
    std::vector<routing::LayerRouting> layers;           // full routing, per MoE layer
    std::map<std::string, model::HostTensor> rawOutputs; // this step's output tensors (batch 1)
};

struct Timings
{
    double preprocessMs = 0; // image → input tensors
    double forwardMs = 0;    // the model
    double transferMs = 0;   // tensors to / from the device
    double routingMs = 0;    // routing extraction and checks, summaries
    double postprocessMs = 0;
    double housekeepingMs = 0; // handing freed heap back (malloc_trim)
    double totalMs = 0;
    QJsonObject toJson() const;
};

struct AnalysisResult
{
    QString modelName;
    QString modelPath;
    QString modelSha256;
    QString task;
    QString pluginId;
    QString device;
    QString imagePath;
    QString imageSha256;
    int stepCount = 0; // steps the image has, of which `stepsRun` were run
    int stepsRun = 0;
    // Every step run; a SummariesOnly run (a tiled scene) keeps the first
    // only: its tiles live in the mosaic, the run summary and the plugin's
    // rasters, and 100,000 tiles' JSON would grow memory and the store with
    // the scene.
    QVector<StepResult> steps;
    Timings timings;
    QStringList warnings;
    bool cancelled = false;
    qint64 runId = 0; // set once stored
    quint64 requestId = 0;
    QRect modelRegion; // the part of the frame the model saw (plugin's modelRegion)
    QSize sceneSize;   // of one frame of the source
    StepRetention retention = StepRetention::Everything;
    QJsonObject runSummary; // the plugin run's finish(): a trajectory, scene-wide results
    // Tiled runs: each layer's routing stitched over the whole scene (a grid
    // over `mosaicInput` in scene cells), and how many tiles touched each cell
    // of the first layer.
    std::vector<routing::LayerRouting> mosaic;
    QString mosaicInput;
    QSizeF mosaicCell;   // scene pixels per cell of the first layer's mosaic
    QPoint mosaicOrigin; // the scene pixel of the mosaic's first cell's corner

    // The routing to show for the run as a whole: the mosaic of a tiled run,
    // else the first step's.
    const std::vector<routing::LayerRouting> &overviewLayers() const;
    // The scene pixels the first layer's mosaic covers (its cells may reach
    // past the scene's edge); invalid without a spatial mosaic.
    QRect mosaicRect() const;
};

using ProgressCallback = std::function<void(int done, int total)>;
// A tiled run's state so far (the mosaic, the plugin's snapshot()), the
// callee's to keep: called on the worker about once a second.
using SnapshotCallback = std::function<void(AnalysisResult &&partial)>;

// Runs `request` through `engine` with a run the plugin creates, the way its
// capabilities allow: Batchable steps go `batchSize` to a forward call,
// Stateful ones one at a time, each prepared after the previous one was
// consumed; Tiled runs have their routing stitched into result->mosaic.
// Returns false with `error` on failure; a cancelled run returns true with
// result->cancelled set and the steps done. `snapshot`, when set, gets a
// Tiled run's partial result while it goes on.
bool runAnalysis(model::Engine &engine, const TaskPlugin &plugin, const AnalysisRequest &request,
                 const std::atomic_bool *cancel, const ProgressCallback &progress,
                 AnalysisResult *result, QString *error, const SnapshotCallback &snapshot = {});

// Multi-task models ("task_choice" on outputs): drops the outputs of the
// tasks not chosen in `options` and records the chosen task as "task".
void keepActiveTaskOutputs(const model::ModelContract &contract, const PrepareOptions &options,
                           QJsonObject *outputs);

// Per-layer summary as JSON: name, experts, top_k, tokens, load, mean_prob,
// entropy (mean, nats), entropy_normalised, expert_names.
QJsonArray routingSummaryJson(const std::vector<routing::LayerRouting> &layers);

// An all-ones mask with the listed (layer, expert) pairs switched off.
bool buildExpertMask(const model::ModelContract &contract, const QList<QPair<int, int>> &disabled,
                     std::vector<float> *mask, QString *error);

QString sha256OfFile(const QString &path, QString *error);

} // namespace moescope

Q_DECLARE_METATYPE(moescope::AnalysisRequest)
Q_DECLARE_METATYPE(moescope::AnalysisResult)
