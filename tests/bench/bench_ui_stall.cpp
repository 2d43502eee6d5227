// UI-stall probe: how long the window's event loop goes without turning while
// models run on the worker, or while the user zooms and pans a scene read by
// region. A 5 ms timer on the main thread records the gap between its ticks;
// the longest gap is the worst stall a user could feel.
//   bench_ui_stall --model NAME|FILE --input IMAGE [--runs N]
//   bench_ui_stall --pan --input SCENE [--steps N]
//   bench_ui_stall --play --model TRACKER --input VIDEO [--init X,Y,W,H]
// --play: presses Play with a tracker (live tracking from frame 0, the
// player following the track) and reports the stalls until the track ends.
// --pan: from the whole scene, zoom in by 2 every 25 steps of 16 ms towards
// 1:1 while panning 48 screen pixels a step (a drag), then waits for the
// last tiles; reports the open time, the stalls and how long tiles took.
#include "cineplayer.h"
#include "mainwindow.h"
#include "runcontroller.h"
#include "sceneview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace {

// Times every event the main thread delivers (the outermost one, not the
// ones sent from inside it) and names the receiver of each over 30 ms on
// stderr: which object's work the window waited for.
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (m_depth++ > 0) {
            const bool r = QApplication::notify(receiver, event);
            --m_depth;
            return r;
        }
        QElapsedTimer clock;
        clock.start();
        const QEvent::Type type = event->type();
        const QByteArray name =
            receiver->metaObject()->className() + QByteArray(" ") + receiver->objectName().toUtf8();
        const bool r = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = clock.nsecsElapsed() / 1e6;
        if (ms > 30)
            std::fprintf(stderr, "  event %d to %s took %.0f ms\n", int(type), name.constData(),
                         ms);
        return r;
    }

private:
    int m_depth = 0;
};

struct StallProbe
{
    QElapsedTimer clock;
    qint64 last = 0;
    std::vector<double> gapsMs;
    QTimer ticker;
    StallProbe()
    {
        ticker.setInterval(5);
        QObject::connect(&ticker, &QTimer::timeout, [this] {
            const qint64 now = clock.nsecsElapsed();
            gapsMs.push_back((now - last) / 1e6);
            // Where the long ones fell (stderr), to find what caused them.
            if (gapsMs.back() > 40)
                std::fprintf(stderr, "stall %.0f ms ending at %.0f ms\n", gapsMs.back(), now / 1e6);
            last = now;
        });
    }
    void start()
    {
        clock.start();
        last = 0;
        ticker.start();
    }
    QJsonObject stop()
    {
        ticker.stop();
        std::sort(gapsMs.begin(), gapsMs.end());
        const double maxGap = gapsMs.empty() ? 0 : gapsMs.back();
        const double p99 = gapsMs.empty() ? 0 : gapsMs[size_t(0.99 * (gapsMs.size() - 1))];
        return {{"ticks", int(gapsMs.size())},
                {"timer_interval_ms", 5},
                {"max_gap_ms", maxGap},
                {"p99_gap_ms", p99},
                {"max_stall_ms", std::max(0.0, maxGap - 5.0)}};
    }
};

int pan(moescope::gui::MainWindow &window, double openMs, int steps)
{
    moescope::gui::SceneView *view = window.imageView();
    (void)QTest::qWaitFor([&] { return view->tilesIdle(); }, 60000);
    view->fitToWindow();
    const double fitted = view->scaleFactor();
    const QSize scene = view->pictureSize();
    QPointF centre(scene.width() / 2.0, scene.height() / 2.0);
    StallProbe probe;
    QElapsedTimer total;
    total.start();
    probe.start();
    double zoom = fitted;
    for (int i = 0; i < steps; ++i) {
        if (i % 25 == 0 && zoom < 1.0) {
            zoom = std::min(1.0, zoom * 2);
        }
        // 48 screen pixels a step to the right and down: a drag.
        centre += QPointF(48 / zoom, 24 / zoom);
        centre.setX(std::fmod(centre.x(), scene.width()));
        centre.setY(std::fmod(centre.y(), scene.height()));
        view->setView(zoom / fitted,
                      QPointF(centre.x() / scene.width(), centre.y() / scene.height()));
        QTest::qWait(16);
    }
    const double panMs = total.nsecsElapsed() / 1e6;
    QElapsedTimer settle;
    settle.start();
    (void)QTest::qWaitFor([&] { return view->tilesIdle(); }, 60000);
    const double settleMs = settle.nsecsElapsed() / 1e6;
    QJsonObject o = probe.stop();
    o.insert(QStringLiteral("mode"), QStringLiteral("pan"));
    o.insert(QStringLiteral("scene"), QJsonArray{scene.width(), scene.height()});
    o.insert(QStringLiteral("open_ms"), openMs);
    o.insert(QStringLiteral("steps"), steps);
    o.insert(QStringLiteral("pan_ms"), panMs);
    o.insert(QStringLiteral("last_tiles_ms"), settleMs);
    o.insert(QStringLiteral("platform"), QGuiApplication::platformName());
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    TimedApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    const QCommandLineOption modelOpt(QStringLiteral("model"), QStringLiteral("Model."),
                                      QStringLiteral("M"), QStringLiteral("moe-vit-shapes-tiny"));
    const QCommandLineOption inputOpt(QStringLiteral("input"), QStringLiteral("Image."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Runs."),
                                     QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption panOpt(QStringLiteral("pan"), QStringLiteral("Zoom and pan."));
    const QCommandLineOption stepsOpt(QStringLiteral("steps"), QStringLiteral("Pan steps."),
                                      QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption playOpt(QStringLiteral("play"), QStringLiteral("Track live."));
    const QCommandLineOption initOpt(QStringLiteral("init"), QStringLiteral("Initial box."),
                                     QStringLiteral("X,Y,W,H"));
    parser.addOptions({modelOpt, inputOpt, runsOpt, panOpt, stepsOpt, playOpt, initOpt});
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(inputOpt)) {
        std::fprintf(stderr, "bench_ui_stall: --input IMAGE is required\n");
        return 2;
    }
    QTemporaryDir tmp;
    moescope::gui::MainWindow window(tmp.filePath(QStringLiteral("runs.sqlite")));
    window.resize(1400, 900);
    window.show();

    QSignalSpy opened(&window, &moescope::gui::MainWindow::imageLoaded);
    QElapsedTimer openClock;
    openClock.start();
    window.openImage(parser.value(inputOpt));
    if (!opened.wait(60000)) {
        std::fprintf(stderr, "bench_ui_stall: %s\n", qPrintable(window.lastError()));
        return 1;
    }
    const double openMs = openClock.nsecsElapsed() / 1e6;
    if (parser.isSet(panOpt))
        return pan(window, openMs, parser.value(stepsOpt).toInt());
    QSignalSpy ready(&window, &moescope::gui::MainWindow::modelReady);
    window.selectModel(parser.value(modelOpt));
    if (!ready.wait(120000)) {
        std::fprintf(stderr, "bench_ui_stall: %s\n", qPrintable(window.lastError()));
        return 1;
    }

    if (parser.isSet(playOpt)) {
        if (parser.isSet(initOpt))
            window.runController()->setSceneOptions(
                {{QStringLiteral("init_box"), parser.value(initOpt)}});
        QSignalSpy shown(&window, &moescope::gui::MainWindow::analysisShown);
        int frames = 0;
        QObject::connect(window.player(), &moescope::gui::CinePlayer::frameChanged,
                         [&frames] { ++frames; });
        StallProbe probe;
        QElapsedTimer total;
        total.start();
        probe.start();
        window.player()->setPlaying(true);
        if (!window.runController()->isTrackingLive()) {
            std::fprintf(stderr, "bench_ui_stall: Play did not start tracking: %s\n",
                         qPrintable(window.lastError()));
            return 1;
        }
        if (!shown.wait(120000)) {
            std::fprintf(stderr, "bench_ui_stall: %s\n", qPrintable(window.lastError()));
            return 1;
        }
        QJsonObject o = probe.stop();
        o.insert(QStringLiteral("mode"), QStringLiteral("play"));
        o.insert(QStringLiteral("tracked"), int(window.currentResult().steps.size()));
        o.insert(QStringLiteral("frames_shown"), frames);
        o.insert(QStringLiteral("wall_ms"), total.nsecsElapsed() / 1e6);
        o.insert(QStringLiteral("platform"), QGuiApplication::platformName());
        std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    const int runs = parser.value(runsOpt).toInt();
    QSignalSpy shown(&window, &moescope::gui::MainWindow::analysisShown);
    StallProbe probe;
    QElapsedTimer total;
    total.start();
    probe.start();
    for (int i = 0; i < runs; ++i) {
        window.runModel();
        if (!shown.wait(120000)) {
            std::fprintf(stderr, "bench_ui_stall: run %d: %s\n", i, qPrintable(window.lastError()));
            return 1;
        }
    }
    QJsonObject o = probe.stop();
    o.insert(QStringLiteral("runs"), runs);
    o.insert(QStringLiteral("wall_ms"), total.nsecsElapsed() / 1e6);
    o.insert(QStringLiteral("platform"), QGuiApplication::platformName());
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    return 0;
}
