// The picture path of ImageLoader (QImageReader and Qt's format plugins:
// PNG, JPEG, GIF, BMP, TIFF, WebP, ...), reached for any file that is neither
// DICOM nor a volume. The first byte picks the suffix (Qt sniffs the content
// but takes the suffix as a hint); the rest is the file.
#include "imageharness.h"

using namespace moescope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char *const suffixes[] = {"png", "jpg", "gif", "bmp", "tif", "webp", "ppm", "ico"};
    const QString name = QStringLiteral("input.") + QLatin1String(suffixes[data[0] % 8]);
    fuzz::loadAsImageFile(name, data + 1, size - 1);
    return 0;
}
