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
        QCOMPARE(p->cliVerbs().size(), 1);

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
