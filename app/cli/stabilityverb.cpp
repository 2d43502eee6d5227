// moescope-cli stability: how firmly the router holds its top-1 choices
// under small perturbations of the input (jobs/stability.h), per layer, with
// the flip-rate and entropy maps as pictures.
#include "commands.h"
#include "modelinputs.h"

#include "jobs/stability.h"
#include "render/routingimages.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace moescope::cli {

namespace {

double rounded(double v)
{
    return std::round(v * 1e6) / 1e6;
}

// A cell per token, 256 pixels wide.
bool writeMap(const QString &path, const std::vector<float> &values, int rows, int cols,
              render::Colormap map, float hi, QString *error)
{
    const QImage image = render::heatmap(values, rows, cols, QSize(cols, rows), map, 0.0f, hi)
                             .scaled(256, std::max(1, 256 * rows / std::max(1, cols)),
                                     Qt::IgnoreAspectRatio, Qt::FastTransformation);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !image.save(&f, "PNG") || !f.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

int stability(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption passesOpt(QStringLiteral("passes"),
                                       Tr::tr("Perturbed passes (default 16)."),
                                       QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption noiseOpt(
        QStringLiteral("noise"), Tr::tr("Noise, standard deviation on the 0-1 pixel scale (0.02)."),
        QStringLiteral("S"), QStringLiteral("0.02"));
    const QCommandLineOption shiftOpt(QStringLiteral("shift"),
                                      Tr::tr("Random shift, pixels each way (2)."),
                                      QStringLiteral("PX"), QStringLiteral("2"));
    const QCommandLineOption frameOpt(QStringLiteral("frame"), Tr::tr("The frame (default 0)."),
                                      QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), Tr::tr("Random seed (1)."),
                                     QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    Tr::tr("Folder for each layer's flip-rate and entropy maps."),
                                    QStringLiteral("DIR"));
    parser.addOptions(modelOnInputOptions());
    parser.addOptions({passesOpt, noiseOpt, shiftOpt, frameOpt, seedOpt, outOpt, jsonOption()});
    if (!parse(parser, QStringLiteral("stability"), arguments, err))
        return Usage;
    StabilityRequest request;
    bool ok[5] = {};
    request.passes = parser.value(passesOpt).toInt(&ok[0]);
    request.noise = parser.value(noiseOpt).toDouble(&ok[1]);
    request.shift = parser.value(shiftOpt).toInt(&ok[2]);
    request.step = parser.value(frameOpt).toInt(&ok[3]);
    request.seed = parser.value(seedOpt).toUInt(&ok[4]);
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }) ||
        request.passes < 1 || request.passes > 10000 || request.noise < 0 || request.shift < 0 ||
        request.step < 0) {
        err << Tr::tr("moescope-cli stability: --passes takes 1-10000, --noise, --shift and "
                      "--frame numbers from 0")
            << "\n";
        return Usage;
    }
    const QString outDir = parser.value(outOpt);
    if (!outDir.isEmpty() && !QDir().mkpath(outDir))
        return fail(err, Tr::tr("%1: cannot create the folder").arg(outDir));
    ModelOnInput loaded;
    if (const int code = loadModelOnInput(parser, QStringLiteral("stability"), &loaded, err))
        return code;
    request.options = loaded.options;
    request.source = loaded.scene->source;
    StabilityResult result;
    QString error;
    if (!runStability(*loaded.engine, *loaded.plugin, request, nullptr, {}, &result, &error))
        return fail(err, error);

    QJsonArray layers;
    for (size_t l = 0; l < result.layers.size(); ++l) {
        const LayerStability &s = result.layers[l];
        if (!outDir.isEmpty()) {
            const QString stem = QDir(outDir).filePath(QStringLiteral("L%1-").arg(l));
            float top = 0;
            for (float e : s.entropy)
                top = std::max(top, e);
            if (!writeMap(stem + QStringLiteral("flip-rate.png"), s.flipRate, s.rows, s.cols,
                          render::Colormap::Magma, 1.0f, &error) ||
                !writeMap(stem + QStringLiteral("entropy.png"), s.entropy, s.rows, s.cols,
                          render::Colormap::Viridis, std::max(top, 1e-3f), &error))
                return fail(err, error);
        }
        QJsonArray flips;
        for (float f : s.flipRate)
            flips.append(rounded(f));
        layers.append(QJsonObject{{"name", QString::fromStdString(s.name)},
                                  {"grid", QJsonArray{s.rows, s.cols}},
                                  {"mean_flip_rate", rounded(s.meanFlipRate)},
                                  {"spearman_flip_entropy", rounded(s.entropyCorrelation)},
                                  {"flip_rate", flips}});
        if (!parser.isSet(jsonOption()))
            out << Tr::tr("%1: %2 % of tokens' top-1 expert flips on average; rank correlation "
                          "with entropy %3")
                       .arg(QString::fromStdString(s.name))
                       .arg(100.0 * s.meanFlipRate, 0, 'f', 1)
                       .arg(s.entropyCorrelation, 0, 'f', 2)
                << "\n";
    }
    if (parser.isSet(jsonOption())) {
        printJson(out, QJsonObject{{"model", result.modelName},
                                   {"input", result.imagePath},
                                   {"frame", result.step},
                                   {"passes", result.passes},
                                   {"noise", result.noise},
                                   {"shift", result.shift},
                                   {"output", QString::fromStdString(result.primaryOutput)},
                                   {"mean_output_change", rounded(result.meanOutputChange)},
                                   {"forward_ms", rounded(result.forwardMs)},
                                   {"total_ms", rounded(result.totalMs)},
                                   {"layers", layers}});
    } else {
        out << Tr::tr("%1 passes (noise %2, shift up to %3 px): the answer (\"%4\") changed by "
                      "%5 on average")
                   .arg(result.passes)
                   .arg(result.noise)
                   .arg(result.shift)
                   .arg(QString::fromStdString(result.primaryOutput))
                   .arg(result.meanOutputChange, 0, 'f', 4)
            << "\n";
    }
    return Ok;
}

} // namespace moescope::cli
