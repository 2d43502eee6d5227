// The tiled and stateful probe plugins through the window: a file a plugin
// opens itself, run from the window on the job thread, its routing laid
// where each step's input came from (the tracker's moving search region, the
// tiled scene's stitched mosaic over a 30,000² scene drawn from tiles), a
// plugin's own view (TaskPluginGui) and the run stored and reopened.
#include "cineplayer.h"
#include "imagedocument.h"
#include "mainwindow.h"
#include "pluginviewdock.h"
#include "probescenes.h"
#include "resultpresenter.h"
#include "resultview.h"
#include "routingpanel.h"
#include "runcontroller.h"
#include "sceneview.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace moescope;
using namespace moescope::gui;

namespace {

const QString kTiledModel = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/models/tiled-probe.pt");
const QString kTrackModel = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/models/track-probe.pt");

QString writeJson(const QTemporaryDir &dir, const QString &name, const QJsonObject &o)
{
    const QString path = dir.filePath(name);
    return probe::writeJson(path, o) ? path : QString();
}

bool openAndRun(MainWindow &window, const QString &image, const QString &model)
{
    QSignalSpy loaded(&window, &MainWindow::imageLoaded);
    window.openImage(image);
    if (!loaded.wait(60000))
        return false;
    QSignalSpy ready(&window, &MainWindow::modelReady);
    window.selectModel(model);
    if (!ready.wait(60000))
        return false;
    QSignalSpy shown(&window, &MainWindow::analysisShown);
    window.runModel();
    return shown.wait(120000);
}

} // namespace

class TestShapesGui : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QByteArray path = qgetenv("MOESCOPE_PLUGIN_PATH");
        qputenv("MOESCOPE_PLUGIN_PATH", path + ":" + MOESCOPE_PROBE_PLUGIN_DIR);
        QVERIFY(m_dir.isValid());
    }

    void trackerInTheWindow()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("track.sqlite")));
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString video =
            writeJson(m_dir, QStringLiteral("square.testtrack"), QJsonObject{{"frames", 12}});
        QVERIFY2(openAndRun(window, video, kTrackModel), qPrintable(window.lastError()));
        const AnalysisResult &result = window.currentResult();
        QCOMPARE(result.steps.size(), 12);
        QCOMPARE(window.displayedImage()->frameCount, 12);
        QVERIFY(result.runId > 0);
        // Frame 7: the overlay lies on the search region step 7 read, which
        // followed the square (start 60 + 9 px a frame).
        window.player()->setFrame(7);
        const QRect search = result.steps[7].origins.at("search").sourceRect;
        QCOMPARE(window.imageView()->modelRegion(), search);
        QVERIFY(std::abs(search.center().x() + 1 - (60 + 9 * 6)) <= 2);
        QCOMPARE(window.imageView()->overlayRect().topLeft(),
                 window.imageView()->mapFromImage(QPointF(search.topLeft())));
        QVERIFY(window.routingPanel()->currentGrid());
        // The plugin's own view shows the trajectory.
        PluginViewDock *dock = window.pluginViewDock();
        QVERIFY(dock->isVisible());
        auto *label = dock->findChild<QLabel *>(QStringLiteral("trackProbeView"));
        QVERIFY(label);
        QVERIFY2(label->text().startsWith(QStringLiteral("12 points")), qPrintable(label->text()));
        QVERIFY(window.grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/shapes-tracker.png")));
        // No live chunks for a stateful plugin: every frame came from the one run.
        QVERIFY(window.frameRouted(11));
    }

    void tiledSceneInTheWindow()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("tiled.sqlite")));
        window.resize(1920, 1080);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString scene = writeJson(m_dir, QStringLiteral("big.testscene"),
                                        QJsonObject{{"width", 30000}, {"height", 30000}});
        QVERIFY2(openAndRun(window, scene, kTiledModel), qPrintable(window.lastError()));
        const AnalysisResult &result = window.currentResult();
        QCOMPARE(result.stepsRun, 39 * 39);
        QCOMPARE(result.mosaic.size(), size_t(1));
        SceneView *view = window.imageView();
        QVERIFY(view->source()); // drawn from tiles, not one picture
        QCOMPARE(view->pictureSize(), QSize(30000, 30000));
        QCOMPARE(view->modelRegion(), QRect(0, 0, 118 * 256, 118 * 256));
        QCOMPARE(window.routingPanel()->currentGrid()->cols, 118);
        // Zoom in on the middle: the overlay stays on its scene pixels.
        view->setView(40.0, QPointF(0.5, 0.5));
        QCOMPARE(view->overlayRect().topLeft(), view->mapFromImage(QPointF(0, 0)));
        QTRY_VERIFY_WITH_TIMEOUT(view->tilesIdle(), 20000);
        QVERIFY(view->tileReads() > 0);
        QVERIFY(window.grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/shapes-tiled.png")));

        // Stored as the mosaic and reopened without recomputing.
        const qint64 runId = result.runId;
        QVERIFY(runId > 0);
        const std::vector<float> probs = result.mosaic.front().probs;
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        QVERIFY(window.reopenRun(runId));
        QVERIFY(shown.size() == 1 || shown.wait(30000));
        QCOMPARE(window.currentResult().mosaic.front().probs, probs);
        QCOMPARE(window.currentResult().runId, runId);
        QCOMPARE(window.currentResult().mosaic.front().tokens, 118 * 118);
    }

    // The floors below the window, twice: two controllers (two model
    // sessions, working at once) on one document, each result in a view of
    // its own, side by side.
    void twoResultsSideBySide()
    {
        Workspace left, right;
        QString error;
        QVERIFY2(left.openDatabase(m_dir.filePath(QStringLiteral("two.sqlite")), &error),
                 qPrintable(error));
        QVERIFY2(right.openDatabase(m_dir.filePath(QStringLiteral("two.sqlite")), &error),
                 qPrintable(error));
        ImageDocument document(&left.plugins());
        RunController trackRuns(&left, &document), tiledRuns(&right, &document);
        QSplitter splitter;
        auto *trackView = new ResultView(&splitter);
        auto *tiledView = new ResultView(&splitter);
        ResultPresenter trackPresenter(&trackRuns, &document, trackView);
        ResultPresenter tiledPresenter(&tiledRuns, &document, tiledView);
        splitter.resize(1600, 700);
        splitter.show();
        QVERIFY(QTest::qWaitForWindowExposed(&splitter));

        QSignalSpy loaded(&document, &ImageDocument::loaded);
        QVERIFY(document.open(
            writeJson(m_dir, QStringLiteral("both.testtrack"), QJsonObject{{"frames", 6}}), {},
            false));
        QVERIFY(loaded.wait(30000));
        QVERIFY(document.openedByPlugin());
        QSignalSpy trackReady(&trackRuns, &RunController::modelReady);
        QSignalSpy tiledReady(&tiledRuns, &RunController::modelReady);
        trackRuns.selectModel(kTrackModel, QStringLiteral("cpu"));
        tiledRuns.selectModel(kTiledModel, QStringLiteral("cpu"));
        QTRY_VERIFY_WITH_TIMEOUT(trackReady.size() == 1 && tiledReady.size() == 1, 60000);
        QSignalSpy trackShown(&trackPresenter, &ResultPresenter::resultShown);
        QSignalSpy tiledShown(&tiledPresenter, &ResultPresenter::resultShown);
        trackRuns.run();
        tiledRuns.run();
        QVERIFY(left.session()->isBusy() && right.session()->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(trackShown.size() == 1 && tiledShown.size() == 1, 60000);

        // One picture, two results laid where each model's input came from.
        QCOMPARE(trackRuns.result().steps.size(), 6);
        QCOMPARE(trackView->sceneView()->modelRegion(),
                 trackRuns.result().steps[0].origins.at("search").sourceRect);
        QCOMPARE(tiledRuns.result().mosaic.size(), size_t(1));
        // One tile of 1024² (larger than the 320 × 240 frame): cells of 256².
        QCOMPARE(tiledView->sceneView()->modelRegion(), QRect(0, 0, 2 * 256, 256));
        QCOMPARE(trackView->sceneView()->pictureSize(), tiledView->sceneView()->pictureSize());
        QVERIFY(trackRuns.result().runId != tiledRuns.result().runId);
        QVERIFY(splitter.grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/shapes-two.png")));
    }
};

QTEST_MAIN(TestShapesGui)
#include "tst_shapesgui.moc"
