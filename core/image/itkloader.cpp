// Volumes (NIfTI, MetaImage, NRRD) and JPEG 2000 DICOM pixels through ITK. Every image is read
// as itk::VectorImage<float, 3>: ITK converts any component type to float and 2D files come
// back with one slice. The ImageIO is chosen here, explicitly, so nothing depends on ITK's
// factory registration (ITK_USE_FILE / ITK_IO_FACTORY_REGISTER_MANAGER).
//
// Orientation: a 3-D volume is reoriented with itk::OrientImageFilter to the DICOM patient frame,
// LPS (ITK's ITK_COORDINATE_ORIENTATION_RAI, the identity direction): x runs from the patient's
// right to left, y from anterior to posterior, z from inferior to superior. Frames are then
// axial slices from the feet up, each seen the way a radiologist reads an axial CT slice
// (patient's right on the left of the screen, anterior at the top), whatever axis order the
// file was written in; a series of DICOM slices (dicomloader.cpp) comes out the same way. Only
// axes are permuted and flipped (no resampling): an oblique volume goes to the nearest axis
// order. The file's direction cosines stay in the metadata ("Direction") with what was done
// ("Reoriented"). A volume whose direction is already the identity is copied as it is.

#include "loaders_p.h"

#include <itkGDCMImageIO.h>
#include <itkImageFileReader.h>
#include <itkMetaDataObject.h>
#include <itkMetaImageIO.h>
#include <itkNiftiImageIO.h>
#include <itkNrrdImageIO.h>
#include <itkOrientImageFilter.h>
#include <itkSpatialOrientationAdapter.h>
#include <itkVectorImage.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>
#include <QtEndian>

#include <exception>
#include <new>
#include <string>

namespace moescope::detail {

namespace {

using VolumeImage = itk::VectorImage<float, 3>;

// The header's sizes against maxDecodedSamples(), and a NIfTI file against
// what its header needs (a cut .nii, or a .nii.gz whose gzip trailer does not
// hold the size the header needs, loaded as if whole before).
bool checkItkHeader(const QString &path, const itk::ImageIOBase *io, const NiftiHeader &header,
                    QString &cause)
{
    // A MetaImage header of "NDims = 0" with a DimSize: ITK sizes its buffer
    // for one voxel and MetaIO then reads DimSize's worth into it (found by
    // fuzz_volume: a heap overflow inside ITK). A picture has 2 or more.
    if (io->GetNumberOfDimensions() < 2) {
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "the header gives %1 dimension(s); an image has at "
                                            "least 2")
                    .arg(io->GetNumberOfDimensions());
        return false;
    }
    double samples = io->GetNumberOfComponents();
    QStringList sizes;
    for (unsigned i = 0; i < io->GetNumberOfDimensions(); ++i) {
        samples *= double(io->GetDimensions(i));
        sizes << QString::number(io->GetDimensions(i));
    }
    if (samples > double(maxDecodedSamples())) {
        cause = tooLargeCause(sizes.join(QStringLiteral(" × ")), samples);
        return false;
    }
    const QString lower = path.toLower();
    const bool nii = lower.endsWith(QLatin1String(".nii"));
    const bool niiGz = lower.endsWith(QLatin1String(".nii.gz"));
    if (!nii && !niiGz)
        return true;
    // A single-file NIfTI: its header says where the voxels start.
    const qint64 voxOffset = header.voxOffset;
    if (voxOffset < 348)
        return true; // not a NIfTI header after all, or odd: the reader decides
    const qint64 needed = voxOffset + qint64(io->GetImageSizeInBytes());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true; // the reader reports it
    qint64 holds = file.size();
    if (niiGz) {
        // gzip's last four bytes: the uncompressed size modulo 2^32 (RFC 1952);
        // a stream cut short ends in compressed data instead.
        const QByteArray trailer = file.seek(holds - 4) ? file.read(4) : QByteArray();
        const quint32 isize =
            trailer.size() == 4 ? qFromLittleEndian<quint32>(trailer.constData()) : 0;
        holds = isize == quint32(needed) ? needed : 0;
    }
    if (holds < needed) {
        cause = niiGz
                    ? QCoreApplication::translate("moescope::ImageLoader",
                                                  "the file is truncated: its gzip stream does not "
                                                  "end with the %1 bytes its header needs")
                          .arg(needed)
                    : QCoreApplication::translate("moescope::ImageLoader",
                                                  "the file is truncated: its header needs %1 "
                                                  "bytes, it holds %2")
                          .arg(needed)
                          .arg(holds);
        return false;
    }
    return true;
}

// What ITK's readers would trust (itkheaders.cpp): a NaN in a NIfTI
// orientation aborts the process inside vnl_svd; a vox_offset no file can
// have; a MetaImage header line longer than MetaIO's buffers.
bool checkHeaderBeforeItk(const QString &path, const NiftiHeader &header, QString &cause)
{
    const QString lower = path.toLower();
    if ((lower.endsWith(QLatin1String(".mha")) || lower.endsWith(QLatin1String(".mhd"))) &&
        !metaImageHeaderFits(path)) {
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "the MetaImage header is damaged: a key or value is "
                                            "longer than the 255 characters MetaIO reads");
        return false;
    }
    if (!header.present)
        return true;
    if (!header.finite) {
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "the header is damaged: its voxel spacing or "
                                            "orientation holds a number that is not finite");
        return false;
    }
    if (!header.offsetInFile) {
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "the header is damaged: its voxel offset (vox_offset) "
                                            "is not a position in a file");
        return false;
    }
    return true;
}

bool readItk(const QString &path, itk::ImageIOBase *io, VolumeImage::Pointer &image, QString &cause)
{
    try {
        // The header first: sizes are checked before a voxel is read or allocated.
        io->SetFileName(std::string(QFile::encodeName(path).constData()));
        // Read once, by MoEScope, for ITK's NIfTI reader only.
        const NiftiHeader nifti =
            dynamic_cast<const itk::NiftiImageIO *>(io) ? readNiftiHeader(path) : NiftiHeader{};
        if (!checkHeaderBeforeItk(path, nifti, cause))
            return false;
        io->ReadImageInformation();
        if (!checkItkHeader(path, io, nifti, cause))
            return false;
        auto reader = itk::ImageFileReader<VolumeImage>::New();
        reader->SetImageIO(io);
        reader->SetFileName(std::string(QFile::encodeName(path).constData()));
        reader->Update();
        image = reader->GetOutput();
        return true;
    } catch (const itk::ExceptionObject &e) {
        // "ITK ERROR: GDCMImageIO(0x55f2b7b5e5f0): Failed to ..." → "Failed to ..."
        static const QRegularExpression prefix(
            QStringLiteral("^ITK ERROR: \\w+\\(0x[0-9a-fA-F]+\\): "));
        cause = QString::fromLocal8Bit(e.GetDescription()).simplified().remove(prefix);
    } catch (const std::bad_alloc &) {
        cause = QCoreApplication::translate("moescope::ImageLoader", "not enough memory");
    } catch (const std::exception &e) {
        cause = QString::fromLocal8Bit(e.what()).simplified();
    } catch (...) {
        cause = QCoreApplication::translate("moescope::ImageLoader", "unknown ITK error");
    }
    if (cause.isEmpty())
        cause = QStringLiteral("ITK could not read the file");
    return false;
}

bool copyPixels(const VolumeImage *image, ImageStack &out, QString &cause)
{
    const auto size = image->GetBufferedRegion().GetSize();
    const unsigned components = image->GetNumberOfComponentsPerPixel();
    if (components != 1 && components != 3) {
        cause =
            QCoreApplication::translate("moescope::ImageLoader",
                                        "unsupported pixel type: %1 components per pixel (1 or 3 "
                                        "supported)")
                .arg(components);
        return false;
    }
    const size_t n = size_t(size[0]) * size_t(size[1]) * size_t(size[2]) * components;
    if (n == 0 || n > maxDecodedSamples() || size[0] > 1u << 20 || size[1] > 1u << 20) {
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "unsupported image size %1 × %2 × %3")
                    .arg(size[0])
                    .arg(size[1])
                    .arg(size[2]);
        return false;
    }
    const float *buffer = image->GetBufferPointer();
    if (!buffer) {
        cause = QStringLiteral("ITK returned no pixel data");
        return false;
    }
    out.width = int(size[0]);
    out.height = int(size[1]);
    out.frameCount = int(size[2]);
    out.channels = int(components);
    out.samples.assign(buffer, buffer + n);
    return true;
}

// The three-letter code ITK's SpatialOrientation uses ("RAI": the first axis runs from Right,
// the second from Anterior, the third from Inferior).
QString orientationCode(itk::SpatialOrientation::ValidCoordinateOrientationFlags code)
{
    using namespace itk::SpatialOrientation;
    QString letters;
    const int shifts[3] = {ITK_COORDINATE_PrimaryMinor, ITK_COORDINATE_SecondaryMinor,
                           ITK_COORDINATE_TertiaryMinor};
    for (int shift : shifts) {
        switch ((int(code) >> shift) & 0xff) {
        case ITK_COORDINATE_Right:
            letters += QLatin1Char('R');
            break;
        case ITK_COORDINATE_Left:
            letters += QLatin1Char('L');
            break;
        case ITK_COORDINATE_Posterior:
            letters += QLatin1Char('P');
            break;
        case ITK_COORDINATE_Anterior:
            letters += QLatin1Char('A');
            break;
        case ITK_COORDINATE_Inferior:
            letters += QLatin1Char('I');
            break;
        case ITK_COORDINATE_Superior:
            letters += QLatin1Char('S');
            break;
        default:
            letters += QLatin1Char('?');
        }
    }
    return letters;
}

// Permutes and flips `image` into LPS; `done` says what was done, empty when nothing was.
bool reorientToLps(VolumeImage::Pointer &image, QString &done, QString &cause)
{
    const auto given = itk::SpatialOrientationAdapter().FromDirectionCosines(image->GetDirection());
    if (given == itk::SpatialOrientation::ITK_COORDINATE_ORIENTATION_RAI)
        return true;
    try {
        auto orient = itk::OrientImageFilter<VolumeImage, VolumeImage>::New();
        orient->UseImageDirectionOn();
        orient->SetDesiredCoordinateOrientation(
            itk::SpatialOrientation::ITK_COORDINATE_ORIENTATION_RAI);
        orient->SetInput(image);
        orient->Update();
        VolumeImage::Pointer out = orient->GetOutput();
        out->DisconnectPipeline();
        const auto order = orient->GetPermuteOrder();
        const auto flips = orient->GetFlipAxes();
        QStringList flipped;
        const char *axis[3] = {"x", "y", "z"};
        for (unsigned i = 0; i < 3; ++i) {
            if (flips[i])
                flipped << QString::fromLatin1(axis[i]);
        }
        // ITK's codes name where each axis starts ("RAI": from right, anterior, inferior),
        // so RAI is DICOM's LPS.
        done =
            QCoreApplication::translate(
                "moescope::ImageLoader",
                "from %1 to RAI (ITK orientation codes; RAI is DICOM's LPS): x, y, z "
                "are the file's axes %2, %3, %4%5")
                .arg(orientationCode(given))
                .arg(order[0])
                .arg(order[1])
                .arg(order[2])
                .arg(flipped.isEmpty()
                         ? QString()
                         : QStringLiteral(", %1 flipped").arg(flipped.join(QStringLiteral(", "))));
        image = out;
        return true;
    } catch (const itk::ExceptionObject &e) {
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "cannot reorient the volume to the patient frame: %1")
                    .arg(QString::fromLocal8Bit(e.GetDescription()).simplified());
    } catch (const std::bad_alloc &) {
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "not enough memory to reorient the volume");
    }
    return false;
}

QString joinNumbers(const QList<double> &values, const QString &separator)
{
    QStringList parts;
    for (double v : values)
        parts << QString::number(v, 'g', 6);
    return parts.join(separator);
}

} // namespace

bool loadDicomPixelsWithItk(const QString &path, ImageStack &out, QString &cause)
{
    auto io = itk::GDCMImageIO::New();
    VolumeImage::Pointer image;
    if (!readItk(path, io, image, cause))
        return false;
    return copyPixels(image, out, cause);
}

bool loadItkVolume(const QString &path, ImageStack &out, QString &cause)
{
    const std::string name(QFile::encodeName(path).constData());
    itk::ImageIOBase::Pointer io;
    QString format;
    {
        auto nifti = itk::NiftiImageIO::New();
        auto meta = itk::MetaImageIO::New();
        auto nrrd = itk::NrrdImageIO::New();
        if (nifti->CanReadFile(name.c_str())) {
            io = nifti;
            format = QStringLiteral("NIfTI");
        } else if (meta->CanReadFile(name.c_str())) {
            io = meta;
            format = QStringLiteral("MetaImage");
        } else if (nrrd->CanReadFile(name.c_str())) {
            io = nrrd;
            format = QStringLiteral("NRRD");
        }
    }
    if (!io) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        const QString expected =
            (suffix == QLatin1String("nii") || suffix == QLatin1String("gz"))
                ? QStringLiteral("NIfTI")
            : (suffix == QLatin1String("mha") || suffix == QLatin1String("mhd"))
                ? QStringLiteral("MetaImage")
                : QStringLiteral("NRRD");
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "not a %1 file ITK can read (bad or missing header)")
                    .arg(expected);
        return false;
    }

    VolumeImage::Pointer image;
    QString itkCause;
    if (!readItk(path, io, image, itkCause)) {
        cause = QCoreApplication::translate("moescope::ImageLoader", "cannot read %1 volume: %2")
                    .arg(format, itkCause);
        return false;
    }
    const unsigned dims = io->GetNumberOfDimensions();
    QString reoriented;
    if (dims >= 3 && !reorientToLps(image, reoriented, cause))
        return false;
    out = ImageStack{};
    if (!copyPixels(image, out, cause))
        return false;

    out.kind = ImageKind::Volume;
    out.sourcePath = path;
    out.photometric = out.channels == 1 ? QStringLiteral("MONOCHROME2") : QStringLiteral("RGB");
    const auto spacing = image->GetSpacing();
    out.spacing.columnMm = spacing[0];
    out.spacing.rowMm = spacing[1];
    out.spacing.sliceMm = dims >= 3 ? spacing[2] : 0;
    out.updateRange();

    QStringList sizes;
    QList<double> spacings, origin;
    for (unsigned i = 0; i < dims; ++i) {
        sizes << QString::number(io->GetDimensions(i));
        spacings << io->GetSpacing(i);
        origin << io->GetOrigin(i);
    }
    out.metadata.append({QStringLiteral("Format"), format});
    out.metadata.append({QStringLiteral("Dimensions"), sizes.join(QStringLiteral(" × "))});
    out.metadata.append(
        {QStringLiteral("Spacing"), joinNumbers(spacings, QStringLiteral(" × ")) + " mm"});
    out.metadata.append({QStringLiteral("Origin"), joinNumbers(origin, QStringLiteral(", "))});
    QStringList direction;
    for (unsigned i = 0; i < dims; ++i) {
        QList<double> axis;
        for (double v : io->GetDirection(i))
            axis << v;
        direction << QStringLiteral("(%1)").arg(joinNumbers(axis, QStringLiteral(", ")));
    }
    out.metadata.append({QStringLiteral("Direction"), direction.join(QLatin1Char(' '))});
    if (!reoriented.isEmpty())
        out.metadata.append({QStringLiteral("Reoriented"), reoriented});
    out.metadata.append({QStringLiteral("ComponentType"),
                         QString::fromStdString(
                             itk::ImageIOBase::GetComponentTypeAsString(io->GetComponentType()))});
    out.metadata.append(
        {QStringLiteral("PixelType"),
         QString::fromStdString(itk::ImageIOBase::GetPixelTypeAsString(io->GetPixelType()))});

    // String entries of the header (NIfTI description, NRRD keys, ...), a handful.
    const itk::MetaDataDictionary &dictionary = io->GetMetaDataDictionary();
    int added = 0;
    for (const std::string &key : dictionary.GetKeys()) {
        std::string value;
        if (added >= 30 || !itk::ExposeMetaData<std::string>(dictionary, key, value))
            continue;
        const QString v = QString::fromStdString(value).simplified();
        if (v.isEmpty() || v.size() > 200)
            continue;
        out.metadata.append({QString::fromStdString(key), v});
        ++added;
    }
    return true;
}

} // namespace moescope::detail
