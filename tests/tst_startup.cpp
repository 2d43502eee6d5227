// Issue 14, start-up: the validation cache (a model validated once by this
// LibTorch and device loads without the validation passes; a changed file
// or another runtime validates again; a damaged or unwritable cache costs
// the passes, nothing else) and `moescope-cli run` using it.
#include "clitestsupport.h"
#include "jobs/validationcache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace moescope;

class TestStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cacheKeysByContentAndRuntime_data()
    {
        QTest::addColumn<QString>("sha");
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<bool>("known");
        const QString sha(64, QLatin1Char('a'));
        const QString runtime = ValidationCache::runtimeKey("1.13.0", "cpu");
        QTest::newRow("the same") << sha << runtime << true;
        QTest::newRow("a changed file") << QString(64, QLatin1Char('b')) << runtime << false;
        QTest::newRow("another LibTorch")
            << sha << ValidationCache::runtimeKey("2.1.0", "cpu") << false;
        QTest::newRow("another device")
            << sha << ValidationCache::runtimeKey("1.13.0", "auto+cuda") << false;
        QTest::newRow("no hash") << QString() << runtime << false;
    }

    void cacheKeysByContentAndRuntime()
    {
        QFETCH(QString, sha);
        QFETCH(QString, runtime);
        QFETCH(bool, known);
        QTemporaryDir dir;
        ValidationCache cache(dir.filePath("sub/validated.json"));
        QString error;
        QVERIFY(!cache.isValidated(QString(64, QLatin1Char('a')), runtime));
        QVERIFY2(cache.remember(QString(64, QLatin1Char('a')),
                                ValidationCache::runtimeKey("1.13.0", "cpu"), &error),
                 qPrintable(error));
        // Read back by another instance, as the next process would.
        QCOMPARE(ValidationCache(cache.file()).isValidated(sha, runtime), known);
    }

    void damagedOrUnwritableCache()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("validated.json");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        ValidationCache cache(file);
        const QString sha(64, QLatin1Char('c')), runtime = ValidationCache::runtimeKey("1", "cpu");
        QVERIFY(!cache.isValidated(sha, runtime)); // damaged: empty
        QString error;
        QVERIFY2(cache.remember(sha, runtime, &error), qPrintable(error)); // and rewritten
        QVERIFY(cache.isValidated(sha, runtime));
        ValidationCache nowhere(QStringLiteral("/proc/no/such/place/validated.json"));
        QVERIFY(!nowhere.remember(sha, runtime, &error));
        QVERIFY2(error.contains(QStringLiteral("/proc/no/such/place")), qPrintable(error));
    }

    void aKnownModelRunsWithoutValidationPasses()
    {
        QTemporaryDir cacheHome;
        qputenv("XDG_CACHE_HOME", cacheHome.path().toUtf8());
        const QStringList run{
            "run",
            "--model",
            "moe-vit-shapes-tiny",
            "--input",
            QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/shapes-square.png"),
            "--no-store",
            "--json"};
        const CliResult first = runCli(run);
        QVERIFY2(first.code == 0, first.err.constData());
        const QJsonObject t1 = first.json().value("timings").toObject();
        QVERIFY(t1.value("validated").toBool());
        QVERIFY(t1.value("warmup_ms").toDouble() > 0);
        const CliResult second = runCli(run);
        QVERIFY2(second.code == 0, second.err.constData());
        const QJsonObject t2 = second.json().value("timings").toObject();
        QVERIFY(!t2.value("validated").toBool());
        QCOMPARE(t2.value("warmup_ms").toDouble(), 0.0);
        // The same answer either way.
        QCOMPARE(second.json().value("outputs"), first.json().value("outputs"));
        qunsetenv("XDG_CACHE_HOME");
    }

    // The verbs that need no model answer without loading LibTorch or a
    // plugin library (the launcher; glibc's LD_DEBUG=libs names every library
    // initialised); a verb with a model does load it, so the check can fail.
    void modelFreeVerbsLoadNoLibTorch_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("needsTorch");
        QTest::addColumn<QString>("expected"); // in stdout
        QTest::newRow("--help") << QStringList{"--help"} << false << "usage: moescope-cli";
        QTest::newRow("models") << QStringList{"models", "--json"} << false
                                << "moe-vit-shapes-tiny";
        QTest::newRow("plugins") << QStringList{"plugins", "--json"} << false << "\"opens-files\"";
        QTest::newRow("info (a picture)")
            << QStringList{"info", MOESCOPE_SOURCE_DIR "/resources/samples/shapes-square.png"}
            << false << "single";
        QTest::newRow("info (a DICOM)")
            << QStringList{"info", "--json",
                           MOESCOPE_SOURCE_DIR "/resources/samples/shapes-circle.dcm"}
            << false << "\"modality\"";
        QTest::newRow("runs") << QStringList{"runs", "--db", "DB"} << false << "";
        QTest::newRow("galleries")
            << QStringList{"galleries", "--db", "DB", "--json"} << false << "[";
        QTest::newRow("run (loads it)")
            << QStringList{"run",
                           "--model",
                           "moe-vit-shapes-tiny",
                           "--input",
                           MOESCOPE_SOURCE_DIR "/resources/samples/shapes-square.png",
                           "--no-store"}
            << true << "square";
        // A file a plugin opens goes to the engine, plugins and all.
        QTest::newRow("info (a SAR product: the engine)")
            << QStringList{"info", MOESCOPE_SOURCE_DIR "/resources/samples/sar/sar-land.tif"}
            << true << "  band ";
    }

    void modelFreeVerbsLoadNoLibTorch()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, needsTorch);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        arguments.replaceInStrings(QRegularExpression("^DB$"), dir.filePath("runs.sqlite"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LD_DEBUG", "libs");
        env.insert("LD_DEBUG_OUTPUT", dir.filePath("ld"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MOESCOPE_CLI), arguments);
        QVERIFY(p.waitForFinished(120000));
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY2(out.contains(expected.toUtf8()), out.constData());
        // LD_DEBUG_OUTPUT writes one file per process (ld.<pid>); exec keeps the pid.
        QByteArray log;
        for (const QFileInfo &f : QDir(dir.path()).entryInfoList({"ld.*"}, QDir::Files)) {
            QFile file(f.filePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            log += file.readAll();
        }
        QVERIFY2(log.contains("calling init"), "LD_DEBUG wrote nothing");
        QCOMPARE(log.contains("libtorch_cpu.so"), needsTorch);
        QCOMPARE(log.contains("moescope_ultrasound") || log.contains("libmoescope_model.so"),
                 needsTorch);
    }
};

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
