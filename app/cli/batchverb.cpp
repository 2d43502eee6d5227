// moescope-cli batch: one model over every file of a folder or a list, in one
// process (jobs/batchanalysis), resumable, shardable, with progress and ETA.
#include "commands.h"
#include "modelinputs.h"
#include "options.h"
#include "pacsinput.h"
#include "slurmbatch.h"
#include "terminal.h"

#include "common/artifacts.h"
#include "jobs/batchanalysis.h"
#include "model/engine.h"
#include "plugin/modelcatalog.h"
#include "plugin/pluginregistry.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>

#include <unistd.h>

namespace moescope::cli {

namespace {

// The artifacts folder of one file: its key without the suffix, below --out.
QString artifactFolder(const QString &out, const BatchFile &file)
{
    const QFileInfo key(file.key);
    QString stem = key.path() == QLatin1String(".")
                       ? key.completeBaseName()
                       : key.path() + QLatin1Char('/') + key.completeBaseName();
    stem.remove(QStringLiteral("../"));
    return QDir(out).filePath(stem.isEmpty() ? QStringLiteral("file") : stem);
}

QString duration(double seconds)
{
    if (seconds < 90)
        return Tr::tr("%1 s").arg(qRound(seconds));
    if (seconds < 5400)
        return Tr::tr("%1 min").arg(qRound(seconds / 60));
    return Tr::tr("%1 h").arg(seconds / 3600, 0, 'f', 1);
}

} // namespace

int batch(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption inputOpt(
        QStringLiteral("input"),
        Tr::tr("A folder (every file below it), a text file listing one path per line, or a "
               "PACS query: pacs://NODE?patient-id=ID&modality=CT&date=D…"),
        QStringLiteral("DIR|LIST|pacs://…"));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    Tr::tr("Folder for each file's artifacts (as run --out)."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"), Tr::tr("Images per forward call."),
                                      QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption shardOpt(QStringLiteral("shard"),
                                      Tr::tr("Analyse share I of N of the files."),
                                      QStringLiteral("I/N"));
    const QCommandLineOption noStoreOpt(QStringLiteral("no-store"),
                                        Tr::tr("Do not store the runs."));
    parser.addOptions({modelOption(), inputOpt, deviceOption(), outOpt, databaseOption(), batchOpt,
                       shardOpt, choiceOption(), noStoreOpt, jsonOption(), threadsOption(),
                       seriesOption(), keepPathsOption()});
    parser.addOptions(slurmOptions());
    if (!parse(parser, QStringLiteral("batch"), arguments, err))
        return Usage;
    if (!parser.isSet(modelOption()) || !parser.isSet(inputOpt)) {
        err << Tr::tr("moescope-cli batch: --model and --input are required") << "\n";
        return Usage;
    }
    bool okBatch = false;
    const int batchSize = parser.value(batchOpt).toInt(&okBatch);
    int shardIndex = 1, shardCount = 1;
    model::DevicePreference device;
    if (!okBatch || batchSize < 1 ||
        (parser.isSet(shardOpt) && !parseShard(parser.value(shardOpt), &shardIndex, &shardCount)) ||
        !model::parseDevicePreference(parser.value(deviceOption()).toStdString(), &device)) {
        err << Tr::tr("moescope-cli batch: --batch takes N >= 1, --shard I/N with 1 <= I <= N, "
                      "--device auto, cpu or cuda")
            << "\n";
        return Usage;
    }
    applyThreads(parser);

    QString error;
    QString input = parser.value(inputOpt);
    if (isPacsInput(input)) {
        const std::optional<QString> folder =
            retrievePacsInput(input, configuredPacsNodes(), err, &error);
        if (!folder)
            return fail(err, error);
        input = *folder;
    }
    std::optional<QList<BatchFile>> files = listBatchInput(input, &error);
    if (!files)
        return fail(err, error);
    const int listed = int(files->size());
    if (slurmRequested(parser)) {
        // The login node writes (and submits) the array; the nodes analyse.
        ModelCatalog catalog;
        QString modelPath;
        if (!catalog.resolve(parser.value(modelOption()), &modelPath, &error))
            return fail(err, error);
        return writeSlurmBatch(parser, modelPath, input, listed, out, err);
    }
    BatchRequest request;
    request.files = shardCount > 1 ? shardOf(*files, shardIndex, shardCount) : *files;
    request.batchSize = batchSize;
    request.store = !parser.isSet(noStoreOpt);
    request.loadOptions.seriesUid = parser.value(seriesOption());

    store::Database db;
    if (request.store) {
        if (!db.openOrDefault(parser.value(databaseOption()), &error))
            return fail(err, error);
        request.databasePath = db.path();
    }
    ModelCatalog catalog;
    QString modelPath;
    if (!catalog.resolve(parser.value(modelOption()), &modelPath, &error))
        return fail(err, error);
    bool validated = false;
    std::unique_ptr<model::Engine> engine =
        loadModelOnce(modelPath, device, &request.modelSha256, &validated, &error);
    if (!engine)
        return fail(err, error);
    const model::ModelContract &contract = engine->contract();
    if (const int code =
            readModelInputs(parser, QStringLiteral("batch"), contract, &request.options, err))
        return code;
    PluginRegistry registry;
    QString pluginWarning;
    TaskPlugin *plugin =
        registry.pluginForTask(QString::fromStdString(contract.task), &pluginWarning);
    if (!pluginWarning.isEmpty())
        err << Tr::tr("warning: %1").arg(pluginWarning) << "\n";

    const QString outDir =
        parser.isSet(outOpt) ? QDir(parser.value(outOpt)).absolutePath() : QString();
    BatchFileHandler onFile;
    if (!outDir.isEmpty()) {
        onFile = [&](const BatchFileResult &file, const AnalysisResult &result,
                     const OpenedScene &scene, QString *why) {
            const QJsonObject json{{"model", result.modelName},
                                   {"model_sha256", result.modelSha256},
                                   {"input", exportedPath(file.file.path, parser)},
                                   {"input_sha256", result.imageSha256},
                                   {"outputs", file.outputs},
                                   {"routing", routingSummaryJson(result.overviewLayers())},
                                   {"run_id", file.runId}};
            std::optional<ImageStack> overview;
            if (!scene.image) {
                overview = sceneOverview(*scene.source, 2048, why,
                                         result.mosaicRect().isValid()
                                             ? result.mosaicRect()
                                             : QRect(QPoint(0, 0), scene.source->size()));
                if (!overview)
                    return false;
            }
            QStringList written;
            return writeArtifacts(artifactFolder(outDir, file.file), result,
                                  scene.image ? *scene.image : *overview, json, ArtifactOptions(),
                                  &written, why);
        };
    }

    // One line on a terminal, rewritten: files done, files/s, ETA.
    const bool tty = isatty(fileno(userStderr()));
    QElapsedTimer clock;
    clock.start();
    qint64 lastPrint = -1000;
    BatchProgress progress = [&](int done, int total, const QString &current) {
        if (!tty || (clock.elapsed() - lastPrint < 200 && done < total))
            return;
        lastPrint = clock.elapsed();
        const double seconds = clock.nsecsElapsed() / 1e9;
        const double rate = seconds > 0 ? done / seconds : 0;
        err << QStringLiteral("\r") +
                   Tr::tr("batch %1/%2 (%3%), %4 files/s, %5 left: %6")
                       .arg(done)
                       .arg(total)
                       .arg(total ? done * 100 / total : 100)
                       .arg(rate, 0, 'f', 1)
                       .arg(rate > 0 ? duration((total - done) / rate) : QStringLiteral("?"))
                       .arg(QDir::toNativeSeparators(QFileInfo(current).fileName()))
            << "\x1b[K";
        err.flush();
    };

    InterruptGuard guard;
    BatchReport report;
    const bool ok = runBatch(*engine, *plugin, registry, db, request, &guard.flag(), progress,
                             onFile, &report, &error);
    if (tty)
        err << "\r\x1b[K";
    for (const BatchFileResult &f : std::as_const(report.files))
        if (f.status == BatchFileResult::Status::Failed)
            err << f.message << "\n";
    if (!ok)
        return fail(err, error);

    QJsonObject json = report.toJson(parser.isSet(keepPathsOption()));
    json.insert(QStringLiteral("model"), QString::fromStdString(contract.name));
    json.insert(QStringLiteral("model_sha256"), request.modelSha256);
    json.insert(QStringLiteral("device"), QString::fromStdString(engine->deviceName()));
    json.insert(QStringLiteral("batch"), batchSize);
    json.insert(QStringLiteral("listed"), listed);
    json.insert(QStringLiteral("shard"), QStringLiteral("%1/%2").arg(shardIndex).arg(shardCount));
    json.insert(QStringLiteral("shard_files"), int(request.files.size()));
    if (request.store)
        json.insert(QStringLiteral("db"), db.path());
    if (parser.isSet(jsonOption())) {
        printJson(out, json);
    } else {
        out << Tr::tr("%1 on %2 file(s)%3: %4 analysed, %5 already analysed, %6 failed")
                   .arg(QString::fromStdString(contract.name))
                   .arg(request.files.size())
                   .arg(shardCount > 1 ? Tr::tr(" (shard %1/%2 of %3)")
                                             .arg(shardIndex)
                                             .arg(shardCount)
                                             .arg(listed)
                                       : QString())
                   .arg(report.analysed)
                   .arg(report.skipped)
                   .arg(report.failed)
            << "\n";
        out << Tr::tr("%1 image(s) in %2 s: %3 files/s, %4 images/s; model %5 s, decoding %6 s "
                      "(on its own thread), storing %7 s, waiting for decoding %8 s")
                   .arg(report.images)
                   .arg(report.seconds, 0, 'f', 1)
                   .arg(report.seconds > 0 ? report.analysed / report.seconds : 0.0, 0, 'f', 1)
                   .arg(report.seconds > 0 ? report.images / report.seconds : 0.0, 0, 'f', 1)
                   .arg(report.forwardMs / 1000, 0, 'f', 1)
                   .arg(report.decodeMs / 1000, 0, 'f', 1)
                   .arg(report.storeMs / 1000, 0, 'f', 1)
                   .arg(report.waitMs / 1000, 0, 'f', 1)
            << "\n";
        QMap<QString, int> predicted;
        for (const BatchFileResult &f : std::as_const(report.files))
            if (!f.predicted.isEmpty())
                ++predicted[f.predicted];
        if (!predicted.isEmpty()) {
            out << Tr::tr("predicted:");
            for (auto it = predicted.cbegin(); it != predicted.cend(); ++it)
                out << " " << it.key() << " " << it.value();
            out << "\n";
        }
        if (request.store)
            out << Tr::tr("runs stored in %1").arg(QDir::toNativeSeparators(db.path())) << "\n";
    }
    if (report.cancelled) {
        err << Tr::tr("interrupted: %1 file(s) analysed; run the same command again to go on")
                   .arg(report.analysed)
            << "\n";
        return Failure;
    }
    return report.failed ? Failure : Ok;
}

} // namespace moescope::cli
