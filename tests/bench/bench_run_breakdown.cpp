// What `moescope-cli run` costs besides the forward pass, in a warm process:
// each stage of one run (decode, preprocess, forward, routing, post-process,
// PNG artifacts, database write) timed over N repetitions, medians reported.
// The first repetition pays one-time start-up (image plugins, fonts, DCMTK
// codecs) and is reported apart.
//   bench_run_breakdown --model FILE --input IMAGE [--runs N] [--threads N]
#include "common/artifacts.h"
#include "image/imageloader.h"
#include "jobs/analysis.h"
#include "jobs/storedrun.h"
#include "model/engine.h"
#include "plugin/genericplugin.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

using namespace moescope;

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption modelOpt(QStringLiteral("model"), QStringLiteral("Model file."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption inputOpt(QStringLiteral("input"), QStringLiteral("Image."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Repetitions."),
                                     QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"), QStringLiteral("Threads."),
                                        QStringLiteral("N"), QStringLiteral("2"));
    parser.addOptions({modelOpt, inputOpt, runsOpt, threadsOpt});
    parser.process(app);
    model::Engine::setThreadCount(parser.value(threadsOpt).toInt());

    std::string why;
    auto engine = model::Engine::load(parser.value(modelOpt).toStdString(),
                                      model::DevicePreference::Cpu, &why);
    if (!engine) {
        std::fprintf(stderr, "%s\n", why.c_str());
        return 1;
    }
    QTemporaryDir tmp;
    store::Database db;
    QString error;
    if (!db.open(tmp.filePath(QStringLiteral("runs.sqlite")), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    GenericTaskPlugin plugin;
    std::map<QString, std::vector<double>> stages;
    QJsonObject first;
    const int runs = std::max(2, parser.value(runsOpt).toInt());
    for (int i = 0; i < runs; ++i) {
        std::map<QString, double> t;
        QElapsedTimer clock;
        clock.start();
        LoadError loadError;
        auto image = ImageLoader::load(parser.value(inputOpt), &loadError);
        if (!image) {
            std::fprintf(stderr, "%s\n", qPrintable(loadError.message()));
            return 1;
        }
        t[QStringLiteral("decode_ms")] = clock.nsecsElapsed() / 1e6;
        AnalysisRequest request;
        request.image = QSharedPointer<ImageStack>::create(std::move(*image));
        AnalysisResult result;
        if (!runAnalysis(*engine, plugin, request, nullptr, {}, &result, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        result.modelSha256 = QString(64, QLatin1Char('0'));
        t[QStringLiteral("preprocess_ms")] = result.timings.preprocessMs;
        t[QStringLiteral("forward_ms")] = result.timings.forwardMs;
        t[QStringLiteral("transfer_ms")] = result.timings.transferMs;
        t[QStringLiteral("routing_ms")] = result.timings.routingMs;
        t[QStringLiteral("postprocess_ms")] = result.timings.postprocessMs;
        clock.restart();
        if (!storeAnalysis(db, &result, *request.image, engine->contract(), {}, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        t[QStringLiteral("store_ms")] = clock.nsecsElapsed() / 1e6;
        clock.restart();
        QStringList written;
        if (!writeArtifacts(tmp.filePath(QStringLiteral("out")), result, *request.image, {},
                            ArtifactOptions(), &written, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        t[QStringLiteral("artifacts_ms")] = clock.nsecsElapsed() / 1e6;
        if (i == 0) {
            for (const auto &[k, v] : t)
                first.insert(k, v);
            continue;
        }
        for (const auto &[k, v] : t)
            stages[k].push_back(v);
    }
    QJsonObject medians;
    double besidesForward = 0, besidesForwardNoArtifacts = 0;
    for (auto &[k, v] : stages) {
        std::sort(v.begin(), v.end());
        const double median = v[v.size() / 2];
        medians.insert(k, median);
        if (k != QLatin1String("forward_ms")) {
            besidesForward += median;
            if (k != QLatin1String("artifacts_ms"))
                besidesForwardNoArtifacts += median;
        }
    }
    const QJsonObject out{{"runs", runs - 1},
                          {"threads", model::Engine::threadCount()},
                          {"median", medians},
                          {"first_run", first},
                          {"besides_forward_ms", besidesForward},
                          {"besides_forward_without_artifacts_ms", besidesForwardNoArtifacts}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
