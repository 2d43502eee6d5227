// moescope-cli ablate: each expert of a layer switched off in turn (and,
// with --keep-only, left alone in it), the model run again on one frame, and
// the change of its answer measured beside the expert's routing load
// (jobs/ablation.h), so a user sees where load and importance disagree.
#include "commands.h"
#include "modelinputs.h"

#include "jobs/ablation.h"
#include "model/engine.h"
#include "plugin/modelcatalog.h"
#include "plugin/pluginregistry.h"
#include "plugin/sceneopener.h"

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

// Spearman's rank correlation (average ranks for ties); 0 when either side is constant.
double spearman(const std::vector<double> &x, const std::vector<double> &y)
{
    const auto ranks = [](const std::vector<double> &v) {
        std::vector<size_t> order(v.size());
        for (size_t i = 0; i < v.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
        std::vector<double> r(v.size());
        for (size_t i = 0; i < order.size();) {
            size_t j = i;
            while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]])
                ++j;
            for (size_t k = i; k <= j; ++k)
                r[order[k]] = (i + j) / 2.0;
            i = j + 1;
        }
        return r;
    };
    const std::vector<double> a = ranks(x), b = ranks(y);
    const size_t n = a.size();
    double ma = 0, mb = 0;
    for (size_t i = 0; i < n; ++i) {
        ma += a[i] / n;
        mb += b[i] / n;
    }
    double cov = 0, va = 0, vb = 0;
    for (size_t i = 0; i < n; ++i) {
        cov += (a[i] - ma) * (b[i] - mb);
        va += (a[i] - ma) * (a[i] - ma);
        vb += (b[i] - mb) * (b[i] - mb);
    }
    return va > 0 && vb > 0 ? cov / std::sqrt(va * vb) : 0.0;
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
    const QCommandLineOption inputOpt(QStringLiteral("input"), Tr::tr("Image, DICOM or scene."),
                                      QStringLiteral("PATH"));
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
    parser.addOptions({modelOption(), inputOpt, deviceOption(), layerOpt, frameOpt, keepOnlyOpt,
                       deletionOpt, csvOpt, choiceOption(), imageOption(), seriesOption(),
                       threadsOption(), jsonOption()});
    if (!parse(parser, QStringLiteral("ablate"), arguments, err))
        return Usage;
    if (!parser.isSet(modelOption()) || !parser.isSet(inputOpt)) {
        err << Tr::tr("moescope-cli ablate: --model and --input are required") << "\n";
        return Usage;
    }
    model::DevicePreference device;
    if (!model::parseDevicePreference(parser.value(deviceOption()).toStdString(), &device)) {
        err << Tr::tr("moescope-cli ablate: --device is auto, cpu or cuda, not \"%1\"")
                   .arg(parser.value(deviceOption()))
            << "\n";
        return Usage;
    }
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
    applyThreads(parser);

    ModelCatalog catalog;
    QString modelPath, error;
    if (!catalog.resolve(parser.value(modelOption()), &modelPath, &error))
        return fail(err, error);
    LoadOptions loadOptions;
    loadOptions.seriesUid = parser.value(seriesOption());
    PluginRegistry registry;
    const std::optional<OpenedScene> scene =
        openScene(registry, parser.value(inputOpt), loadOptions, &error);
    if (!scene)
        return fail(err, error);
    std::string why;
    std::unique_ptr<model::Engine> engine =
        model::Engine::load(modelPath.toStdString(), device, &why);
    if (!engine)
        return fail(err, QString::fromStdString(why));
    const model::ModelContract &contract = engine->contract();
    if (const int code =
            readModelInputs(parser, QStringLiteral("ablate"), contract, &request.options, err))
        return code;
    TaskPlugin *plugin = registry.pluginForTask(QString::fromStdString(contract.task));
    request.source = scene->source;

    AblationResult result;
    if (!runAblation(*engine, *plugin, request, nullptr, {}, &result, &error))
        return fail(err, error);

    // Per layer: does the load rank the experts as their effect does?
    std::map<int, std::pair<std::vector<double>, std::vector<double>>> byLayer;
    for (const ExpertEffect &e : result.effects) {
        if (!e.keepOnly) {
            byLayer[e.layer].first.push_back(e.load);
            byLayer[e.layer].second.push_back(e.change.effect);
        }
    }
    QJsonArray correlations;
    for (const auto &[layer, pair] : byLayer)
        correlations.append(
            QJsonObject{{"layer", layer},
                        {"spearman_load_effect", rounded(spearman(pair.first, pair.second))}});

    QJsonArray effects;
    QStringList csv{QStringLiteral("layer,expert,mode,load,mean_prob,output,measure,effect,"
                                   "score,baseline_class,class,later_agreement")};
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
        csv << QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12")
                   .arg(e.layer)
                   .arg(e.expert)
                   .arg(e.keepOnly ? QStringLiteral("only") : QStringLiteral("off"))
                   .arg(e.load, 0, 'g', 8)
                   .arg(e.meanProb, 0, 'g', 8)
                   .arg(QString::fromStdString(c.output), QString::fromStdString(c.measure))
                   .arg(c.effect, 0, 'g', 8)
                   .arg(c.score, 0, 'g', 8)
                   .arg(c.baselineClass >= 0 ? className(contract, c.output, c.baselineClass)
                                             : QString(),
                        c.baselineClass >= 0 ? className(contract, c.output, c.ablatedClass)
                                             : QString())
                   .arg(e.laterAgreement, 0, 'g', 8);
    }
    if (parser.isSet(csvOpt)) {
        QSaveFile f(parser.value(csvOpt));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Text) ||
            f.write((csv.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()) < 0 || !f.commit())
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
    out << Tr::tr("layer expert  mode  load    effect  answer           later layers agree")
        << "\n";
    for (const ExpertEffect &e : result.effects) {
        const OutputChange &c = e.change;
        const QString answer = c.baselineClass >= 0
                                   ? QStringLiteral("%1 %2 %")
                                         .arg(className(contract, c.output, c.ablatedClass))
                                         .arg(100.0 * c.score, 0, 'f', 1)
                                   : QString::number(c.score, 'f', 3);
        out << QStringLiteral("%1 %2  %3  %4 %  %5  %6 %7 %")
                   .arg(e.layer, 5)
                   .arg(e.expert, 6)
                   .arg(e.keepOnly ? QStringLiteral("only") : QStringLiteral("off "))
                   .arg(100.0 * e.load, 5, 'f', 1)
                   .arg(c.effect, 7, 'f', 4)
                   .arg(answer, -16)
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
