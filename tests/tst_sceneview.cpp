// The one image view: fit, zoom (wheel, keys) about the mouse, pan, the
// pixel under the mouse, overlays staying on their image pixels after zoom
// and pan, two views linked, and a 30,000 × 30,000 scene read by region drawn
// from a few tiles at the level of detail the zoom needs.
#include "sceneview.h"

#include <QApplication>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <atomic>
#include <cmath>

using namespace moescope;
using namespace moescope::gui;

namespace {

// A 256 × 128 picture whose pixel (x, y) has red x and green y (values 0..255).
QImage ramp()
{
    QImage image(256, 128, QImage::Format_RGB32);
    for (int y = 0; y < 128; ++y)
        for (int x = 0; x < 256; ++x)
            image.setPixel(x, y, qRgb(x, y * 2, 0));
    return image;
}

void move(SceneView *view, QPointF at, Qt::MouseButtons buttons = Qt::NoButton)
{
    QMouseEvent e(QEvent::MouseMove, at, view->viewport()->mapToGlobal(at), Qt::NoButton, buttons,
                  Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &e);
}

void press(SceneView *view, QPointF at, Qt::MouseButton button, QEvent::Type type)
{
    QMouseEvent e(type, at, view->viewport()->mapToGlobal(at), button,
                  type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::MouseButtons(button),
                  Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &e);
}

void wheel(SceneView *view, QPointF at, int notches, Qt::KeyboardModifiers modifiers = {})
{
    QWheelEvent e(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches),
                  Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &e);
}

// A scene of any size computed on demand; counts its reads.
class StripesSource final : public SceneSource
{
public:
    explicit StripesSource(QSize size) : m_size(size) {}
    QString path() const override { return QStringLiteral("stripes"); }
    QSize size() const override { return m_size; }
    int bands() const override { return 1; }
    QByteArray sha256() const override { return QByteArray(64, 'b'); }
    // 255 on columns x with (x / 1000) odd, 0 elsewhere.
    static float value(int x, int) { return (x / 1000) % 2 ? 255.f : 0.f; }
    bool read(int, const QRect &region, const QSize &out, Raster *raster, QString *) const override
    {
        ++reads;
        readNearest(
            m_size, 1, region, out, [](int x, int y, int) { return value(x, y); }, raster);
        return true;
    }
    mutable std::atomic_int reads{0};

private:
    QSize m_size;
};

} // namespace

class TestSceneView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fitsAndReadsThePixelUnderTheMouse_data()
    {
        QTest::addColumn<double>("zoom");
        QTest::addColumn<QPointF>("center");
        QTest::newRow("fitted") << 1.0 << QPointF(0.5, 0.5);
        QTest::newRow("zoomed 4x on the left") << 4.0 << QPointF(0.25, 0.5);
        QTest::newRow("zoomed 9.5x low right") << 9.5 << QPointF(0.8, 0.7);
    }
    void fitsAndReadsThePixelUnderTheMouse()
    {
        QFETCH(double, zoom);
        QFETCH(QPointF, center);
        SceneView view;
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setImage(ramp(), 1.0);
        QVERIFY(view.isFitted());
        QVERIFY(std::abs(view.imageRect().width() - 592) <= 1); // 8 px margin, width-bound
        view.setView(zoom, center);
        QCOMPARE(view.zoom(), zoom);
        QSignalSpy pixel(&view, &SceneView::pixelHovered);
        // Each probe: the image point put under the mouse reads back as its pixel,
        // and the picture drawn there is that pixel.
        const QImage shot = view.grab().toImage();
        for (const QPointF imagePoint : {QPointF(100.5, 60.5), QPointF(200.5, 90.5)}) {
            const QPointF at = view.mapFromImage(imagePoint);
            if (!view.viewport()->rect().contains(at.toPoint()))
                continue;
            move(&view, at);
            QCOMPARE(pixel.last().first().toPoint(),
                     QPoint(int(imagePoint.x()), int(imagePoint.y())));
            if (zoom > 2) { // a whole screen pixel inside one image pixel
                const QRgb drawn = shot.pixel(at.toPoint());
                QCOMPARE(qRed(drawn), int(imagePoint.x()));
                QCOMPARE(qGreen(drawn), int(imagePoint.y()) * 2);
            }
        }
        move(&view, QPointF(2, 2)); // the margin, outside the picture when fitted
        if (zoom == 1.0)
            QCOMPARE(pixel.last().first().toPoint(), QPoint(-1, -1));
    }

    // The wheel zooms about the mouse: the image point under it stays there.
    void wheelZoomsAboutTheMouse()
    {
        SceneView view;
        view.resize(500, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setImage(ramp(), 1.0);
        QSignalSpy changed(&view, &SceneView::viewChanged);
        const QPointF at(150, 230);
        const QPointF before = view.mapToImage(at);
        const double scale = view.scaleFactor();
        wheel(&view, at, 3);
        QVERIFY(!view.isFitted());
        QVERIFY(std::abs(view.scaleFactor() / scale - std::pow(1.25, 3)) < 1e-9);
        const QPointF after = view.mapToImage(at);
        QVERIFY2(QLineF(before, after).length() < 1.0 / view.scaleFactor() + 1e-6,
                 qPrintable(QStringLiteral("%1,%2 → %3,%4")
                                .arg(before.x())
                                .arg(before.y())
                                .arg(after.x())
                                .arg(after.y())));
        QVERIFY(!changed.isEmpty());
        // Keys: 0 fits, 1 is one screen pixel per image pixel, + and - zoom.
        QTest::keyClick(&view, Qt::Key_1);
        QCOMPARE(view.scaleFactor(), 1.0);
        QTest::keyClick(&view, Qt::Key_Plus);
        QCOMPARE(view.scaleFactor(), 1.25);
        QTest::keyClick(&view, Qt::Key_0);
        QVERIFY(view.isFitted());
        // Steps mode: the wheel steps (slices), Ctrl+wheel still zooms.
        view.setWheelAction(SceneView::WheelAction::Steps);
        QSignalSpy steps(&view, &SceneView::wheelSteps);
        wheel(&view, at, -2);
        QCOMPARE(steps.size(), 1);
        QCOMPARE(steps.first().first().toInt(), 2);
        QVERIFY(view.isFitted());
        wheel(&view, at, 1, Qt::ControlModifier);
        QVERIFY(!view.isFitted());
    }

    // Left-drag pans by exactly the mouse's travel; right-drag is window/level.
    void dragPansAndRightDragLevels()
    {
        SceneView view;
        view.resize(400, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setImage(ramp(), 1.0);
        view.setView(4.0, QPointF(0.5, 0.5));
        const QPointF probe = view.mapFromImage(QPointF(128, 64));
        press(&view, QPointF(200, 200), Qt::LeftButton, QEvent::MouseButtonPress);
        move(&view, QPointF(240, 170), Qt::LeftButton);
        press(&view, QPointF(240, 170), Qt::LeftButton, QEvent::MouseButtonRelease);
        const QPointF moved = view.mapFromImage(QPointF(128, 64));
        QCOMPARE(moved - probe, QPointF(40, -30));
        QSignalSpy level(&view, &SceneView::windowDragged);
        press(&view, QPointF(100, 100), Qt::RightButton, QEvent::MouseButtonPress);
        move(&view, QPointF(110, 95), Qt::RightButton);
        QCOMPARE(level.size(), 1);
        QCOMPARE(level.first().at(0).toInt(), 10);
        QCOMPARE(level.first().at(1).toInt(), -5);
        QCOMPARE(view.mapFromImage(QPointF(128, 64)), moved); // no pan
    }

    // The overlay, the token grid and the selection lie on the same image
    // pixels whatever the zoom: a pixel in the overlay's corner cell is drawn
    // in the overlay's colour, one pixel outside the model region is not.
    void overlaysStayOnTheirPixels()
    {
        SceneView view;
        view.resize(520, 380);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setImage(ramp(), 1.0);
        const QRect region(64, 32, 128, 64);
        view.setModelRegion(region);
        QImage overlay(4, 2, QImage::Format_RGB32);
        overlay.fill(qRgb(0, 0, 255));
        view.setOverlay(overlay, 1.0);
        view.setTokenGrid(2, 4);
        for (const double zoom : {1.0, 3.0, 7.0}) {
            view.setView(zoom, QPointF(0.3, 0.35));
            const QImage shot = view.grab().toImage();
            const QRectF on = view.overlayRect();
            QCOMPARE(on.topLeft(), view.mapFromImage(QPointF(region.topLeft())));
            const QPoint inside =
                view.mapFromImage(QPointF(region.x() + 1.5, region.y() + 1.5)).toPoint();
            const QPoint outside =
                view.mapFromImage(QPointF(region.x() - 1.5, region.y() + 1.5)).toPoint();
            if (shot.rect().contains(inside))
                QCOMPARE(qBlue(shot.pixel(inside)), 255);
            if (shot.rect().contains(outside))
                QCOMPARE(qBlue(shot.pixel(outside)), 0);
            QSignalSpy token(&view, &SceneView::tokenHovered);
            move(&view, view.mapFromImage(QPointF(region.right() - 2.5, region.bottom() - 2.5)));
            QCOMPARE(token.last().at(0).toInt(), 1); // row
            QCOMPARE(token.last().at(1).toInt(), 3); // col
        }
        // Region selection reports image pixels, zoomed or not.
        view.setView(2.0, QPointF(0.5, 0.5));
        view.setRegionSelection(true);
        QSignalSpy selected(&view, &SceneView::regionSelected);
        const QPointF a = view.mapFromImage(QPointF(100, 50)),
                      b = view.mapFromImage(QPointF(140, 80));
        press(&view, a, Qt::LeftButton, QEvent::MouseButtonPress);
        move(&view, b, Qt::LeftButton);
        press(&view, b, Qt::LeftButton, QEvent::MouseButtonRelease);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().first().toRect(),
                 QRect(QPoint(100, 50), QPoint(140, 80)).normalized());
    }

    void linkedViewsFollow()
    {
        SceneView left, right;
        for (SceneView *v : {&left, &right}) {
            v->resize(300, 300);
            v->setImage(ramp(), 1.0);
        }
        connect(&left, &SceneView::viewChanged, &right, &SceneView::setView);
        connect(&right, &SceneView::viewChanged, &left, &SceneView::setView);
        left.setView(3.0, QPointF(0.3, 0.6));
        QCOMPARE(right.zoom(), 3.0);
        QCOMPARE(right.center(), QPointF(0.3, 0.6));
        wheel(&right, QPointF(150, 150), 1);
        QCOMPARE(left.zoom(), right.zoom());
    }

    // 30,000² pixels would be 3.4 GiB as floats: the view draws it from an
    // overview and a handful of tiles at the level of detail of the zoom,
    // and what it draws after zooming in is the scene's own pixels.
    void hugeSceneDrawnFromTiles()
    {
        auto source = QSharedPointer<StripesSource>::create(QSize(30000, 30000));
        SceneView view;
        view.resize(640, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSource(source, 0, WindowLevel{127.5, 255});
        QCOMPARE(view.pictureSize(), QSize(30000, 30000));
        const int overviewReads = source->reads;
        QCOMPARE(overviewReads, 1);
        view.viewport()->repaint();
        QTRY_VERIFY_WITH_TIMEOUT(view.tilesIdle(), 20000);
        // Fitted, the overview (512²) is as sharp as the screen: no tiles.
        QVERIFY2(view.tileReads() <= 4, qPrintable(QString::number(view.tileReads())));

        // 1:1 at x = 2000.5 (a stripe edge at 2000): a screen's worth of tiles.
        view.actualSize();
        view.setView(view.zoom(), QPointF(2000.5 / 30000, 0.5));
        view.viewport()->repaint();
        QTRY_VERIFY_WITH_TIMEOUT(view.tilesIdle() && view.tileReads() > 0, 20000);
        view.viewport()->repaint();
        QTRY_VERIFY_WITH_TIMEOUT(view.tilesIdle(), 20000);
        const int reads = view.tileReads();
        QVERIFY2(reads <= 16, qPrintable(QString::number(reads))); // 640×480 at 1:1: ≤ 4×3 tiles
        const QImage shot = view.grab().toImage();
        // Pixels a screen pixel either side of the stripe edge at x = 2000.
        for (const double x : {1990.5, 1998.5, 2001.5, 2010.5}) {
            const QPointF p = view.mapFromImage(QPointF(x, 15000.5));
            const QPoint at(int(std::floor(p.x())), int(std::floor(p.y())));
            QCOMPARE(qGray(shot.pixel(at)), int(StripesSource::value(int(x), 0)));
        }
    }
};

QTEST_MAIN(TestSceneView)
#include "tst_sceneview.moc"
