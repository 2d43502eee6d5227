// The SAR plugin through the host: every product format GDAL reads (written
// by tests/data/make_sar_products.py), calibration, georeferencing kept in
// the rasters a run writes, tiles that stitch the same whatever the tiling's
// start, a 30,000 x 30,000 product read by region, and bad input.
#include "jobs/analysis.h"
#include "overviewcache.h"
#include "plugin/pluginregistry.h"
#include "plugin/sceneopener.h"
#include "tiling.h"

#include <gdal_priv.h>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <cmath>

using namespace moescope;

namespace {

const QString kProducts = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/sar");
const QString kModel = QStringLiteral(MOESCOPE_SAR_MODEL);
const QString kSafe =
    QStringLiteral("S1A_IW_GRDH_1SDV_20240101T000000_20240101T000010_000001_000001_ABCD.SAFE");

QString product(const QString &name)
{
    return QDir(kProducts).filePath(name);
}

// One of the samples shipped beside the model (resources/samples/sar).
QString sample(const QString &name)
{
    return QFileInfo(kModel).dir().filePath(QStringLiteral("../samples/sar/") + name);
}

// The generated scene's σ⁰ in dB at column x: a ramp from -20 to 0 dB.
double rampDb(int x)
{
    return -20.0 + 20.0 * x / 255.0;
}

struct CliResult
{
    int code = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// `shell` wraps the command (to limit the file size it may write, say).
CliResult runCli(const QStringList &arguments, const QString &shell = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    if (shell.isEmpty()) {
        p.start(QStringLiteral(MOESCOPE_CLI), arguments);
    } else {
        QStringList quoted;
        for (const QString &a : arguments)
            quoted << QLatin1Char('\'') + a + QLatin1Char('\'');
        p.start(QStringLiteral("bash"),
                {QStringLiteral("-c"), shell + QStringLiteral(" exec '") +
                                           QStringLiteral(MOESCOPE_CLI) + QStringLiteral("' ") +
                                           quoted.join(QLatin1Char(' '))});
    }
    p.waitForFinished(280000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QStringList runArguments(const QString &input, const QString &out, const QStringList &more = {})
{
    return QStringList{QStringLiteral("run"),
                       QStringLiteral("--model"),
                       kModel,
                       QStringLiteral("--input"),
                       input,
                       QStringLiteral("--out"),
                       out,
                       QStringLiteral("--no-store"),
                       QStringLiteral("--json"),
                       QStringLiteral("--threads"),
                       QStringLiteral("1")} +
           more;
}

// A whole float raster band (or one band of a multi-band file) as read by GDAL.
std::vector<float> readBand(const QString &path, int band, int *width, int *height)
{
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds)
        return {};
    *width = ds->GetRasterXSize();
    *height = ds->GetRasterYSize();
    std::vector<float> v(size_t(*width) * *height);
    if (ds->GetRasterBand(band)->RasterIO(GF_Read, 0, 0, *width, *height, v.data(), *width, *height,
                                          GDT_Float32, 0, 0) != CE_None)
        return {};
    return v;
}

double rssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

} // namespace

class TestSar : public QObject
{
    Q_OBJECT
    std::unique_ptr<PluginRegistry> m_registry;
    QTemporaryDir m_dir;

    // The speckled product and the SAR model on the CPU, for runs driven
    // through runAnalysis.
    bool openSpeckledWithModel(std::optional<OpenedScene> *scene,
                               std::unique_ptr<model::Engine> *engine, QString *error)
    {
        *scene = open(product(QStringLiteral("speckled-float32.tif")), error);
        if (!*scene)
            return false;
        std::string why;
        *engine = model::Engine::load(kModel.toStdString(), model::DevicePreference::Cpu, &why);
        if (!*engine)
            *error = QString::fromStdString(why);
        return *engine != nullptr;
    }

    std::optional<OpenedScene> open(const QString &path, QString *error)
    {
        return openScene(*m_registry, path, LoadOptions(), error);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the overview cache goes to ~/.qttest
        QVERIFY2(QFileInfo::exists(product(QStringLiteral("ramp-float32.tif"))),
                 "the make_sar_products fixture has not run");
        m_registry = std::make_unique<PluginRegistry>();
        QVERIFY(m_registry->pluginForFile(QStringLiteral("x.tif")));
    }

    // Every format opens through GDAL with what the issue asks `info` to show.
    void products_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("driver");
        QTest::addColumn<int>("bands");
        QTest::addColumn<QString>("dataType");
        QTest::addColumn<QString>("calibration");
        QTest::addColumn<QString>("georef"); // geotransform | gcps | none
        QTest::addColumn<bool>("complex");
        QTest::newRow("float32 GeoTIFF") << "ramp-float32.tif"
                                         << "GTiff" << 1 << "Float32"
                                         << "none"
                                         << "geotransform" << false;
        QTest::newRow("uint16 DN") << "ramp-uint16.tif"
                                   << "GTiff" << 1 << "UInt16"
                                   << "none"
                                   << "geotransform" << false;
        QTest::newRow("uint8, no georef") << "ramp-uint8.tif"
                                          << "GTiff" << 1 << "Byte"
                                          << "none"
                                          << "none" << false;
        QTest::newRow("int32") << "ramp-int32.tif"
                               << "GTiff" << 1 << "Int32"
                               << "none"
                               << "geotransform" << false;
        QTest::newRow("CInt16 SLC") << "ramp-cint16.tif"
                                    << "GTiff" << 1 << "CInt16"
                                    << "none"
                                    << "gcps" << true;
        QTest::newRow("CFloat32 SLC") << "ramp-cfloat32.tif"
                                      << "GTiff" << 1 << "CFloat32"
                                      << "none"
                                      << "gcps" << true;
        QTest::newRow("COG") << "ramp-cog.tif"
                             << "GTiff" << 1 << "Float32"
                             << "none"
                             << "geotransform" << false;
        QTest::newRow("ENVI") << "ramp-envi.img"
                              << "ENVI" << 1 << "Float32"
                              << "none"
                              << "geotransform" << false;
        QTest::newRow("dual-pol") << "dual-pol.tif"
                                  << "GTiff" << 2 << "Float32"
                                  << "none"
                                  << "geotransform" << false;
        QTest::newRow("Sentinel-1 SAFE") << kSafe << "SAFE" << 2 << "UInt16"
                                         << "sigma0"
                                         << "gcps" << false;
        QTest::newRow("Sentinel-1 manifest") << kSafe + "/manifest.safe"
                                             << "SAFE" << 2 << "UInt16"
                                             << "sigma0"
                                             << "gcps" << false;
        QTest::newRow("RADARSAT-2") << "RS2_OK_TEST/product.xml"
                                    << "RS2" << 1 << "Float32"
                                    << "sigma0"
                                    << "gcps" << false;
    }
    void products()
    {
        QFETCH(QString, file);
        QFETCH(QString, driver);
        QFETCH(int, bands);
        QFETCH(QString, dataType);
        QFETCH(QString, calibration);
        QFETCH(QString, georef);
        QFETCH(bool, complex);
        const CliResult r =
            runCli({QStringLiteral("info"), product(file), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData()); // no GDAL chatter
        const QJsonObject o = r.json();
        QCOMPARE(o.value("width").toInt(), 256);
        QCOMPARE(o.value("height").toInt(), 192);
        QCOMPARE(o.value("driver").toString(), driver);
        QCOMPARE(o.value("calibration").toString(), calibration);
        QCOMPARE(o.value("complex").toBool(), complex);
        const QJsonArray b = o.value("bands").toArray();
        QCOMPARE(b.size(), bands);
        QCOMPARE(b[0].toObject().value("data_type").toString(), dataType);
        QCOMPARE(o.contains("geotransform"), georef == "geotransform");
        QCOMPARE(o.contains("gcps"), georef == "gcps");
        if (georef == "none") {
            QVERIFY(o.value("crs").toString().isEmpty());
            QVERIFY(!o.contains("pixel_spacing_m"));
        } else {
            // 10 m pixels (UTM), or the GCPs' ~9.8 x 10.0 m (EPSG:4326 at 54°N).
            const QJsonArray spacing = o.value("pixel_spacing_m").toArray();
            QCOMPARE(spacing.size(), 2);
            QVERIFY2(std::abs(spacing[0].toDouble() - 10) < 0.3,
                     qPrintable(QString::number(spacing[0].toDouble())));
            QVERIFY(std::abs(spacing[1].toDouble() - 10) < 0.3);
        }
        if (driver == "SAFE")
            QCOMPARE(b[1].toObject().value("name").toString(), QStringLiteral("VH"));
    }

    // Read by region, every format gives the scene's σ⁰ (dB): complex data
    // as |z|², amplitude DN as DN², Sentinel-1 through its calibration LUT,
    // RADARSAT-2 through GDAL's.
    void values_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("offsetDb"); // a constant calibration the product lacks
        QTest::addColumn<double>("toleranceDb");
        QTest::newRow("float32") << "ramp-float32.tif" << 0.0 << 1e-4;
        QTest::newRow("COG") << "ramp-cog.tif" << 0.0 << 1e-4;
        QTest::newRow("ENVI") << "ramp-envi.img" << 0.0 << 1e-4;
        QTest::newRow("CFloat32") << "ramp-cfloat32.tif" << 0.0 << 1e-3;
        // DN = round(A * 1000): uncalibrated, 60 dB above σ⁰; rounding of
        // DN >= 100 is under 0.05 dB.
        QTest::newRow("UInt16") << "ramp-uint16.tif" << 60.0 << 0.05;
        QTest::newRow("CInt16") << "ramp-cint16.tif" << 60.0 << 0.1;
        QTest::newRow("Int32") << "ramp-int32.tif" << 80.0 << 0.01;
        QTest::newRow("Sentinel-1 σ⁰") << kSafe << 0.0 << 0.05;
        QTest::newRow("RADARSAT-2 σ⁰") << "RS2_OK_TEST/product.xml" << 0.0 << 0.05;
    }
    void values()
    {
        QFETCH(QString, file);
        QFETCH(double, offsetDb);
        QFETCH(double, toleranceDb);
        QString error;
        const auto scene = open(product(file), &error);
        QVERIFY2(scene, qPrintable(error));
        QVERIFY(scene->openedBy);
        // A region reaching past the right edge: those pixels read as 0, as
        // every SceneSource's do.
        Raster r;
        QVERIFY2(scene->source->read(0, QRect(200, 50, 64, 3), QSize(64, 3), &r, &error),
                 qPrintable(error));
        for (int x = 0; x < 56; ++x)
            QVERIFY2(std::abs(r.at(x, 1) - (rampDb(200 + x) + offsetDb)) < toleranceDb,
                     qPrintable(QStringLiteral("x %1: %2 dB, expected %3")
                                    .arg(200 + x)
                                    .arg(r.at(x, 1))
                                    .arg(rampDb(200 + x) + offsetDb)));
        QCOMPARE(r.at(60, 1), 0.0f);
        // The display stretch: the 2nd-98th percentile of the dB image.
        const WindowLevel w = scene->source->displayWindow({});
        QVERIFY(w.valid());
        QVERIFY(w.center - w.width / 2 < -18 + offsetDb && w.center + w.width / 2 > -2 + offsetDb);
        // The same pixels shown as amplitude and intensity, each with its
        // own stretch.
        for (const QString &quantity : {QStringLiteral("amplitude"), QStringLiteral("intensity")}) {
            const QVariantMap display{{"quantity", quantity}};
            Raster shown;
            QVERIFY2(scene->source->readForDisplay(0, QRect(200, 50, 64, 3), QSize(64, 3), display,
                                                   &shown, &error),
                     qPrintable(error));
            const double power = quantity == QLatin1String("amplitude") ? 20 : 10;
            for (int x = 0; x < 56; x += 5) {
                const double expected = std::pow(10.0, r.at(x, 1) / power);
                QVERIFY2(std::abs(shown.at(x, 1) - expected) < 1e-4 * expected + 1e-9,
                         qPrintable(QStringLiteral("%1 at x %2: %3, expected %4")
                                        .arg(quantity)
                                        .arg(200 + x)
                                        .arg(shown.at(x, 1))
                                        .arg(expected)));
            }
            const WindowLevel linear = scene->source->displayWindow(display);
            QVERIFY(linear.valid());
            QVERIFY(linear.center > 0);
        }
    }

    // The display the window offers: amplitude / intensity / dB, a band, a
    // speckle filter that smooths what is shown; and the equivalent number
    // of looks the product's speckle shows (info --json, the filter's L).
    void displayOptionsAndLooks_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("looksFrom");
        QTest::addColumn<double>("looksTo");
        // What the sample's README says of each: one look; GRD-like
        // averaging (ENL 4.7); 3 looks; a complex single look.
        QTest::newRow("one look") << sample("sar-one-look.tif") << 0.7 << 1.4;
        QTest::newRow("GRD-like") << sample("sar-coast-ships.tif") << 3.5 << 6.0;
        // Land only, textured everywhere: no homogeneous ground to tell the
        // speckle from texture by, so it reads low (as any ENL estimate would).
        QTest::newRow("3 looks, no flat ground") << sample("sar-land.tif") << 1.5 << 3.3;
        QTest::newRow("SLC") << sample("sar-slc.tif") << 0.7 << 1.4;
    }
    void displayOptionsAndLooks()
    {
        QFETCH(QString, file);
        QFETCH(double, looksFrom);
        QFETCH(double, looksTo);
        QString error;
        const auto scene = open(file, &error);
        QVERIFY2(scene, qPrintable(error));
        QStringList keys;
        for (const QJsonValue &o : scene->source->displayOptions())
            keys << o.toObject().value("key").toString();
        QCOMPARE(keys, (QStringList{"quantity", "filter"})); // one band: no band choice

        const QJsonObject info = scene->source->properties();
        const double looks =
            info.value("bands").toArray().first().toObject().value("estimated_looks").toDouble();
        qInfo("%s: estimated %.2f looks", qPrintable(QFileInfo(file).fileName()), looks);
        QVERIFY2(looks >= looksFrom && looks <= looksTo, qPrintable(QString::number(looks)));

        // Filtered, the picture is smoother: the spread of dB values between
        // neighbours drops (speckle is most of it).
        auto roughness = [&](const QString &filter) {
            Raster shown;
            const QRect region(0, 0, 256, 256);
            if (!scene->source->readForDisplay(0, region, region.size(), {{"filter", filter}},
                                               &shown, &error))
                return -1.0;
            double sum = 0;
            for (int y = 0; y < 256; ++y)
                for (int x = 1; x < 256; ++x)
                    sum += std::abs(shown.at(x, y) - shown.at(x - 1, y));
            return sum / (256 * 255);
        };
        const double none = roughness("none");
        QVERIFY2(none > 0, qPrintable(error));
        for (const QString &f :
             {QStringLiteral("lee"), QStringLiteral("refined-lee"), QStringLiteral("frost")}) {
            const double filtered = roughness(f);
            qInfo("%s: neighbour dB difference %.2f -> %.2f", qPrintable(f), none, filtered);
            QVERIFY2(filtered > 0 && filtered < 0.75 * none,
                     qPrintable(QStringLiteral("%1: %2 -> %3").arg(f).arg(none).arg(filtered)));
        }
    }

    // A dual-pol product offers its bands; the one chosen is what is shown.
    void displayBandChoice()
    {
        QString error;
        const auto scene = open(product(kSafe), &error);
        QVERIFY2(scene, qPrintable(error));
        QStringList keys;
        for (const QJsonValue &o : scene->source->displayOptions())
            keys << o.toObject().value("key").toString();
        QCOMPARE(keys, (QStringList{"quantity", "band", "filter"}));
        const QStringList names = scene->source->bandNames();
        QCOMPARE(names.size(), 2);
        Raster both, second;
        const QRect region(10, 10, 40, 20);
        QVERIFY2(scene->source->read(0, region, region.size(), &both, &error), qPrintable(error));
        QVERIFY2(scene->source->readForDisplay(0, region, region.size(),
                                               {{"band", QStringList{names[1]}}}, &second, &error),
                 qPrintable(error));
        QCOMPARE(second.bands, 1);
        QCOMPARE(both.bands, 2);
        for (int i = 0; i < 40; i += 7)
            QCOMPARE(second.at(i, 5), both.at(i, 5, 1));
    }

    // Tiles own their centres: every region pixel exactly once, whatever the
    // region's size, and owned edges on the token grid.
    void tilingOwnsEachPixelOnce_data()
    {
        QTest::addColumn<QRect>("region");
        QTest::addColumn<int>("tile");
        QTest::addColumn<int>("overlap");
        QTest::newRow("one tile") << QRect(0, 0, 100, 80) << 128 << 32;
        QTest::newRow("3 x 2") << QRect(0, 0, 256, 192) << 128 << 32;
        QTest::newRow("offset region") << QRect(96, 40, 500, 333) << 128 << 32;
        QTest::newRow("no overlap") << QRect(0, 0, 300, 300) << 128 << 0;
        QTest::newRow("odd overlap rounded") << QRect(0, 0, 700, 400) << 256 << 50;
    }
    void tilingOwnsEachPixelOnce()
    {
        QFETCH(QRect, region);
        QFETCH(int, tile);
        QFETCH(int, overlap);
        const sar::TilingPlan plan = sar::TilingPlan::make(region, tile, overlap, 8);
        QCOMPARE(plan.overlap % 16, 0);
        std::vector<int> owners(size_t(region.width()) * region.height(), 0);
        for (int s = 0; s < plan.count(); ++s) {
            const QRect own = plan.owned(s);
            QVERIFY(plan.footprint(s).contains(own.intersected(plan.footprint(s))));
            QVERIFY(plan.footprint(s).united(own) == plan.footprint(s) ||
                    s % plan.cols == plan.cols - 1 || s / plan.cols == plan.rows - 1);
            QCOMPARE((own.x() - region.x()) % 8, 0);
            for (int y = own.top(); y <= own.bottom(); ++y)
                for (int x = own.left(); x <= own.right(); ++x)
                    ++owners[size_t(y - region.y()) * region.width() + (x - region.x())];
        }
        QVERIFY(std::all_of(owners.begin(), owners.end(), [](int n) { return n == 1; }));
    }

    // A tile's stitched values depend on the scene under it, not on where the
    // tiling started: two runs whose tilings share tiles agree bit for bit
    // where the same tile owns the pixels.
    void stitchingIsStartIndependent()
    {
        const QString a = m_dir.filePath(QStringLiteral("start-a"));
        const QString b = m_dir.filePath(QStringLiteral("start-b"));
        const QString input = product(QStringLiteral("speckled-float32.tif"));
        CliResult r = runCli(runArguments(input, a, {"--overlap", "32"}));
        QVERIFY2(r.code == 0, r.err.constData());
        // Starting at x = 96: its first tile is the first run's second.
        r = runCli(runArguments(input, b, {"--region", "96,0,160,192", "--overlap", "32"}));
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject summary = r.json().value("run_summary").toObject();
        QCOMPARE(summary.value("region").toArray(), (QJsonArray{96, 0, 160, 192}));
        for (const QString &raster :
             {QStringLiteral("class_probs.tif"), QStringLiteral("experts-blocks.2.mlp.tif")}) {
            int wa, ha, wb, hb;
            const std::vector<float> va = readBand(QDir(a).filePath(raster), 1, &wa, &ha);
            const std::vector<float> vb = readBand(QDir(b).filePath(raster), 1, &wb, &hb);
            QVERIFY(!va.empty() && !vb.empty());
            const int cell = 256 / wa; // scene pixels per raster pixel
            QCOMPARE(wb, 160 / cell);
            // Run A's second tile (x 96..224) owns scene x 112..208; in run B
            // the same tile (its first) owns 96..208.
            int compared = 0;
            for (int y = 0; y < ha; ++y)
                for (int sx = 112; sx < 208; sx += cell) {
                    const float fa = va[size_t(y) * wa + sx / cell];
                    const float fb = vb[size_t(y) * wb + (sx - 96) / cell];
                    QVERIFY2(std::abs(fa - fb) < 1e-5,
                             qPrintable(QStringLiteral("%1 at x %2, y %3: %4 vs %5")
                                            .arg(raster)
                                            .arg(sx)
                                            .arg(y)
                                            .arg(fa)
                                            .arg(fb)));
                    ++compared;
                }
            QVERIFY(compared > 100);
        }
    }

    // The rasters a run writes carry the input's georeferencing, scaled to
    // their cell and moved to the region's corner.
    void rastersKeepGeoreferencing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("region");
        QTest::newRow("UTM, whole") << "ramp-float32.tif" << QString();
        QTest::newRow("UTM, region") << "ramp-float32.tif"
                                     << "64,32,128,128";
        QTest::newRow("GCPs") << "ramp-cfloat32.tif" << QString();
    }
    void rastersKeepGeoreferencing()
    {
        QFETCH(QString, file);
        QFETCH(QString, region);
        const QString out = m_dir.filePath(QStringLiteral("geo-") + QTest::currentDataTag());
        QStringList more;
        if (!region.isEmpty())
            more << QStringLiteral("--region") << region;
        const CliResult r = runCli(runArguments(product(file), out, more));
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject summary = r.json().value("run_summary").toObject();
        QCOMPARE(summary.value("partial").toBool(), false);
        const int rx = region.isEmpty() ? 0 : region.section(',', 0, 0).toInt();
        const int ry = region.isEmpty() ? 0 : region.section(',', 1, 1).toInt();

        std::unique_ptr<GDALDataset> in(GDALDataset::Open(product(file).toUtf8().constData()));
        for (const QJsonValue &v : summary.value("rasters").toArray()) {
            const QString path = v.toObject().value("path").toString();
            if (!path.endsWith(".tif"))
                continue;
            const double cell = v.toObject().value("cell").toDouble();
            std::unique_ptr<GDALDataset> ds(GDALDataset::Open(path.toUtf8().constData()));
            QVERIFY2(ds, qPrintable(path));
            double gi[6], go[6];
            if (in->GetGeoTransform(gi) == CE_None) {
                QCOMPARE(ds->GetGeoTransform(go), CE_None);
                QCOMPARE(go[0], gi[0] + rx * gi[1]);
                QCOMPARE(go[3], gi[3] + ry * gi[5]);
                QCOMPARE(go[1], gi[1] * cell);
                QCOMPARE(go[5], gi[5] * cell);
                QVERIFY(ds->GetSpatialRef() && ds->GetSpatialRef()->IsSame(in->GetSpatialRef()));
            } else {
                QCOMPARE(ds->GetGCPCount(), in->GetGCPCount());
                const GDAL_GCP &a = in->GetGCPs()[4], &b = ds->GetGCPs()[4];
                QCOMPARE(b.dfGCPPixel, a.dfGCPPixel / cell);
                QCOMPARE(b.dfGCPX, a.dfGCPX);
            }
        }
        // Areas in km²: 10 m pixels.
        const QJsonArray classes = summary.value("classes").toArray();
        double km2 = 0;
        for (const QJsonValue &c : classes)
            km2 += c.toObject().value("area_km2").toDouble();
        const double expected = region.isEmpty() ? 256 * 192 * 100 / 1e6 : 128 * 128 * 100 / 1e6;
        QVERIFY2(std::abs(km2 - expected) / expected < (file.contains("cfloat") ? 0.05 : 1e-6),
                 qPrintable(QString::number(km2)));
        QVERIFY(QFileInfo::exists(QDir(out).filePath("labels.png")));
        QVERIFY(QFileInfo::exists(QDir(out).filePath("result.json")));
    }

    // Speckle filters reach the model through the CLI.
    void filterOption_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("lee") << "lee";
        QTest::newRow("refined-lee") << "refined-lee";
        QTest::newRow("frost") << "frost";
    }
    void filterOption()
    {
        QFETCH(QString, filter);
        const QString out = m_dir.filePath(QStringLiteral("filter-") + filter);
        const CliResult r =
            runCli(runArguments(product(QStringLiteral("speckled-float32.tif")), out,
                                {"--filter", filter, "--region", "0,0,128,128"}));
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value("run_summary").toObject().value("filter").toString(), filter);
    }

    // What is not right gets one line naming the file and the cause, a
    // non-zero exit and nothing left looking complete.
    void badInput_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("more");
        QTest::addColumn<QString>("shell");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a product")
            << "not-a-product.tif" << QStringList() << QString() << "not-a-product.tif: ";
        QTest::newRow("truncated TIFF")
            << "truncated.tif" << QStringList() << QString() << "truncated.tif: ";
        QTest::newRow("no such band")
            << "dual-pol.tif" << QStringList{"--band", "HH"} << QString() << "no band named \"HH\"";
        QTest::newRow("unknown filter") << "ramp-float32.tif" << QStringList{"--filter", "gauss"}
                                        << QString() << "unknown speckle filter";
        QTest::newRow("region outside")
            << "ramp-float32.tif" << QStringList{"--region", "1000,1000,10,10"} << QString()
            << "lies outside";
        // The disk fills: at most 20 KiB may be written per file.
        QTest::newRow("disk fills")
            << "speckled-float32.tif" << QStringList() << "trap '' XFSZ; ulimit -f 20;"
            << ".tif: ";
    }
    void badInput()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, more);
        QFETCH(QString, shell);
        QFETCH(QString, expected);
        const QString out = m_dir.filePath(QStringLiteral("bad-") + QTest::currentDataTag());
        const CliResult r = runCli(runArguments(product(file), out, more), shell);
        QVERIFY2(r.code == 1 || r.code == 2, r.err.constData());
        const QStringList lines = QString::fromUtf8(r.err).split('\n', Qt::SkipEmptyParts);
        QVERIFY2(!lines.isEmpty() && lines.last().contains(expected), r.err.constData());
        QVERIFY2(!r.err.contains("ERROR "), r.err.constData()); // GDAL's own chatter
        const QStringList left =
            QDir(out).entryList({"*.tif", ".*.tif"}, QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(' ')));
    }

    // Not what the model wants, and no georeferencing: warnings, and the run goes on.
    void warnings_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("warning");
        QTest::newRow("optical 4-band") << "optical-rgbn.tif"
                                        << "looks like an optical image";
        QTest::newRow("no georeferencing") << "ramp-uint8.tif"
                                           << "has no georeferencing";
    }
    void warnings()
    {
        QFETCH(QString, file);
        QFETCH(QString, warning);
        const QString out = m_dir.filePath(QStringLiteral("warn-") + QTest::currentDataTag());
        const CliResult r = runCli(runArguments(product(file), out));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.contains(warning.toUtf8()), r.err.constData());
        const QJsonObject summary = r.json().value("run_summary").toObject();
        QCOMPARE(summary.value("tiles").toInt(), 6);
        if (file == "ramp-uint8.tif")
            QVERIFY(!summary.value("classes").toArray()[0].toObject().contains("area_km2"));
    }

    // While the tiles run, the run's state so far comes out: the mosaic and
    // the stitched labels filling in, marked running, never the finish.
    void snapshotsWhileTiling()
    {
        QString error;
        std::optional<OpenedScene> scene;
        std::unique_ptr<model::Engine> engine;
        QVERIFY2(openSpeckledWithModel(&scene, &engine, &error), qPrintable(error));
        AnalysisRequest request;
        request.source = scene->source;
        request.snapshotIntervalMs = 0; // after every forward call
        std::vector<AnalysisResult> partials;
        AnalysisResult result;
        QVERIFY2(runAnalysis(*engine, *scene->openedBy, request, nullptr, {}, &result, &error,
                             [&](const AnalysisResult &p) { partials.push_back(p); }),
                 qPrintable(error));
        QCOMPARE(result.stepCount, 6);
        QCOMPARE(int(partials.size()), 5); // after tiles 1..5; the 6th is the finish
        auto labelled = [](const QJsonObject &summary) {
            const QImage map = QImage::fromData(QByteArray::fromBase64(summary.value("segmentation")
                                                                           .toObject()
                                                                           .value("label_map_png")
                                                                           .toString()
                                                                           .toLatin1()));
            int n = 0;
            for (int y = 0; y < map.height(); ++y)
                for (int x = 0; x < map.width(); ++x)
                    n += map.pixelIndex(x, y) != 255;
            return n;
        };
        int before = 0;
        for (size_t i = 0; i < partials.size(); ++i) {
            const AnalysisResult &p = partials[i];
            QCOMPARE(p.stepsRun, int(i) + 1);
            QCOMPARE(p.runSummary.value("running").toBool(), true);
            QCOMPARE(p.runSummary.value("tiles").toInt(), int(i) + 1);
            QVERIFY(!p.runSummary.contains("rasters")); // nothing closed early
            QCOMPARE(p.mosaic.size(), result.mosaic.size());
            const int now = labelled(p.runSummary);
            QVERIFY2(now > before,
                     qPrintable(QStringLiteral("tile %1: %2 labelled pixels, before %3")
                                    .arg(i + 1)
                                    .arg(now)
                                    .arg(before)));
            before = now;
        }
        QVERIFY(labelled(result.runSummary) > before);
        QVERIFY(!result.runSummary.contains("running"));
    }

    // Cancelled part-way: what is done is kept and marked partial, the
    // rasters named so (`<name>.partial.tif`), none looking complete.
    void cancelledRunKeepsWhatIsDone()
    {
        QString error;
        std::optional<OpenedScene> scene;
        std::unique_ptr<model::Engine> engine;
        QVERIFY2(openSpeckledWithModel(&scene, &engine, &error), qPrintable(error));
        const QString out = m_dir.filePath(QStringLiteral("cancelled"));
        AnalysisRequest request;
        request.source = scene->source;
        request.options.extra.insert(QStringLiteral("output_dir"), out);
        std::atomic_bool cancel{false};
        AnalysisResult result;
        QVERIFY2(runAnalysis(
                     *engine, *scene->openedBy, request, &cancel,
                     [&](int done, int) {
                         if (done >= 2)
                             cancel = true;
                     },
                     &result, &error),
                 qPrintable(error));
        QVERIFY(result.cancelled);
        QCOMPARE(result.stepCount, 6);
        QCOMPARE(result.stepsRun, 2);
        QCOMPARE(result.steps.size(), 1); // a tiled run keeps its first tile's JSON only
        QCOMPARE(result.runSummary.value("partial").toBool(), true);
        QCOMPARE(result.runSummary.value("tiles").toInt(), 2);
        const QStringList files = QDir(out).entryList({"*.tif", ".*"}, QDir::Files | QDir::Hidden);
        QVERIFY(files.contains(QStringLiteral("labels.partial.tif")));
        for (const QString &f : files)
            QVERIFY2(f.endsWith(QStringLiteral(".partial.tif")), qPrintable(f));
        // The first two tiles' pixels are labelled, the last tile's are not.
        int w = 0, h = 0;
        const std::vector<float> labels =
            readBand(QDir(out).filePath("labels.partial.tif"), 1, &w, &h);
        QVERIFY(labels.size() == size_t(w) * h && w == 128);
        QVERIFY(labels[10] < 5);                        // tile 0
        QCOMPARE(labels[size_t(90) * w + 120], 255.0f); // tile 5, not run: no label
    }

    // A 30,000 x 30,000 product opens at once and is read by region: memory
    // stays bounded, values come from the right blocks.
    void hugeProductReadByRegion()
    {
        const double before = rssMiB();
        QString error;
        const auto scene = open(product(QStringLiteral("big-30000.tif")), &error);
        QVERIFY2(scene, qPrintable(error));
        QCOMPARE(scene->source->size(), QSize(30000, 30000));
        // The generator wrote block (bx, by) = 1 + bx + 64 by where bx, by % 4 == 0.
        Raster r;
        for (const QPoint block : {QPoint(0, 0), QPoint(4, 8), QPoint(56, 56)}) {
            const QRect region(block.x() * 512 + 100, block.y() * 512 + 100, 256, 256);
            QVERIFY2(scene->source->read(0, region, region.size(), &r, &error), qPrintable(error));
            const double dn = 1 + block.x() + 64 * block.y();
            QVERIFY2(std::abs(r.at(10, 10) - 20 * std::log10(dn)) < 1e-3,
                     qPrintable(QString::number(r.at(10, 10))));
        }
        // The whole scene at 512 pixels: a product without overviews gets a
        // display overview built once into the cache (a 1/8 average), and
        // reads through it give the blocks' values.
        QDir(sar::overviewcache::directory()).removeRecursively();
        QVERIFY(scene->source->read(0, QRect(0, 0, 30000, 30000), QSize(512, 512), &r, &error));
        QVERIFY2(rssMiB() - before < 400, qPrintable(QString::number(rssMiB() - before)));
        const QStringList cached =
            QDir(sar::overviewcache::directory()).entryList({"*.tif"}, QDir::Files);
        QCOMPARE(cached.size(), 1);
        for (const QPoint block : {QPoint(0, 0), QPoint(4, 8), QPoint(56, 56)}) {
            // The output pixel at the block's centre.
            const int x = int((block.x() * 512 + 256) * 512.0 / 30000);
            const int y = int((block.y() * 512 + 256) * 512.0 / 30000);
            const double dn = 1 + block.x() + 64 * block.y();
            QVERIFY2(std::abs(r.at(x, y) - 20 * std::log10(dn)) < 1e-3,
                     qPrintable(QStringLiteral("block %1,%2: %3 dB, expected %4")
                                    .arg(block.x())
                                    .arg(block.y())
                                    .arg(r.at(x, y))
                                    .arg(20 * std::log10(dn))));
        }
        // Opened again, the product finds it: not built a second time.
        const QString path = QDir(sar::overviewcache::directory()).filePath(cached.first());
        const QDateTime built = QFileInfo(path).lastModified();
        const auto again = open(product(QStringLiteral("big-30000.tif")), &error);
        QVERIFY2(again, qPrintable(error));
        Raster r2;
        QVERIFY(again->source->read(0, QRect(0, 0, 30000, 30000), QSize(512, 512), &r2, &error));
        QCOMPARE(r2.samples, r.samples);
        QCOMPARE(QFileInfo(path).lastModified(), built);
        // Fine reads still come from the product itself.
        QVERIFY(again->source->read(0, QRect(100, 100, 64, 64), QSize(64, 64), &r2, &error));
        QCOMPARE(r2.at(5, 5), 0.0f); // DN 1: 0 dB
    }
};

QTEST_MAIN(TestSar)
#include "tst_sar.moc"
