// "Comparing two stored runs of a 224×224 image opens in < 200 ms": the
// window (offscreen or a real X window) and a run database with runs A and B
// (tests/bench/run.sh makes them with moescope-cli run). Measures on the UI
// thread's clock, over --repeat openings (the first one separately: cold
// caches), from Compare to the comparison on screen (both runs read from
// the store, both pictures decoded, every layer compared, the three views
// and the table drawn):
// Usage: bench_compare_open --db FILE --run A --run B [--repeat N]
#include "comparisonwindow.h"
#include "mainwindow.h"
#include "runcomparison.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace moescope;
using namespace moescope::gui;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("Run database."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption runOpt(QStringLiteral("run"), QStringLiteral("A run (give two)."),
                                    QStringLiteral("ID"));
    const QCommandLineOption repeatOpt(QStringLiteral("repeat"), QStringLiteral("Openings."),
                                       QStringLiteral("N"), QStringLiteral("10"));
    parser.addOptions({dbOpt, runOpt, repeatOpt});
    parser.process(app);
    const QStringList runs = parser.values(runOpt);
    if (runs.size() != 2) {
        std::fprintf(stderr, "give two runs: --run A --run B\n");
        return 2;
    }
    MainWindow window(parser.value(dbOpt));
    window.resize(1600, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        std::fprintf(stderr, "the window was not exposed\n");

    std::vector<double> ms;
    const int repeat = std::max(1, parser.value(repeatOpt).toInt());
    for (int i = 0; i <= repeat; ++i) {
        QElapsedTimer t;
        t.start();
        ComparisonWindow *compared = window.compareRuns(runs[0].toLongLong(), runs[1].toLongLong());
        if (!compared) {
            std::fprintf(stderr, "%s\n", qPrintable(window.lastError()));
            return 1;
        }
        if (!compared->comparison()->isReady()) {
            QSignalSpy shown(compared, &ComparisonWindow::shown);
            if (!shown.wait(30000)) {
                std::fprintf(stderr, "the comparison did not open\n");
                return 1;
            }
        }
        compared->repaint(); // drawn, not only laid out
        ms.push_back(t.nsecsElapsed() / 1e6);
        compared->close(); // deletes itself
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    const double first = ms.front();
    ms.erase(ms.begin());
    std::sort(ms.begin(), ms.end());
    std::printf("{\"first_ms\": %.1f, \"median_ms\": %.1f, \"max_ms\": %.1f, \"repeat\": %d}\n",
                first, ms[ms.size() / 2], ms.back(), repeat);
    return 0;
}
