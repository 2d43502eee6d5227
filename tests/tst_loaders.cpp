// Tests for moescope_image's loaders when things go wrong or get busy:
// missing, damaged and unsupported files (each refused with the file and
// the cause), every file pydicom ships, concurrent decoding, and the file
// dialog's name filters.
#include "image/image.h"
#include "image/imageloader.h"
#include "loadertestsupport.h"
#include "testdicom.h"
#include "thirdpartydata.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
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

#include <atomic>
#include <thread>
#include <vector>

using namespace moescope;

namespace {

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

class TestLoaders : public QObject
{
    Q_OBJECT

private slots:
    void loadErrors_data();
    void loadErrors();
    void errorPointerMayBeNull();
    void everyPydicomFile();
    void concurrentLoads();
    void nameFilters();
};

// --------------------------------------------------------------------------------------------
// Errors

void TestLoaders::loadErrors_data()
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

void TestLoaders::loadErrors()
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

void TestLoaders::errorPointerMayBeNull()
{
    QVERIFY(!ImageLoader::load(QStringLiteral("/nonexistent/file.dcm"), nullptr));
    QVERIFY(!ImageLoader::load(QString(), nullptr));
    LoadError error;
    QVERIFY(!ImageLoader::load(QString(), &error));
    QVERIFY(!error.cause.isEmpty());
}

// Whatever pydicom ships (good, odd, broken), loading never crashes and failures say why.
void TestLoaders::everyPydicomFile()
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
void TestLoaders::concurrentLoads()
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

void TestLoaders::nameFilters()
{
    const QStringList filters = ImageLoader::nameFilters();
    QVERIFY(filters.size() >= 3);
    QVERIFY(filters.first().startsWith(QStringLiteral("All supported files (")));
    for (const char *pattern : {"*.dcm", "*.nii.gz", "*.mha", "*.nrrd", "*.png", "*.jpg"})
        QVERIFY2(filters.first().contains(QLatin1String(pattern)), pattern);
    QCOMPARE(filters.last(), QStringLiteral("All files (*)"));
}

QTEST_GUILESS_MAIN(TestLoaders)
#include "tst_loaders.moc"
