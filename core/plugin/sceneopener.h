#pragma once
// Opens whatever a user points MoEScope at as a SceneSource: a file a plugin
// opens itself (its metadata's "fileSuffixes": a SAR product, a video, a
// generated test scene) or, for everything else, the host's loaders (DCMTK,
// ITK, Qt) with the picture whole in memory.

#include "image/imageloader.h"
#include "image/scenesource.h"
#include "pluginregistry.h"

#include <QSharedPointer>
#include <QStringList>

#include <optional>

namespace moescope {

struct OpenedScene
{
    QSharedPointer<const SceneSource> source;
    // Set when the host's loaders read the picture whole (source->stack()).
    QSharedPointer<const ImageStack> image;
    TaskPlugin *openedBy = nullptr; // the plugin that opened it, or nullptr
};

// nullopt with `error` ("<path>: <cause>") when it cannot be opened.
std::optional<OpenedScene> openScene(PluginRegistry &registry, const QString &path,
                                     const LoadOptions &options, QString *error);

// A picture of the whole scene (or of `region` of it) at most `maxSide`
// pixels on its longer side, for a view or artifacts of a scene read by
// region. Empty with `error` when the read fails.
std::optional<ImageStack> sceneOverview(const SceneSource &source, int maxSide, QString *error,
                                        QRect region = {}, int frame = 0);

} // namespace moescope
