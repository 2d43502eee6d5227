#pragma once

// Internal to moescope_image: the per-format loaders ImageLoader dispatches to. Each fills `out`
// and returns true, or sets `cause` (one line a user can read) and returns false. None throws.

#include "image/image.h"
#include "image/imageloader.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace moescope::detail {

// DCMTK: one DICOM file (any frame count). JPEG 2000 goes on to loadDicomWithItk().
bool loadDicomFile(const QString &path, ImageStack &out, QString &cause);
// A directory: the DICOM series `seriesUid` found in it (recursively; empty: the largest), sorted
// along the slice normal; what the user must know goes to out.warnings.
bool loadDicomDirectory(const QString &dir, const QString &seriesUid, ImageStack &out,
                        QString &cause);
// The series of a directory, largest first.
bool listDicomSeries(const QString &dir, QList<SeriesInfo> &out, QString &cause);
// ITK's GDCMImageIO for the pixels of a DICOM file (used for JPEG 2000); fills only the pixel
// fields (width, height, channels, frameCount, samples); GDCM applies the modality rescale.
bool loadDicomPixelsWithItk(const QString &path, ImageStack &out, QString &cause);
// ITK: NIfTI, MetaImage, NRRD → kind Volume.
bool loadItkVolume(const QString &path, ImageStack &out, QString &cause);

// QImage helpers shared by ImageStack::fromQImage() and the QImageReader loader.
bool qimageIsGray(const QImage &image);
// Appends height × width × (gray ? 1 : 3) samples, 0..255.
void appendQImageSamples(std::vector<float> &samples, const QImage &image, bool gray);

// Lower-case hex SHA-256 over the bytes of `paths`, in order; empty if one cannot be read.
QByteArray sha256OfFiles(const QStringList &paths);

// The most samples (floats) one picture, cine, series or volume may decode to, checked
// against the header's sizes before anything is decoded, so a 600 kB file claiming 1,000
// frames of 4096² is refused at once instead of exhausting memory: half the machine's
// physical memory, at most 2^30 samples (4 GiB), or MOESCOPE_MAX_DECODED_MB when set.
size_t maxDecodedSamples();
// The line a loader gives when `samples` exceeds maxDecodedSamples().
QString tooLargeCause(const QString &what, double samples);

// A NIfTI-1 or NIfTI-2 header as MoEScope checks it before ITK reads it
// (itkheaders.cpp). Not `present` for any other file.
struct NiftiHeader
{
    bool present = false;
    bool offsetInFile = true; // vox_offset is a position a file can have
    qint64 voxOffset = 0;     // where the voxels start (0 when not offsetInFile)
    bool finite = true;       // spacing and orientation hold no NaN or infinity
};
NiftiHeader readNiftiHeader(const QString &path);
// Whether every key and value of a MetaImage header fits MetaIO's 255-byte
// buffers (itkheaders.cpp).
bool metaImageHeaderFits(const QString &path);

} // namespace moescope::detail
