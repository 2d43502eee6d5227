// Issue 14, start-up: the validation cache (a model validated once by this
// LibTorch and device loads without the validation passes; a changed file
// or another runtime validates again; a damaged or unwritable cache costs
// the passes, nothing else) and `moescope-cli run` using it.
#include "clitestsupport.h"
#include "jobs/validationcache.h"

#include <QFile>
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
};

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
