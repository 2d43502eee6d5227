// Issue 15, reliability, through moescope-cli as a user meets it: every verb
// answers --help without opening (or creating) a database, and a broken or
// hostile model file on the model path is listed as broken, naming the file,
// while every other model still lists and runs.
#include "clitestsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace {

// A model archive whose moescope.json is the file PATH.json (the catalog
// reads nothing else), written by Python's zipfile; `entries` copies of it.
bool writeModelArchive(const QString &path, int entries)
{
    const int code = QProcess::execute(
        QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-W"), QStringLiteral("ignore"), QStringLiteral("-c"),
         QStringLiteral(
             "import sys, zipfile\n"
             "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
             "    for _ in range(int(sys.argv[3])):\n"
             "        z.writestr('bad/extra/moescope.json', open(sys.argv[2], 'rb').read())\n"
             "    z.writestr('bad/data.pkl', b'')\n"),
         path, path + QStringLiteral(".json"), QString::number(entries)});
    return code == 0;
}

const char *const kContract =
    R"({"schema": 1, "name": "bad", "task": "generic",
        "inputs": [{"name": "image", "kind": "image", "channels": CHANNELS, "height": HEIGHT, "width": 32}],
        "outputs": {"logits": {"kind": "classes", "labels": ["a"]}},
        "moe_layers": [{"name": "l", "experts": 2, "top_k": TOPK,
                        "tokens": [{"input": "image", "offset": OFFSET, "grid": [2, 2]}]}]})";

QByteArray contract(const char *channels, const char *height, const char *topK, const char *offset)
{
    return QByteArray(kContract)
        .replace("CHANNELS", channels)
        .replace("HEIGHT", height)
        .replace("TOPK", topK)
        .replace("OFFSET", offset);
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyVerbAnswersHelpWithoutADatabase_data()
    {
        QTest::addColumn<QString>("verb");
        for (const char *verb : {"plugins", "models", "info", "run", "track", "batch", "runs",
                                 "compare", "signatures", "paths", "stability", "report", "ablate",
                                 "bench", "index", "retrieve", "galleries", "forget-paths"})
            QTest::newRow(verb) << QString::fromLatin1(verb);
    }

    void everyVerbAnswersHelpWithoutADatabase()
    {
        QFETCH(QString, verb);
        QTemporaryDir home;
        qputenv("HOME", home.path().toLocal8Bit());
        qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
        const CliResult r = runCli({verb, QStringLiteral("--help")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("Usage: moescope-cli " + verb.toUtf8()), r.out.constData());
        QVERIFY2(r.out.contains("--help"), r.out.constData());
        QDirIterator files(home.path(), QDir::Files, QDirIterator::Subdirectories);
        QStringList created;
        while (files.hasNext())
            created << files.next();
        QVERIFY2(created.filter(QStringLiteral(".sqlite")).isEmpty(),
                 qPrintable(created.join(QLatin1Char('\n'))));
    }

    void brokenModelsAreListedNotFatal_data()
    {
        QTest::addColumn<QByteArray>("meta");
        QTest::addColumn<int>("entries");
        QTest::addColumn<QString>("expected"); // in the warning
        QTest::newRow("channels 1e10, no mean or std")
            << contract("1e10", "32", "1", "0") << 1 << QStringLiteral("\"channels\" must be");
        QTest::newRow("height 100,000")
            << contract("1", "100000", "1", "0") << 1 << QStringLiteral("\"height\" must be");
        QTest::newRow("top_k 1e10")
            << contract("1", "32", "1e10", "0") << 1 << QStringLiteral("\"top_k\" must be");
        QTest::newRow("offset near INT_MAX")
            << contract("1", "32", "1", "2147483640") << 1 << QStringLiteral("\"offset\" must be");
        QTest::newRow("a key twice")
            << QByteArray(R"({"schema": 1, "schema": 1})") << 1 << QStringLiteral("appears twice");
        QTest::newRow("not JSON") << QByteArray("{\"schema\": ") << 1
                                  << QStringLiteral("not valid JSON");
        QTest::newRow("two moescope.json")
            << contract("1", "32", "1", "0") << 2 << QStringLiteral("two moescope.json");
    }

    void brokenModelsAreListedNotFatal()
    {
        QFETCH(QByteArray, meta);
        QFETCH(int, entries);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.pt"));
        QFile json(bad + QStringLiteral(".json"));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(meta);
        json.close();
        QVERIFY(writeModelArchive(bad, entries));
        qputenv("MOESCOPE_MODEL_PATH", dir.path().toLocal8Bit());

        const CliResult listed = runCli({QStringLiteral("models"), QStringLiteral("--json")});
        QVERIFY2(listed.code == 0, listed.err.constData());
        QStringList names;
        for (const QJsonValue &m : QJsonDocument::fromJson(listed.out).array())
            names << m[QStringLiteral("name")].toString();
        QVERIFY2(names.contains(QStringLiteral("moe-vit-shapes-tiny")), listed.out.constData());
        QVERIFY(!names.contains(QStringLiteral("bad")));
        const QString warning = QString::fromUtf8(listed.err);
        QVERIFY2(warning.contains(bad) && warning.contains(expected), qPrintable(warning));

        // Another model still runs with the broken file on the path; the
        // broken one is refused with one line naming it.
        const CliResult ran =
            runCli({QStringLiteral("run"), QStringLiteral("--model"),
                    QStringLiteral("moe-vit-shapes-tiny"), QStringLiteral("--input"),
                    QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/shapes-square.png"),
                    QStringLiteral("--no-store")});
        QVERIFY2(ran.code == 0, ran.err.constData());
        const CliResult refused = runCli(
            {QStringLiteral("run"), QStringLiteral("--model"), bad, QStringLiteral("--input"),
             QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/shapes-square.png"),
             QStringLiteral("--no-store")});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.trimmed().count('\n') == 0 && refused.err.contains(bad.toUtf8()),
                 refused.err.constData());
        qunsetenv("MOESCOPE_MODEL_PATH");
    }

    // Library chatter (here NIfTI's "** ERROR" line on a header with a bad
    // datatype) goes to the log file, not the terminal, which gets MoEScope's
    // one line; MOESCOPE_DEBUG=1 lets it through (so the check can fail).
    void libraryChatterStaysOffTheTerminal()
    {
        QTemporaryDir dir;
        const QString nii = dir.filePath(QStringLiteral("header-only.nii"));
        QByteArray header(352, '\0');
        qToLittleEndian<qint32>(348, header.data());
        header.replace(344, 4, QByteArray("n+1\0", 4));
        QFile f(nii);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(header);
        f.close();
        qputenv("XDG_CACHE_HOME", dir.filePath(QStringLiteral("cache")).toLocal8Bit());
        const CliResult quiet = runCli({QStringLiteral("info"), nii});
        qputenv("MOESCOPE_DEBUG", "1");
        const CliResult verbose = runCli({QStringLiteral("info"), nii});
        qunsetenv("MOESCOPE_DEBUG");
        qunsetenv("XDG_CACHE_HOME");
        QCOMPARE(quiet.code, 1);
        QCOMPARE(quiet.err.count('\n'), 1);
        QVERIFY2(quiet.err.startsWith(nii.toUtf8() + ": "), quiet.err.constData());
        QFile log(dir.filePath(QStringLiteral("cache/MoEScope/MoEScope/moescope-cli.log")));
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
        QVERIFY(log.readAll().contains("** ERROR"));
        QVERIFY2(verbose.err.contains("** ERROR"), verbose.err.constData());
    }

    // GDAL's and FFmpeg's failures (a GeoTIFF cut short, read by the SAR
    // model; an MP4 cut before its index) reach the terminal as MoEScope's one
    // line naming the file, with a non-zero exit.
    void gdalAndFfmpegFailuresAreOneLine_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("GeoTIFF cut short (GDAL)") << QStringLiteral("tif");
        QTest::newRow("MP4 cut short (FFmpeg)") << QStringLiteral("mp4");
    }

    void gdalAndFfmpegFailuresAreOneLine()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const QString cut = dir.filePath(QStringLiteral("cut.") + kind);
        QByteArray whole;
        if (kind == QLatin1String("tif")) {
            QFile f(
                QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/sar/sar-coast-ships.tif"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            whole = f.readAll();
        } else {
            const QString clip = dir.filePath(QStringLiteral("clip.mp4"));
            QCOMPARE(QProcess::execute(QStringLiteral("ffmpeg"),
                                       {QStringLiteral("-v"), QStringLiteral("error"),
                                        QStringLiteral("-f"), QStringLiteral("lavfi"),
                                        QStringLiteral("-i"),
                                        QStringLiteral("testsrc=size=64x64:rate=10"),
                                        QStringLiteral("-frames:v"), QStringLiteral("20"),
                                        QStringLiteral("-c:v"), QStringLiteral("mpeg4"), clip}),
                     0);
            QFile f(clip);
            QVERIFY(f.open(QIODevice::ReadOnly));
            whole = f.readAll();
        }
        QFile f(cut);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(whole.left(whole.size() / 20));
        f.close();
        qputenv("XDG_CACHE_HOME", dir.filePath(QStringLiteral("cache")).toLocal8Bit());
        const CliResult r =
            kind == QLatin1String("tif")
                ? runCli({QStringLiteral("run"), QStringLiteral("--model"),
                          QStringLiteral("sar-crossearth-tiny"), QStringLiteral("--input"), cut,
                          QStringLiteral("--no-store")})
                : runCli({QStringLiteral("info"), cut});
        qunsetenv("XDG_CACHE_HOME");
        QVERIFY(r.code != 0);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith(cut.toUtf8() + ": "), r.err.constData());
    }

    // A file name holding a newline and an escape sequence prints as one line,
    // its control characters escaped.
    void controlCharactersInNamesAreEscaped()
    {
        QTemporaryDir dir;
        const QString name = dir.filePath(QStringLiteral("scan\n\x1b[31mred.dcm"));
        QFile f(name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not DICOM");
        f.close();
        const CliResult r = runCli({QStringLiteral("info"), name});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(!r.err.contains('\x1b'));
        QVERIFY2(r.err.contains("scan\\n\\e[31mred.dcm"), r.err.constData());
    }

    // Two indexers filling one gallery from one folder at once (a lab's two
    // shells, two array tasks): both succeed, every file is in the gallery
    // exactly once, and none is reported as failed.
    void concurrentIndexersShareAGallery()
    {
        const QString gallery = QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/ct/gallery");
        int files = 0;
        for (QDirIterator it(gallery, QDir::Files, QDirIterator::Subdirectories); it.hasNext();
             it.next())
            ++files;
        QVERIFY(files >= 8);
        for (int round = 0; round < 2; ++round) {
            QTemporaryDir dir;
            const QString db = dir.filePath(QStringLiteral("g.sqlite"));
            QList<QProcess *> indexers;
            for (int i = 0; i < 2; ++i) {
                auto *p = new QProcess(this);
                QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
                p->setProcessEnvironment(env);
                p->start(QStringLiteral(MOESCOPE_CLI),
                         {QStringLiteral("index"), QStringLiteral("--model"),
                          QStringLiteral("ct-hmar-tiny"), QStringLiteral("--input"), gallery,
                          QStringLiteral("--db"), db, QStringLiteral("--gallery"),
                          QStringLiteral("shared"), QStringLiteral("--batch"), QStringLiteral("1"),
                          QStringLiteral("--json")});
                indexers << p;
            }
            int added = 0;
            for (QProcess *p : indexers) {
                QVERIFY(p->waitForFinished(180000));
                const QByteArray err = p->readAllStandardError();
                QVERIFY2(p->exitCode() == 0, err.constData());
                const QJsonObject report =
                    QJsonDocument::fromJson(p->readAllStandardOutput()).object();
                QCOMPARE(report.value(QStringLiteral("failures")).toArray().size(), 0);
                added += report.value(QStringLiteral("sources_added")).toInt();
                delete p;
            }
            QCOMPARE(added, files);
            const CliResult listed = runCli({QStringLiteral("galleries"), QStringLiteral("--db"),
                                             db, QStringLiteral("--json")});
            QCOMPARE(
                listed.json()[QStringLiteral("galleries")][0][QStringLiteral("sources")].toInt(),
                files);
        }
    }

    // Files no loader recognises in an indexed folder (a README, a database's
    // -wal file, bytes of no format) are skipped and counted, not failures.
    void nonPicturesInAnIndexedFolderAreSkipped()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("study"));
        QVERIFY(QDir().mkpath(folder));
        const QString ct = QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/ct/");
        QVERIFY(QFile::copy(ct + QStringLiteral("query-chest_nodule.dcm"),
                            folder + QStringLiteral("/a.dcm")));
        QVERIFY(QFile::copy(ct + QStringLiteral("query-abdomen_liver_lesion.dcm"),
                            folder + QStringLiteral("/b.dcm")));
        for (const char *name : {"README", "runs.sqlite-wal", "notes.bin"}) {
            QFile f(folder + QLatin1Char('/') + QLatin1String(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("these bytes are no picture of any kind\n").repeated(40));
        }
        const CliResult r =
            runCli({QStringLiteral("index"), QStringLiteral("--model"),
                    QStringLiteral("ct-hmar-tiny"), QStringLiteral("--input"), folder,
                    QStringLiteral("--db"), dir.filePath(QStringLiteral("g.sqlite")),
                    QStringLiteral("--gallery"), QStringLiteral("g"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("sources_added")).toInt(), 2);
        QCOMPARE(r.json().value(QStringLiteral("not_images")).toInt(), 3);
        QCOMPARE(r.json().value(QStringLiteral("failures")).toArray().size(), 0);
    }

    // A folder named after a patient stays out of what is shared: result.json,
    // `run --json` and `runs --json` name the input by its file name; with
    // --keep-paths they give the whole path (so the check can fail).
    void exportsNameTheFileNotTheFolder()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("Doe_Jane_1950-02-03"));
        QVERIFY(QDir().mkpath(folder));
        const QString input = folder + QStringLiteral("/scan.png");
        QVERIFY(QFile::copy(
            QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/shapes-square.png"), input));
        const QString db = dir.filePath(QStringLiteral("runs.sqlite"));
        for (const bool keep : {false, true}) {
            const QString out =
                dir.filePath(keep ? QStringLiteral("kept") : QStringLiteral("plain"));
            QStringList args{QStringLiteral("run"),
                             QStringLiteral("--model"),
                             QStringLiteral("moe-vit-shapes-tiny"),
                             QStringLiteral("--input"),
                             input,
                             QStringLiteral("--db"),
                             db,
                             QStringLiteral("--out"),
                             out,
                             QStringLiteral("--json")};
            if (keep)
                args << QStringLiteral("--keep-paths");
            const CliResult ran = runCli(args);
            QVERIFY2(ran.code == 0, ran.err.constData());
            QFile result(out + QStringLiteral("/result.json"));
            QVERIFY(result.open(QIODevice::ReadOnly));
            QStringList listArgs{QStringLiteral("runs"), QStringLiteral("--db"), db,
                                 QStringLiteral("--json")};
            if (keep)
                listArgs << QStringLiteral("--keep-paths");
            const CliResult listed = runCli(listArgs);
            QVERIFY2(listed.code == 0, listed.err.constData());
            // batch: its report and each file's result.json.
            const QString batchOut =
                dir.filePath(keep ? QStringLiteral("batch-kept") : QStringLiteral("batch-plain"));
            QStringList batchArgs{QStringLiteral("batch"),
                                  QStringLiteral("--model"),
                                  QStringLiteral("moe-vit-shapes-tiny"),
                                  QStringLiteral("--input"),
                                  folder,
                                  QStringLiteral("--db"),
                                  batchOut + QStringLiteral(".sqlite"),
                                  QStringLiteral("--out"),
                                  batchOut,
                                  QStringLiteral("--json")};
            if (keep)
                batchArgs << QStringLiteral("--keep-paths");
            const CliResult batched = runCli(batchArgs);
            QVERIFY2(batched.code == 0, batched.err.constData());
            QFile batchResult(batchOut + QStringLiteral("/scan/result.json"));
            QVERIFY2(batchResult.open(QIODevice::ReadOnly), qPrintable(batchResult.fileName()));
            for (const QByteArray &exported :
                 {ran.out, result.readAll(), listed.out, batched.out, batchResult.readAll()}) {
                QVERIFY(exported.contains("scan.png"));
                QCOMPARE(exported.contains("Doe_Jane"), keep);
            }
        }
    }

    // forget-paths: the database itself keeps the path (to reopen a run's
    // image) until the user says otherwise; then no byte of the file (nor of
    // its WAL) holds the folder's name, and the run still lists and opens.
    void forgetPathsLeavesNoFolderNameInTheFile()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("Roe_Richard_1948-05-06"));
        QVERIFY(QDir().mkpath(folder));
        const QString input = folder + QStringLiteral("/scan.png");
        QVERIFY(QFile::copy(
            QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/shapes-square.png"), input));
        const QString db = dir.filePath(QStringLiteral("runs.sqlite"));
        const CliResult ran =
            runCli({QStringLiteral("run"), QStringLiteral("--model"),
                    QStringLiteral("moe-vit-shapes-tiny"), QStringLiteral("--input"), input,
                    QStringLiteral("--db"), db});
        QVERIFY2(ran.code == 0, ran.err.constData());
        const auto fileBytes = [&db] {
            QByteArray all;
            for (const QString &part : {db, db + QStringLiteral("-wal")}) {
                QFile f(part);
                if (f.open(QIODevice::ReadOnly))
                    all += f.readAll();
            }
            return all;
        };
        QVERIFY(fileBytes().contains("Roe_Richard")); // so the check below can fail

        const CliResult forgot = runCli(
            {QStringLiteral("forget-paths"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QVERIFY2(forgot.code == 0, forgot.err.constData());
        QCOMPARE(forgot.json().value(QStringLiteral("paths_forgotten")).toInt(), 1);
        QVERIFY(!fileBytes().contains("Roe_Richard"));

        const CliResult listed = runCli({QStringLiteral("runs"), QStringLiteral("--db"), db,
                                         QStringLiteral("--json"), QStringLiteral("--keep-paths")});
        QVERIFY2(listed.code == 0, listed.err.constData());
        const QJsonArray runs = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.at(0).toObject().value(QStringLiteral("input")).toString(),
                 QStringLiteral("scan.png"));
        // Again: nothing left to forget.
        const CliResult again = runCli(
            {QStringLiteral("forget-paths"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QCOMPARE(again.json().value(QStringLiteral("paths_forgotten")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
