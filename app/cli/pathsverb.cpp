// moescope-cli paths: a stored run's expert paths across layers
// (core/routing/paths.h): per pair of consecutive MoE layers, how many
// tokens go from each expert to each.
#include "commands.h"

#include "jobs/stepcomparison.h"
#include "jobs/storedrun.h"
#include "routing/paths.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace moescope::cli {

int paths(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption runOpt(QStringLiteral("run"), Tr::tr("A stored run."),
                                    QStringLiteral("ID"));
    const QCommandLineOption frameOpt(QStringLiteral("frame"),
                                      Tr::tr("The frame (default: the first with routing)."),
                                      QStringLiteral("N"));
    parser.addOptions({runOpt, frameOpt, databaseOption(), jsonOption()});
    if (!parse(parser, QStringLiteral("paths"), arguments, err))
        return Usage;
    bool okRun = false, okFrame = true;
    const qint64 id = parser.value(runOpt).toLongLong(&okRun);
    const int frame = parser.isSet(frameOpt) ? parser.value(frameOpt).toInt(&okFrame) : -1;
    if (!okRun || !okFrame) {
        err << Tr::tr("moescope-cli paths: give a run, --run ID (and --frame N)") << "\n";
        return Usage;
    }
    store::Database db;
    QString error;
    if (!db.openOrDefault(parser.value(databaseOption()), &error))
        return fail(err, error);
    std::vector<store::FrameRouting> routing;
    const std::optional<store::RunRecord> record = db.loadRun(id, &routing, &error);
    if (!record)
        return fail(err, error);
    const AnalysisResult result = fromStoredRun(*record, routing);
    StepResult mosaic;
    const StepResult *step = comparedStep(result, frame, &mosaic);
    if (!step || step->layers.empty())
        return fail(err, frame < 0
                             ? Tr::tr("run %1: no stored routing (its steps kept "
                                      "summaries only)")
                                   .arg(id)
                             : Tr::tr("run %1: frame %2 has no stored routing").arg(id).arg(frame));
    const routing::ExpertPaths p = routing::expertPaths(step->layers);
    if (p.layers.size() < 2)
        return fail(err, Tr::tr("run %1: fewer than two MoE layers route tokens on one grid, so "
                                "there are no paths (%2)")
                             .arg(id)
                             .arg(QString::fromStdString(p.reason)));
    QJsonArray layers, transitions;
    for (size_t k = 0; k < p.layers.size(); ++k) {
        QJsonArray counts;
        for (int e = 0; e < p.experts[k]; ++e)
            counts.append(p.nodeCount(k, e));
        layers.append(
            QJsonObject{{"layer", p.layers[k]},
                        {"name", QString::fromStdString(step->layers[size_t(p.layers[k])].name)},
                        {"experts", p.experts[k]},
                        {"counts", counts}});
    }
    const bool json = parser.isSet(jsonOption());
    if (!json)
        out << Tr::tr("run %1, frame %2: %3 tokens on a %4×%5 grid over \"%6\"")
                   .arg(id)
                   .arg(step->step)
                   .arg(p.tokens)
                   .arg(p.rows)
                   .arg(p.cols)
                   .arg(QString::fromStdString(p.input))
            << "\n";
    for (size_t k = 0; k + 1 < p.layers.size(); ++k) {
        const std::vector<int> m = p.coactivation(k);
        QJsonArray matrix;
        if (!json)
            out << Tr::tr("layer %1 → layer %2 (rows: experts of %1, columns: of %2)")
                       .arg(p.layers[k])
                       .arg(p.layers[k + 1])
                << "\n";
        for (int a = 0; a < p.experts[k]; ++a) {
            QJsonArray row;
            QStringList cells;
            for (int b = 0; b < p.experts[k + 1]; ++b) {
                row.append(m[size_t(a) * p.experts[k + 1] + b]);
                cells << QStringLiteral("%1").arg(m[size_t(a) * p.experts[k + 1] + b], 5);
            }
            matrix.append(row);
            if (!json)
                out << QStringLiteral("  %1 |").arg(a, 3) << cells.join(QString()) << "\n";
        }
        transitions.append(QJsonObject{
            {"from_layer", p.layers[k]}, {"to_layer", p.layers[k + 1]}, {"matrix", matrix}});
    }
    if (!p.reason.empty() && !json)
        out << QString::fromStdString(p.reason) << "\n";
    if (json) {
        QJsonObject o{{"run", id},
                      {"frame", step->step},
                      {"input", QString::fromStdString(p.input)},
                      {"grid", QJsonArray{p.rows, p.cols}},
                      {"tokens", p.tokens},
                      {"layers", layers},
                      {"transitions", transitions}};
        if (!p.reason.empty())
            o.insert(QStringLiteral("note"), QString::fromStdString(p.reason));
        printJson(out, o);
    }
    return Ok;
}

} // namespace moescope::cli
