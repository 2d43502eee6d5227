// The DICOM path of ImageLoader (DCMTK, GDCM/OpenJPEG for JPEG 2000, the
// pixel-header checks before them). The first byte picks how the file is
// found: by its .dcm suffix, or with no suffix by its preamble or a bare data
// set's first element; the rest is the file.
#include "imageharness.h"

using namespace moescope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QString name = data[0] & 1 ? QStringLiteral("input") : QStringLiteral("input.dcm");
    fuzz::loadAsImageFile(name, data + 1, size - 1);
    return 0;
}
