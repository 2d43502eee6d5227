// The SAR task plugin (after CrossEarth-SAR): opens SAR products through
// GDAL and runs a physics-guided MoE segmentation model over whole scenes,
// tile by tile (see sarrun.h).
#include "gdalscene.h"
#include "sarrun.h"
#include "sarrunview.h"
#include "sartr.h"
#include "taskplugingui.h"

#include "plugin/taskplugin.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QObject>

#include <gdal.h>

using namespace moescope;

class SarPlugin : public QObject, public TaskPlugin, public gui::TaskPluginGui
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MoEScopeTaskPlugin_iid FILE "plugin.json")
    Q_INTERFACES(moescope::TaskPlugin moescope::gui::TaskPluginGui)
    // Shown in Help ▸ About (the host reads the property; no API change).
    Q_PROPERTY(QString libraryVersions READ libraryVersions CONSTANT)

public:
    QString libraryVersions() const
    {
        return QStringLiteral("GDAL %1").arg(QString::fromLatin1(GDALVersionInfo("RELEASE_NAME")));
    }
    QString id() const override { return QStringLiteral("sar"); }
    QString displayName() const override
    {
        return sar::Tr::tr("SAR (physics-guided MoE, after CrossEarth-SAR)");
    }
    TaskShape shape() const override { return TaskShape::TiledScene; }
    TaskCapabilities capabilities() const override
    {
        return TaskCapability::Batchable | TaskCapability::Tiled | TaskCapability::OpensFiles;
    }

    std::unique_ptr<TaskRun> createRun(const model::ModelContract &contract,
                                       QSharedPointer<const SceneSource> source,
                                       const PrepareOptions &options, QString *error) const override
    {
        return sar::SarRun::create(contract, std::move(source), options, error);
    }

    QSharedPointer<SceneSource> openSource(const QString &path, QString *error) const override
    {
        QSharedPointer<sar::GdalScene> scene = sar::GdalScene::open(path, error);
        if (!scene)
            return {};
        // A photo saved as TIFF (8-bit grey or colour, no georeferencing,
        // no SAR band names) is the host's to read, not ours.
        if (isPhoto(*scene)) {
            error->clear();
            return {};
        }
        return scene;
    }

    // The window side: the run's areas and expert share per class.
    QString runViewTitle() const override { return sar::Tr::tr("SAR scene"); }
    QWidget *createRunView(QWidget *parent) const override { return new sar::SarRunView(parent); }
    void showRun(QWidget *view, const QJsonObject &summary, int) const override
    {
        if (auto *v = qobject_cast<sar::SarRunView *>(view))
            v->showSummary(summary);
    }

private:
    static bool isPhoto(const sar::GdalScene &scene)
    {
        if (scene.geoReference().isValid() || scene.driver() != QLatin1String("GTiff"))
            return false;
        if (scene.bands() != 3 && scene.bands() != 4)
            return false;
        for (const sar::SarBand &b : scene.sarBands())
            if (b.dataType != QLatin1String("Byte") || !b.name.startsWith(QLatin1String("band ")))
                return false;
        return true;
    }
};

#include "sarplugin.moc"
