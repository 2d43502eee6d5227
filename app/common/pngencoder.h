#pragma once
// PNG encoding for the artifacts, through libpng with the settings that suit
// maps and overlays written once and read by people: zlib level 1, the "Sub"
// filter for every row, RGB when every pixel is opaque. Qt's PNG writer lets
// a caller set only the zlib level and leaves libpng to try every filter on
// every row, which took 40-70 % longer for the same bytes (a 672×726 expert
// grid: 21 ms against 12 ms, 375 kB either way).

#include <QByteArray>
#include <QImage>

namespace moescope {

// Appends `image` as a PNG to `out`; false when libpng refuses (a null image).
bool encodePng(const QImage &image, QByteArray *out);

} // namespace moescope
