#pragma once
// One geo-referenced output raster of a tiled run (labels, class
// probabilities, a layer's expert probabilities, descriptors), written block
// by block as tiles finish, so that a 30,000 x 30,000 scene never has its
// maps in memory. Written under a temporary name and renamed when the run
// ends: complete as `<name>.tif`, cancelled as `<name>.partial.tif`, and
// deleted when writing failed (a full disk), so nothing half-written is left
// looking complete.

#include "image/scenesource.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class GDALDataset;

namespace moescope::sar {

class OutputRaster
{
public:
    enum class Type { Byte, Float32 };

    // A tiled GeoTIFF in `dir`, width x height pixels of `bandNames.size()`
    // bands. nullptr with `error` naming the file and the cause.
    static std::unique_ptr<OutputRaster> create(const QString &dir, const QString &name, int width,
                                                int height, Type type, const QStringList &bandNames,
                                                const GeoReference &geo, QString *error);
    ~OutputRaster(); // an unfinished raster is deleted

    // A label raster's class names and colours (a GDAL colour table and
    // category names, so QGIS shows the legend).
    void setCategories(const QStringList &names, const QList<QColor> &colours);
    void setMetadata(const QString &key, const QString &value);

    // Writes a w x h block at (x, y) from pixel-interleaved samples
    // (w * h * bands). False with `error` on a write failure.
    bool write(int x, int y, int w, int h, const float *samples, QString *error);

    // Flushes and renames (cancelled: `<name>.partial.tif`). `cloudOptimised`:
    // a complete raster becomes a Cloud-Optimised GeoTIFF (GDAL's COG driver:
    // the same tiles and compression, internal overviews, the layout HTTP
    // range readers expect), which costs a second pass over it. Returns the
    // final path, or an empty string with `error`.
    QString finish(bool cancelled, bool cloudOptimised, QString *error);

    QString name() const { return m_name; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    int bands() const { return m_bands; }

private:
    OutputRaster() = default;
    void discard();
    bool copyAsCog(const QString &to, QString *error) const;

    GDALDataset *m_dataset = nullptr;
    QString m_dir, m_name, m_temporary;
    int m_width = 0, m_height = 0, m_bands = 0;
    Type m_type = Type::Float32;
    std::vector<unsigned char> m_bytes;
};

} // namespace moescope::sar
