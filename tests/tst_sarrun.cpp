// The SAR plugin through the host, running: tiles that stitch the same
// whatever the tiling's start, georeferencing kept in the rasters a run
// writes, speckle filters through the CLI, bad input and warnings, the state
// of a run while it goes on, and a cancelled run kept as partial.
#include "sartestsupport.h"

class TestSarRun : public SarTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpSar(); }

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

    // --cog: every raster a Cloud-Optimised GeoTIFF (GDAL says LAYOUT=COG)
    // with the same pixels, georeferencing and legend as the tiled GeoTIFF.
    void cloudOptimisedRasters()
    {
        GDALAllRegister();
        const QString input = product(QStringLiteral("ramp-float32.tif"));
        const QString plainDir = m_dir.filePath(QStringLiteral("layout-geotiff"));
        const QString cogDir = m_dir.filePath(QStringLiteral("layout-cog"));
        CliResult r = runCli(runArguments(input, plainDir));
        QVERIFY2(r.code == 0, r.err.constData());
        r = runCli(runArguments(input, cogDir, {"--cog"}));
        QVERIFY2(r.code == 0, r.err.constData());
        int compared = 0;
        for (const QJsonValue &v :
             r.json().value("run_summary").toObject().value("rasters").toArray()) {
            const QString path = v.toObject().value("path").toString();
            if (!path.endsWith(".tif"))
                continue;
            std::unique_ptr<GDALDataset> cog(GDALDataset::Open(path.toUtf8().constData()));
            std::unique_ptr<GDALDataset> plain(GDALDataset::Open(
                QDir(plainDir).filePath(QFileInfo(path).fileName()).toUtf8().constData()));
            QVERIFY2(cog, qPrintable(path));
            QVERIFY2(plain, qPrintable(QDir(plainDir).filePath(QFileInfo(path).fileName())));
            QCOMPARE(QString::fromUtf8(cog->GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE")),
                     QStringLiteral("COG"));
            QVERIFY(!plain->GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE"));
            QCOMPARE(cog->GetRasterCount(), plain->GetRasterCount());
            double a[6], b[6];
            QCOMPARE(cog->GetGeoTransform(a), plain->GetGeoTransform(b));
            QCOMPARE(std::vector<double>(a, a + 6), std::vector<double>(b, b + 6));
            for (int band = 1; band <= cog->GetRasterCount(); ++band) {
                GDALRasterBand *x = cog->GetRasterBand(band), *y = plain->GetRasterBand(band);
                QCOMPARE(QString::fromUtf8(x->GetDescription()),
                         QString::fromUtf8(y->GetDescription()));
                QCOMPARE(bool(x->GetColorTable()), bool(y->GetColorTable()));
                const int w = x->GetXSize(), h = x->GetYSize();
                std::vector<float> p(size_t(w) * h), q(size_t(w) * h);
                QCOMPARE(x->RasterIO(GF_Read, 0, 0, w, h, p.data(), w, h, GDT_Float32, 0, 0),
                         CE_None);
                QCOMPARE(y->RasterIO(GF_Read, 0, 0, w, h, q.data(), w, h, GDT_Float32, 0, 0),
                         CE_None);
                QVERIFY(std::equal(p.begin(), p.end(), q.begin(), [](float s, float t) {
                    return s == t || (std::isnan(s) && std::isnan(t));
                }));
            }
            ++compared;
        }
        QVERIFY(compared >= 4); // labels, class probabilities, experts, top-1
        QVERIFY(QDir(cogDir).entryList({".*.tif"}, QDir::Files | QDir::Hidden).isEmpty());
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
        QTest::newRow("disk fills, COG")
            << "speckled-float32.tif" << QStringList{"--cog"} << "trap '' XFSZ; ulimit -f 20;"
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
                             [&](AnalysisResult &&p) { partials.push_back(std::move(p)); }),
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
};

QTEST_MAIN(TestSarRun)
#include "tst_sarrun.moc"
