// What the three image harnesses (DICOM, volume, picture) do with an input:
// its bytes written as a file of the given name, loaded as a user's file is,
// and what a loaded stack promises checked.
#pragma once

#include "fuzzsupport.h"

#include "image/imageloader.h"

namespace moescope::fuzz {

inline void loadAsImageFile(const QString &name, const uint8_t *data, size_t size)
{
    const QString path = writeInput(name, data, size);
    LoadError error;
    const auto stack = ImageLoader::load(path, &error);
    // Every sample present, and a frame that renders (the window, the range
    // and the photometric all used); a refusal always says why.
    if (stack) {
        if (stack->samples.size() != stack->frameSamples() * size_t(stack->frameCount))
            __builtin_trap();
        stack->toQImage(stack->frameCount / 2);
    } else if (error.cause.isEmpty()) {
        __builtin_trap();
    }
    removeInput(name);
}

} // namespace moescope::fuzz
