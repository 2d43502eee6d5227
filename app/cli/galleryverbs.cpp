#include "galleryverbs.h"
#include "options.h"
#include "pacsinput.h"
#include "terminal.h"

#include "plugin/pluginregistry.h"

#include "image/imageloader.h"
#include "jobs/batchanalysis.h"
#include "jobs/retrieval.h"
#include "jobs/storedrun.h"
#include "plugin/modelcatalog.h"
#include "retrieval/evaluation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QTextStream>

#include <atomic>
#include <map>

#include <unistd.h>

namespace moescope::cli {

namespace {

const QCommandLineOption &kJson = jsonOption();
const QCommandLineOption &kModel = modelOption();
const QCommandLineOption &kDb = databaseOption();
const QCommandLineOption &kDevice = deviceOption();
const QCommandLineOption &kThreads = threadsOption();
const QCommandLineOption kGallery(QStringLiteral("gallery"), Tr::tr("Gallery name."),
                                  QStringLiteral("NAME"));

struct LoadedEngine
{
    QString path;
    QString sha256;
    std::unique_ptr<model::Engine> engine;
    std::unique_ptr<PluginRegistry> registry;
    TaskPlugin *plugin = nullptr; // the gallery-capable plugin of the model's task
};

bool loadEngine(const QCommandLineParser &parser, LoadedEngine *out, QString *error)
{
    model::DevicePreference device;
    if (!model::parseDevicePreference(parser.value(kDevice).toStdString(), &device)) {
        *error = Tr::tr("--device is auto, cpu or cuda, not \"%1\"").arg(parser.value(kDevice));
        return false;
    }
    applyThreads(parser);
    ModelCatalog catalog;
    if (!catalog.resolve(parser.value(kModel), &out->path, error))
        return false;
    std::string why;
    out->engine = model::Engine::load(out->path.toStdString(), device, &why);
    if (!out->engine) {
        *error = QString::fromStdString(why);
        return false;
    }
    const std::optional<QString> sha = store::Database::sha256OfFile(out->path, error);
    if (!sha)
        return false;
    out->sha256 = *sha;
    RetrievalOutputs outputs;
    if (!findRetrievalOutputs(out->engine->contract(), &outputs, error)) {
        *error = QDir::toNativeSeparators(out->path) + QStringLiteral(": ") + *error;
        return false;
    }
    out->registry = std::make_unique<PluginRegistry>();
    const QString task = QString::fromStdString(out->engine->contract().task);
    out->plugin = out->registry->pluginForTask(task);
    if (!out->plugin->capabilities().testFlag(TaskCapability::Gallery)) {
        *error = Tr::tr("%1: the model's task \"%2\" is served by the %3 plugin, which builds no "
                        "galleries")
                     .arg(QDir::toNativeSeparators(out->path), task, out->plugin->id());
        return false;
    }
    return true;
}

QString gatesText(const QJsonObject &gates)
{
    QStringList parts;
    for (auto layer = gates.begin(); layer != gates.end(); ++layer) {
        QStringList experts;
        const QJsonObject e = layer.value().toObject();
        for (auto it = e.begin(); it != e.end(); ++it)
            experts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toDouble(), 0, 'f', 2);
        parts << layer.key() + QStringLiteral(" [") + experts.join(QStringLiteral(", ")) +
                     QLatin1Char(']');
    }
    return parts.join(QStringLiteral("; "));
}

// ---------------------------------------------------------------------------

int indexVerb(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption inputOpt(QStringLiteral("input"),
                                      Tr::tr("Folder (recursive) or file to index, or a PACS "
                                             "query: pacs://NODE?patient-id=ID&modality=CT…"),
                                      QStringLiteral("DIR|pacs://…"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"),
                                      Tr::tr("Frames per forward call within a volume."),
                                      QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption shardOpt(QStringLiteral("shard"),
                                      Tr::tr("Index share I of N of the files (a job array's "
                                             "task; as batch --shard)."),
                                      QStringLiteral("I/N"));
    parser.addOptions(
        {kModel, inputOpt, kDb, kGallery, kDevice, kThreads, batchOpt, shardOpt, kJson});
    if (!parse(parser, QStringLiteral("index"), arguments, err))
        return Usage;
    if (!parser.isSet(kModel) || !parser.isSet(inputOpt) || !parser.isSet(kGallery)) {
        err << Tr::tr("moescope-cli index: --model, --input and --gallery are required") << "\n";
        return Usage;
    }
    QString error;
    store::Database db;
    if (!db.openOrDefault(parser.value(kDb), &error))
        return fail(err, error);
    LoadedEngine engine;
    if (!loadEngine(parser, &engine, &error))
        return fail(err, error);

    IndexRequest request;
    request.root = parser.value(inputOpt);
    if (isPacsInput(request.root)) {
        const std::optional<QString> folder =
            retrievePacsInput(request.root, configuredPacsNodes(), err, &error);
        if (!folder)
            return fail(err, error);
        request.root = *folder;
    }
    request.galleryName = parser.value(kGallery);
    request.modelPath = engine.path;
    request.modelSha256 = engine.sha256;
    request.batchSize = std::max(1, parser.value(batchOpt).toInt());
    if (parser.isSet(shardOpt) &&
        !parseShard(parser.value(shardOpt), &request.shardIndex, &request.shardCount)) {
        err << Tr::tr("moescope-cli index: --shard takes I/N with 1 <= I <= N") << "\n";
        return Usage;
    }

    const bool tty = isatty(fileno(userStderr()));
    int lastPercent = -1;
    IndexProgress progress = [&](int done, int total, const QString &current) {
        const int percent = total > 0 ? done * 100 / total : 100;
        if (tty && percent != lastPercent) {
            err << QStringLiteral("\rindexing %1/%2 (%3%) %4\x1b[K")
                       .arg(done)
                       .arg(total)
                       .arg(percent)
                       .arg(QDir::toNativeSeparators(current));
            err.flush();
            lastPercent = percent;
        }
    };
    InterruptGuard guard;
    IndexReport report;
    const bool ok = indexGallery(*engine.engine, *engine.plugin, db, request, &guard.flag(),
                                 progress, &report, &error);
    if (tty)
        err << "\r\x1b[K";
    for (const QString &w : std::as_const(report.warnings))
        err << Tr::tr("warning: %1").arg(w) << "\n";
    for (const QString &f : std::as_const(report.failures))
        err << f << "\n";
    if (!ok)
        return fail(err, error);

    QJsonObject json = report.toJson();
    json.insert(QStringLiteral("gallery"), request.galleryName);
    json.insert(QStringLiteral("db"), db.path());
    json.insert(QStringLiteral("model"), QString::fromStdString(engine.engine->contract().name));
    json.insert(QStringLiteral("model_sha256"), engine.sha256);
    json.insert(QStringLiteral("device"), QString::fromStdString(engine.engine->deviceName()));
    QString countError;
    if (auto info = db.findGallery(request.galleryName, &countError)) {
        json.insert(QStringLiteral("gallery_items"), info->itemCount);
        json.insert(QStringLiteral("gallery_sources"), info->sourceCount);
        // A gallery past exact search's size gets its approximate index now,
        // not at the first query.
        // (Not by each task of a job array: the first query builds it once.)
        if (request.shardCount == 1 && info->itemCount > GalleryIndexPolicy().approximateAbove) {
            if (auto gallery = loadGallery(db, request.galleryName, &countError)) {
                json.insert(QStringLiteral("index"), gallery->indexDescription());
                if (!gallery->indexWarning.isEmpty())
                    err << Tr::tr("warning: %1").arg(gallery->indexWarning) << "\n";
            }
        }
    }
    if (parser.isSet(kJson)) {
        printJson(out, json);
    } else {
        out << Tr::tr("gallery \"%1\": indexed %2 file(s), %3 item(s) in %4 s (%5 images/s); "
                      "%6 already indexed; %7 not pictures, skipped; %8 failed")
                   .arg(request.galleryName)
                   .arg(report.sourcesAdded)
                   .arg(report.itemsAdded)
                   .arg(report.seconds, 0, 'f', 1)
                   .arg(report.seconds > 0 ? report.itemsAdded / report.seconds : 0.0, 0, 'f', 1)
                   .arg(report.sourcesSkipped)
                   .arg(report.notImages)
                   .arg(report.failures.size())
            << "\n";
        if (json.contains(QStringLiteral("gallery_items")))
            out << Tr::tr("gallery \"%1\" now holds %2 item(s) from %3 file(s)")
                       .arg(request.galleryName)
                       .arg(json.value(QStringLiteral("gallery_items")).toInteger())
                       .arg(json.value(QStringLiteral("gallery_sources")).toInteger())
                << "\n";
    }
    if (report.cancelled) {
        err << Tr::tr("interrupted: %1 file(s) indexed; run the same command again to go on")
                   .arg(report.sourcesAdded)
            << "\n";
        return Failure;
    }
    return report.failures.isEmpty() ? Ok : Failure;
}

// ---------------------------------------------------------------------------

// The evaluation as JSON (labels are the gallery's folder names).
QJsonObject evaluationJson(const retrieval::Evaluation &eval)
{
    QJsonObject labels;
    for (const auto &[label, v] : eval.perLabel())
        labels.insert(QString::fromStdString(label),
                      QJsonObject{{"queries", v.queries}, {"map_at_k", v.meanAveragePrecision}});
    return {{"k", eval.k()},
            {"queries", eval.queries()},
            {"map_at_k", eval.meanAveragePrecision()},
            {"precision_at_1", eval.precisionAt1()},
            {"precision_at_k", eval.precisionAtK()},
            {"per_label", labels}};
}

int retrieveVerb(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption inputOpt(
        QStringLiteral("input"),
        Tr::tr("Query image (slice, series folder, volume); with --evaluate, a labelled folder of "
               "queries (DIR/<label>/...)."),
        QStringLiteral("PATH"));
    const QCommandLineOption topOpt(QStringLiteral("top"), Tr::tr("How many hits."),
                                    QStringLiteral("K"), QStringLiteral("10"));
    const QCommandLineOption frameOpt(QStringLiteral("frame"),
                                      Tr::tr("Slice (frame) of the query image."),
                                      QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption regionOpt(QStringLiteral("region"),
                                       Tr::tr("Query with a region of the slice, in pixels."),
                                       QStringLiteral("X,Y,W,H"));
    const QCommandLineOption evaluateOpt(
        QStringLiteral("evaluate"),
        Tr::tr("mAP@K over a labelled gallery: every item queries the others (leave-one-out), or "
               "every file under --input queries the gallery."));
    const QCommandLineOption noStoreOpt(QStringLiteral("no-store"),
                                        Tr::tr("Do not store the query's run."));
    const QCommandLineOption indexOpt(
        QStringLiteral("index"),
        Tr::tr("auto (exact up to 200,000 items, else FAISS IVF-PQ), exact or approximate."),
        QStringLiteral("KIND"), QStringLiteral("auto"));
    parser.addOptions({kModel, inputOpt, kDb, kGallery, topOpt, frameOpt, regionOpt, evaluateOpt,
                       noStoreOpt, indexOpt, kDevice, kThreads, kJson});
    if (!parse(parser, QStringLiteral("retrieve"), arguments, err))
        return Usage;
    const bool evaluate = parser.isSet(evaluateOpt);
    if (!parser.isSet(kModel) || !parser.isSet(kGallery) ||
        (!evaluate && !parser.isSet(inputOpt))) {
        err << Tr::tr("moescope-cli retrieve: --model, --gallery and --input (or --evaluate) are "
                      "required")
            << "\n";
        return Usage;
    }
    bool okTop = false;
    const int k = parser.value(topOpt).toInt(&okTop);
    if (!okTop || k <= 0 || k > 10000) {
        err << Tr::tr("moescope-cli retrieve: --top takes a number from 1 to 10000, not \"%1\"")
                   .arg(parser.value(topOpt))
            << "\n";
        return Usage;
    }
    QRect region;
    if (parser.isSet(regionOpt)) {
        const QStringList p = parser.value(regionOpt).split(QLatin1Char(','));
        bool ok = p.size() == 4;
        int v[4] = {0, 0, 0, 0};
        for (int i = 0; ok && i < 4; ++i)
            v[i] = p[i].trimmed().toInt(&ok);
        if (!ok || v[2] <= 0 || v[3] <= 0) {
            err << Tr::tr("moescope-cli retrieve: --region takes X,Y,W,H in pixels, not \"%1\"")
                       .arg(parser.value(regionOpt))
                << "\n";
            return Usage;
        }
        region = QRect(v[0], v[1], v[2], v[3]);
    }
    bool okFrame = false;
    const int frame = parser.value(frameOpt).toInt(&okFrame);
    if (!okFrame || frame < 0) {
        err << Tr::tr("moescope-cli retrieve: --frame takes a slice number from 0") << "\n";
        return Usage;
    }

    QString error;
    store::Database db;
    if (!db.openOrDefault(parser.value(kDb), &error))
        return fail(err, error);
    const QString galleryName = parser.value(kGallery);
    GalleryIndexPolicy policy;
    const QString kind = parser.value(indexOpt);
    if (kind == QLatin1String("exact") || evaluate) // leave-one-out reads every vector
        policy.mode = GalleryIndexPolicy::Mode::Exact;
    else if (kind == QLatin1String("approximate"))
        policy.mode = GalleryIndexPolicy::Mode::Approximate;
    else if (kind != QLatin1String("auto")) {
        err << Tr::tr("moescope-cli retrieve: --index takes auto, exact or approximate") << "\n";
        return Usage;
    }
    std::optional<LoadedGallery> gallery = loadGallery(db, galleryName, &error, policy);
    if (!gallery)
        return fail(err, error);
    LoadedEngine engine;
    if (!loadEngine(parser, &engine, &error))
        return fail(err, error);
    const model::ModelContract &contract = engine.engine->contract();
    if (!checkGalleryModel(gallery->info, engine.sha256, QString::fromStdString(contract.name), 0,
                           &error))
        return fail(err, QDir::toNativeSeparators(db.path()) + QStringLiteral(": ") + error);
    if (!gallery->indexWarning.isEmpty())
        err << Tr::tr("warning: %1").arg(gallery->indexWarning) << "\n";
    if (gallery->empty())
        return fail(err, Tr::tr("%1: gallery \"%2\" is empty")
                             .arg(QDir::toNativeSeparators(db.path()), galleryName));

    if (evaluate) {
        // Labels of every item, by id.
        QHash<qint64, QString> labels;
        QHash<qint64, QPair<QString, int>> sources; // id → (content sha, frame)
        for (qint64 offset = 0;; offset += 5000) {
            const QList<store::GalleryItem> page =
                db.galleryItemPage(gallery->info.id, offset, 5000, &error);
            if (!error.isEmpty())
                return fail(err, error);
            for (const store::GalleryItem &it : page) {
                labels.insert(it.id, it.label);
                sources.insert(it.id, {it.sourceSha256, it.frame});
            }
            if (page.size() < 5000)
                break;
        }
        retrieval::Evaluation eval(k);
        QElapsedTimer t;
        t.start();
        QString mode;
        double searchMs = 0;
        if (!parser.isSet(inputOpt)) {
            mode = QStringLiteral("leave-one-out");
            std::vector<std::string> rowLabels(gallery->index.size());
            for (size_t i = 0; i < gallery->index.size(); ++i)
                rowLabels[i] = labels.value(gallery->index.id(i)).toStdString();
            eval = retrieval::evaluateLeaveOneOut(gallery->index, rowLabels, k, &searchMs);
        } else {
            mode = QStringLiteral("queries");
            const QString root = parser.value(inputOpt);
            const QStringList files = galleryCandidates(root);
            if (files.isEmpty())
                return fail(err, Tr::tr("%1: no query files").arg(QDir::toNativeSeparators(root)));
            for (const QString &file : files) {
                const QString label = galleryLabel(root, file);
                if (label.isEmpty())
                    continue;
                LoadError loadError;
                std::optional<ImageStack> image = ImageLoader::load(file, &loadError);
                if (!image) {
                    err << loadError.message() << "\n";
                    continue;
                }
                const QString sha = QString::fromLatin1(image->sha256);
                auto shared = QSharedPointer<const ImageStack>::create(std::move(*image));
                for (int f = 0; f < shared->frameCount; ++f) {
                    QueryRequest q;
                    q.image = shared;
                    q.frame = f;
                    q.topK = k + 1;    // room for the query itself when it is in the gallery
                    q.details = false; // labels and scores are all the metric needs
                    QueryResult r;
                    if (!queryGallery(*engine.engine, *engine.plugin, db, *gallery, q, &r, &error))
                        return fail(err,
                                    QDir::toNativeSeparators(file) + QStringLiteral(": ") + error);
                    searchMs += r.searchMs;
                    std::vector<bool> relevant;
                    for (const RetrievalHit &h : r.hits) {
                        if (h.item.sourceSha256 == sha && h.item.frame == f)
                            continue; // the query itself: not a retrieval
                        relevant.push_back(h.item.label == label);
                    }
                    eval.add(label.toStdString(), relevant);
                }
            }
        }
        if (eval.queries() == 0)
            return fail(err, Tr::tr("%1: gallery \"%2\" has no labelled items to evaluate: index a "
                                    "folder laid out as DIR/<label>/... ")
                                 .arg(QDir::toNativeSeparators(db.path()), galleryName));
        QJsonObject json = evaluationJson(eval);
        json.insert(QStringLiteral("mode"), mode);
        json.insert(QStringLiteral("gallery"), galleryName);
        json.insert(QStringLiteral("gallery_items"), qint64(gallery->index.size()));
        json.insert(QStringLiteral("model"), QString::fromStdString(contract.name));
        json.insert(QStringLiteral("seconds"), t.nsecsElapsed() / 1e9);
        json.insert(QStringLiteral("search_ms_mean"), searchMs / eval.queries());
        if (parser.isSet(kJson)) {
            printJson(out, json);
            return Ok;
        }
        out << Tr::tr("gallery \"%1\" (%2 items), %3 queries (%4): mAP@%5 %6, P@1 %7, P@%5 %8")
                   .arg(galleryName)
                   .arg(gallery->index.size())
                   .arg(eval.queries())
                   .arg(mode)
                   .arg(k)
                   .arg(json.value(QStringLiteral("map_at_k")).toDouble(), 0, 'f', 3)
                   .arg(json.value(QStringLiteral("precision_at_1")).toDouble(), 0, 'f', 3)
                   .arg(json.value(QStringLiteral("precision_at_k")).toDouble(), 0, 'f', 3)
            << "\n";
        for (const auto &[label, v] : eval.perLabel())
            out << QStringLiteral("  %1 %2 (%3 queries)")
                       .arg(QString::fromStdString(label), -28)
                       .arg(v.meanAveragePrecision, 0, 'f', 3)
                       .arg(v.queries)
                << "\n";
        return Ok;
    }

    LoadError loadError;
    std::optional<ImageStack> image = ImageLoader::load(parser.value(inputOpt), &loadError);
    if (!image)
        return fail(err, loadError.message());
    if (frame >= image->frameCount)
        return fail(err, Tr::tr("%1: has %2 slice(s); there is no slice %3")
                             .arg(QDir::toNativeSeparators(image->sourcePath))
                             .arg(image->frameCount)
                             .arg(frame));
    auto shared = QSharedPointer<const ImageStack>::create(std::move(*image));
    QueryRequest request;
    request.image = shared;
    request.frame = frame;
    request.region = region;
    request.topK = k;
    QueryResult result;
    if (!queryGallery(*engine.engine, *engine.plugin, db, *gallery, request, &result, &error))
        return fail(err,
                    QDir::toNativeSeparators(shared->sourcePath) + QStringLiteral(": ") + error);
    QStringList warnings = engine.plugin->inputWarnings(contract, *shared);
    warnings += result.analysis.warnings;
    result.analysis.modelSha256 = engine.sha256;
    if (!parser.isSet(noStoreOpt)) {
        if (!storeAnalysis(db, &result.analysis, *shared, contract, {}, &error))
            return fail(err, error);
    }

    QJsonArray hits;
    for (size_t i = 0; i < result.hits.size(); ++i)
        hits.append(hitJson(result.hits[i], int(i) + 1));
    QJsonObject query{{"path", shared->sourcePath},
                      {"frame", frame},
                      {"gates", result.query.gates},
                      {"embedding_dim", int(result.query.embedding.size())}};
    if (region.isValid())
        query.insert(QStringLiteral("region"),
                     QJsonArray{region.x(), region.y(), region.width(), region.height()});
    QJsonObject json{{"gallery", galleryName},
                     {"gallery_items", qint64(gallery->size())},
                     {"index", gallery->indexDescription()},
                     {"index_approximate", gallery->isApproximate()},
                     {"index_from_file", gallery->approximateFromFile},
                     {"model", QString::fromStdString(contract.name)},
                     {"model_sha256", engine.sha256},
                     {"k", k},
                     {"query", query},
                     {"results", hits},
                     {"search_ms", result.searchMs},
                     {"gallery_load_ms", gallery->loadMs},
                     {"forward_ms", result.analysis.timings.forwardMs},
                     {"warnings", QJsonArray::fromStringList(warnings)}};
    if (result.analysis.runId > 0)
        json.insert(QStringLiteral("run_id"), result.analysis.runId);
    for (const QString &w : std::as_const(warnings))
        err << Tr::tr("warning: %1").arg(w) << "\n";
    if (parser.isSet(kJson)) {
        printJson(out, json);
        return Ok;
    }
    out << Tr::tr("%1 against gallery \"%2\" (%3 items): top %4 in %5 ms; query gates: %6")
               .arg(QDir::toNativeSeparators(shared->sourcePath), galleryName)
               .arg(gallery->size())
               .arg(result.hits.size())
               .arg(result.searchMs, 0, 'f', 2)
               .arg(gatesText(result.query.gates))
        << "\n";
    for (size_t i = 0; i < result.hits.size(); ++i) {
        const RetrievalHit &h = result.hits[i];
        out << QStringLiteral("%1. %2  %3%4  %5")
                   .arg(i + 1, 2)
                   .arg(h.score, 0, 'f', 3)
                   .arg(QDir::toNativeSeparators(h.item.path))
                   .arg(h.item.frame > 0 ? QStringLiteral(" [slice %1]").arg(h.item.frame)
                                         : QString())
                   .arg(h.item.label.isEmpty() ? QString()
                                               : QStringLiteral("(%1)").arg(h.item.label))
            << "\n      " << gatesText(h.item.gates) << "\n";
    }
    return Ok;
}

} // namespace

int index(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return indexVerb(arguments, out, err);
}

int retrieve(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return retrieveVerb(arguments, out, err);
}

} // namespace moescope::cli
