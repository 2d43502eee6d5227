// The tracker in the window (offscreen): a sequence opened and run, the
// tracker's box, search region and ground truth drawn on the frame, and the
// routing laid over the search region with the search tokens' grid.
#include "cineplayer.h"
#include "mainwindow.h"
#include "routingpanel.h"
#include "sceneview.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void trackShownOnTheFrame()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("runs.sqlite")));
        window.resize(1600, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(&window, &MainWindow::imageLoaded);
        window.openImage(kSequence);
        QVERIFY(loaded.wait(60000));
        QSignalSpy ready(&window, &MainWindow::modelReady);
        window.selectModel(kModel);
        QVERIFY(ready.wait(60000));
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
    }
};

QTEST_MAIN(TestTrackingGui)
#include "tst_trackinggui.moc"
