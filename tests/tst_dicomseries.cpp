// Tests for moescope_image's DICOM series: folders of pydicom's files and of
// CT slices written here with DCMTK (tests/testdicom.h), assembled in slice
// order whatever the file order, rescaled per slice, and chosen among.
#include "image/image.h"
#include "image/imageloader.h"
#include "loadertestsupport.h"
#include "testdicom.h"
#include "thirdpartydata.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace moescope;

Q_DECLARE_METATYPE(moescope::ImageKind)

class TestDicomSeries : public QObject
{
    Q_OBJECT

private slots:
    void dicomSeriesDirectory();
    void dicomSeriesShuffledCopy();
    void seriesAssembly_data();
    void seriesAssembly();
    void seriesRescale_data();
    void seriesRescale();
    void seriesChoice();
};

void TestDicomSeries::dicomSeriesDirectory()
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

void TestDicomSeries::dicomSeriesShuffledCopy()
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

void TestDicomSeries::seriesAssembly_data()
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

void TestDicomSeries::seriesAssembly()
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

void TestDicomSeries::seriesRescale_data()
{
    QTest::addColumn<double>("slope");
    QTest::addColumn<double>("intercept");
    QTest::newRow("HU -1024") << 1.0 << -1024.0;
    QTest::newRow("slope 2") << 2.0 << -2048.0;
    QTest::newRow("slope 0.5") << 0.5 << -1000.0;
}

void TestDicomSeries::seriesRescale()
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

void TestDicomSeries::seriesChoice()
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

QTEST_GUILESS_MAIN(TestDicomSeries)
#include "tst_dicomseries.moc"
