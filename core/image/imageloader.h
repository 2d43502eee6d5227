#pragma once

#include "image/image.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace moescope {

struct LoadError
{
    QString path;
    QString cause;
    // No loader recognises the file as a picture at all (not DICOM, no volume
    // suffix, no image format Qt reads): a README or a database's -wal file
    // in a folder, which a folder's indexer skips instead of failing on.
    bool notAnImage = false;
    QString message() const; // "<path>: <cause>"
};

// One DICOM series found in a folder, as listed before its pixels are read.
struct SeriesInfo
{
    QString uid;   // SeriesInstanceUID (empty when the files have none)
    int files = 0; // files with pixel data in the series
    int rows = 0;  // Rows and Columns of the series' most common slice size
    int columns = 0;
    QString modality;    // of the series' first file
    QString description; // SeriesDescription (0008,103E), may be empty
    int number = 0;      // SeriesNumber (0020,0011), 0 when absent
};

// What to load out of a path that holds more than one image.
struct LoadOptions
{
    LoadOptions() = default;
    explicit LoadOptions(const QString &series) : seriesUid(series) {}

    // A folder: the series with this SeriesInstanceUID (empty: the largest). A file: must belong
    // to this series (empty: no check).
    QString seriesUid;
    // A file whose SHA-256 (hex) the caller has computed already (an indexer
    // that hashes first to skip known content): used as the stack's sha256
    // instead of reading and hashing the file a second time.
    QByteArray fileSha256;
};

// Loads any image MoEScope understands into an ImageStack. Never throws and never crashes on bad
// input: every failure comes back as nullopt with one LoadError. Safe to call from several
// threads at once (decoders are registered once, on first use).
class ImageLoader
{
public:
    // Detects the format:
    //  - a directory → the largest DICOM series in it (recursively), kind Series; slices sorted
    //    along the slice normal (Instance Number without positions); slices of another size
    //    than the series are left out; gaps, duplicate positions and the choice among several
    //    series come back in ImageStack::warnings;
    //  - DICOM (DCMTK) by the "DICM" preamble at offset 128 or a .dcm/.dicom/.dic suffix;
    //    JPEG 2000 transfer syntaxes are decoded with ITK's GDCMImageIO; a .dcm file that is
    //    no DICOM at all but a picture Qt reads is loaded as that picture;
    //  - .nii/.nii.gz/.mha/.mhd/.nrrd/.nhdr → ITK, kind Volume; a 3-D volume is reoriented to
    //    the DICOM patient frame (LPS): frames are axial slices from inferior to superior, rows
    //    run from anterior to posterior, columns from the patient's right to left (the way an
    //    axial CT slice is read), spacing permuted with the axes; the file's direction is kept
    //    in the metadata ("Direction", "Reoriented");
    //  - anything else → QImageReader (PNG/JPEG/TIFF/BMP/...), EXIF orientation applied;
    //    a file without suffix that starts like a DICOM data set without preamble → DCMTK.
    // `error` may be null.
    static std::optional<ImageStack> load(const QString &path, LoadError *error);
    // The same with a choice of series. An unknown seriesUid is an error that names the folder
    // and lists the series in it.
    static std::optional<ImageStack> load(const QString &path, const LoadOptions &options,
                                          LoadError *error);

    // The DICOM series in a folder (recursively), largest first (ties by UID), read from the
    // files' attributes only. nullopt with an error for a path that is no folder or a folder
    // without DICOM images.
    static std::optional<QList<SeriesInfo>> listSeries(const QString &dir, LoadError *error);

    // Filters for a File>Open dialog, "All supported (...)" first, "All files (*)" last.
    static QStringList nameFilters();
    // "DCMTK 3.6.7", "ITK 5.2.1", "GDCM 3.0.21": what this build reads with.
    static QStringList libraryVersions();
    // Suffixes (lower case, no dot) that load() routes to ITK.
    static QStringList volumeSuffixes();
};

} // namespace moescope
