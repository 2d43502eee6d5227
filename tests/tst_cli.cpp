// moescope-cli end to end: the verbs, their JSON, the artifacts, the store,
// and one clear message + a non-zero exit for each kind of bad input.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "testdicom.h"

namespace {

const QString kModel =
    QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/models/moe-vit-shapes-tiny.pt");
const QString kFixtures = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/models");

struct Result
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

Result cli(const QStringList &args, const QString &dataHome = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!dataHome.isEmpty())
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("2"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MOESCOPE_CLI), args);
    p.waitForFinished(180000);
    Result r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2; // -2: crashed
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

int rowCount(const QString &dbPath, const QString &table)
{
    const QString name = QStringLiteral("count-%1").arg(table);
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && q.next())
                n = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

// A deterministic test picture: a filled circle on a gradient.
QString writeCircle(const QString &dir)
{
    QImage image(224, 224, QImage::Format_RGB32);
    for (int y = 0; y < 224; ++y)
        for (int x = 0; x < 224; ++x)
            image.setPixel(x, y, qRgb(x, y, 128));
    QPainter p(&image);
    p.setBrush(QColor(240, 240, 30));
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPoint(112, 112), 60, 60);
    p.end();
    const QString path = dir + QStringLiteral("/circle.png");
    image.save(path);
    return path;
}

const QString kAxialUid = QStringLiteral("1.2.826.0.1.3680043.10.543.20");
const QString kScoutUid = QStringLiteral("1.2.826.0.1.3680043.10.543.10");

// Two CT series in one folder: 5 axial slices (8 × 6) and a 3-slice scout (4 × 4).
bool writeTwoSeries(const QString &dir)
{
    for (int i = 0; i < 5; ++i) {
        moescope::testing::CtSlice s;
        s.seriesUid = kAxialUid;
        s.instance = i + 1;
        s.z = 2.5 * i;
        if (!moescope::testing::writeCtSlice(dir + QStringLiteral("/ax%1.dcm").arg(i), s))
            return false;
    }
    for (int i = 0; i < 3; ++i) {
        moescope::testing::CtSlice s;
        s.seriesUid = kScoutUid;
        s.description = QStringLiteral("Scout");
        s.instance = 10 + i;
        s.z = 100 + 5.0 * i;
        s.rows = s.columns = 4;
        if (!moescope::testing::writeCtSlice(dir + QStringLiteral("/sc%1.dcm").arg(i), s))
            return false;
    }
    return true;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_image;

private Q_SLOTS:
    void secondImageInputFromImageOption()
    {
        // The tracking reference model takes a template and a search region:
        // --image template=FILE feeds the template; without it the run's
        // image goes to both, and the box differs.
        const QString dir = QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/tracking/");
        const QString search = dir + QStringLiteral("MoEScope_Synth_000001.search-00000002.png");
        const QString templ = dir + QStringLiteral("MoEScope_Synth_000001.template.png");
        QVERIFY2(QFileInfo::exists(search) && QFileInfo::exists(templ),
                 "the tracking samples in resources/samples/tracking are missing");
        const QStringList base{QStringLiteral("run"),
                               QStringLiteral("--model"),
                               QStringLiteral("track-spmtrack-tiny"),
                               QStringLiteral("--input"),
                               search,
                               QStringLiteral("--no-store"),
                               QStringLiteral("--json")};
        const Result with =
            cli(base + QStringList{QStringLiteral("--image"), QStringLiteral("template=") + templ});
        QVERIFY2(with.code == 0, with.err.constData());
        const Result without = cli(base);
        QVERIFY2(without.code == 0, without.err.constData());
        auto box = [](const Result &r) {
            return r.json()
                .object()[QStringLiteral("outputs")][QStringLiteral("box")][QStringLiteral("box")]
                .toArray();
        };
        QCOMPARE(box(with).size(), 4);
        QVERIFY(box(with) != box(without));
        const Result bad = cli(
            base + QStringList{QStringLiteral("--image"), QStringLiteral("nosuchinput=") + templ});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("--image takes NAME=FILE"));
        const Result missing = cli(base + QStringList{QStringLiteral("--image"),
                                                      QStringLiteral("template=/nonexistent.png")});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains("/nonexistent.png"));
    }

    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(QFile::exists(kModel), qPrintable(kModel));
        m_image = writeCircle(m_tmp.path());
    }

    void pluginsListsTheFallback()
    {
        const Result r = cli({QStringLiteral("plugins"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonArray list = r.json().array();
        QVERIFY(!list.isEmpty());
        QCOMPARE(list.first()[QStringLiteral("id")].toString(), QStringLiteral("generic"));
        // Each plugin's API version and what the host may do with it.
        bool gallery = false;
        for (const QJsonValue &v : list) {
            QCOMPARE(v[QStringLiteral("compat_version")].toString(), QStringLiteral("2.2"));
            if (v[QStringLiteral("id")].toString() == QLatin1String("ct-retrieval"))
                gallery = v[QStringLiteral("capabilities")].toArray().contains(
                    QJsonValue(QStringLiteral("gallery")));
        }
        QVERIFY2(gallery, r.out.constData());
        // Every verb is listed, the host's gallery verbs included.
        const Result help = cli({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        for (const char *verb : {"plugins", "models", "info", "run", "runs", "bench", "index",
                                 "retrieve", "galleries"})
            QVERIFY2(help.out.contains(QByteArray("  ") + verb + ' '), verb);
    }

    void modelsListsTheBundledModel()
    {
        const Result r = cli({QStringLiteral("models"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        bool found = false;
        for (const QJsonValue &v : r.json().array()) {
            const QJsonObject m = v.toObject();
            if (m[QStringLiteral("name")].toString() == QLatin1String("moe-vit-shapes-tiny")) {
                found = true;
                QCOMPARE(m[QStringLiteral("experts_per_layer")].toArray().size(), 2);
                QVERIFY(m[QStringLiteral("experts_per_layer")].toArray().at(0).toInt() >= 2);
            }
        }
        QVERIFY2(found, r.out.constData());
    }

    void infoOnAnImage()
    {
        const Result r = cli({QStringLiteral("info"), m_image, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.json().object();
        QCOMPARE(o[QStringLiteral("width")].toInt(), 224);
        QCOMPARE(o[QStringLiteral("height")].toInt(), 224);
        QCOMPARE(o[QStringLiteral("frames")].toInt(), 1);
    }

    void runWritesJsonArtifactsAndTheStore()
    {
        const QString out = m_tmp.filePath(QStringLiteral("out"));
        const QString db = m_tmp.filePath(QStringLiteral("runs.sqlite"));
        const Result r =
            cli({QStringLiteral("run"), QStringLiteral("--model"),
                 QStringLiteral("moe-vit-shapes-tiny"), QStringLiteral("--input"), m_image,
                 QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--out"), out,
                 QStringLiteral("--db"), db, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = r.json().object();
        QCOMPARE(o[QStringLiteral("model")].toString(), QStringLiteral("moe-vit-shapes-tiny"));
        QCOMPARE(o[QStringLiteral("device")].toString(), QStringLiteral("cpu"));
        QVERIFY(o[QStringLiteral("elapsed_ms")].toDouble() > 0);
        const QJsonObject logits =
            o[QStringLiteral("outputs")][QStringLiteral("logits")].toObject();
        const QJsonArray top = logits[QStringLiteral("top")].toArray();
        QVERIFY(!top.isEmpty());
        double sum = 0;
        for (const QJsonValue &p : logits[QStringLiteral("probabilities")].toArray())
            sum += p.toDouble();
        QVERIFY(qAbs(sum - 1.0) < 1e-4);
        // The model was trained on these shapes: a circle must come out on top.
        QCOMPARE(top.first()[QStringLiteral("label")].toString(), QStringLiteral("circle"));

        const QJsonArray routing = o[QStringLiteral("routing")].toArray();
        QCOMPARE(routing.size(), 2);
        for (const QJsonValue &layer : routing) {
            const QJsonArray load = layer[QStringLiteral("load")].toArray();
            QCOMPARE(load.size(), layer[QStringLiteral("experts")].toInt());
            double total = 0;
            for (const QJsonValue &l : load)
                total += l.toDouble();
            QVERIFY(qAbs(total - 1.0) < 1e-9);
            QVERIFY(layer[QStringLiteral("entropy")].toDouble() >= 0);
            QCOMPARE(layer[QStringLiteral("counted_tokens")].toInt(),
                     256); // the 16×16 grid, not the class token
        }
        const QJsonArray artifacts = o[QStringLiteral("artifacts")].toArray();
        QStringList names;
        for (const QJsonValue &a : artifacts) {
            QVERIFY2(QFile::exists(a.toString()), qPrintable(a.toString()));
            names << QFileInfo(a.toString()).fileName();
        }
        for (const char *expected : {"overlay.png", "experts-layer0.png", "experts-layer1.png",
                                     "top1-layer0.png", "top1-layer1.png", "result.json"})
            QVERIFY2(names.contains(QLatin1String(expected)), qPrintable(names.join(',')));
        QImage grid(out + QStringLiteral("/experts-layer0.png"));
        QVERIFY(!grid.isNull());
        QCOMPARE(rowCount(db, QStringLiteral("runs")), 1);
        QCOMPARE(rowCount(db, QStringLiteral("routing")), 2);

        const Result listed =
            cli({QStringLiteral("runs"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QCOMPARE(listed.code, 0);
        QCOMPARE(listed.json().array().size(), 1);
        QCOMPARE(listed.json().array().first()[QStringLiteral("id")].toInteger(),
                 o[QStringLiteral("run_id")].toInteger());
    }

    void disablingAnExpertRemovesItsLoad()
    {
        const Result r = cli({QStringLiteral("run"), QStringLiteral("--model"), kModel,
                              QStringLiteral("--input"), m_image, QStringLiteral("--no-store"),
                              QStringLiteral("--disable-expert"), QStringLiteral("0:1"),
                              QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject layer0 = r.json()[QStringLiteral("routing")].toArray().at(0).toObject();
        QCOMPARE(layer0[QStringLiteral("load")].toArray().at(1).toDouble(), 0.0);
        QCOMPARE(layer0[QStringLiteral("mean_prob")].toArray().at(1).toDouble(), 0.0);
    }

    void benchReportsLatency()
    {
        const Result r =
            cli({QStringLiteral("bench"), QStringLiteral("--model"),
                 QStringLiteral("moe-vit-shapes-tiny"), QStringLiteral("--iterations"),
                 QStringLiteral("3"), QStringLiteral("--warmup"), QStringLiteral("1"),
                 QStringLiteral("--batch"), QStringLiteral("2"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = r.json().object();
        QCOMPARE(o[QStringLiteral("batch")].toInt(), 2);
        QCOMPARE(o[QStringLiteral("device")].toString(), QStringLiteral("cpu"));
        QVERIFY(o[QStringLiteral("median_ms")].toDouble() > 0);
        QVERIFY(o[QStringLiteral("p95_ms")].toDouble() >=
                o[QStringLiteral("median_ms")].toDouble());
        QVERIFY(o[QStringLiteral("throughput_per_s")].toDouble() > 0);
        // Where the time goes: the model's FLOPs (from its moescope.json), the
        // rate they were done at, and the machine's peak measured in the run.
        QVERIFY(!o[QStringLiteral("blas")].toString().isEmpty());
        const double gflop = o[QStringLiteral("gflop_per_image")].toDouble();
        QVERIFY2(gflop > 0.1 && gflop < 0.5, qPrintable(QString::number(gflop)));
        const double rate = gflop * 2 / (o[QStringLiteral("median_ms")].toDouble() / 1000);
        QVERIFY(qAbs(o[QStringLiteral("achieved_gflops")].toDouble() / rate - 1) < 1e-4);
        QVERIFY(o[QStringLiteral("peak_gflops")].toDouble() > 0);
        QVERIFY(o[QStringLiteral("percent_of_peak")].toDouble() > 0);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("fileInMessage");
        QTest::addColumn<QString>("cause");
        const QString missing = QStringLiteral("/nonexistent/picture.png");
        QTest::newRow("missing image") << QStringList{QStringLiteral("run"),
                                                      QStringLiteral("--model"),
                                                      kModel,
                                                      QStringLiteral("--input"),
                                                      missing,
                                                      QStringLiteral("--no-store")}
                                       << missing << QString();
        QTest::newRow("unknown model")
            << QStringList{QStringLiteral("run"),           QStringLiteral("--model"),
                           QStringLiteral("no-such-model"), QStringLiteral("--input"),
                           QStringLiteral("@IMAGE@"),       QStringLiteral("--no-store")}
            << QStringLiteral("no-such-model") << QStringLiteral("no such model");
        QTest::newRow("cuda absent") << QStringList{QStringLiteral("run"),
                                                    QStringLiteral("--model"),
                                                    kModel,
                                                    QStringLiteral("--input"),
                                                    QStringLiteral("@IMAGE@"),
                                                    QStringLiteral("--device"),
                                                    QStringLiteral("cuda"),
                                                    QStringLiteral("--no-store")}
                                     << kModel << QStringLiteral("CUDA");
        QTest::newRow("no such expert") << QStringList{QStringLiteral("run"),
                                                       QStringLiteral("--model"),
                                                       kModel,
                                                       QStringLiteral("--input"),
                                                       QStringLiteral("@IMAGE@"),
                                                       QStringLiteral("--disable-expert"),
                                                       QStringLiteral("0:9"),
                                                       QStringLiteral("--no-store")}
                                        << kModel << QStringLiteral("no expert 9");
        QTest::newRow("corrupt png")
            << QStringList{QStringLiteral("info"), QStringLiteral("@CORRUPT@")}
            << QStringLiteral("corrupt.png") << QString();
        QTest::newRow("empty file")
            << QStringList{QStringLiteral("info"), QStringLiteral("@EMPTY@")}
            << QStringLiteral("empty.dcm") << QStringLiteral("empty");
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, fileInMessage);
        QFETCH(QString, cause);
        if (args.contains(QStringLiteral("cuda")) &&
            cli({QStringLiteral("--version")}).out.contains("CUDA available"))
            QSKIP("this machine has CUDA, so asking for it is not an error here");
        QFile corrupt(m_tmp.filePath(QStringLiteral("corrupt.png")));
        QVERIFY(corrupt.open(QIODevice::WriteOnly));
        corrupt.write("\x89PNG\r\n\x1a\n this is not a PNG body");
        corrupt.close();
        QFile empty(m_tmp.filePath(QStringLiteral("empty.dcm")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        args.replaceInStrings(QStringLiteral("@IMAGE@"), m_image);
        args.replaceInStrings(QStringLiteral("@CORRUPT@"), corrupt.fileName());
        args.replaceInStrings(QStringLiteral("@EMPTY@"), empty.fileName());
        const Result r = cli(args);
        QVERIFY2(
            r.code >= 1 && r.code <= 127,
            qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(QString::fromUtf8(r.err))));
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(err.contains(fileInMessage), qPrintable(err));
        if (!cause.isEmpty())
            QVERIFY2(err.contains(cause, Qt::CaseInsensitive), qPrintable(err));
        QVERIFY(r.out.isEmpty());
    }

    void refusedModels_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("rule");
        // The fixture script says which rule each file breaks; the words each
        // rule's message must carry are MoEScope's, listed here.
        const QHash<QString, QString> words{
            {QStringLiteral("json"), QStringLiteral("has no moescope.json")},
            {QStringLiteral("schema"), QStringLiteral("schema 99")},
            {QStringLiteral("shape"), QStringLiteral("\"router.0\" has shape")},
            {QStringLiteral("rows"), QStringLiteral("sums to 2")},
            {QStringLiteral("nan"), QStringLiteral("NaN")},
            {QStringLiteral("output"), QStringLiteral("returned no tensor \"logits\"")},
            {QStringLiteral("labels"), QStringLiteral("3 labels needs [B, 3]")},
            {QStringLiteral("torchscript"), QStringLiteral("not a TorchScript model")},
        };
        QFile f(kFixtures + QStringLiteral("/manifest.json"));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const QJsonArray models =
            QJsonDocument::fromJson(f.readAll())[QStringLiteral("models")].toArray();
        QVERIFY(models.size() >= 10);
        for (const QJsonValue &v : models) {
            const QJsonObject m = v.toObject();
            if (m[QStringLiteral("loads")].toBool())
                continue;
            const QString rule = m[QStringLiteral("rule")].toString();
            const QString expected =
                rule == QLatin1String("field")
                    ? QStringLiteral("has no \"%1\"").arg(m[QStringLiteral("detail")].toString())
                    : words.value(rule);
            QVERIFY2(!expected.isEmpty(), qPrintable(rule));
            QTest::newRow(qPrintable(m[QStringLiteral("file")].toString()))
                << m[QStringLiteral("file")].toString() << expected;
        }
    }
    void refusedModels()
    {
        QFETCH(QString, file);
        QFETCH(QString, rule);
        const QString db = m_tmp.filePath(QStringLiteral("refused.sqlite"));
        const QString path = kFixtures + QLatin1Char('/') + file;
        const Result r = cli({QStringLiteral("run"), QStringLiteral("--model"), path,
                              QStringLiteral("--input"), m_image, QStringLiteral("--db"), db});
        QVERIFY2(r.code >= 1 && r.code <= 127, qPrintable(QStringLiteral("exit %1").arg(r.code)));
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(err.startsWith(path), qPrintable(err));
        QVERIFY2(err.contains(rule, Qt::CaseInsensitive),
                 qPrintable(err + QStringLiteral(" ≠ ") + rule));
        QCOMPARE(err.count(QLatin1Char('\n')), 0);         // one line
        QCOMPARE(rowCount(db, QStringLiteral("runs")), 0); // nothing written
    }

    void validFixturesRun_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("good") << QStringLiteral("good.pt");
        QTest::newRow("no expert mask") << QStringLiteral("no-expert-mask.pt");
        QTest::newRow("index input") << QStringLiteral("index-input.pt");
    }
    void validFixturesRun()
    {
        QFETCH(QString, file);
        const Result r = cli({QStringLiteral("run"), QStringLiteral("--model"),
                              kFixtures + QLatin1Char('/') + file, QStringLiteral("--input"),
                              m_image, QStringLiteral("--no-store"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(!r.json()[QStringLiteral("routing")].toArray().isEmpty());
    }

    void indexChoiceChangesATaskRouter()
    {
        // Layer 0 of index-input.pt routes per task (one token, no grid).
        QJsonArray loads[2];
        for (int i = 0; i < 2; ++i) {
            const Result r =
                cli({QStringLiteral("run"), QStringLiteral("--model"),
                     kFixtures + QStringLiteral("/index-input.pt"), QStringLiteral("--input"),
                     m_image, QStringLiteral("--no-store"), QStringLiteral("--choice"),
                     i == 0 ? QStringLiteral("task=a") : QStringLiteral("task=b"),
                     QStringLiteral("--json")});
            QVERIFY2(r.code == 0, r.err.constData());
            const QJsonObject layer0 =
                r.json()[QStringLiteral("routing")].toArray().at(0).toObject();
            QCOMPARE(layer0[QStringLiteral("spatial")].toBool(), false);
            QCOMPARE(layer0[QStringLiteral("counted_tokens")].toInt(), 1);
            loads[i] = layer0[QStringLiteral("mean_prob")].toArray();
        }
        QVERIFY2(loads[0] != loads[1], "the task choice did not reach the model");
        const Result bad = cli({QStringLiteral("run"), QStringLiteral("--model"),
                                kFixtures + QStringLiteral("/index-input.pt"),
                                QStringLiteral("--input"), m_image, QStringLiteral("--no-store"),
                                QStringLiteral("--choice"), QStringLiteral("task=zzz")});
        QCOMPARE(bad.code, 2);
    }

    void readOnlyDatabaseIsRefusedBeforeWork()
    {
        const QString db = m_tmp.filePath(QStringLiteral("ro.sqlite"));
        QVERIFY(cli({QStringLiteral("runs"), QStringLiteral("--db"), db}).code == 0); // creates it
        QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
        const QString out = m_tmp.filePath(QStringLiteral("ro-out"));
        const Result r = cli({QStringLiteral("run"), QStringLiteral("--model"), kModel,
                              QStringLiteral("--input"), m_image, QStringLiteral("--db"), db,
                              QStringLiteral("--out"), out});
        QVERIFY(r.code >= 1 && r.code <= 127);
        QVERIFY2(QString::fromUtf8(r.err).contains(QStringLiteral("read-only")), r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(db), r.err.constData());
        QVERIFY(!QFileInfo::exists(out + QStringLiteral("/result.json"))); // nothing half-written
        QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(rowCount(db, QStringLiteral("runs")), 0);
    }

    void infoOnASeriesFolder()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("two-series"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeTwoSeries(dir));

        // None chosen: the largest, a warning that says how to pick another, every series.
        const Result r = cli({QStringLiteral("info"), dir, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = r.json().object();
        QCOMPARE(o[QStringLiteral("kind")].toString(), QStringLiteral("series"));
        QCOMPARE(o[QStringLiteral("series_uid")].toString(), kAxialUid);
        QCOMPARE(o[QStringLiteral("slices")].toInt(), 5);
        QCOMPARE(o[QStringLiteral("width")].toInt(), 6);
        QCOMPARE(o[QStringLiteral("height")].toInt(), 8);
        QCOMPARE(o[QStringLiteral("modality")].toString(), QStringLiteral("CT"));
        QCOMPARE(o[QStringLiteral("spacing_mm")].toArray(), (QJsonArray{0.5, 0.5, 2.5}));
        const QJsonArray warnings = o[QStringLiteral("warnings")].toArray();
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings[0].toString(),
                 QStringLiteral("2 series in the folder; took the largest, %1 (5 files); pick "
                                "another with --series UID")
                     .arg(kAxialUid));
        const QJsonArray series = o[QStringLiteral("series")].toArray();
        QCOMPARE(series.size(), 2);
        const QJsonObject first = series[0].toObject(), second = series[1].toObject();
        QCOMPARE(first[QStringLiteral("uid")].toString(), kAxialUid);
        QCOMPARE(first[QStringLiteral("files")].toInt(), 5);
        QCOMPARE(first[QStringLiteral("rows")].toInt(), 8);
        QCOMPARE(first[QStringLiteral("columns")].toInt(), 6);
        QCOMPARE(first[QStringLiteral("modality")].toString(), QStringLiteral("CT"));
        QCOMPARE(first[QStringLiteral("description")].toString(), QStringLiteral("Axial 2.5 mm"));
        QCOMPARE(second[QStringLiteral("uid")].toString(), kScoutUid);
        QCOMPARE(second[QStringLiteral("files")].toInt(), 3);
        QCOMPARE(second[QStringLiteral("description")].toString(), QStringLiteral("Scout"));

        // --series: that one, no warning, the folder's series still listed.
        const Result chosen = cli({QStringLiteral("info"), dir, QStringLiteral("--series"),
                                   kScoutUid, QStringLiteral("--json")});
        QVERIFY2(chosen.code == 0, chosen.err.constData());
        const QJsonObject c = chosen.json().object();
        QCOMPARE(c[QStringLiteral("series_uid")].toString(), kScoutUid);
        QCOMPARE(c[QStringLiteral("slices")].toInt(), 3);
        QCOMPARE(c[QStringLiteral("width")].toInt(), 4);
        QCOMPARE(c[QStringLiteral("warnings")].toArray(), QJsonArray());
        QCOMPARE(c[QStringLiteral("series")].toArray().size(), 2);

        // Text: the warning on stderr, naming the folder.
        const Result text = cli({QStringLiteral("info"), dir});
        QCOMPARE(text.code, 0);
        QVERIFY2(QString::fromUtf8(text.err).startsWith(
                     QStringLiteral("warning: %1: 2 series in the folder").arg(dir)),
                 text.err.constData());
        QVERIFY(text.out.contains(kScoutUid.toLatin1()));

        // An unknown UID: one line naming the folder and the UIDs there.
        const Result unknown =
            cli({QStringLiteral("info"), dir, QStringLiteral("--series"), QStringLiteral("1.2.3")});
        QCOMPARE(unknown.code, 1);
        const QString line = QString::fromUtf8(unknown.err).trimmed();
        QVERIFY2(!line.contains(QLatin1Char('\n')), unknown.err.constData());
        QVERIFY2(line.startsWith(dir + QStringLiteral(": no series 1.2.3")), qPrintable(line));
        QVERIFY2(line.contains(kAxialUid) && line.contains(kScoutUid), qPrintable(line));
        QVERIFY(unknown.out.isEmpty());
    }

    void runOnASeriesFolder()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("two-series-run"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeTwoSeries(dir));
        const QStringList base{QStringLiteral("run"),
                               QStringLiteral("--model"),
                               kModel,
                               QStringLiteral("--input"),
                               dir,
                               QStringLiteral("--no-store"),
                               QStringLiteral("--json")};
        const Result largest = cli(base);
        QVERIFY2(largest.code == 0, largest.err.constData());
        const QString warning =
            QStringLiteral("%1: 2 series in the folder; took the largest, %2 (5 files); pick "
                           "another with --series UID")
                .arg(dir, kAxialUid);
        QVERIFY2(QString::fromUtf8(largest.err).contains(QStringLiteral("warning: ") + warning),
                 largest.err.constData());
        QVERIFY(largest.json().object()[QStringLiteral("warnings")].toArray().contains(warning));
        QCOMPARE(largest.json().object()[QStringLiteral("steps")].toInt(), 5);

        const Result scout = cli(base + QStringList{QStringLiteral("--series"), kScoutUid});
        QVERIFY2(scout.code == 0, scout.err.constData());
        QCOMPARE(scout.json().object()[QStringLiteral("steps")].toInt(), 3);
        QVERIFY2(!scout.err.contains("series in the folder"), scout.err.constData());

        const Result unknown =
            cli(base + QStringList{QStringLiteral("--series"), QStringLiteral("9.9")});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.startsWith((dir + QStringLiteral(": no series 9.9")).toUtf8()),
                 unknown.err.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no verb") << QStringList{};
        QTest::newRow("unknown verb") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("run without model") << QStringList{
            QStringLiteral("run"), QStringLiteral("--input"), QStringLiteral("x.png")};
        QTest::newRow("bad device") << QStringList{
            QStringLiteral("run"),     QStringLiteral("--model"), QStringLiteral("m"),
            QStringLiteral("--input"), QStringLiteral("x"),       QStringLiteral("--device"),
            QStringLiteral("tpu")};
        QTest::newRow("bad expert spec")
            << QStringList{QStringLiteral("run"), QStringLiteral("--model"),
                           QStringLiteral("m"),   QStringLiteral("--input"),
                           QStringLiteral("x"),   QStringLiteral("--disable-expert"),
                           QStringLiteral("zero")};
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("models"), QStringLiteral("--colour")};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Result r = cli(args);
        QCOMPARE(r.code, 2);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
