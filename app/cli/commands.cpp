#include "commands.h"
#include "galleryverbs.h"
#include "lightverbs.h"
#include "modelinputs.h"
#include "options.h"
#include "sceneoptions.h"

#include "common/artifacts.h"
#include "image/imageloader.h"
#include "jobs/analysis.h"
#include "jobs/coretext.h"
#include "jobs/storedrun.h"
#include "model/bench.h"
#include "model/blas.h"
#include "model/engine.h"
#include "plugin/modelcatalog.h"
#include "plugin/pluginregistry.h"
#include "plugin/sceneopener.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QThread>
#include <QTranslator>

namespace moescope::cli {

namespace {

const QCommandLineOption &kJson = jsonOption();
const QCommandLineOption &kThreads = threadsOption();

} // namespace

int dispatch(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") ||
        arguments.first() == QLatin1String("-h") || arguments.first() == QLatin1String("help")) {
        (arguments.isEmpty() ? err : out) << usage();
        return arguments.isEmpty() ? Usage : Ok;
    }
    if (arguments.first() == QLatin1String("--version")) {
        out << "moescope-cli " << QCoreApplication::applicationVersion() << " (LibTorch "
            << QString::fromStdString(model::Engine::torchVersion()) << ", Qt " << qVersion()
            << ", CUDA " << (model::Engine::cudaAvailable() ? "available" : "not available")
            << ")\n";
        return Ok;
    }
    const QString verb = arguments.first();
    const QStringList rest = arguments.mid(1);
    if (verb == QLatin1String("plugins"))
        return plugins(rest, out, err);
    if (verb == QLatin1String("models"))
        return models(rest, out, err);
    if (verb == QLatin1String("info"))
        return info(rest, out, err);
    if (verb == QLatin1String("run"))
        return run(rest, out, err);
    if (verb == QLatin1String("track"))
        return track(rest, out, err);
    if (verb == QLatin1String("runs"))
        return runs(rest, out, err);
    if (verb == QLatin1String("compare"))
        return compare(rest, out, err);
    if (verb == QLatin1String("signatures"))
        return signatures(rest, out, err);
    if (verb == QLatin1String("ablate"))
        return ablate(rest, out, err);
    if (verb == QLatin1String("paths"))
        return paths(rest, out, err);
    if (verb == QLatin1String("report"))
        return report(rest, out, err);
    if (verb == QLatin1String("stability"))
        return stability(rest, out, err);
    if (verb == QLatin1String("bench"))
        return bench(rest, out, err);
    if (verb == QLatin1String("batch"))
        return batch(rest, out, err);
    if (verb == QLatin1String("pacs"))
        return pacsCommand(rest, out, err);

    if (verb == QLatin1String("index"))
        return index(rest, out, err);
    if (verb == QLatin1String("retrieve"))
        return retrieve(rest, out, err);
    if (verb == QLatin1String("galleries"))
        return galleries(rest, out, err);
    if (verb == QLatin1String("forget-paths"))
        return forgetPaths(rest, out, err);
    err << Tr::tr("moescope-cli: unknown verb \"%1\"").arg(verb) << "\n" << usage();
    return Usage;
}

// A file a plugin opens (a SAR product): its size, bands and whatever its
// reader knows (driver, CRS, geotransform or GCPs, pixel spacing).
int sceneInfo(const OpenedScene &scene, bool json, QTextStream &out)
{
    const SceneSource &source = *scene.source;
    QJsonObject o{{"path", source.path()},
                  {"width", source.size().width()},
                  {"height", source.size().height()},
                  {"frames", source.frameCount()},
                  {"band_count", source.bands()},
                  {"bands", QJsonArray::fromStringList(source.bandNames())}};
    if (scene.openedBy)
        o.insert(QStringLiteral("plugin"), scene.openedBy->id());
    const QJsonObject properties = source.properties();
    for (auto it = properties.begin(); it != properties.end(); ++it)
        o.insert(it.key(), it.value());
    if (json) {
        printJson(out, o);
        return Ok;
    }
    out << source.path() << "\n"
        << Tr::tr("  size      %1 x %2, %3 band(s)")
               .arg(source.size().width())
               .arg(source.size().height())
               .arg(source.bands())
        << "\n";
    if (o.value(QStringLiteral("kind")).toString() == QLatin1String("video"))
        out << Tr::tr("  video     %1, %2 frames at %3 fps%4")
                   .arg(o.value(QStringLiteral("codec")).toString())
                   .arg(source.frameCount())
                   .arg(o.value(QStringLiteral("fps")).toDouble())
                   .arg(o.value(QStringLiteral("rotation")).toInt()
                            ? Tr::tr(", turned %1° to stand upright")
                                  .arg(o.value(QStringLiteral("rotation")).toInt())
                            : QString())
            << "\n";
    if (o.contains(QStringLiteral("truncated")))
        out << Tr::tr("  damaged   %1").arg(o.value(QStringLiteral("truncated")).toString())
            << "\n";
    if (o.contains(QStringLiteral("layout"))) // a tracking sequence
        out << Tr::tr("  sequence  %1 layout, %2 frames, ground truth: %3")
                   .arg(o.value(QStringLiteral("layout")).toString())
                   .arg(source.frameCount())
                   .arg(o.value(QStringLiteral("has_groundtruth")).toBool() ? Tr::tr("yes")
                                                                            : Tr::tr("no"))
            << "\n";
    for (const QString &key : {QStringLiteral("driver"), QStringLiteral("calibration")})
        if (o.contains(key))
            out << QStringLiteral("  %1 %2").arg(key.leftJustified(9), o.value(key).toString())
                << "\n";
    for (const QJsonValue &b : o.value(QStringLiteral("bands")).toArray()) {
        const QJsonObject band = b.toObject();
        out << Tr::tr("  band      %1 (%2, %3)")
                   .arg(band.value(QStringLiteral("name")).toString(),
                        band.value(QStringLiteral("data_type")).toString(),
                        band.value(QStringLiteral("samples")).toString())
            << "\n";
    }
    if (o.contains(QStringLiteral("pixel_spacing_m"))) {
        const QJsonArray s = o.value(QStringLiteral("pixel_spacing_m")).toArray();
        out << Tr::tr("  spacing   %1 x %2 m")
                   .arg(s[0].toDouble(), 0, 'f', 2)
                   .arg(s[1].toDouble(), 0, 'f', 2)
            << "\n";
    }
    if (!o.value(QStringLiteral("crs")).toString().isEmpty())
        out << Tr::tr("  georeferenced (%1)")
                   .arg(o.contains(QStringLiteral("geotransform")) ? Tr::tr("geotransform")
                                                                   : Tr::tr("GCPs"))
            << "\n";
    return Ok;
}

int info(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const std::optional<InfoArguments> given = parseInfoArguments(arguments, err);
    if (!given)
        return Usage;
    const QString &path = given->path;
    LoadOptions options;
    options.seriesUid = given->seriesUid;
    PluginRegistry registry;
    if (registry.pluginForFile(path)) {
        // A plugin's file (a SAR product, a tracking sequence); one it
        // declines (a photo saved as TIFF, a DICOM folder) is the host's.
        QString why;
        const std::optional<OpenedScene> scene = openScene(registry, path, options, &why);
        if (!scene)
            return fail(err, why);
        if (scene->openedBy)
            return sceneInfo(*scene, given->json, out);
    }
    return imageInfo(path, options, given->json, out, err);
}

int bench(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption modelOpt(QStringLiteral("model"), Tr::tr("Model name or .pt file."),
                                      QStringLiteral("NAME|FILE"));
    const QCommandLineOption deviceOpt(QStringLiteral("device"), Tr::tr("auto, cpu or cuda."),
                                       QStringLiteral("DEVICE"), QStringLiteral("auto"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"), Tr::tr("Images per forward call."),
                                      QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption iterOpt(QStringLiteral("iterations"), Tr::tr("Timed calls."),
                                     QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption warmOpt(QStringLiteral("warmup"), Tr::tr("Untimed calls first."),
                                     QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption blasOpt(
        QStringLiteral("blas-threads"),
        Tr::tr("The BLAS's own threads (default: MoEScope's choice for the BLAS in use)."),
        QStringLiteral("N"));
    const QCommandLineOption noPeakOpt(QStringLiteral("no-peak"),
                                       Tr::tr("Skip measuring the matrix-product peak."));
    parser.addOptions(
        {modelOpt, deviceOpt, batchOpt, iterOpt, warmOpt, blasOpt, noPeakOpt, kJson, kThreads});
    if (!parse(parser, QStringLiteral("bench"), arguments, err))
        return Usage;
    model::DevicePreference device;
    bool okBatch = false, okIter = false, okWarm = false, okBlas = true;
    const int batch = parser.value(batchOpt).toInt(&okBatch);
    const int blasThreads = parser.isSet(blasOpt) ? parser.value(blasOpt).toInt(&okBlas) : 0;
    const int iterations = parser.value(iterOpt).toInt(&okIter);
    const int warmup = parser.value(warmOpt).toInt(&okWarm);
    if (!parser.isSet(modelOpt) ||
        !model::parseDevicePreference(parser.value(deviceOpt).toStdString(), &device) || !okBatch ||
        !okIter || !okWarm || batch < 1 || iterations < 1 || warmup < 0 || !okBlas ||
        (parser.isSet(blasOpt) && blasThreads < 1)) {
        err << Tr::tr("moescope-cli bench: needs --model; --device auto|cpu|cuda; --batch, "
                      "--iterations, --blas-threads >= 1")
            << "\n";
        return Usage;
    }
    applyThreads(parser);
    if (blasThreads > 0)
        model::setBlasThreadCount(blasThreads);
    ModelCatalog catalog;
    QString modelPath, error, sha;
    if (!catalog.resolve(parser.value(modelOpt), &modelPath, &error))
        return fail(err, error);
    bool validated = false;
    auto engine = loadModelOnce(modelPath, device, &sha, &validated, &error);
    if (!engine)
        return fail(err, error);
    std::string why;
    model::BenchResult result;
    if (!model::runBenchmark(*engine, batch, iterations, warmup, &result, &why))
        return fail(err, modelPath + QStringLiteral(": ") + QString::fromStdString(why));
    if (!parser.isSet(noPeakOpt))
        result.peakGflops = model::measureGemmPeak(result.device);
    const std::string runtime = "libtorch " + model::Engine::torchVersion();
    if (parser.isSet(kJson)) {
        out << QString::fromStdString(model::toJson(result, engine->contract().name, runtime))
            << "\n";
        return Ok;
    }
    out << Tr::tr("%1 on %2 (%3 threads, %4): batch %5, %6 iterations: median %7 ms, p95 %8 ms, "
                  "%9 images/s")
               .arg(QString::fromStdString(engine->contract().name),
                    QString::fromStdString(result.device))
               .arg(result.threads)
               .arg(QString::fromStdString(runtime))
               .arg(result.batch)
               .arg(result.iterations)
               .arg(result.medianMs, 0, 'f', 2)
               .arg(result.p95Ms, 0, 'f', 2)
               .arg(result.throughputPerS, 0, 'f', 1)
        << "\n";
    out << Tr::tr("BLAS: %1").arg(QString::fromStdString(result.blas)) << "\n";
    if (result.flopsPerImage > 0)
        out << Tr::tr("%1 GFLOP per image: %2 GFLOP/s reached")
                   .arg(result.flopsPerImage / 1e9, 0, 'f', 2)
                   .arg(result.achievedGflops, 0, 'f', 1);
    else
        out << Tr::tr("FLOPs per image unknown (the model file has no \"flops_per_image\"; "
                      "export_moescope writes it)");
    if (result.peakGflops > 0) {
        out << "; "
            << Tr::tr("matrix-product peak here %1 GFLOP/s").arg(result.peakGflops, 0, 'f', 1);
        if (result.flopsPerImage > 0)
            out << " "
                << Tr::tr("(%1 % of it)")
                       .arg(100.0 * result.achievedGflops / result.peakGflops, 0, 'f', 0);
    }
    out << "\n";
    return Ok;
}

} // namespace moescope::cli
