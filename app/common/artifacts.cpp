#include "artifacts.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentMap>

#include <functional>

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

    // Each picture is drawn and PNG-encoded as its own task on the thread
    // pool (QPainter on a QImage is fine off the GUI thread); encoding is most
    // of the cost, and the pictures are independent.
    struct Picture
    {
        QString path;
        std::function<QImage()> draw;
        QByteArray png;
        QString error;
    };
    std::vector<Picture> pictures;
    if (!result.steps.isEmpty()) {
        const StepResult &step = result.steps.first();
        const QImage base = frameForStep(result, image, 0);
        const routing::LayerRouting *deepest = nullptr;
        for (size_t i = 0; i < step.layers.size(); ++i) {
            const routing::LayerRouting &layer = step.layers[i];
            if (layer.grids.empty())
                continue; // a per-image decision has no map to draw
            const routing::TokenGrid grid = layer.grids.front();
            deepest = &layer;
            pictures.push_back({dir.filePath(QStringLiteral("experts-layer%1.png").arg(i)),
                                [&layer, grid, base, options] {
                                    return render::expertGrid(base, layer, grid, options.colormap,
                                                              options.opacity, options.tileSize);
                                },
                                {},
                                {}});
            pictures.push_back({dir.filePath(QStringLiteral("top1-layer%1.png").arg(i)),
                                [&layer, grid, base, options] {
                                    return render::top1WithLegend(base, layer, grid,
                                                                  options.opacity, 448);
                                },
                                {},
                                {}});
        }
        if (deepest) {
            // The overlay: the deepest spatial layer's top-1 map over the full-size image.
            pictures.push_back({dir.filePath(QStringLiteral("overlay.png")),
                                [deepest, base, options] {
                                    const routing::TokenGrid &g = deepest->grids.front();
                                    return render::blend(
                                        base,
                                        render::top1Image(routing::top1Map(*deepest, g), g.rows,
                                                          g.cols, base.size()),
                                        options.opacity);
                                },
                                {},
                                {}});
        }
    }
    QtConcurrent::blockingMap(pictures, [](Picture &p) {
        QBuffer buffer(&p.png);
        buffer.open(QIODevice::WriteOnly);
        // Qt maps PNG "quality" to zlib's level: 80 is level 1, several times
        // faster to encode than the default for a few % more bytes.
        if (!p.draw().save(&buffer, "PNG", 80))
            p.error = QCoreApplication::translate("moescope::Artifacts", "%1: cannot encode PNG")
                          .arg(p.path);
    });
    for (const Picture &p : pictures) {
        if (!p.error.isEmpty()) {
            *error = p.error;
            return fail();
        }
        if (!saveBytes(p.path, p.png, error))
            return fail();
        *written << p.path;
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
