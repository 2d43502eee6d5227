// A SAR product through the window: opened through GDAL, run tile by tile on
// the job thread, the stitched labels overlaid where they belong (a pixel
// of the overlay checked against the label raster the run wrote), the
// legend with areas, and the run reopened from the store.
#include "mainwindow.h"
#include "optionsdock.h"
#include "pluginviewdock.h"
#include "resultview.h"
#include "routingpanel.h"
#include "sceneview.h"

#include "plugin/outputs.h"

#include <gdal_priv.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace moescope;
using namespace moescope::gui;

namespace {
const QString kScene = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/sar/speckled-float32.tif");
const QString kModel = QStringLiteral(MOESCOPE_SAR_MODEL);

// Shows `window`, opens the scene and loads the SAR model in it.
bool openWithModel(MainWindow &window)
{
    window.resize(1800, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    QSignalSpy loaded(&window, &MainWindow::imageLoaded);
    window.openImage(kScene);
    if (!loaded.wait(60000))
        return false;
    QSignalSpy ready(&window, &MainWindow::modelReady);
    window.selectModel(kModel);
    return ready.wait(60000);
}
} // namespace

class TestSarGui : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(kScene), "the make_sar_products fixture has not run");
    }

    void sceneInTheWindow()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("sar.sqlite")));
        QVERIFY(openWithModel(window));
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        window.runModel();
        QVERIFY2(shown.wait(120000), qPrintable(window.lastError()));

        const AnalysisResult &result = window.currentResult();
        QCOMPARE(result.pluginId, QStringLiteral("sar"));
        QCOMPARE(result.stepsRun, 6);     // 3 x 2 tiles of 128 with overlap 32
        QCOMPARE(result.steps.size(), 1); // the tiles live in the mosaic and the rasters
        const QJsonObject summary = result.runSummary;
        QVERIFY(summary.contains(QStringLiteral("segmentation")));
        // The tile grid: owned parts meet at stride (96) + overlap / 2.
        const QJsonObject tileGrid = summary.value(QStringLiteral("tile_grid")).toObject();
        QCOMPARE(tileGrid.value(QStringLiteral("x")).toArray(), (QJsonArray{112, 208}));
        QCOMPARE(tileGrid.value(QStringLiteral("y")).toArray(), (QJsonArray{112}));
        QString labelsPath;
        for (const QJsonValue &r : summary.value(QStringLiteral("rasters")).toArray())
            if (r.toObject().value(QStringLiteral("name")).toString() == QLatin1String("labels"))
                labelsPath = r.toObject().value(QStringLiteral("path")).toString();
        QVERIFY2(QFileInfo::exists(labelsPath), qPrintable(labelsPath));

        // The stitched labels over the scene, fully opaque.
        ResultView *view = window.resultView();
        auto *mask = view->findChild<QCheckBox *>(QStringLiteral("maskCheck"));
        auto *opacity = view->findChild<QSlider *>(QStringLiteral("maskOpacity"));
        QVERIFY(mask && opacity && mask->isVisibleTo(view));
        opacity->setValue(100);
        mask->setChecked(true);
        SceneView *scene = window.imageView();
        scene->fitToWindow();
        // The whole scene was run: the overlay covers the picture.
        const QRectF over = scene->overlayRect();
        const QRect image = scene->imageRect();
        QVERIFY2(std::abs(over.left() - image.left()) <= 1 &&
                     std::abs(over.top() - image.top()) <= 1 &&
                     std::abs(over.width() - image.width()) <= 2 &&
                     std::abs(over.height() - image.height()) <= 2,
                 qPrintable(QStringLiteral("overlay %1,%2 %3x%4, picture %5,%6 %7x%8")
                                .arg(over.left())
                                .arg(over.top())
                                .arg(over.width())
                                .arg(over.height())
                                .arg(image.left())
                                .arg(image.top())
                                .arg(image.width())
                                .arg(image.height())));

        // A pixel inside a patch of one label in the raster: the overlay
        // shows that label's colour there.
        GDALAllRegister();
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(labelsPath.toUtf8().constData()));
        QVERIFY(ds);
        const int w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
        QCOMPARE(w, 128); // 2 scene pixels a label pixel
        std::vector<unsigned char> labels(size_t(w) * h);
        QCOMPARE(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, labels.data(), w, h, GDT_Byte,
                                                0, 0),
                 CE_None);
        QPoint found(-1, -1);
        for (int y = 3; y < h - 3 && found.x() < 0; ++y)
            for (int x = 3; x < w - 3 && found.x() < 0; ++x) {
                bool same = true;
                for (int dy = -3; dy <= 3; ++dy)
                    for (int dx = -3; dx <= 3; ++dx)
                        same = same &&
                               labels[size_t(y + dy) * w + x + dx] == labels[size_t(y) * w + x];
                if (same)
                    found = QPoint(x, y);
            }
        QVERIFY2(found.x() >= 0, "no uniform 7 x 7 patch of labels");
        const int label = labels[size_t(found.y()) * w + found.x()];
        const QImage grab = scene->viewport()->grab().toImage();
        const QPointF at = scene->mapFromImage(QPointF(found.x() * 2 + 1, found.y() * 2 + 1));
        const QColor shownColour = grab.pixelColor(at.toPoint());
        const QColor expected = labelColor(label);
        QVERIFY2(std::abs(shownColour.red() - expected.red()) <= 3 &&
                     std::abs(shownColour.green() - expected.green()) <= 3 &&
                     std::abs(shownColour.blue() - expected.blue()) <= 3,
                 qPrintable(QStringLiteral("label %1 at %2,%3: shown %4, expected %5")
                                .arg(label)
                                .arg(found.x())
                                .arg(found.y())
                                .arg(shownColour.name(), expected.name())));
        // Under the mouse: map coordinates, lat/lon, the label and the top-1 expert there.
        // (QTest::mouseMove does not reach an offscreen window: send the event.)
        QMouseEvent move(QEvent::MouseMove, at, scene->viewport()->mapToGlobal(at), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(scene->viewport(), &move);
        QTRY_VERIFY(!scene->readout().isEmpty());
        const QString readout = scene->readout();
        // The pixel the readout names: the one aimed at, give or take the
        // view's rounding when the scene is drawn smaller than 1:1.
        const QRegularExpressionMatch xy =
            QRegularExpression(QStringLiteral("x (\\d+)  y (\\d+)")).match(readout);
        QVERIFY2(xy.hasMatch(), qPrintable(readout));
        const int px = xy.captured(1).toInt();
        QVERIFY2(std::abs(px - (found.x() * 2 + 1)) <= 1 &&
                     std::abs(xy.captured(2).toInt() - (found.y() * 2 + 1)) <= 1,
                 qPrintable(readout));
        const double east = 400000 + (px + 0.5) * 10;
        QVERIFY2(readout.contains(QStringLiteral("map %1").arg(east, 0, 'f', 1)),
                 qPrintable(readout));
        QVERIFY2(readout.contains(QStringLiteral("lat 54.")), qPrintable(readout));
        const QString name = summary.value(QStringLiteral("classes"))
                                 .toArray()[label]
                                 .toObject()
                                 .value(QStringLiteral("label"))
                                 .toString();
        QVERIFY2(readout.contains(QStringLiteral("label ") + name), qPrintable(readout));
        QVERIFY2(readout.contains(QStringLiteral("top-1 expert")), qPrintable(readout));
        // The tile grid on demand: drawn on the edge between tiles' parts.
        auto *gridCheck = view->findChild<QCheckBox *>(QStringLiteral("tileGridCheck"));
        QVERIFY(gridCheck && gridCheck->isVisible());
        QVERIFY(!scene->tileGridVisible());
        // (A white line over a dark one: the lightest pixel across the edge.)
        const QPoint edge = scene->mapFromImage(QPointF(112, 40)).toPoint();
        auto lightestAcross = [&] {
            const QImage shown = scene->viewport()->grab().toImage();
            int best = 0;
            for (int dx = -3; dx <= 3; ++dx)
                best = std::max(best, shown.pixelColor(edge + QPoint(dx, 0)).lightness());
            return best;
        };
        const int before = lightestAcross();
        gridCheck->setChecked(true);
        QVERIFY(scene->tileGridVisible());
        const int on = lightestAcross();
        QVERIFY2(on > 200 && on > before,
                 qPrintable(QStringLiteral("lightness %1 -> %2").arg(before).arg(on)));
        gridCheck->setChecked(false);
        // The descriptors the router saw, as an overlay with its range, and
        // their values under the mouse.
        auto *shownMap = view->findChild<QComboBox *>(QStringLiteral("shownMapCombo"));
        QVERIFY(shownMap && shownMap->isVisible());
        const QJsonObject maps = summary.value(QStringLiteral("descriptor_maps")).toObject();
        const QJsonArray names = maps.value(QStringLiteral("names")).toArray();
        QCOMPARE(shownMap->count(), 1 + names.size());
        QVERIFY(names.size() >= 1);
        const QImage labelsShown = scene->viewport()->grab().toImage();
        shownMap->setCurrentIndex(1);
        Q_EMIT shownMap->activated(1);
        auto *maskLegend = view->findChild<QLabel *>(QStringLiteral("maskLegend"));
        QVERIFY2(maskLegend->text().startsWith(names[0].toString()),
                 qPrintable(maskLegend->text()));
        QVERIFY(scene->viewport()->grab().toImage() != labelsShown);
        QApplication::sendEvent(scene->viewport(), &move);
        QVERIFY2(scene->readout().contains(names[0].toString() + QLatin1Char(' ')),
                 qPrintable(scene->readout()));
        gridCheck->setChecked(true);
        QVERIFY(window.grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/sar-descriptor.png")));
        gridCheck->setChecked(false);
        shownMap->setCurrentIndex(0);
        Q_EMIT shownMap->activated(0);
        // The legend names the classes with their areas (10 m pixels).
        auto legends = view->findChildren<QLabel *>();
        bool km2 = false;
        for (QLabel *l : legends)
            km2 = km2 || l->text().contains(QStringLiteral("km²"));
        QVERIFY(km2);
        // The plugin's own view: areas per class, expert share per class.
        PluginViewDock *dock = window.pluginViewDock();
        QVERIFY(dock->isVisible());
        auto *classes = dock->findChild<QTableWidget *>(QStringLiteral("sarClassTable"));
        auto *experts = dock->findChild<QTableWidget *>(QStringLiteral("sarExpertTable"));
        QVERIFY(classes && experts);
        QCOMPARE(classes->rowCount(), 5);
        QVERIFY(classes->item(0, 2)->text().endsWith(QStringLiteral("km²")));
        QCOMPARE(experts->rowCount(), 6);
        QCOMPARE(experts->columnCount(), 5);
        QVERIFY(window.grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/sar-window.png")));

        // Stored with its summary and reopened without recomputing.
        const qint64 runId = result.runId;
        QVERIFY(runId > 0);
        QSignalSpy again(&window, &MainWindow::analysisShown);
        QVERIFY(window.reopenRun(runId));
        QVERIFY(again.size() == 1 || again.wait(30000));
        QCOMPARE(window.currentResult().runSummary.value(QStringLiteral("rasters")),
                 summary.value(QStringLiteral("rasters")));
    }

    // A scene's labels fill in while the tiles run: the window shows the
    // run's state so far (4 of 6 tiles, batch 4), then the finished run.
    void labelsFillInWhileTiling()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("sar-partial.sqlite")));
        QVERIFY(openWithModel(window));
        window.runController()->setSnapshotInterval(0);
        QJsonObject partialSummary;
        QImage partialPicture;
        qsizetype partialThumbnails = -1;
        auto thumbnails = [&] {
            return window.routingPanel()
                ->findChildren<QToolButton *>(QRegularExpression(QStringLiteral("^expertTile")))
                .size();
        };
        connect(&window, &MainWindow::partialShown, this, [&](int done, int total) {
            QCOMPARE(done, 4);
            QCOMPARE(total, 6);
            partialSummary = window.currentResult().runSummary;
            partialPicture = window.imageView()->grab().toImage();
            partialThumbnails = thumbnails();
        });
        QSignalSpy partial(&window, &MainWindow::partialShown);
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        window.runModel();
        QVERIFY2(shown.wait(120000), qPrintable(window.lastError()));
        QCOMPARE(partial.size(), 1);
        QCOMPARE(partialSummary.value(QStringLiteral("running")).toBool(), true);
        QCOMPARE(partialSummary.value(QStringLiteral("tiles")).toInt(), 4);
        QVERIFY(partialSummary.contains(QStringLiteral("segmentation")));
        const QJsonObject final = window.currentResult().runSummary;
        QCOMPARE(final.value(QStringLiteral("tiles")).toInt(), 6);
        QVERIFY(!final.contains(QStringLiteral("running")));
        // The last two tiles' labels arrived after the partial picture.
        QVERIFY(window.imageView()->grab().toImage() != partialPicture);
        // Expert thumbnails wait for the finished run (drawing them each
        // second stalled the window); then one per expert of the layer.
        QCOMPARE(partialThumbnails, 0);
        const int layer = window.routingPanel()->currentLayer();
        QCOMPARE(thumbnails(), qsizetype(window.currentResult().mosaic.at(size_t(layer)).experts));
    }

    // The product's display options in their dock: amplitude instead of dB
    // reads (and stretches) the same pixel as amplitude; a speckle filter
    // changes the picture.
    void displayFromTheDock()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("sar-display.sqlite")));
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(&window, &MainWindow::imageLoaded);
        window.openImage(kScene);
        QVERIFY(loaded.wait(60000));
        OptionsDock *dock = window.displayOptionsDock();
        QVERIFY(dock->isVisible());
        auto *quantity = dock->findChild<QComboBox *>(QStringLiteral("displayOption_quantity"));
        auto *filter = dock->findChild<QComboBox *>(QStringLiteral("displayOption_filter"));
        QVERIFY(quantity && filter);
        QCOMPARE(quantity->currentText(), QStringLiteral("dB"));

        SceneView *scene = window.imageView();
        const QPointF at = scene->mapFromImage(QPointF(100.5, 60.5));
        auto valueUnderMouse = [&] {
            scene->setReadout({});
            QMouseEvent move(QEvent::MouseMove, at, scene->viewport()->mapToGlobal(at),
                             Qt::NoButton, Qt::NoButton, Qt::NoModifier);
            QApplication::sendEvent(scene->viewport(), &move);
            const QRegularExpression value(QStringLiteral("value (-?[0-9.e+-]+)"));
            const QRegularExpressionMatch m = value.match(scene->readout());
            return m.hasMatch() ? m.captured(1).toDouble() : qQNaN();
        };
        const double db = valueUnderMouse();
        QVERIFY2(!qIsNaN(db), qPrintable(scene->readout()));
        auto settle = [&] {
            (void)QTest::qWaitFor([&] { return scene->tilesIdle(); }, 20000);
            return scene->grab().toImage();
        };
        const QImage inDb = settle();

        quantity->setCurrentText(QStringLiteral("amplitude"));
        const double amplitude = valueUnderMouse();
        QVERIFY2(std::abs(amplitude - std::pow(10.0, db / 20)) < 1e-3 * amplitude,
                 qPrintable(QStringLiteral("%1 dB shown as amplitude %2").arg(db).arg(amplitude)));
        const QImage inAmplitude = settle();
        QVERIFY(inAmplitude != inDb);

        filter->setCurrentText(QStringLiteral("refined-lee"));
        const QImage filtered = settle();
        QVERIFY(filtered != inAmplitude);
        QVERIFY(window.grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/sar-display.png")));
    }

    // The plugin's declared run options, set in the dock: a speckle filter
    // and a region drawn on the image, run alone.
    void regionAndFilterFromTheDock()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("sar-region.sqlite")));
        QVERIFY(openWithModel(window));
        OptionsDock *dock = window.runOptionsDock();
        QVERIFY(dock->isVisible());
        auto *filter = dock->findChild<QComboBox *>(QStringLiteral("runOption_filter"));
        auto *band = dock->findChild<QComboBox *>(QStringLiteral("runOption_bands"));
        QVERIFY(filter && band);
        QCOMPARE(band->itemText(1), QStringLiteral("Sigma0_VV"));
        filter->setCurrentText(QStringLiteral("lee"));
        QPushButton *draw = nullptr;
        for (QPushButton *b : dock->findChildren<QPushButton *>())
            if (b->isCheckable())
                draw = b;
        QVERIFY(draw);
        draw->setChecked(true);
        SceneView *scene = window.imageView();
        scene->fitToWindow();
        QWidget *viewport = scene->viewport();
        const QPoint from = scene->mapFromImage(QPointF(10.5, 20.5)).toPoint();
        const QPoint to = scene->mapFromImage(QPointF(150.5, 140.5)).toPoint();
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        QTest::mouseMove(viewport, (from + to) / 2);
        QTest::mouseMove(viewport, to);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
        const QVariantMap values = dock->values();
        QVERIFY2(values.contains(QStringLiteral("region")), "no region drawn");
        QCOMPARE(values.value(QStringLiteral("filter")).toString(), QStringLiteral("lee"));

        QSignalSpy shown(&window, &MainWindow::analysisShown);
        window.runModel();
        QVERIFY2(shown.wait(120000), qPrintable(window.lastError()));
        const QJsonObject summary = window.currentResult().runSummary;
        QCOMPARE(summary.value(QStringLiteral("filter")).toString(), QStringLiteral("lee"));
        const QJsonArray region = summary.value(QStringLiteral("region")).toArray();
        // As drawn, its size rounded up to whole tokens (8 pixels).
        QVERIFY2(std::abs(region[0].toInt() - 10) <= 2 && std::abs(region[1].toInt() - 20) <= 2 &&
                     region[2].toInt() % 8 == 0 && region[3].toInt() % 8 == 0 &&
                     std::abs(region[2].toInt() - 140) <= 8 &&
                     std::abs(region[3].toInt() - 120) <= 8,
                 QJsonDocument(region).toJson().constData());
        QCOMPARE(summary.value(QStringLiteral("tiles")).toInt(),
                 2); // 140 x 120: 2 x 1 tiles of 128
        // The overlay lies over the region only.
        QCOMPARE(scene->modelRegion(),
                 QRect(region[0].toInt(), region[1].toInt(), region[2].toInt(), region[3].toInt()));
        QVERIFY(window.grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/sar-region.png")));
    }
};

QTEST_MAIN(TestSarGui)
#include "tst_sargui.moc"
