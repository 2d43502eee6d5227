// The volume path of ImageLoader (ITK: NIfTI, gzipped NIfTI, NRRD, MetaImage,
// with MoEScope's header checks before ITK reads the voxels). The first byte
// picks the suffix; the rest is the file.
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
    static const char *const suffixes[] = {"nii", "nii.gz", "nrrd", "mha"};
    const QString name = QStringLiteral("input.") + QLatin1String(suffixes[data[0] % 4]);
    const QString path = fuzz::writeInput(name, data + 1, size - 1);
    LoadError error;
    const auto stack = ImageLoader::load(path, &error);
    if (stack) {
        if (stack->samples.size() != stack->frameSamples() * size_t(stack->frameCount))
            __builtin_trap();
        stack->toQImage(stack->frameCount / 2);
    }
    fuzz::removeInput(name);
    return 0;
}
