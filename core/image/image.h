#pragma once

// The image model every MoEScope view and model adapter reads: one image, a multi-frame cine,
// a slice series or a volume, always as float samples so that one type carries 8-bit photos,
// 16-bit DICOM and Hounsfield units alike. Qt Core + Gui only (no widgets).

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QPair>
#include <QRect>
#include <QSharedPointer>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <vector>

namespace moescope {

enum class ImageKind {
    Single, // one plane: a photo, a radiograph, a single-frame DICOM
    Cine,   // a multi-frame acquisition over time (US/XA loops, animated images)
    Series, // a directory of single-slice DICOM files sorted along the slice normal
    Volume  // a 3D volume (NIfTI/MHA/NRRD, or a multi-frame DICOM without frame timing)
};

QString imageKindName(ImageKind kind); // "single", "cine", "series", "volume"

// Physical sample spacing in millimetres; 0 where unknown.
// rowMm is the distance between rows (vertical, DICOM PixelSpacing[0], ITK spacing[1]),
// columnMm the distance between columns (horizontal, PixelSpacing[1], ITK spacing[0]),
// sliceMm the distance between frames of a series or volume (ITK spacing[2]).
struct PixelSpacing
{
    double rowMm = 0, columnMm = 0, sliceMm = 0;
    bool known() const { return rowMm > 0 && columnMm > 0; }
};

// A linear VOI window: samples in [center - width/2, center + width/2] map to 0..255.
struct WindowLevel
{
    double center = 0, width = 0;
    bool valid() const { return width > 0; }
    bool operator==(const WindowLevel &o) const { return center == o.center && width == o.width; }
    bool operator!=(const WindowLevel &o) const { return !(*this == o); }
};

// frameCount planes of width×height samples, `channels` (1 or 3) interleaved per pixel, stored
// as float (rescale slope/intercept already applied for DICOM monochrome, so CT is in HU).
//
// Photometric choice: MONOCHROME1 samples keep their raw modality values (a higher value is
// still "more signal"); `photometric` says "MONOCHROME1" and toQImage() inverts the rendering
// so that such images display the way the modality intended. Colour DICOM (RGB, PALETTE COLOR,
// YBR_*) is converted to RGB and its `photometric` reads "RGB" after conversion; the value in
// the file is kept in `metadata` as PhotometricInterpretation.
class ImageStack
{
public:
    ImageKind kind = ImageKind::Single;
    int width = 0, height = 0, channels = 1, frameCount = 0;
    std::vector<float> samples; // frameCount × height × width × channels
    PixelSpacing spacing;
    WindowLevel window;     // from the file (first value of WindowCenter/Width); invalid if none
    double frameTimeMs = 0; // cine: time between frames; 0 if unknown or not a cine
    // Ultrasound: the first 2-D tissue region of the Sequence of Ultrasound
    // Regions (0018,6011), in pixels; invalid when the file has none. Models
    // see this region; the viewer shows the whole frame.
    QRect imagingRegion;
    QString sourcePath, modality, photometric, transferSyntax, seriesUid;
    QByteArray
        sha256; // hex SHA-256 of the file's bytes (of the files in slice order, for a series)
    QList<QPair<QString, QString>> metadata; // what a user reads: tag name → value, in file order
    // What the user must know about this stack although it loaded: slices left out, gaps and
    // duplicate positions in a series, which of several series was taken. One sentence each,
    // without the path (callers prefix it).
    QStringList warnings;
    float minValue = 0, maxValue = 0; // sample range over all frames

    bool isEmpty() const;
    // Samples of one frame (frameSamples() floats), nullptr when index is out of range.
    const float *frame(int index) const;
    size_t frameSamples() const; // width × height × channels
    // One sample; no bounds check.
    float sample(int frameIndex, int x, int y, int channel = 0) const
    {
        return samples[((size_t(frameIndex) * height + y) * width + x) * channels + channel];
    }
    // Recomputes minValue/maxValue from samples (NaNs ignored).
    void updateRange();
    // The metadata value for `name`, or an empty string.
    QString metadataValue(const QString &name) const;

    // `window` if valid; else, for 1 channel, minValue..maxValue; for 3 channels, the full
    // 0..255 range when samples fit in 8 bits (0..65535 when they fit in 16 bits, else min..max)
    // so that colours are not stretched.
    WindowLevel effectiveWindow() const;
    // `window` (or effectiveWindow() when invalid) after a drag of (dx, dy)
    // pixels: about a thousand steps over the sample range (4 HU a pixel for
    // CT), right widens, down raises the level.
    WindowLevel draggedWindow(WindowLevel window, int dx, int dy) const;

    // 8-bit rendering of one frame for display and for models: Format_Grayscale8 for 1 channel,
    // Format_RGB888 for 3, windowed with `wl` (or effectiveWindow() when invalid): samples in
    // [center - width/2, center + width/2] map linearly to 0..255, rounded, clamped. RGB photos
    // (no window in the file) come back unchanged. MONOCHROME1 is inverted (see above).
    // Returns a null QImage for an empty stack or an out-of-range frame.
    QImage toQImage(int frame, WindowLevel wl = {}) const;
    // The same for `region` of the frame (clipped to it; invalid: all of it)
    // at most `maxSide` pixels a side, every output pixel its nearest
    // sample: a thumbnail costs its own size, not the frame's.
    QImage toQImage(int frame, WindowLevel wl, const QRect &region, int maxSide) const;

    // A Single image from a QImage: grayscale images (QImage::isGrayscale()) give 1 channel,
    // everything else 3 channels RGB (alpha dropped); values 0..255.
    static ImageStack fromQImage(const QImage &image, const QString &sourcePath = {});
};

// Single frames of one size (width, height, channels) as the frames of one
// stack (a Volume), the first one's metadata for all: what a batch of files
// sent through one forward call is (`index`, `batch`). Null when `frames` is
// empty or their sizes differ.
QSharedPointer<ImageStack> stackOfFrames(const std::vector<const ImageStack *> &frames);

} // namespace moescope
