// Issue 15, faults a user does not cause: the process killed (SIGKILL) in the
// middle of `index` or a cine `run`, and the disk filling up. Whatever the
// moment, the database stays consistent, a rerun completes exactly, a full
// disk is named as such, and no empty database file is left behind.
// (`batch` killed part-way: tst_batch's resumesAfterAnInterruption.)
#include "clitestsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

// One query's first value on a connection of its own (the CLI writes the file).
QVariant queryValue(const QString &db, const QString &sql)
{
    QVariant value;
    {
        QSqlDatabase c =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("faults"));
        c.setDatabaseName(db);
        c.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (c.open()) {
            QSqlQuery q(c);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("faults"));
    return value;
}

void writePictures(const QString &dir, int count)
{
    QDir().mkpath(dir);
    QRandomGenerator random(15);
    for (int i = 0; i < count; ++i) {
        QImage image(48, 48, QImage::Format_Grayscale8);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                image.scanLine(y)[x] = uchar(random.bounded(256));
        image.save(QStringLiteral("%1/slice-%2.png").arg(dir).arg(i, 3, 10, QLatin1Char('0')));
    }
}

QProcess *startCli(const QStringList &arguments, QObject *parent)
{
    auto *p = new QProcess(parent);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(MOESCOPE_CLI), arguments);
    return p;
}

// Whether this process may make a mount namespace with a small tmpfs in it
// (root, or CAP_SYS_ADMIN): how a full disk is made without filling a real one.
bool canMountTmpfs()
{
    QTemporaryDir dir;
    return QProcess::execute(QStringLiteral("unshare"),
                             {QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"),
                              QStringLiteral("mount -t tmpfs -o size=64k tmpfs \"$0\""),
                              dir.path()}) == 0;
}

// Runs `script` (sh) in a mount namespace where "$DISK" is a tmpfs of
// `kilobytes`; "$CLI" is moescope-cli. Returns what it printed.
QByteArray onSmallDisk(int kilobytes, const QString &script, const QString &disk)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISK"), disk);
    env.insert(QStringLiteral("CLI"), QStringLiteral(MOESCOPE_CLI));
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(
        QStringLiteral("unshare"),
        {QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"),
         QStringLiteral("mount -t tmpfs -o size=%1k tmpfs \"$DISK\" || exit 99\n").arg(kilobytes) +
             script});
    p.waitForFinished(180000);
    return p.readAll();
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The CLI's cache and log stay out of the user's home.
        qputenv("HOME", m_home.path().toLocal8Bit());
    }

    // `index` killed after a few files: the gallery holds whole files only,
    // and the rerun adds each of the others exactly once.
    void killedIndexResumesExactly()
    {
        QTemporaryDir dir;
        const int count = 40;
        writePictures(dir.filePath(QStringLiteral("in")), count);
        const QString db = dir.filePath(QStringLiteral("runs.sqlite"));
        const QStringList args{QStringLiteral("index"),
                               QStringLiteral("--model"),
                               QStringLiteral("ct-hmar-tiny"),
                               QStringLiteral("--gallery"),
                               QStringLiteral("slices"),
                               QStringLiteral("--input"),
                               dir.filePath(QStringLiteral("in")),
                               QStringLiteral("--db"),
                               db};
        QProcess *p = startCli(args, this);
        QVERIFY(p->waitForStarted());
        const QString sources = QStringLiteral("SELECT count(*) FROM gallery_sources");
        QTRY_VERIFY_WITH_TIMEOUT(queryValue(db, sources).toInt() >= 3, 120000);
        p->kill();
        QVERIFY(p->waitForFinished(30000));
        const int before = queryValue(db, sources).toInt();
        QVERIFY2(before < count, "finished before the kill: nothing to resume");
        QCOMPARE(queryValue(db, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        // Every stored source has its items (one transaction per file).
        QCOMPARE(queryValue(db, QStringLiteral("SELECT count(*) FROM gallery_sources s WHERE "
                                               "items != (SELECT count(*) FROM gallery_items i "
                                               "WHERE i.source_id = s.id)"))
                     .toInt(),
                 0);

        const CliResult again = runCli(args + QStringList{QStringLiteral("--json")});
        QVERIFY2(again.code == 0, again.err.constData());
        QCOMPARE(queryValue(db, sources).toInt(), count);
        QCOMPARE(
            queryValue(db, QStringLiteral("SELECT count(DISTINCT sha256) FROM gallery_sources"))
                .toInt(),
            count);
        QCOMPARE(queryValue(db, QStringLiteral("SELECT count(*) FROM gallery_items")).toInt(),
                 count);
    }

    // A cine `run` killed at several moments: never a run without its
    // routing, and the rerun stores one whole run.
    void killedCineRunLeavesNoHalfRun_data()
    {
        QTest::addColumn<int>("afterMs");
        for (int ms : {400, 1200, 2400})
            QTest::addRow("killed after %d ms", ms) << ms;
    }

    void killedCineRunLeavesNoHalfRun()
    {
        QFETCH(int, afterMs);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("runs.sqlite"));
        const QStringList args{
            QStringLiteral("run"),
            QStringLiteral("--model"),
            QStringLiteral("us-m2dino-tiny"),
            QStringLiteral("--input"),
            QStringLiteral(MOESCOPE_SOURCE_DIR
                           "/resources/samples/ultrasound/us-curvilinear-cine.dcm"),
            QStringLiteral("--db"),
            db};
        QProcess *p = startCli(args, this);
        QVERIFY(p->waitForStarted());
        QTest::qWait(afterMs);
        // A fast machine may have finished the run already: then the rerun
        // below still must add exactly one whole run.
        if (p->state() != QProcess::NotRunning) {
            p->kill();
            QVERIFY(p->waitForFinished(30000));
        }
        const QString halfRuns = QStringLiteral(
            "SELECT count(*) FROM runs r WHERE (SELECT count(DISTINCT frame) FROM routing WHERE "
            "run_id = r.id) != r.frame_count");
        if (QFileInfo::exists(db)) {
            QCOMPARE(queryValue(db, QStringLiteral("PRAGMA integrity_check")).toString(),
                     QStringLiteral("ok"));
            QCOMPARE(queryValue(db, halfRuns).toInt(), 0);
        }
        const int before = QFileInfo::exists(db)
                               ? queryValue(db, QStringLiteral("SELECT count(*) FROM runs")).toInt()
                               : 0;
        const CliResult again = runCli(args);
        QVERIFY2(again.code == 0, again.err.constData());
        QCOMPARE(queryValue(db, QStringLiteral("SELECT count(*) FROM runs")).toInt(), before + 1);
        QCOMPARE(queryValue(db, halfRuns).toInt(), 0);
        QCOMPARE(queryValue(db, QStringLiteral("SELECT max(frame_count) FROM runs")).toInt(), 12);
    }

    // A full disk: named as such in one line, a non-zero exit, no empty
    // database file left behind, and a database that was there keeps its runs.
    void fullDiskIsNamedAndLosesNothing()
    {
        if (!canMountTmpfs())
            QSKIP("making a small disk needs a mount namespace (unshare -m, as root or with "
                  "CAP_SYS_ADMIN); not available here");
        QTemporaryDir dir;
        const QString disk = dir.filePath(QStringLiteral("disk"));
        QVERIFY(QDir().mkpath(disk));
        const QString picture =
            QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/shapes-square.png");

        // A new database on a disk with no room for its first page.
        const QByteArray fresh = onSmallDisk(
            256,
            QStringLiteral("cat /dev/zero > \"$DISK/filler\" 2>/dev/null\n"
                           "\"$CLI\" runs --db \"$DISK/runs.sqlite\"; echo \"exit=$?\"\n"
                           "ls \"$DISK\"\n"),
            disk);
        QVERIFY2(fresh.contains("exit=") && !fresh.contains("exit=0"), fresh.constData());
        QVERIFY2(fresh.contains("runs.sqlite: cannot open the database: the disk is full"),
                 fresh.constData());
        QVERIFY2(!fresh.contains("runs.sqlite\n"), fresh.constData()); // not in ls
        QVERIFY2(!fresh.contains("input/output error"), fresh.constData());

        // A database with one run, then the disk fills: the next run fails,
        // saying why, and the first run is still there, whole.
        const QByteArray existing = onSmallDisk(
            4096,
            QStringLiteral("\"$CLI\" run --model moe-vit-shapes-tiny --input \"$0\" --db "
                           "\"$DISK/runs.sqlite\" >/dev/null || echo first-run-failed\n"
                           "cat /dev/zero > \"$DISK/filler\" 2>/dev/null\n"
                           "\"$CLI\" run --model moe-vit-shapes-tiny --input \"$0\" --db "
                           "\"$DISK/runs.sqlite\" >/dev/null; echo \"exit=$?\"\n"
                           "rm \"$DISK/filler\"\n"
                           "\"$CLI\" runs --db \"$DISK/runs.sqlite\" --json\n")
                .replace(QStringLiteral("\"$0\""), QStringLiteral("'%1'").arg(picture)),
            disk);
        QVERIFY2(!existing.contains("first-run-failed"), existing.constData());
        QVERIFY2(existing.contains("exit=") && !existing.contains("exit=0"), existing.constData());
        QVERIFY2(existing.contains("the disk is full"), existing.constData());
        const int open = existing.indexOf('[');
        QVERIFY2(open >= 0, existing.constData());
        const QJsonArray runs = QJsonDocument::fromJson(existing.mid(open)).array();
        QCOMPARE(runs.size(), 1);
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
