// The plugin system: metadata read without loading, the claiming plugin
// loaded on demand, the generic fallback, and broken files reported.
#include "plugin/pluginregistry.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace moescope;

namespace {
const QString kPluginDir = QStringLiteral(MOESCOPE_TEST_PLUGIN_DIR);
}

class TestPlugins : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsFromMetadata()
    {
        PluginRegistry registry({kPluginDir});
        const QList<PluginInfo> plugins = registry.plugins();
        QCOMPARE(plugins.size(), 2);
        QVERIFY(plugins.first().builtIn);
        QCOMPARE(plugins.first().id, QStringLiteral("generic"));
        const PluginInfo echo = plugins.at(1);
        QCOMPARE(echo.id, QStringLiteral("test-echo"));
        QCOMPARE(echo.version, QStringLiteral("1.0.0"));
        QCOMPARE(echo.tasks,
                 (QStringList{QStringLiteral("test-echo"), QStringLiteral("test-echo-alias")}));
        QVERIFY(echo.file.endsWith(QStringLiteral(".so")));
        QVERIFY(registry.problems().isEmpty());
    }

    // A plugin written for an API this host does not serve is refused by its
    // metadata, with one line naming the file, the plugin and both versions.
    void refusesAnotherApi()
    {
        PluginRegistry registry({QStringLiteral(MOESCOPE_FUTURE_PLUGIN_DIR)});
        QCOMPARE(registry.plugins().size(), 1); // the generic fallback only
        QCOMPARE(registry.problems().size(), 1);
        const QString problem = registry.problems().first();
        QVERIFY2(problem.contains(QStringLiteral("\"test-future\"")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("API 3.0")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("serves 2.2")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("future-plugins/")), qPrintable(problem));
        QCOMPARE(registry.pluginForTask(QStringLiteral("test-future"))->id(),
                 QStringLiteral("generic"));
    }

    void apiVersions_data()
    {
        QTest::addColumn<QString>("compat");
        QTest::addColumn<bool>("served");
        QTest::newRow("same") << QStringLiteral("2.2") << true;
        QTest::newRow("same, with a patch level") << QStringLiteral("2.2.3") << true;
        QTest::newRow("major only") << QStringLiteral("2") << false;
        QTest::newRow("older minor") << QStringLiteral("2.1") << false;
        QTest::newRow("older major") << QStringLiteral("1.0.0") << false;
        QTest::newRow("newer minor") << QStringLiteral("2.3") << false;
        QTest::newRow("newer major") << QStringLiteral("3.0") << false;
        QTest::newRow("missing") << QString() << false;
        QTest::newRow("garbage") << QStringLiteral("two") << false;
    }
    void apiVersions()
    {
        QFETCH(QString, compat);
        QFETCH(bool, served);
        QCOMPARE(PluginRegistry::servesApi(compat), served);
    }

    void taskRouting_data()
    {
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("plugin");
        QTest::newRow("claimed") << QStringLiteral("test-echo") << QStringLiteral("test-echo");
        QTest::newRow("alias") << QStringLiteral("test-echo-alias") << QStringLiteral("test-echo");
        QTest::newRow("unclaimed") << QStringLiteral("sar") << QStringLiteral("generic");
        QTest::newRow("generic") << QStringLiteral("generic") << QStringLiteral("generic");
    }
    void taskRouting()
    {
        QFETCH(QString, task);
        QFETCH(QString, plugin);
        PluginRegistry registry({kPluginDir});
        QString warning;
        TaskPlugin *p = registry.pluginForTask(task, &warning);
        QVERIFY(p);
        QCOMPARE(p->id(), plugin);
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        QCOMPARE(registry.infoForTask(task).id, plugin);
    }

    void loadedPluginWorks()
    {
        PluginRegistry registry({kPluginDir});
        TaskPlugin *p = registry.pluginForTask(QStringLiteral("test-echo"));
        QCOMPARE(p->capabilities(), TaskCapabilities(TaskCapability::Batchable));

        model::ModelContract contract;
        model::InputSpec in;
        in.name = "image";
        in.kind = model::InputKind::Image;
        in.channels = 1;
        in.height = in.width = 4;
        in.mean = {0.0f};
        in.std = {1.0f};
        contract.inputs = {in};
        ImageStack image = ImageStack::fromQImage([] {
            QImage white(8, 8, QImage::Format_Grayscale8);
            white.fill(255);
            return white;
        }());
        model::InputBatch batch;
        QString error;
        QVERIFY2(p->prepare(contract, image, 0, {}, &batch, &error), qPrintable(error));
        QCOMPARE(batch.images["image"].size(), size_t(16));
        QCOMPARE(batch.images["image"][0], 2.0f); // white = 1.0, doubled by the plugin
    }

    // The metadata is what the host plans with before loading (the CLI's
    // launcher lists plugins and routes files by it), so every plugin built
    // here must declare the capabilities its code has, and one that does not
    // is refused with a line naming the file and both lists.
    void metadataCapabilitiesMatchTheCode_data()
    {
        QTest::addColumn<QString>("directory");
        QTest::newRow("task plugins") << QStringLiteral(MOESCOPE_TASK_PLUGIN_DIR);
        QTest::newRow("probes") << QStringLiteral(MOESCOPE_PROBE_PLUGIN_DIR);
        QTest::newRow("echo") << kPluginDir;
    }

    void metadataCapabilitiesMatchTheCode()
    {
        QFETCH(QString, directory);
        PluginRegistry registry({directory});
        QVERIFY(registry.plugins().size() > 1);
        for (const PluginInfo &info : registry.plugins()) {
            TaskPlugin *plugin = registry.pluginForTask(info.tasks.value(0));
            QCOMPARE(plugin->id(), info.id);
            QCOMPARE(capabilityNames(plugin->capabilities()), info.capabilities);
        }
        QVERIFY2(registry.problems().isEmpty(), qPrintable(registry.problems().join('\n')));
    }

    void misstatedCapabilitiesAreRefused()
    {
        PluginRegistry registry({QStringLiteral(MOESCOPE_LIAR_PLUGIN_DIR)});
        QCOMPARE(registry.plugins().size(), 2); // listed from its metadata
        QString warning;
        QCOMPARE(registry.pluginForTask(QStringLiteral("test-liar"), &warning)->id(),
                 QStringLiteral("generic"));
        QVERIFY(registry.pluginObject(QStringLiteral("test-liar")) == nullptr);
        QCOMPARE(registry.problems().size(), 1);
        const QString problem = registry.problems().first();
        QVERIFY2(problem.contains(QStringLiteral("liar-plugins/")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("\"batchable,gallery\"")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("has \"batchable\"")), qPrintable(problem));
        QVERIFY2(warning.contains(problem), qPrintable(warning));
    }

    void brokenFilesAreReported()
    {
        QTemporaryDir dir;
        QFile junk(dir.filePath(QStringLiteral("libjunk.so")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a shared library");
        junk.close();
        QFile::copy(QDir(kPluginDir).filePath(QStringLiteral("libtst_echoplugin.so")),
                    dir.filePath(QStringLiteral("libtst_echoplugin.so")));
        PluginRegistry registry({dir.path(), kPluginDir}); // the same plugin twice, and junk
        QCOMPARE(registry.plugins().size(), 2);
        QVERIFY(!registry.problems().isEmpty());
        QVERIFY2(registry.problems().join(QLatin1Char('\n')).contains(QStringLiteral("libjunk.so")),
                 qPrintable(registry.problems().join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestPlugins)
#include "tst_plugins.moc"
