// Cine benchmarks (issue: ultrasound). Two numbers:
//  * decode: ImageLoader::load of a multi-frame DICOM, median of N loads;
//  * playback: the window plays the cine from a cold start with live routing
//    (every frame routed on the worker before it is shown), at a frame time
//    short enough that routing, not the timer, sets the pace; reports the
//    frames/s of that first pass and the longest gap of a 5 ms timer on the UI
//    thread while it plays.
//   bench_cine --model NAME|FILE --input CINE [--loads N] [--speed X] [--json]
#include "cineplayer.h"
#include "image/imageloader.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace moescope;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    const QCommandLineOption modelOpt(QStringLiteral("model"), QStringLiteral("Model."),
                                      QStringLiteral("M"), QStringLiteral("us-m2dino-tiny"));
    const QCommandLineOption inputOpt(QStringLiteral("input"), QStringLiteral("Cine."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption loadsOpt(QStringLiteral("loads"), QStringLiteral("Decode repeats."),
                                      QStringLiteral("N"), QStringLiteral("15"));
    const QCommandLineOption speedOpt(QStringLiteral("speed"), QStringLiteral("Playback speed."),
                                      QStringLiteral("X"), QStringLiteral("16"));
    parser.addOptions({modelOpt, inputOpt, loadsOpt, speedOpt});
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(inputOpt)) {
        std::fprintf(stderr, "bench_cine: --input CINE is required\n");
        return 2;
    }
    const QString input = parser.value(inputOpt);

    std::vector<double> decodeMs;
    int frames = 0, width = 0, height = 0;
    QString syntax;
    for (int i = 0; i < parser.value(loadsOpt).toInt(); ++i) {
        QElapsedTimer t;
        t.start();
        LoadError error;
        const std::optional<ImageStack> image = ImageLoader::load(input, &error);
        decodeMs.push_back(t.nsecsElapsed() / 1e6);
        if (!image) {
            std::fprintf(stderr, "bench_cine: %s\n", qPrintable(error.message()));
            return 1;
        }
        frames = image->frameCount;
        width = image->width;
        height = image->height;
        syntax = image->transferSyntax;
    }
    std::sort(decodeMs.begin(), decodeMs.end());

    QTemporaryDir tmp;
    gui::MainWindow window(tmp.filePath(QStringLiteral("runs.sqlite")));
    window.resize(1400, 900);
    window.show();
    QSignalSpy ready(&window, &gui::MainWindow::modelReady);
    window.selectModel(parser.value(modelOpt));
    if (!ready.wait(120000)) {
        std::fprintf(stderr, "bench_cine: %s\n", qPrintable(window.lastError()));
        return 1;
    }
    QSignalSpy opened(&window, &gui::MainWindow::imageLoaded);
    window.openImage(input);
    if (!opened.wait(60000)) {
        std::fprintf(stderr, "bench_cine: %s\n", qPrintable(window.lastError()));
        return 1;
    }
    // No settling: playback starts cold, while the worker is still routing the
    // first frames (and, for a task-conditioned model, the task-gate sweep).

    QElapsedTimer clock;
    qint64 last = 0;
    double maxGap = 0;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        maxGap = std::max(maxGap, (now - last) / 1e6);
        last = now;
    });
    gui::CinePlayer *player = window.player();
    player->setSpeed(parser.value(speedOpt).toDouble());
    clock.start();
    ticker.start();
    player->setPlaying(true);
    QElapsedTimer wall;
    wall.start();
    while (player->framesPlayed() < frames - 1 && wall.elapsed() < 300000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double seconds = player->playedSeconds();
    const int played = player->framesPlayed();
    player->setPlaying(false);
    ticker.stop();

    const QJsonObject o{
        {"input", input},
        {"frames", frames},
        {"width", width},
        {"height", height},
        {"transfer_syntax", syntax},
        {"decode_ms_median", decodeMs[decodeMs.size() / 2]},
        {"decode_ms_min", decodeMs.front()},
        {"model", parser.value(modelOpt)},
        {"playback_speed", player->speed()},
        {"frames_played", played},
        {"live_routing_fps", seconds > 0 ? played / seconds : 0.0},
        {"ticks_held_for_routing", player->ticksHeld()},
        {"ui_max_gap_ms", maxGap},
        {"platform", QGuiApplication::platformName()}};
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    return 0;
}
