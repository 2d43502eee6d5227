// Ultrasound: multi-frame cines in every photometric interpretation and
// transfer syntax the issue lists, checked pixel by pixel and frame by frame
// against the formula that wrote them (tests/data/make_us_cines.py); the
// imaging region and frame time; broken files refused with one message; the
// ultrasound plugin cropping to the region and flagging non-ultrasound files;
// and `moescope-cli run` over a cine (frames, per-frame CSV, contact sheet).
#include "image/imageloader.h"
#include "plugin/outputs.h"
#include "plugin/pluginregistry.h"
#include "plugin/preprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace moescope;

namespace {

const QString kCines = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/uscines");

QJsonArray manifest()
{
    QFile f(kCines + QStringLiteral("/manifest.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("files")).toArray();
}

// The pixel make_us_cines.py wrote at (x, y) of frame f, as RGB (grey: r = g = b).
std::array<int, 3> expected(const QString &pattern, int x, int y, int f)
{
    if (pattern == QLatin1String("mono")) {
        const int v = (x + 2 * y + 9 * f) % 256;
        return {v, v, v};
    }
    if (pattern == QLatin1String("rgb"))
        return {(4 * x + 10 * f) % 256, (5 * y) % 256, (x + y + f) % 256};
    const int i = (x + 3 * y + 5 * f) % 256; // palette: the 16-bit LUT's entries
    return {257 * i, 257 * (255 - i), 257 * ((7 * i) % 256)};
}

struct CliResult
{
    int code = -1;
    QByteArray out, err;
};

CliResult cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(MOESCOPE_CLI), args);
    p.waitForFinished(240000);
    CliResult r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

model::InputSpec greySpec(int size)
{
    model::InputSpec spec;
    spec.name = "image";
    spec.channels = 1;
    spec.width = spec.height = size;
    spec.mean = {0};
    spec.std = {1};
    return spec;
}

} // namespace

class TestUltrasound : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (manifest().isEmpty())
            QSKIP("no test cines: the make_us_cines fixture needs python3-pydicom and dcmtk");
    }

    void cineFrames_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("photometric");
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("tolerance");
        QTest::addColumn<double>("meanTolerance");
        for (const QJsonValue &v : manifest()) {
            const QJsonObject o = v.toObject();
            if (!o.value(QStringLiteral("broken")).toString().isEmpty())
                continue;
            const QString file = o.value(QStringLiteral("file")).toString();
            QTest::newRow(qPrintable(file)) << file << o.value(QStringLiteral("pattern")).toString()
                                            << o.value(QStringLiteral("photometric")).toString()
                                            << o.value(QStringLiteral("frames")).toInt()
                                            << o.value(QStringLiteral("width")).toInt()
                                            << o.value(QStringLiteral("height")).toInt()
                                            << o.value(QStringLiteral("tolerance")).toInt()
                                            << o.value(QStringLiteral("mean_tolerance")).toDouble();
        }
    }
    void cineFrames()
    {
        QFETCH(QString, file);
        QFETCH(QString, pattern);
        QFETCH(QString, photometric);
        QFETCH(int, frames);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, tolerance);
        QFETCH(double, meanTolerance);
        LoadError error;
        const std::optional<ImageStack> image =
            ImageLoader::load(kCines + QLatin1Char('/') + file, &error);
        QVERIFY2(image, qPrintable(error.message()));
        QCOMPARE(image->frameCount, frames);
        QCOMPARE(image->width, width);
        QCOMPARE(image->height, height);
        QCOMPARE(image->kind, ImageKind::Cine);
        QCOMPARE(image->modality, QStringLiteral("US"));
        QCOMPARE(image->frameTimeMs, 40.0);
        QCOMPARE(image->metadataValue(QStringLiteral("PhotometricInterpretation")), photometric);
        // The region make_us_cines.py put in the Sequence of Ultrasound Regions.
        QCOMPARE(image->imagingRegion,
                 QRect(QPoint(width / 10, height / 8), QPoint(width - width / 10 - 1, height - 1)));
        QCOMPARE(image->spacing.columnMm, 0.2);
        QCOMPARE(image->spacing.rowMm, 0.25);
        const bool colour = pattern != QLatin1String("mono");
        QCOMPARE(image->channels, colour ? 3 : 1);
        int worst = 0;
        double errorSum = 0;
        for (int f = 0; f < frames; ++f) {
            for (int y = 0; y < height; ++y) {
                for (int x = 0; x < width; ++x) {
                    const std::array<int, 3> want = expected(pattern, x, y, f);
                    for (int c = 0; c < image->channels; ++c) {
                        const int got = qRound(image->sample(f, x, y, c));
                        const int diff = std::abs(got - want[size_t(c)]);
                        errorSum += diff;
                        worst = std::max(worst, diff);
                        if (meanTolerance == 0 && worst > tolerance)
                            QFAIL(qPrintable(QStringLiteral("frame %1 (%2, %3) channel %4: %5, "
                                                            "expected %6")
                                                 .arg(f)
                                                 .arg(x)
                                                 .arg(y)
                                                 .arg(c)
                                                 .arg(got)
                                                 .arg(want[size_t(c)])));
                    }
                }
            }
        }
        const double meanError = errorSum / (double(frames) * width * height * image->channels);
        if (meanTolerance > 0)
            QVERIFY2(meanError <= meanTolerance, qPrintable(QString::number(meanError)));
        if (photometric == QLatin1String("MONOCHROME1")) // shown inverted, samples kept as stored
            QCOMPARE(qGray(image->toQImage(0, WindowLevel{127.5, 255}).pixel(0, 0)), 255);
    }

    void brokenFilesAreRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("cause");
        for (const QJsonValue &v : manifest()) {
            const QJsonObject o = v.toObject();
            const QString broken = o.value(QStringLiteral("broken")).toString();
            if (broken.isEmpty())
                continue;
            const QString cause = broken == QLatin1String("frame count")
                                      ? QStringLiteral("Number of Frames (0028,0008) says 10")
                                  : broken == QLatin1String("transfer syntax")
                                      ? QStringLiteral("unsupported transfer syntax MPEG-4")
                                      : QStringLiteral("truncated");
            const QString file = o.value(QStringLiteral("file")).toString();
            QTest::newRow(qPrintable(file)) << file << cause;
        }
    }
    void brokenFilesAreRefused()
    {
        QFETCH(QString, file);
        QFETCH(QString, cause);
        LoadError error;
        const QString path = kCines + QLatin1Char('/') + file;
        QVERIFY(!ImageLoader::load(path, &error));
        QVERIFY2(error.message().contains(path), qPrintable(error.message()));
        QVERIFY2(error.message().contains(cause), qPrintable(error.message()));
        // The CLI: one line on stderr naming the file, exit 1, no crash.
        const CliResult r = cli({QStringLiteral("info"), path});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err.trimmed().count('\n'), 0);
        QVERIFY2(r.err.contains(path.toUtf8()), r.err.constData());
    }

    void pluginCropsToTheImagingRegion()
    {
        PluginRegistry registry;
        QString warning;
        TaskPlugin *plugin = registry.pluginForTask(QStringLiteral("ultrasound"), &warning);
        QVERIFY2(plugin && plugin->id() == QLatin1String("ultrasound"), qPrintable(warning));
        LoadError error;
        const std::optional<ImageStack> cine =
            ImageLoader::load(kCines + QStringLiteral("/mono2_rle.dcm"), &error);
        QVERIFY2(cine, qPrintable(error.message()));
        model::ModelContract contract;
        contract.task = "ultrasound";
        contract.inputs = {greySpec(32)};
        for (int frame : {0, 7}) {
            model::InputBatch batch;
            QString why;
            QVERIFY(plugin->prepare(contract, *cine, frame, {}, &batch, &why));
            const std::vector<float> cropped = imageInputValues(
                modelView(*cine, frame, contract.inputs[0], {}, cine->imagingRegion),
                contract.inputs[0]);
            QCOMPARE(batch.images["image"], cropped);
            QVERIFY(
                batch.images["image"] !=
                imageInputValues(modelView(*cine, frame, contract.inputs[0]), contract.inputs[0]));
        }
        QVERIFY(plugin->inputWarnings(contract, *cine).isEmpty());
        ImageStack ct = *cine;
        ct.modality = QStringLiteral("CT");
        const QStringList warnings = plugin->inputWarnings(contract, ct);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(QLatin1String("not ultrasound")),
                 qPrintable(warnings.first()));
    }

    void cliRunsEveryFrame()
    {
        QTemporaryDir out;
        const QString cine = kCines + QStringLiteral("/mono2_rle.dcm");
        const QString model =
            QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/models/moe-vit-shapes-tiny.pt");
        const CliResult r =
            cli({QStringLiteral("run"), QStringLiteral("--model"), model, QStringLiteral("--input"),
                 cine, QStringLiteral("--frames"), QStringLiteral("2:5"),
                 QStringLiteral("--no-store"), QStringLiteral("--json"), QStringLiteral("--out"),
                 out.path(), QStringLiteral("--threads"), QStringLiteral("2")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        const QJsonArray frames = json.value(QStringLiteral("frames")).toArray();
        QCOMPARE(frames.size(), 4);
        for (int i = 0; i < 4; ++i) {
            const QJsonObject f = frames[i].toObject();
            QCOMPARE(f.value(QStringLiteral("index")).toInt(), 2 + i);
            QVERIFY(f.value(QStringLiteral("outputs")).isObject());
            QCOMPARE(f.value(QStringLiteral("routing")).toArray().size(), 2);
        }
        QFile csv(out.filePath(QStringLiteral("routing-per-frame.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 4 * (4 + 4)); // header + frames × (experts of both layers)
        QVERIFY(lines[0].startsWith("frame,time_ms,layer"));
        QVERIFY2(lines[1].startsWith("2,80.0,0,"), lines[1].constData()); // frame 2 at 40 ms/frame
        double loadSum = 0;
        for (int i = 1; i <= 4; ++i)
            loadSum += lines[i].split(',')[6].toDouble();
        QVERIFY(qAbs(loadSum - 1.0) < 1e-4); // one frame's layer loads sum to 1
        QImage sheet(out.filePath(QStringLiteral("contact-sheet-layer1.png")));
        QVERIFY(!sheet.isNull());
        QVERIFY(sheet.width() >= 4 * 160);
    }

    void cliTaskChoiceOnTheReferenceModel()
    {
        // The bundled task-conditioned model on its sample cine: the chosen
        // task's outputs only, its mask stored as a label map, every frame.
        QTemporaryDir out;
        const QString cine = QStringLiteral(
            MOESCOPE_SOURCE_DIR "/resources/samples/ultrasound/us-curvilinear-cine.dcm");
        const CliResult r = cli(
            {QStringLiteral("run"), QStringLiteral("--model"), QStringLiteral("us-m2dino-tiny"),
             QStringLiteral("--input"), cine, QStringLiteral("--choice"),
             QStringLiteral("task=lesion-seg"), QStringLiteral("--frames"), QStringLiteral("0:2"),
             QStringLiteral("--db"), out.filePath(QStringLiteral("runs.sqlite")),
             QStringLiteral("--json"), QStringLiteral("--threads"), QStringLiteral("2")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QVERIFY(json.value(QStringLiteral("warnings")).toArray().isEmpty());
        const QJsonArray frames = json.value(QStringLiteral("frames")).toArray();
        QCOMPARE(frames.size(), 3);
        for (const QJsonValue &f : frames) {
            const QJsonObject outputs = f.toObject().value(QStringLiteral("outputs")).toObject();
            QCOMPARE(outputs.value(QStringLiteral("task")).toString(),
                     QStringLiteral("lesion-seg"));
            QVERIFY(!outputs.contains(QStringLiteral("organ_mask")));
            QVERIFY(!outputs.contains(QStringLiteral("lesion_class")));
            const QJsonObject mask = outputs.value(QStringLiteral("lesion_mask")).toObject();
            QVERIFY(!labelMapFromJson(mask).isNull());
        }
        // A CT file given to the ultrasound model: warned, not refused.
        const QString ct =
            QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");
        if (QFileInfo::exists(ct)) {
            const CliResult w = cli({QStringLiteral("run"), QStringLiteral("--model"),
                                     QStringLiteral("us-m2dino-tiny"), QStringLiteral("--input"),
                                     ct, QStringLiteral("--no-store"), QStringLiteral("--json")});
            QVERIFY2(w.code == 0, w.err.constData());
            const QJsonArray warnings =
                QJsonDocument::fromJson(w.out).object().value(QStringLiteral("warnings")).toArray();
            QVERIFY(!warnings.isEmpty());
            QVERIFY2(warnings.first().toString().contains(QLatin1String("not ultrasound")),
                     qPrintable(warnings.first().toString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestUltrasound)
#include "tst_ultrasound.moc"
