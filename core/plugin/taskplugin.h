#pragma once
// The task-plugin interface, API 2.2. A plugin turns a scene (a frame, a
// tile, a search region) into a model's inputs and the model's outputs into
// results a person reads. The host supplies loading, the job thread, the
// routing views, stitching, the store and the CLI verbs; a plugin sees this
// interface and core/image, core/model only (never jobs/, store/ or the app).
//
// Plugins are Qt plugins: Q_PLUGIN_METADATA(IID MoEScopeTaskPlugin_iid FILE
// "plugin.json"), where plugin.json holds {"id", "name", "version",
// "compatVersion", "tasks": [...], "shape", "fileSuffixes": [...],
// "description"}. compatVersion is the plugin API the plugin was written for
// ("2.2"); the registry refuses one it does not serve (PluginRegistry::
// servesApi). A minor version adds virtual functions, so a plugin built for
// another minor version must be rebuilt: only the served one loads. The host reads that JSON
// without loading the library.
//
// A run, after Okular's generators and QGIS's tasks: the host asks the plugin
// for a TaskRun (createRun), which owns whatever state the run has (a track,
// a mosaic), prepares each step, consumes each step's outputs and finishes
// the run. capabilities() tell the host how it may drive the run.

#include "image/image.h"
#include "image/scenesource.h"
#include "model/engine.h"
#include "taskplugin_iid.h"

#include <QFlags>
#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QSharedPointer>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QtPlugin>

#include <map>
#include <memory>
#include <string>

namespace moescope {

// The shape of the work a task takes (for people and listings; the host
// drives a run by its capabilities).
enum class TaskShape {
    SingleImage,    // one image, or a cine frame by frame (ultrasound, generic)
    Gallery,        // index many images, then query one against them (CT retrieval)
    TiledScene,     // one huge scene cut into tiles (SAR)
    PairedSequence, // a stateful sequence, two inputs per step (tracking)
};

QString toString(TaskShape shape);

enum class TaskCapability : unsigned {
    // Steps are independent: the host may prepare several and run them in
    // one forward call.
    Batchable = 0x1,
    // Step k+1's input depends on step k's output: the host prepares a step
    // only after the previous one was consumed, one step per forward call.
    // A run may start at any step (a tracker from a box drawn on that frame):
    // the first step prepared is where its state begins.
    Stateful = 0x2,
    // Steps are regions of one scene: the host lays each layer's routing back
    // where the step's input came from and stitches a scene-wide mosaic.
    Tiled = 0x4,
    // Embeddings fill galleries: the host serves index / retrieve / galleries.
    Gallery = 0x8,
    // The plugin opens files of its own (openSource), listed in the
    // metadata's "fileSuffixes".
    OpensFiles = 0x10,
};
Q_DECLARE_FLAGS(TaskCapabilities, TaskCapability)

QStringList capabilityNames(TaskCapabilities capabilities);

struct PrepareOptions
{
    std::map<std::string, int> indexChoices; // index input name → chosen choice
    // Pictures for image inputs other than the run's own image (a tracking
    // model's template, say), by input name; inputs not listed get the run's image.
    std::map<std::string, QSharedPointer<const ImageStack>> images;
    QVariantMap extra; // plugin-specific settings ("region", "tile", "init_box"…)
};

// Where one image input of a step came from, so that the host can lay its
// routing maps and outputs back where they belong.
struct StepOrigin
{
    int frame = 0;
    QRect sourceRect; // the scene pixels the input covers (may reach past the frame)
    QSize inputSize;  // the model input's width × height those pixels were resampled to
};
using StepOrigins = std::map<std::string, StepOrigin>; // by image input name

// What a run keeps of each step. Summaries (outputs as JSON, per-layer
// routing summary, origin) are always kept.
enum class StepRetention {
    Everything,    // full routing tensors and raw outputs per step (a cine, a photo)
    SummariesOnly, // a tiled scene: the stitched mosaic instead of 20,000 tiles
};

// One run's state and steps; created by the plugin, driven by the host on
// the job thread, destroyed when the run ends.
class TaskRun
{
public:
    virtual ~TaskRun();

    virtual int stepCount() const = 0;

    // Fills a batch of one with `step`'s inputs and says where each image
    // input came from. False with `error` naming the cause when it cannot.
    virtual bool prepare(int step, model::InputBatch *batch, StepOrigins *origins,
                         QString *error) = 0;

    // Reads batch element `b` of the forward pass that ran `step`; the run may
    // update its state. Returns the step's outputs as JSON a person reads.
    virtual QJsonObject consume(int step, const model::ForwardResult &result, int b) = 0;

    // After the last step run (`cancelled`: the run stopped early): the run's
    // own summary (a trajectory, scene-wide areas); empty when it has none.
    virtual QJsonObject finish(bool cancelled);

    virtual StepRetention retention() const { return StepRetention::Everything; }

    // The part of each frame the model sees, for the host's overlays
    // (invalid: the whole frame, or it moves from step to step).
    virtual QRect modelRegion() const { return {}; }

    // Things worth a warning that do not stop the run.
    virtual QStringList warnings() const { return {}; }

    // Since API 2.1. A failure met while consuming or finishing (a disk that
    // filled while the run wrote its rasters), naming the file and the cause;
    // the host stops the run and reports it. Empty while all is well.
    virtual QString failure() const { return {}; }

    // Since API 2.2. What finish() would say of the steps consumed so far,
    // without finishing (nothing closed or renamed), marked "running": the
    // window shows it while a long run goes on (a tiled scene's labels
    // filling in). Called on the worker between forward calls, about once a
    // second; empty (the default) when there is nothing to show early.
    virtual QJsonObject snapshot() const { return {}; }
};

class TaskPlugin
{
public:
    virtual ~TaskPlugin() = default;

    virtual QString id() const = 0; // the model contract's "task" it claims
    virtual QString displayName() const = 0;
    virtual TaskShape shape() const = 0;
    virtual TaskCapabilities capabilities() const { return TaskCapability::Batchable; }

    // A run over `source`. The default serves plugins that work on whole
    // frames in memory: its steps call stepCount / prepare / interpret below,
    // and it refuses a source read by region only (source->stack() null).
    virtual std::unique_ptr<TaskRun> createRun(const model::ModelContract &contract,
                                               QSharedPointer<const SceneSource> source,
                                               const PrepareOptions &options, QString *error) const;

    // Opens a file the host's loaders do not read (OpensFiles), or nullptr
    // with `error` naming the file and the cause. nullptr with `error` left
    // empty declines the file (a photo saved with a suffix the plugin
    // claims): the host's own loaders read it instead.
    virtual QSharedPointer<SceneSource> openSource(const QString &path, QString *error) const;

    // --- Whole-frame plugins: the default run's steps -------------------
    // How many steps (frames) a run over `image` takes.
    virtual int stepCount(const model::ModelContract &contract, const ImageStack &image) const;

    // Fills a batch of one with the model's inputs for `step`. Returns false
    // with a message naming the cause when the image cannot feed this model.
    virtual bool prepare(const model::ModelContract &contract, const ImageStack &image, int step,
                         const PrepareOptions &options, model::InputBatch *batch,
                         QString *error) const;

    // Batch element `b`'s outputs as JSON a person (and result.json) reads.
    virtual QJsonObject interpret(const model::ModelContract &contract,
                                  const model::ForwardResult &result, int b) const;

    // The part of the frame the model sees (the host lays routing maps and
    // masks over it); invalid = the whole frame.
    virtual QRect modelRegion(const ImageStack &image) const;

    // Things worth a warning that do not stop the run (a CT model given an
    // ultrasound file, say).
    virtual QStringList inputWarnings(const model::ModelContract &contract,
                                      const ImageStack &image) const;
};

} // namespace moescope

// Outside the namespace, as Qt asks: inside it, these operators would hide
// Qt's own (Qt::CTRL | Qt::Key_R) from code in namespace moescope.
Q_DECLARE_OPERATORS_FOR_FLAGS(moescope::TaskCapabilities)

Q_DECLARE_INTERFACE(moescope::TaskPlugin, MoEScopeTaskPlugin_iid)
