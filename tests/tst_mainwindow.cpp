// The window as a user meets it: open an image, pick the bundled model, run
// it through the worker, see one heatmap per expert of the chosen layer, hover
// a token, reopen the stored run. Saves a screenshot for people to look at.
#include "cineplayer.h"
#include "jobs/analysis.h"
#include "mainwindow.h"
#include "routingpanel.h"
#include "sceneview.h"

#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace moescope;
using namespace moescope::gui;

class TestMainWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
    }

    void openRunShowReopen()
    {
        QImage picture(224, 224, QImage::Format_RGB32);
        picture.fill(QColor(30, 60, 90));
        QPainter p(&picture);
        p.setBrush(QColor(250, 220, 40));
        p.setPen(Qt::NoPen);
        p.drawRect(60, 60, 100, 100);
        p.end();
        const QString imagePath = m_tmp.filePath(QStringLiteral("square.png"));
        QVERIFY(picture.save(imagePath));

        MainWindow window(m_tmp.filePath(QStringLiteral("runs.sqlite")));
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        window.openImage(imagePath);
        QVERIFY(opened.wait(30000));
        QVERIFY(!window.imageView()->image().isNull());

        QSignalSpy shown(&window, &MainWindow::analysisShown);
        QSignalSpy errors(&window, &MainWindow::errorShown);
        window.selectModel(QStringLiteral("moe-vit-shapes-tiny"));
        window.runModel(); // queued behind the model's loading on the worker
        QVERIFY2(shown.wait(120000), qPrintable(window.lastError()));
        QCOMPARE(errors.count(), 0);

        RoutingPanel *routing = window.routingPanel();
        const AnalysisResult &result = window.currentResult();
        QCOMPARE(result.steps.size(), 1);
        const int layer = routing->currentLayer();
        QVERIFY(layer >= 0);
        const int experts = result.steps.first().layers[size_t(layer)].experts;
        QCOMPARE(routing->expertTileCount(), experts);
        for (QToolButton *tile : routing->expertTiles())
            QVERIFY(!tile->icon().isNull());

        // Switching layers shows that layer's experts.
        routing->setCurrentLayer(0);
        QCOMPARE(routing->expertTileCount(), result.steps.first().layers[0].experts);

        // Clicking a tile puts that expert's heatmap over the image.
        QTest::mouseClick(routing->expertTiles().at(1), Qt::LeftButton);
        QCOMPARE(routing->overlayMode(), RoutingPanel::OverlayMode::Expert);
        QCOMPARE(routing->selectedExpert(), 1);

        // Gate values under the mouse.
        SceneView *view = window.imageView();
        const QPoint centre = view->imageRect().center();
        QMouseEvent move(QEvent::MouseMove, centre, view->mapToGlobal(centre), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        auto *gate = routing->findChild<QLabel *>(QStringLiteral("gateValues"));
        QVERIFY(gate);
        QVERIFY2(gate->text().contains(QStringLiteral("Token")), qPrintable(gate->text()));

        const QString shot = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/mainwindow.png");
        QDir().mkpath(QFileInfo(shot).absolutePath());
        QVERIFY(window.grab().save(shot));

        // Stored, listed, reopened without recomputing.
        QCOMPARE(window.runsListed(), 1);
        const qint64 runId = result.runId;
        QVERIFY(runId > 0);
        shown.clear();
        QVERIFY(window.reopenRun(runId));
        if (shown.isEmpty())
            QVERIFY(shown.wait(10000));
        QCOMPARE(window.currentResult().runId, runId);
        QCOMPARE(
            routing->expertTileCount(),
            window.currentResult().steps.first().layers[size_t(routing->currentLayer())].experts);
    }

    void cineRoutesEveryFrameAndFollowsTheSlider()
    {
        // A real multi-frame DICOM from Debian's python3-pydicom test files.
        const QString path =
            QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/rtdose.dcm");
        if (!QFileInfo::exists(path))
            QSKIP("python3-pydicom's test files are not installed (cmake/setup-debian.sh --tests)");
        MainWindow window(m_tmp.filePath(QStringLiteral("cine.sqlite")));
        window.resize(1400, 900);
        window.show();
        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        window.openImage(path);
        QVERIFY(opened.wait(30000));
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        window.selectModel(QStringLiteral("moe-vit-shapes-tiny"));
        window.runModel();
        QVERIFY2(shown.wait(120000), qPrintable(window.lastError()));
        const AnalysisResult &result = window.currentResult();
        QVERIFY(result.steps.size() > 1);

        auto *chart = window.findChild<QChartView *>(QStringLiteral("routingOverTime"));
        QVERIFY(chart && chart->isVisible());
        const int layer = window.routingPanel()->currentLayer();
        const int experts = result.steps.first().layers[size_t(layer)].experts;
        QList<QAbstractSeries *> expertLines;
        for (QAbstractSeries *s : chart->chart()->series())
            if (s->objectName() == QLatin1String("expert"))
                expertLines << s;
        QCOMPARE(expertLines.size(), experts);
        auto *line = qobject_cast<QLineSeries *>(expertLines.first());
        QCOMPARE(line->count(), int(result.steps.size()));

        // Scrubbing shows that frame's routing, from the stored result.
        auto *slider = window.findChild<QSlider *>(QStringLiteral("frameSlider"));
        QVERIFY(slider);
        slider->setValue(result.steps.last().step);
        QCOMPARE(window.routingPanel()->expertTileCount(), experts);
        const QImage frameLast = window.imageView()->image();
        slider->setValue(result.steps.first().step);
        QVERIFY(window.imageView()->image() != frameLast);
        QTest::qWait(300); // let the new tiles and chart axes show
        const QString shot = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/mainwindow-cine.png");
        QVERIFY(window.grab().save(shot));
    }

    void cinePlaysInSyncWithLiveRouting()
    {
        // A cine with no stored run: pressing play routes frames on the worker
        // ahead of the playhead; the player never shows a frame before its
        // routing, the routing view always shows the frame on screen, and once
        // every frame is routed the cine is stored as one run.
        const QString path = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/uscines/mono2_rle.dcm");
        if (!QFileInfo::exists(path))
            QSKIP("no test cines (the make_us_cines fixture needs python3-pydicom and dcmtk)");
        MainWindow window(m_tmp.filePath(QStringLiteral("live.sqlite")));
        window.resize(1400, 900);
        window.show();
        QSignalSpy ready(&window, &MainWindow::modelReady);
        window.selectModel(QStringLiteral("moe-vit-shapes-tiny"));
        QVERIFY(ready.wait(60000));
        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        window.openImage(path);
        QVERIFY(opened.wait(30000));
        CinePlayer *player = window.player();
        QVERIFY(player->isVisible());
        QCOMPARE(player->frameCount(), 10);

        int framesChecked = 0;
        QString mismatch;
        connect(player, &CinePlayer::frameChanged, this, [&](int frame) {
            if (!window.frameRouted(frame)) {
                mismatch = QStringLiteral("frame %1 shown before its routing").arg(frame);
                return;
            }
            const StepResult *step = nullptr;
            for (const StepResult &s : window.currentResult().steps)
                if (s.step == frame)
                    step = &s;
            const auto &shown = window.routingPanel()->layers();
            if (!step || shown.empty() || shown.front().probs != step->layers.front().probs)
                mismatch = QStringLiteral("the routing view does not show frame %1").arg(frame);
            ++framesChecked;
        });
        player->setSpeed(4.0);
        player->setPlaying(true);
        QTRY_VERIFY_WITH_TIMEOUT(player->framesPlayed() >= 14, 120000);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QVERIFY(framesChecked >= 14);
        for (int f = 0; f < 10; ++f)
            QVERIFY(window.frameRouted(f));
        QTRY_VERIFY_WITH_TIMEOUT(window.currentResult().runId > 0, 30000);
        QCOMPARE(window.currentResult().steps.size(), 10);
        QCOMPARE(window.runsListed(), 1);
        player->setPlaying(false);
        // The imaging region from the file: the overlay lies over it, not the whole frame.
        QVERIFY(window.imageView()->modelRegion().isValid() == false ||
                window.imageView()->modelRegion().width() < 600);
        QTest::qWait(200);
        QVERIFY(
            window.grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/mainwindow-live-cine.png")));
    }

    void taskSelectorRerunsAndShowsTheTaskGates()
    {
        // The bundled task-conditioned ultrasound model on its sample cine:
        // every task's gate fills the task × expert matrix, switching the task
        // re-routes the frame with that task's experts and outputs, and a
        // segmentation task's mask can be laid over the imaging region.
        const QString cine = QStringLiteral(
            MOESCOPE_SOURCE_DIR "/resources/samples/ultrasound/us-curvilinear-cine.dcm");
        MainWindow window(m_tmp.filePath(QStringLiteral("tasks.sqlite")));
        window.resize(1400, 900);
        window.show();
        QSignalSpy ready(&window, &MainWindow::modelReady);
        window.selectModel(QStringLiteral("us-m2dino-tiny"));
        QVERIFY2(ready.wait(60000), qPrintable(window.lastError()));
        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        window.openImage(cine);
        QVERIFY(opened.wait(30000));
        auto *combo = window.findChild<QComboBox *>(QStringLiteral("taskCombo"));
        QVERIFY(combo && combo->isVisible());
        const int tasks = combo->count();
        QVERIFY(tasks >= 3);
        QTRY_COMPARE_WITH_TIMEOUT(int(window.taskGates().size()), tasks, 60000);
        auto *matrix = window.findChild<QTableWidget *>(QStringLiteral("taskGateMatrix"));
        QVERIFY(matrix && matrix->isVisible());
        QCOMPARE(matrix->rowCount(), tasks);
        // Each task-level layer's row is a distribution, and the tasks do not all pick alike.
        bool tasksDiffer = false;
        for (int c = 0; c < matrix->columnCount(); ++c) {
            for (int t = 1; t < tasks; ++t) {
                const double a = matrix->item(0, c)->data(Qt::UserRole).toDouble();
                const double b = matrix->item(t, c)->data(Qt::UserRole).toDouble();
                tasksDiffer = tasksDiffer || std::abs(a - b) > 0.05;
            }
        }
        QVERIFY(tasksDiffer);

        // Routing of the shown frame comes live; then switch to the lesion task.
        QTRY_VERIFY_WITH_TIMEOUT(window.frameRouted(0), 60000);
        const QRect region = window.imageView()->modelRegion();
        QVERIFY(region.isValid() && region.width() < window.imageView()->image().width());
        const int lesionSeg = combo->findText(QStringLiteral("lesion-seg"));
        QVERIFY(lesionSeg >= 0);
        window.chooseTask(lesionSeg);
        QTRY_VERIFY_WITH_TIMEOUT(window.frameRouted(0), 60000);
        const QJsonObject outputs = window.currentResult().steps.first().outputs;
        QCOMPARE(outputs.value(QStringLiteral("task")).toString(), QStringLiteral("lesion-seg"));
        QVERIFY(outputs.contains(QStringLiteral("lesion_mask")));
        QVERIFY(!outputs.contains(QStringLiteral("organ_mask")));
        auto *mask = window.findChild<QCheckBox *>(QStringLiteral("maskCheck"));
        QVERIFY(mask && mask->isVisible());
        mask->setChecked(true);
        QTest::qWait(200);
        QVERIFY(
            window.grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/mainwindow-us-tasks.png")));
    }

    void badImageShowsAMessage()
    {
        const QString path = m_tmp.filePath(QStringLiteral("broken.png"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not an image at all");
        f.close();
        MainWindow window(m_tmp.filePath(QStringLiteral("runs2.sqlite")));
        window.show();
        QSignalSpy errors(&window, &MainWindow::errorShown);
        window.openImage(path);
        QVERIFY(errors.wait(30000));
        QVERIFY2(errors.first().first().toString().contains(path),
                 qPrintable(errors.first().first().toString()));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
