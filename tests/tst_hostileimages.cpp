// Issue 15, reliability of the loaders: headers that disagree with their
// pixels, sizes that would exhaust memory, files cut short. Each input is
// generated here (header edits of Debian's pydicom test files with DCMTK,
// NIfTI volumes written and cut with ITK and gzip), each must be refused with
// one line and nothing decoded, and the unedited file must still load (so
// every check can fail).
#include "image/imageloader.h"
#include "loadertestsupport.h"
#include "thirdpartydata.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <itkImage.h>
#include <itkImageFileWriter.h>
#include <itkNiftiImageIO.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>

using namespace moescope;

namespace {

// `source` with `key` set to `value` (an US attribute, or an IS string), saved
// in its own transfer syntax as `target`.
bool editDicom(const QString &source, const QString &target, const DcmTagKey &key,
               const QString &value)
{
    DcmFileFormat file;
    if (file.loadFile(QFile::encodeName(source).constData()).bad())
        return false;
    DcmDataset *ds = file.getDataset();
    const OFCondition put = key == DCM_NumberOfFrames
                                ? ds->putAndInsertString(key, value.toLatin1().constData())
                                : ds->putAndInsertUint16(key, Uint16(value.toInt()));
    return put.good() && file.saveFile(QFile::encodeName(target).constData(), EXS_Unknown).good();
}

QString refusal(const QString &path)
{
    LoadError error;
    const auto image = ImageLoader::load(path, &error);
    return image ? QString() : error.message();
}

// An animated GIF of `frames` frames of side × side whose image data is
// empty (a clear code and an end code): decoders fill each frame with the
// background, so the file is ~20 bytes a frame whatever the frames' size.
QByteArray emptyAnimatedGif(int side, int frames)
{
    QByteArray gif("GIF89a");
    const auto u16 = [&gif](int v) { gif.append(char(v & 0xff)).append(char(v >> 8)); };
    u16(side);
    u16(side);
    gif.append("\x80\x00\x00", 3);                                 // a 2-colour global table
    gif.append("\x00\x00\x00\xff\xff\xff", 6);                     // black, white
    gif.append("\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00", 19); // loop for ever
    for (int i = 0; i < frames; ++i) {
        gif.append("\x21\xf9\x04\x00\x0a\x00\x00\x00", 8); // 100 ms
        gif.append(char(0x2c));
        u16(0);
        u16(0);
        u16(side);
        u16(side);
        gif.append(char(0));
        gif.append("\x02\x01\x2c\x00", 4); // code size 2; codes 4 (clear), 5 (end)
    }
    gif.append(char(0x3b));
    return gif;
}

} // namespace

class TestHostileImages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dicomHeaderEdits_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        const QString damaged = QStringLiteral("damaged DICOM header");
        for (const char *file :
             {"MR_small_jp2klossless.dcm", "SC_rgb_gdcm_KY.dcm", "CT_small.dcm"}) {
            const QString f = QString::fromLatin1(file);
            QTest::addRow("%s: Rows 0", file) << f << "rows"
                                              << "0" << damaged;
            QTest::addRow("%s: Columns 0", file) << f << "columns"
                                                 << "0" << damaged;
            QTest::addRow("%s: Samples per Pixel 0", file) << f << "samples"
                                                           << "0" << damaged;
            QTest::addRow("%s: Samples per Pixel 2", file) << f << "samples"
                                                           << "2" << damaged;
            QTest::addRow("%s: Planar Configuration 5", file) << f << "planar"
                                                              << "5" << damaged;
            QTest::addRow("%s: Bits Allocated 12", file) << f << "bits"
                                                         << "12" << damaged;
            QTest::addRow("%s: 1,000 frames of 4096²", file)
                << f << "bomb"
                << "1000" << QStringLiteral("more than the");
        }
        // A JPEG 2000 frame whose codestream disagrees with a plausible header.
        QTest::newRow("JPEG 2000: Rows doubled") << "MR_small_jp2klossless.dcm"
                                                 << "rows"
                                                 << "128"
                                                 << "a JPEG 2000 frame holds";
        QTest::newRow("JPEG 2000: Columns + 1") << "MR_small_jp2klossless.dcm"
                                                << "columns"
                                                << "65"
                                                << "a JPEG 2000 frame holds";
        QTest::newRow("JPEG 2000 grey: Samples per Pixel 3") << "MR_small_jp2klossless.dcm"
                                                             << "samples"
                                                             << "3"
                                                             << "a JPEG 2000 frame holds";
        QTest::newRow("JPEG 2000 RGB: Samples per Pixel 1") << "SC_rgb_gdcm_KY.dcm"
                                                            << "samples"
                                                            << "1"
                                                            << "a JPEG 2000 frame holds";
    }

    void dicomHeaderEdits()
    {
        QFETCH(QString, file);
        QFETCH(QString, tag);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        REQUIRE_PYDICOM(source, file);
        QVERIFY2(refusal(source).isEmpty(), qPrintable(refusal(source))); // the original loads
        QTemporaryDir dir;
        const QString edited = dir.filePath(QStringLiteral("edited.dcm"));
        bool ok = false;
        if (tag == QLatin1String("bomb")) {
            const QString step = dir.filePath(QStringLiteral("step.dcm"));
            ok = editDicom(source, step, DCM_Rows, QStringLiteral("4096")) &&
                 editDicom(step, dir.filePath(QStringLiteral("step2.dcm")), DCM_Columns,
                           QStringLiteral("4096")) &&
                 editDicom(dir.filePath(QStringLiteral("step2.dcm")), edited, DCM_NumberOfFrames,
                           value);
        } else {
            const QHash<QString, DcmTagKey> keys{{"rows", DCM_Rows},
                                                 {"columns", DCM_Columns},
                                                 {"samples", DCM_SamplesPerPixel},
                                                 {"planar", DCM_PlanarConfiguration},
                                                 {"bits", DCM_BitsAllocated}};
            ok = editDicom(source, edited, keys.value(tag), value);
        }
        QVERIFY(ok);
        const QString why = refusal(edited);
        QVERIFY2(why.contains(expected), qPrintable(why));
        QVERIFY2(why.startsWith(edited), qPrintable(why)); // names the file
        QCOMPARE(why.count(QLatin1Char('\n')), 0);
    }

    // The limit is the user's to set: a 1024² 8-bit picture (4 MB of floats
    // decoded) is refused under a 1 MB limit and loads under an 8 MB one.
    void decodedSizeLimitIsConfigurable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("square.dcm"));
        DcmFileFormat file;
        DcmDataset *ds = file.getDataset();
        ds->putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
        ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.10.1.1");
        ds->putAndInsertString(DCM_Modality, "OT");
        ds->putAndInsertUint16(DCM_Rows, 1024);
        ds->putAndInsertUint16(DCM_Columns, 1024);
        ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
        ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        ds->putAndInsertUint16(DCM_BitsAllocated, 8);
        ds->putAndInsertUint16(DCM_BitsStored, 8);
        ds->putAndInsertUint16(DCM_HighBit, 7);
        ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
        const std::vector<Uint8> pixels(1024 * 1024, 100);
        ds->putAndInsertUint8Array(DCM_PixelData, pixels.data(), unsigned(pixels.size()));
        QVERIFY(
            file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good());

        qputenv("MOESCOPE_MAX_DECODED_MB", "1");
        const QString why = refusal(path);
        qputenv("MOESCOPE_MAX_DECODED_MB", "8");
        const QString under8 = refusal(path);
        qunsetenv("MOESCOPE_MAX_DECODED_MB");
        QVERIFY2(why.contains(QStringLiteral("would decode to 4 MB, more than the 1 MB allowed")),
                 qPrintable(why));
        QVERIFY2(under8.isEmpty(), qPrintable(under8));
    }

    // An animation is held to the limit as a whole, not frame by frame: a
    // 20 kB GIF of 1,000 frames of 256² (800 MB decoded) is refused under a
    // 16 MB limit before its frames are decoded, and three such frames load.
    void animationBombs_data()
    {
        QTest::addColumn<int>("frames");
        QTest::addColumn<bool>("loads");
        QTest::newRow("3 frames") << 3 << true;
        QTest::newRow("1000 frames") << 1000 << false;
    }

    void animationBombs()
    {
        QFETCH(int, frames);
        QFETCH(bool, loads);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bomb.gif"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(emptyAnimatedGif(256, frames));
        file.close();
        qputenv("MOESCOPE_MAX_DECODED_MB", "16");
        LoadError error;
        const auto image = ImageLoader::load(path, &error);
        qunsetenv("MOESCOPE_MAX_DECODED_MB");
        QCOMPARE(bool(image), loads);
        if (loads) {
            QCOMPARE(image->frameCount, frames);
            QCOMPARE(image->width, 256);
        } else {
            QVERIFY2(error.cause.contains(QStringLiteral("an animation of 256 × 256 with more "
                                                         "than")) &&
                         error.cause.contains(QStringLiteral("more than the 16 MB allowed")),
                     qPrintable(error.message()));
        }
    }

    // MetaImage headers that disagree with themselves (found by fuzz_volume):
    // each refused before ITK reads the voxels; the consistent one loads.
    void metaImageHeaders_data()
    {
        QTest::addColumn<QByteArray>("ndims");
        QTest::addColumn<QByteArray>("comment");
        QTest::addColumn<QString>("expected");
        QTest::newRow("consistent") << QByteArray("3") << QByteArray("a volume") << QString();
        QTest::newRow("NDims 0 with a DimSize")
            << QByteArray("0") << QByteArray("a volume")
            << QStringLiteral("the header gives 0 dimension(s)");
        // MetaIO strcpy()s each value into 255 bytes: glibc aborted the process.
        QTest::newRow("a 300-character value")
            << QByteArray("3") << QByteArray(300, 'x')
            << QStringLiteral("longer than the 255 characters MetaIO reads");
    }

    void metaImageHeaders()
    {
        QFETCH(QByteArray, ndims);
        QFETCH(QByteArray, comment);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("volume.mha"));
        QByteArray bytes = "ObjectType = Image\nComment = " + comment + "\nNDims = " + ndims +
                           "\nDimSize = 4 4 3\nElementType = MET_SHORT\n"
                           "ElementByteOrderMSB = False\nElementDataFile = LOCAL\n";
        bytes.append(QByteArray(4 * 4 * 3 * 2, '\x01'));
        QVERIFY(writeBytes(path, bytes));
        const QString why = refusal(path);
        if (expected.isEmpty())
            QVERIFY2(why.isEmpty(), qPrintable(why));
        else
            QVERIFY2(why.contains(expected), qPrintable(why));
    }

    void niftiCutOrOversized_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expected");
        for (const char *suffix : {".nii", ".nii.gz"}) {
            QTest::addRow("%s cut in half", suffix) << suffix << "cut"
                                                    << "truncated";
            QTest::addRow("%s header claims 2048³", suffix) << suffix << "bomb"
                                                            << "more than the";
            // Found by fuzz_volume: a float converted to an integer unchecked.
            QTest::addRow("%s vox_offset NaN", suffix) << suffix << "nan offset"
                                                       << "its voxel offset (vox_offset)";
            QTest::addRow("%s vox_offset 1e30", suffix) << suffix << "huge offset"
                                                        << "its voxel offset (vox_offset)";
            // Found by fuzz_volume: ITK's NIfTI reader aborted in vnl_svd.
            QTest::addRow("%s quaternion NaN", suffix) << suffix << "nan quaternion"
                                                       << "orientation holds a number that is "
                                                          "not finite";
            // nifti1_io knows a header by its magic too: sizeof_hdr garbled.
            QTest::addRow("%s sform NaN, sizeof_hdr garbled", suffix)
                << suffix << "nan sform"
                << "orientation holds a number that is not finite";
        }
    }

    void niftiCutOrOversized()
    {
        QFETCH(QString, suffix);
        QFETCH(QString, damage);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString raw = dir.filePath(QStringLiteral("volume.nii"));
        using Volume = itk::Image<float, 3>;
        auto volume = Volume::New();
        Volume::SizeType size;
        size.Fill(48);
        volume->SetRegions(Volume::RegionType(size));
        volume->Allocate();
        float v = 0;
        for (auto *p = volume->GetBufferPointer(), *e = p + 48 * 48 * 48; p != e; ++p)
            *p = (v += 0.25f);
        auto writer = itk::ImageFileWriter<Volume>::New();
        writer->SetImageIO(itk::NiftiImageIO::New()); // no IO factories are registered here
        writer->SetInput(volume);
        writer->SetFileName(QFile::encodeName(raw).toStdString());
        writer->Update();
        QByteArray bytes = readBytes(raw);
        QVERIFY(bytes.size() >= 348 + 48 * 48 * 48 * 4);
        if (damage == QLatin1String("bomb")) // dim[1..3]: int16 at bytes 42, 44, 46 (NIfTI-1)
            for (int at : {42, 44, 46})
                qToLittleEndian<qint16>(2048, bytes.data() + at);
        if (damage.endsWith(QLatin1String(" offset"))) // vox_offset: a float at byte 108
            qToLittleEndian<float>(damage.startsWith(QLatin1String("nan")) ? std::nanf("") : 1e30f,
                                   bytes.data() + 108);
        if (damage == QLatin1String("nan sform")) { // sform_code at 254, srow_x at 280
            qToLittleEndian<qint32>(-1258290852, bytes.data());
            qToLittleEndian<qint16>(1, bytes.data() + 254);
            qToLittleEndian<float>(std::nanf(""), bytes.data() + 280);
        }
        if (damage == QLatin1String("nan quaternion")) { // qform_code at 252, quatern_b at 256
            qToLittleEndian<qint16>(1, bytes.data() + 252);
            qToLittleEndian<float>(std::nanf(""), bytes.data() + 256);
        }
        QString path = raw;
        if (suffix == QLatin1String(".nii")) {
            if (damage == QLatin1String("cut"))
                bytes.truncate(bytes.size() / 2);
            QVERIFY(writeBytes(raw, bytes));
        } else {
            QVERIFY(writeBytes(raw, bytes));
            QCOMPARE(QProcess::execute(QStringLiteral("gzip"), {QStringLiteral("-f"), raw}), 0);
            path = raw + QStringLiteral(".gz");
            if (damage == QLatin1String("cut")) { // the gzip stream cut short
                QByteArray gz = readBytes(path);
                gz.truncate(gz.size() * 2 / 3);
                QVERIFY(writeBytes(path, gz));
            }
        }
        const QString why = refusal(path);
        QVERIFY2(why.contains(expected), qPrintable(why));
        QCOMPARE(why.count(QLatin1Char('\n')), 0);
    }

    // The same volume, whole, loads (so the checks above can pass).
    void wholeNiftiLoads_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow(".nii") << ".nii";
        QTest::newRow(".nii.gz") << ".nii.gz";
    }

    void wholeNiftiLoads()
    {
        QFETCH(QString, suffix);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("volume") + suffix);
        using Volume = itk::Image<float, 3>;
        auto volume = Volume::New();
        Volume::SizeType size;
        size.Fill(32);
        volume->SetRegions(Volume::RegionType(size));
        volume->Allocate();
        volume->FillBuffer(3.0f);
        auto writer = itk::ImageFileWriter<Volume>::New();
        writer->SetImageIO(itk::NiftiImageIO::New()); // no IO factories are registered here
        writer->SetInput(volume);
        writer->SetFileName(QFile::encodeName(path).toStdString());
        writer->Update();
        QVERIFY2(refusal(path).isEmpty(), qPrintable(refusal(path)));
    }
};

QTEST_GUILESS_MAIN(TestHostileImages)
#include "tst_hostileimages.moc"
