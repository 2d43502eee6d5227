// moescope-cli run: a model over an image, a cine, a series or a scene a
// plugin opens (tiled, read by region), stored and written as artifacts.
#include "commands.h"
#include "modelinputs.h"
#include "sceneoptions.h"

#include "common/artifacts.h"
#include "image/imageloader.h"
#include "jobs/analysis.h"
#include "jobs/storedrun.h"
#include "model/engine.h"
#include "plugin/modelcatalog.h"
#include "plugin/pluginregistry.h"
#include "plugin/sceneopener.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <future>

namespace moescope::cli {

namespace {

const QCommandLineOption &kJson = jsonOption();
const QCommandLineOption &kSeries = seriesOption();
const QCommandLineOption &kThreads = threadsOption();

} // namespace

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption modelOpt(QStringLiteral("model"), Tr::tr("Model name or .pt file."),
                                      QStringLiteral("NAME|FILE"));
    const QCommandLineOption inputOpt(QStringLiteral("input"),
                                      Tr::tr("Image, DICOM, series folder or volume."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption deviceOpt(QStringLiteral("device"), Tr::tr("auto, cpu or cuda."),
                                       QStringLiteral("DEVICE"), QStringLiteral("auto"));
    const QCommandLineOption outOpt(
        QStringLiteral("out"),
        Tr::tr("Folder for the overlay, expert grids, top-1 maps and result.json."),
        QStringLiteral("DIR"));
    const QCommandLineOption dbOpt(QStringLiteral("db"),
                                   Tr::tr("Run database (default: the app's data location)."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption disableOpt(QStringLiteral("disable-expert"),
                                        Tr::tr("Switch an expert off."),
                                        QStringLiteral("LAYER:EXPERT"));
    const QCommandLineOption framesOpt(QStringLiteral("frames"),
                                       Tr::tr("Frames (steps) to run, A:B inclusive."),
                                       QStringLiteral("A:B"));
    const QCommandLineOption noStoreOpt(QStringLiteral("no-store"),
                                        Tr::tr("Do not store the run."));
    parser.addOptions({modelOpt, inputOpt, deviceOpt, outOpt, dbOpt, disableOpt, framesOpt,
                       choiceOption(), imageOption(), noStoreOpt, kJson, kThreads, kSeries,
                       routingFramesOption(), keepPathsOption()});
    parser.addOptions(sceneRunOptions());
    if (!parse(parser, QStringLiteral("run"), arguments, err))
        return Usage;
    if (!parser.isSet(modelOpt) || !parser.isSet(inputOpt)) {
        err << Tr::tr("moescope-cli run: --model and --input are required") << "\n";
        return Usage;
    }
    model::DevicePreference device;
    if (!model::parseDevicePreference(parser.value(deviceOpt).toStdString(), &device)) {
        err << Tr::tr("moescope-cli run: --device is auto, cpu or cuda, not \"%1\"")
                   .arg(parser.value(deviceOpt))
            << "\n";
        return Usage;
    }
    QList<QPair<int, int>> disabled;
    for (const QString &spec : parser.values(disableOpt)) {
        const QStringList parts = spec.split(QLatin1Char(':'));
        bool okLayer = false, okExpert = false;
        if (parts.size() == 2) {
            disabled.append({parts[0].toInt(&okLayer), parts[1].toInt(&okExpert)});
        }
        if (!okLayer || !okExpert) {
            err << Tr::tr("moescope-cli run: --disable-expert takes LAYER:EXPERT, not \"%1\"")
                       .arg(spec)
                << "\n";
            return Usage;
        }
    }
    AnalysisRequest request;
    if (parser.isSet(framesOpt) &&
        !parseFrameRange(parser.value(framesOpt), &request.firstStep, &request.lastStep)) {
        err << Tr::tr("moescope-cli run: --frames takes A:B, not \"%1\"")
                   .arg(parser.value(framesOpt))
            << "\n";
        return Usage;
    }
    if (!readRoutingFrames(parser, QStringLiteral("run"), &request.routingFirst,
                           &request.routingLast, err))
        return Usage;
    QString optionError;
    if (!readSceneRunOptions(parser, &request.options.extra, &request.batchSize, &optionError)) {
        err << Tr::tr("moescope-cli run: %1").arg(optionError) << "\n";
        return Usage;
    }
    if (parser.isSet(outOpt)) // a tiled plugin writes its scene rasters there
        request.options.extra.insert(QStringLiteral("output_dir"),
                                     QDir(parser.value(outOpt)).absolutePath());
    applyThreads(parser);

    QElapsedTimer wall;
    wall.start();
    ModelCatalog catalog;
    QString modelPath, error;
    if (!catalog.resolve(parser.value(modelOpt), &modelPath, &error))
        return fail(err, error);

    // Open the database before any work, so a read-only or locked file is
    // reported before minutes of computing are spent.
    store::Database db;
    const bool storeRun = !parser.isSet(noStoreOpt);
    if (storeRun && !db.openOrDefault(parser.value(dbOpt), &error))
        return fail(err, error);

    // The model loads on a second thread while this one opens the input (and,
    // with --out, readies the fonts and image writers): the two longest waits
    // of a one-shot run overlap.
    struct LoadedModel
    {
        std::unique_ptr<model::Engine> engine;
        QString sha256, error;
        bool validated = false;
        double ms = 0;
    };
    std::future<LoadedModel> loading = std::async(std::launch::async, [&modelPath, device] {
        LoadedModel m;
        QElapsedTimer clock;
        clock.start();
        m.engine = loadModelOnce(modelPath, device, &m.sha256, &m.validated, &m.error);
        m.ms = clock.nsecsElapsed() / 1e6;
        return m;
    });

    QElapsedTimer t;
    t.start();
    LoadOptions loadOptions;
    loadOptions.seriesUid = parser.value(kSeries);
    PluginRegistry registry;
    // A file a plugin opens itself (read by region), or a picture the host's
    // loaders read whole.
    const std::optional<OpenedScene> scene =
        openScene(registry, parser.value(inputOpt), loadOptions, &error);
    if (!scene)
        return fail(err, error);
    const SceneSource &source = *scene->source;
    QStringList inputWarnings;
    if (scene->image) {
        for (const QString &w : imageWarnings(*scene->image, loadOptions))
            inputWarnings << QStringLiteral("%1: %2").arg(source.path(), w);
    }
    const double decodeMs = t.nsecsElapsed() / 1e6;

    if (parser.isSet(outOpt))
        prepareArtifactWriters();
    LoadedModel loaded = loading.get();
    if (!loaded.engine)
        return fail(err, loaded.error);
    const std::unique_ptr<model::Engine> engine = std::move(loaded.engine);
    const QString &modelSha = loaded.sha256;
    const bool validated = loaded.validated;
    const double modelLoadMs = loaded.ms;
    const model::ModelContract &contract = engine->contract();

    if (!buildExpertMask(contract, disabled, &request.expertMask, &error))
        return fail(err, QStringLiteral("%1: %2").arg(modelPath, error));
    if (const int code =
            readModelInputs(parser, QStringLiteral("run"), contract, &request.options, err))
        return code;

    QString pluginWarning;
    TaskPlugin *plugin =
        registry.pluginForTask(QString::fromStdString(contract.task), &pluginWarning);
    request.source = scene->source;
    // One picture, one forward call in this process: TorchScript's
    // optimisation would cost more than it could save.
    if (source.frameCount() == 1 && !plugin->capabilities().testFlag(TaskCapability::Tiled))
        engine->setGraphOptimization(false);

    AnalysisResult result;
    if (!runAnalysis(*engine, *plugin, request, nullptr, {}, &result, &error))
        return fail(err, error);
    if (!pluginWarning.isEmpty())
        result.warnings.prepend(pluginWarning);
    result.warnings = inputWarnings + result.warnings; // stored with the run, printed below
    result.modelSha256 = modelSha;

    t.restart();
    if (storeRun && !storeAnalysis(db, &result, SceneDescription::of(source), contract,
                                   request.expertMask, &error))
        return fail(err, error);
    const double storeMs = t.nsecsElapsed() / 1e6;

    QJsonObject json{
        {"model", result.modelName},          {"model_file", result.modelPath},
        {"model_sha256", result.modelSha256}, {"task", result.task},
        {"plugin", result.pluginId},          {"input", exportedPath(source.path(), parser)},
        {"input_sha256", result.imageSha256}, {"device", result.device},
        {"steps", result.stepCount}};
    if (!result.steps.isEmpty()) {
        json.insert(QStringLiteral("outputs"), result.steps.first().outputs);
        json.insert(QStringLiteral("routing"), result.mosaic.empty()
                                                   ? result.steps.first().routingSummary
                                                   : routingSummaryJson(result.mosaic));
    }
    if (!result.runSummary.isEmpty())
        json.insert(QStringLiteral("run_summary"), result.runSummary);
    if (!result.mosaic.empty()) {
        const routing::LayerRouting &l0 = result.mosaic.front();
        QJsonObject mosaic{
            {"input", result.mosaicInput},
            {"scene", QJsonArray{result.sceneSize.width(), result.sceneSize.height()}},
            {"cell", QJsonArray{result.mosaicCell.width(), result.mosaicCell.height()}},
            {"origin", QJsonArray{result.mosaicOrigin.x(), result.mosaicOrigin.y()}},
            {"routing", routingSummaryJson(result.mosaic)}};
        if (!l0.grids.empty())
            mosaic.insert(QStringLiteral("grid"),
                          QJsonArray{l0.grids.front().rows, l0.grids.front().cols});
        json.insert(QStringLiteral("mosaic"), mosaic);
    }
    // Per-frame outputs for cines and videos; a tiled scene's thousands of
    // tiles are summed up in run_summary and its rasters instead.
    if ((result.stepCount > 1 || parser.isSet(framesOpt)) &&
        result.retention == StepRetention::Everything) {
        QJsonArray frames;
        for (const StepResult &s : result.steps)
            frames.append(QJsonObject{
                {"index", s.step}, {"outputs", s.outputs}, {"routing", s.routingSummary}});
        json.insert(QStringLiteral("frames"), frames);
    }
    if (!request.expertMask.empty()) {
        QJsonArray off;
        for (const auto &[l, e] : disabled)
            off.append(QStringLiteral("%1:%2").arg(l).arg(e));
        json.insert(QStringLiteral("disabled_experts"), off);
    }
    if (storeRun) {
        json.insert(QStringLiteral("run_id"), result.runId);
        json.insert(QStringLiteral("db"), db.path());
    }
    json.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings));

    QStringList artifacts;
    double artifactsMs = 0;
    if (parser.isSet(outOpt)) {
        t.restart();
        QJsonObject timings = result.timings.toJson();
        timings.insert(QStringLiteral("decode_ms"), decodeMs);
        json.insert(QStringLiteral("timings"), timings);
        // A scene read by region is drawn from an overview of what the
        // mosaic covers.
        std::optional<ImageStack> overview;
        if (!scene->image) {
            const QRect covered = result.mosaicRect().isValid()
                                      ? result.mosaicRect()
                                      : QRect(QPoint(0, 0), source.size());
            overview = sceneOverview(source, 2048, &error, covered);
            if (!overview)
                return fail(err, error);
        }
        if (!writeArtifacts(parser.value(outOpt), result, scene->image ? *scene->image : *overview,
                            json, ArtifactOptions(), &artifacts, &error)) {
            QString ignored;
            if (storeRun)
                db.deleteRun(result.runId, &ignored); // nothing half-written
            for (const QJsonValue &r : result.runSummary.value(QStringLiteral("rasters")).toArray())
                QFile::remove(r.toObject().value(QStringLiteral("path")).toString());
            return fail(err, error);
        }
        artifactsMs = t.nsecsElapsed() / 1e6;
    }
    // The scene rasters a tiled plugin wrote into --out.
    for (const QJsonValue &r : result.runSummary.value(QStringLiteral("rasters")).toArray())
        artifacts << r.toObject().value(QStringLiteral("path")).toString();
    QJsonObject timings = result.timings.toJson();
    timings.insert(QStringLiteral("decode_ms"), decodeMs);
    timings.insert(QStringLiteral("model_load_ms"), modelLoadMs);
    timings.insert(QStringLiteral("warmup_ms"), engine->warmupMs());
    // Whether the validation passes ran (a model not validated here before).
    timings.insert(QStringLiteral("validated"), validated);
    timings.insert(QStringLiteral("store_ms"), storeMs);
    timings.insert(QStringLiteral("artifacts_ms"), artifactsMs);
    json.insert(QStringLiteral("timings"), timings);
    json.insert(QStringLiteral("elapsed_ms"),
                decodeMs + result.timings.totalMs + storeMs + artifactsMs);
    json.insert(QStringLiteral("wall_ms"), wall.nsecsElapsed() / 1e6);
    json.insert(QStringLiteral("artifacts"), QJsonArray::fromStringList(artifacts));

    for (const QString &w : result.warnings)
        err << Tr::tr("warning: %1").arg(w) << "\n";
    if (parser.isSet(kJson)) {
        printJson(out, json);
        return Ok;
    }
    out << Tr::tr("%1 on %2 (%3): %4 step(s) in %5 ms")
               .arg(result.modelName, source.path(), result.device)
               .arg(result.stepsRun)
               .arg(json.value(QStringLiteral("elapsed_ms")).toDouble(), 0, 'f', 1)
        << "\n";
    if (!result.steps.isEmpty()) {
        const QJsonObject outputs = result.steps.first().outputs;
        for (auto it = outputs.begin(); it != outputs.end(); ++it) {
            const QJsonObject o = it.value().toObject();
            if (o.value(QStringLiteral("kind")).toString() == QLatin1String("classes")) {
                out << "  " << it.key() << ":";
                for (const QJsonValue &top : o.value(QStringLiteral("top")).toArray())
                    out << QStringLiteral(" %1 %2%")
                               .arg(top[QStringLiteral("label")].toString())
                               .arg(top[QStringLiteral("probability")].toDouble() * 100, 0, 'f', 1);
                out << "\n";
            }
        }
        for (const routing::LayerRouting &layer : result.overviewLayers()) {
            const routing::LayerSummary s = routing::summarize(layer);
            out << "  " << QString::fromStdString(layer.name)
                << Tr::tr(": entropy %1 nats, load").arg(s.meanEntropy, 0, 'f', 3);
            for (double l : s.load)
                out << " " << QString::number(l * 100, 'f', 1) << "%";
            out << "\n";
        }
    }
    for (const QString &a : artifacts)
        out << "  " << a << "\n";
    return Ok;
}

} // namespace moescope::cli
