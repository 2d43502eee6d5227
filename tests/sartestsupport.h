#pragma once
// What tst_sar (products, reading, display) and tst_sarrun (tiled runs)
// share: the generated products and samples, the CLI, and a base holding
// the plugin registry and scene opening.
#include "jobs/analysis.h"
#include "overviewcache.h"
#include "plugin/pluginregistry.h"
#include "plugin/sceneopener.h"
#include "tiling.h"

#include <gdal_priv.h>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <cmath>

using namespace moescope;

namespace {

const QString kProducts = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/sar");
const QString kModel = QStringLiteral(MOESCOPE_SAR_MODEL);
const QString kSafe =
    QStringLiteral("S1A_IW_GRDH_1SDV_20240101T000000_20240101T000010_000001_000001_ABCD.SAFE");

QString product(const QString &name)
{
    return QDir(kProducts).filePath(name);
}

// One of the samples shipped beside the model (resources/samples/sar).
[[maybe_unused]] QString sample(const QString &name)
{
    return QFileInfo(kModel).dir().filePath(QStringLiteral("../samples/sar/") + name);
}

// The generated scene's σ⁰ in dB at column x: a ramp from -20 to 0 dB.
[[maybe_unused]] double rampDb(int x)
{
    return -20.0 + 20.0 * x / 255.0;
}

struct CliResult
{
    int code = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// `shell` wraps the command (to limit the file size it may write, say).
CliResult runCli(const QStringList &arguments, const QString &shell = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    if (shell.isEmpty()) {
        p.start(QStringLiteral(MOESCOPE_CLI), arguments);
    } else {
        QStringList quoted;
        for (const QString &a : arguments)
            quoted << QLatin1Char('\'') + a + QLatin1Char('\'');
        p.start(QStringLiteral("bash"),
                {QStringLiteral("-c"), shell + QStringLiteral(" exec '") +
                                           QStringLiteral(MOESCOPE_CLI) + QStringLiteral("' ") +
                                           quoted.join(QLatin1Char(' '))});
    }
    p.waitForFinished(280000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

[[maybe_unused]] QStringList runArguments(const QString &input, const QString &out,
                                          const QStringList &more = {})
{
    return QStringList{QStringLiteral("run"),
                       QStringLiteral("--model"),
                       kModel,
                       QStringLiteral("--input"),
                       input,
                       QStringLiteral("--out"),
                       out,
                       QStringLiteral("--no-store"),
                       QStringLiteral("--json"),
                       QStringLiteral("--threads"),
                       QStringLiteral("1")} +
           more;
}

// A whole float raster band (or one band of a multi-band file) as read by GDAL.
[[maybe_unused]] std::vector<float> readBand(const QString &path, int band, int *width, int *height)
{
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds)
        return {};
    *width = ds->GetRasterXSize();
    *height = ds->GetRasterYSize();
    std::vector<float> v(size_t(*width) * *height);
    if (ds->GetRasterBand(band)->RasterIO(GF_Read, 0, 0, *width, *height, v.data(), *width, *height,
                                          GDT_Float32, 0, 0) != CE_None)
        return {};
    return v;
}

[[maybe_unused]] double rssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

} // namespace

class SarTestBase : public QObject
{
protected:
    std::unique_ptr<PluginRegistry> m_registry;
    QTemporaryDir m_dir;

    // initTestCase's part: the fixture has run, the SAR plugin is found.
    void setUpSar()
    {
        QStandardPaths::setTestModeEnabled(true); // the overview cache goes to ~/.qttest
        QVERIFY2(QFileInfo::exists(product(QStringLiteral("ramp-float32.tif"))),
                 "the make_sar_products fixture has not run");
        m_registry = std::make_unique<PluginRegistry>();
        QVERIFY(m_registry->pluginForFile(QStringLiteral("x.tif")));
    }

    // The speckled product and the SAR model on the CPU, for runs driven
    // through runAnalysis.
    bool openSpeckledWithModel(std::optional<OpenedScene> *scene,
                               std::unique_ptr<model::Engine> *engine, QString *error)
    {
        *scene = open(product(QStringLiteral("speckled-float32.tif")), error);
        if (!*scene)
            return false;
        std::string why;
        *engine = model::Engine::load(kModel.toStdString(), model::DevicePreference::Cpu, &why);
        if (!*engine)
            *error = QString::fromStdString(why);
        return *engine != nullptr;
    }

    std::optional<OpenedScene> open(const QString &path, QString *error)
    {
        return openScene(*m_registry, path, LoadOptions(), error);
    }
};
