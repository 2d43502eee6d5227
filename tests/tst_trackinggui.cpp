// The tracker in the window (offscreen): a sequence opened and run, the
// tracker's box, search region and ground truth drawn on the frame, and the
// routing laid over the search region with the search tokens' grid; the
// score map over the search region; the routing timeline and its clicks.
#include "cineplayer.h"
#include "mainwindow.h"
#include "pluginviewdock.h"
#include "routingpanel.h"
#include "runcontroller.h"
#include "sceneview.h"

#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXYSeries>

using namespace moescope;
using namespace moescope::gui;

namespace {
const QString kSequence = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/tracking/Held_002");
const QString kModel = QStringLiteral(MOESCOPE_TRACK_MODEL);
} // namespace

class TestTrackingGui : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // Shows the window with the held-out sequence open and the tracker loaded.
    void openWithTracker(MainWindow &window)
    {
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(&window, &MainWindow::imageLoaded);
        window.openImage(kSequence);
        QVERIFY(loaded.wait(60000));
        QSignalSpy ready(&window, &MainWindow::modelReady);
        window.selectModel(kModel);
        QVERIFY(ready.wait(60000));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void trackShownOnTheFrame()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("runs.sqlite")));
        window.resize(1600, 950);
        openWithTracker(window);
        if (QTest::currentTestFailed())
            return;
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        window.runModel();
        QVERIFY2(shown.wait(120000), qPrintable(window.lastError()));
        QVERIFY(shown.first().first().toLongLong() > 0); // stored

        const AnalysisResult &result = window.currentResult();
        QCOMPARE(result.steps.size(), 30);
        // Frame 12 of the track, as the player shows it.
        window.player()->setFrame(12);
        const QJsonObject outputs = result.steps[12].outputs;
        const QJsonArray search = outputs.value("search_region").toArray();
        const QRect region(search[0].toInt(), search[1].toInt(), search[2].toInt(),
                           search[3].toInt());
        SceneView *view = window.imageView();
        QCOMPARE(view->modelRegion(), region);
        const routing::TokenGrid *grid = window.routingPanel()->currentGrid();
        QVERIFY(grid);
        QCOMPARE(grid->input, std::string("search"));
        QCOMPARE(grid->rows, 16);
        QStringList roles;
        for (const FrameBoxesItem::Box &b : view->frameBoxes())
            roles << b.role;
        QCOMPARE(roles, QStringList({"region", "truth", "prediction"}));
        const QJsonArray box = outputs.value("box").toArray();
        QCOMPARE(view->frameBoxes().last().rect, QRectF(box[0].toDouble(), box[1].toDouble(),
                                                        box[2].toDouble(), box[3].toDouble()));
        // What a person sees: the box's green outline on the frame.
        const QImage picture = view->grab().toImage();
        const QPointF corner =
            view->mapFromImage(view->frameBoxes().last().rect.topLeft() +
                               QPointF(0, view->frameBoxes().last().rect.height() / 2));
        bool green = false;
        for (int dx = -2; dx <= 2 && !green; ++dx) {
            const QColor c = picture.pixelColor(corner.toPoint() + QPoint(dx, 0));
            green = c.green() > 180 && c.red() < 120 && c.blue() < 150;
        }
        QVERIFY2(green, "the tracker's box is not drawn where it lies");
        picture.save(m_dir.filePath("tracking.png"));

        // The template beside the frame, with its own tokens' top-1 experts.
        auto *side = window.findChild<QLabel *>(QStringLiteral("sideInputView"));
        QVERIFY(side && side->isVisible());
        QCOMPARE(side->pixmap().size(), QSize(128, 128));
        QVERIFY2(side->toolTip().startsWith(QStringLiteral("template (cut from frame 0)")),
                 qPrintable(side->toolTip()));

        // The score map, laid over the search region only.
        auto *scoreMap = window.findChild<QCheckBox *>(QStringLiteral("scoreMapCheck"));
        QVERIFY(scoreMap && scoreMap->isVisible());
        scoreMap->setChecked(true);
        QVERIFY(view->hasHeatmap() && view->heatmapVisible());
        const QImage withMap = view->grab().toImage();
        const QRect onScreen =
            QRectF(view->mapFromImage(region.topLeft()), view->mapFromImage(region.bottomRight()))
                .toRect();
        int inside = 0, outside = 0;
        for (int y = 0; y < picture.height(); y += 3)
            for (int x = 0; x < picture.width(); x += 3) {
                // (the view's corner names what it shows: "score map 0.01-0.93")
                if (picture.pixel(x, y) == withMap.pixel(x, y) || (x < 360 && y < 50))
                    continue;
                (onScreen.adjusted(-3, -3, 3, 3).contains(x, y) ? inside : outside) += 1;
            }
        QVERIFY2(inside > 100 && outside == 0,
                 qPrintable(QStringLiteral("%1 inside, %2 outside").arg(inside).arg(outside)));
        scoreMap->setChecked(false);

        // The timeline: per expert a line for the search region and one for
        // the template, the IoU beside them; a click goes to that frame.
        auto *timeline = window.findChild<QChartView *>(QStringLiteral("routingOverTime"));
        QVERIFY(timeline && timeline->isVisible());
        int expertLines = 0;
        QXYSeries *iou = nullptr, *cursor = nullptr;
        for (QAbstractSeries *s : timeline->chart()->series()) {
            expertLines += s->objectName() == QLatin1String("expert");
            if (s->name() == QLatin1String("IoU"))
                iou = qobject_cast<QXYSeries *>(s);
            if (s->objectName() == QLatin1String("cursor"))
                cursor = qobject_cast<QXYSeries *>(s);
        }
        QCOMPARE(expertLines, 8); // 4 experts x (search, template)
        QVERIFY(iou && cursor);
        int withIou = 0;
        for (const StepResult &st : result.steps)
            withIou += st.outputs.contains(QStringLiteral("iou"));
        QCOMPARE(iou->count(), withIou);
        QCOMPARE(cursor->at(0).x(), 12.0);
        const QPointF at = timeline->chart()->mapToPosition(QPointF(25, 50), cursor);
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {},
                          timeline->mapFromScene(timeline->chart()->mapToScene(at)));
        QCOMPARE(window.player()->frame(), 25);
        QCOMPARE(cursor->at(0).x(), 25.0);

        // A box drawn on frame 20 (the Run options' "Initial box"): the
        // track starts again there, from that box.
        window.player()->setFrame(20);
        QVariantMap options = window.runController()->sceneOptions();
        options.insert(QStringLiteral("init_box"), QStringLiteral("60,70,30,28"));
        window.runController()->setSceneOptions(options);
        QSignalSpy again(&window, &MainWindow::analysisShown);
        window.runModel();
        QVERIFY2(again.wait(120000), qPrintable(window.lastError()));
        const AnalysisResult &restarted = window.currentResult();
        QCOMPARE(restarted.steps.size(), 10); // frames 20..29
        QCOMPARE(restarted.steps.first().step, 20);
        QCOMPARE(restarted.steps.first().outputs.value("box").toArray(),
                 QJsonArray({60, 70, 30, 28}));
        QCOMPARE(restarted.runSummary.value("init_frame").toInt(), 20);

        // The plugin's dock: the track's scores and plots, and the first
        // run (stored, same sequence) drawn beside it on request.
        auto *dock = window.pluginViewDock();
        QVERIFY(dock->isVisible());
        auto *header = dock->findChild<QLabel *>(QStringLiteral("trackRunHeader"));
        QVERIFY(header && header->text().contains(QStringLiteral("AO ")));
        auto *success = dock->findChild<QChartView *>(QStringLiteral("trackSuccessPlot"));
        QVERIFY(success && success->isVisible());
        QCOMPARE(success->chart()->series().size(), 1);
        auto *compare = dock->findChild<QComboBox *>(QStringLiteral("compareRunCombo"));
        QVERIFY(compare && compare->isVisible());
        const qint64 firstRun = shown.first().first().toLongLong();
        const int item = compare->findData(firstRun);
        QVERIFY(item > 0);
        compare->setCurrentIndex(item);
        Q_EMIT compare->activated(item);
        QCOMPARE(success->chart()->series().size(), 2);
        auto *precision = dock->findChild<QChartView *>(QStringLiteral("trackPrecisionPlot"));
        QCOMPARE(precision->chart()->series().size(), 2);
        // The first run's curve is its own: 30 frames scored from frame 1.
        auto *firstCurve = qobject_cast<QXYSeries *>(success->chart()->series().last());
        QCOMPARE(firstCurve->at(0).y(), 1.0); // every IoU > 0
        QVERIFY(header->text().contains(QStringLiteral("Run %1").arg(firstRun)));
        QTest::qWait(200);
        dock->grab().save(m_dir.filePath("track-dock.png"));
    }

    // Play with a tracker and no track: tracking starts from the frame
    // shown and the player follows it, never ahead of the tracked frames.
    void liveTrackingWhilePlaying()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("live.sqlite")));
        window.resize(1400, 900);
        openWithTracker(window);
        if (QTest::currentTestFailed())
            return;
        RunController *runs = window.runController();
        window.player()->setFrame(3);
        runs->setTrackSnapshotInterval(0); // every frame as it is tracked
        QSignalSpy routed(runs, &RunController::stepsRouted);
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        QList<int> ahead; // frames shown before the tracker reached them
        int played = 0;
        connect(window.player(), &CinePlayer::frameChanged, this, [&](int frame, bool) {
            ++played;
            if (runs->isTrackingLive() && !runs->frameRouted(frame))
                ahead << frame;
        });
        window.player()->setPlaying(true);
        QVERIFY(runs->isTrackingLive());
        QVERIFY2(shown.wait(120000), qPrintable(window.lastError()));
        QVERIFY(!runs->isTrackingLive());
        window.player()->setPlaying(false);
        // The track grew frame by frame, from frame 3.
        // (frames 3..28 one by one, less any the finished track overtook; 29 comes with it)
        QVERIFY2(routed.size() >= 20, qPrintable(QString::number(routed.size())));
        for (int i = 1; i < routed.size(); ++i)
            QCOMPARE(routed[i].at(0).toInt(), routed[i - 1].at(1).toInt() + 1);
        QCOMPARE(routed.first().at(0).toInt(), 3);
        QVERIFY(played >= 3);
        QVERIFY2(ahead.isEmpty(), qPrintable(QStringLiteral("%1 frames ahead").arg(ahead.size())));
        const AnalysisResult &result = window.currentResult();
        QCOMPARE(result.steps.size(), 27); // frames 3..29
        QVERIFY(result.runId > 0);
    }
};

QTEST_MAIN(TestTrackingGui)
#include "tst_trackinggui.moc"
