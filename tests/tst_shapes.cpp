// The task shapes plugin API 2.0 exists for, proven with two probe plugins
// before the real SAR and tracking plugins: a tiled scene of 30,000 × 30,000
// pixels read by region, its routing stitched and checked cell by cell
// against a direct computation, and a stateful "tracker" whose step k reads
// where step k-1 found the target, checked against the hand-computed path.
// Both run through runAnalysis, the session's job thread, the store and
// moescope-cli.
#include "jobs/modelsession.h"
#include "jobs/storedrun.h"
#include "plugin/pluginregistry.h"
#include "plugin/sceneopener.h"
#include "probescenes.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include <sys/resource.h>

using namespace moescope;

namespace {

const QString kProbeDir = QStringLiteral(MOESCOPE_PROBE_PLUGIN_DIR);
const QString kTiledModel = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/models/tiled-probe.pt");
const QString kTrackModel = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/models/track-probe.pt");

QString writeJson(const QTemporaryDir &dir, const QString &name, const QJsonObject &o)
{
    const QString path = dir.filePath(name);
    return probe::writeJson(path, o) ? path : QString();
}

// What the tiled probe's router gives the cell at (row, col) of the mosaic:
// softmax([4m, -4m, 0]) with m the mean normalised value of the 8 × 8 input
// pixels of that token, each the scene pixel under its centre.
std::array<double, 3> expectedCell(const probe::WaveScene &scene, int tile, int row, int col)
{
    const double s = tile / 32.0; // scene pixels per input pixel
    const int cell = tile / 4;
    float sum = 0;
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 8; ++j) {
            const int x = col * cell + int(std::floor((j + 0.5) * s));
            const int y = row * cell + int(std::floor((i + 0.5) * s));
            sum += (float(scene.value(x, y)) - 0.5f) / 0.25f;
        }
    const double m = sum / 64.0;
    const double a = std::exp(4 * m), b = std::exp(-4 * m), c = 1.0;
    return {a / (a + b + c), b / (a + b + c), c / (a + b + c)};
}

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

struct CliResult
{
    int code = -1;
    QByteArray out, err;
};

CliResult runCli(const QStringList &arguments)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MOESCOPE_PLUGIN_PATH"), kProbeDir);
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("2"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MOESCOPE_CLI), arguments);
    p.waitForFinished(240000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace

class TestShapes : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<PluginRegistry> m_registry;

    TaskPlugin *plugin(const QString &task)
    {
        TaskPlugin *p = m_registry->pluginForTask(task);
        return p && p->id() == task ? p : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_registry = std::make_unique<PluginRegistry>(QStringList{kProbeDir});
        QVERIFY2(m_registry->problems().isEmpty(), qPrintable(m_registry->problems().join('\n')));
        QVERIFY(plugin(QStringLiteral("test-tiled")));
        QVERIFY(plugin(QStringLiteral("test-track")));
    }

    void capabilities()
    {
        QCOMPARE(plugin(QStringLiteral("test-tiled"))->capabilities(),
                 TaskCapability::Batchable | TaskCapability::Tiled | TaskCapability::OpensFiles);
        QCOMPARE(plugin(QStringLiteral("test-track"))->capabilities(),
                 TaskCapability::Stateful | TaskCapability::OpensFiles);
        QCOMPARE(m_registry->pluginForFile(QStringLiteral("/x/a.TESTSCENE"))->id(),
                 QStringLiteral("test-tiled"));
        QCOMPARE(m_registry->pluginForFile(QStringLiteral("/x/a.png")), nullptr);
    }

    void tiledSceneStitches_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("tile");
        QTest::addColumn<int>("stride");
        // 30,000² floats would be 3.4 GiB: the scene is only ever read by tile.
        QTest::newRow("30000 x 30000, overlap 1/4") << 30000 << 30000 << 1024 << 768;
        QTest::newRow("5000 x 3100, overlap 1/2") << 5000 << 3100 << 512 << 256;
        QTest::newRow("4096 x 4096, no overlap") << 4096 << 4096 << 1024 << 1024;
        QTest::newRow("smaller than a tile") << 700 << 300 << 1024 << 768;
    }
    void tiledSceneStitches()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, tile);
        QFETCH(int, stride);
        const QJsonObject json{{"width", width}, {"height", height}};
        const QString path = writeJson(m_dir, QStringLiteral("wave.testscene"), json);
        QString error;
        const auto scene = openScene(*m_registry, path, {}, &error);
        QVERIFY2(scene, qPrintable(error));
        QVERIFY(!scene->image); // read by region, never whole
        QCOMPARE(scene->openedBy->id(), QStringLiteral("test-tiled"));

        std::string why;
        auto engine =
            model::Engine::load(kTiledModel.toStdString(), model::DevicePreference::Cpu, &why);
        QVERIFY2(engine, why.c_str());
        AnalysisRequest request;
        request.source = scene->source;
        request.batchSize = 16;
        request.options.extra.insert(QStringLiteral("tile"), tile);
        request.options.extra.insert(QStringLiteral("stride"), stride);
        AnalysisResult result;
        QVERIFY2(runAnalysis(*engine, *plugin(QStringLiteral("test-tiled")), request, nullptr, {},
                             &result, &error),
                 qPrintable(error));

        auto count = [&](int extent) {
            return extent <= tile ? 1 : (extent - tile + stride - 1) / stride + 1;
        };
        const int tiles = count(width) * count(height);
        QCOMPARE(result.stepsRun, tiles);
        QCOMPARE(result.retention, StepRetention::SummariesOnly);
        // Only the first tile's JSON is kept: the rest live in the mosaic
        // and the run summary, so memory does not grow with the scene.
        QCOMPARE(result.steps.size(), 1);
        QVERIFY(result.steps.first().layers.empty()); // summaries only
        QVERIFY(!result.steps.first().routingSummary.isEmpty());
        QCOMPARE(result.runSummary.value(QStringLiteral("tiles")).toInt(), tiles);
        QCOMPARE(result.steps.first().origins.at("image").sourceRect, QRect(0, 0, tile, tile));

        QCOMPARE(result.mosaic.size(), size_t(1));
        const routing::LayerRouting &mosaic = result.mosaic.front();
        const int cell = tile / 4;
        const int rows = (height + cell - 1) / cell, cols = (width + cell - 1) / cell;
        QCOMPARE(mosaic.grids.front().rows, rows);
        QCOMPARE(mosaic.grids.front().cols, cols);
        QCOMPARE(result.mosaicCell, QSizeF(cell, cell));
        const probe::WaveScene wave = probe::waveScene(json);
        double worst = 0;
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c) {
                const auto expected = expectedCell(wave, tile, r, c);
                for (int e = 0; e < 3; ++e)
                    worst = std::max(worst,
                                     std::abs(expected[size_t(e)] - mosaic.prob(r * cols + c, e)));
            }
        QVERIFY2(worst < 2e-5, qPrintable(QString::number(worst)));
        // Whatever the scene's size, the process stayed far below one band of it.
        QVERIFY2(peakRssMiB() < 1500, qPrintable(QString::number(peakRssMiB())));
    }

    // The same tiled run on the session's job thread, stored and reopened.
    void tiledRunOnTheJobThreadStoresTheMosaic()
    {
        const QString path = writeJson(m_dir, QStringLiteral("store.testscene"),
                                       QJsonObject{{"width", 6000}, {"height", 4000}});
        QString error;
        const auto scene = openScene(*m_registry, path, {}, &error);
        QVERIFY2(scene, qPrintable(error));
        ModelSession session;
        QSignalSpy loaded(&session, &ModelSession::modelLoaded);
        session.load(kTiledModel, QStringLiteral("cpu"));
        QVERIFY(loaded.wait(60000));
        QSignalSpy finished(&session, &ModelSession::finished);
        QSignalSpy progress(&session, &ModelSession::progress);
        AnalysisRequest request;
        request.source = scene->source;
        request.batchSize = 8;
        session.analyze(request, plugin(QStringLiteral("test-tiled")));
        QVERIFY(finished.wait(120000));
        AnalysisResult result = finished.first().first().value<AnalysisResult>();
        QVERIFY(!result.cancelled);
        QCOMPARE(result.stepsRun, 8 * 5);
        QCOMPARE(progress.last().at(0).toInt(), 40);

        store::Database db;
        QVERIFY2(db.open(m_dir.filePath(QStringLiteral("runs.sqlite")), &error), qPrintable(error));
        QVERIFY2(storeAnalysis(db, &result, SceneDescription::of(*scene->source),
                               session.model().contract, {}, &error),
                 qPrintable(error));
        std::vector<store::FrameRouting> routing;
        const auto record = db.loadRun(result.runId, &routing, &error);
        QVERIFY2(record, qPrintable(error));
        QCOMPARE(record->image.width, 6000);
        QCOMPARE(routing.size(), size_t(1)); // the mosaic, not 40 tiles
        const AnalysisResult reopened = fromStoredRun(*record, routing);
        QCOMPARE(reopened.mosaic.size(), size_t(1));
        QCOMPARE(reopened.mosaic.front().probs, result.mosaic.front().probs);
        QCOMPARE(reopened.mosaicCell, result.mosaicCell);
        QCOMPARE(reopened.runSummary, result.runSummary);
        QCOMPARE(reopened.stepsRun, 40);
        QCOMPARE(reopened.steps.size(), 1);
        QCOMPARE(reopened.steps[0].origins.at("image").sourceRect,
                 result.steps[0].origins.at("image").sourceRect);
        QCOMPARE(reopened.steps[0].routingSummary, result.steps[0].routingSummary);
    }

    // Step k's search region is centred on step k-1's answer; the host runs
    // the stateful plugin one step per forward call even when asked for 8.
    void trackerFollowsTheSquare()
    {
        const QJsonObject json{{"frames", 16}};
        const QString path = writeJson(m_dir, QStringLiteral("square.testtrack"), json);
        QString error;
        const auto scene = openScene(*m_registry, path, {}, &error);
        QVERIFY2(scene, qPrintable(error));
        ModelSession session;
        QSignalSpy loaded(&session, &ModelSession::modelLoaded);
        session.load(kTrackModel, QStringLiteral("cpu"));
        QVERIFY(loaded.wait(60000));
        QSignalSpy finished(&session, &ModelSession::finished);
        QSignalSpy failed(&session, &ModelSession::failed);
        AnalysisRequest request;
        request.source = scene->source;
        request.batchSize = 8;
        session.analyze(request, plugin(QStringLiteral("test-track")));
        QVERIFY(finished.wait(60000) || !failed.isEmpty());
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        const AnalysisResult result = finished.first().first().value<AnalysisResult>();
        const probe::SquareTrack track = probe::squareTrack(json);
        const QJsonArray path16 = result.runSummary.value(QStringLiteral("trajectory")).toArray();
        QCOMPARE(path16.size(), 16);
        for (int k = 0; k < 16; ++k) {
            const QJsonArray p = path16.at(k).toArray();
            const double dx = p.at(0).toDouble() - track.centerX(k);
            const double dy = p.at(1).toDouble() - track.centerY(k);
            QVERIFY2(
                std::hypot(dx, dy) < 2.0,
                qPrintable(QStringLiteral("frame %1: off by %2").arg(k).arg(std::hypot(dx, dy))));
            const QRect search = result.steps[k].origins.at("search").sourceRect;
            QCOMPARE(result.steps[k].origins.at("search").frame, k);
            if (k > 0) {
                const QJsonArray prev = path16.at(k - 1).toArray();
                QCOMPARE(search.center().x() + 1, int(std::lround(prev.at(0).toDouble())));
                QCOMPARE(search.center().y() + 1, int(std::lround(prev.at(1).toDouble())));
            }
        }
        // The square moved 135 px: a search region that never moved (64 px)
        // would have lost it by frame 4.
        QVERIFY(track.centerX(15) - track.centerX(0) > 2 * track.search);
    }

    void cliRunsBothShapes()
    {
        QTemporaryDir dir;
        const QString scenePath = writeJson(dir, QStringLiteral("big.testscene"),
                                            QJsonObject{{"width", 30000}, {"height", 30000}});
        const QString db = dir.filePath(QStringLiteral("runs.sqlite"));
        CliResult r = runCli({QStringLiteral("run"), QStringLiteral("--model"), kTiledModel,
                              QStringLiteral("--input"), scenePath, QStringLiteral("--db"), db,
                              QStringLiteral("--out"), dir.filePath(QStringLiteral("out")),
                              QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("steps")).toInt(), 39 * 39);
        QCOMPARE(o.value(QStringLiteral("run_summary")).toObject().value("tiles").toInt(), 39 * 39);
        const QJsonObject mosaic = o.value(QStringLiteral("mosaic")).toObject();
        QCOMPARE(mosaic.value(QStringLiteral("grid")).toArray(), (QJsonArray{118, 118}));
        QCOMPARE(mosaic.value(QStringLiteral("cell")).toArray(), (QJsonArray{256, 256}));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("out/overlay.png"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("out/top1-layer0.png"))));
        QVERIFY(o.value(QStringLiteral("run_id")).toInt() > 0);

        const QString trackPath =
            writeJson(dir, QStringLiteral("t.testtrack"), QJsonObject{{"frames", 10}});
        r = runCli({QStringLiteral("run"), QStringLiteral("--model"), kTrackModel,
                    QStringLiteral("--input"), trackPath, QStringLiteral("--no-store"),
                    QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        o = QJsonDocument::fromJson(r.out).object();
        const QJsonArray trajectory =
            o.value(QStringLiteral("run_summary")).toObject().value("trajectory").toArray();
        QCOMPARE(trajectory.size(), 10);
        QVERIFY(std::abs(trajectory.last().toArray().at(0).toDouble() - (60 + 9 * 9)) < 1.5);
    }

    void cliBadSceneFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.testscene"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        const CliResult r = runCli({QStringLiteral("run"), QStringLiteral("--model"), kTiledModel,
                                    QStringLiteral("--input"), path, QStringLiteral("--no-store")});
        QCOMPARE(r.code, 1);
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(path.toUtf8()), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestShapes)
#include "tst_shapes.moc"
