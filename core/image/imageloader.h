#pragma once

#include "image/image.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace moescope {

struct LoadError
{
    QString path;
    QString cause;
    QString message() const; // "<path>: <cause>"
};

// Loads any image MoEScope understands into an ImageStack. Never throws and never crashes on bad
// input: every failure comes back as nullopt with one LoadError. Safe to call from several
// threads at once (decoders are registered once, on first use).
class ImageLoader
{
public:
    // Detects the format:
    //  - a directory → the largest DICOM series in it (recursively), kind Series;
    //  - DICOM (DCMTK) by the "DICM" preamble at offset 128 or a .dcm/.dicom/.dic suffix;
    //    JPEG 2000 transfer syntaxes are decoded with ITK's GDCMImageIO; a .dcm file that is
    //    no DICOM at all but a picture Qt reads is loaded as that picture;
    //  - .nii/.nii.gz/.mha/.mhd/.nrrd/.nhdr → ITK, kind Volume (frames are slices along ITK's
    //    third index, in ITK index order: no reorientation to a patient frame);
    //  - anything else → QImageReader (PNG/JPEG/TIFF/BMP/...), EXIF orientation applied;
    //    a file without suffix that starts like a DICOM data set without preamble → DCMTK.
    // `error` may be null.
    static std::optional<ImageStack> load(const QString &path, LoadError *error);

    // Filters for a File>Open dialog, "All supported (...)" first, "All files (*)" last.
    static QStringList nameFilters();
    // Suffixes (lower case, no dot) that load() routes to ITK.
    static QStringList volumeSuffixes();
};

} // namespace moescope
