#include "artifacts.h"
#include "pngencoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QImageWriter>
#include <QJsonDocument>
#include <QPainter>
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

// One row per frame, layer and expert: what a spreadsheet or pandas reads to
// plot routing over time.
QByteArray routingCsv(const AnalysisResult &result, const ImageStack &image)
{
    QByteArray csv("frame,time_ms,layer,layer_name,expert,expert_name,load,mean_prob,"
                   "mean_entropy\n");
    for (const StepResult &step : result.steps) {
        const double timeMs = image.frameTimeMs > 0 ? step.step * image.frameTimeMs : 0.0;
        for (size_t l = 0; l < step.layers.size(); ++l) {
            const routing::LayerRouting &layer = step.layers[l];
            const routing::LayerSummary sum = routing::summarize(layer);
            for (int e = 0; e < layer.experts; ++e) {
                QString name = QString::fromStdString(layer.expertName(e));
                name.replace(QLatin1Char('"'), QLatin1String("\"\""));
                csv += QStringLiteral("%1,%2,%3,\"%4\",%5,\"%6\",%7,%8,%9\n")
                           .arg(step.step)
                           .arg(timeMs, 0, 'f', 1)
                           .arg(l)
                           .arg(QString::fromStdString(layer.name))
                           .arg(e)
                           .arg(name)
                           .arg(sum.load[size_t(e)], 0, 'g', 6)
                           .arg(sum.meanProb[size_t(e)], 0, 'g', 6)
                           .arg(sum.meanEntropy, 0, 'g', 6)
                           .toUtf8();
            }
        }
    }
    return csv;
}

// Every frame's top-1 map of layer `layerIndex` over the frame, as thumbnails
// in rows, each labelled with its frame number.
QImage contactSheet(const AnalysisResult &result, const ImageStack &image, size_t layerIndex,
                    double opacity)
{
    const int count = int(result.steps.size());
    const int columns = std::min(count, 8);
    const int rows = (count + columns - 1) / columns;
    const int thumb = 160, gap = 4, label = 16;
    QImage sheet(columns * (thumb + gap) + gap, rows * (thumb + label + gap) + gap,
                 QImage::Format_RGB32);
    sheet.fill(QColor(32, 32, 32));
    QPainter painter(&sheet);
    painter.setPen(Qt::white);
    QFont font = painter.font();
    font.setPixelSize(11);
    painter.setFont(font);
    for (int i = 0; i < count; ++i) {
        const StepResult &step = result.steps[i];
        if (layerIndex >= step.layers.size() || step.layers[layerIndex].grids.empty())
            continue;
        const routing::LayerRouting &layer = step.layers[layerIndex];
        const routing::TokenGrid &g = layer.grids.front();
        const QImage base =
            frameForStep(result, image, i)
                .scaled(thumb, thumb, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        const QImage tile = render::blend(
            base, render::top1Image(routing::top1Map(layer, g), g.rows, g.cols, base.size()),
            opacity);
        const int x = gap + (i % columns) * (thumb + gap);
        const int y = gap + (i / columns) * (thumb + label + gap);
        painter.drawImage(x + (thumb - tile.width()) / 2, y + label, tile);
        painter.drawText(
            QRect(x, y, thumb, label), Qt::AlignLeft | Qt::AlignVCenter,
            QCoreApplication::translate("moescope::Artifacts", "frame %1").arg(step.step));
    }
    return sheet;
}

} // namespace

QImage frameForStep(const AnalysisResult &result, const ImageStack &image, int stepIndex)
{
    const int frame = result.steps.isEmpty()
                          ? 0
                          : std::clamp(result.steps.at(stepIndex).step, 0, image.frameCount - 1);
    const QImage full = image.toQImage(frame).convertToFormat(QImage::Format_RGB32);
    // A scene read by region comes as an overview of the part the run
    // covered, already cut: a copy of modelRegion (scene pixels) would make
    // a scene-sized picture, mostly black (8,192² RGB: 256 MB).
    const bool overview =
        result.sceneSize.isValid() && QSize(image.width, image.height) != result.sceneSize;
    // The maps lie over what the model saw: an ultrasound imaging region, say.
    return result.modelRegion.isValid() && !overview ? full.copy(result.modelRegion) : full;
}

void prepareArtifactWriters()
{
    QFontDatabase::families();
    QImageWriter::supportedImageFormats();
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
    // The first step's routing, or a tiled run's mosaic over the whole scene
    // (then `image` is the scene's overview).
    const std::vector<routing::LayerRouting> &overview = result.overviewLayers();
    if (!overview.empty()) {
        const QImage base = frameForStep(result, image, 0);
        const routing::LayerRouting *deepest = nullptr;
        for (size_t i = 0; i < overview.size(); ++i) {
            const routing::LayerRouting &layer = overview[i];
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
    if (result.steps.size() > 1) {
        // A cine: a contact sheet of every frame's top-1 map per spatial layer.
        const StepResult &first = result.steps.first();
        for (size_t i = 0; i < first.layers.size(); ++i) {
            if (first.layers[i].grids.empty())
                continue;
            pictures.push_back({dir.filePath(QStringLiteral("contact-sheet-layer%1.png").arg(i)),
                                [&result, &image, i, options] {
                                    return contactSheet(result, image, i, options.opacity);
                                },
                                {},
                                {}});
        }
    }
    QtConcurrent::blockingMap(pictures, [](Picture &p) {
        if (!encodePng(p.draw(), &p.png))
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

    if (result.steps.size() > 1) {
        const QString csvPath = dir.filePath(QStringLiteral("routing-per-frame.csv"));
        if (!saveBytes(csvPath, routingCsv(result, image), error))
            return fail();
        *written << csvPath;
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
