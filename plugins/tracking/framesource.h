#pragma once
// What the tracker reads: a source of whole 8-bit RGB frames (a benchmark
// sequence's pictures, a video's decoded frames). Region reads, for the
// window, are taken from the decoded frame.

#include "crop.h"

#include "image/scenesource.h"

namespace moescope::tracking {

class FrameSource : public SceneSource
{
public:
    int bands() const override { return 3; }
    // Frame `k`, upright; empty with `error` naming the file and the cause.
    virtual Rgb8 frame(int k, QString *error) const = 0;

    bool read(int k, const QRect &region, const QSize &outSize, Raster *out,
              QString *error) const final
    {
        const Rgb8 f = frame(k, error);
        if (f.samples.empty())
            return false;
        f.read(region, outSize, out);
        return true;
    }
};

} // namespace moescope::tracking
