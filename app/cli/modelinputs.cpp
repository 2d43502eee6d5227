#include "modelinputs.h"

#include "image/imageloader.h"
#include "jobs/analysis.h"
#include "jobs/validationcache.h"
#include "model/contract.h"
#include "options.h"
#include "plugin/modelcatalog.h"

#include <algorithm>

namespace moescope::cli {

const QCommandLineOption &choiceOption()
{
    static const QCommandLineOption o(QStringLiteral("choice"),
                                      Tr::tr("Value of an index input (a task), NAME=VALUE."),
                                      QStringLiteral("NAME=VALUE"));
    return o;
}

const QCommandLineOption &imageOption()
{
    static const QCommandLineOption o(
        QStringLiteral("image"),
        Tr::tr("Picture for another image input of the model (a tracker's template), NAME=FILE."),
        QStringLiteral("NAME=FILE"));
    return o;
}

int readModelInputs(const QCommandLineParser &parser, const QString &verb,
                    const model::ModelContract &contract, PrepareOptions *options, QTextStream &err)
{
    for (const QString &choice : parser.values(choiceOption())) {
        const QString name = choice.section(QLatin1Char('='), 0, 0);
        const QString value = choice.section(QLatin1Char('='), 1);
        const model::InputSpec *spec = contract.input(name.toStdString());
        if (!spec || spec->kind != model::InputKind::Index) {
            err << Tr::tr("moescope-cli %1: model has no index input \"%2\"").arg(verb, name)
                << "\n";
            return Usage;
        }
        auto it = std::find(spec->choices.begin(), spec->choices.end(), value.toStdString());
        if (it == spec->choices.end()) {
            err << Tr::tr("moescope-cli %1: \"%2\" is not a choice of input \"%3\"")
                       .arg(verb, value, name)
                << "\n";
            return Usage;
        }
        options->indexChoices[spec->name] = int(it - spec->choices.begin());
    }
    for (const QString &pair : parser.values(imageOption())) {
        const QString name = pair.section(QLatin1Char('='), 0, 0);
        const QString file = pair.section(QLatin1Char('='), 1);
        const model::InputSpec *spec = contract.input(name.toStdString());
        if (!spec || spec->kind != model::InputKind::Image || file.isEmpty()) {
            err << Tr::tr("moescope-cli %1: --image takes NAME=FILE for an image input of the "
                          "model; \"%2\" is not one")
                       .arg(verb, pair)
                << "\n";
            return Usage;
        }
        LoadError loadError;
        std::optional<ImageStack> other = ImageLoader::load(file, &loadError);
        if (!other)
            return fail(err, loadError.message());
        options->images[spec->name] = QSharedPointer<const ImageStack>::create(std::move(*other));
    }
    return Ok;
}

std::unique_ptr<model::Engine> loadModelOnce(const QString &modelPath,
                                             model::DevicePreference device, QString *sha256,
                                             bool *validated, QString *error)
{
    *sha256 = sha256OfFile(modelPath, error);
    if (sha256->isEmpty())
        return nullptr;
    ValidationCache cache;
    const QString runtime = ValidationCache::runtimeKey(
        QString::fromStdString(model::Engine::torchVersion()),
        QString::fromStdString(model::toString(device)) +
            (model::Engine::cudaAvailable() ? QStringLiteral("+cuda") : QString()));
    *validated = !cache.isValidated(*sha256, runtime);
    std::string why;
    std::unique_ptr<model::Engine> engine =
        model::Engine::load(modelPath.toStdString(), device, &why, 1, *validated);
    if (!engine) {
        *error = QString::fromStdString(why);
        return nullptr;
    }
    QString ignored; // a cache that cannot be written costs the next run its passes, no more
    if (*validated)
        cache.remember(*sha256, runtime, &ignored);
    return engine;
}

const QCommandLineOption &inputOption()
{
    static const QCommandLineOption o(QStringLiteral("input"), Tr::tr("Image, DICOM or scene."),
                                      QStringLiteral("PATH"));
    return o;
}

QList<QCommandLineOption> modelOnInputOptions()
{
    return {modelOption(), inputOption(),  deviceOption(), choiceOption(),
            imageOption(), seriesOption(), threadsOption()};
}

int loadModelOnInput(const QCommandLineParser &parser, const QString &verb, ModelOnInput *out,
                     QTextStream &err)
{
    if (!parser.isSet(modelOption()) || !parser.isSet(inputOption())) {
        err << Tr::tr("moescope-cli %1: --model and --input are required").arg(verb) << "\n";
        return Usage;
    }
    model::DevicePreference device;
    if (!model::parseDevicePreference(parser.value(deviceOption()).toStdString(), &device)) {
        err << Tr::tr("moescope-cli %1: --device is auto, cpu or cuda, not \"%2\"")
                   .arg(verb, parser.value(deviceOption()))
            << "\n";
        return Usage;
    }
    applyThreads(parser);
    ModelCatalog catalog;
    QString modelPath, error;
    if (!catalog.resolve(parser.value(modelOption()), &modelPath, &error))
        return fail(err, error);
    LoadOptions loadOptions;
    loadOptions.seriesUid = parser.value(seriesOption());
    out->scene = openScene(out->registry, parser.value(inputOption()), loadOptions, &error);
    if (!out->scene)
        return fail(err, error);
    QString sha;
    bool validated = false;
    out->engine = loadModelOnce(modelPath, device, &sha, &validated, &error);
    if (!out->engine)
        return fail(err, error);
    const model::ModelContract &contract = out->engine->contract();
    if (const int code = readModelInputs(parser, verb, contract, &out->options, err))
        return code;
    out->plugin = out->registry.pluginForTask(QString::fromStdString(contract.task));
    return Ok;
}

// Declared in options.h; defined here, on the engine side of the CLI.
void applyThreads(const QCommandLineParser &parser)
{
    const int threads = parser.value(threadsOption()).toInt();
    if (threads > 0)
        model::Engine::setThreadCount(threads);
}

} // namespace moescope::cli
