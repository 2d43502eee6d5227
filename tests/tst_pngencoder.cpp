// The artifacts' PNG encoder (libpng, Sub filter, zlib level 1): what it
// writes reads back as the same pixels through Qt's decoder, opaque pictures
// as RGB and translucent ones with their alpha.
#include "common/pngencoder.h"

#include <QBuffer>
#include <QImageReader>
#include <QRandomGenerator>
#include <QTest>

using namespace moescope;

class TestPngEncoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QImage::Format>("format");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("translucent");
        QTest::newRow("opaque RGB32") << QImage::Format_RGB32 << QSize(67, 45) << false;
        QTest::newRow("ARGB32, opaque pixels") << QImage::Format_ARGB32 << QSize(31, 80) << false;
        QTest::newRow("ARGB32 premultiplied, translucent")
            << QImage::Format_ARGB32_Premultiplied << QSize(64, 64) << true;
        QTest::newRow("grayscale") << QImage::Format_Grayscale8 << QSize(100, 3) << false;
        QTest::newRow("one pixel") << QImage::Format_RGB888 << QSize(1, 1) << false;
    }

    void roundTrip()
    {
        QFETCH(QImage::Format, format);
        QFETCH(QSize, size);
        QFETCH(bool, translucent);
        QImage picture(size, QImage::Format_ARGB32);
        QRandomGenerator rng(7);
        for (int y = 0; y < size.height(); ++y)
            for (int x = 0; x < size.width(); ++x)
                picture.setPixel(x, y,
                                 qRgba(int(rng.bounded(256)), int(rng.bounded(256)),
                                       int(rng.bounded(256)),
                                       translucent ? int(rng.bounded(256)) : 255));
        picture = picture.convertToFormat(format);

        QByteArray png;
        QVERIFY(encodePng(picture, &png));
        QBuffer buffer(&png);
        QImageReader reader(&buffer, "png");
        const QImage back = reader.read();
        QVERIFY2(!back.isNull(), qPrintable(reader.errorString()));
        QCOMPARE(back.size(), size);
        QCOMPARE(back.hasAlphaChannel(), translucent);
        const QImage want = picture.convertToFormat(QImage::Format_ARGB32);
        const QImage got = back.convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < size.height(); ++y)
            for (int x = 0; x < size.width(); ++x)
                QCOMPARE(got.pixel(x, y), want.pixel(x, y));
    }

    void nullImageIsRefused()
    {
        QByteArray png;
        QVERIFY(!encodePng(QImage(), &png));
        QVERIFY(png.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPngEncoder)
#include "tst_pngencoder.moc"
