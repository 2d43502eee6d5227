// Issue 14, batch: `moescope-cli batch` over a folder or a list in one
// process: every file stored once, in its own transaction; files analysed
// before skipped (so a killed or interrupted batch resumes); shards that
// cover a list exactly once; bad files reported while the batch goes on.
#include "clitestsupport.h"
#include "jobs/batchanalysis.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace moescope;

namespace {

// `count` different pictures (seeded shapes on noise) as PNGs in `dir`.
QStringList writePictures(const QString &dir, int count, int size = 96)
{
    QDir().mkpath(dir);
    QStringList paths;
    QRandomGenerator rng(7);
    for (int i = 0; i < count; ++i) {
        QImage image(size, size, QImage::Format_RGB888);
        image.fill(QColor::fromHsv(int(rng.bounded(360)), 60, 40));
        QPainter p(&image);
        p.setBrush(Qt::white);
        const int r = 10 + int(rng.bounded(size / 3));
        const QPoint c(r + int(rng.bounded(size - 2 * r)), r + int(rng.bounded(size - 2 * r)));
        if (i % 2)
            p.drawEllipse(c, r, r);
        else
            p.drawRect(QRect(c - QPoint(r, r), QSize(2 * r, 2 * r)));
        p.end();
        image.setPixel(0, 0, qRgb(i & 0xff, (i >> 8) & 0xff, 0)); // no two alike
        const QString path =
            QDir(dir).filePath(QStringLiteral("pic%1.png").arg(i, 4, 10, QLatin1Char('0')));
        image.save(path);
        paths << path;
    }
    return paths;
}

// The stored runs' input hashes, one entry per run.
QStringList storedInputs(const QString &dbPath)
{
    store::Database db;
    QString error;
    if (!db.open(dbPath, &error))
        return {};
    QStringList shas;
    for (const store::RunRecord &r : db.listRuns(&error, 0))
        shas << r.image.sha256;
    return shas;
}

QStringList batchArgs(const QString &input, const QString &db)
{
    return {"batch", "--model", "moe-vit-shapes-tiny", "--input", input, "--db", db, "--json"};
}

} // namespace

class TestBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsFolderAndList()
    {
        QTemporaryDir dir;
        writePictures(dir.filePath("a/b"), 2);
        writePictures(dir.filePath("a"), 1);
        QFile(dir.filePath("a/README.md")).open(QIODevice::WriteOnly); // a companion, left out
        QString error;
        std::optional<QList<BatchFile>> files = listBatchInput(dir.filePath("a"), &error);
        QVERIFY2(files, qPrintable(error));
        QStringList keys;
        for (const BatchFile &f : *files)
            keys << f.key;
        QCOMPARE(keys, (QStringList{"b/pic0000.png", "b/pic0001.png", "pic0000.png"}));

        QFile list(dir.filePath("list.txt"));
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write("# studies for tonight\n\na/pic0000.png\n  a/b/pic0001.png  \n/no/such.png\n");
        list.close();
        files = listBatchInput(list.fileName(), &error);
        QVERIFY2(files, qPrintable(error));
        QCOMPARE(files->size(), 3);
        QCOMPARE(files->at(0).key, QStringLiteral("/no/such.png"));
        QCOMPARE(files->at(1).path, dir.filePath("a/b/pic0001.png")); // relative to the list
        QVERIFY(!listBatchInput(dir.filePath("missing"), &error));
        QVERIFY2(error.contains(dir.filePath("missing")), qPrintable(error));
    }

    void parsesShard_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("1/1") << "1/1" << true;
        QTest::newRow("2/4") << "2/4" << true;
        QTest::newRow("0/2") << "0/2" << false;
        QTest::newRow("3/2") << "3/2" << false;
        QTest::newRow("1/0") << "1/0" << false;
        QTest::newRow("words") << "a/b" << false;
        QTest::newRow("no slash") << "2" << false;
    }

    void parsesShard()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        int index = 0, count = 0;
        QCOMPARE(parseShard(text, &index, &count), valid);
    }

    void shardsCoverEveryFileOnce_data()
    {
        QTest::addColumn<int>("count");
        for (int n : {1, 2, 3, 4, 7, 16})
            QTest::addRow("%d shards", n) << n;
    }

    void shardsCoverEveryFileOnce()
    {
        QFETCH(int, count);
        QList<BatchFile> files;
        for (int i = 0; i < 500; ++i)
            files.append(
                {QStringLiteral("/data/s%1.dcm").arg(i), QStringLiteral("study%1/s.dcm").arg(i)});
        QSet<QString> seen;
        int total = 0;
        for (int i = 1; i <= count; ++i) {
            const QList<BatchFile> share = shardOf(files, i, count);
            QVERIFY2(share.size() > 500 / count / 2, "a shard far below its share");
            QCOMPARE(shardOf(files, i, count).size(), share.size()); // deterministic
            for (const BatchFile &f : share)
                seen.insert(f.key);
            total += int(share.size());
        }
        QCOMPARE(total, 500);       // no file twice
        QCOMPARE(seen.size(), 500); // every file
    }

    void storesEachFileOnceAndResumes()
    {
        QTemporaryDir dir;
        const QStringList pictures = writePictures(dir.filePath("in"), 12);
        QFile junk(dir.filePath("in/junk.png"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a picture at all");
        junk.close();
        const QString db = dir.filePath("runs.sqlite");

        // --keep-paths: the stored file is run again below by its path.
        CliResult r = runCli(batchArgs(dir.filePath("in"), db) << "--batch"
                                                               << "5"
                                                               << "--keep-paths");
        QCOMPARE(r.code, 1); // one file failed
        QJsonObject json = r.json();
        QCOMPARE(json.value("analysed").toInt(), 12);
        QCOMPARE(json.value("failed").toInt(), 1);
        QVERIFY2(r.err.contains("junk.png"), r.err.constData());
        QCOMPARE(r.err.trimmed().count('\n'), 0); // one line for the one failure
        QCOMPARE(storedInputs(db).size(), 12);

        // The same answer as `run` on that file alone (batched across files
        // or not, a file's input is its own), as stored.
        const QJsonObject stored = json.value("files").toArray().at(3).toObject();
        const CliResult one = runCli({"run", "--model", "moe-vit-shapes-tiny", "--input",
                                      stored.value("path").toString(), "--no-store", "--json"});
        QCOMPARE(one.code, 0);
        const QJsonObject alone = one.json().value("outputs").toObject().value("logits").toObject();
        QCOMPARE(stored.value("predicted").toString(), alone.value("predicted").toString());
        store::Database database;
        QString error;
        QVERIFY2(database.open(db, &error), qPrintable(error));
        const std::optional<store::RunRecord> run =
            database.loadRun(stored.value("run_id").toInteger(), nullptr, &error);
        QVERIFY2(run, qPrintable(error));
        const QJsonArray a = run->outputs.value("steps")
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value("outputs")
                                 .toObject()
                                 .value("logits")
                                 .toObject()
                                 .value("probabilities")
                                 .toArray();
        const QJsonArray b = alone.value("probabilities").toArray();
        QCOMPARE(a.size(), b.size());
        for (int i = 0; i < a.size(); ++i)
            QVERIFY2(qAbs(a[i].toDouble() - b[i].toDouble()) < 1e-5,
                     qPrintable(QStringLiteral("class %1: %2 batched, %3 alone")
                                    .arg(i)
                                    .arg(a[i].toDouble())
                                    .arg(b[i].toDouble())));

        r = runCli(batchArgs(dir.filePath("in"), db));
        json = r.json();
        QCOMPARE(json.value("analysed").toInt(), 0);
        QCOMPARE(json.value("skipped").toInt(), 12);
        QCOMPARE(storedInputs(db).size(), 12);
    }

    void listNamingMissingFiles()
    {
        QTemporaryDir dir;
        const QStringList pictures = writePictures(dir.filePath("in"), 3);
        QFile list(dir.filePath("list.txt"));
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write(("in/pic0000.png\nin/gone.png\n" + pictures[2] + "\n").toUtf8());
        list.close();
        const CliResult r = runCli(batchArgs(list.fileName(), dir.filePath("runs.sqlite")));
        QCOMPARE(r.code, 1);
        QCOMPARE(r.json().value("analysed").toInt(), 2);
        QVERIFY2(r.err.contains("gone.png") && r.err.contains("no such file"), r.err.constData());
    }

    void shardsSplitAStudySet()
    {
        QTemporaryDir dir;
        const QStringList pictures = writePictures(dir.filePath("in"), 30);
        const QString db = dir.filePath("runs.sqlite");
        int analysed = 0;
        for (int i = 1; i <= 3; ++i) {
            const CliResult r = runCli(batchArgs(dir.filePath("in"), db)
                                       << "--shard" << QStringLiteral("%1/3").arg(i));
            QCOMPARE(r.code, 0);
            QCOMPARE(r.json().value("skipped").toInt(), 0); // no file in two shards
            analysed += r.json().value("analysed").toInt();
        }
        QCOMPARE(analysed, 30);
        const QStringList shas = storedInputs(db);
        QCOMPARE(shas.size(), 30);
        QCOMPARE(QSet<QString>(shas.begin(), shas.end()).size(), 30);
    }

    // Killed (SIGKILL) or interrupted (Ctrl-C) part-way, the batch leaves
    // whole runs only, and the same command finishes the rest, each file once.
    void resumesAfterAnInterruption_data()
    {
        QTest::addColumn<bool>("kill");
        QTest::newRow("kill -9") << true;
        QTest::newRow("Ctrl-C") << false;
    }

    void resumesAfterAnInterruption()
    {
        QFETCH(bool, kill);
        QTemporaryDir dir;
        const int count = 240;
        writePictures(dir.filePath("in"), count, 64);
        const QString db = dir.filePath("runs.sqlite");
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MOESCOPE_CLI), batchArgs(dir.filePath("in"), db) << "--batch"
                                                                                << "4");
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(storedInputs(db).size() >= 8, 120000);
        if (kill) {
            p.kill();
        } else {
            ::kill(pid_t(p.processId()), SIGINT);
        }
        QVERIFY(p.waitForFinished(60000));
        const QStringList stored = storedInputs(db);
        const int before = int(stored.size());
        QCOMPARE(QSet<QString>(stored.begin(), stored.end()).size(), before);
        if (!kill) {
            QCOMPARE(p.exitCode(), 1);
            QVERIFY2(p.readAllStandardError().contains("interrupted"),
                     "no word of the interruption");
        }
        QVERIFY2(before < count, "finished before the interruption: nothing resumed");

        const CliResult r = runCli(batchArgs(dir.filePath("in"), db));
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json().value("skipped").toInt(), before);
        QCOMPARE(r.json().value("analysed").toInt(), count - before);
        const QStringList shas = storedInputs(db);
        QCOMPARE(shas.size(), count);
        QCOMPARE(QSet<QString>(shas.begin(), shas.end()).size(), count);
    }
};

QTEST_MAIN(TestBatch)
#include "tst_batch.moc"
