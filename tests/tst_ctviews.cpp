// The window's views of a CT series as a user meets them: a folder of two series asks which
// one to open; window presets and a right-drag change how the slices are drawn; the wheel
// steps through slices; the plane combo shows the series cut coronally and sagittally, and a
// run goes to the frames shown. Series are written by the test (tests/testdicom.h).
#include "cineplayer.h"
#include "image/imageloader.h"
#include "image/reslice.h"
#include "mainwindow.h"
#include "sceneview.h"
#include "seriesdialog.h"
#include "testdicom.h"

#include <QApplication>
#include <QComboBox>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace moescope;
using namespace moescope::gui;

namespace {

const QString kAxialUid = QStringLiteral("1.2.826.0.1.3680043.10.543.20");
const QString kScoutUid = QStringLiteral("1.2.826.0.1.3680043.10.543.10");

// 5 axial slices of 8 rows × 6 columns, 2.5 mm apart, pixel spacing 0.5 mm; and a 3-slice
// 4 × 4 scout.
bool writeTwoSeries(const QString &dir)
{
    for (int i = 0; i < 5; ++i) {
        testing::CtSlice s;
        s.seriesUid = kAxialUid;
        s.instance = i + 1;
        s.z = 2.5 * i;
        if (!testing::writeCtSlice(dir + QStringLiteral("/ax%1.dcm").arg(i), s))
            return false;
    }
    for (int i = 0; i < 3; ++i) {
        testing::CtSlice s;
        s.seriesUid = kScoutUid;
        s.description = QStringLiteral("Scout");
        s.instance = 10 + i;
        s.z = 100 + 5.0 * i;
        s.rows = s.columns = 4;
        if (!testing::writeCtSlice(dir + QStringLiteral("/sc%1.dcm").arg(i), s))
            return false;
    }
    return true;
}

void rightDrag(QWidget *view, QPoint from, QPoint to)
{
    QMouseEvent press(QEvent::MouseButtonPress, from, view->mapToGlobal(from), Qt::RightButton,
                      Qt::RightButton, Qt::NoModifier);
    QApplication::sendEvent(view, &press);
    QMouseEvent move(QEvent::MouseMove, to, view->mapToGlobal(to), Qt::NoButton, Qt::RightButton,
                     Qt::NoModifier);
    QApplication::sendEvent(view, &move);
    QMouseEvent release(QEvent::MouseButtonRelease, to, view->mapToGlobal(to), Qt::RightButton,
                        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view, &release);
}

} // namespace

class TestCtViews : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_series;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        m_series = m_tmp.filePath(QStringLiteral("two-series"));
        QVERIFY(QDir().mkpath(m_series));
        QVERIFY(writeTwoSeries(m_series));
    }

    void aFolderOfTwoSeriesAsksWhichOne()
    {
        MainWindow window(m_tmp.filePath(QStringLiteral("ask.sqlite")));
        window.show();
        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        window.openImage(m_series);
        SeriesDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = window.findChild<SeriesDialog *>(QStringLiteral("seriesDialog"))), 30000);
        QVERIFY(opened.isEmpty()); // nothing opened before the choice
        QTableWidget *table = dialog->table();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->currentRow(), 0); // the largest preselected
        QCOMPARE(dialog->chosenUid(), kAxialUid);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("5"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("6 × 8"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("Scout (1)"));
        QCOMPARE(table->item(1, 4)->text(), kScoutUid);

        table->selectRow(1);
        dialog->accept();
        QVERIFY(opened.wait(30000));
        const ImageStack *shown = window.displayedImage();
        QVERIFY(shown);
        QCOMPARE(shown->seriesUid, kScoutUid);
        QCOMPARE(shown->frameCount, 3);
        QVERIFY(shown->warnings.isEmpty());
        QCOMPARE(window.imageView()->image().size(), QSize(4, 4));
        QCOMPARE(window.player()->frameCount(), 3);
    }

    void presetsDragWheelAndPlanes()
    {
        MainWindow window(m_tmp.filePath(QStringLiteral("views.sqlite")));
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        window.openImage(m_series, LoadOptions{kAxialUid}); // chosen: no question
        QVERIFY(opened.wait(30000));
        QVERIFY(!window.findChild<SeriesDialog *>());
        SceneView *view = window.imageView();
        QCOMPARE(view->image().size(), QSize(6, 8));
        QCOMPARE(window.player()->frameCount(), 5);

        LoadError error;
        const auto stack = ImageLoader::load(m_series, LoadOptions{kAxialUid}, &error);
        QVERIFY2(stack, qPrintable(error.message()));

        // Presets: "From file", the five CT presets, "Custom".
        auto *presets = window.findChild<QComboBox *>(QStringLiteral("windowPresetCombo"));
        QVERIFY(presets);
        QTRY_VERIFY(presets->isVisible()); // once the tool bar has laid it out
        QCOMPARE(presets->count(), 7);
        QCOMPARE(presets->itemText(0), QStringLiteral("From file"));
        QCOMPARE(presets->itemText(6), QStringLiteral("Custom"));
        QVERIFY(!window.displayWindow().valid()); // the file's 40/400
        QCOMPARE(view->image(), stack->toQImage(0, {40, 400}));
        presets->setCurrentIndex(presets->findData(QStringLiteral("lung")));
        QCOMPARE(window.displayWindow().center, -600.0);
        QCOMPARE(window.displayWindow().width, 1500.0);
        QCOMPARE(view->image(), stack->toQImage(0, {-600, 1500}));
        QVERIFY(view->image() != stack->toQImage(0, {40, 400}));
        presets->setCurrentIndex(presets->findData(QStringLiteral("bone")));
        QCOMPARE(window.displayWindow().center, 400.0);
        QCOMPARE(window.displayWindow().width, 1800.0);
        presets->setCurrentIndex(0);
        QVERIFY(!window.displayWindow().valid());

        // Right-drag: right widens, down raises the level; the combo says Custom.
        const QPoint centre = view->imageRect().center();
        rightDrag(view->viewport(), centre, centre + QPoint(30, -20));
        const WindowLevel dragged = window.displayWindow();
        QVERIFY(dragged.valid());
        QVERIFY2(dragged.width > 400, qPrintable(QString::number(dragged.width)));
        QVERIFY2(dragged.center < 40, qPrintable(QString::number(dragged.center)));
        QCOMPARE(presets->currentText(), QStringLiteral("Custom"));
        QCOMPARE(view->image(), stack->toQImage(0, dragged));

        // The wheel steps through slices: towards the user is the next one.
        const QPointF at(centre);
        QWheelEvent wheel(at, view->mapToGlobal(at), QPoint(), QPoint(0, -240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QCOMPARE(window.player()->frame(), 2);
        QCOMPARE(view->image(), stack->toQImage(2, dragged)); // the custom window stays

        // Planes: coronal is 6 wide × 5 slices high, one frame per row (8); sagittal is
        // 8 wide × 5 high, one frame per column (6).
        auto *planes = window.findChild<QComboBox *>(QStringLiteral("planeCombo"));
        QVERIFY(planes && planes->isEnabled());
        QTRY_VERIFY(planes->isVisible());
        planes->setCurrentIndex(planes->findData(int(SlicePlane::Coronal)));
        QCOMPARE(window.plane(), SlicePlane::Coronal);
        QCOMPARE(view->image().size(), QSize(6, 5));
        QCOMPARE(window.player()->frameCount(), 8);
        QCOMPARE(window.player()->frame(), 4);
        const ImageStack coronal = reslice(*stack, SlicePlane::Coronal);
        QCOMPARE(view->image(), coronal.toQImage(4, dragged));
        QCOMPARE(view->pixelAspect(), 2.5 / 0.5); // 2.5 mm slices under 0.5 mm pixels
        planes->setCurrentIndex(planes->findData(int(SlicePlane::Sagittal)));
        QCOMPARE(view->image().size(), QSize(8, 5));
        QCOMPARE(window.player()->frameCount(), 6);
        planes->setCurrentIndex(planes->findData(int(SlicePlane::Axial)));
        QCOMPARE(view->image().size(), QSize(6, 8));
        QCOMPARE(window.player()->frameCount(), 5);
        QCOMPARE(view->pixelAspect(), 1.0);
    }

    void aRunGoesToTheFramesShown()
    {
        MainWindow window(m_tmp.filePath(QStringLiteral("run.sqlite")));
        window.resize(1400, 900);
        window.show();
        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        window.openImage(m_series, LoadOptions{kAxialUid});
        QVERIFY(opened.wait(30000));
        auto *planes = window.findChild<QComboBox *>(QStringLiteral("planeCombo"));
        QVERIFY(planes);
        planes->setCurrentIndex(planes->findData(int(SlicePlane::Sagittal)));
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        window.selectModel(QStringLiteral("moe-vit-shapes-tiny"));
        window.runModel();
        QVERIFY2(shown.wait(120000), qPrintable(window.lastError()));
        const AnalysisResult &result = window.currentResult();
        QCOMPARE(result.stepCount, 6); // the sagittal frames, not the 5 axial slices
        QCOMPARE(result.imageSha256, QString::fromLatin1(window.displayedImage()->sha256));
    }

    void aStoredRunReopensInItsSeriesAndPlane()
    {
        // A run on the sagittal cut of the smaller series: reopened later,
        // with another series on screen, it must come back on the frames it
        // was made on (the folder's other series, cut sagittally), not on the
        // largest series in axial.
        MainWindow window(m_tmp.filePath(QStringLiteral("reopen.sqlite")));
        window.resize(1400, 900);
        window.show();
        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        window.openImage(m_series, LoadOptions{kScoutUid});
        QVERIFY(opened.wait(30000));
        auto *planes = window.findChild<QComboBox *>(QStringLiteral("planeCombo"));
        QVERIFY(planes);
        planes->setCurrentIndex(planes->findData(int(SlicePlane::Sagittal)));
        const QByteArray sagittalSha = window.displayedImage()->sha256;
        const int sagittalFrames = window.displayedImage()->frameCount;
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        window.selectModel(QStringLiteral("moe-vit-shapes-tiny"));
        window.runModel();
        QVERIFY2(shown.wait(120000), qPrintable(window.lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(window.currentResult().runId > 0, 30000);
        const qint64 runId = window.currentResult().runId;

        window.openImage(m_series, LoadOptions{kAxialUid});
        QVERIFY(opened.wait(30000));
        QCOMPARE(window.displayedImage()->seriesUid, kAxialUid);
        QCOMPARE(window.plane(), SlicePlane::Axial);

        shown.clear();
        QVERIFY(window.reopenRun(runId));
        QVERIFY(opened.wait(30000));
        QTRY_VERIFY(!shown.isEmpty());
        QCOMPARE(window.displayedImage()->seriesUid, kScoutUid);
        QCOMPARE(window.plane(), SlicePlane::Sagittal);
        QCOMPARE(window.displayedImage()->sha256, sagittalSha);
        QCOMPARE(window.player()->frameCount(), sagittalFrames);
        QCOMPARE(window.currentResult().runId, runId);
        QCOMPARE(window.currentResult().imageSha256, QString::fromLatin1(sagittalSha));
    }

    void aSingleImageHasNoSliceControls()
    {
        const QString path = m_tmp.filePath(QStringLiteral("flat.png"));
        QImage picture(32, 16, QImage::Format_Grayscale8);
        picture.fill(100);
        QVERIFY(picture.save(path));
        MainWindow window(m_tmp.filePath(QStringLiteral("flat.sqlite")));
        window.show();
        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        window.openImage(path);
        QVERIFY(opened.wait(30000));
        auto *presets = window.findChild<QComboBox *>(QStringLiteral("windowPresetCombo"));
        QVERIFY(presets);
        QTest::qWait(100); // the tool bar lays out what it shows
        QVERIFY(!presets->isVisible());
        const QImage before = window.imageView()->image();
        const QPoint centre = window.imageView()->imageRect().center();
        rightDrag(window.imageView()->viewport(), centre, centre + QPoint(50, 50));
        QVERIFY(!window.displayWindow().valid());
        QCOMPARE(window.imageView()->image(), before);
    }
};

QTEST_MAIN(TestCtViews)
#include "tst_ctviews.moc"
