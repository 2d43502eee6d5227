#include "infoverb.h"
#include "options.h"
#include "terminal.h" // Tr and the exit codes only: this library links none of the CLI's code

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace moescope::cli {

namespace {

QJsonObject imageInfoJson(const ImageStack &image)
{
    QJsonObject o{{"path", image.sourcePath},
                  {"kind", imageKindName(image.kind)},
                  {"width", image.width},
                  {"height", image.height},
                  {"channels", image.channels},
                  {"frames", image.frameCount},
                  {"sha256", QString::fromLatin1(image.sha256)},
                  {"min", double(image.minValue)},
                  {"max", double(image.maxValue)}};
    if (image.kind == ImageKind::Series || image.kind == ImageKind::Volume)
        o.insert(QStringLiteral("slices"), image.frameCount);
    if (!image.modality.isEmpty())
        o.insert(QStringLiteral("modality"), image.modality);
    if (!image.photometric.isEmpty())
        o.insert(QStringLiteral("photometric"), image.photometric);
    if (!image.transferSyntax.isEmpty())
        o.insert(QStringLiteral("transfer_syntax"), image.transferSyntax);
    if (!image.seriesUid.isEmpty())
        o.insert(QStringLiteral("series_uid"), image.seriesUid);
    if (image.frameTimeMs > 0)
        o.insert(QStringLiteral("frame_time_ms"), image.frameTimeMs);
    if (image.spacing.known())
        o.insert(QStringLiteral("spacing_mm"),
                 QJsonArray{image.spacing.rowMm, image.spacing.columnMm, image.spacing.sliceMm});
    if (image.imagingRegion.isValid())
        o.insert(QStringLiteral("imaging_region"),
                 QJsonObject{{"x", image.imagingRegion.x()},
                             {"y", image.imagingRegion.y()},
                             {"width", image.imagingRegion.width()},
                             {"height", image.imagingRegion.height()}});
    if (image.window.valid())
        o.insert(QStringLiteral("window"),
                 QJsonObject{{"center", image.window.center}, {"width", image.window.width}});
    QJsonObject meta;
    for (const auto &[key, value] : image.metadata)
        meta.insert(key, value);
    o.insert(QStringLiteral("metadata"), meta);
    return o;
}

QJsonArray seriesJson(const QList<SeriesInfo> &series)
{
    QJsonArray out;
    for (const SeriesInfo &s : series)
        out.append(QJsonObject{{"uid", s.uid},
                               {"files", s.files},
                               {"rows", s.rows},
                               {"columns", s.columns},
                               {"modality", s.modality},
                               {"description", s.description},
                               {"number", s.number}});
    return out;
}

} // namespace

// The image's warnings as the CLI words them: which of several series was taken, and how to
// take another.
QStringList imageWarnings(const ImageStack &image, const LoadOptions &options)
{
    QStringList out;
    for (QString w : image.warnings) {
        if (options.seriesUid.isEmpty() && image.kind == ImageKind::Series &&
            w.contains(QLatin1String(" series in the folder; took the largest")))
            w += Tr::tr("; pick another with --series UID");
        out << w;
    }
    return out;
}

int imageInfo(const QString &path, const LoadOptions &options, bool json, QTextStream &out,
              QTextStream &err)
{
    LoadError error;
    const std::optional<ImageStack> image = ImageLoader::load(path, options, &error);
    if (!image) {
        err << escapedForTerminal(error.message()) << "\n";
        return Failure;
    }
    // A folder: every series in it, so that the user can pick one with --series.
    QList<SeriesInfo> series;
    if (QFileInfo(path).isDir()) {
        if (const auto listed = ImageLoader::listSeries(path, &error))
            series = *listed;
    }
    const QStringList warnings = imageWarnings(*image, options);
    QJsonObject o = imageInfoJson(*image);
    o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
    if (!series.isEmpty())
        o.insert(QStringLiteral("series"), seriesJson(series));
    if (json) {
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Ok;
    }
    for (const QString &w : warnings)
        err << escapedForTerminal(Tr::tr("warning: %1: %2").arg(image->sourcePath, w)) << "\n";
    out << image->sourcePath << "\n"
        << Tr::tr("  kind      %1").arg(imageKindName(image->kind)) << "\n"
        << Tr::tr("  size      %1 x %2, %3 channel(s), %4 frame(s)")
               .arg(image->width)
               .arg(image->height)
               .arg(image->channels)
               .arg(image->frameCount)
        << "\n";
    if (!image->modality.isEmpty())
        out << Tr::tr("  modality  %1").arg(image->modality) << "\n";
    if (!image->seriesUid.isEmpty())
        out << Tr::tr("  series    %1").arg(image->seriesUid) << "\n";
    if (series.size() > 1) {
        out << Tr::tr("  series in the folder:") << "\n";
        for (const SeriesInfo &s : series)
            out << "    " << s.uid << "  "
                << Tr::tr("%1 file(s), %2 x %3, %4%5")
                       .arg(s.files)
                       .arg(s.columns)
                       .arg(s.rows)
                       .arg(s.modality.isEmpty() ? QStringLiteral("-") : s.modality)
                       .arg(s.description.isEmpty() ? QString()
                                                    : QStringLiteral(", ") + s.description)
                << "\n";
    }
    for (const auto &[key, value] : image->metadata)
        out << "  " << key.leftJustified(24) << " " << value << "\n";
    return Ok;
}

} // namespace moescope::cli

int moescope_cli_image_info(const QString &path, const QString &seriesUid, bool json,
                            QTextStream &out, QTextStream &err)
{
    moescope::LoadOptions options;
    options.seriesUid = seriesUid;
    return moescope::cli::imageInfo(path, options, json, out, err);
}
