#pragma once
// The options that feed a model's other inputs, shared by run and ablate:
// --choice NAME=VALUE (an index input, such as a task) and --image NAME=FILE
// (another image input, such as a tracker's template).

#include "model/engine.h"
#include "plugin/pluginregistry.h"
#include "plugin/sceneopener.h"
#include "plugin/taskplugin.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

namespace moescope::model {
struct ModelContract;
}

namespace moescope::cli {

const QCommandLineOption &choiceOption(); // --choice NAME=VALUE
const QCommandLineOption &imageOption();  // --image NAME=FILE

// A model run on one input by a verb that is not `run` (ablate, stability):
// --model, --input, --device, --series, --threads, --choice and --image.
struct ModelOnInput
{
    PluginRegistry registry; // owns the plugins below
    std::optional<OpenedScene> scene;
    std::unique_ptr<model::Engine> engine;
    TaskPlugin *plugin = nullptr;
    PrepareOptions options;
};
// Loads `modelPath` for a one-shot verb: a model this LibTorch and device
// validated before (ValidationCache, by the file's SHA-256) loads without the
// validation passes, its first forward being the verb's own; another is
// validated and remembered. `sha256` gets the file's hash, `validated`
// whether the passes ran. Null with `error` naming the file and the cause.
std::unique_ptr<model::Engine> loadModelOnce(const QString &modelPath,
                                             model::DevicePreference device, QString *sha256,
                                             bool *validated, QString *error);

const QCommandLineOption &inputOption(); // --input PATH
QList<QCommandLineOption> modelOnInputOptions();
// Opens the input, loads the model and reads the other inputs. Returns 0,
// or the exit code after one line on `err`.
int loadModelOnInput(const QCommandLineParser &parser, const QString &verb, ModelOnInput *out,
                     QTextStream &err);

// Reads them into `options` for `contract`. Returns 0, or the exit code
// (Usage, Failure) after one line on `err`.
int readModelInputs(const QCommandLineParser &parser, const QString &verb,
                    const model::ModelContract &contract, PrepareOptions *options,
                    QTextStream &err);

} // namespace moescope::cli
