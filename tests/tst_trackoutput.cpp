// What a track leaves behind: the stored run (full routing only for the
// frames asked for, summaries with each input's expert shares for every
// frame, and the run reopened as stored), the per-frame CSV, and the
// annotated video, decoded again frame by frame.
#include "clitestsupport.h"
#include "jobs/storedrun.h"
#include "store/database.h"
#include "videosource.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace moescope;

namespace {
const QString kSequence = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/tracking/Held_002");
} // namespace

class TestTrackOutput : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void routingWindowStoredAndVideo()
    {
        const QString db = m_dir.filePath("runs.sqlite");
        const QString out = m_dir.filePath("out");
        const CliResult r =
            runCli({"track", "--model", MOESCOPE_TRACK_MODEL, "--input", kSequence, "--db", db,
                    "--out", out, "--video", "--routing-frames", "5:9", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData()); // no encoder chatter
        const QJsonObject json = r.json();
        const QJsonArray frames = json.value("frames").toArray();
        QCOMPARE(frames.size(), 30);

        // Stored: full routing for frames 5..9 only; every frame's summary
        // holds the template's and the search region's shares.
        store::Database store;
        QString error;
        QVERIFY2(store.open(db, &error), qPrintable(error));
        std::vector<store::FrameRouting> routing;
        const auto record = store.loadRun(json.value("run_id").toInteger(), &routing, &error);
        QVERIFY2(record, qPrintable(error));
        QList<int> routed;
        for (const store::FrameRouting &f : routing)
            routed << f.frame;
        QCOMPARE(routed, QList<int>({5, 6, 7, 8, 9}));
        const AnalysisResult reopened = fromStoredRun(*record, routing);
        QCOMPARE(reopened.steps.size(), 30);
        for (const StepResult &s : reopened.steps) {
            QCOMPARE(s.layers.empty(), s.step < 5 || s.step > 9);
            QCOMPARE(s.routingSummary.size(), 8);
            const QJsonArray grids = s.routingSummary[7].toObject().value("grids").toArray();
            QCOMPARE(grids.size(), 2);
            QCOMPARE(grids[1].toObject().value("input").toString(), QStringLiteral("search"));
            double sum = 0;
            for (const QJsonValue &v : grids[1].toObject().value("load").toArray())
                sum += v.toDouble();
            QVERIFY(std::abs(sum - 1.0) < 1e-3);
            // The same figures the CLI printed for that frame.
            QCOMPARE(frames[s.step]
                         .toObject()
                         .value("expert_shares")
                         .toArray()[7]
                         .toObject()
                         .value("search")
                         .toArray(),
                     grids[1].toObject().value("load").toArray());
            QCOMPARE(s.outputs.value("box"), frames[s.step].toObject().value("box"));
        }
        // Summaries stored per step, not recomputed from routing that is gone.
        QCOMPARE(reopened.runSummary.value("frames").toArray().size(), 30);

        // The CSV: one row per frame, with both inputs' shares per layer.
        QFile csv(out + "/Held_002/frames.csv");
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList rows = QString::fromUtf8(csv.readAll()).trimmed().split('\n');
        QCOMPARE(rows.size(), 31);
        QVERIFY(rows[0].contains("L7_search_e3") && rows[0].contains("L0_template_e0"));
        QCOMPARE(rows[1].split(',').size(), rows[0].split(',').size());
        QCOMPARE(rows[30].split(',').size(), rows[0].split(',').size());

        // The annotated video: every frame, the tracker's box drawn in green
        // where the track says it is (the edge nearer the box's green than
        // the picture was there).
        const QString video = out + "/Held_002/Held_002_annotated.mp4";
        const auto source = tracking::VideoSource::open(video, &error);
        QVERIFY2(source, qPrintable(error));
        QCOMPARE(source->frameCount(), 30);
        QCOMPARE(source->size(), QSize(256, 256));
        QCOMPARE(source->properties().value("codec").toString(), QStringLiteral("h264"));
        const auto distance = [](QRgb c, int r, int g, int b) {
            return std::abs(qRed(c) - r) + std::abs(qGreen(c) - g) + std::abs(qBlue(c) - b);
        };
        for (int k : {0, 7, 20}) {
            const tracking::Rgb8 f = source->frame(k, &error);
            QVERIFY2(!f.samples.empty(), qPrintable(error));
            const QImage original(kSequence +
                                  QStringLiteral("/%1.png").arg(k + 1, 8, 10, QChar('0')));
            QVERIFY(!original.isNull());
            const QJsonArray b = frames[k].toObject().value("box").toArray();
            const int x = qRound(b[0].toDouble()), y0 = qRound(b[1].toDouble());
            int greener = 0, n = 0;
            for (int y = y0 + 4; y < y0 + qRound(b[3].toDouble()) - 4; y += 2, ++n) {
                bool found = false;
                for (int dx = -1; dx <= 1 && !found; ++dx) {
                    const int xx = std::clamp(x + dx, 0, 255);
                    const size_t i = (size_t(y) * f.width + size_t(xx)) * 3;
                    const QRgb drawn = qRgb(f.samples[i], f.samples[i + 1], f.samples[i + 2]);
                    found = distance(drawn, 60, 230, 90) + 60 <
                            distance(original.pixel(xx, y), 60, 230, 90);
                }
                greener += found;
            }
            QVERIFY2(n > 0 && greener * 4 > n * 3,
                     qPrintable(QStringLiteral("frame %1: %2 of %3").arg(k).arg(greener).arg(n)));
        }

        // --video without --out is a usage error.
        const CliResult usage = runCli({"track", "--model", MOESCOPE_TRACK_MODEL, "--input",
                                        kSequence, "--no-store", "--video"});
        QCOMPARE(usage.code, 2);
        QVERIFY(usage.err.contains("--out"));
    }
};

QTEST_MAIN(TestTrackOutput)
#include "tst_trackoutput.moc"
