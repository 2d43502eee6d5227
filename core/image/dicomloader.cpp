// DICOM through DCMTK: DcmFileFormat for the data set, DicomImage for the pixels of every
// frame (native, deflated, JPEG, JPEG-LS, RLE; colour models converted to RGB). JPEG 2000,
// which DCMTK 3.6.7 cannot decode, goes to ITK's GDCMImageIO (itkloader.cpp).

#include "dicom_p.h"
#include "loaders_p.h"

#include <dcmtk/config/osconfig.h> // must come first

#include <dcmtk/dcmdata/dccodec.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmimage/diregist.h> // colour image support for DicomImage
#include <dcmtk/dcmimgle/dcmimage.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>

namespace moescope::detail {

namespace {

// Decoders are registered once per process; C++11 makes the static initialisation thread-safe.
void ensureCodecsRegistered()
{
    static const bool registered = [] {
        // DicomImage announces at INFO level that it skips the modality transform we apply
        // ourselves; keep its logger to warnings and errors.
        OFLog::getLogger("dcmtk.dcmimgle").setLogLevel(OFLogger::WARN_LOG_LEVEL);
        // Every failure comes back to the caller as one message naming the file and the
        // cause; DCMTK's own log lines on stderr would only repeat it, less clearly.
        OFLog::getLogger("dcmtk").setLogLevel(OFLogger::FATAL_LOG_LEVEL);
        DJDecoderRegistration::registerCodecs();   // JPEG baseline/extended/lossless
        DJLSDecoderRegistration::registerCodecs(); // JPEG-LS
        DcmRLEDecoderRegistration::registerCodecs();
        return true;
    }();
    (void)registered;
}

OFFilename dcmtkFileName(const QString &path)
{
    return OFFilename(QFile::encodeName(path).constData());
}

QString toQString(const OFString &s, bool utf8)
{
    return utf8 ? QString::fromUtf8(s.c_str(), int(s.length()))
                : QString::fromLatin1(s.c_str(), int(s.length()));
}

// The first value of `key`, at the top level, else anywhere in nested sequences (functional
// groups of enhanced multi-frame objects).
bool findDouble(DcmItem *item, const DcmTagKey &key, double &value, unsigned long pos = 0)
{
    Float64 v = 0;
    if (item->findAndGetFloat64(key, v, pos).good() ||
        item->findAndGetFloat64(key, v, pos, OFTrue).good()) {
        if (std::isfinite(v)) {
            value = v;
            return true;
        }
    }
    return false;
}

// The first value of `key` at the top level only (a nested Modality belongs to a referenced
// object, not to this one).
QString findString(DcmItem *item, const DcmTagKey &key, bool utf8)
{
    OFString v;
    if (item->findAndGetOFString(key, v).good())
        return toQString(v, utf8).trimmed();
    return {};
}

bool isJpeg2000(E_TransferSyntax xfer)
{
    return xfer == EXS_JPEG2000LosslessOnly || xfer == EXS_JPEG2000 ||
           xfer == EXS_JPEG2000MulticomponentLosslessOnly || xfer == EXS_JPEG2000Multicomponent;
}

QString xferDescription(E_TransferSyntax xfer, const QString &uid)
{
    if (xfer == EXS_Unknown)
        return uid.isEmpty() ? QStringLiteral("unknown") : uid;
    const DcmXfer x(xfer);
    return QStringLiteral("%1 (%2)").arg(QString::fromLatin1(x.getXferName()),
                                         QString::fromLatin1(x.getXferID()));
}

// Tags shown to users, in the order they appear in the file (the data set is sorted by tag).
const std::array<DcmTagKey, 44> kMetadataTags = {
    DCM_SOPClassUID,
    DCM_StudyDate,
    DCM_SeriesDate,
    DCM_StudyTime,
    DCM_Modality,
    DCM_Manufacturer,
    DCM_InstitutionName,
    DCM_StudyDescription,
    DCM_SeriesDescription,
    DCM_ManufacturerModelName,
    DCM_PatientName,
    DCM_PatientID,
    DCM_PatientBirthDate,
    DCM_PatientSex,
    DCM_PatientAge,
    DCM_BodyPartExamined,
    DCM_SliceThickness,
    DCM_KVP,
    DCM_SpacingBetweenSlices,
    DCM_CineRate,
    DCM_FrameTime,
    DCM_ImagerPixelSpacing,
    DCM_StudyInstanceUID,
    DCM_SeriesInstanceUID,
    DCM_SeriesNumber,
    DCM_InstanceNumber,
    DCM_ImagePositionPatient,
    DCM_ImageOrientationPatient,
    DCM_SamplesPerPixel,
    DCM_PhotometricInterpretation,
    DCM_PlanarConfiguration,
    DCM_NumberOfFrames,
    DCM_Rows,
    DCM_Columns,
    DCM_PixelSpacing,
    DCM_BitsAllocated,
    DCM_BitsStored,
    DCM_PixelRepresentation,
    DCM_WindowCenter,
    DCM_WindowWidth,
    DCM_RescaleIntercept,
    DCM_RescaleSlope,
    DCM_RescaleType,
    DCM_DoseGridScaling,
};

QList<QPair<QString, QString>> collectMetadata(DcmDataset *dataset, const QString &xfer, bool utf8)
{
    QList<QPair<QString, QString>> out;
    out.append({QStringLiteral("TransferSyntax"), xfer}); // the meta header comes first
    const unsigned long count = dataset->card();
    for (unsigned long i = 0; i < count; ++i) {
        DcmElement *element = dataset->getElement(i);
        if (!element)
            continue;
        const DcmTagKey key = element->getTag();
        if (std::find(kMetadataTags.begin(), kMetadataTags.end(), key) == kMetadataTags.end())
            continue;
        OFString value;
        if (element->getOFStringArray(value).bad())
            continue;
        DcmTag tag(key);
        const QString v = toQString(value, utf8).trimmed();
        if (!v.isEmpty())
            out.append({QString::fromLatin1(tag.getTagName()), v.left(200)});
    }
    return out;
}

template <typename T> void copyMono(const void *data, float *dst, size_t n)
{
    const T *src = static_cast<const T *>(data);
    for (size_t i = 0; i < n; ++i)
        dst[i] = float(src[i]);
}

template <typename T> void copyColor(const void *data, float *dst, size_t n)
{
    // DCMTK keeps colour as three planes (R, G, B); we interleave.
    const T *const *planes = static_cast<const T *const *>(data);
    for (size_t i = 0; i < n; ++i) {
        dst[3 * i] = float(planes[0][i]);
        dst[3 * i + 1] = float(planes[1][i]);
        dst[3 * i + 2] = float(planes[2][i]);
    }
}

bool copyInterData(const DiPixel *inter, bool color, float *dst, size_t pixels, QString &cause)
{
    const void *data = inter->getData();
    if (!data) {
        cause = QStringLiteral("DCMTK returned no pixel data");
        return false;
    }
    const EP_Representation rep = inter->getRepresentation();
    if (color) {
        switch (rep) {
        case EPR_Uint8:
            copyColor<Uint8>(data, dst, pixels);
            return true;
        case EPR_Sint8:
            copyColor<Sint8>(data, dst, pixels);
            return true;
        case EPR_Uint16:
            copyColor<Uint16>(data, dst, pixels);
            return true;
        case EPR_Sint16:
            copyColor<Sint16>(data, dst, pixels);
            return true;
        case EPR_Uint32:
            copyColor<Uint32>(data, dst, pixels);
            return true;
        case EPR_Sint32:
            copyColor<Sint32>(data, dst, pixels);
            return true;
        }
    } else {
        switch (rep) {
        case EPR_Uint8:
            copyMono<Uint8>(data, dst, pixels);
            return true;
        case EPR_Sint8:
            copyMono<Sint8>(data, dst, pixels);
            return true;
        case EPR_Uint16:
            copyMono<Uint16>(data, dst, pixels);
            return true;
        case EPR_Sint16:
            copyMono<Sint16>(data, dst, pixels);
            return true;
        case EPR_Uint32:
            copyMono<Uint32>(data, dst, pixels);
            return true;
        case EPR_Sint32:
            copyMono<Sint32>(data, dst, pixels);
            return true;
        }
    }
    cause = QCoreApplication::translate("moescope::ImageLoader",
                                        "unexpected DCMTK pixel representation %1")
                .arg(int(rep));
    return false;
}

// The transfer syntax named by the meta header: its UID (empty without meta header) and what
// DCMTK makes of it (EXS_Unknown for a UID it does not know).
E_TransferSyntax metaTransferSyntax(DcmFileFormat &file, QString &uid)
{
    OFString value;
    DcmMetaInfo *meta = file.getMetaInfo();
    if (meta)
        meta->findAndGetOFString(DCM_TransferSyntaxUID, value);
    uid = QString::fromLatin1(value.c_str()).trimmed();
    if (uid.isEmpty())
        return EXS_Unknown;
    return DcmXfer(uid.toLatin1().constData()).getXfer();
}

// A transfer syntax whose pixels we cannot decode at all (JPEG 2000 goes to ITK).
bool undecodable(E_TransferSyntax xfer)
{
    if (xfer == EXS_Unknown)
        return true;
    const DcmXfer info(xfer);
    return info.isEncapsulated() && !isJpeg2000(xfer) &&
           !DcmCodecList::canChangeCoding(xfer, EXS_LittleEndianExplicit);
}

// Why a transfer syntax cannot be decoded here, for the message a user reads.
QString undecodableWhy(E_TransferSyntax xfer)
{
    const DcmXfer info(xfer);
    const QString name = QString::fromLatin1(info.getXferName());
    if (name.contains(QLatin1String("MPEG")) || name.contains(QLatin1String("HEVC")))
        return QCoreApplication::translate(
            "moescope::ImageLoader", "it holds a video stream, and no video decoder is built in "
                                     "(export the cine uncompressed, RLE or JPEG)");
    if (name.contains(QLatin1String("Deflated")))
        return QCoreApplication::translate("moescope::ImageLoader",
                                           "deflated data sets are not inflated by this build");
    return QCoreApplication::translate(
        "moescope::ImageLoader", "none of the decoders here (DCMTK: JPEG, JPEG-LS, RLE; ITK/GDCM: "
                                 "JPEG 2000) reads it");
}

// Reads a DICOM file; on failure tells a truncated file from an unsupported transfer syntax and
// from one that is not DICOM at all.
bool readFile(const QString &path, DcmFileFormat &file, QString &cause)
{
    const OFCondition status = file.loadFile(dcmtkFileName(path), EXS_Unknown, EGL_noChange,
                                             DCM_MaxReadLength, ERM_autoDetect);
    if (status.good())
        return true;
    DcmDataset *dataset = file.getDataset();
    const QString text = QString::fromLatin1(status.text());
    QString uid;
    const E_TransferSyntax xfer = metaTransferSyntax(file, uid);
    if (!uid.isEmpty() && undecodable(xfer)) {
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "unsupported transfer syntax %1: %2")
                    .arg(xferDescription(xfer, uid), undecodableWhy(xfer));
        return false;
    }
    const bool prematureEnd = status == EC_StreamNotifyClient || status == EC_EndOfStream ||
                              status == EC_InvalidStream ||
                              text.contains(QLatin1String("premature"), Qt::CaseInsensitive);
    // Only a file that was recognisably DICOM before it ended counts as truncated: a meta
    // header with a transfer syntax, or attributes every image carries.
    const bool recognisable =
        !uid.isEmpty() ||
        (dataset && (dataset->tagExists(DCM_SOPClassUID) || dataset->tagExists(DCM_Modality) ||
                     dataset->tagExists(DCM_StudyInstanceUID)));
    if (prematureEnd && recognisable && dataset && dataset->tagExists(DCM_PixelData)) {
        cause = QStringLiteral("DICOM pixel data is truncated: the file ends inside the pixel data "
                               "(%1)")
                    .arg(text);
    } else if (prematureEnd && recognisable) {
        // A cut file and a mis-encoded one (wrong VR, wrong transfer syntax) both run past the
        // end of the file; DCMTK cannot tell them apart.
        cause = QStringLiteral("DICOM file is truncated or damaged: %1").arg(text);
    } else {
        cause = QCoreApplication::translate("moescope::ImageLoader", "not a valid DICOM file: %1")
                    .arg(text);
    }
    return false;
}

struct Geometry
{
    bool hasPosition = false, hasOrientation = false;
    std::array<double, 3> position{}, row{}, column{};
};

Geometry readGeometry(DcmItem *item)
{
    Geometry g;
    double v[6];
    int found = 0;
    for (unsigned long i = 0; i < 3; ++i)
        found += findDouble(item, DCM_ImagePositionPatient, v[i], i);
    if (found == 3) {
        g.hasPosition = true;
        g.position = {v[0], v[1], v[2]};
    }
    found = 0;
    for (unsigned long i = 0; i < 6; ++i)
        found += findDouble(item, DCM_ImageOrientationPatient, v[i], i);
    if (found == 6) {
        g.hasOrientation = true;
        g.row = {v[0], v[1], v[2]};
        g.column = {v[3], v[4], v[5]};
    }
    return g;
}

std::array<double, 3> cross(const std::array<double, 3> &a, const std::array<double, 3> &b)
{
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

double dot(const std::array<double, 3> &a, const std::array<double, 3> &b)
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

// Everything but the pixels: spacing, window, timing, names, metadata.
void readUltrasoundRegion(DcmDataset *dataset, ImageStack &out);

void readAttributes(DcmDataset *dataset, const QString &xferText, bool utf8, ImageStack &out)
{
    out.modality = findString(dataset, DCM_Modality, utf8);
    out.seriesUid = findString(dataset, DCM_SeriesInstanceUID, utf8);
    out.transferSyntax = xferText;

    double row = 0, column = 0;
    if ((findDouble(dataset, DCM_PixelSpacing, row, 0) &&
         findDouble(dataset, DCM_PixelSpacing, column, 1)) ||
        (findDouble(dataset, DCM_ImagerPixelSpacing, row, 0) &&
         findDouble(dataset, DCM_ImagerPixelSpacing, column, 1))) {
        out.spacing.rowMm = row;
        out.spacing.columnMm = column;
    }
    double slice = 0;
    if (findDouble(dataset, DCM_SpacingBetweenSlices, slice) && slice != 0)
        out.spacing.sliceMm = std::abs(slice);
    else if (findDouble(dataset, DCM_SliceThickness, slice) && slice > 0)
        out.spacing.sliceMm = slice;
    double offset0 = 0, offset1 = 0; // RT Dose: frame offsets in mm
    if (findDouble(dataset, DCM_GridFrameOffsetVector, offset0, 0) &&
        findDouble(dataset, DCM_GridFrameOffsetVector, offset1, 1) && offset1 != offset0)
        out.spacing.sliceMm = std::abs(offset1 - offset0);

    double center = 0, width = 0;
    if (findDouble(dataset, DCM_WindowCenter, center) &&
        findDouble(dataset, DCM_WindowWidth, width) && width > 0)
        out.window = {center, width};

    double ms = 0;
    if (findDouble(dataset, DCM_FrameTime, ms) && ms > 0)
        out.frameTimeMs = ms;
    else if (findDouble(dataset, DCM_CineRate, ms) && ms > 0)
        out.frameTimeMs = 1000.0 / ms;
    else if (findDouble(dataset, DCM_RecommendedDisplayFrameRate, ms) && ms > 0)
        out.frameTimeMs = 1000.0 / ms;
    else if (findDouble(dataset, DCM_FrameTimeVector, ms, 1) && ms > 0)
        out.frameTimeMs = ms; // entry 0 is the time of the first frame (0)

    out.metadata = collectMetadata(dataset, xferText, utf8);
}

// The Sequence of Ultrasound Regions: the first 2-D tissue region (the
// scan sector or rectangle) becomes the imaging region; its physical deltas
// (in cm when the units say so) give the pixel spacing if the file has none.
void readUltrasoundRegion(DcmDataset *dataset, ImageStack &out)
{
    DcmSequenceOfItems *regions = nullptr;
    if (dataset->findAndGetSequence(DCM_SequenceOfUltrasoundRegions, regions).bad() || !regions)
        return;
    for (unsigned long i = 0; i < regions->card(); ++i) {
        DcmItem *item = regions->getItem(i);
        Uint16 format = 0, dataType = 0;
        item->findAndGetUint16(DCM_RegionSpatialFormat, format);
        item->findAndGetUint16(DCM_RegionDataType, dataType);
        // 1 = 2-D (tissue or flow); 0 = none, 2 = M-mode, 3 = spectral, 4 = waveform
        if (format != 1)
            continue;
        Uint32 x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (item->findAndGetUint32(DCM_RegionLocationMinX0, x0).bad() ||
            item->findAndGetUint32(DCM_RegionLocationMinY0, y0).bad() ||
            item->findAndGetUint32(DCM_RegionLocationMaxX1, x1).bad() ||
            item->findAndGetUint32(DCM_RegionLocationMaxY1, y1).bad())
            continue;
        const QRect region = QRect(QPoint(int(x0), int(y0)), QPoint(int(x1), int(y1)))
                                 .intersected(QRect(0, 0, out.width, out.height));
        if (region.width() < 8 || region.height() < 8)
            continue;
        out.imagingRegion = region;
        Uint16 unitsX = 0, unitsY = 0;
        Float64 dx = 0, dy = 0;
        item->findAndGetUint16(DCM_PhysicalUnitsXDirection, unitsX);
        item->findAndGetUint16(DCM_PhysicalUnitsYDirection, unitsY);
        item->findAndGetFloat64(DCM_PhysicalDeltaX, dx);
        item->findAndGetFloat64(DCM_PhysicalDeltaY, dy);
        if (!out.spacing.known() && unitsX == 3 && unitsY == 3 && dx > 0 && dy > 0) {
            out.spacing.columnMm = dx * 10.0; // 3 = cm
            out.spacing.rowMm = dy * 10.0;
        }
        return;
    }
}

bool decodeWithDcmtk(DcmFileFormat &file, E_TransferSyntax xfer, ImageStack &out, QString &cause)
{
    DcmDataset *dataset = file.getDataset();
    double slope = 1, intercept = 0;
    findDouble(dataset, DCM_RescaleSlope, slope);
    findDouble(dataset, DCM_RescaleIntercept, intercept);
    if (slope == 0) // a broken header; a zero slope would erase the image
        slope = 1;
    // We apply Rescale Slope/Intercept ourselves, in floating point (DCMTK would round to
    // integers); a Modality LUT Sequence, rare, is left to DCMTK.
    const bool ownRescale = !dataset->tagExists(DCM_ModalityLUTSequence);
    unsigned long flags = CIF_DecompressCompletePixelData;
    if (ownRescale)
        flags |= CIF_IgnoreModalityTransformation;

    DicomImage image(&file, xfer, flags, 0, 0);
    const EI_Status status = image.getStatus();
    if (status != EIS_Normal) {
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "cannot decode DICOM pixel data: %1")
                    .arg(QString::fromLatin1(DicomImage::getString(status)));
        return false;
    }
    const DiPixel *inter = image.getInterData();
    if (!inter) {
        cause = QCoreApplication::translate(
            "moescope::ImageLoader", "cannot decode DICOM pixel data: no intermediate pixel data");
        return false;
    }
    const bool color = !image.isMonochrome();
    const size_t width = image.getWidth(), height = image.getHeight();
    const size_t frames = std::max<unsigned long>(1, image.getFrameCount());
    const size_t pixels = width * height * frames;
    if (pixels == 0 || pixels * (color ? 3 : 1) > maxDecodedSamples()) {
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "unsupported image size %1 × %2 × %3")
                    .arg(width)
                    .arg(height)
                    .arg(frames);
        return false;
    }
    if (inter->getCount() < pixels) {
        cause = QStringLiteral("DICOM pixel data is truncated: %1 of %2 pixels decoded")
                    .arg(inter->getCount())
                    .arg(pixels);
        return false;
    }
    out.width = int(width);
    out.height = int(height);
    out.frameCount = int(frames);
    out.channels = color ? 3 : 1;
    out.samples.assign(pixels * size_t(out.channels), 0.0f);
    if (!copyInterData(inter, color, out.samples.data(), pixels, cause))
        return false;
    if (!color && ownRescale && (slope != 1 || intercept != 0)) {
        for (float &v : out.samples)
            v = float(double(v) * slope + intercept);
    }
    if (!color) {
        const EP_Interpretation pi = image.getPhotometricInterpretation();
        out.photometric =
            pi == EPI_Monochrome1 ? QStringLiteral("MONOCHROME1") : QStringLiteral("MONOCHROME2");
    } else {
        out.photometric = QStringLiteral("RGB");
    }
    return true;
}

} // namespace

bool loadDicomFile(const QString &path, ImageStack &out, QString &cause)
{
    ensureCodecsRegistered();
    DcmFileFormat file;
    if (!readFile(path, file, cause))
        return false;
    DcmDataset *dataset = file.getDataset();
    const bool utf8 = dataset->convertToUTF8().good();

    // The transfer syntax as the meta header states it (UID kept for unknown ones).
    QString xferUid;
    const E_TransferSyntax metaXfer = metaTransferSyntax(file, xferUid);
    E_TransferSyntax xfer = dataset->getOriginalXfer();
    if (!xferUid.isEmpty() && metaXfer == EXS_Unknown)
        xfer = EXS_Unknown; // the data set was parsed with a guess; the pixels cannot be trusted
    const QString xferText = xferDescription(xfer, xferUid);

    DcmElement *pixelData = nullptr;
    if (dataset->findAndGetElement(DCM_PixelData, pixelData).bad() || !pixelData) {
        const QString modality = findString(dataset, DCM_Modality, utf8);
        OFString sopClass;
        file.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPClassUID, sopClass);
        if (sopClass == UID_MediaStorageDirectoryStorage ||
            dataset->tagExists(DCM_DirectoryRecordSequence))
            cause = QCoreApplication::translate(
                "moescope::ImageLoader",
                "a DICOMDIR is an index without pixel data; open the folder that "
                "holds it instead");
        else if (dataset->tagExists(DCM_FloatPixelData) ||
                 dataset->tagExists(DCM_DoubleFloatPixelData))
            cause = QCoreApplication::translate("moescope::ImageLoader",
                                                "float pixel data is not supported");
        else if (modality.isEmpty())
            cause = QStringLiteral("DICOM file has no pixel data");
        else
            cause = QStringLiteral("DICOM file has no pixel data (modality %1)").arg(modality);
        return false;
    }

    if (undecodable(xfer)) {
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "unsupported transfer syntax %1: %2")
                    .arg(xferText, undecodableWhy(xfer));
        return false;
    }
    const DcmXfer xferInfo(xfer);
    const bool jpeg2000 = isJpeg2000(xfer);
    if (!checkPixelHeader(dataset, jpeg2000 && xferInfo.isEncapsulated(), pixelData, cause))
        return false;
    if (xferInfo.isNotEncapsulated() && !checkNativeLength(dataset, pixelData, cause))
        return false;

    out = ImageStack{};
    readAttributes(dataset, xferText, utf8, out);
    const QString filePhotometric = findString(dataset, DCM_PhotometricInterpretation, utf8);

    if (jpeg2000) {
        // GDCM (under ITK) would parse the file again with heuristics of its
        // own for damaged files: a 3 kB file it read as "VR16, explicit or
        // implicit" claimed a 1.1 GB element, which GDCM allocated and zeroed
        // (found by fuzz_dicom). It gets the data set DCMTK parsed and the
        // checks above passed, written anew in the same transfer syntax.
        const QTemporaryDir scratch(QDir::tempPath() + QStringLiteral("/moescope-j2k-XXXXXX"));
        const QString canonical = scratch.filePath(QStringLiteral("pixels.dcm"));
        if (!scratch.isValid() ||
            file.saveFile(QFile::encodeName(canonical).constData(), xfer).bad()) {
            cause = QCoreApplication::translate("moescope::ImageLoader",
                                                "cannot write a temporary copy for the JPEG 2000 "
                                                "decoder in %1")
                        .arg(QDir::toNativeSeparators(QDir::tempPath()));
            return false;
        }
        QString itkCause;
        if (!loadDicomPixelsWithItk(canonical, out, itkCause)) {
            cause = QStringLiteral("JPEG 2000 (%1) cannot be decoded: %2").arg(xferText, itkCause);
            return false;
        }
        // GDCM has applied the modality rescale; it converts YBR_RCT/ICT to RGB.
        if (out.channels == 3)
            out.photometric = QStringLiteral("RGB");
        else
            out.photometric = filePhotometric == QLatin1String("MONOCHROME1")
                                  ? QStringLiteral("MONOCHROME1")
                                  : QStringLiteral("MONOCHROME2");
        out.metadata.append({QStringLiteral("Decoder"), QStringLiteral("ITK GDCMImageIO")});
    } else {
        if (!decodeWithDcmtk(file, xfer, out, cause))
            return false;
        out.metadata.append({QStringLiteral("Decoder"), QStringLiteral("DCMTK")});
    }
    readUltrasoundRegion(dataset, out); // needs the decoded width and height
    if (out.frameCount > 1) {
        // Frames are slices when the object says where they lie (RT Dose grid offsets, a slice
        // spacing, enhanced CT/MR/PET per-frame positions) and gives no frame timing; else a cine.
        const bool enhancedCrossSection =
            dataset->tagExists(DCM_PerFrameFunctionalGroupsSequence) &&
            (out.modality == QLatin1String("CT") || out.modality == QLatin1String("MR") ||
             out.modality == QLatin1String("PT"));
        const bool spatial = dataset->tagExists(DCM_GridFrameOffsetVector) ||
                             dataset->tagExists(DCM_SpacingBetweenSlices, OFTrue) ||
                             enhancedCrossSection;
        out.kind = (spatial && out.frameTimeMs <= 0) ? ImageKind::Volume : ImageKind::Cine;
    } else {
        out.kind = ImageKind::Single;
        out.frameTimeMs = 0;
    }
    if (filePhotometric != out.photometric && !filePhotometric.isEmpty())
        out.metadata.append({QStringLiteral("ConvertedTo"), out.photometric});
    out.sourcePath = path;
    out.updateRange();
    return true;
}

// ---------------------------------------------------------------------------------------------
// Series

namespace {

struct SliceFile
{
    QString path;
    QString seriesUid;
    long instance = 0;
    long rows = 0, columns = 0;
    Geometry geometry;
    QString modality, description;
    long seriesNumber = 0;
};

constexpr int kMaxDirectoryFiles = 20000;
// A step between consecutive slice positions this many times the median step is a gap.
constexpr double kGapFactor = 1.5;
// Files named in one warning; the rest are counted.
constexpr int kNamedFiles = 5;

bool looksLikeDicom(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("dcm") || suffix == QLatin1String("dicom") ||
        suffix == QLatin1String("dic"))
        return true;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(132);
    return head.size() == 132 && head.mid(128, 4) == "DICM";
}

struct DirectoryScan
{
    int candidates = 0; // files that look like DICOM
    std::map<QString, std::vector<SliceFile>> series;
};

// Attributes only (values over 1 KiB, the pixels, stay on disk), grouped by series.
DirectoryScan scanDirectory(const QString &dir)
{
    ensureCodecsRegistered();
    QStringList candidates;
    QDirIterator it(dir, QDir::Files | QDir::Readable | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    int scanned = 0;
    while (it.hasNext() && scanned < kMaxDirectoryFiles) {
        const QString path = it.next();
        ++scanned;
        if (QFileInfo(path).fileName().compare(QLatin1String("DICOMDIR"), Qt::CaseInsensitive) == 0)
            continue;
        if (looksLikeDicom(path))
            candidates << path;
    }
    candidates.sort(); // a stable order whatever the file system returns

    DirectoryScan scan;
    scan.candidates = int(candidates.size());
    for (const QString &path : candidates) {
        DcmFileFormat file;
        if (file.loadFile(dcmtkFileName(path), EXS_Unknown, EGL_noChange, 1024, ERM_autoDetect)
                .bad())
            continue;
        DcmDataset *ds = file.getDataset();
        if (!ds->tagExists(DCM_PixelData))
            continue;
        SliceFile s;
        s.path = path;
        s.rows = findLong(ds, DCM_Rows);
        s.columns = findLong(ds, DCM_Columns);
        if (s.rows <= 0 || s.columns <= 0)
            continue; // DICOMDIR, RT plans, reports: nothing to show
        const bool utf8 = ds->convertToUTF8().good();
        s.seriesUid = findString(ds, DCM_SeriesInstanceUID, utf8);
        s.instance = findLong(ds, DCM_InstanceNumber);
        s.geometry = readGeometry(ds);
        s.modality = findString(ds, DCM_Modality, utf8);
        s.description = findString(ds, DCM_SeriesDescription, utf8);
        s.seriesNumber = findLong(ds, DCM_SeriesNumber);
        scan.series[s.seriesUid].push_back(s);
    }
    return scan;
}

QString noImagesCause(const DirectoryScan &scan)
{
    return scan.candidates == 0
               ? QCoreApplication::translate("moescope::ImageLoader",
                                             "directory contains no DICOM files")
               : QCoreApplication::translate(
                     "moescope::ImageLoader",
                     "directory contains no DICOM images (%1 DICOM file(s) without "
                     "pixel data or unreadable)")
                     .arg(scan.candidates);
}

// The most common Rows × Columns of a series; ties go to the size of the first file.
std::pair<long, long> commonSize(const std::vector<SliceFile> &slices)
{
    std::map<std::pair<long, long>, int> counts;
    for (const SliceFile &s : slices)
        ++counts[{s.rows, s.columns}];
    std::pair<long, long> best{slices.front().rows, slices.front().columns};
    int bestCount = counts[best];
    for (const auto &[size, count] : counts) {
        if (count > bestCount) {
            best = size;
            bestCount = count;
        }
    }
    return best;
}

// The series in listing order: largest first, ties by UID (so that the first is the default).
std::vector<std::pair<QString, const std::vector<SliceFile> *>>
orderedSeries(const DirectoryScan &scan)
{
    std::vector<std::pair<QString, const std::vector<SliceFile> *>> out;
    for (const auto &[uid, slices] : scan.series)
        out.push_back({uid, &slices});
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        return a.second->size() > b.second->size();
    });
    return out;
}

QString namedFiles(const QStringList &items)
{
    QStringList named = items.mid(0, kNamedFiles);
    QString text = named.join(QStringLiteral(", "));
    if (items.size() > kNamedFiles)
        text += QStringLiteral(" and %1 more").arg(items.size() - kNamedFiles);
    return text;
}

QString mm(double value)
{
    return QString::number(value, 'g', 6) + QStringLiteral(" mm");
}

} // namespace

bool listDicomSeries(const QString &dir, QList<SeriesInfo> &out, QString &cause)
{
    const DirectoryScan scan = scanDirectory(dir);
    if (scan.series.empty()) {
        cause = noImagesCause(scan);
        return false;
    }
    out.clear();
    for (const auto &[uid, slices] : orderedSeries(scan)) {
        SeriesInfo info;
        info.uid = uid;
        info.files = int(slices->size());
        const auto [rows, columns] = commonSize(*slices);
        info.rows = int(rows);
        info.columns = int(columns);
        info.modality = slices->front().modality;
        info.description = slices->front().description;
        info.number = int(slices->front().seriesNumber);
        out.append(info);
    }
    return true;
}

bool loadDicomDirectory(const QString &dir, const QString &seriesUid, ImageStack &out,
                        QString &cause)
{
    DirectoryScan scan = scanDirectory(dir);
    if (scan.series.empty()) {
        cause = noImagesCause(scan);
        return false;
    }
    const auto ordered = orderedSeries(scan);
    QString chosenUid = ordered.front().first;
    if (!seriesUid.isEmpty()) {
        if (scan.series.find(seriesUid) == scan.series.end()) {
            QStringList here;
            for (const auto &[uid, slices] : ordered)
                here << QStringLiteral("%1 (%2 file(s))")
                            .arg(uid.isEmpty() ? QStringLiteral("<no UID>") : uid)
                            .arg(slices->size());
            cause = QCoreApplication::translate("moescope::ImageLoader",
                                                "no series %1 in the folder; its series: %2")
                        .arg(seriesUid, here.join(QStringLiteral(", ")));
            return false;
        }
        chosenUid = seriesUid;
    }
    std::vector<SliceFile> &slices = scan.series[chosenUid];
    const QDir root(dir);

    // Order along the slice normal (row × column direction of the first slice) when every slice
    // has a position and orientation; else by Instance Number, then file name.
    const bool geometric = std::all_of(slices.begin(), slices.end(), [](const SliceFile &s) {
        return s.geometry.hasPosition && s.geometry.hasOrientation;
    });
    std::vector<double> keys(slices.size(), 0.0);
    if (geometric) {
        const auto normal = cross(slices.front().geometry.row, slices.front().geometry.column);
        std::vector<std::pair<double, size_t>> order;
        for (size_t i = 0; i < slices.size(); ++i)
            order.push_back({dot(slices[i].geometry.position, normal), i});
        std::stable_sort(order.begin(), order.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        std::vector<SliceFile> sorted;
        for (size_t i = 0; i < order.size(); ++i) {
            sorted.push_back(slices[order[i].second]);
            keys[i] = order[i].first;
        }
        slices.swap(sorted);
    } else {
        std::stable_sort(slices.begin(), slices.end(), [](const SliceFile &a, const SliceFile &b) {
            return a.instance < b.instance;
        });
    }

    // Slices of another size than most of the series cannot be stacked: they are left out (a
    // scout or a reformat filed under the same UID), and the user is told which.
    const auto [rows, columns] = commonSize(slices);
    ImageStack result;
    QStringList used, otherSize, undecodable;
    std::vector<double> usedKeys;
    for (size_t i = 0; i < slices.size(); ++i) {
        const SliceFile &s = slices[i];
        const QString name = root.relativeFilePath(s.path);
        if (s.rows != rows || s.columns != columns) {
            otherSize << QStringLiteral("%1 (%2 × %3)").arg(name).arg(s.columns).arg(s.rows);
            continue;
        }
        ImageStack slice;
        QString sliceCause;
        if (!loadDicomFile(s.path, slice, sliceCause)) {
            undecodable << QStringLiteral("%1 (%2)").arg(name, sliceCause);
            continue;
        }
        if (!result.isEmpty() && (slice.width != result.width || slice.height != result.height ||
                                  slice.channels != result.channels)) {
            otherSize << QStringLiteral("%1 (%2 × %3, %4 channel(s))")
                             .arg(name)
                             .arg(slice.width)
                             .arg(slice.height)
                             .arg(slice.channels);
            continue;
        }
        if (result.isEmpty()) {
            result = std::move(slice);
        } else {
            if ((result.samples.size() + slice.samples.size()) > maxDecodedSamples()) {
                cause = QCoreApplication::translate("moescope::ImageLoader",
                                                    "series is too large to load");
                return false;
            }
            result.samples.insert(result.samples.end(), slice.samples.begin(), slice.samples.end());
            result.frameCount += slice.frameCount;
        }
        used << s.path;
        usedKeys.push_back(keys[i]);
    }
    if (result.isEmpty()) {
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "no slice of series %1 could be decoded")
                    .arg(chosenUid);
        if (!undecodable.isEmpty())
            cause += QStringLiteral(": ") + namedFiles(undecodable);
        return false;
    }

    result.kind = ImageKind::Series;
    result.frameTimeMs = 0;
    result.sourcePath = dir;
    result.seriesUid = chosenUid;
    result.warnings.clear();
    if (seriesUid.isEmpty() && scan.series.size() > 1)
        result.warnings << QStringLiteral("%1 series in the folder; took the largest, %2 (%3 "
                                          "files)")
                               .arg(scan.series.size())
                               .arg(chosenUid)
                               .arg(slices.size());
    if (!otherSize.isEmpty())
        result.warnings << QCoreApplication::translate(
                               "moescope::ImageLoader",
                               "left out %1 slice(s) of another size than the series "
                               "(%2 × %3): %4")
                               .arg(otherSize.size())
                               .arg(columns)
                               .arg(rows)
                               .arg(namedFiles(otherSize));
    if (!undecodable.isEmpty())
        result.warnings << QCoreApplication::translate(
                               "moescope::ImageLoader",
                               "left out %1 slice(s) that could not be decoded: %2")
                               .arg(undecodable.size())
                               .arg(namedFiles(undecodable));
    // Positions only count when every slice had one: the frames then follow usedKeys.
    if (geometric && usedKeys.size() > 1 && result.frameCount == int(usedKeys.size())) {
        std::vector<double> steps;
        QStringList duplicates;
        for (size_t i = 1; i < usedKeys.size(); ++i) {
            const double step = usedKeys[i] - usedKeys[i - 1];
            if (step > 1e-3)
                steps.push_back(step);
            else
                duplicates << QStringLiteral("%1 and %2 at %3")
                                  .arg(root.relativeFilePath(used[int(i) - 1]),
                                       root.relativeFilePath(used[int(i)]), mm(usedKeys[i]));
        }
        double median = 0;
        if (!steps.empty()) {
            std::vector<double> sorted = steps;
            std::nth_element(sorted.begin(), sorted.begin() + long(sorted.size() / 2),
                             sorted.end());
            median = sorted[sorted.size() / 2];
            result.spacing.sliceMm = median;
        }
        if (!duplicates.isEmpty())
            result.warnings << QStringLiteral("%1 pair(s) of slices at the same position: %2")
                                   .arg(duplicates.size())
                                   .arg(namedFiles(duplicates));
        // Frames are counted from 1, the way the viewer shows them.
        for (size_t i = 1; median > 0 && i < usedKeys.size(); ++i) {
            const double step = usedKeys[i] - usedKeys[i - 1];
            if (step <= kGapFactor * median)
                continue;
            const int missing = std::max(1, int(std::lround(step / median)) - 1);
            result.warnings << QCoreApplication::translate(
                                   "moescope::ImageLoader",
                                   "gap in the series between slice %1 (%2, at %3) "
                                   "and slice %4 (%5, at %6 along the slice normal): "
                                   "%7 apart where the median spacing is %8, about %9 "
                                   "slice(s) missing")
                                   .arg(QString::number(i), root.relativeFilePath(used[int(i) - 1]),
                                        mm(usedKeys[i - 1]), QString::number(i + 1),
                                        root.relativeFilePath(used[int(i)]), mm(usedKeys[i]),
                                        mm(step), mm(median), QString::number(missing));
        }
    }
    result.sha256 = sha256OfFiles(used);
    result.updateRange();
    const int skipped = int(otherSize.size() + undecodable.size());
    result.metadata.append(
        {QStringLiteral("Series"),
         QStringLiteral("%1 of %2 series in the directory: %3 file(s)%4, sorted by %5")
             .arg(seriesUid.isEmpty() ? QStringLiteral("largest") : QStringLiteral("chosen"))
             .arg(scan.series.size())
             .arg(used.size())
             .arg(skipped ? QStringLiteral(" (%1 skipped)").arg(skipped) : QString())
             .arg(geometric
                      ? QCoreApplication::translate("moescope::ImageLoader",
                                                    "position along the slice normal")
                      : QCoreApplication::translate("moescope::ImageLoader", "instance number"))});
    out = std::move(result);
    return true;
}

} // namespace moescope::detail
