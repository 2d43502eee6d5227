#include "artifacts.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace moescope {

namespace {

bool saveBytes(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool savePng(const QString &path, const QImage &image, QString *error)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    // Qt maps PNG "quality" to zlib's level; 80 is a light compression that
    // encodes several times faster than the default for a few % more bytes.
    if (!image.save(&buffer, "PNG", 80)) {
        *error =
            QCoreApplication::translate("moescope::Artifacts", "%1: cannot encode PNG").arg(path);
        return false;
    }
    return saveBytes(path, bytes, error);
}

} // namespace

QImage frameForStep(const AnalysisResult &result, const ImageStack &image, int stepIndex)
{
    const int frame = result.steps.isEmpty()
                          ? 0
                          : std::clamp(result.steps.at(stepIndex).step, 0, image.frameCount - 1);
    return image.toQImage(frame).convertToFormat(QImage::Format_RGB32);
}

bool writeArtifacts(const QString &directory, const AnalysisResult &result, const ImageStack &image,
                    const QJsonObject &resultJson, const ArtifactOptions &options,
                    QStringList *written, QString *error)
{
    written->clear();
    if (!QDir().mkpath(directory)) {
        *error = QCoreApplication::translate("moescope::Artifacts",
                                             "%1: cannot create the output folder")
                     .arg(directory);
        return false;
    }
    const QDir dir(directory);
    auto fail = [&]() {
        for (const QString &f : *written)
            QFile::remove(f);
        written->clear();
        return false;
    };
    if (result.steps.isEmpty())
        return true;
    const StepResult &step = result.steps.first();
    const QImage base = frameForStep(result, image, 0);

    bool overlayDone = false;
    for (size_t i = 0; i < step.layers.size(); ++i) {
        const routing::LayerRouting &layer = step.layers[i];
        const routing::TokenGrid *grid = layer.grids.empty() ? nullptr : &layer.grids.front();
        if (!grid)
            continue; // a per-image decision has no map to draw
        const QString gridPath = dir.filePath(QStringLiteral("experts-layer%1.png").arg(i));
        if (!savePng(gridPath,
                     render::expertGrid(base, layer, *grid, options.colormap, options.opacity,
                                        options.tileSize),
                     error))
            return fail();
        *written << gridPath;
        const QString top1Path = dir.filePath(QStringLiteral("top1-layer%1.png").arg(i));
        if (!savePng(top1Path, render::top1WithLegend(base, layer, *grid, options.opacity, 448),
                     error))
            return fail();
        *written << top1Path;
        if (i + 1 == step.layers.size() || !overlayDone) {
            // The overlay: the deepest spatial layer's top-1 map over the full-size image.
            const QImage top1 = render::top1Image(routing::top1Map(layer, *grid), grid->rows,
                                                  grid->cols, base.size());
            const QString overlayPath = dir.filePath(QStringLiteral("overlay.png"));
            if (!savePng(overlayPath, render::blend(base, top1, options.opacity), error))
                return fail();
            if (!overlayDone)
                *written << overlayPath;
            overlayDone = true;
        }
    }
    const QString jsonPath = dir.filePath(QStringLiteral("result.json"));
    QJsonObject withArtifacts = resultJson;
    QJsonArray files = QJsonArray::fromStringList(*written);
    files.append(jsonPath);
    withArtifacts.insert(QStringLiteral("artifacts"), files);
    if (!saveBytes(jsonPath, QJsonDocument(withArtifacts).toJson(QJsonDocument::Indented), error))
        return fail();
    *written << jsonPath;
    return true;
}

} // namespace moescope
