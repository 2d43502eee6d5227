// Tests for moescope_image's volumes: ITK's example volumes (Debian's
// insighttoolkit5-examples, expected voxel values read with numpy straight
// from the raw bytes, not through ITK), volumes ITK writes and reorients,
// and the views of a CT (reslicing, window presets). The loaders' other
// formats: tst_image.
#include "image/image.h"
#include "image/imageloader.h"
#include "image/reslice.h"
#include "image/windowpresets.h"
#include "loadertestsupport.h"
#include "testdicom.h"
#include "thirdpartydata.h"

#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include <itkImage.h>
#include <itkImageFileWriter.h>
#include <itkImageRegionIteratorWithIndex.h>
#include <itkMetaImageIO.h>
#include <itkNiftiImageIO.h>
#include <itkNrrdImageIO.h>
#include <itkSpatialOrientationAdapter.h>

#include <cmath>

using namespace moescope;

Q_DECLARE_METATYPE(moescope::ImageKind)
Q_DECLARE_METATYPE(moescope::SlicePlane)

namespace {

using Volume = itk::Image<float, 3>;

// Writes `volume` to `path` with the ITK image IO its suffix names (NRRD,
// MetaImage, else NIfTI); ITK's description of what failed, or empty.
QString writeVolume(const Volume::Pointer &volume, const QString &path)
{
    try {
        auto writer = itk::ImageFileWriter<Volume>::New();
        if (path.endsWith(QLatin1String(".nrrd")))
            writer->SetImageIO(itk::NrrdImageIO::New());
        else if (path.endsWith(QLatin1String(".mha")))
            writer->SetImageIO(itk::MetaImageIO::New());
        else
            writer->SetImageIO(itk::NiftiImageIO::New());
        writer->SetFileName(QFile::encodeName(path).toStdString());
        writer->SetInput(volume);
        writer->Update();
    } catch (const itk::ExceptionObject &e) {
        return QString::fromLocal8Bit(e.GetDescription());
    }
    return {};
}

} // namespace

class TestVolumes : public QObject
{
    Q_OBJECT

private slots:
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
};

// --------------------------------------------------------------------------------------------
// ITK

void TestVolumes::itkExampleVolumes_data()
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

void TestVolumes::itkExampleVolumes()
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

void TestVolumes::itkWrittenVolume_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("nrrd") << "volume.nrrd";
    QTest::newRow("mha") << "volume.mha";
    QTest::newRow("nii.gz") << "volume.nii.gz";
    QTest::newRow("nii") << "volume.nii";
}

void TestVolumes::itkWrittenVolume()
{
    QFETCH(QString, name);
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
    const QString written = writeVolume(volume, path);
    QVERIFY2(written.isEmpty(), qPrintable(written));

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

void TestVolumes::itkReorientedVolume_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("nrrd") << "oblique.nrrd";
    QTest::newRow("mha") << "oblique.mha";
    QTest::newRow("nii.gz") << "oblique.nii.gz";
}

void TestVolumes::itkReorientedVolume()
{
    // A patient volume of X = 4 (right → left) × Y = 3 (anterior → posterior) × Z = 5 (inferior
    // → superior) voxels holding x + 10 y + 100 z, written in another axis order: file axis i
    // runs from superior to inferior, j from right to left, k from posterior to anterior.
    QFETCH(QString, name);
    constexpr int X = 4, Y = 3, Z = 5;
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
    const QString written = writeVolume(volume, path);
    QVERIFY2(written.isEmpty(), qPrintable(written));

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

void TestVolumes::reslicePlanes_data()
{
    QTest::addColumn<SlicePlane>("plane");
    QTest::addColumn<int>("channels");
    QTest::newRow("axial") << SlicePlane::Axial << 1;
    QTest::newRow("coronal") << SlicePlane::Coronal << 1;
    QTest::newRow("sagittal") << SlicePlane::Sagittal << 1;
    QTest::newRow("coronal rgb") << SlicePlane::Coronal << 3;
    QTest::newRow("sagittal rgb") << SlicePlane::Sagittal << 3;
}

void TestVolumes::reslicePlanes()
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

void TestVolumes::resliceRefused()
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

void TestVolumes::ctWindowPresetValues()
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

QTEST_GUILESS_MAIN(TestVolumes)
#include "tst_volumes.moc"
