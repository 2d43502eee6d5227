// Speckle filters: Lee and Frost against the Orfeo ToolBox's otbcli_Despeckle on a synthetic
// speckled scene, every pixel, borders included; Refined Lee by what it is for (smoothing
// homogeneous areas, keeping edges); tiles filtered with speckleMargin() of context against the
// whole scene, bit for bit.
#include "speckle.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <gdal.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

using namespace moescope::sar;

namespace {

struct Image
{
    int width = 0;
    int height = 0;
    std::vector<float> pixels;

    float at(int x, int y) const { return pixels[std::size_t(y) * width + x]; }
};

Image filled(int width, int height, float value)
{
    return {width, height, std::vector<float>(std::size_t(width) * height, value)};
}

// Noise-free intensity scene: a background, a bright and a dark rectangle, a vertical step and
// a one-pixel bright line, so that homogeneous areas, edges and corners all occur, some of them
// on the image border.
Image scene(int width, int height)
{
    Image im = filled(width, height, 1.0f);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            float &v = im.pixels[std::size_t(y) * width + x];
            if (x >= 30 && x < 90 && y >= 20 && y < 70)
                v = 5.0f;
            if (x >= 110 && y >= 90)
                v = 0.2f; // touches the right and bottom borders
            if (x >= width - 40 && y < 60)
                v = 3.0f;
            if (x == 15 && y >= 80)
                v = 12.0f;
        }
    }
    return im;
}

// Vertical step at column `edge`: left half `left`, right half `right`.
Image step(int width, int height, int edge, float left, float right)
{
    Image im = filled(width, height, left);
    for (int y = 0; y < height; ++y)
        std::fill_n(im.pixels.begin() + std::size_t(y) * width + edge, width - edge, right);
    return im;
}

// L-look intensity speckle: the clean value times Gamma(shape L, scale 1/L), mean 1, variance 1/L.
Image speckled(const Image &clean, double looks, unsigned seed)
{
    std::mt19937 rng(seed);
    std::gamma_distribution<double> gamma(looks, 1.0 / looks);
    Image im = clean;
    for (float &v : im.pixels)
        v = float(v * gamma(rng));
    return im;
}

Image filtered(const Image &in, const SpeckleParams &p)
{
    Image out = filled(in.width, in.height, 0.0f);
    despeckle(in.pixels.data(), in.width, in.height, p, out.pixels.data());
    return out;
}

// Equivalent number of looks, mean^2 / variance, over [x0, x1) x [y0, y1).
double enl(const Image &im, int x0, int y0, int x1, int y1)
{
    double s1 = 0, s2 = 0;
    const double n = double(x1 - x0) * (y1 - y0);
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
            s1 += im.at(x, y);
            s2 += double(im.at(x, y)) * im.at(x, y);
        }
    }
    const double mean = s1 / n;
    return mean * mean / (s2 / n - mean * mean);
}

// Mean absolute error against the clean image over columns edge-band .. edge+band-1, skipping
// the rows the filters' windows replicate at the top and bottom.
double edgeError(const Image &im, const Image &clean, int edge, int band)
{
    double err = 0;
    int n = 0;
    for (int y = 3; y < im.height - 3; ++y) {
        for (int x = edge - band; x < edge + band; ++x, ++n)
            err += std::abs(double(im.at(x, y)) - clean.at(x, y));
    }
    return err / n;
}

bool writeTiff(const QString &path, const Image &im)
{
    GDALDriverH driver = GDALGetDriverByName("GTiff");
    if (!driver)
        return false;
    GDALDatasetH ds =
        GDALCreate(driver, path.toUtf8().constData(), im.width, im.height, 1, GDT_Float32, nullptr);
    if (!ds)
        return false;
    const CPLErr err =
        GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Write, 0, 0, im.width, im.height,
                     const_cast<float *>(im.pixels.data()), im.width, im.height, GDT_Float32, 0, 0);
    GDALClose(ds);
    return err == CE_None;
}

bool readTiff(const QString &path, Image *im)
{
    GDALDatasetH ds = GDALOpen(path.toUtf8().constData(), GA_ReadOnly);
    if (!ds)
        return false;
    *im = filled(GDALGetRasterXSize(ds), GDALGetRasterYSize(ds), 0.0f);
    const CPLErr err = GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Read, 0, 0, im->width, im->height,
                                    im->pixels.data(), im->width, im->height, GDT_Float32, 0, 0);
    GDALClose(ds);
    return err == CE_None;
}

SpeckleParams params(SpeckleFilter f, int radius, double looks = 1.0, double deramp = 0.1)
{
    SpeckleParams p;
    p.filter = f;
    p.radius = radius;
    p.looks = looks;
    p.deramp = deramp;
    return p;
}

} // namespace

Q_DECLARE_METATYPE(SpeckleFilter)

class TestSpeckle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GDALAllRegister(); }

    void parse_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("known");
        QTest::addColumn<SpeckleFilter>("filter");
        QTest::newRow("none") << "none" << true << SpeckleFilter::None;
        QTest::newRow("lee") << "lee" << true << SpeckleFilter::Lee;
        QTest::newRow("refined-lee") << "refined-lee" << true << SpeckleFilter::RefinedLee;
        QTest::newRow("frost") << "frost" << true << SpeckleFilter::Frost;
        QTest::newRow("gauss") << "gauss" << false << SpeckleFilter::None;
        QTest::newRow("Lee") << "Lee" << false << SpeckleFilter::None;
        QTest::newRow("empty") << "" << false << SpeckleFilter::None;
    }

    void parse()
    {
        QFETCH(QString, name);
        QFETCH(bool, known);
        QFETCH(SpeckleFilter, filter);
        SpeckleFilter parsed = SpeckleFilter::Frost;
        QCOMPARE(parseSpeckleFilter(name.toStdString(), &parsed), known);
        // Compared by name: QCOMPARE on the enum would pick up sar::toString (std::string)
        // through argument-dependent lookup instead of QTest's.
        QCOMPARE(QString::fromStdString(toString(parsed)),
                 known ? name : QStringLiteral("frost")); // unknown: left untouched
        QVERIFY(!known || parsed == filter);
    }

    void matchesOtb_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("radius");
        QTest::addColumn<double>("looks"); // of the generated speckle, and Lee's nblooks
        QTest::addColumn<double>("deramp");
        QTest::newRow("lee r=1 L=1") << "lee" << 1 << 1.0 << 0.1;
        QTest::newRow("lee r=2 L=4") << "lee" << 2 << 4.0 << 0.1;
        QTest::newRow("frost r=1 deramp=0.1") << "frost" << 1 << 1.0 << 0.1;
        QTest::newRow("frost r=3 deramp=0.5") << "frost" << 3 << 2.0 << 0.5;
    }

    void matchesOtb()
    {
        QFETCH(QString, filter);
        QFETCH(int, radius);
        QFETCH(double, looks);
        QFETCH(double, deramp);
        const QString otb = QStandardPaths::findExecutable(QStringLiteral("otbcli_Despeckle"));
        if (otb.isEmpty())
            QFAIL("otbcli_Despeckle is not on PATH: run cmake/setup-debian.sh --tests "
                  "(it installs Debian's otb-bin)");

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString inPath = dir.filePath(QStringLiteral("in.tif"));
        const QString outPath = dir.filePath(QStringLiteral("out.tif"));
        const Image in = speckled(scene(200, 150), looks, 20240611u + unsigned(radius));
        QVERIFY(writeTiff(inPath, in));

        const QString key = QStringLiteral("-filter.") + filter;
        QStringList args = {QStringLiteral("-in"),        inPath,
                            QStringLiteral("-filter"),    filter,
                            key + QStringLiteral(".rad"), QString::number(radius)};
        if (filter == QLatin1String("lee"))
            args << key + QStringLiteral(".nblooks") << QString::number(looks, 'g', 17);
        else
            args << key + QStringLiteral(".deramp") << QString::number(deramp, 'g', 17);
        args << QStringLiteral("-out") << outPath << QStringLiteral("float");
        QProcess proc;
        proc.setProcessChannelMode(QProcess::MergedChannels); // kept, shown only on failure
        proc.start(otb, args);
        QVERIFY2(proc.waitForFinished(120000), "otbcli_Despeckle did not finish in 2 minutes");
        const QString log = QString::fromLocal8Bit(proc.readAll());
        if (proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0)
            QFAIL(qPrintable(QStringLiteral("otbcli_Despeckle %1 failed:\n%2")
                                 .arg(args.join(QLatin1Char(' ')), log)));
        Image ref;
        QVERIFY2(readTiff(outPath, &ref), qPrintable(log));
        QCOMPARE(ref.width, in.width);
        QCOMPARE(ref.height, in.height);

        const SpeckleFilter f =
            filter == QLatin1String("lee") ? SpeckleFilter::Lee : SpeckleFilter::Frost;
        const Image ours = filtered(in, params(f, radius, looks, deramp));
        double worst = 0;
        int wx = 0, wy = 0;
        for (int y = 0; y < in.height; ++y) {
            for (int x = 0; x < in.width; ++x) {
                const double a = ours.at(x, y), b = ref.at(x, y);
                const double rel = std::abs(a - b) / std::max({std::abs(a), std::abs(b), 1e-6});
                if (!(rel <= worst)) { // NaN counts as worst
                    worst = rel;
                    wx = x;
                    wy = y;
                }
            }
        }
        qInfo("max relative difference to OTB %.3g at (%d, %d)", worst, wx, wy);
        if (!(worst <= 1e-4))
            QFAIL(qPrintable(QStringLiteral("pixel (%1, %2): ours %3, OTB %4, relative difference "
                                            "%5 > 1e-4\nOTB's log:\n%6")
                                 .arg(wx)
                                 .arg(wy)
                                 .arg(double(ours.at(wx, wy)), 0, 'g', 9)
                                 .arg(double(ref.at(wx, wy)), 0, 'g', 9)
                                 .arg(worst, 0, 'g', 3)
                                 .arg(log)));
    }

    void refinedLeeSmoothsHomogeneousAreas_data()
    {
        QTest::addColumn<double>("looks");
        QTest::newRow("L=1") << 1.0;
        QTest::newRow("L=4") << 4.0;
    }

    void refinedLeeSmoothsHomogeneousAreas()
    {
        QFETCH(double, looks);
        const Image in = speckled(filled(200, 150, 2.5f), looks, 99u);
        const Image out = filtered(in, params(SpeckleFilter::RefinedLee, 1, looks));
        const double before = enl(in, 3, 3, 197, 147);
        const double after = enl(out, 3, 3, 197, 147);
        qInfo("ENL %.2f -> %.2f", before, after);
        QVERIFY(std::abs(before - looks) < 0.1 * looks); // the generator is right
        QVERIFY2(after > 5 * before,
                 qPrintable(QStringLiteral("ENL %1 -> %2").arg(before).arg(after)));
    }

    // The ENL estimate on a scene of flat fields, steps and texture (the
    // windows over edges and texture must not drag it down).
    void estimatesLooks_data()
    {
        QTest::addColumn<double>("looks");
        QTest::newRow("L=1") << 1.0;
        QTest::newRow("L=2") << 2.0;
        QTest::newRow("L=4.4 (S1 GRD)") << 4.4;
        QTest::newRow("L=10") << 10.0;
        QTest::newRow("L=16") << 16.0;
    }

    void estimatesLooks()
    {
        QFETCH(double, looks);
        Image clean = scene(600, 400);
        // A quarter of it textured (a forest, a town): K-distributed clutter.
        std::mt19937 rng(11u);
        std::gamma_distribution<double> texture(2.0, 0.5);
        for (int y = 200; y < 400; ++y)
            for (int x = 0; x < 300; ++x)
                clean.pixels[std::size_t(y) * 600 + x] *= float(texture(rng));
        const Image in = speckled(clean, looks, 5u);
        const double estimate = estimateLooks(in.pixels.data(), in.width, in.height);
        qInfo("L=%.1f estimated %.2f", looks, estimate);
        QVERIFY2(std::abs(estimate - looks) < 0.15 * looks,
                 qPrintable(QStringLiteral("L=%1 estimated %2").arg(looks).arg(estimate)));
        // Not enough ground to tell.
        QCOMPARE(estimateLooks(in.pixels.data(), 20, 20), 0.0);
    }

    void refinedLeeKeepsEdgesSharperThanLee_data()
    {
        QTest::addColumn<double>("looks");
        QTest::newRow("L=2") << 2.0;
        QTest::newRow("L=4") << 4.0;
    }

    void refinedLeeKeepsEdgesSharperThanLee()
    {
        QFETCH(double, looks);
        const int edge = 100;
        const Image clean = step(200, 150, edge, 1.0f, 8.0f);
        const Image in = speckled(clean, looks, 7u);
        // Lee with the same 7x7 window: its square window mixes both sides near the edge.
        const Image lee = filtered(in, params(SpeckleFilter::Lee, 3, looks));
        const Image refined = filtered(in, params(SpeckleFilter::RefinedLee, 3, looks));
        const double leeError = edgeError(lee, clean, edge, 3);
        const double refinedError = edgeError(refined, clean, edge, 3);
        qInfo("mean absolute error within 3 columns of the edge: Lee %.4f, Refined Lee %.4f",
              leeError, refinedError);
        QVERIFY2(
            refinedError < 0.8 * leeError,
            qPrintable(QStringLiteral("Lee %1, Refined Lee %2").arg(leeError).arg(refinedError)));
    }

    void refinedLeeKeepsConstantImage_data()
    {
        QTest::addColumn<float>("value");
        QTest::addColumn<double>("looks");
        QTest::newRow("1, L=1") << 1.0f << 1.0;
        QTest::newRow("3.7, L=4") << 3.7f << 4.0;
        QTest::newRow("12345.678, L=1") << 12345.678f << 1.0;
    }

    void refinedLeeKeepsConstantImage()
    {
        QFETCH(float, value);
        QFETCH(double, looks);
        const Image in = filled(41, 23, value);
        const Image out = filtered(in, params(SpeckleFilter::RefinedLee, 1, looks));
        QCOMPARE(out.pixels, in.pixels);
    }

    void tilesMatchWholeScene_data()
    {
        QTest::addColumn<SpeckleFilter>("filter");
        QTest::addColumn<int>("radius");
        QTest::newRow("none") << SpeckleFilter::None << 1;
        QTest::newRow("lee r=1") << SpeckleFilter::Lee << 1;
        QTest::newRow("lee r=3") << SpeckleFilter::Lee << 3;
        QTest::newRow("frost r=2") << SpeckleFilter::Frost << 2;
        QTest::newRow("refined-lee") << SpeckleFilter::RefinedLee << 1;
    }

    void tilesMatchWholeScene()
    {
        QFETCH(SpeckleFilter, filter);
        QFETCH(int, radius);
        const SpeckleParams p = params(filter, radius, 2.0, 0.3);
        const Image scene_ = speckled(scene(200, 150), 2.0, 5u);
        const Image whole = filtered(scene_, p);
        const int m = speckleMargin(p);
        QCOMPARE(m, filter == SpeckleFilter::None         ? 0
                    : filter == SpeckleFilter::RefinedLee ? 3
                                                          : radius);
        struct Region
        {
            int x, y, w, h;
        };
        const Region regions[] = {
            {0, 0, 37, 29},   {50, 40, 60, 50}, {150, 100, 50, 50}, {1, 1, 198, 148},
            {199, 0, 1, 150}, {3, 70, 194, 1},  {2, 148, 5, 2},     {0, 0, 200, 150},
        };
        for (const Region &r : regions) {
            // Read with m pixels of context, clamped at the scene edge as a tile reader does.
            const int x0 = std::max(0, r.x - m), y0 = std::max(0, r.y - m);
            const int x1 = std::min(scene_.width, r.x + r.w + m);
            const int y1 = std::min(scene_.height, r.y + r.h + m);
            Image tile = filled(x1 - x0, y1 - y0, 0.0f);
            for (int y = y0; y < y1; ++y)
                std::copy_n(scene_.pixels.begin() + std::size_t(y) * scene_.width + x0, x1 - x0,
                            tile.pixels.begin() + std::size_t(y - y0) * tile.width);
            const Image out = filtered(tile, p);
            for (int y = r.y; y < r.y + r.h; ++y) {
                for (int x = r.x; x < r.x + r.w; ++x) {
                    const float a = out.at(x - x0, y - y0), b = whole.at(x, y);
                    if (std::memcmp(&a, &b, sizeof a) != 0)
                        QFAIL(qPrintable(QStringLiteral("region %1,%2 %3x%4: pixel (%5, %6) is %7 "
                                                        "in the tile, %8 in the whole scene")
                                             .arg(r.x)
                                             .arg(r.y)
                                             .arg(r.w)
                                             .arg(r.h)
                                             .arg(x)
                                             .arg(y)
                                             .arg(double(a), 0, 'g', 9)
                                             .arg(double(b), 0, 'g', 9)));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSpeckle)
#include "tst_speckle.moc"
