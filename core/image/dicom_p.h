#pragma once
// Internal to moescope_image, for the DICOM loader's files (DCMTK types): the
// checks a data set's pixel description passes before any decoder sees it.

#include <dcmtk/config/osconfig.h> // must come first
#include <dcmtk/dcmdata/dcdatset.h>

#include <QString>

namespace moescope::detail {

// The first value of an integer attribute at the top level, or `fallback`.
long findLong(DcmItem *item, const DcmTagKey &key, long fallback = 0);

// What the header says the pixels are, checked before any decoder sees them:
// sizes a decoder trusts (GDCM and OpenJPEG corrupt the heap on a JPEG 2000
// frame whose header disagrees with Rows, Columns or Samples per Pixel: every
// `jpeg2000` frame's SIZ header is read against them), and the decoded size
// against maxDecodedSamples() (a 600 kB JPEG-LS file claimed 1,000 frames of
// 4096²). False with `cause` ("damaged DICOM header: ...").
bool checkPixelHeader(DcmDataset *dataset, bool jpeg2000, DcmElement *pixelData, QString &cause);

// Native (uncompressed) pixel data shorter than its header says: the file was cut.
bool checkNativeLength(DcmDataset *dataset, DcmElement *pixelData, QString &cause);

} // namespace moescope::detail
