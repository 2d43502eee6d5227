// The tracking plugin: benchmark sequence folders (GOT-10k, LaSOT, OTB), the
// benchmarks' metrics on hand-computed cases, bad input, and the C++ tracker
// against the recipe's Python tracker on held-out generated sequences.
#include "clitestsupport.h"
#include "sequence.h"
#include "videosource.h"

#include "jobs/analysis.h"
#include "plugin/pluginregistry.h"
#include "plugin/sceneopener.h"
#include "tracking/trackmetrics.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace moescope;
using namespace moescope::tracking;

namespace {

const QString kSequences = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/tracking");
const QString kVideos = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/videos");

// Largest and mean absolute difference of two 8-bit RGB pictures.
std::pair<int, double> difference(const Rgb8 &a, const Rgb8 &b)
{
    int worst = 0;
    double sum = 0;
    for (size_t i = 0; i < a.samples.size(); ++i) {
        const int d = std::abs(int(a.samples[i]) - int(b.samples[i]));
        worst = std::max(worst, d);
        sum += d;
    }
    return {worst, sum / double(std::max<size_t>(1, a.samples.size()))};
}

void writeText(const QString &path, const QString &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Text));
    f.write(text.toUtf8());
}

// `frames` 40 × 30 PNG frames named from 1 in `folder` (`skip`: a missing number).
void writeFrames(const QString &folder, int frames, int skip = -1)
{
    QDir().mkpath(folder);
    for (int i = 1; i <= frames + (skip > 0 ? 1 : 0); ++i) {
        if (i == skip)
            continue;
        QImage image(40, 30, QImage::Format_RGB888);
        image.fill(QColor(10 * i, 100, 200));
        QVERIFY(image.save(
            QDir(folder).filePath(QStringLiteral("%1.png").arg(i, 8, 10, QLatin1Char('0')))));
    }
}

QRectF rectOf(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    return QRectF(a[0].toDouble(), a[1].toDouble(), a[2].toDouble(), a[3].toDouble());
}

QList<QRectF> boxes(std::initializer_list<QRectF> list)
{
    return QList<QRectF>(list);
}

} // namespace

class TestTracking : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    // --- Metrics, against the toolkits' rules on cases worked by hand ---
    void got10k_data()
    {
        QTest::addColumn<QList<QRectF>>("predicted");
        QTest::addColumn<QList<QRectF>>("truth");
        QTest::addColumn<QList<int>>("cover");
        QTest::addColumn<double>("ao");
        QTest::addColumn<double>("sr50");
        QTest::addColumn<int>("frames");
        const QRectF a(0, 0, 10, 10), shifted(5, 0, 10, 10), far(50, 50, 10, 10);
        // Frame 0 never counts; IoU 1 and 1/3: AO 2/3, SR0.5 1/2.
        QTest::newRow("first frame dropped")
            << boxes({far, a, a}) << boxes({a, a, shifted}) << QList<int>() << 2.0 / 3 << 0.5 << 2;
        // cover 0: the frame is not scored.
        QTest::newRow("cover 0 left out") << boxes({far, a, a}) << boxes({a, a, shifted})
                                          << QList<int>{8, 8, 0} << 1.0 << 1.0 << 1;
        // IoU exactly 0.5 is not a success (strict >).
        QTest::newRow("strict threshold")
            << boxes({a, a}) << boxes({a, QRectF(0, 0, 20, 10)}) << QList<int>() << 0.5 << 0.0 << 1;
        // Both boxes clipped to the 100 × 100 image: (95,0,10,10) becomes
        // (95,0,5,10); IoU with (90,0,10,10) is 0.5, not 1/3.
        QTest::newRow("clipped to the image")
            << boxes({a, QRectF(95, 0, 10, 10)}) << boxes({a, QRectF(90, 0, 10, 10)})
            << QList<int>() << 0.5 << 0.0 << 1;
    }
    void got10k()
    {
        QFETCH(QList<QRectF>, predicted);
        QFETCH(QList<QRectF>, truth);
        QFETCH(QList<int>, cover);
        QFETCH(double, ao);
        QFETCH(double, sr50);
        QFETCH(int, frames);
        const Got10kScores s =
            got10kScores({TrackedSequence{predicted, truth, cover, {}, QSizeF(100, 100)}});
        QCOMPARE(s.frames, frames);
        QVERIFY2(std::abs(s.ao - ao) < 1e-9, qPrintable(QString::number(s.ao)));
        QVERIFY2(std::abs(s.sr50 - sr50) < 1e-9, qPrintable(QString::number(s.sr50)));
        QCOMPARE(s.successCurve.size(), size_t(101));
    }

    void otbAndLasot()
    {
        const QRectF a(0, 0, 10, 10);
        // OTB: frame 0 IoU 1 and error 0, frame 1 IoU 0 and error 30 px.
        const OtbScores o = otbScores(
            {TrackedSequence{boxes({a, a}), boxes({a, QRectF(30, 0, 10, 10)}), {}, {}, {}}});
        // Success: 1/2 at the 20 thresholds below 1, 0 at 1: AUC 10/21.
        QVERIFY(std::abs(o.success - 10.0 / 21) < 1e-9);
        QCOMPARE(o.precision, 0.5);

        // LaSOT: frame 0 is the given box whatever was predicted; frame 2
        // absent (overlap −1, infinite error) stays in the denominator.
        const OtbScores l =
            lasotScores({TrackedSequence{boxes({QRectF(70, 70, 5, 5), a, QRectF(0, 0, 3, 3)}),
                                         boxes({a, a, a}),
                                         {},
                                         {false, false, true},
                                         {}}});
        QVERIFY(std::abs(l.success - (2.0 / 3) * 20 / 21) < 1e-9);
        QVERIFY(std::abs(l.precision - 2.0 / 3) < 1e-9);
        QVERIFY(std::abs(l.normPrecision - 2.0 / 3) < 1e-9);
        // A ground truth without size (not marked absent): overlap −1 and an
        // infinite centre error, but a normalised error of −1, which
        // pytracking counts as a success.
        const OtbScores z = lasotScores(
            {TrackedSequence{boxes({a, a, a}), boxes({a, a, QRectF(0, 0, 0, 0)}), {}, {}, {}}});
        QVERIFY(std::abs(z.precision - 2.0 / 3) < 1e-9);
        QVERIFY(std::abs(z.normPrecision - 1.0) < 1e-9);
        // Pixel-inclusive IoU: (0,0,10,10) and (1,0,10,10) share 9 × 10.
        const OtbScores p = lasotScores(
            {TrackedSequence{boxes({a, QRectF(1, 0, 10, 10)}), boxes({a, a}), {}, {}, {}}});
        QCOMPARE(p.successCurve[size_t(16)], 1.0); // 90/110 = 0.818 > 0.80
        QCOMPARE(p.successCurve[size_t(17)], 0.5); // not > 0.85
    }

    // --- Sequence folders ---
    void layouts_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QString>("truthName");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<bool>("imgFolder");
        QTest::newRow("GOT-10k") << "got10k"
                                 << "groundtruth.txt"
                                 << "," << false;
        QTest::newRow("LaSOT") << "lasot"
                               << "groundtruth.txt"
                               << "," << true;
        QTest::newRow("OTB, tabs") << "otb"
                                   << "groundtruth_rect.txt"
                                   << "\t" << true;
        QTest::newRow("OTB, spaces") << "otb"
                                     << "groundtruth_rect.txt"
                                     << " " << true;
    }
    void layouts()
    {
        QFETCH(QString, layout);
        QFETCH(QString, truthName);
        QFETCH(QString, separator);
        QFETCH(bool, imgFolder);
        const QString folder = m_dir.filePath(QStringLiteral("layout-") + QTest::currentDataTag());
        writeFrames(imgFolder ? folder + QStringLiteral("/img") : folder, 4);
        QString truth;
        for (int i = 0; i < 4; ++i)
            truth += QStringList{QString::number(i + 1), "2", "10.5", "8"}.join(separator) + "\n";
        writeText(QDir(folder).filePath(truthName), truth);
        if (layout == QLatin1String("lasot")) {
            writeText(QDir(folder).filePath("full_occlusion.txt"), "0,0,1,0\n");
            writeText(QDir(folder).filePath("out_of_view.txt"), "0,0,0,1\n");
        } else if (layout == QLatin1String("got10k")) {
            writeText(QDir(folder).filePath("absence.label"), "0\n0\n1\n0\n");
            writeText(QDir(folder).filePath("cover.label"), "8\n8\n0\n8\n");
        }
        QString error;
        // Opened from the folder or from its ground-truth file alike.
        for (const QString &path : {folder, QDir(folder).filePath(truthName)}) {
            const QSharedPointer<SequenceSource> s = SequenceSource::open(path, &error);
            QVERIFY2(s, qPrintable(error));
            QCOMPARE(s->layout(), layout);
            QCOMPARE(s->frameCount(), 4);
            QCOMPARE(s->size(), QSize(40, 30));
            QCOMPARE(s->groundTruth().boxes.size(), 4);
            QCOMPARE(s->groundTruth().boxes[3], QRectF(4, 2, 10.5, 8));
            QCOMPARE(s->groundTruth().visible(2), layout == QLatin1String("otb"));
            QCOMPARE(s->groundTruth().visible(3), layout != QLatin1String("lasot"));
            QCOMPARE(s->properties().value("has_groundtruth").toBool(), true);
            const Rgb8 f = s->frame(3, &error);
            QCOMPARE(int(f.samples[0]), 40); // frame 4's red
        }
        // Not a sequence: declined with no error (the host reads it).
        QVERIFY(!SequenceSource::open(m_dir.path(), &error));
        QVERIFY(error.isEmpty());
    }

    void datasetRoot()
    {
        const QString root = m_dir.filePath(QStringLiteral("dataset"));
        for (const QString &name : QStringList{"b", "a", "c"}) {
            writeFrames(root + "/" + name, 2);
            writeText(root + "/" + name + "/groundtruth.txt", "1,1,5,5\n1,1,5,5\n");
        }
        // `track` on the root: every sequence folder, or those list.txt names, in its order.
        auto tracked = [&] {
            const CliResult r = runCli({"track", "--model", MOESCOPE_TRACK_MODEL, "--input", root,
                                        "--no-store", "--json"});
            QStringList names;
            for (const QJsonValue &v : r.json().value("sequences").toArray())
                names << v.toObject().value("path").toString();
            return names;
        };
        QCOMPARE(tracked().size(), 3);
        writeText(root + "/list.txt", "c\na\n");
        const QStringList listed = tracked();
        QCOMPARE(listed, QStringList({root + "/c", root + "/a"}));
    }

    void badSequences_data()
    {
        QTest::addColumn<QString>("truth");
        QTest::addColumn<int>("skip");
        QTest::addColumn<QString>("expected");
        QTest::newRow("NaN") << "1,1,5,5\n1,nan,5,5\n1,1,5,5\n"
                             << -1 << "groundtruth.txt: line 2 is not four numbers";
        QTest::newRow("negative size") << "1,1,5,5\n1,1,-5,5\n1,1,5,5\n"
                                       << -1 << "groundtruth.txt: line 2 has a negative width";
        QTest::newRow("missing lines") << "1,1,5,5\n1,1,5,5\n"
                                       << -1 << "groundtruth.txt: 2 boxes for 3 frames";
        QTest::newRow("gap in the numbering") << "1,1,5,5\n" << 2 << "frame 2 is missing";
    }
    void badSequences()
    {
        QFETCH(QString, truth);
        QFETCH(int, skip);
        QFETCH(QString, expected);
        const QString folder = m_dir.filePath(QStringLiteral("bad-") + QTest::currentDataTag());
        writeFrames(folder, 3, skip);
        writeText(folder + "/groundtruth.txt", truth);
        QString error;
        QVERIFY(!SequenceSource::open(folder, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(folder), qPrintable(error));
    }

    // --- The tracker: the same boxes as the recipe's Python tracker ---
    void parityWithPython()
    {
        QFile f(kSequences + "/expected.json");
        QVERIFY2(f.open(QIODevice::ReadOnly), "run make_tracking_sequences first");
        const QJsonObject expected = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(expected.size() >= 6);
        PluginRegistry registry;
        std::string why;
        auto engine = model::Engine::load(MOESCOPE_TRACK_MODEL, model::DevicePreference::Cpu, &why);
        QVERIFY2(engine, why.c_str());
        double worst = 0;
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            QString error;
            std::optional<OpenedScene> scene =
                openScene(registry, kSequences + "/" + it.key(), {}, &error);
            QVERIFY2(scene && scene->openedBy, qPrintable(error));
            AnalysisRequest request;
            request.source = scene->source;
            AnalysisResult result;
            QVERIFY2(runAnalysis(*engine, *scene->openedBy, request, nullptr, {}, &result, &error),
                     qPrintable(error));
            const QJsonArray want = it.value().toObject().value("boxes").toArray();
            const QJsonArray got = result.runSummary.value("boxes").toArray();
            QCOMPARE(got.size(), want.size());
            for (int t = 0; t < want.size(); ++t)
                for (int k = 0; k < 4; ++k)
                    worst = std::max(worst, std::abs(got[t].toArray()[k].toDouble() -
                                                     want[t].toArray()[k].toDouble()));
            // The per-step outputs: frame numbers, IoU where visible.
            QCOMPARE(result.steps.size(), want.size());
            QCOMPARE(result.steps.last().outputs.value("frame").toInt(), want.size() - 1);
            QVERIFY(result.steps[1].outputs.contains("search_region"));
        }
        qInfo("largest difference from the Python tracker: %.4f px", worst);
        QVERIFY2(worst <= 0.5, qPrintable(QString::number(worst)));
    }

    // track over the dataset folder: GOT-10k's AO as the recipe computes it
    // from the Python tracker's boxes (IoU over frames 1.., cover 0 left
    // out; the recipe does not clip to the image, hence the tolerance), the
    // result files, and a run started on a later frame.
    void trackDataset()
    {
        QFile f(kSequences + "/expected.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject expected = QJsonDocument::fromJson(f.readAll()).object();
        double sum = 0;
        int frames = 0;
        for (const QJsonValue &v : expected) {
            const QJsonArray ious = v.toObject().value("ious").toArray();
            const QJsonArray cover = v.toObject().value("cover").toArray();
            for (int t = 1; t < ious.size(); ++t)
                if (cover[t].toInt() > 0) {
                    sum += ious[t].toDouble();
                    ++frames;
                }
        }
        const QString out = m_dir.filePath("track-out");
        const CliResult r = runCli({"track", "--model", MOESCOPE_TRACK_MODEL, "--input", kSequences,
                                    "--no-store", "--evaluate", "--out", out, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject json = r.json();
        QCOMPARE(json.value("sequences").toArray().size(), expected.size());
        const QJsonObject metrics = json.value("metrics").toObject();
        QCOMPARE(metrics.value("protocol").toString(), QStringLiteral("got10k"));
        QCOMPARE(metrics.value("frames").toInt(), frames);
        qInfo("AO %.4f (the recipe's formula on the Python boxes: %.4f)",
              metrics.value("ao").toDouble(), sum / frames);
        QVERIFY(std::abs(metrics.value("ao").toDouble() - sum / frames) < 0.02);
        // GOT-10k's result files: one x,y,w,h line per frame, %.3f.
        QFile result(out + "/Held_002/Held_002_001.txt");
        QVERIFY(result.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(result.readAll()).trimmed().split('\n');
        const QJsonArray frames2 =
            json.value("sequences").toArray()[1].toObject().value("frames").toArray();
        QCOMPARE(lines.size(), frames2.size());
        const QJsonArray box = frames2[3].toObject().value("box").toArray();
        QCOMPARE(lines[3], QStringLiteral("%1,%2,%3,%4")
                               .arg(box[0].toDouble(), 0, 'f', 3)
                               .arg(box[1].toDouble(), 0, 'f', 3)
                               .arg(box[2].toDouble(), 0, 'f', 3)
                               .arg(box[3].toDouble(), 0, 'f', 3));
        QVERIFY(QFile::exists(out + "/Held_002/Held_002_time.txt"));
        QVERIFY(QFile::exists(out + "/Held_002/frames.csv"));

        // From frame 5: the ground truth's box there, frames 5..12.
        const CliResult later =
            runCli({"track", "--model", MOESCOPE_TRACK_MODEL, "--input", kSequences + "/Held_002",
                    "--no-store", "--frames", "5:12", "--json"});
        QVERIFY2(later.code == 0, later.err.constData());
        const QJsonArray f5 = later.json().value("frames").toArray();
        QCOMPARE(f5.size(), 8);
        QCOMPARE(f5[0].toObject().value("index").toInt(), 5);
        QCOMPARE(f5[0].toObject().value("iou").toDouble(), 1.0);
    }

    void trackUsage_data()
    {
        QTest::addColumn<QStringList>("more");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown protocol") << QStringList{"--protocol", "vot"} << 2 << "--protocol";
        QTest::newRow("init on a dataset")
            << QStringList{"--init", "1,1,5,5"} << 1 << "one sequence";
    }
    void trackUsage()
    {
        QFETCH(QStringList, more);
        QFETCH(int, code);
        QFETCH(QString, expected);
        const CliResult r = runCli(QStringList{"track", "--model", MOESCOPE_TRACK_MODEL, "--input",
                                               kSequences, "--no-store"} +
                                   more);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(expected.toUtf8()), r.err.constData());
    }

    // --- Videos (FFmpeg) ---
    // Every frame exactly as FFmpeg's own command decodes it (autorotated),
    // and frame k is source frame k, not a
    // neighbour: the encoders' reordering (B-frames) and key-frame spacing
    // must not shift the count.
    void videoFrames_data()
    {
        QTest::addColumn<QString>("video");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("rotation");
        QTest::newRow("H.264, B-frames") << "h264.mp4"
                                         << "h264" << QSize(256, 256) << 0;
        QTest::newRow("MPEG-4 in MKV") << "mpeg4.mkv"
                                       << "mpeg4" << QSize(256, 256) << 0;
        QTest::newRow("MJPEG in AVI") << "mjpeg.avi"
                                      << "mjpeg" << QSize(256, 256) << 0;
        QTest::newRow("VP9 in WebM") << "vp9.webm"
                                     << "vp9" << QSize(256, 256) << 0;
        QTest::newRow("H.264 250 x 186") << "odd-h264.mp4"
                                         << "h264" << QSize(250, 186) << 0;
        QTest::newRow("MJPEG 255 x 251") << "odd-mjpeg.avi"
                                         << "mjpeg" << QSize(255, 251) << 0;
        QTest::newRow("rotated (display matrix)") << "rotated.mp4"
                                                  << "h264" << QSize(256, 256) << 270;
    }
    void videoFrames()
    {
        QFETCH(QString, video);
        QFETCH(QString, codec);
        QFETCH(QSize, size);
        QFETCH(int, rotation);
        QString error;
        const QSharedPointer<VideoSource> v = VideoSource::open(kVideos + "/" + video, &error);
        QVERIFY2(v, qPrintable(error));
        QCOMPARE(v->frameCount(), 30);
        QCOMPARE(v->codec(), codec);
        QCOMPARE(v->size(), size);
        QCOMPARE(v->rotation(), rotation);
        QCOMPARE(v->fps(), 10.0);
        QVERIFY(std::abs(v->timestamp(29) - 2.9) < 1e-6);
        const QString reference = kVideos + "/" + QFileInfo(video).completeBaseName() + "-frames/";
        int worst = 0;
        double mean = 0;
        std::vector<Rgb8> sequential;
        for (int k = 0; k < 30; ++k) {
            sequential.push_back(v->frame(k, &error));
            QVERIFY2(!sequential.back().samples.empty(), qPrintable(error));
            const Rgb8 ffmpeg = Rgb8::fromImage(
                QImage(reference + QStringLiteral("%1.png").arg(k + 1, 5, 10, QLatin1Char('0'))));
            QCOMPARE(QSize(ffmpeg.width, ffmpeg.height), size);
            const auto [w, m] = difference(sequential.back(), ffmpeg);
            worst = std::max(worst, w);
            mean = std::max(mean, m);
        }
        qInfo("%s: largest difference from ffmpeg's frames %d levels (mean %.3f)",
              qPrintable(video), worst, mean);
        QCOMPARE(worst, 0); // the same decoder and conversion as FFmpeg's command
        // Random access gives the very same pictures as decoding in order.
        for (int k : {20, 3, 21, 0, 29, 10, 11, 5}) {
            const Rgb8 f = v->frame(k, &error);
            QVERIFY2(f.samples == sequential[size_t(k)].samples,
                     qPrintable(QStringLiteral("frame %1 differs when seeked to").arg(k)));
        }
    }

    // Frame k of the video is frame k of the sequence it was encoded from:
    // nearer to it than to its neighbours (the encoding is lossy).
    void videoFrameAccurate()
    {
        QString error;
        const QSharedPointer<VideoSource> v = VideoSource::open(kVideos + "/h264.mp4", &error);
        QVERIFY2(v, qPrintable(error));
        const QSharedPointer<SequenceSource> s =
            SequenceSource::open(kSequences + "/Held_001", &error);
        QVERIFY2(s, qPrintable(error));
        for (int k : {1, 9, 17, 28}) {
            const Rgb8 f = v->frame(k, &error);
            const double here = difference(f, s->frame(k, &error)).second;
            QVERIFY(here < difference(f, s->frame(k - 1, &error)).second);
            QVERIFY(here < difference(f, s->frame(k + 1, &error)).second);
        }
    }

    void damagedVideos()
    {
        QString error;
        // Cut in half: opens with the frames there are, and says so.
        const QSharedPointer<VideoSource> cut =
            VideoSource::open(kVideos + "/truncated.avi", &error);
        QVERIFY2(cut, qPrintable(error));
        QVERIFY(cut->frameCount() < 30 && cut->frameCount() > 5);
        QVERIFY2(cut->truncated().contains(QStringLiteral("of its 30 frames")),
                 qPrintable(cut->truncated()));
        QVERIFY(!cut->frame(cut->frameCount() - 2, &error).samples.empty());
        QVERIFY(cut->frame(cut->frameCount(), &error).samples.empty());
        // Not a video: one line naming the file, FFmpeg's cause, nothing on stderr.
        error.clear();
        QVERIFY(!VideoSource::open(kVideos + "/garbage.mp4", &error));
        QVERIFY2(error.startsWith(kVideos + "/garbage.mp4: "), qPrintable(error));
        const CliResult r = runCli({"info", kVideos + "/garbage.mp4"});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err.count('\n'), 1);
        const CliResult t = runCli({"info", kVideos + "/truncated.avi"});
        QVERIFY2(t.out.contains("the file ends after"), t.out.constData());
    }

    // Tracking a video: the same target as on the PNG frames it was
    // encoded from, from the same initial box.
    void trackVideo()
    {
        QFile f(kSequences + "/Held_001/groundtruth.txt");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString init = QString::fromUtf8(f.readLine()).trimmed();
        const CliResult v = runCli({"track", "--model", MOESCOPE_TRACK_MODEL, "--input",
                                    kVideos + "/h264.mp4", "--init", init, "--no-store", "--json"});
        QVERIFY2(v.code == 0, v.err.constData());
        const CliResult s = runCli({"track", "--model", MOESCOPE_TRACK_MODEL, "--input",
                                    kSequences + "/Held_001", "--no-store", "--json"});
        QVERIFY2(s.code == 0, s.err.constData());
        const QJsonArray a = v.json().value("frames").toArray(),
                         b = s.json().value("frames").toArray();
        QCOMPARE(a.size(), 30);
        double mean = 0;
        for (int k = 0; k < 30; ++k)
            mean += iouContinuous(rectOf(a[k].toObject().value("box")),
                                  rectOf(b[k].toObject().value("box"))) /
                    30;
        qInfo("mean IoU between the video's track and the PNG frames' track: %.3f", mean);
        QVERIFY(mean > 0.8);
        // Without a box nor a ground truth: told what to do.
        const CliResult none = runCli({"track", "--model", MOESCOPE_TRACK_MODEL, "--input",
                                       kVideos + "/h264.mp4", "--no-store"});
        QCOMPARE(none.code, 1);
        QVERIFY2(none.err.contains("--init"), none.err.constData());
    }

    // --- The CLI ---
    void cliRun()
    {
        const QString seq = kSequences + "/Held_001";
        CliResult r = runCli(
            {"run", "--model", MOESCOPE_TRACK_MODEL, "--input", seq, "--no-store", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject summary = r.json().value("run_summary").toObject();
        QCOMPARE(summary.value("sequence").toString(), QStringLiteral("Held_001"));
        QVERIFY(summary.value("boxes").toArray().size() > 10);
        // An initial box outside the frame: one clear line, non-zero exit.
        r = runCli({"run", "--model", MOESCOPE_TRACK_MODEL, "--input", seq, "--no-store", "--init",
                    "500,500,10,10"});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains("outside the 256 × 256 frame"), r.err.constData());
    }
};

QTEST_MAIN(TestTracking)
#include "tst_tracking.moc"
