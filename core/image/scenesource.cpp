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

ImageStack Raster::toImageStack(const QString &sourcePath) const
{
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
