// The SAR plugin through the host, reading: every product format GDAL reads
// (written by tests/data/make_sar_products.py), calibration, what the window
// shows (amplitude / intensity / dB, a band, speckle filters), the number of
// looks, the tiling's partition, and a 30,000 x 30,000 product read by region
// with its display overview cached. Tiled runs: tst_sarrun.
#include "sartestsupport.h"

class TestSar : public SarTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpSar(); }

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
