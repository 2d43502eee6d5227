// "A 100k-item gallery opens in the window in < 1 s": the window (offscreen or
// a real X window) with ct-hmar-tiny, a run database holding a large gallery
// built by that model (bench_retrieval --items N --model ... --db FILE makes
// one), and a CT slice. Measures, on the UI thread's clock:
//  - listing the galleries in the dock (names and item counts),
//  - the first query (the worker reads every embedding into its index, runs
//    the model on the slice, searches, reads the hits' windows and thumbnails),
//  - a second query (the index is cached),
//  - the longest gap of a 5 ms UI timer during both queries.
// Usage: bench_gallery_open --db FILE --gallery NAME --image FILE [--model NAME]
#include "gallerypanel.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace moescope;
using namespace moescope::gui;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("Run database."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption galleryOpt(QStringLiteral("gallery"), QStringLiteral("Gallery."),
                                        QStringLiteral("NAME"), QStringLiteral("bench"));
    const QCommandLineOption imageOpt(QStringLiteral("image"), QStringLiteral("Query slice."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption modelOpt(QStringLiteral("model"), QStringLiteral("Model."),
                                      QStringLiteral("NAME"), QStringLiteral("ct-hmar-tiny"));
    parser.addOptions({dbOpt, galleryOpt, imageOpt, modelOpt});
    parser.process(app);

    QElapsedTimer t;
    t.start();
    MainWindow window(parser.value(dbOpt));
    window.resize(1600, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        std::fprintf(stderr, "the window was not exposed\n");
    const double windowMs = t.nsecsElapsed() / 1e6;
    QSignalSpy ready(&window, &MainWindow::modelReady);
    window.selectModel(parser.value(modelOpt));
    if (!ready.wait(120000)) {
        std::fprintf(stderr, "the model did not load\n");
        return 1;
    }
    QSignalSpy opened(&window, &MainWindow::imageLoaded);
    window.openImage(parser.value(imageOpt));
    if (!opened.wait(30000)) {
        std::fprintf(stderr, "the image did not open\n");
        return 1;
    }
    GalleryPanel *panel = window.galleryPanel();

    t.restart();
    panel->refreshGalleries();
    panel->setCurrentGallery(parser.value(galleryOpt));
    const double listMs = t.nsecsElapsed() / 1e6;
    if (panel->currentGallery() != parser.value(galleryOpt)) {
        std::fprintf(stderr, "no gallery %s\n", qPrintable(parser.value(galleryOpt)));
        return 1;
    }

    double maxGapMs = 0;
    QElapsedTimer gap;
    gap.start();
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        maxGapMs = std::max(maxGapMs, gap.nsecsElapsed() / 1e6);
        gap.restart();
    });
    ticker.start();
    double queryMs[2] = {0, 0};
    for (double &ms : queryMs) {
        QSignalSpy shown(panel, &GalleryPanel::queryShown);
        QSignalSpy refused(panel, &GalleryPanel::queryRefused);
        t.restart();
        if (!panel->querySlice()) {
            std::fprintf(stderr, "query not started: %s\n", qPrintable(panel->message()));
            return 1;
        }
        if (!shown.wait(120000)) {
            std::fprintf(stderr, "no answer: %s\n", qPrintable(panel->message()));
            return 1;
        }
        ms = t.nsecsElapsed() / 1e6;
    }
    ticker.stop();
    const QJsonObject out{{"platform", QGuiApplication::platformName()},
                          {"window_ms", windowMs},
                          {"list_galleries_ms", listMs},
                          {"gallery", panel->currentGallery()},
                          {"first_query_ms", queryMs[0]},
                          {"second_query_ms", queryMs[1]},
                          {"ui_max_gap_ms", maxGapMs},
                          {"message", panel->message()}};
    std::printf("%s", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
