// Tests for moescope_image's loaders: Qt's image formats and single DICOM files, against
// third-party files. Elsewhere: series folders (tst_dicomseries), ITK volumes and the views
// of a CT (tst_volumes), errors and bad files (tst_loaders), ImageStack's own rendering
// (tst_imagestack).
//
// Reference data:
//  - Debian's python3-pydicom test files (/usr/lib/python3/dist-packages/pydicom/data/test_files),
//    the expected pixel values below were computed once, independently of this code, with
//    pydicom 2.3.1 + numpy (`pydicom.dcmread(f).pixel_array`, times RescaleSlope plus
//    RescaleIntercept where the file has them; pydicom's convert_color_space for YBR) and are
//    hard-coded here;
// Tests that need these files skip, saying so, when the packages are not installed.

#include "image/image.h"
#include "image/imageloader.h"
#include "loadertestsupport.h"
#include "thirdpartydata.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <itkGDCMImageIO.h>
#include <itkImage.h>
#include <itkImageFileReader.h>
#include <itkImageFileWriter.h>

#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

using namespace moescope;

Q_DECLARE_METATYPE(moescope::ImageKind)

class TestImage : public QObject
{
    Q_OBJECT

private slots:
    // Qt image formats
    void qtRoundTrip_data();
    void qtRoundTrip();
    void jpegExifOrientation();

    // DICOM files
    void dicomFiles_data();
    void dicomFiles();
    void identicalDecodings_data();
    void identicalDecodings();
    void lossyDecodings_data();
    void lossyDecodings();
    void ctHounsfieldUnits();
    void knownPixelValues_data();
    void knownPixelValues();
    void ybr422ToRgb();
    void jpeg2000Rescaled();
    void monochrome1Radiograph();
    void dicomAttributes();
};

// --------------------------------------------------------------------------------------------
// Qt formats

void TestImage::qtRoundTrip_data()
{
    QTest::addColumn<QImage>("image");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<int>("channels");

    QImage gray(16, 9, QImage::Format_Grayscale8);
    for (int y = 0; y < gray.height(); ++y)
        for (int x = 0; x < gray.width(); ++x)
            gray.scanLine(y)[x] = uchar((x * 16 + y * 7) % 256);
    QImage rgb(16, 9, QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y)
        for (int x = 0; x < rgb.width(); ++x)
            rgb.setPixel(x, y, qRgb(x * 15, y * 28, 255 - x * 15));
    QImage grayInRgb(16, 9, QImage::Format_RGB32); // colour format, gray content
    for (int y = 0; y < grayInRgb.height(); ++y)
        for (int x = 0; x < grayInRgb.width(); ++x)
            grayInRgb.setPixel(x, y, qRgb(x * 10, x * 10, x * 10));
    QImage alpha(16, 9, QImage::Format_ARGB32);
    alpha.fill(qRgba(10, 200, 30, 128));

    QTest::newRow("png gray8") << gray << "png" << 1;
    QTest::newRow("png named .dcm") << rgb << "dcm" << 3;
    QTest::newRow("png rgb") << rgb << "png" << 3;
    QTest::newRow("png gray content in rgb") << grayInRgb << "png" << 1;
    QTest::newRow("png rgba drops alpha") << alpha << "png" << 3;
    QTest::newRow("bmp rgb") << rgb << "bmp" << 3;
    QTest::newRow("tiff gray") << gray << "tiff" << 1;
}

void TestImage::qtRoundTrip()
{
    QFETCH(QImage, image);
    QFETCH(QString, suffix);
    QFETCH(int, channels);
    if (suffix != QLatin1String("dcm") &&
        !QImageWriter::supportedImageFormats().contains(suffix.toLatin1()))
        QSKIP("this Qt build cannot write the format (qt6-image-formats-plugins)");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("image.") + suffix);
    QVERIFY(image.save(path, suffix == QLatin1String("dcm") ? "PNG" : nullptr));

    LoadError error;
    const auto stack = ImageLoader::load(path, &error);
    QVERIFY2(stack, qPrintable(error.message()));
    QCOMPARE(stack->kind, ImageKind::Single);
    QCOMPARE(stack->width, image.width());
    QCOMPARE(stack->height, image.height());
    QCOMPARE(stack->frameCount, 1);
    QCOMPARE(stack->channels, channels);
    QCOMPARE(stack->photometric,
             channels == 1 ? QStringLiteral("MONOCHROME2") : QStringLiteral("RGB"));
    QCOMPARE(stack->samples.size(), size_t(image.width() * image.height() * channels));
    QCOMPARE(stack->sha256, sha256Hex({path}));
    QCOMPARE(stack->sourcePath, path);
    QVERIFY(!stack->spacing.known());

    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb c = image.pixel(x, y);
            if (channels == 1) {
                QCOMPARE(stack->sample(0, x, y), float(qGray(c)));
            } else {
                QCOMPARE(stack->sample(0, x, y, 0), float(qRed(c)));
                QCOMPARE(stack->sample(0, x, y, 1), float(qGreen(c)));
                QCOMPARE(stack->sample(0, x, y, 2), float(qBlue(c)));
            }
        }
    }
    // A photo renders back unchanged.
    const QImage rendered = stack->toQImage(0);
    QCOMPARE(rendered.format(), channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    if (channels == 3)
        QCOMPARE(rendered, image.convertToFormat(QImage::Format_RGB888));
}

void TestImage::jpegExifOrientation()
{
    if (!QImageWriter::supportedImageFormats().contains("jpeg"))
        QSKIP("no JPEG plugin in this Qt build");
    // A landscape 40×20 JPEG, left half red, right half blue, to which we add an EXIF APP1
    // segment saying "rotate 90° clockwise" (Orientation = 6).
    QImage image(40, 20, QImage::Format_RGB32);
    image.fill(Qt::blue);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x)
            image.setPixel(x, y, qRgb(255, 0, 0));
    QByteArray jpeg;
    {
        QBuffer buffer(&jpeg);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(image.save(&buffer, "JPEG", 95));
    }
    QCOMPARE(jpeg.left(2), QByteArray("\xFF\xD8", 2));
    const char exif[] = "\xFF\xE1\x00\x22"        // APP1, length 34
                        "Exif\x00\x00"            // EXIF header
                        "II*\x00\x08\x00\x00\x00" // TIFF, little endian, IFD at 8
                        "\x01\x00"                // one entry
                        "\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00" // Orientation = 6
                        "\x00\x00\x00\x00";                                // no next IFD
    jpeg.insert(2, QByteArray(exif, sizeof exif - 1));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rotated.jpg"));
    QVERIFY(writeBytes(path, jpeg));

    const ImageStack s = mustLoad(path);
    QCOMPARE(s.width, 20);
    QCOMPARE(s.height, 40);
    QCOMPARE(s.channels, 3);
    // Rotated clockwise, the red left half is now on top.
    QVERIFY(s.sample(0, 10, 5, 0) > 200 && s.sample(0, 10, 5, 2) < 60);
    QVERIFY(s.sample(0, 10, 35, 2) > 200 && s.sample(0, 10, 35, 0) < 60);
}

// --------------------------------------------------------------------------------------------
// DICOM

void TestImage::dicomFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("channels");
    QTest::addColumn<QString>("photometric");
    QTest::addColumn<QString>("modality");
    QTest::addColumn<ImageKind>("kind");
    QTest::addColumn<QString>("syntaxUid");

    const auto S = ImageKind::Single;
    // clang-format off
    QTest::newRow("CT explicit LE")     << "CT_small.dcm" << 128 << 128 << 1 << 1 << "MONOCHROME2" << "CT" << S << "1.2.840.10008.1.2.1";
    QTest::newRow("MR explicit LE")     << "MR_small.dcm" << 64 << 64 << 1 << 1 << "MONOCHROME2" << "MR" << S << "1.2.840.10008.1.2.1";
    QTest::newRow("MR big endian")      << "MR_small_bigendian.dcm" << 64 << 64 << 1 << 1 << "MONOCHROME2" << "MR" << S << "1.2.840.10008.1.2.2";
    QTest::newRow("MR implicit LE")     << "MR_small_implicit.dcm" << 64 << 64 << 1 << 1 << "MONOCHROME2" << "MR" << S << "1.2.840.10008.1.2";
    QTest::newRow("MR RLE")             << "MR_small_RLE.dcm" << 64 << 64 << 1 << 1 << "MONOCHROME2" << "MR" << S << "1.2.840.10008.1.2.5";
    QTest::newRow("MR JPEG-LS")         << "MR_small_jpeg_ls_lossless.dcm" << 64 << 64 << 1 << 1 << "MONOCHROME2" << "MR" << S << "1.2.840.10008.1.2.4.80";
    QTest::newRow("MR JPEG 2000 (ITK)") << "MR_small_jp2klossless.dcm" << 64 << 64 << 1 << 1 << "MONOCHROME2" << "MR" << S << "1.2.840.10008.1.2.4.90";
    QTest::newRow("NM JPEG 2000 (ITK)") << "JPEG2000.dcm" << 256 << 1024 << 1 << 1 << "MONOCHROME2" << "NM" << S << "1.2.840.10008.1.2.4.91";
    QTest::newRow("CT JPEG 2000 lossy") << "693_J2KI.dcm" << 512 << 512 << 1 << 1 << "MONOCHROME2" << "CT" << S << "1.2.840.10008.1.2.4.91";
    QTest::newRow("NM JPEG extended")   << "JPGExtended.dcm" << 256 << 1024 << 1 << 1 << "MONOCHROME2" << "NM" << S << "1.2.840.10008.1.2.4.51";
    QTest::newRow("RGB RLE")            << "SC_rgb_rle.dcm" << 100 << 100 << 1 << 3 << "RGB" << "OT" << S << "1.2.840.10008.1.2.5";
    QTest::newRow("RGB RLE 16-bit")     << "SC_rgb_rle_16bit.dcm" << 100 << 100 << 1 << 3 << "RGB" << "OT" << S << "1.2.840.10008.1.2.5";
    QTest::newRow("RGB RLE 2 frames")   << "SC_rgb_rle_2frame.dcm" << 100 << 100 << 2 << 3 << "RGB" << "OT" << ImageKind::Cine << "1.2.840.10008.1.2.5";
    QTest::newRow("RGB planar, BE")     << "ExplVR_BigEnd.dcm" << 80 << 60 << 1 << 3 << "RGB" << "US" << S << "1.2.840.10008.1.2.2";
    QTest::newRow("YBR_FULL_422")       << "SC_ybr_full_422_uncompressed.dcm" << 100 << 100 << 1 << 3 << "RGB" << "OT" << S << "1.2.840.10008.1.2.1";
    QTest::newRow("JPEG baseline YBR")  << "SC_rgb_dcmtk_+eb+cy+n2.dcm" << 100 << 100 << 1 << 3 << "RGB" << "OT" << S << "1.2.840.10008.1.2.4.50";
    QTest::newRow("JPEG lossless RGB")  << "SC_rgb_jpeg_gdcm.dcm" << 100 << 100 << 1 << 3 << "RGB" << "OT" << S << "1.2.840.10008.1.2.4.70";
    QTest::newRow("RGB JPEG 2000")      << "SC_rgb_gdcm_KY.dcm" << 100 << 100 << 1 << 3 << "RGB" << "OT" << S << "1.2.840.10008.1.2.4.91";
    QTest::newRow("RT dose 15 frames")  << "rtdose.dcm" << 10 << 10 << 15 << 1 << "MONOCHROME2" << "RTDOSE" << ImageKind::Volume << "1.2.840.10008.1.2";
    QTest::newRow("deflated")           << "image_dfl.dcm" << 512 << 512 << 1 << 1 << "MONOCHROME2" << "OT" << S << "1.2.840.10008.1.2.1.99";
    QTest::newRow("1-bit SEG")          << "liver_1frame.dcm" << 512 << 512 << 1 << 1 << "MONOCHROME2" << "SEG" << S << "1.2.840.10008.1.2.1";
    // clang-format on
}

void TestImage::dicomFiles()
{
    QFETCH(QString, file);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, frames);
    QFETCH(int, channels);
    QFETCH(QString, photometric);
    QFETCH(QString, modality);
    QFETCH(ImageKind, kind);
    QFETCH(QString, syntaxUid);
    REQUIRE_PYDICOM(path, file);

    LoadError error;
    const auto s = ImageLoader::load(path, &error);
    QVERIFY2(s, qPrintable(error.message()));
    QCOMPARE(s->width, width);
    QCOMPARE(s->height, height);
    QCOMPARE(s->frameCount, frames);
    QCOMPARE(s->channels, channels);
    QCOMPARE(s->photometric, photometric);
    QCOMPARE(s->modality, modality);
    QCOMPARE(s->kind, kind);
    QCOMPARE(s->samples.size(), size_t(width) * height * frames * channels);
    if (!syntaxUid.isEmpty())
        QVERIFY2(s->transferSyntax.contains(QStringLiteral("(%1)").arg(syntaxUid)),
                 qPrintable(s->transferSyntax));
    QCOMPARE(s->sha256, sha256Hex({path}));
    QCOMPARE(s->sourcePath, path);
    QVERIFY(s->maxValue > s->minValue);
    QCOMPARE(s->metadata.value(0).first, QStringLiteral("TransferSyntax"));
    for (int f = 0; f < frames; ++f) {
        const QImage img = s->toQImage(f);
        QCOMPARE(img.size(), QSize(width, height));
        QCOMPARE(img.format(), channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    }
}

// Lossless encodings of one image decode to the same samples.
void TestImage::identicalDecodings_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("other");

    QTest::newRow("MR big endian") << "MR_small.dcm"
                                   << "MR_small_bigendian.dcm";
    QTest::newRow("MR implicit") << "MR_small.dcm"
                                 << "MR_small_implicit.dcm";
    QTest::newRow("MR expb") << "MR_small.dcm"
                             << "MR_small_expb.dcm";
    QTest::newRow("MR padded") << "MR_small.dcm"
                               << "MR_small_padded.dcm";
    QTest::newRow("MR RLE") << "MR_small.dcm"
                            << "MR_small_RLE.dcm";
    QTest::newRow("MR JPEG-LS lossless") << "MR_small.dcm"
                                         << "MR_small_jpeg_ls_lossless.dcm";
    QTest::newRow("MR JPEG 2000 lossless") << "MR_small.dcm"
                                           << "MR_small_jp2klossless.dcm";
    QTest::newRow("RGB JPEG lossless") << "SC_rgb_rle.dcm"
                                       << "SC_rgb_jpeg_gdcm.dcm";
    QTest::newRow("RGB 2-frame, frame 0") << "SC_rgb_rle.dcm"
                                          << "SC_rgb_rle_2frame.dcm";
    QTest::newRow("RT dose RLE") << "rtdose.dcm"
                                 << "rtdose_rle.dcm";
    // Not rtdose_expb.dcm: for 32-bit samples in big endian OW, DCMTK keeps the 16-bit word
    // order where pydicom swaps whole 32-bit values; the retired syntax leaves it ambiguous.
    QTest::newRow("SEG big endian") << "liver_1frame.dcm"
                                    << "liver_expb_1frame.dcm";
}

void TestImage::identicalDecodings()
{
    QFETCH(QString, reference);
    QFETCH(QString, other);
    REQUIRE_PYDICOM(refPath, reference);
    REQUIRE_PYDICOM(otherPath, other);
    const ImageStack a = mustLoad(refPath);
    const ImageStack b = mustLoad(otherPath);
    QVERIFY(!a.isEmpty());
    QVERIFY(!b.isEmpty());
    QCOMPARE(b.width, a.width);
    QCOMPARE(b.height, a.height);
    QCOMPARE(b.channels, a.channels);
    const size_t n = a.frameSamples() * size_t(a.frameCount);
    QVERIFY(b.samples.size() >= n);
    for (size_t i = 0; i < n; ++i) {
        if (a.samples[i] != b.samples[i])
            QFAIL(qPrintable(QStringLiteral("sample %1 differs: %2 vs %3")
                                 .arg(i)
                                 .arg(a.samples[i])
                                 .arg(b.samples[i])));
    }
}

// Lossy encodings stay close to a lossless original: a colour model left unconverted (YBR
// read as RGB) or planes mixed up would be far off. SC_rgb_rle.dcm is SC_rgb (colour bands);
// SC_rgb_jpeg_dcmd.dcm is SC_jpeg_no_color_transform.dcm decompressed by dcmdjpeg.
// Not SC_rgb_jpeg_lossy_gdcm.dcm: it says RGB while its JPEG stream is YCbCr (no JFIF or Adobe
// marker to tell); like DCMTK by default we follow Photometric Interpretation, as the standard
// says, and SC_jpeg_no_color_transform.dcm (RGB stream, no marker either) depends on that.
void TestImage::lossyDecodings_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<double>("maxMeanError");

    QTest::newRow("JPEG, YBR_FULL") << "SC_rgb_dcmtk_+eb+cy+n2.dcm"
                                    << "SC_rgb_rle.dcm" << 3.0;
    QTest::newRow("JPEG, YBR_FULL_422") << "SC_rgb_dcmtk_+eb+cy+np.dcm"
                                        << "SC_rgb_rle.dcm" << 3.0;
    QTest::newRow("JPEG, RGB, Adobe marker") << "SC_rgb_dcmtk_+eb+cr.dcm"
                                             << "SC_rgb_rle.dcm" << 3.0;
    QTest::newRow("JPEG, YBR_FULL (DCMTK)") << "SC_rgb_jpeg_dcmtk.dcm"
                                            << "SC_rgb_rle.dcm" << 3.0;
    QTest::newRow("JPEG 2000 (ITK)") << "SC_rgb_gdcm_KY.dcm"
                                     << "SC_rgb_rle.dcm" << 3.0;
    QTest::newRow("YBR_FULL_422 uncompressed") << "SC_ybr_full_422_uncompressed.dcm"
                                               << "SC_rgb_rle.dcm" << 3.0;
    QTest::newRow("JPEG, RGB, no transform") << "SC_jpeg_no_color_transform.dcm"
                                             << "SC_rgb_jpeg_dcmd.dcm" << 0.5;
}

void TestImage::lossyDecodings()
{
    QFETCH(QString, file);
    QFETCH(QString, reference);
    QFETCH(double, maxMeanError);
    REQUIRE_PYDICOM(refPath, reference);
    REQUIRE_PYDICOM(path, file);
    const ImageStack ref = mustLoad(refPath);
    const ImageStack s = mustLoad(path);
    QCOMPARE(s.width, ref.width);
    QCOMPARE(s.height, ref.height);
    QCOMPARE(s.channels, 3);
    double error = 0;
    for (size_t i = 0; i < ref.samples.size(); ++i)
        error += std::abs(double(s.samples[i]) - ref.samples[i]);
    error /= double(ref.samples.size());
    QVERIFY2(error <= maxMeanError, qPrintable(QStringLiteral("mean error %1").arg(error)));
}

void TestImage::ctHounsfieldUnits()
{
    REQUIRE_PYDICOM(path, QStringLiteral("CT_small.dcm"));
    const ImageStack s = mustLoad(path);
    QVERIFY(!s.isEmpty());
    // pydicom: pixel_array[row, col] * RescaleSlope (1) + RescaleIntercept (-1024).
    struct Expect
    {
        int row, col;
        float hu;
    };
    const Expect expected[] = {
        {0, 0, -849}, {64, 64, 904}, {10, 20, -839}, {100, 50, 16}, {127, 127, -115}};
    for (const Expect &e : expected)
        QCOMPARE(s.sample(0, e.col, e.row), e.hu);
    QCOMPARE(s.minValue, -896.0f);
    QCOMPARE(s.maxValue, 1167.0f);
    double sum = 0;
    for (float v : s.samples)
        sum += v;
    QCOMPARE(sum, -1950906.0);
}

void TestImage::knownPixelValues_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("frame");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("col");
    QTest::addColumn<QList<float>>("values");

    // pydicom pixel_array[(frame,) row, col]
    QTest::newRow("MR 0,0") << "MR_small.dcm" << 0 << 0 << 0 << QList<float>{905};
    QTest::newRow("MR 32,32") << "MR_small.dcm" << 0 << 32 << 32 << QList<float>{182};
    QTest::newRow("MR 10,50") << "MR_small.dcm" << 0 << 10 << 50 << QList<float>{1104};
    QTest::newRow("MR 63,0") << "MR_small.dcm" << 0 << 63 << 0 << QList<float>{378};
    QTest::newRow("RGB red band") << "SC_rgb_rle.dcm" << 0 << 5 << 50 << QList<float>{255, 0, 0};
    QTest::newRow("RGB pink band")
        << "SC_rgb_rle.dcm" << 0 << 15 << 50 << QList<float>{255, 128, 128};
    QTest::newRow("RGB green band") << "SC_rgb_rle.dcm" << 0 << 25 << 50 << QList<float>{0, 255, 0};
    QTest::newRow("RGB blue band") << "SC_rgb_rle.dcm" << 0 << 45 << 50 << QList<float>{0, 0, 255};
    QTest::newRow("RGB gray band") << "SC_rgb_rle.dcm" << 0 << 75 << 50 << QList<float>{64, 64, 64};
    QTest::newRow("RGB frame 1 inverted")
        << "SC_rgb_rle_2frame.dcm" << 1 << 5 << 50 << QList<float>{0, 255, 255};
    QTest::newRow("RGB 16-bit") << "SC_rgb_rle_16bit.dcm" << 0 << 15 << 50
                                << QList<float>{65535, 32896, 32896};
    QTest::newRow("planar RGB 30,40")
        << "ExplVR_BigEnd.dcm" << 0 << 30 << 40 << QList<float>{255, 255, 0};
    QTest::newRow("planar RGB 0,0")
        << "ExplVR_BigEnd.dcm" << 0 << 0 << 0 << QList<float>{171, 171, 171};
    QTest::newRow("planar RGB 59,79")
        << "ExplVR_BigEnd.dcm" << 0 << 59 << 79 << QList<float>{255, 232, 0};
    QTest::newRow("odd-sized RGB")
        << "SC_rgb_small_odd.dcm" << 0 << 1 << 0 << QList<float>{63, 87, 176};
    QTest::newRow("RT dose frame 0") << "rtdose.dcm" << 0 << 0 << 0 << QList<float>{1249000};
    QTest::newRow("RT dose frame 7") << "rtdose.dcm" << 7 << 5 << 5 << QList<float>{975000};
    QTest::newRow("RT dose frame 14") << "rtdose.dcm" << 14 << 9 << 9 << QList<float>{799000};
    QTest::newRow("deflated centre") << "image_dfl.dcm" << 0 << 256 << 256 << QList<float>{65};
}

void TestImage::knownPixelValues()
{
    QFETCH(QString, file);
    QFETCH(int, frame);
    QFETCH(int, row);
    QFETCH(int, col);
    QFETCH(QList<float>, values);
    REQUIRE_PYDICOM(path, file);
    const ImageStack s = mustLoad(path);
    QVERIFY(!s.isEmpty());
    QCOMPARE(s.channels, int(values.size()));
    for (int c = 0; c < values.size(); ++c)
        QCOMPARE(s.sample(frame, col, row, c), values[c]);
}

void TestImage::ybr422ToRgb()
{
    REQUIRE_PYDICOM(path, QStringLiteral("SC_ybr_full_422_uncompressed.dcm"));
    const ImageStack s = mustLoad(path);
    QCOMPARE(s.channels, 3);
    // pydicom's convert_color_space(YBR_FULL → RGB) at (row, 50); DCMTK rounds differently, so
    // allow ±2.
    const int rows[] = {5, 15, 25, 35, 45, 55, 65, 75, 85, 95};
    const int rgb[][3] = {{254, 0, 0},     {255, 127, 127}, {0, 255, 5}, {129, 255, 129},
                          {0, 0, 254},     {128, 127, 255}, {0, 0, 0},   {64, 64, 64},
                          {192, 192, 192}, {255, 255, 255}};
    for (int i = 0; i < 10; ++i) {
        for (int c = 0; c < 3; ++c) {
            const float got = s.sample(0, 50, rows[i], c);
            QVERIFY2(std::abs(got - rgb[i][c]) <= 2,
                     qPrintable(QStringLiteral("row %1 channel %2: %3, expected %4")
                                    .arg(rows[i])
                                    .arg(c)
                                    .arg(got)
                                    .arg(rgb[i][c])));
        }
    }
    QCOMPARE(s.metadataValue(QStringLiteral("PhotometricInterpretation")),
             QStringLiteral("YBR_FULL_422"));
}

// JPEG 2000 goes through ITK/GDCM, which applies Rescale Slope/Intercept itself: the samples
// must be rescaled exactly once. ITK/GDCM writes CT_small (RescaleIntercept -1024) as JPEG 2000
// lossless; loading it must give CT_small's Hounsfield units.
void TestImage::jpeg2000Rescaled()
{
    REQUIRE_PYDICOM(ct, QStringLiteral("CT_small.dcm"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("ct_j2k.dcm"));
    using Slice = itk::Image<short, 2>;
    try {
        auto readIo = itk::GDCMImageIO::New();
        auto reader = itk::ImageFileReader<Slice>::New();
        reader->SetImageIO(readIo);
        reader->SetFileName(QFile::encodeName(ct).toStdString());
        reader->Update();
        auto writeIo = itk::GDCMImageIO::New();
        writeIo->SetCompressionType(itk::GDCMImageIO::JPEG2000);
        writeIo->KeepOriginalUIDOn();
        auto writer = itk::ImageFileWriter<Slice>::New();
        writer->SetImageIO(writeIo);
        writer->UseCompressionOn();
        writer->SetInput(reader->GetOutput());
        writer->SetFileName(QFile::encodeName(path).toStdString());
        writer->Update();
    } catch (const itk::ExceptionObject &e) {
        QSKIP(qPrintable(QStringLiteral("ITK/GDCM cannot write JPEG 2000 here: %1")
                             .arg(QString::fromLocal8Bit(e.GetDescription()))));
    }
    const ImageStack reference = mustLoad(ct);
    LoadError error;
    const auto j2k = ImageLoader::load(path, &error);
    QVERIFY2(j2k, qPrintable(error.message()));
    QVERIFY2(j2k->transferSyntax.contains(QStringLiteral("1.2.840.10008.1.2.4.9")),
             qPrintable(j2k->transferSyntax));
    QCOMPARE(j2k->metadataValue(QStringLiteral("Decoder")), QStringLiteral("ITK GDCMImageIO"));
    QCOMPARE(j2k->width, reference.width);
    QCOMPARE(j2k->height, reference.height);
    QCOMPARE(j2k->minValue, -896.0f);
    QCOMPARE(j2k->samples, reference.samples);
}

void TestImage::monochrome1Radiograph()
{
    // A CR in MONOCHROME1 (low values display white) from pydicom's dicomdirtests.
    REQUIRE_PYDICOM(path, QStringLiteral("dicomdirtests/77654033/CR1/6154"));
    const ImageStack s = mustLoad(path);
    QCOMPARE(s.photometric, QStringLiteral("MONOCHROME1"));
    QCOMPARE(s.modality, QStringLiteral("CR"));
    const auto lowest = std::min_element(s.samples.begin(), s.samples.end());
    const auto highest = std::max_element(s.samples.begin(), s.samples.end());
    const int lo = int(lowest - s.samples.begin()), hi = int(highest - s.samples.begin());
    const QImage img =
        s.toQImage(0, {(s.minValue + s.maxValue) / 2.0, double(s.maxValue - s.minValue)});
    QCOMPARE(img.pixelColor(lo % s.width, lo / s.width).red(), 255);
    QCOMPARE(img.pixelColor(hi % s.width, hi / s.width).red(), 0);
}

void TestImage::dicomAttributes()
{
    REQUIRE_PYDICOM(ct, QStringLiteral("CT_small.dcm"));
    REQUIRE_PYDICOM(mr, QStringLiteral("MR_small.dcm"));
    const ImageStack c = mustLoad(ct);
    QCOMPARE(c.spacing.rowMm, 0.661468);
    QCOMPARE(c.spacing.columnMm, 0.661468);
    QCOMPARE(c.spacing.sliceMm, 5.0);
    QVERIFY(c.spacing.known());
    QVERIFY(!c.window.valid()); // CT_small has no window: min..max
    QCOMPARE(c.effectiveWindow().center, (-896.0 + 1167.0) / 2);
    QCOMPARE(c.seriesUid, QStringLiteral("1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322"));
    QCOMPARE(c.metadataValue(QStringLiteral("PatientName")),
             QStringLiteral("CompressedSamples^CT1"));
    QCOMPARE(c.metadataValue(QStringLiteral("StudyDate")), QStringLiteral("20040119"));
    QCOMPARE(c.metadataValue(QStringLiteral("Manufacturer")), QStringLiteral("GE MEDICAL SYSTEMS"));
    QCOMPARE(c.metadataValue(QStringLiteral("Modality")), QStringLiteral("CT"));
    QCOMPARE(c.metadataValue(QStringLiteral("Rows")), QStringLiteral("128"));
    QCOMPARE(c.metadataValue(QStringLiteral("BitsAllocated")), QStringLiteral("16"));
    QCOMPARE(c.metadataValue(QStringLiteral("RescaleIntercept")), QStringLiteral("-1024"));
    QVERIFY(c.transferSyntax.startsWith(QStringLiteral("Little Endian Explicit")));
    // File order: the meta header's transfer syntax, then the data set by tag.
    QStringList names;
    for (const auto &entry : c.metadata)
        names << entry.first;
    QVERIFY(names.indexOf(QStringLiteral("StudyDate")) < names.indexOf(QStringLiteral("Modality")));
    QVERIFY(names.indexOf(QStringLiteral("PatientName")) < names.indexOf(QStringLiteral("Rows")));

    const ImageStack m = mustLoad(mr);
    QCOMPARE(m.window.center, 600.0);
    QCOMPARE(m.window.width, 1600.0);
    QCOMPARE(m.spacing.rowMm, 0.3125);
    QCOMPARE(m.spacing.sliceMm, 0.8);
    // The file's window renders 600 - 800 = -200 .. 1400.
    const QImage img = m.toQImage(0);
    QCOMPARE(int(img.pixelColor(32, 32).red()), int(std::lround((182 + 200) / 1600.0 * 255)));
}

QTEST_GUILESS_MAIN(TestImage)
#include "tst_image.moc"
