#pragma once
// The task-plugin interface. A plugin turns an image (a frame, a tile, a pair
// of frames) into a model's inputs and the model's outputs into results a
// person reads; it may add result views and CLI verbs. The host supplies
// loading, the worker thread, the routing views and the store.
//
// Plugins are Qt plugins: Q_PLUGIN_METADATA(IID MoEScopeTaskPlugin_iid FILE
// "plugin.json"), where plugin.json holds {"id", "name", "version",
// "compatVersion", "tasks": [...], "shape", "description"}. The host reads
// that JSON without loading the library (QPluginLoader::metaData()).

#include "image/image.h"
#include "model/engine.h"

#include <QJsonObject>
#include <QList>
#include <QSharedPointer>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QtPlugin>

#include <map>
#include <string>

class QTextStream;
class QWidget;

namespace moescope {

// The shape of the work a task takes; the host drives each differently.
enum class TaskShape {
    SingleImage,    // one image, or a cine frame by frame (ultrasound, generic)
    Gallery,        // index many images, then query one against them (CT retrieval)
    TiledScene,     // one huge scene cut into tiles (SAR)
    PairedSequence, // a stateful sequence, two inputs per step (tracking)
};

QString toString(TaskShape shape);

struct PrepareOptions
{
    std::map<std::string, int> indexChoices; // index input name → chosen choice
    // Pictures for image inputs other than the run's own image (a tracking
    // model's template, say), by input name; inputs not listed get the run's image.
    std::map<std::string, QSharedPointer<const ImageStack>> images;
    QVariantMap extra; // plugin-specific settings
};

struct CliVerb
{
    QString name;
    QString usage;
    QString summary;
};

class TaskPlugin
{
public:
    virtual ~TaskPlugin() = default;

    virtual QString id() const = 0; // the model contract's "task" it claims
    virtual QString displayName() const = 0;
    virtual TaskShape shape() const = 0;

    // How many steps (frames, tiles, pairs) a run over `image` takes.
    virtual int stepCount(const model::ModelContract &contract, const ImageStack &image) const;

    // Fills a batch of one with the model's inputs for `step`. Returns false
    // with a message naming the cause when the image cannot feed this model.
    virtual bool prepare(const model::ModelContract &contract, const ImageStack &image, int step,
                         const PrepareOptions &options, model::InputBatch *batch,
                         QString *error) const = 0;

    // Batch element `b`'s outputs as JSON a person (and result.json) reads.
    virtual QJsonObject interpret(const model::ModelContract &contract,
                                  const model::ForwardResult &result, int b) const = 0;

    // The part of the frame the model sees (the host lays routing maps and
    // masks over it); invalid = the whole frame.
    virtual QRect modelRegion(const ImageStack &image) const;

    // Things worth a warning that do not stop the run (a CT model given an
    // ultrasound file, say).
    virtual QStringList inputWarnings(const model::ModelContract &contract,
                                      const ImageStack &image) const;

    // A widget showing this task's results; nullptr lets the host show its
    // generic outputs view.
    virtual QWidget *createResultView(QWidget *parent) const;

    // Extra `moescope-cli` verbs this plugin serves.
    virtual QList<CliVerb> cliVerbs() const;
    virtual int runCliVerb(const QString &verb, const QStringList &arguments, QTextStream &out,
                           QTextStream &err);
};

} // namespace moescope

#define MoEScopeTaskPlugin_iid "org.moescope.TaskPlugin/1.0"
Q_DECLARE_INTERFACE(moescope::TaskPlugin, MoEScopeTaskPlugin_iid)
