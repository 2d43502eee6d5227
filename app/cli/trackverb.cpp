// moescope-cli track: a tracker over a benchmark sequence, or every sequence
// of a dataset folder, with the benchmark's own metrics and its result files.
#include "commands.h"
#include "common/annotatedvideo.h"
#include "sceneoptions.h"

#include "jobs/analysis.h"
#include "jobs/storedrun.h"
#include "model/engine.h"
#include "plugin/modelcatalog.h"
#include "plugin/pluginregistry.h"
#include "plugin/sceneopener.h"
#include "routing/routing.h"
#include "store/database.h"
#include "tracking/trackmetrics.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace moescope::cli {

namespace {

const QCommandLineOption &kJson = jsonOption();
const QCommandLineOption &kThreads = threadsOption();

using tracking::TrackedSequence;

QRectF rectOf(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    return QRectF(a.at(0).toDouble(), a.at(1).toDouble(), a.at(2).toDouble(), a.at(3).toDouble());
}

// The sequences a dataset folder lists (list.txt, one name a line) or holds.
QStringList datasetFolders(const QString &root)
{
    const QDir dir(root);
    QFile list(dir.filePath(QStringLiteral("list.txt")));
    QStringList names;
    if (list.open(QIODevice::ReadOnly | QIODevice::Text)) {
        for (const QString &line : QString::fromUtf8(list.readAll()).split(QLatin1Char('\n')))
            if (!line.trimmed().isEmpty())
                names << dir.filePath(line.trimmed());
    } else {
        for (const QString &n : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            names << dir.filePath(n);
    }
    return names;
}

// What one tracked sequence gives: its frames as JSON, the metrics' input,
// the CSV and GOT-10k result files' lines.
struct TrackedRun
{
    QString name;
    QString layout;
    QJsonArray frames;
    TrackedSequence scored;
    QStringList resultLines, timeLines, csvLines;
};

TrackedRun collect(const AnalysisResult &result)
{
    TrackedRun t;
    const QJsonObject summary = result.runSummary;
    t.name =
        summary.value(QStringLiteral("sequence")).toString(QFileInfo(result.imagePath).fileName());
    t.layout = summary.value(QStringLiteral("layout")).toString();
    QStringList header{"frame", "x", "y", "w", "h", "score", "iou"};
    bool headerDone = false;
    for (const StepResult &s : result.steps) {
        const QJsonObject o = s.outputs;
        QJsonObject frame{{"index", s.step},
                          {"box", o.value(QStringLiteral("box"))},
                          {"score", o.value(QStringLiteral("score"))},
                          {"routing", s.routingSummary}};
        if (o.contains(QStringLiteral("iou")))
            frame.insert(QStringLiteral("iou"), o.value(QStringLiteral("iou")));
        // Expert shares of the template's and the search region's tokens per layer.
        QStringList row;
        const QRectF box = rectOf(o.value(QStringLiteral("box")));
        row << QString::number(s.step) << QString::number(box.x(), 'f', 3)
            << QString::number(box.y(), 'f', 3) << QString::number(box.width(), 'f', 3)
            << QString::number(box.height(), 'f', 3)
            << QString::number(o.value(QStringLiteral("score")).toDouble(), 'f', 4)
            << (o.contains(QStringLiteral("iou"))
                    ? QString::number(o.value(QStringLiteral("iou")).toDouble(), 'f', 4)
                    : QString());
        // Expert shares of the template's and the search region's tokens per
        // layer, from the routing summary every frame keeps.
        QJsonArray shares;
        for (int l = 0; l < s.routingSummary.size(); ++l) {
            const QJsonObject layer = s.routingSummary[l].toObject();
            QJsonObject perGrid;
            for (const QJsonValue &g : layer.value(QStringLiteral("grids")).toArray()) {
                const QString part = g.toObject().value(QStringLiteral("input")).toString();
                const QJsonArray values = g.toObject().value(QStringLiteral("load")).toArray();
                for (int e = 0; e < values.size(); ++e) {
                    row << QString::number(values[e].toDouble(), 'f', 4);
                    if (!headerDone)
                        header << QStringLiteral("L%1_%2_e%3").arg(l).arg(part).arg(e);
                }
                perGrid.insert(part, values);
            }
            shares.append(perGrid);
        }
        headerDone = true;
        frame.insert(QStringLiteral("expert_shares"), shares);
        t.frames.append(frame);
        t.csvLines << row.join(QLatin1Char(','));
        t.resultLines << QStringLiteral("%1,%2,%3,%4")
                             .arg(box.x(), 0, 'f', 3)
                             .arg(box.y(), 0, 'f', 3)
                             .arg(box.width(), 0, 'f', 3)
                             .arg(box.height(), 0, 'f', 3);
    }
    t.csvLines.prepend(header.join(QLatin1Char(',')));
    for (const QJsonValue &v : summary.value(QStringLiteral("seconds")).toArray())
        t.timeLines << QString::number(v.toDouble(), 'f', 6);
    // The metrics read the track as the run stored it: the summary's boxes
    // are the steps' boxes.
    t.scored = tracking::trackedFromSummary(summary);
    return t;
}

QJsonObject metricsJson(const QString &protocol, const QList<TrackedSequence> &sequences)
{
    auto curve = [](const std::vector<double> &c) {
        QJsonArray a;
        for (double v : c)
            a.append(std::round(v * 10000.0) / 10000.0);
        return a;
    };
    if (protocol == QLatin1String("got10k")) {
        const tracking::Got10kScores g = tracking::got10kScores(sequences);
        return {{"protocol", protocol}, {"ao", g.ao},
                {"sr50", g.sr50},       {"sr75", g.sr75},
                {"frames", g.frames},   {"success_curve", curve(g.successCurve)}};
    }
    const tracking::OtbScores o = protocol == QLatin1String("lasot")
                                      ? tracking::lasotScores(sequences)
                                      : tracking::otbScores(sequences);
    QJsonObject m{{"protocol", protocol},
                  {"success_auc", o.success},
                  {"precision_20px", o.precision},
                  {"sequences", o.sequences},
                  {"success_curve", curve(o.successCurve)},
                  {"precision_curve", curve(o.precisionCurve)}};
    if (protocol == QLatin1String("lasot")) {
        m.insert(QStringLiteral("norm_precision_020"), o.normPrecision);
        m.insert(QStringLiteral("norm_precision_curve"), curve(o.normCurve));
    }
    return m;
}

// A protocol's main score, for one line of text.
QString headline(const QJsonObject &metrics)
{
    if (metrics.contains(QStringLiteral("ao")))
        return Tr::tr("AO %1").arg(metrics.value(QStringLiteral("ao")).toDouble(), 0, 'f', 3);
    return Tr::tr("success AUC %1")
        .arg(metrics.value(QStringLiteral("success_auc")).toDouble(), 0, 'f', 3);
}

bool writeLines(const QString &path, const QStringList &lines, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text) ||
        f.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()) < 0 || !f.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

int track(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption modelOpt(QStringLiteral("model"),
                                      Tr::tr("Tracker model name or .pt file."),
                                      QStringLiteral("NAME|FILE"));
    const QCommandLineOption inputOpt(QStringLiteral("input"),
                                      Tr::tr("A sequence folder, or a dataset folder of them."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption deviceOpt(QStringLiteral("device"), Tr::tr("auto, cpu or cuda."),
                                       QStringLiteral("DEVICE"), QStringLiteral("auto"));
    const QCommandLineOption initOpt(QStringLiteral("init"),
                                     Tr::tr("Initial box on the first frame (default: the ground "
                                            "truth's)."),
                                     QStringLiteral("X,Y,W,H"));
    const QCommandLineOption framesOpt(QStringLiteral("frames"),
                                       Tr::tr("Frames to track, A:B inclusive (from 0)."),
                                       QStringLiteral("A:B"));
    const QCommandLineOption outOpt(
        QStringLiteral("out"),
        Tr::tr("Folder for GOT-10k result files (<seq>/<seq>_001.txt, <seq>_time.txt) and a "
               "per-frame CSV."),
        QStringLiteral("DIR"));
    const QCommandLineOption videoOpt(
        QStringLiteral("video"),
        Tr::tr("With --out: also <seq>/<seq>_annotated.mp4, each frame with the boxes, the search "
               "region and the last MoE layer's top-1 expert map (H.264)."));
    const QCommandLineOption dbOpt(QStringLiteral("db"),
                                   Tr::tr("Run database (default: the app's data location)."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption noStoreOpt(QStringLiteral("no-store"),
                                        Tr::tr("Do not store the tracks."));
    const QCommandLineOption evaluateOpt(QStringLiteral("evaluate"),
                                         Tr::tr("Score the tracks against the ground truth."));
    const QCommandLineOption protocolOpt(
        QStringLiteral("protocol"),
        Tr::tr("got10k, lasot or otb (default: the sequences' layout)."), QStringLiteral("NAME"));
    parser.addOptions({modelOpt, inputOpt, deviceOpt, initOpt, framesOpt, outOpt, dbOpt, noStoreOpt,
                       evaluateOpt, protocolOpt, kJson, kThreads, routingFramesOption(), videoOpt});
    if (!parse(parser, QStringLiteral("track"), arguments, err))
        return Usage;
    if (!parser.isSet(modelOpt) || !parser.isSet(inputOpt)) {
        err << Tr::tr("moescope-cli track: --model and --input are required") << "\n";
        return Usage;
    }
    if (parser.isSet(videoOpt) && !parser.isSet(outOpt)) {
        err << Tr::tr("moescope-cli track: --video needs --out DIR") << "\n";
        return Usage;
    }
    const QString protocol = parser.value(protocolOpt);
    if (parser.isSet(protocolOpt) && !QStringList{"got10k", "lasot", "otb"}.contains(protocol)) {
        err << Tr::tr("moescope-cli track: --protocol is got10k, lasot or otb, not \"%1\"")
                   .arg(protocol)
            << "\n";
        return Usage;
    }
    model::DevicePreference device;
    if (!model::parseDevicePreference(parser.value(deviceOpt).toStdString(), &device)) {
        err << Tr::tr("moescope-cli track: --device is auto, cpu or cuda") << "\n";
        return Usage;
    }
    AnalysisRequest base;
    if (parser.isSet(framesOpt) &&
        !parseFrameRange(parser.value(framesOpt), &base.firstStep, &base.lastStep)) {
        err << Tr::tr("moescope-cli track: --frames takes A:B, not \"%1\"")
                   .arg(parser.value(framesOpt))
            << "\n";
        return Usage;
    }
    if (!readRoutingFrames(parser, QStringLiteral("track"), &base.routingFirst, &base.routingLast,
                           err))
        return Usage;
    if (parser.isSet(initOpt))
        base.options.extra.insert(QStringLiteral("init_box"), parser.value(initOpt));
    applyThreads(parser);

    ModelCatalog catalog;
    QString modelPath, error;
    if (!catalog.resolve(parser.value(modelOpt), &modelPath, &error))
        return fail(err, error);
    store::Database db;
    const bool storeRuns = !parser.isSet(noStoreOpt);
    if (storeRuns && !db.openOrDefault(parser.value(dbOpt), &error))
        return fail(err, error);
    std::string why;
    std::unique_ptr<model::Engine> engine =
        model::Engine::load(modelPath.toStdString(), device, &why);
    if (!engine)
        return fail(err, QString::fromStdString(why));
    const model::ModelContract &contract = engine->contract();
    PluginRegistry registry;
    TaskPlugin *plugin = registry.pluginForTask(QString::fromStdString(contract.task));
    if (!plugin || !plugin->capabilities().testFlag(TaskCapability::Stateful)) {
        return fail(err, Tr::tr("%1: not a tracker (task \"%2\")")
                             .arg(modelPath, QString::fromStdString(contract.task)));
    }
    const QString sha = sha256OfFile(modelPath, &error);
    if (sha.isEmpty())
        return fail(err, error);

    // One sequence, or each sequence of a dataset folder.
    const QString input = parser.value(inputOpt);
    std::optional<OpenedScene> single = openScene(registry, input, {}, &error);
    QStringList folders;
    if (single && single->openedBy == plugin) {
        folders << input;
    } else if (QFileInfo(input).isDir()) {
        folders = datasetFolders(input);
        single.reset();
    } else {
        return fail(
            err, single ? Tr::tr("%1: not a sequence the %2 plugin opens").arg(input, plugin->id())
                        : error);
    }
    if (folders.size() > 1 && parser.isSet(initOpt))
        return fail(err, Tr::tr("%1: --init is for one sequence, not a dataset").arg(input));

    QList<TrackedSequence> scored;
    QJsonArray sequencesJson;
    QString layout;
    for (const QString &folder : std::as_const(folders)) {
        std::optional<OpenedScene> scene =
            single ? single : openScene(registry, folder, {}, &error);
        single.reset();
        if (!scene)
            return fail(err, error);
        if (scene->openedBy != plugin)
            continue; // not a sequence (a stray folder in a dataset root)
        AnalysisRequest request = base;
        request.source = scene->source;
        AnalysisResult result;
        if (!runAnalysis(*engine, *plugin, request, nullptr, {}, &result, &error))
            return fail(err, error);
        result.modelSha256 = sha;
        if (storeRuns &&
            !storeAnalysis(db, &result, SceneDescription::of(*scene->source), contract, {}, &error))
            return fail(err, error);
        const TrackedRun t = collect(result);
        if (layout.isEmpty())
            layout = t.layout;
        if (!t.scored.truth.isEmpty())
            scored << t.scored;
        if (parser.isSet(outOpt)) {
            const QDir dir(QDir(parser.value(outOpt)).filePath(t.name));
            if (!QDir().mkpath(dir.path()))
                return fail(err, Tr::tr("%1: cannot create the folder").arg(dir.path()));
            if (!writeLines(dir.filePath(t.name + QStringLiteral("_001.txt")), t.resultLines,
                            &error) ||
                !writeLines(dir.filePath(t.name + QStringLiteral("_time.txt")), t.timeLines,
                            &error) ||
                !writeLines(dir.filePath(QStringLiteral("frames.csv")), t.csvLines, &error))
                return fail(err, error);
            if (parser.isSet(videoOpt)) {
                // At the video's own rate; a sequence of pictures at 30 frames/s.
                AnnotatedVideoOptions video;
                video.fps = scene->source->properties().value(QStringLiteral("fps")).toDouble(30);
                if (!writeAnnotatedVideo(dir.filePath(t.name + QStringLiteral("_annotated.mp4")),
                                         result, *scene->source, video, &error))
                    return fail(err, error);
            }
        }
        QJsonObject seq{{"name", t.name},
                        {"path", scene->source->path()},
                        {"frames", t.frames},
                        {"run_id", result.runId}};
        if (parser.isSet(evaluateOpt) && !t.scored.truth.isEmpty())
            seq.insert(QStringLiteral("metrics"),
                       metricsJson(protocol.isEmpty() ? t.layout : protocol, {t.scored}));
        if (!parser.isSet(kJson))
            out << Tr::tr("%1: %2 frames tracked%3")
                       .arg(t.name)
                       .arg(t.frames.size())
                       .arg(seq.contains(QStringLiteral("metrics"))
                                ? QStringLiteral(", ") +
                                      headline(seq.value(QStringLiteral("metrics")).toObject())
                                : QString())
                << "\n";
        sequencesJson.append(seq);
    }
    if (sequencesJson.isEmpty())
        return fail(err, Tr::tr("%1: holds no sequence").arg(input));

    QJsonObject json{
        {"model", QString::fromStdString(contract.name)}, {"model_sha256", sha}, {"input", input}};
    if (sequencesJson.size() == 1) {
        const QJsonObject one = sequencesJson.first().toObject();
        for (auto it = one.begin(); it != one.end(); ++it)
            json.insert(it.key(), it.value());
    } else {
        json.insert(QStringLiteral("sequences"), sequencesJson);
    }
    if (parser.isSet(evaluateOpt)) {
        if (scored.isEmpty())
            return fail(err, Tr::tr("%1: no ground truth to evaluate against").arg(input));
        const QJsonObject metrics = metricsJson(protocol.isEmpty() ? layout : protocol, scored);
        json.insert(QStringLiteral("metrics"), metrics);
        if (!parser.isSet(kJson)) {
            if (metrics.contains(QStringLiteral("ao")))
                out << Tr::tr("GOT-10k over %1 frames: AO %2, SR0.5 %3, SR0.75 %4")
                           .arg(metrics.value(QStringLiteral("frames")).toInt())
                           .arg(metrics.value(QStringLiteral("ao")).toDouble(), 0, 'f', 3)
                           .arg(metrics.value(QStringLiteral("sr50")).toDouble(), 0, 'f', 3)
                           .arg(metrics.value(QStringLiteral("sr75")).toDouble(), 0, 'f', 3)
                    << "\n";
            else
                out << Tr::tr("%1 over %2 sequences: success AUC %3, precision@20px %4")
                           .arg(metrics.value(QStringLiteral("protocol")).toString())
                           .arg(metrics.value(QStringLiteral("sequences")).toInt())
                           .arg(metrics.value(QStringLiteral("success_auc")).toDouble(), 0, 'f', 3)
                           .arg(metrics.value(QStringLiteral("precision_20px")).toDouble(), 0, 'f',
                                3)
                    << "\n";
        }
    }
    if (parser.isSet(kJson))
        printJson(out, json);
    return Ok;
}

} // namespace moescope::cli
