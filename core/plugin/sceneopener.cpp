#include "sceneopener.h"

#include <QCoreApplication>

#include <cmath>

namespace moescope {

std::optional<OpenedScene> openScene(PluginRegistry &registry, const QString &path,
                                     const LoadOptions &options, QString *error)
{
    OpenedScene scene;
    if (TaskPlugin *plugin = registry.pluginForFile(path)) {
        error->clear();
        QSharedPointer<SceneSource> source = plugin->openSource(path, error);
        if (!source && error->isEmpty()) {
            // Declined: a file with the plugin's suffix that is not its kind
            // (a photo saved as TIFF); the host's loaders read it below.
        } else if (!source) {
            if (!error->startsWith(path))
                *error = QStringLiteral("%1: %2").arg(path, *error);
            return std::nullopt;
        } else {
            scene.source = source;
            scene.openedBy = plugin;
            return scene;
        }
    }
    LoadError loadError;
    std::optional<ImageStack> image = ImageLoader::load(path, options, &loadError);
    if (!image) {
        *error = loadError.message();
        return std::nullopt;
    }
    scene.image = QSharedPointer<const ImageStack>::create(std::move(*image));
    scene.source = QSharedPointer<const ImageStackSource>::create(scene.image);
    return scene;
}

std::optional<ImageStack> sceneOverview(const SceneSource &source, int maxSide, QString *error,
                                        QRect region, int frame)
{
    if (!region.isValid())
        region = QRect(QPoint(0, 0), source.size());
    const double scale = std::min(1.0, double(maxSide) / std::max(region.width(), region.height()));
    const QSize out(std::max(1, int(std::lround(region.width() * scale))),
                    std::max(1, int(std::lround(region.height() * scale))));
    Raster raster;
    if (!source.read(frame, region, out, &raster, error))
        return std::nullopt;
    ImageStack image = raster.toImageStack(source.path());
    image.sha256 = source.sha256();
    image.window = source.displayWindow({});
    return image;
}

} // namespace moescope
