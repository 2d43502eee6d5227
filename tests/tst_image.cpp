// Tests for moescope_image: the loaders, against third-party files (ImageStack's own
// rendering: tst_imagestack).
//
// Reference data:
//  - Debian's python3-pydicom test files (/usr/lib/python3/dist-packages/pydicom/data/test_files),
//    the expected pixel values below were computed once, independently of this code, with
//    pydicom 2.3.1 + numpy (`pydicom.dcmread(f).pixel_array`, times RescaleSlope plus
//    RescaleIntercept where the file has them; pydicom's convert_color_space for YBR) and are
//    hard-coded here;
//  - Debian's insighttoolkit5-examples volumes (/usr/share/doc/insighttoolkit5-examples/
//    examples/Data), the expected voxel values were read with numpy straight from the raw
//    (.raw, gunzipped .nii) bytes, not through ITK.
// Tests that need these files skip, saying so, when the packages are not installed.

#include "image/image.h"
#include "image/imageloader.h"
#include "image/reslice.h"
#include "image/windowpresets.h"
#include "testdicom.h"
#include "thirdpartydata.h"

#include <QBuffer>
#include <QCryptographicHash>
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
#include <itkImageRegionIteratorWithIndex.h>
#include <itkMetaImageIO.h>
#include <itkNiftiImageIO.h>
#include <itkNrrdImageIO.h>
#include <itkSpatialOrientationAdapter.h>

#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

using namespace moescope;

Q_DECLARE_METATYPE(moescope::ImageKind)
Q_DECLARE_METATYPE(moescope::SlicePlane)

namespace {

ImageStack mustLoad(const QString &path)
{
    LoadError error;
    std::optional<ImageStack> stack = ImageLoader::load(path, &error);
    if (!stack) {
        qWarning("load failed: %s", qPrintable(error.message()));
        return {};
    }
    return *stack;
}

QByteArray sha256Hex(const QStringList &paths)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &path : paths) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        hash.addData(f.readAll());
    }
    return hash.result().toHex();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A copy of MR_small.dcm whose meta header names another transfer syntax: the data set stays
// explicit little endian, so only the transfer syntax check can reject it.
bool writeWithTransferSyntax(const QString &source, const QString &target, const char *uid)
{
    DcmFileFormat file;
    if (file.loadFile(OFFilename(QFile::encodeName(source).constData())).bad())
        return false;
    if (file.getMetaInfo()->putAndInsertString(DCM_TransferSyntaxUID, uid).bad())
        return false;
    return file
        .saveFile(OFFilename(QFile::encodeName(target).constData()), EXS_LittleEndianExplicit,
                  EET_ExplicitLength, EGL_recalcGL, EPD_noChange, 0, 0, EWM_dontUpdateMeta)
        .good();
}

// MR_small.dcm with half of its pixel data: a well-formed file whose pixels are too few.
bool writeShortPixelData(const QString &source, const QString &target)
{
    DcmFileFormat file;
    if (file.loadFile(OFFilename(QFile::encodeName(source).constData())).bad())
        return false;
    DcmDataset *dataset = file.getDataset();
    const Uint16 *pixels = nullptr;
    unsigned long count = 0;
    if (dataset->findAndGetUint16Array(DCM_PixelData, pixels, &count).bad() || count != 64 * 64)
        return false;
    const std::vector<Uint16> half(pixels, pixels + count / 2);
    if (dataset->putAndInsertUint16Array(DCM_PixelData, half.data(), half.size()).bad())
        return false;
    return file
        .saveFile(OFFilename(QFile::encodeName(target).constData()), EXS_LittleEndianExplicit)
        .good();
}

// A well-formed MPEG-2 encapsulated file (the way DCMTK's dcmencap builds one): MR_small's
// attributes with its pixel data replaced by one fragment of bytes in an MPEG-2 transfer syntax.
bool writeMpeg2(const QString &source, const QString &target)
{
    DcmFileFormat file;
    if (file.loadFile(OFFilename(QFile::encodeName(source).constData())).bad())
        return false;
    DcmDataset *dataset = file.getDataset();
    auto *sequence = new DcmPixelSequence(DCM_PixelSequenceTag);
    sequence->insert(new DcmPixelItem(DCM_PixelItemTag)); // empty basic offset table
    auto *fragment = new DcmPixelItem(DCM_PixelItemTag);
    const Uint8 bytes[16] = {0x00, 0x00, 0x01, 0xB3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    fragment->putUint8Array(bytes, sizeof bytes);
    sequence->insert(fragment);
    auto *pixelData = new DcmPixelData(DCM_PixelData);
    pixelData->putOriginalRepresentation(EXS_MPEG2MainProfileAtMainLevel, nullptr, sequence);
    if (dataset->insert(pixelData, OFTrue).bad())
        return false;
    return file
        .saveFile(OFFilename(QFile::encodeName(target).constData()),
                  EXS_MPEG2MainProfileAtMainLevel)
        .good();
}

} // namespace

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
    void dicomSeriesDirectory();
    void dicomSeriesShuffledCopy();
    void seriesAssembly_data();
    void seriesAssembly();
    void seriesRescale_data();
    void seriesRescale();
    void seriesChoice();

    // ITK volumes
    void itkExampleVolumes_data();
    void itkExampleVolumes();
    void itkWrittenVolume_data();
    void itkWrittenVolume();
    void itkReorientedVolume_data();
    void itkReorientedVolume();

    // Views of a CT
    void reslicePlanes_data();
    void reslicePlanes();
    void resliceRefused();
    void ctWindowPresetValues();

    // Errors
    void loadErrors_data();
    void loadErrors();
    void errorPointerMayBeNull();

    void everyPydicomFile();
    void concurrentLoads();
    void nameFilters();
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

void TestImage::dicomSeriesDirectory()
{
    // dicomdirtests/98892001 holds two CT series: CT2N (2 files) and CT5N (5 files, 2.5 mm
    // apart along z, Instance Numbers 6..10 running from z = 8.76 down to z = -1.24).
    REQUIRE_PYDICOM(dir, QStringLiteral("dicomdirtests/98892001"));
    LoadError error;
    const auto s = ImageLoader::load(dir, &error);
    QVERIFY2(s, qPrintable(error.message()));
    QCOMPARE(s->kind, ImageKind::Series);
    QCOMPARE(s->frameCount, 5);
    QCOMPARE(s->width, 16);
    QCOMPARE(s->height, 16);
    QCOMPARE(s->seriesUid, QStringLiteral("1.3.6.1.4.1.5962.1.1.0.0.0.1194734704.16302.0.6"));
    QCOMPARE(s->spacing.sliceMm, 2.5);
    QCOMPARE(s->spacing.rowMm, 0.488281);
    QCOMPARE(s->sourcePath, dir);
    QVERIFY(s->metadataValue(QStringLiteral("Series")).contains(QStringLiteral("of 2 series")));
    // Ascending position along the normal (0, 0, 1): z = -1.24 (file 3353) first.
    const QStringList order = {"CT5N/3353", "CT5N/3023", "CT5N/2693", "CT5N/2392", "CT5N/2062"};
    QStringList paths;
    for (int i = 0; i < order.size(); ++i) {
        const QString slicePath = dir + QLatin1Char('/') + order[i];
        paths << slicePath;
        const ImageStack slice = mustLoad(slicePath);
        QCOMPARE(slice.frameCount, 1);
        QVERIFY(std::equal(slice.samples.begin(), slice.samples.end(), s->frame(i)));
    }
    QCOMPARE(s->sha256, sha256Hex(paths));
}

void TestImage::dicomSeriesShuffledCopy()
{
    // The same five slices under names that sort in another order, plus a non-DICOM file and a
    // DICOM file without pixels: the order still comes from the positions.
    REQUIRE_PYDICOM(dir, QStringLiteral("dicomdirtests/98892001/CT5N"));
    REQUIRE_PYDICOM(rtplan, QStringLiteral("rtplan.dcm"));
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QStringList files = {"2062", "2392", "2693", "3023", "3353"}; // z descending
    const QStringList names = {"a.dcm", "c.dcm", "e.dcm", "b.dcm", "d.dcm"};
    for (int i = 0; i < files.size(); ++i)
        QVERIFY(QFile::copy(dir + QLatin1Char('/') + files[i], tmp.filePath(names[i])));
    QVERIFY(QFile::copy(rtplan, tmp.filePath(QStringLiteral("plan.dcm"))));
    QVERIFY(writeBytes(tmp.filePath(QStringLiteral("notes.txt")), "not an image\n"));

    const ImageStack s = mustLoad(tmp.path());
    QCOMPARE(s.frameCount, 5);
    const ImageStack lowest = mustLoad(dir + QStringLiteral("/3353"));
    const ImageStack highest = mustLoad(dir + QStringLiteral("/2062"));
    QVERIFY(std::equal(lowest.samples.begin(), lowest.samples.end(), s.frame(0)));
    QVERIFY(std::equal(highest.samples.begin(), highest.samples.end(), s.frame(4)));
    QCOMPARE(s.spacing.sliceMm, 2.5);
}

// Series written here with DCMTK (tests/testdicom.h): 8 × 6 CT slices 2.5 mm apart whose
// pixels encode their instance number, so every frame can be traced back to its file.

void TestImage::seriesAssembly_data()
{
    QTest::addColumn<QList<double>>("zs"); // slice positions, in file-name order
    QTest::addColumn<int>("oddSize");      // index of a slice of another size, -1 none
    QTest::addColumn<QList<int>>("order"); // expected instance numbers, frame by frame
    QTest::addColumn<double>("sliceMm");
    QTest::addColumn<QStringList>("warningParts"); // each in the warnings; empty: no warning

    // Instance numbers are 1.. in list order, so a shuffled list checks the sort by position.
    QTest::newRow("shuffled names") << QList<double>{5, 0, 12.5, 2.5, 10, 7.5} << -1
                                    << QList<int>{2, 4, 1, 6, 5, 3} << 2.5 << QStringList();
    QTest::newRow("one slice missing")
        << QList<double>{0, 2.5, 5, 10, 12.5, 15} << -1 << QList<int>{1, 2, 3, 4, 5, 6} << 2.5
        << QStringList{"gap in the series between slice 3 (s3.dcm, at 5 mm)",
                       "slice 4 (s4.dcm, at 10 mm", "5 mm apart", "median spacing is 2.5 mm",
                       "about 1 slice(s) missing"};
    QTest::newRow("three slices missing")
        << QList<double>{0, 2.5, 12.5, 15, 17.5} << -1 << QList<int>{1, 2, 3, 4, 5} << 2.5
        << QStringList{"between slice 2", "and slice 3", "about 3 slice(s) missing"};
    QTest::newRow("slice of another size")
        << QList<double>{0, 2.5, 5, 7.5, 10} << 2 << QList<int>{1, 2, 4, 5} << 2.5
        << QStringList{"left out 1 slice(s) of another size than the series (6 × 8): "
                       "s3.dcm (10 × 4)",
                       "gap in the series between slice 2"};
    QTest::newRow("duplicate position")
        << QList<double>{0, 2.5, 2.5, 5, 7.5} << -1 << QList<int>{1, 2, 3, 4, 5} << 2.5
        << QStringList{"1 pair(s) of slices at the same position: s2.dcm and s3.dcm at 2.5 mm"};
}

void TestImage::seriesAssembly()
{
    QFETCH(QList<double>, zs);
    QFETCH(int, oddSize);
    QFETCH(QList<int>, order);
    QFETCH(double, sliceMm);
    QFETCH(QStringList, warningParts);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    for (int i = 0; i < zs.size(); ++i) {
        testing::CtSlice s;
        s.instance = i + 1;
        s.z = zs[i];
        if (i == oddSize) {
            s.rows = 4;
            s.columns = 10;
        }
        QVERIFY(testing::writeCtSlice(tmp.filePath(QStringLiteral("s%1.dcm").arg(i + 1)), s));
    }
    LoadError error;
    const auto stack = ImageLoader::load(tmp.path(), &error);
    QVERIFY2(stack, qPrintable(error.message()));
    QCOMPARE(stack->kind, ImageKind::Series);
    QCOMPARE(stack->width, 6);
    QCOMPARE(stack->height, 8);
    QCOMPARE(stack->frameCount, int(order.size()));
    QCOMPARE(stack->spacing.sliceMm, sliceMm);
    QCOMPARE(stack->spacing.rowMm, 0.5);
    for (int f = 0; f < order.size(); ++f) {
        testing::CtSlice s;
        s.instance = order[f];
        QCOMPARE(stack->sample(f, 0, 0), testing::ctHu(s, 0, 0));
        QCOMPARE(stack->sample(f, 5, 7), testing::ctHu(s, 5, 7));
    }
    const QString warnings = stack->warnings.join(QLatin1Char('\n'));
    if (warningParts.isEmpty())
        QVERIFY2(stack->warnings.isEmpty(), qPrintable(warnings));
    for (const QString &part : warningParts)
        QVERIFY2(warnings.contains(part),
                 qPrintable(QStringLiteral("\"%1\" not in:\n%2").arg(part, warnings)));
}

void TestImage::seriesRescale_data()
{
    QTest::addColumn<double>("slope");
    QTest::addColumn<double>("intercept");
    QTest::newRow("HU -1024") << 1.0 << -1024.0;
    QTest::newRow("slope 2") << 2.0 << -2048.0;
    QTest::newRow("slope 0.5") << 0.5 << -1000.0;
}

void TestImage::seriesRescale()
{
    QFETCH(double, slope);
    QFETCH(double, intercept);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    for (int i = 0; i < 3; ++i) {
        testing::CtSlice s;
        s.instance = i + 1;
        s.z = 2.5 * i;
        s.slope = slope;
        s.intercept = intercept;
        QVERIFY(testing::writeCtSlice(tmp.filePath(QStringLiteral("%1.dcm").arg(i)), s));
    }
    const ImageStack stack = mustLoad(tmp.path());
    QCOMPARE(stack.frameCount, 3);
    QCOMPARE(stack.modality, QStringLiteral("CT"));
    testing::CtSlice s;
    s.slope = slope;
    s.intercept = intercept;
    for (int f = 0; f < 3; ++f) {
        s.instance = f + 1;
        for (int y = 0; y < 8; y += 3)
            for (int x = 0; x < 6; x += 2)
                QCOMPARE(stack.sample(f, x, y),
                         float((1000 + 100 * (f + 1) + 10 * y + x) * slope + intercept));
    }
    s.instance = 1; // the smallest stored value: pixel (0, 0) of the first slice
    QCOMPARE(stack.minValue, testing::ctHu(s, 0, 0));
}

void TestImage::seriesChoice()
{
    // Two series in one folder (and a subfolder): a 5-slice axial series and a 3-slice scout.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(QDir(tmp.path()).mkdir(QStringLiteral("scout")));
    const QString axialUid = QStringLiteral("1.2.826.0.1.3680043.10.543.20");
    const QString scoutUid = QStringLiteral("1.2.826.0.1.3680043.10.543.10");
    for (int i = 0; i < 5; ++i) {
        testing::CtSlice s;
        s.seriesUid = axialUid;
        s.seriesNumber = 3;
        s.instance = i + 1;
        s.z = 2.5 * i;
        QVERIFY(testing::writeCtSlice(tmp.filePath(QStringLiteral("ax%1.dcm").arg(i)), s));
    }
    for (int i = 0; i < 3; ++i) {
        testing::CtSlice s;
        s.seriesUid = scoutUid;
        s.seriesNumber = 1;
        s.description = QStringLiteral("Scout");
        s.instance = 10 + i;
        s.z = 100 + 5.0 * i;
        s.rows = 4;
        s.columns = 4;
        QVERIFY(testing::writeCtSlice(tmp.filePath(QStringLiteral("scout/sc%1.dcm").arg(i)), s));
    }

    LoadError error;
    const auto series = ImageLoader::listSeries(tmp.path(), &error);
    QVERIFY2(series, qPrintable(error.message()));
    QCOMPARE(series->size(), 2);
    QCOMPARE(series->at(0).uid, axialUid); // largest first
    QCOMPARE(series->at(0).files, 5);
    QCOMPARE(series->at(0).rows, 8);
    QCOMPARE(series->at(0).columns, 6);
    QCOMPARE(series->at(0).modality, QStringLiteral("CT"));
    QCOMPARE(series->at(0).description, QStringLiteral("Axial 2.5 mm"));
    QCOMPARE(series->at(0).number, 3);
    QCOMPARE(series->at(1).uid, scoutUid);
    QCOMPARE(series->at(1).files, 3);
    QCOMPARE(series->at(1).rows, 4);
    QCOMPARE(series->at(1).description, QStringLiteral("Scout"));

    // None chosen: the largest, and the stack says so.
    const auto byDefault = ImageLoader::load(tmp.path(), &error);
    QVERIFY2(byDefault, qPrintable(error.message()));
    QCOMPARE(byDefault->seriesUid, axialUid);
    QCOMPARE(byDefault->frameCount, 5);
    QCOMPARE(byDefault->warnings,
             QStringList{QStringLiteral("2 series in the folder; took the largest, %1 (5 files)")
                             .arg(axialUid)});

    // Each chosen in turn: no warning, the chosen one's slices.
    const auto axial = ImageLoader::load(tmp.path(), LoadOptions{axialUid}, &error);
    QVERIFY2(axial, qPrintable(error.message()));
    QCOMPARE(axial->frameCount, 5);
    QVERIFY2(axial->warnings.isEmpty(), qPrintable(axial->warnings.join('\n')));
    QCOMPARE(axial->samples, byDefault->samples);
    const auto scout = ImageLoader::load(tmp.path(), LoadOptions{scoutUid}, &error);
    QVERIFY2(scout, qPrintable(error.message()));
    QCOMPARE(scout->seriesUid, scoutUid);
    QCOMPARE(scout->frameCount, 3);
    QCOMPARE(scout->width, 4);
    QCOMPARE(scout->spacing.sliceMm, 5.0);
    QVERIFY(scout->warnings.isEmpty());
    testing::CtSlice first;
    first.instance = 10;
    QCOMPARE(scout->sample(0, 3, 3), testing::ctHu(first, 3, 3));
    QVERIFY(scout->metadataValue(QStringLiteral("Series")).startsWith(QStringLiteral("chosen")));

    // An unknown UID: an error naming the folder and the series there.
    const auto unknown =
        ImageLoader::load(tmp.path(), LoadOptions{QStringLiteral("1.2.3")}, &error);
    QVERIFY(!unknown);
    QCOMPARE(error.path, tmp.path());
    QVERIFY2(error.cause.contains(QStringLiteral("no series 1.2.3")), qPrintable(error.cause));
    QVERIFY2(error.cause.contains(axialUid + QStringLiteral(" (5 file(s))")),
             qPrintable(error.cause));
    QVERIFY2(error.cause.contains(scoutUid), qPrintable(error.cause));

    // A file of one series asked for as another.
    const auto wrongFile =
        ImageLoader::load(tmp.filePath(QStringLiteral("ax0.dcm")), LoadOptions{scoutUid}, &error);
    QVERIFY(!wrongFile);
    QVERIFY(error.cause.contains(axialUid));

    // Listing what is no folder.
    QVERIFY(!ImageLoader::listSeries(tmp.filePath(QStringLiteral("ax0.dcm")), &error));
    QCOMPARE(error.cause, QStringLiteral("not a folder"));
}

// --------------------------------------------------------------------------------------------
// ITK

void TestImage::itkExampleVolumes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("frames");
    QTest::addColumn<double>("columnMm");
    QTest::addColumn<double>("rowMm");
    QTest::addColumn<double>("sliceMm");
    QTest::addColumn<QList<int>>("probe"); // x, y, z, expected value
    QTest::addColumn<double>("sum");

    // Expected values read with numpy from the raw bytes ([z, y, x] indexing).
    QTest::newRow("mha 3 slices") << "BrainProtonDensity3Slices.mha" << 181 << 217 << 3 << 1.0
                                  << 1.0 << 1.0 << QList<int>{90, 100, 1, 230} << 14725708.0;
    QTest::newRow("mha 3 slices, 2nd probe")
        << "BrainProtonDensity3Slices.mha" << 181 << 217 << 3 << 1.0 << 1.0 << 1.0
        << QList<int>{60, 50, 2, 157} << 14725708.0;
    // A coronal acquisition: its sform (RAS) takes file axis i to x_ras = -2 i (right → left),
    // j to z_ras = 2 j (inferior → superior), k to y_ras = 3 k (posterior → anterior). In LPS
    // order voxel (i, j, k) of the raw bytes lies at x = i, y = 61 - k, frame z = j.
    QTest::newRow("nii.gz 128x62x128 (coronal file)")
        << "KmeansTest_T1UCharRaw.nii.gz" << 128 << 62 << 128 << 2.0 << 3.0 << 2.0
        << QList<int>{64, 61 - 31, 64, 97} << 19533798.0; // raw (i 64, j 64, k 31)
    QTest::newRow("nii.gz 2nd probe")
        << "KmeansTest_T1UCharRaw.nii.gz" << 128 << 62 << 128 << 2.0 << 3.0 << 2.0
        << QList<int>{50, 61 - 40, 70, 99} << 19533798.0; // raw (i 50, j 70, k 40)
    QTest::newRow("nhdr 2D") << "BrainProtonDensitySliceBorder20.nhdr" << 221 << 257 << 1 << 1.0
                             << 1.0 << 0.0 << QList<int>{110, 128, 0, 203} << 4861905.0;
    QTest::newRow("mhd 2D") << "BrainProtonDensitySliceBorder20.mhd" << 221 << 257 << 1 << 1.0
                            << 1.0 << 0.0 << QList<int>{100, 100, 0, 171} << 4861905.0;
}

void TestImage::itkExampleVolumes()
{
    QFETCH(QString, file);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, frames);
    QFETCH(double, columnMm);
    QFETCH(double, rowMm);
    QFETCH(double, sliceMm);
    QFETCH(QList<int>, probe);
    QFETCH(double, sum);
    REQUIRE_ITK_DATA(path, file);

    LoadError error;
    const auto s = ImageLoader::load(path, &error);
    QVERIFY2(s, qPrintable(error.message()));
    QCOMPARE(s->kind, ImageKind::Volume);
    QCOMPARE(s->width, width);
    QCOMPARE(s->height, height);
    QCOMPARE(s->frameCount, frames);
    QCOMPARE(s->channels, 1);
    QCOMPARE(s->spacing.columnMm, columnMm);
    QCOMPARE(s->spacing.rowMm, rowMm);
    QCOMPARE(s->spacing.sliceMm, sliceMm);
    QCOMPARE(s->sample(probe[2], probe[0], probe[1]), float(probe[3]));
    double total = 0;
    for (float v : s->samples)
        total += v;
    QCOMPARE(total, sum);
    QCOMPARE(s->sha256, sha256Hex({path}));
    QVERIFY(!s->metadataValue(QStringLiteral("Format")).isEmpty());
    QVERIFY(!s->toQImage(frames - 1).isNull());
}

void TestImage::itkWrittenVolume_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("nrrd") << "volume.nrrd";
    QTest::newRow("mha") << "volume.mha";
    QTest::newRow("nii.gz") << "volume.nii.gz";
    QTest::newRow("nii") << "volume.nii";
}

void TestImage::itkWrittenVolume()
{
    QFETCH(QString, name);
    using Volume = itk::Image<float, 3>;
    auto volume = Volume::New();
    Volume::SizeType size;
    size[0] = 7;
    size[1] = 5;
    size[2] = 4;
    volume->SetRegions(Volume::RegionType(size));
    const double spacing[3] = {0.5, 0.75, 2.5};
    volume->SetSpacing(spacing);
    volume->Allocate();
    itk::ImageRegionIteratorWithIndex<Volume> it(volume, volume->GetLargestPossibleRegion());
    for (it.GoToBegin(); !it.IsAtEnd(); ++it) {
        const auto idx = it.GetIndex();
        it.Set(float(idx[0] + 10 * idx[1] + 100 * idx[2]) - 50.25f);
    }

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(name);
    try {
        auto writer = itk::ImageFileWriter<Volume>::New();
        if (name.endsWith(QLatin1String(".nrrd")))
            writer->SetImageIO(itk::NrrdImageIO::New());
        else if (name.endsWith(QLatin1String(".mha")))
            writer->SetImageIO(itk::MetaImageIO::New());
        else
            writer->SetImageIO(itk::NiftiImageIO::New());
        writer->SetFileName(QFile::encodeName(path).toStdString());
        writer->SetInput(volume);
        writer->Update();
    } catch (const itk::ExceptionObject &e) {
        QFAIL(e.GetDescription());
    }

    LoadError error;
    const auto s = ImageLoader::load(path, &error);
    QVERIFY2(s, qPrintable(error.message()));
    QCOMPARE(s->kind, ImageKind::Volume);
    QCOMPARE(s->width, 7);
    QCOMPARE(s->height, 5);
    QCOMPARE(s->frameCount, 4);
    QCOMPARE(s->spacing.columnMm, 0.5);
    QCOMPARE(s->spacing.rowMm, 0.75);
    QCOMPARE(s->spacing.sliceMm, 2.5);
    for (int z = 0; z < 4; ++z)
        for (int y = 0; y < 5; ++y)
            for (int x = 0; x < 7; ++x)
                QCOMPARE(s->sample(z, x, y), float(x + 10 * y + 100 * z) - 50.25f);
    QCOMPARE(s->minValue, -50.25f);
    QCOMPARE(s->maxValue, 6.0f + 40 + 300 - 50.25f);
    // Identity direction: already LPS, loaded as written.
    QVERIFY(s->metadataValue(QStringLiteral("Reoriented")).isEmpty());
    QVERIFY(s->warnings.isEmpty());
}

void TestImage::itkReorientedVolume_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("nrrd") << "oblique.nrrd";
    QTest::newRow("mha") << "oblique.mha";
    QTest::newRow("nii.gz") << "oblique.nii.gz";
}

void TestImage::itkReorientedVolume()
{
    // A patient volume of X = 4 (right → left) × Y = 3 (anterior → posterior) × Z = 5 (inferior
    // → superior) voxels holding x + 10 y + 100 z, written in another axis order: file axis i
    // runs from superior to inferior, j from right to left, k from posterior to anterior.
    QFETCH(QString, name);
    constexpr int X = 4, Y = 3, Z = 5;
    using Volume = itk::Image<float, 3>;
    auto volume = Volume::New();
    Volume::SizeType size;
    size[0] = Z;
    size[1] = X;
    size[2] = Y;
    volume->SetRegions(Volume::RegionType(size));
    const double spacing[3] = {2.5, 0.5, 0.75};
    volume->SetSpacing(spacing);
    Volume::DirectionType direction; // columns: the patient direction of each file axis
    direction.Fill(0);
    direction[2][0] = -1; // i: -z
    direction[0][1] = 1;  // j: +x
    direction[1][2] = -1; // k: -y
    volume->SetDirection(direction);
    volume->Allocate();
    itk::ImageRegionIteratorWithIndex<Volume> it(volume, volume->GetLargestPossibleRegion());
    for (it.GoToBegin(); !it.IsAtEnd(); ++it) {
        const auto idx = it.GetIndex();
        const int z = Z - 1 - int(idx[0]), x = int(idx[1]), y = Y - 1 - int(idx[2]);
        it.Set(float(x + 10 * y + 100 * z));
    }
    QVERIFY(itk::SpatialOrientationAdapter().FromDirectionCosines(direction) !=
            itk::SpatialOrientation::ITK_COORDINATE_ORIENTATION_RAI);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(name);
    try {
        auto writer = itk::ImageFileWriter<Volume>::New();
        if (name.endsWith(QLatin1String(".nrrd")))
            writer->SetImageIO(itk::NrrdImageIO::New());
        else if (name.endsWith(QLatin1String(".mha")))
            writer->SetImageIO(itk::MetaImageIO::New());
        else
            writer->SetImageIO(itk::NiftiImageIO::New());
        writer->SetFileName(QFile::encodeName(path).toStdString());
        writer->SetInput(volume);
        writer->Update();
    } catch (const itk::ExceptionObject &e) {
        QFAIL(e.GetDescription());
    }

    LoadError error;
    const auto s = ImageLoader::load(path, &error);
    QVERIFY2(s, qPrintable(error.message()));
    QCOMPARE(s->kind, ImageKind::Volume);
    QCOMPARE(s->width, X);
    QCOMPARE(s->height, Y);
    QCOMPARE(s->frameCount, Z);
    QCOMPARE(s->spacing.columnMm, 0.5);
    QCOMPARE(s->spacing.rowMm, 0.75);
    QCOMPARE(s->spacing.sliceMm, 2.5);
    for (int z = 0; z < Z; ++z)
        for (int y = 0; y < Y; ++y)
            for (int x = 0; x < X; ++x)
                QCOMPARE(s->sample(z, x, y), float(x + 10 * y + 100 * z));
    // The file's direction stays readable, with what was done to it.
    QCOMPARE(s->metadataValue(QStringLiteral("Direction")),
             QStringLiteral("(0, 0, -1) (1, 0, 0) (0, -1, 0)"));
    QVERIFY2(s->metadataValue(QStringLiteral("Reoriented"))
                 .startsWith(QStringLiteral("from SRP to RAI")),
             qPrintable(s->metadataValue(QStringLiteral("Reoriented"))));
    QCOMPARE(s->sha256, sha256Hex({path}));
}

// --------------------------------------------------------------------------------------------
// Views of a CT

void TestImage::reslicePlanes_data()
{
    QTest::addColumn<SlicePlane>("plane");
    QTest::addColumn<int>("channels");
    QTest::newRow("axial") << SlicePlane::Axial << 1;
    QTest::newRow("coronal") << SlicePlane::Coronal << 1;
    QTest::newRow("sagittal") << SlicePlane::Sagittal << 1;
    QTest::newRow("coronal rgb") << SlicePlane::Coronal << 3;
    QTest::newRow("sagittal rgb") << SlicePlane::Sagittal << 3;
}

void TestImage::reslicePlanes()
{
    // X = 4 columns (right → left), Y = 3 rows (anterior → posterior), Z = 5 axial slices
    // (inferior → superior), voxel x + 10 y + 100 z (+ 1000 per channel).
    QFETCH(SlicePlane, plane);
    QFETCH(int, channels);
    constexpr int X = 4, Y = 3, Z = 5;
    ImageStack v;
    v.kind = ImageKind::Series;
    v.width = X;
    v.height = Y;
    v.frameCount = Z;
    v.channels = channels;
    v.spacing = {0.75, 0.5, 2.5}; // row, column, slice
    v.window = {40, 400};
    v.modality = QStringLiteral("CT");
    v.sha256 = "abc";
    v.metadata.append({QStringLiteral("Modality"), QStringLiteral("CT")});
    v.warnings << QStringLiteral("a warning");
    auto value = [](int x, int y, int z, int c) { return float(x + 10 * y + 100 * z + 1000 * c); };
    for (int z = 0; z < Z; ++z)
        for (int y = 0; y < Y; ++y)
            for (int x = 0; x < X; ++x)
                for (int c = 0; c < channels; ++c)
                    v.samples.push_back(value(x, y, z, c));
    v.updateRange();

    const ImageStack r = reslice(v, plane);
    QVERIFY(!r.isEmpty());
    QCOMPARE(r.kind, ImageKind::Series);
    QCOMPARE(r.channels, channels);
    QCOMPARE(r.window.center, 40.0);
    QCOMPARE(r.window.width, 400.0);
    QCOMPARE(r.modality, QStringLiteral("CT"));
    QCOMPARE(r.warnings, v.warnings);
    QCOMPARE(r.minValue, v.minValue);
    QCOMPARE(r.maxValue, v.maxValue);
    QCOMPARE(r.samples.size(), v.samples.size());
    switch (plane) {
    case SlicePlane::Axial:
        QCOMPARE(r.samples, v.samples);
        QCOMPARE(r.sha256, v.sha256);
        return;
    case SlicePlane::Coronal:
        // Frame f = row y (anterior first); column c = x; row r = slice Z-1-r (superior on top).
        QCOMPARE(r.frameCount, Y);
        QCOMPARE(r.width, X);
        QCOMPARE(r.height, Z);
        QCOMPARE(r.spacing.columnMm, 0.5);
        QCOMPARE(r.spacing.rowMm, 2.5);
        QCOMPARE(r.spacing.sliceMm, 0.75);
        for (int f = 0; f < Y; ++f)
            for (int row = 0; row < Z; ++row)
                for (int col = 0; col < X; ++col)
                    for (int c = 0; c < channels; ++c)
                        QCOMPARE(r.sample(f, col, row, c), value(col, f, Z - 1 - row, c));
        break;
    case SlicePlane::Sagittal:
        // Frame f = column x (right first); column c = y (anterior on the left); superior on top.
        QCOMPARE(r.frameCount, X);
        QCOMPARE(r.width, Y);
        QCOMPARE(r.height, Z);
        QCOMPARE(r.spacing.columnMm, 0.75);
        QCOMPARE(r.spacing.rowMm, 2.5);
        QCOMPARE(r.spacing.sliceMm, 0.5);
        for (int f = 0; f < X; ++f)
            for (int row = 0; row < Z; ++row)
                for (int col = 0; col < Y; ++col)
                    for (int c = 0; c < channels; ++c)
                        QCOMPARE(r.sample(f, col, row, c), value(f, col, Z - 1 - row, c));
        break;
    }
    QCOMPARE(r.metadataValue(QStringLiteral("Plane")), slicePlaneName(plane));
    QVERIFY(!r.sha256.isEmpty());
    QVERIFY(r.sha256 != v.sha256);
    QVERIFY(r.sha256 !=
            reslice(v, plane == SlicePlane::Coronal ? SlicePlane::Sagittal : SlicePlane::Coronal)
                .sha256);
    QVERIFY(!r.toQImage(0).isNull());
}

void TestImage::resliceRefused()
{
    // A single picture, a cine and a one-slice volume have no other plane: unchanged.
    ImageStack single = ImageStack::fromQImage(QImage(5, 4, QImage::Format_Grayscale8));
    QVERIFY(!canReslice(single));
    QCOMPARE(reslice(single, SlicePlane::Coronal).width, 5);
    ImageStack cine = single;
    cine.kind = ImageKind::Cine;
    cine.frameCount = 2;
    cine.samples.resize(cine.samples.size() * 2);
    QVERIFY(!canReslice(cine));
    QCOMPARE(reslice(cine, SlicePlane::Sagittal).frameCount, 2);
    ImageStack oneSlice = single;
    oneSlice.kind = ImageKind::Volume;
    QVERIFY(!canReslice(oneSlice));
    QCOMPARE(reslice(oneSlice, SlicePlane::Sagittal).height, 4);
}

void TestImage::ctWindowPresetValues()
{
    const QList<WindowPreset> &presets = ctWindowPresets();
    QStringList ids;
    for (const WindowPreset &p : presets) {
        ids << p.id;
        QVERIFY(p.window.valid());
        QVERIFY(!p.name.isEmpty());
    }
    QCOMPARE(ids, (QStringList{"brain", "lung", "mediastinum", "abdomen", "bone"}));
    const auto check = [](const char *id, double center, double width) {
        const WindowPreset *p = ctWindowPreset(QLatin1String(id));
        return p && p->window.center == center && p->window.width == width;
    };
    QVERIFY(check("brain", 40, 80));
    QVERIFY(check("lung", -600, 1500));
    QVERIFY(check("mediastinum", 50, 350));
    QVERIFY(check("abdomen", 40, 400));
    QVERIFY(check("bone", 400, 1800));
    QVERIFY(!ctWindowPreset(QStringLiteral("liver")));
}

// --------------------------------------------------------------------------------------------
// Errors

void TestImage::loadErrors_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("causeContains");

    QTest::newRow("missing file") << "missing"
                                  << "does not exist";
    QTest::newRow("empty file") << "empty"
                                << "file is empty";
    QTest::newRow("garbage, no suffix") << "garbage"
                                        << "not a DICOM file and not an image format Qt can read";
    QTest::newRow("garbage .png") << "garbage.png"
                                  << "not a DICOM file and not an image format Qt can read";
    QTest::newRow("garbage .dcm") << "garbage.dcm"
                                  << "not a valid DICOM file";
    QTest::newRow("corrupt PNG") << "corrupt.png"
                                 << "cannot decode PNG image";
    QTest::newRow("CT truncated to half") << "truncated"
                                          << "DICOM pixel data is truncated";
    QTest::newRow("CT cut in the header") << "headercut"
                                          << "DICOM file is truncated or damaged";
    QTest::newRow("short pixel data")
        << "short"
        << "DICOM pixel data is truncated: 4096 bytes present, 8192 expected";
    QTest::newRow("MR_truncated.dcm (pydicom)") << "MR_truncated.dcm"
                                                << "DICOM pixel data is truncated";
    QTest::newRow("no pixel data") << "rtplan.dcm"
                                   << "DICOM file has no pixel data (modality RTPLAN)";
    QTest::newRow("truncated RT plan") << "rtplan_truncated.dcm"
                                       << "DICOM file is truncated or damaged";
    QTest::newRow("DICOMDIR") << "dicomdirtests/DICOMDIR"
                              << "a DICOMDIR is an index without pixel data";
    QTest::newRow("malformed, no meta") << "no_meta.dcm"
                                        << "not a valid DICOM file";
    QTest::newRow("MPEG2 transfer syntax") << "mpeg2"
                                           << "unsupported transfer syntax MPEG2";
    QTest::newRow("unknown transfer syntax")
        << "unknown-ts"
        << "unsupported transfer syntax 1.2.840.10008.1.2.4.999";
    QTest::newRow("corrupt NIfTI") << "corrupt.nii"
                                   << "not a NIfTI file ITK can read";
    QTest::newRow("MetaImage without data") << "nodata.mha"
                                            << "cannot read MetaImage volume";
    QTest::newRow("empty directory") << "emptydir"
                                     << "directory contains no DICOM files";
    QTest::newRow("directory without images") << "plandir"
                                              << "directory contains no DICOM images";
}

void TestImage::loadErrors()
{
    QFETCH(QString, kind);
    QFETCH(QString, causeContains);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString pydicom = pydicomDir();
    // Rows named after a pydicom file use it as it is.
    const bool pydicomFile = kind.contains(QLatin1Char('/')) ||
                             (kind.endsWith(QLatin1String(".dcm")) && kind != "garbage.dcm");
    const bool needsPydicom = pydicomFile || kind == "truncated" || kind == "headercut" ||
                              kind == "mpeg2" || kind == "short" || kind == "unknown-ts" ||
                              kind == "plandir";
    if (needsPydicom && pydicom.isEmpty())
        QSKIP("test data not installed: apt install python3-pydicom");

    QString path = tmp.filePath(kind);
    QByteArray garbage;
    for (int i = 0; i < 200; ++i)
        garbage += "this is not an image, just text; ";

    if (kind == "missing") {
        path = tmp.filePath(QStringLiteral("does-not-exist.png"));
    } else if (kind == "empty") {
        QVERIFY(writeBytes(path, {}));
    } else if (kind.startsWith(QLatin1String("garbage"))) {
        QVERIFY(writeBytes(path, garbage));
    } else if (kind == "corrupt.png") {
        QByteArray png("\x89PNG\r\n\x1a\n", 8);
        QVERIFY(writeBytes(path, png + garbage));
    } else if (kind == "truncated" || kind == "headercut") {
        const QByteArray ct = readBytes(pydicom + QStringLiteral("/CT_small.dcm"));
        QVERIFY(ct.size() > 30000);
        QVERIFY(writeBytes(path, ct.left(kind == "truncated" ? ct.size() / 2 : 700)));
    } else if (kind == "mpeg2") {
        QVERIFY(writeMpeg2(pydicom + QStringLiteral("/MR_small.dcm"), path));
    } else if (kind == "short") {
        QVERIFY(writeShortPixelData(pydicom + QStringLiteral("/MR_small.dcm"), path));
    } else if (kind == "unknown-ts") {
        QVERIFY(writeWithTransferSyntax(pydicom + QStringLiteral("/MR_small.dcm"), path,
                                        "1.2.840.10008.1.2.4.999"));
    } else if (pydicomFile) {
        path = pydicom + QLatin1Char('/') + kind;
        if (!QFile::exists(path))
            QSKIP("file not in this version of python3-pydicom");
    } else if (kind == "corrupt.nii") {
        QVERIFY(writeBytes(path, garbage));
    } else if (kind == "nodata.mha") {
        QVERIFY(writeBytes(path, "ObjectType = Image\nNDims = 3\nDimSize = 4 4 4\n"
                                 "ElementType = MET_UCHAR\nElementDataFile = missing.raw\n"));
    } else if (kind == "emptydir") {
        QVERIFY(QDir(tmp.path()).mkdir(kind));
    } else if (kind == "plandir") {
        QVERIFY(QDir(tmp.path()).mkdir(kind));
        QVERIFY(QFile::copy(pydicom + QStringLiteral("/rtplan.dcm"),
                            path + QStringLiteral("/plan.dcm")));
    }

    LoadError error;
    std::optional<ImageStack> stack;
    stack = ImageLoader::load(path, &error);
    QVERIFY2(!stack, qPrintable(QStringLiteral("%1 loaded").arg(path)));
    QCOMPARE(error.path, path);
    QVERIFY2(error.cause.contains(causeContains), qPrintable(error.message()));
    QCOMPARE(error.message(), path + QStringLiteral(": ") + error.cause);
    qInfo("%s", qPrintable(error.message()));
}

void TestImage::errorPointerMayBeNull()
{
    QVERIFY(!ImageLoader::load(QStringLiteral("/nonexistent/file.dcm"), nullptr));
    QVERIFY(!ImageLoader::load(QString(), nullptr));
    LoadError error;
    QVERIFY(!ImageLoader::load(QString(), &error));
    QVERIFY(!error.cause.isEmpty());
}

// Whatever pydicom ships (good, odd, broken), loading never crashes and failures say why.
void TestImage::everyPydicomFile()
{
    const QString dir = pydicomDir();
    if (dir.isEmpty())
        QSKIP("test data not installed: apt install python3-pydicom");
    int loaded = 0, failed = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        LoadError error;
        const auto s = ImageLoader::load(path, &error);
        if (s) {
            ++loaded;
            QVERIFY2(!s->isEmpty(), qPrintable(path));
            QVERIFY2(!s->toQImage(0).isNull(), qPrintable(path));
        } else {
            ++failed;
            QVERIFY2(!error.cause.isEmpty(), qPrintable(path));
            QCOMPARE(error.path, path);
            qInfo("refused %s", qPrintable(error.message().mid(dir.size() + 1)));
        }
    }
    qInfo("%d loaded, %d refused", loaded, failed);
    QVERIFY(loaded > 30);
}

// Several threads decoding compressed DICOM at once (decoder registration is a one-time static).
void TestImage::concurrentLoads()
{
    REQUIRE_PYDICOM(rle, QStringLiteral("MR_small_RLE.dcm"));
    REQUIRE_PYDICOM(jls, QStringLiteral("MR_small_jpeg_ls_lossless.dcm"));
    REQUIRE_PYDICOM(jpeg, QStringLiteral("SC_rgb_jpeg_gdcm.dcm"));
    REQUIRE_PYDICOM(ref, QStringLiteral("MR_small.dcm"));
    const ImageStack reference = mustLoad(ref);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 5; ++i) {
                const QString path = (t + i) % 3 == 0 ? rle : (t + i) % 3 == 1 ? jls : jpeg;
                const auto s = ImageLoader::load(path, nullptr);
                if (!s || (path != jpeg && s->samples != reference.samples))
                    ++failures;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
}

void TestImage::nameFilters()
{
    const QStringList filters = ImageLoader::nameFilters();
    QVERIFY(filters.size() >= 3);
    QVERIFY(filters.first().startsWith(QStringLiteral("All supported files (")));
    for (const char *pattern : {"*.dcm", "*.nii.gz", "*.mha", "*.nrrd", "*.png", "*.jpg"})
        QVERIFY2(filters.first().contains(QLatin1String(pattern)), pattern);
    QCOMPARE(filters.last(), QStringLiteral("All files (*)"));
}

QTEST_GUILESS_MAIN(TestImage)
#include "tst_image.moc"
