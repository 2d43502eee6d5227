// UI-stall probe: how long the window's event loop goes without turning while
// models run on the worker. A 5 ms timer on the main thread records the gap
// between its ticks; the longest gap is the worst stall a user could feel.
//   bench_ui_stall --model NAME|FILE --input IMAGE [--runs N] [--json]
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    const QCommandLineOption modelOpt(QStringLiteral("model"), QStringLiteral("Model."),
                                      QStringLiteral("M"), QStringLiteral("moe-vit-shapes-tiny"));
    const QCommandLineOption inputOpt(QStringLiteral("input"), QStringLiteral("Image."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Runs."),
                                     QStringLiteral("N"), QStringLiteral("10"));
    parser.addOptions({modelOpt, inputOpt, runsOpt});
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
    window.openImage(parser.value(inputOpt));
    if (!opened.wait(60000)) {
        std::fprintf(stderr, "bench_ui_stall: %s\n", qPrintable(window.lastError()));
        return 1;
    }
    QSignalSpy ready(&window, &moescope::gui::MainWindow::modelReady);
    window.selectModel(parser.value(modelOpt));
    if (!ready.wait(120000)) {
        std::fprintf(stderr, "bench_ui_stall: %s\n", qPrintable(window.lastError()));
        return 1;
    }

    QElapsedTimer clock;
    qint64 last = 0;
    std::vector<double> gapsMs;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        gapsMs.push_back((now - last) / 1e6);
        last = now;
    });

    const int runs = parser.value(runsOpt).toInt();
    QSignalSpy shown(&window, &moescope::gui::MainWindow::analysisShown);
    QElapsedTimer total;
    total.start();
    clock.start();
    ticker.start();
    for (int i = 0; i < runs; ++i) {
        window.runModel();
        if (!shown.wait(120000)) {
            std::fprintf(stderr, "bench_ui_stall: run %d: %s\n", i, qPrintable(window.lastError()));
            return 1;
        }
    }
    ticker.stop();
    std::sort(gapsMs.begin(), gapsMs.end());
    const double maxGap = gapsMs.empty() ? 0 : gapsMs.back();
    const double p99 = gapsMs.empty() ? 0 : gapsMs[size_t(0.99 * (gapsMs.size() - 1))];
    const QJsonObject o{{"runs", runs},
                        {"ticks", int(gapsMs.size())},
                        {"timer_interval_ms", 5},
                        {"max_gap_ms", maxGap},
                        {"p99_gap_ms", p99},
                        {"max_stall_ms", std::max(0.0, maxGap - 5.0)},
                        {"wall_ms", total.nsecsElapsed() / 1e6},
                        {"platform", QGuiApplication::platformName()}};
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    return 0;
}
