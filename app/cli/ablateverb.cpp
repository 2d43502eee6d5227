// moescope-cli ablate: each expert of a layer switched off in turn (and,
// with --keep-only, left alone in it), the model run again on one frame, and
// the change of its answer measured beside the expert's routing load
// (jobs/ablation.h), so a user sees where load and importance disagree.
#include "commands.h"
#include "modelinputs.h"

#include "jobs/ablation.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <map>

namespace moescope::cli {

namespace {

double rounded(double v)
{
    return std::round(v * 1e6) / 1e6;
}

QString className(const model::ModelContract &contract, const std::string &output, int k)
{
    for (const model::OutputSpec &spec : contract.outputs) {
        if (spec.name == output && k >= 0 && size_t(k) < spec.labels.size())
            return QString::fromStdString(spec.labels[size_t(k)]);
    }
    return QString::number(k);
}

} // namespace

int ablate(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption layerOpt(QStringLiteral("layer"),
                                      Tr::tr("The MoE layer (default: every layer)."),
                                      QStringLiteral("L"));
    const QCommandLineOption frameOpt(
        QStringLiteral("frame"), Tr::tr("The frame ablated (default 0)."), QStringLiteral("N"));
    const QCommandLineOption keepOnlyOpt(QStringLiteral("keep-only"),
                                         Tr::tr("Also run each expert alone in its layer."));
    const QCommandLineOption deletionOpt(
        QStringLiteral("deletion"),
        Tr::tr("Also the deletion curves: each expert's patches removed, 10-90 %."));
    const QCommandLineOption csvOpt(QStringLiteral("csv"), Tr::tr("Write the table as CSV."),
                                    QStringLiteral("FILE"));
    parser.addOptions(modelOnInputOptions());
    parser.addOptions({layerOpt, frameOpt, keepOnlyOpt, deletionOpt, csvOpt, jsonOption()});
    if (!parse(parser, QStringLiteral("ablate"), arguments, err))
        return Usage;
    AblationRequest request;
    bool ok = true;
    if (parser.isSet(layerOpt))
        request.layer = parser.value(layerOpt).toInt(&ok);
    if (ok && parser.isSet(frameOpt))
        request.step = parser.value(frameOpt).toInt(&ok);
    if (!ok || request.step < 0 || (parser.isSet(layerOpt) && request.layer < 0)) {
        err << Tr::tr("moescope-cli ablate: --layer and --frame take a number from 0") << "\n";
        return Usage;
    }
    request.keepOnly = parser.isSet(keepOnlyOpt);
    request.deletion = parser.isSet(deletionOpt);
    ModelOnInput loaded;
    if (const int code = loadModelOnInput(parser, QStringLiteral("ablate"), &loaded, err))
        return code;
    const model::ModelContract &contract = loaded.engine->contract();
    request.options = loaded.options;
    request.source = loaded.scene->source;

    AblationResult result;
    QString error;
    if (!runAblation(*loaded.engine, *loaded.plugin, request, nullptr, {}, &result, &error))
        return fail(err, error);

    // Per layer: does the load rank the experts as their effect does?
    QJsonArray correlations;
    for (const auto &[layer, rho] : loadEffectCorrelation(result))
        correlations.append(QJsonObject{{"layer", layer}, {"spearman_load_effect", rounded(rho)}});

    QJsonArray effects;
    for (const ExpertEffect &e : result.effects) {
        const OutputChange &c = e.change;
        QJsonArray outputs;
        for (const OutputChange &o : e.changes)
            outputs.append(QJsonObject{{"output", QString::fromStdString(o.output)},
                                       {"measure", QString::fromStdString(o.measure)},
                                       {"effect", rounded(o.effect)},
                                       {"score", rounded(o.score)}});
        QJsonObject o{{"layer", e.layer},
                      {"expert", e.expert},
                      {"mode", e.keepOnly ? "only" : "off"},
                      {"load", rounded(e.load)},
                      {"mean_prob", rounded(e.meanProb)},
                      {"effect", rounded(c.effect)},
                      {"score", rounded(c.score)},
                      {"later_agreement", rounded(e.laterAgreement)},
                      {"outputs", outputs}};
        if (c.baselineClass >= 0) {
            o.insert(QStringLiteral("baseline_class"),
                     className(contract, c.output, c.baselineClass));
            o.insert(QStringLiteral("class"), className(contract, c.output, c.ablatedClass));
        }
        effects.append(o);
    }
    if (parser.isSet(csvOpt)) {
        QSaveFile f(parser.value(csvOpt));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Text) || f.write(ablationCsv(result)) < 0 ||
            !f.commit())
            return fail(err, QStringLiteral("%1: %2").arg(parser.value(csvOpt), f.errorString()));
    }
    QJsonArray curves;
    for (const DeletionCurve &c : result.curves) {
        QJsonArray fractions, scores;
        for (size_t i = 0; i < c.fractions.size(); ++i) {
            fractions.append(c.fractions[i]);
            scores.append(rounded(c.scores[i]));
        }
        curves.append(QJsonObject{{"layer", c.layer},
                                  {"expert", c.expert},
                                  {"tokens", c.tokens},
                                  {"fractions", fractions},
                                  {"scores", scores}});
    }
    const QString primary = QString::fromStdString(result.primaryOutput);
    const QString measure = result.effects.empty()
                                ? QString()
                                : QString::fromStdString(result.effects.front().change.measure);
    if (parser.isSet(jsonOption())) {
        printJson(out, QJsonObject{{"model", result.modelName},
                                   {"input", result.imagePath},
                                   {"input_sha256", result.imageSha256},
                                   {"frame", result.step},
                                   {"output", primary},
                                   {"measure", measure},
                                   {"passes", result.passes},
                                   {"forward_ms", rounded(result.forwardMs)},
                                   {"total_ms", rounded(result.totalMs)},
                                   {"baseline", result.baselineOutputs},
                                   {"effects", effects},
                                   {"rank_correlation", correlations},
                                   {"deletion", curves}});
        return Ok;
    }
    out << Tr::tr("%1 on %2, frame %3: the effect on \"%4\" (%5); %6 passes, %7 ms of forward "
                  "passes, %8 ms in all")
               .arg(result.modelName, QFileInfo(result.imagePath).fileName())
               .arg(result.step)
               .arg(primary, measure)
               .arg(result.passes)
               .arg(result.forwardMs, 0, 'f', 1)
               .arg(result.totalMs, 0, 'f', 1)
        << "\n";
    out << Tr::tr("layer expert  mode  load    effect   answer                       later "
                  "layers agree")
        << "\n";
    for (const ExpertEffect &e : result.effects) {
        const OutputChange &c = e.change;
        const QString answer = c.baselineClass >= 0
                                   ? QStringLiteral("%1; p(%2) %3 %")
                                         .arg(className(contract, c.output, c.ablatedClass),
                                              className(contract, c.output, c.baselineClass))
                                         .arg(100.0 * c.score, 0, 'f', 1)
                                   : QString::number(c.score, 'f', 3);
        out << QStringLiteral("%1 %2  %3  %4 %  %5  %6 %7 %")
                   .arg(e.layer, 5)
                   .arg(e.expert, 6)
                   .arg(e.keepOnly ? QStringLiteral("only") : QStringLiteral("off "))
                   .arg(100.0 * e.load, 5, 'f', 1)
                   .arg(c.effect, 7, 'f', 4)
                   .arg(answer, -28)
                   .arg(100.0 * e.laterAgreement, 5, 'f', 1)
            << "\n";
    }
    for (const QJsonValue &v : correlations) {
        const QJsonObject o = v.toObject();
        out << Tr::tr("layer %1: rank correlation of load and effect %2")
                   .arg(o.value(QStringLiteral("layer")).toInt())
                   .arg(o.value(QStringLiteral("spearman_load_effect")).toDouble(), 0, 'f', 2)
            << "\n";
    }
    for (const DeletionCurve &c : result.curves) {
        QStringList points;
        for (size_t i = 0; i < c.scores.size(); ++i)
            points << QString::number(c.scores[i], 'f', 3);
        out << Tr::tr("deletion, layer %1 expert %2 (%3 tokens), 10-90 %: %4")
                   .arg(c.layer)
                   .arg(c.expert)
                   .arg(c.tokens)
                   .arg(points.join(QLatin1Char(' ')))
            << "\n";
    }
    return Ok;
}

} // namespace moescope::cli
