// moescope-cli compare: two stored runs' routing, layer by layer
// (core/routing/comparison.h), with the per-token maps as pictures; and
// moescope-cli signatures: many runs' routing signatures side by side
// (core/routing/signature.h).
#include "commands.h"

#include "jobs/stepcomparison.h"
#include "jobs/storedrun.h"
#include "render/routingimages.h"
#include "routing/comparison.h"
#include "routing/signature.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <map>

namespace moescope::cli {

namespace {

struct ComparedRun
{
    AnalysisResult result;
    StepResult mosaic; // a tiled run's step: its mosaic
    const StepResult *step = nullptr;
};

// Run `id` from the store and the step compared: `frame`, or the first with
// its full routing kept.
bool loadCompared(const store::Database &db, qint64 id, int frame, ComparedRun *run, QString *error)
{
    std::vector<store::FrameRouting> routing;
    const std::optional<store::RunRecord> record = db.loadRun(id, &routing, error);
    if (!record)
        return false;
    run->result = fromStoredRun(*record, routing);
    run->step = comparedStep(run->result, frame, &run->mosaic);
    if (!run->step || run->step->layers.empty()) {
        *error = frame < 0 ? Tr::tr("run %1: no stored routing to compare (its steps kept "
                                    "summaries only)")
                                 .arg(id)
                           : Tr::tr("run %1: frame %2 has no stored routing").arg(id).arg(frame);
        return false;
    }
    return true;
}

double rounded(double v)
{
    return std::round(v * 1e6) / 1e6;
}

QJsonArray array(const std::vector<double> &v)
{
    QJsonArray a;
    for (double x : v)
        a.append(rounded(x));
    return a;
}

bool writeImage(const QString &path, const QImage &image, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !image.save(&f, "PNG") || !f.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

// One value per token, a cell per token (nearest: a map of tokens, not a
// smoothed picture), 256 pixels wide.
QImage tokenMap(const std::vector<float> &values, int rows, int cols, render::Colormap map,
                float lo, float hi)
{
    const QSize size(256, std::max(1, 256 * rows / std::max(1, cols)));
    return render::heatmap(values, rows, cols, QSize(cols, rows), map, lo, hi)
        .scaled(size, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

// The layer's three maps as PNGs: top-1 agreement (white: the same expert),
// JS divergence (0-1 bits), entropy change (blue less, red more; ±1 bit).
bool writeMaps(const QString &dir, int layer, const routing::LayerComparison &c, QString *error)
{
    const QString stem = QDir(dir).filePath(QStringLiteral("L%1-").arg(layer));
    return writeImage(stem + QStringLiteral("agreement.png"),
                      tokenMap(c.agreementMap, c.rows, c.cols, render::Colormap::Gray, 0, 1),
                      error) &&
           writeImage(stem + QStringLiteral("js.png"),
                      tokenMap(c.jsMap, c.rows, c.cols, render::Colormap::Magma, 0, 1), error) &&
           writeImage(stem + QStringLiteral("entropy-change.png"),
                      tokenMap(c.entropyDiffMap, c.rows, c.cols, render::Colormap::Turbo, -1, 1),
                      error);
}

} // namespace

int compare(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption runOpt(
        QStringLiteral("run"), Tr::tr("A stored run (give two: A, then B)."), QStringLiteral("ID"));
    const QCommandLineOption frameAOpt(QStringLiteral("frame-a"),
                                       Tr::tr("A's frame (default: its first with routing)."),
                                       QStringLiteral("N"));
    const QCommandLineOption frameBOpt(QStringLiteral("frame-b"),
                                       Tr::tr("B's frame (default: its first with routing)."),
                                       QStringLiteral("N"));
    const QCommandLineOption outOpt(
        QStringLiteral("out"),
        Tr::tr("Folder for each layer's agreement, JS divergence and entropy-change maps."),
        QStringLiteral("DIR"));
    parser.addOptions({runOpt, frameAOpt, frameBOpt, outOpt, databaseOption(), jsonOption()});
    if (!parse(parser, QStringLiteral("compare"), arguments, err))
        return Usage;
    const QStringList ids = parser.values(runOpt);
    bool okA = false, okB = false;
    const qint64 idA = ids.value(0).toLongLong(&okA), idB = ids.value(1).toLongLong(&okB);
    if (ids.size() != 2 || !okA || !okB) {
        err << Tr::tr("moescope-cli compare: give two runs, --run A --run B") << "\n";
        return Usage;
    }
    store::Database db;
    QString error;
    if (!db.openOrDefault(parser.value(databaseOption()), &error))
        return fail(err, error);
    ComparedRun a, b;
    const int frameA = parser.isSet(frameAOpt) ? parser.value(frameAOpt).toInt() : -1;
    const int frameB = parser.isSet(frameBOpt) ? parser.value(frameBOpt).toInt() : -1;
    if (!loadCompared(db, idA, frameA, &a, &error) || !loadCompared(db, idB, frameB, &b, &error))
        return fail(err, error);
    const QString outDir = parser.value(outOpt);
    if (!outDir.isEmpty() && !QDir().mkpath(outDir))
        return fail(err, Tr::tr("%1: cannot create the folder").arg(outDir));

    const std::vector<routing::LayerComparison> compared =
        compareSteps(a.result, *a.step, b.result, *b.step);
    QJsonArray layersJson;
    for (size_t l = 0; l < compared.size(); ++l) {
        const routing::LayerComparison &c = compared[l];
        QJsonObject o{{"layer", int(l)},
                      {"name_a", QString::fromStdString(c.nameA)},
                      {"name_b", QString::fromStdString(c.nameB)},
                      {"experts_a", c.expertsA},
                      {"experts_b", c.expertsB},
                      {"token_wise", c.tokenWise},
                      {"entropy_a_bits", rounded(c.entropyA)},
                      {"entropy_b_bits", rounded(c.entropyB)},
                      {"entropy_change_bits", rounded(c.entropyChange)},
                      {"load_a", array(c.loadA)},
                      {"load_b", array(c.loadB)},
                      {"load_js_bits", c.loadJs >= 0 ? QJsonValue(rounded(c.loadJs))
                                                     : QJsonValue(QJsonValue::Null)}};
        if (c.tokenWise) {
            o.insert(QStringLiteral("tokens"), c.tokens);
            o.insert(QStringLiteral("agreement"), rounded(c.agreement));
            o.insert(QStringLiteral("mean_js_bits"), rounded(c.meanJs));
            o.insert(QStringLiteral("mean_jaccard"), rounded(c.meanJaccard));
            if (!outDir.isEmpty() && !writeMaps(outDir, int(l), c, &error))
                return fail(err, error);
        } else {
            o.insert(QStringLiteral("reason"), QString::fromStdString(c.reason));
        }
        layersJson.append(o);
        if (!parser.isSet(jsonOption())) {
            QString line = Tr::tr("%1: entropy %2 → %3 bits")
                               .arg(QString::fromStdString(c.nameA))
                               .arg(c.entropyA, 0, 'f', 3)
                               .arg(c.entropyB, 0, 'f', 3);
            if (c.loadJs >= 0)
                line += Tr::tr(", load JS %1 bits").arg(c.loadJs, 0, 'f', 4);
            if (c.tokenWise)
                line += Tr::tr(", top-1 agreement %1 %, mean JS %2 bits, Jaccard %3")
                            .arg(100.0 * c.agreement, 0, 'f', 1)
                            .arg(c.meanJs, 0, 'f', 4)
                            .arg(c.meanJaccard, 0, 'f', 3);
            else
                line += QStringLiteral(" (%1)").arg(QString::fromStdString(c.reason));
            out << line << "\n";
        }
    }
    const auto describe = [](const ComparedRun &r, qint64 id) {
        return QJsonObject{{"id", id},
                           {"model", r.result.modelName},
                           {"image", r.result.imagePath},
                           {"frame", r.step->step}};
    };
    QJsonObject json{{"run_a", describe(a, idA)},
                     {"run_b", describe(b, idB)},
                     {"same_image", a.result.imageSha256 == b.result.imageSha256},
                     {"same_model", a.result.modelSha256 == b.result.modelSha256},
                     {"layers", layersJson}};
    if (a.step->layers.size() != b.step->layers.size())
        json.insert(QStringLiteral("note"),
                    Tr::tr("the models have %1 and %2 MoE layers; the first %3 are compared")
                        .arg(a.step->layers.size())
                        .arg(b.step->layers.size())
                        .arg(compared.size()));
    if (parser.isSet(jsonOption()))
        printJson(out, json);
    return Ok;
}

int signatures(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption likeOpt(QStringLiteral("like"),
                                     Tr::tr("List the runs whose routing resembles this run's."),
                                     QStringLiteral("ID"));
    const QCommandLineOption limitOpt(QStringLiteral("limit"), Tr::tr("The newest N runs."),
                                      QStringLiteral("N"), QStringLiteral("200"));
    parser.addOptions({likeOpt, limitOpt, databaseOption(), jsonOption()});
    if (!parse(parser, QStringLiteral("signatures"), arguments, err))
        return Usage;
    store::Database db;
    QString error;
    if (!db.openOrDefault(parser.value(databaseOption()), &error))
        return fail(err, error);
    const QList<store::RunRecord> list = db.listRuns(&error, parser.value(limitOpt).toInt());
    if (!error.isEmpty())
        return fail(err, error);
    struct Entry
    {
        const store::RunRecord *run;
        routing::Signature signature;
    };
    std::vector<Entry> entries;
    for (const store::RunRecord &r : list) {
        routing::Signature s = signatureOfRun(r);
        if (!s.loads.empty())
            entries.push_back({&r, std::move(s)});
    }
    const auto describe = [](const store::RunRecord &r) {
        return QJsonObject{
            {"id", r.id}, {"model", r.model.name}, {"task", r.model.task}, {"input", r.image.path}};
    };

    if (parser.isSet(likeOpt)) {
        // Runs of the same shape, most alike first.
        const qint64 like = parser.value(likeOpt).toLongLong();
        const auto self = std::find_if(entries.begin(), entries.end(),
                                       [like](const Entry &e) { return e.run->id == like; });
        if (self == entries.end())
            return fail(err, Tr::tr("%1: run %2 is not among the newest %3 runs with routing")
                                 .arg(db.path())
                                 .arg(like)
                                 .arg(parser.value(limitOpt)));
        std::vector<std::pair<double, const Entry *>> ranked;
        for (const Entry &e : entries) {
            const double s = routing::signatureSimilarity(self->signature, e.signature);
            if (s >= 0)
                ranked.push_back({s, &e});
        }
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const auto &x, const auto &y) { return x.first > y.first; });
        QJsonArray rows;
        for (const auto &[similarity, e] : ranked) {
            QJsonObject o = describe(*e->run);
            o.insert(QStringLiteral("similarity"), rounded(similarity));
            rows.append(o);
            if (!parser.isSet(jsonOption()))
                out << QString::number(e->run->id).rightJustified(5) << "  "
                    << QString::number(similarity, 'f', 4) << "  " << e->run->model.name << "  "
                    << e->run->image.path << "\n";
        }
        if (parser.isSet(jsonOption()))
            printJson(out, QJsonObject{{"like", like}, {"runs", rows}});
        return Ok;
    }

    // Every run, grouped by shape, each group laid out on its first two
    // principal components.
    std::map<std::vector<int>, std::vector<const Entry *>> groups;
    for (const Entry &e : entries)
        groups[e.signature.shape()].push_back(&e);
    QJsonArray groupsJson;
    for (const auto &[shape, members] : groups) {
        std::vector<routing::Signature> sigs;
        for (const Entry *e : members)
            sigs.push_back(e->signature);
        const auto xy = routing::projectSignatures(sigs);
        QJsonArray runsJson, matrix;
        if (!parser.isSet(jsonOption()))
            out << Tr::tr("experts per layer %1: %n run(s)", nullptr, int(members.size()))
                       .arg(QString::fromStdString(routing::Signature::shapeText(shape)))
                << "\n";
        for (size_t i = 0; i < members.size(); ++i) {
            QJsonObject o = describe(*members[i]->run);
            o.insert(QStringLiteral("pc1"), rounded(xy[i].first));
            o.insert(QStringLiteral("pc2"), rounded(xy[i].second));
            runsJson.append(o);
            QJsonArray row;
            for (const Entry *other : members)
                row.append(
                    rounded(routing::signatureSimilarity(members[i]->signature, other->signature)));
            matrix.append(row);
            if (!parser.isSet(jsonOption()))
                out << QString::number(members[i]->run->id).rightJustified(7) << "  "
                    << QString::number(xy[i].first, 'f', 4).rightJustified(8) << " "
                    << QString::number(xy[i].second, 'f', 4).rightJustified(8) << "  "
                    << members[i]->run->model.name << "  " << members[i]->run->image.path << "\n";
        }
        QJsonArray shapeJson;
        for (int e : shape)
            shapeJson.append(e);
        groupsJson.append(QJsonObject{
            {"experts_per_layer", shapeJson}, {"runs", runsJson}, {"similarity", matrix}});
    }
    if (parser.isSet(jsonOption()))
        printJson(out, QJsonObject{{"groups", groupsJson}});
    return Ok;
}

} // namespace moescope::cli
