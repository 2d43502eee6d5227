// The DICOM path of ImageLoader (DCMTK, GDCM/OpenJPEG for JPEG 2000, the
// pixel-header checks before them). The first byte picks how the file is
// found: by its .dcm suffix, or with no suffix by its preamble or a bare data
// set's first element; the rest is the file.
#include "fuzzsupport.h"

#include "image/imageloader.h"

using namespace moescope;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QString name = data[0] & 1 ? QStringLiteral("input") : QStringLiteral("input.dcm");
    const QString path = fuzz::writeInput(name, data + 1, size - 1);
    LoadError error;
    const auto stack = ImageLoader::load(path, &error);
    // What a loaded stack promises: every sample present, and a first frame
    // that renders (the window, the range and the photometric all used).
    if (stack) {
        if (stack->samples.size() != stack->frameSamples() * size_t(stack->frameCount))
            __builtin_trap();
        stack->toQImage(0);
    }
    fuzz::removeInput(name);
    return 0;
}
