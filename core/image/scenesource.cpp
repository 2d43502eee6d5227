#include "scenesource.h"

#include <QCoreApplication>

namespace moescope {

QPointF GeoReference::pixelToGround(const QPointF &p) const
{
    if (!hasAffine)
        return p;
    const auto &a = affine;
    return {a[0] + p.x() * a[1] + p.y() * a[2], a[3] + p.x() * a[4] + p.y() * a[5]};
}

QPointF GeoReference::pixelToLonLat(const QPointF &p) const
{
    if (!hasLonLat)
        return p;
    const auto &a = lonLat;
    return {a[0] + p.x() * a[1] + p.y() * a[2], a[3] + p.x() * a[4] + p.y() * a[5]};
}

Raster Raster::band(int index) const
{
    Raster one;
    one.width = width;
    one.height = height;
    one.bands = 1;
    one.samples.resize(size_t(width) * height);
    for (size_t i = 0; i < one.samples.size(); ++i)
        one.samples[i] = samples[i * bands + size_t(index)];
    return one;
}

ImageStack Raster::toImageStack(const QString &sourcePath) const
{
    if (bands != 1 && bands != 3)
        return band(0).toImageStack(sourcePath);
    ImageStack stack;
    stack.kind = ImageKind::Single;
    stack.width = width;
    stack.height = height;
    stack.channels = bands;
    stack.frameCount = isEmpty() ? 0 : 1;
    stack.samples = samples;
    stack.sourcePath = sourcePath;
    stack.updateRange();
    return stack;
}

ImageStackSource::ImageStackSource(QSharedPointer<const ImageStack> image)
    : m_image(std::move(image))
{
}

bool ImageStackSource::read(int frame, const QRect &region, const QSize &outSize, Raster *out,
                            QString *error) const
{
    if (frame < 0 || frame >= m_image->frameCount || outSize.isEmpty() || region.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("moescope::SceneSource",
                                                 "%1: no frame %2, or an empty region")
                         .arg(m_image->sourcePath)
                         .arg(frame);
        return false;
    }
    const ImageStack &img = *m_image;
    readNearest(
        size(), img.channels, region, outSize,
        [&](int x, int y, int b) { return img.sample(frame, x, y, b); }, out);
    return true;
}

} // namespace moescope
