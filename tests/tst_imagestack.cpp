// ImageStack itself: frame access, the effective window, and rendering to
// QImage (windowing, thumbnails of a region, MONOCHROME1, RGB unchanged).
#include "image/image.h"

#include <QImage>
#include <QtTest>

#include <cmath>

using namespace moescope;

class TestImageStack : public QObject
{
    Q_OBJECT

private slots:
    void frameAccess();
    void effectiveWindow_data();
    void effectiveWindow();
    void toQImageWindowing();
    void toQImageThumbnail_data();
    void toQImageThumbnail();
    void toQImageMonochrome1();
    void toQImageRgbUnchanged();
};

void TestImageStack::frameAccess()
{
    ImageStack s;
    QVERIFY(s.isEmpty());
    QVERIFY(s.frame(0) == nullptr);
    QVERIFY(s.toQImage(0).isNull());
    s.width = 3;
    s.height = 2;
    s.channels = 1;
    s.frameCount = 2;
    for (int i = 0; i < 12; ++i)
        s.samples.push_back(float(i));
    s.updateRange();
    QVERIFY(!s.isEmpty());
    QCOMPARE(s.frameSamples(), size_t(6));
    QCOMPARE(s.frame(1)[0], 6.0f);
    QCOMPARE(s.sample(1, 2, 1), 11.0f);
    QVERIFY(s.frame(2) == nullptr);
    QVERIFY(s.frame(-1) == nullptr);
    QCOMPARE(s.minValue, 0.0f);
    QCOMPARE(s.maxValue, 11.0f);
    QVERIFY(s.toQImage(2).isNull());
}

void TestImageStack::effectiveWindow_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<double>("fileCenter");
    QTest::addColumn<double>("fileWidth");
    QTest::addColumn<float>("minValue");
    QTest::addColumn<float>("maxValue");
    QTest::addColumn<double>("center");
    QTest::addColumn<double>("width");

    QTest::newRow("file window wins") << 1 << 40.0 << 400.0 << -1024.0f << 3000.0f << 40.0 << 400.0;
    QTest::newRow("gray: min..max") << 1 << 0.0 << 0.0 << -1000.0f << 1000.0f << 0.0 << 2000.0;
    QTest::newRow("rgb 8-bit: 0..255") << 3 << 0.0 << 0.0 << 10.0f << 200.0f << 127.5 << 255.0;
    QTest::newRow("rgb 16-bit: 0..65535")
        << 3 << 0.0 << 0.0 << 0.0f << 65535.0f << 32767.5 << 65535.0;
    QTest::newRow("constant image") << 1 << 0.0 << 0.0 << 7.0f << 7.0f << 7.0 << 1.0;
}

void TestImageStack::effectiveWindow()
{
    QFETCH(int, channels);
    QFETCH(double, fileCenter);
    QFETCH(double, fileWidth);
    QFETCH(float, minValue);
    QFETCH(float, maxValue);
    QFETCH(double, center);
    QFETCH(double, width);
    ImageStack s;
    s.channels = channels;
    s.window = {fileCenter, fileWidth};
    s.minValue = minValue;
    s.maxValue = maxValue;
    const WindowLevel wl = s.effectiveWindow();
    QCOMPARE(wl.center, center);
    QCOMPARE(wl.width, width);
    QVERIFY(wl.valid());
}

void TestImageStack::toQImageWindowing()
{
    ImageStack s;
    s.width = 5;
    s.height = 1;
    s.frameCount = 1;
    s.samples = {-200.f, 0.f, 50.f, 100.f, 400.f};
    s.updateRange();
    // Window 0..100: below → 0, above → 255, linear between.
    const QImage img = s.toQImage(0, {50, 100});
    QCOMPARE(img.format(), QImage::Format_Grayscale8);
    QCOMPARE(img.size(), QSize(5, 1));
    const uchar *line = img.constScanLine(0);
    QCOMPARE(int(line[0]), 0);
    QCOMPARE(int(line[1]), 0);
    QCOMPARE(int(line[2]), 128); // 127.5 rounds up
    QCOMPARE(int(line[3]), 255);
    QCOMPARE(int(line[4]), 255);
    // No window: min..max.
    const QImage auto_ = s.toQImage(0);
    QCOMPARE(int(auto_.constScanLine(0)[0]), 0);
    QCOMPARE(int(auto_.constScanLine(0)[4]), 255);
    QCOMPARE(int(auto_.constScanLine(0)[1]), int(std::lround(200.0 / 600.0 * 255)));
}

// A region at most maxSide a side, each pixel its nearest sample, windowed
// like the full rendering: on a pattern where neighbours differ in both
// directions, every pixel must read back the sample under its centre.
void TestImageStack::toQImageThumbnail_data()
{
    QTest::addColumn<QRect>("region");
    QTest::addColumn<int>("maxSide");
    QTest::addColumn<QSize>("size");
    QTest::newRow("whole, halved") << QRect() << 100 << QSize(100, 50);
    QTest::newRow("region, smaller than maxSide") << QRect(10, 20, 30, 40) << 100 << QSize(30, 40);
    QTest::newRow("region, scaled") << QRect(50, 0, 150, 60) << 50 << QSize(50, 20);
    QTest::newRow("clipped to the frame") << QRect(180, 90, 50, 50) << 100 << QSize(20, 10);
}

void TestImageStack::toQImageThumbnail()
{
    QFETCH(QRect, region);
    QFETCH(int, maxSide);
    QFETCH(QSize, size);
    ImageStack s;
    s.width = 200;
    s.height = 100;
    s.frameCount = 1;
    for (int y = 0; y < s.height; ++y)
        for (int x = 0; x < s.width; ++x)
            s.samples.push_back(float((x * 7 + y * 13) % 256));
    s.updateRange();
    const WindowLevel wl{127.5, 255}; // 0..255 as it is
    const QImage full = s.toQImage(0, wl);
    const QImage thumb = s.toQImage(0, wl, region, maxSide);
    QCOMPARE(thumb.size(), size);
    const QRect r =
        region.isValid() ? region.intersected(QRect(0, 0, 200, 100)) : QRect(0, 0, 200, 100);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x) {
            const int sx = r.x() + int((x + 0.5) * r.width() / size.width());
            const int sy = r.y() + int((y + 0.5) * r.height() / size.height());
            QCOMPARE(thumb.pixelColor(x, y), full.pixelColor(sx, sy));
        }
    }
}

void TestImageStack::toQImageMonochrome1()
{
    ImageStack s;
    s.width = 2;
    s.height = 1;
    s.frameCount = 1;
    s.samples = {0.f, 100.f};
    s.updateRange();
    s.photometric = QStringLiteral("MONOCHROME2");
    QCOMPARE(int(s.toQImage(0).constScanLine(0)[0]), 0);
    s.photometric = QStringLiteral("MONOCHROME1"); // low values display bright
    QCOMPARE(int(s.toQImage(0).constScanLine(0)[0]), 255);
    QCOMPARE(int(s.toQImage(0).constScanLine(0)[1]), 0);
    QCOMPARE(s.samples[0], 0.f); // samples themselves are not inverted
}

void TestImageStack::toQImageRgbUnchanged()
{
    QImage photo(7, 3, QImage::Format_RGB888);
    for (int y = 0; y < photo.height(); ++y)
        for (int x = 0; x < photo.width(); ++x)
            photo.setPixelColor(x, y, QColor(x * 37 % 256, y * 91 % 256, (x * y * 13 + 5) % 256));
    const ImageStack s = ImageStack::fromQImage(photo);
    QCOMPARE(s.channels, 3);
    QCOMPARE(s.photometric, QStringLiteral("RGB"));
    const QImage back = s.toQImage(0);
    QCOMPARE(back.format(), QImage::Format_RGB888);
    QCOMPARE(back, photo);
}

QTEST_MAIN(TestImageStack)
#include "tst_imagestack.moc"
