#include "image/image.h"

#include "loaders_p.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace moescope {

QString imageKindName(ImageKind kind)
{
    switch (kind) {
    case ImageKind::Single:
        return QStringLiteral("single");
    case ImageKind::Cine:
        return QStringLiteral("cine");
    case ImageKind::Series:
        return QStringLiteral("series");
    case ImageKind::Volume:
        return QStringLiteral("volume");
    }
    return {};
}

bool ImageStack::isEmpty() const
{
    return width <= 0 || height <= 0 || frameCount <= 0 || channels <= 0 ||
           samples.size() < frameSamples() * size_t(frameCount);
}

size_t ImageStack::frameSamples() const
{
    if (width <= 0 || height <= 0 || channels <= 0)
        return 0;
    return size_t(width) * size_t(height) * size_t(channels);
}

const float *ImageStack::frame(int index) const
{
    if (isEmpty() || index < 0 || index >= frameCount)
        return nullptr;
    return samples.data() + frameSamples() * size_t(index);
}

void ImageStack::updateRange()
{
    float lo = std::numeric_limits<float>::max();
    float hi = std::numeric_limits<float>::lowest();
    // A comparison with NaN is false, so NaN samples are skipped without a
    // branch, and the loop compiles to vector min/max (it was 5 % of a
    // batch's CPU time with an isnan() test per sample).
    for (const float v : samples) {
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
    }
    if (lo > hi) { // no samples, or all NaN
        lo = hi = 0;
    }
    minValue = lo;
    maxValue = hi;
}

QString ImageStack::metadataValue(const QString &name) const
{
    for (const auto &entry : metadata) {
        if (entry.first == name)
            return entry.second;
    }
    return {};
}

WindowLevel ImageStack::draggedWindow(WindowLevel w, int dx, int dy) const
{
    const double step = std::max(1.0, double(maxValue - minValue) / 1000.0);
    if (!w.valid())
        w = effectiveWindow();
    w.width = std::max(1.0, w.width + dx * step);
    w.center += dy * step;
    return w;
}

WindowLevel ImageStack::effectiveWindow() const
{
    if (window.valid())
        return window;
    if (channels == 3) {
        if (minValue >= 0 && maxValue <= 255)
            return {127.5, 255};
        if (minValue >= 0 && maxValue <= 65535)
            return {32767.5, 65535};
    }
    double lo = minValue, hi = maxValue;
    if (hi <= lo) // a constant image: centre it, any positive width renders it mid-grey
        return {lo, 1};
    return {(lo + hi) / 2, hi - lo};
}

namespace {

inline uchar windowed(float v, double lo, double width)
{
    if (std::isnan(v))
        return 0;
    const double out = (double(v) - lo) * 255.0 / width;
    if (out <= 0)
        return 0;
    if (out >= 255)
        return 255;
    return uchar(std::lround(out));
}

} // namespace

QImage ImageStack::toQImage(int frameIndex, WindowLevel wl) const
{
    const float *src = frame(frameIndex);
    if (!src || (channels != 1 && channels != 3))
        return {};
    if (!wl.valid())
        wl = effectiveWindow();
    const double lo = wl.center - wl.width / 2;
    const bool invert = channels == 1 && photometric == QLatin1String("MONOCHROME1");

    QImage out(width, height, channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    if (out.isNull())
        return {};
    const size_t rowSamples = size_t(width) * size_t(channels);
    for (int y = 0; y < height; ++y) {
        uchar *line = out.scanLine(y);
        const float *row = src + rowSamples * size_t(y);
        for (size_t i = 0; i < rowSamples; ++i) {
            uchar v = windowed(row[i], lo, wl.width);
            line[i] = invert ? uchar(255 - v) : v;
        }
    }
    return out;
}

QImage ImageStack::toQImage(int frameIndex, WindowLevel wl, const QRect &region, int maxSide) const
{
    const float *src = frame(frameIndex);
    const QRect r = region.isValid() ? region.intersected(QRect(0, 0, width, height))
                                     : QRect(0, 0, width, height);
    if (!src || (channels != 1 && channels != 3) || r.isEmpty() || maxSide < 1)
        return {};
    if (!wl.valid())
        wl = effectiveWindow();
    const double lo = wl.center - wl.width / 2;
    const bool invert = channels == 1 && photometric == QLatin1String("MONOCHROME1");
    const QSize size =
        r.size()
            .scaled(std::min(maxSide, std::max(r.width(), r.height())),
                    std::min(maxSide, std::max(r.width(), r.height())), Qt::KeepAspectRatio)
            .expandedTo(QSize(1, 1));
    QImage out(size, channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    if (out.isNull())
        return {};
    for (int y = 0; y < size.height(); ++y) {
        const int sy = r.y() + int((y + 0.5) * r.height() / size.height());
        const float *row = src + size_t(width) * size_t(channels) * size_t(sy);
        uchar *line = out.scanLine(y);
        for (int x = 0; x < size.width(); ++x) {
            const int sx = r.x() + int((x + 0.5) * r.width() / size.width());
            for (int c = 0; c < channels; ++c) {
                const uchar v = windowed(row[size_t(sx) * channels + c], lo, wl.width);
                line[x * channels + c] = invert ? uchar(255 - v) : v;
            }
        }
    }
    return out;
}

namespace detail {

bool qimageIsGray(const QImage &image)
{
    switch (image.format()) {
    case QImage::Format_Invalid:
    case QImage::Format_Alpha8:
        return false;
    case QImage::Format_Mono:
    case QImage::Format_MonoLSB:
    case QImage::Format_Indexed8: {
        const auto table = image.colorTable();
        return !table.isEmpty() &&
               std::all_of(table.begin(), table.end(), [](QRgb c) { return qIsGray(c); });
    }
    default:
        return image.isGrayscale();
    }
}

void appendQImageSamples(std::vector<float> &samples, const QImage &image, bool gray)
{
    const QImage converted =
        image.convertToFormat(gray ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    const size_t rowSamples = size_t(converted.width()) * (gray ? 1 : 3);
    const size_t start = samples.size();
    samples.resize(start + rowSamples * size_t(converted.height()));
    for (int y = 0; y < converted.height(); ++y) {
        const uchar *line = converted.constScanLine(y);
        float *dst = samples.data() + start + rowSamples * size_t(y);
        for (size_t i = 0; i < rowSamples; ++i)
            dst[i] = float(line[i]);
    }
}

} // namespace detail

ImageStack ImageStack::fromQImage(const QImage &image, const QString &sourcePath)
{
    ImageStack stack;
    stack.sourcePath = sourcePath;
    if (image.isNull())
        return stack;
    const bool gray = detail::qimageIsGray(image);
    stack.kind = ImageKind::Single;
    stack.width = image.width();
    stack.height = image.height();
    stack.channels = gray ? 1 : 3;
    stack.frameCount = 1;
    stack.photometric = gray ? QStringLiteral("MONOCHROME2") : QStringLiteral("RGB");
    detail::appendQImageSamples(stack.samples, image, gray);
    // No spacing: a photo's dots-per-inch is a print setting, not a size of the object.
    stack.updateRange();
    // 8-bit pictures show (and feed models) as they are stored: 0..255, not
    // stretched to their own min..max as a window-less DICOM would be.
    if (stack.maxValue <= 255.0f)
        stack.window = WindowLevel{127.5, 255.0};
    return stack;
}

QSharedPointer<ImageStack> stackOfFrames(const std::vector<const ImageStack *> &frames)
{
    if (frames.empty())
        return {};
    const ImageStack &first = *frames.front();
    auto stack = QSharedPointer<ImageStack>::create();
    stack->kind = ImageKind::Volume;
    stack->width = first.width;
    stack->height = first.height;
    stack->channels = first.channels;
    stack->photometric = first.photometric;
    stack->window = first.window;
    stack->modality = first.modality;
    stack->sourcePath = first.sourcePath;
    stack->frameCount = int(frames.size());
    stack->samples.reserve(first.frameSamples() * frames.size());
    for (const ImageStack *f : frames) {
        if (f->width != first.width || f->height != first.height || f->channels != first.channels)
            return {};
        stack->samples.insert(stack->samples.end(), f->samples.begin(),
                              f->samples.begin() + std::ptrdiff_t(f->frameSamples()));
    }
    // Each frame's range is known: the stack's is theirs combined.
    stack->minValue = first.minValue;
    stack->maxValue = first.maxValue;
    for (const ImageStack *f : frames) {
        stack->minValue = std::min(stack->minValue, f->minValue);
        stack->maxValue = std::max(stack->maxValue, f->maxValue);
    }
    return stack;
}

} // namespace moescope
