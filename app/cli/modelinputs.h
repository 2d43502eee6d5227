#pragma once
// The options that feed a model's other inputs, shared by run and ablate:
// --choice NAME=VALUE (an index input, such as a task) and --image NAME=FILE
// (another image input, such as a tracker's template).

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

// Reads them into `options` for `contract`. Returns 0, or the exit code
// (Usage, Failure) after one line on `err`.
int readModelInputs(const QCommandLineParser &parser, const QString &verb,
                    const model::ModelContract &contract, PrepareOptions *options,
                    QTextStream &err);

} // namespace moescope::cli
