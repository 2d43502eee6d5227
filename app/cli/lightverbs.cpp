#include "lightverbs.h"
#include "options.h"

#include "jobs/coretext.h"
#include "model/contract.h"
#include "plugin/modelcatalog.h"
#include "plugin/plugindirectory.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTranslator>

#include <dlfcn.h>

namespace moescope::cli {

namespace {

const QCommandLineOption &kJson = jsonOption();
const QCommandLineOption &kDb = databaseOption();

QJsonArray layersJson(const model::ModelContract &c)
{
    QJsonArray layers;
    for (const model::MoeLayerSpec &l : c.moeLayers) {
        QJsonObject o{{"name", QString::fromStdString(l.name)},
                      {"experts", l.experts},
                      {"top_k", l.topK},
                      {"router", QString::fromStdString(l.router)}};
        QJsonArray grids;
        for (const routing::TokenGrid &g : l.tokens)
            grids.append(QJsonObject{{"input", QString::fromStdString(g.input)},
                                     {"offset", g.offset},
                                     {"grid", QJsonArray{g.rows, g.cols}}});
        o.insert(QStringLiteral("tokens"), grids);
        layers.append(o);
    }
    return layers;
}

} // namespace

QString usage()
{
    return Tr::tr(
        "usage: moescope-cli <verb> [options]\n"
        "  plugins [--json]                   installed task plugins\n"
        "  models  [--json]                   bundled and registered models\n"
        "  info PATH [--series UID] [--json]  image / cine / series / volume metadata\n"
        "  run --model NAME|FILE --input PATH [--series UID] [--device auto|cpu|cuda]\n"
        "      [--out DIR] [--db FILE] [--disable-expert LAYER:EXPERT]... [--frames A:B]\n"
        "      [--json] [--choice NAME=VALUE]... [--image NAME=FILE]... [--batch N]\n"
        "      [--routing-frames A:B]\n"
        "      scenes (SAR): [--tile N] [--overlap N] [--band NAME]...\n"
        "      [--filter none|lee|refined-lee|frost] [--region X,Y,W,H] [--cog]\n"
        "  batch --model M --input DIR|LIST.txt [--out DIR] [--db FILE|URL] [--batch N]\n"
        "      [--shard I/N] [--choice NAME=VALUE]... [--no-store] [--json]\n"
        "      every file below DIR (or listed) in one process; files analysed before are\n"
        "      skipped, Ctrl-C keeps whole files, --shard splits a list among machines\n"
        "      --slurm FILE [--array N] [--partition P] [--time T] [--submit]: writes (and\n"
        "      submits) a Slurm job array, one shard per task (docs/lab.md)\n"
        "  track --model M --input VIDEO|SEQUENCE|DATASET_DIR [--init X,Y,W,H] [--frames A:B]\n"
        "      [--out DIR] [--video] [--db FILE] [--no-store] [--evaluate]\n"
        "      [--protocol got10k|lasot|otb] [--routing-frames A:B] [--json]\n"
        "      a tracker over videos or benchmark sequences, with their metrics\n"
        "  runs [--db FILE|URL] [--json]      stored runs, newest first\n"
        "  compare --run A --run B [--frame-a N] [--frame-b N] [--db FILE] [--out DIR] [--json]\n"
        "      two stored runs' routing per layer: top-1 agreement, JS divergence,\n"
        "      entropy change, Jaccard of top-k sets, load JS; --out: the maps as PNGs\n"
        "  signatures [--like RUN] [--limit N] [--db FILE] [--json]\n"
        "      stored runs' routing signatures: similarity and a 2-D PCA layout, or the\n"
        "      runs whose routing resembles RUN's\n"
        "  paths --run ID [--frame N] [--db FILE] [--json]\n"
        "      expert paths: per pair of consecutive layers, tokens from each expert to each\n"
        "  stability --model M --input PATH [--passes N] [--noise S] [--shift PX] [--frame N]\n"
        "      [--seed N] [--out DIR] [--json]\n"
        "      how often each token's top-1 expert flips under small perturbations\n"
        "  report --run ID [--frame N] [--compare ID] [--include-identifying] --out FILE.pdf\n"
        "      a stored run as PDF: picture, top-1 maps, outputs, routing, provenance\n"
        "  ablate --model M --input PATH [--layer L] [--frame N] [--keep-only] [--deletion]\n"
        "      [--choice NAME=VALUE]... [--image NAME=FILE]... [--csv FILE] [--json]\n"
        "      each expert switched off in turn: the change of the answer beside its load\n"
        "  bench --model NAME|FILE [--device ...] [--batch N] [--iterations N]\n"
        "      [--blas-threads N] [--no-peak] [--json]\n"
        "      forward-pass latency, GFLOP/s reached and the machine's matrix-product peak\n"
        "Galleries (models whose plugin builds galleries, e.g. ct-retrieval):\n"
        "  index --model M --input DIR [--db FILE] --gallery NAME [--batch N] [--shard I/N]\n"
        "      [--json]\n"
        "      index a folder of slices, series and volumes (resumable; Ctrl-C keeps\n"
        "      whole files)\n"
        "  retrieve --model M --input FILE [--db FILE] --gallery NAME [--top K]\n"
        "      [--frame N] [--region X,Y,W,H] [--json]    the nearest gallery items\n"
        "  retrieve --model M --gallery NAME --evaluate [--input DIR] [--top K]\n"
        "      mAP@K, leave-one-out or over labelled queries\n"
        "  galleries [--db FILE] [--rename NAME --to NEW | --delete NAME] [--json]\n"
        "Lab (docs/lab.md):\n"
        "  pacs echo|find|get --node NAME|AET@HOST:PORT [--aet AET] [--timeout S] [--json]\n"
        "      find: [--patient-id ID] [--patient-name NAME] [--date YYYYMMDD[-YYYYMMDD]]\n"
        "      [--modality M] [--accession A] [--study UID: its series]; get: --study UID\n"
        "      [--series UID] [--out DIR]: C-GET into the cache (or DIR), Ctrl-C cancels\n"
        "      batch and index also take --input pacs://NODE?patient-id=ID&modality=M&\n"
        "      date=D&accession=A&study=UID: every matching series, retrieved first\n"
        "  merge --db FILE|URL SOURCE... [--json]\n"
        "      copies the runs of other stores (e.g. a Slurm array's per-shard files) into\n"
        "      --db; runs already there are not copied twice\n"
        "Privacy:\n"
        "  forget-paths [--db FILE] [--json]\n"
        "      replace every stored input path by its file name (runs stay; reopening\n"
        "      a run's image then needs the file found again)\n"
        "Common: --threads N sets LibTorch's CPU threads (default: all cores).\n");
}

void installTranslations(QCoreApplication &app)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("moescope"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")))
        app.installTranslator(translator);
    installCoreTranslator(); // the model's and the contract's messages too
}

int plugins(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOption(kJson);
    if (!parse(parser, QStringLiteral("plugins"), arguments, err))
        return Usage;
    const PluginDirectory directory; // metadata only: no plugin library is loaded
    QJsonArray list;
    for (const PluginInfo &p : directory.plugins()) {
        list.append(QJsonObject{{"id", p.id},
                                {"name", p.name},
                                {"version", p.version},
                                {"compat_version", p.compatVersion},
                                {"shape", p.shape},
                                {"capabilities", QJsonArray::fromStringList(p.capabilities)},
                                {"file_suffixes", QJsonArray::fromStringList(p.fileSuffixes)},
                                {"tasks", QJsonArray::fromStringList(p.tasks)},
                                {"file", p.builtIn ? QStringLiteral("(built in)") : p.file},
                                {"description", p.description}});
    }
    for (const QString &problem : directory.problems())
        err << Tr::tr("warning: %1").arg(problem) << "\n";
    if (parser.isSet(kJson)) {
        printJson(out, list);
        return Ok;
    }
    for (const QJsonValue &v : list) {
        const QJsonObject p = v.toObject();
        out << p[QStringLiteral("id")].toString().leftJustified(16) << " "
            << p[QStringLiteral("version")].toString().leftJustified(8) << " "
            << p[QStringLiteral("shape")].toString().leftJustified(16) << " "
            << p[QStringLiteral("name")].toString() << "\n";
    }
    return Ok;
}

std::optional<InfoArguments> parseInfoArguments(const QStringList &arguments, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions({kJson, seriesOption()});
    parser.addPositionalArgument(QStringLiteral("path"),
                                 Tr::tr("Image, DICOM file, series folder or volume."));
    if (!parse(parser, QStringLiteral("info"), arguments, err))
        return std::nullopt;
    if (parser.positionalArguments().size() != 1) {
        err << Tr::tr("moescope-cli info: give exactly one PATH") << "\n";
        return std::nullopt;
    }
    return InfoArguments{parser.positionalArguments().first(), parser.value(seriesOption()),
                         parser.isSet(kJson)};
}

int infoWithoutEngine(const QStringList &arguments, QTextStream &out, QTextStream &err,
                      bool *needsEngine)
{
    *needsEngine = false;
    const std::optional<InfoArguments> info = parseInfoArguments(arguments, err);
    if (!info)
        return Usage;
    const QString &path = info->path;
    if (!PluginDirectory().claimantsOf(path).isEmpty()) {
        *needsEngine = true; // the plugin opens it, or declines it for the host
        return Ok;
    }
    // Found through this executable's run path (the build tree's lib/ or the
    // installation's); the engine links the same library, so if it cannot be
    // loaded here, the engine says why.
    using ImageInfo = int (*)(const QString &, const QString &, bool, QTextStream &, QTextStream &);
    void *library = dlopen(MOESCOPE_CLI_INFO_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    const auto imageInfo =
        library ? reinterpret_cast<ImageInfo>(dlsym(library, "moescope_cli_image_info")) : nullptr;
    if (!imageInfo) {
        *needsEngine = true;
        return Ok;
    }
    return imageInfo(path, info->seriesUid, info->json, out, err);
}

int models(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOption(kJson);
    if (!parse(parser, QStringLiteral("models"), arguments, err))
        return Usage;
    ModelCatalog catalog;
    PluginDirectory registry; // metadata only: no plugin library is loaded
    for (const QString &problem : catalog.problems())
        err << Tr::tr("warning: %1").arg(problem) << "\n";
    QJsonArray list;
    for (const ModelEntry &m : catalog.models()) {
        QJsonArray experts;
        for (const model::MoeLayerSpec &l : m.contract.moeLayers)
            experts.append(l.experts);
        list.append(QJsonObject{{"name", m.name},
                                {"task", m.task},
                                {"plugin", registry.infoForTask(m.task).id},
                                {"title", m.title},
                                {"file", m.path},
                                {"bundled", m.bundled},
                                {"experts_per_layer", experts},
                                {"moe_layers", layersJson(m.contract)}});
    }
    if (parser.isSet(kJson)) {
        printJson(out, list);
        return Ok;
    }
    for (const QJsonValue &v : list) {
        const QJsonObject m = v.toObject();
        QStringList experts;
        for (const QJsonValue &e : m[QStringLiteral("experts_per_layer")].toArray())
            experts << QString::number(e.toInt());
        out << m[QStringLiteral("name")].toString().leftJustified(24) << " "
            << m[QStringLiteral("task")].toString().leftJustified(14) << " experts "
            << experts.join(QLatin1Char('/')).leftJustified(10) << " "
            << m[QStringLiteral("file")].toString() << "\n";
    }
    return Ok;
}

int runs(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption dbOpt(QStringLiteral("db"), Tr::tr("Run database."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption limitOpt(QStringLiteral("limit"), Tr::tr("At most N runs."),
                                      QStringLiteral("N"), QStringLiteral("1000"));
    parser.addOptions({dbOpt, limitOpt, kJson, keepPathsOption()});
    if (!parse(parser, QStringLiteral("runs"), arguments, err))
        return Usage;
    store::Database db;
    QString error;
    if (!db.openOrDefault(parser.value(dbOpt), &error))
        return fail(err, error);
    const QList<store::RunRecord> list = db.listRuns(&error, parser.value(limitOpt).toInt());
    if (!error.isEmpty())
        return fail(err, error);
    QJsonArray rows;
    for (const store::RunRecord &r : list) {
        rows.append(QJsonObject{{"id", r.id},
                                {"created_at", r.createdAt.toString(Qt::ISODateWithMs)},
                                {"model", r.model.name},
                                {"task", r.model.task},
                                {"input", exportedPath(r.image.path, parser)},
                                {"device", r.device},
                                {"created_by", r.createdBy},
                                {"created_on", r.createdOn},
                                {"frames", r.frameCount},
                                {"elapsed_ms", r.elapsedMs},
                                {"routing", r.summary}});
    }
    if (parser.isSet(kJson)) {
        printJson(out, rows);
        return Ok;
    }
    for (const store::RunRecord &r : list) {
        out << QString::number(r.id).rightJustified(5) << "  "
            << r.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
            << r.model.name.leftJustified(24) << " " << r.device.leftJustified(7) << " "
            << exportedPath(r.image.path, parser) << "\n";
    }
    return Ok;
}

int forgetPaths(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption dbOpt(QStringLiteral("db"), Tr::tr("Run database."),
                                   QStringLiteral("FILE"));
    parser.addOptions({dbOpt, kJson});
    if (!parse(parser, QStringLiteral("forget-paths"), arguments, err))
        return Usage;
    store::Database db;
    QString error;
    if (!db.openOrDefault(parser.value(dbOpt), &error))
        return fail(err, error);
    const std::optional<int> changed = db.forgetInputPaths(&error);
    if (!changed)
        return fail(err, error);
    if (parser.isSet(kJson))
        printJson(out, QJsonObject{{"db", db.path()}, {"paths_forgotten", *changed}});
    else
        out << Tr::tr("%n stored path(s) replaced by file names in %1", nullptr, *changed)
                   .arg(QDir::toNativeSeparators(db.path()))
            << "\n";
    return Ok;
}

int galleries(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption renameOpt(QStringLiteral("rename"), Tr::tr("Gallery to rename."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption toOpt(QStringLiteral("to"), Tr::tr("Its new name."),
                                   QStringLiteral("NEW"));
    const QCommandLineOption deleteOpt(QStringLiteral("delete"), Tr::tr("Gallery to delete."),
                                       QStringLiteral("NAME"));
    parser.addOptions({kDb, renameOpt, toOpt, deleteOpt, kJson});
    if (!parse(parser, QStringLiteral("galleries"), arguments, err))
        return Usage;
    if (parser.isSet(renameOpt) != parser.isSet(toOpt) ||
        (parser.isSet(renameOpt) && parser.isSet(deleteOpt))) {
        err << Tr::tr("moescope-cli galleries: --rename NAME --to NEW, or --delete NAME") << "\n";
        return Usage;
    }
    QString error;
    store::Database db;
    if (!db.openOrDefault(parser.value(kDb), &error))
        return fail(err, error);
    auto find = [&](const QString &name) -> std::optional<store::GalleryInfo> {
        std::optional<store::GalleryInfo> g = db.findGallery(name, &error);
        if (!g && error.isEmpty())
            error = Tr::tr("%1: there is no gallery \"%2\"")
                        .arg(QDir::toNativeSeparators(db.path()), name);
        return g;
    };
    if (parser.isSet(renameOpt)) {
        const auto g = find(parser.value(renameOpt));
        if (!g || !db.renameGallery(g->id, parser.value(toOpt), &error))
            return fail(err, error);
    } else if (parser.isSet(deleteOpt)) {
        const auto g = find(parser.value(deleteOpt));
        if (!g || !db.deleteGallery(g->id, &error))
            return fail(err, error);
    }
    const QList<store::GalleryInfo> list = db.listGalleries(&error);
    if (!error.isEmpty())
        return fail(err, error);
    if (parser.isSet(kJson)) {
        QJsonArray a;
        for (const store::GalleryInfo &g : list)
            a.append(QJsonObject{{"name", g.name},
                                 {"items", g.itemCount},
                                 {"sources", g.sourceCount},
                                 {"model", g.modelName},
                                 {"model_sha256", g.modelSha256},
                                 {"embedding_output", g.embeddingOutput},
                                 {"dim", g.dim},
                                 {"created_at", g.createdAt.toString(Qt::ISODateWithMs)}});
        printJson(out, QJsonObject{{"db", db.path()}, {"galleries", a}});
        return Ok;
    }
    for (const store::GalleryInfo &g : list)
        out << Tr::tr("%1: %2 item(s) from %3 file(s), model %4, %5-d \"%6\"")
                   .arg(g.name)
                   .arg(g.itemCount)
                   .arg(g.sourceCount)
                   .arg(g.modelName)
                   .arg(g.dim)
                   .arg(g.embeddingOutput)
            << "\n";
    if (list.isEmpty())
        out << Tr::tr("no galleries in %1").arg(QDir::toNativeSeparators(db.path())) << "\n";
    return Ok;
}

} // namespace moescope::cli
