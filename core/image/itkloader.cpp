// Volumes (NIfTI, MetaImage, NRRD) and JPEG 2000 DICOM pixels through ITK. Every image is read
// as itk::VectorImage<float, 3>: ITK converts any component type to float and 2D files come
// back with one slice. The ImageIO is chosen here, explicitly, so nothing depends on ITK's
// factory registration (ITK_USE_FILE / ITK_IO_FACTORY_REGISTER_MANAGER).
//
// Orientation: samples stay in ITK index order (x fastest, then y, then z = frame); the
// direction cosines are not applied, they are reported in the metadata.

#include "loaders_p.h"

#include <itkGDCMImageIO.h>
#include <itkImageFileReader.h>
#include <itkMetaDataObject.h>
#include <itkMetaImageIO.h>
#include <itkNiftiImageIO.h>
#include <itkNrrdImageIO.h>
#include <itkVectorImage.h>

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <exception>
#include <new>
#include <string>

namespace moescope::detail {

namespace {

using VolumeImage = itk::VectorImage<float, 3>;

bool readItk(const QString &path, itk::ImageIOBase *io, VolumeImage::Pointer &image, QString &cause)
{
    try {
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
        cause = QStringLiteral("not enough memory");
    } catch (const std::exception &e) {
        cause = QString::fromLocal8Bit(e.what()).simplified();
    } catch (...) {
        cause = QStringLiteral("unknown ITK error");
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
        cause = QStringLiteral("unsupported pixel type: %1 components per pixel (1 or 3 "
                               "supported)")
                    .arg(components);
        return false;
    }
    const size_t n = size_t(size[0]) * size_t(size[1]) * size_t(size[2]) * components;
    if (n == 0 || n > kMaxSamples || size[0] > 1u << 20 || size[1] > 1u << 20) {
        cause = QStringLiteral("unsupported image size %1 × %2 × %3")
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
        cause = QStringLiteral("not a %1 file ITK can read (bad or missing header)").arg(expected);
        return false;
    }

    VolumeImage::Pointer image;
    QString itkCause;
    if (!readItk(path, io, image, itkCause)) {
        cause = QStringLiteral("cannot read %1 volume: %2").arg(format, itkCause);
        return false;
    }
    out = ImageStack{};
    if (!copyPixels(image, out, cause))
        return false;

    const unsigned dims = io->GetNumberOfDimensions();
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
