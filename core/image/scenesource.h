#pragma once
// A picture read by region on demand. A run never needs the whole of a scene
// in memory: a 30,000 × 30,000 SAR product is read one tile at a time at the
// size the model wants, a video one frame at a time. Files that fit are
// wrapped whole (ImageStackSource), so every run reads through this one door.
//
// Qt Core + Gui only. read() is const and must be safe to call from the
// worker thread while the main thread reads too (the window's overview).

#include "image.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QRect>
#include <QSharedPointer>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <array>
#include <cmath>
#include <vector>

namespace moescope {

// Where scene pixels lie on the ground: an affine geotransform (GDAL's order:
// x = a0 + col*a1 + row*a2, y = a3 + col*a4 + row*a5, at pixel corners) or
// ground control points, with the coordinate system as WKT.
struct GeoReference
{
    struct ControlPoint
    {
        QString id;
        double pixel = 0, line = 0; // scene pixel coordinates
        double x = 0, y = 0, z = 0; // in crsWkt
    };

    bool hasAffine = false;
    std::array<double, 6> affine{0, 1, 0, 0, 0, 1};
    QList<ControlPoint> controlPoints;
    QString crsWkt;

    bool isValid() const { return hasAffine || !controlPoints.isEmpty(); }
    // Longitude / latitude (degrees) as an affine fit over the scene, for the
    // pixel readout; a reader that can transform to WGS 84 fills it.
    bool hasLonLat = false;
    std::array<double, 6> lonLat{0, 1, 0, 0, 0, 1};

    // Affine only: the ground point of a scene pixel position (corners at
    // integer coordinates). Returns the input unchanged without an affine.
    QPointF pixelToGround(const QPointF &pixel) const;
    // (longitude, latitude) of a scene pixel position; the input unchanged
    // without hasLonLat.
    QPointF pixelToLonLat(const QPointF &pixel) const;
};

// One region as read: height × width pixels of `bands` samples, interleaved
// per pixel (the layout of ImageStack's frames).
struct Raster
{
    int width = 0, height = 0, bands = 0;
    std::vector<float> samples;

    bool isEmpty() const { return samples.empty(); }
    float at(int x, int y, int band = 0) const
    {
        return samples[(size_t(y) * width + x) * bands + band];
    }
    // One band of it as a raster of its own.
    Raster band(int index) const;
    // An ImageStack of one frame holding this raster, for the code that reads
    // ImageStacks. The display and the 8-bit model path take 1 or 3 bands:
    // any other count keeps its first band.
    ImageStack toImageStack(const QString &sourcePath = {}) const;
};

class SceneSource
{
public:
    virtual ~SceneSource() = default;

    virtual QString path() const = 0;
    virtual QSize size() const = 0; // of one frame, in scene pixels
    virtual int bands() const = 0;
    virtual int frameCount() const { return 1; }
    virtual QStringList bandNames() const { return {}; }
    virtual GeoReference geoReference() const { return {}; }
    // What identifies the content (the store keys images by it); 64 hex digits.
    virtual QByteArray sha256() const = 0;
    // What a reader of the file knows beyond the pixels, for `info --json`
    // (a SAR product: driver, band types, complex, CRS, geotransform or
    // GCPs, pixel spacing). Empty when there is nothing more.
    virtual QJsonObject properties() const { return {}; }

    // Since API 2.2: how the source can be shown, declared like a task
    // plugin's "runOptions" (objects with key, label, type choice | band |
    // int, choices, default): a SAR product offers amplitude, intensity or
    // dB, a speckle filter and a band. The window builds the form and passes
    // its values back as `display`; empty values mean the defaults. The
    // source holds no display state: two views may show it two ways.
    virtual QJsonArray displayOptions() const { return {}; }
    // How to show the samples when nobody has chosen yet (a SAR product in
    // dB: its 2nd-98th percentile), as `display` shows them; invalid = the
    // samples' min..max.
    virtual WindowLevel displayWindow(const QVariantMap &display) const
    {
        Q_UNUSED(display);
        return {};
    }
    // Reads what the window draws of `region`, as `display` says (same
    // region rules as read()). Defaults to read().
    virtual bool readForDisplay(int frame, const QRect &region, const QSize &outSize,
                                const QVariantMap &display, Raster *out, QString *error) const
    {
        Q_UNUSED(display);
        return read(frame, region, outSize, out, error);
    }

    // Reads `region` (scene pixels, clipped to the frame; parts outside read
    // as 0) of `frame`, resampled to `outSize` by taking, for each output
    // pixel, the scene pixel under its centre (GDAL's nearest). Returns false
    // with `error` (naming the file and the cause) when the read fails.
    virtual bool read(int frame, const QRect &region, const QSize &outSize, Raster *out,
                      QString *error) const = 0;

    // The whole picture when the source holds it in memory (a DICOM cine, a
    // photo): plugins written for whole frames use it. nullptr for sources
    // read by region only.
    virtual const ImageStack *stack() const { return nullptr; }
};

// A picture already in memory (what ImageLoader gives) as a source.
class ImageStackSource final : public SceneSource
{
public:
    explicit ImageStackSource(QSharedPointer<const ImageStack> image);

    QString path() const override { return m_image->sourcePath; }
    QSize size() const override { return {m_image->width, m_image->height}; }
    int bands() const override { return m_image->channels; }
    int frameCount() const override { return m_image->frameCount; }
    QByteArray sha256() const override { return m_image->sha256; }
    bool read(int frame, const QRect &region, const QSize &outSize, Raster *out,
              QString *error) const override;
    const ImageStack *stack() const override { return m_image.data(); }
    QSharedPointer<const ImageStack> image() const { return m_image; }

private:
    QSharedPointer<const ImageStack> m_image;
};

// The nearest-neighbour read every source can share: output pixel (ox, oy)
// takes scene pixel floor(region.x + (ox + 0.5) * region.width / outSize.width)
// (and likewise in y). `sample(x, y, band)` is only called inside the frame.
template <typename SampleFn>
void readNearest(const QSize &frameSize, int bands, const QRect &region, const QSize &outSize,
                 SampleFn &&sample, Raster *out)
{
    out->width = outSize.width();
    out->height = outSize.height();
    out->bands = bands;
    out->samples.assign(size_t(out->width) * out->height * bands, 0.0f);
    const double sx = double(region.width()) / out->width;
    const double sy = double(region.height()) / out->height;
    for (int oy = 0; oy < out->height; ++oy) {
        const int y = region.y() + int(std::floor((oy + 0.5) * sy));
        if (y < 0 || y >= frameSize.height())
            continue;
        float *row = out->samples.data() + size_t(oy) * out->width * bands;
        for (int ox = 0; ox < out->width; ++ox) {
            const int x = region.x() + int(std::floor((ox + 0.5) * sx));
            if (x < 0 || x >= frameSize.width())
                continue;
            for (int b = 0; b < bands; ++b)
                row[size_t(ox) * bands + b] = sample(x, y, b);
        }
    }
}

} // namespace moescope
