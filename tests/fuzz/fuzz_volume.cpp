// The volume path of ImageLoader (ITK: NIfTI, gzipped NIfTI, NRRD, MetaImage,
// with MoEScope's header checks before ITK reads the voxels). The first byte
// picks the suffix; the rest is the file.
#include "imageharness.h"

using namespace moescope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char *const suffixes[] = {"nii", "nii.gz", "nrrd", "mha"};
    const QString name = QStringLiteral("input.") + QLatin1String(suffixes[data[0] % 4]);
    fuzz::loadAsImageFile(name, data + 1, size - 1);
    return 0;
}
