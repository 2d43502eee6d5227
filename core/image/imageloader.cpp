#include "image/imageloader.h"

#include "loaders_p.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include <algorithm>
#include <exception>
#include <new>

#include <unistd.h>

namespace moescope {

QString LoadError::message() const
{
    return path + QStringLiteral(": ") + cause;
}

namespace detail {

size_t maxDecodedSamples()
{
    bool ok = false;
    const qint64 mb = qEnvironmentVariableIntValue("MOESCOPE_MAX_DECODED_MB", &ok);
    if (ok && mb > 0)
        return size_t(mb) * (size_t(1) << 20) / sizeof(float);
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
    const size_t half =
        pages > 0 && pageSize > 0 ? size_t(pages) * size_t(pageSize) / 2 : size_t(4) << 30;
    return std::min(half / sizeof(float), size_t(1) << 30);
}

QString tooLargeCause(const QString &what, double samples)
{
    return QCoreApplication::translate("moescope::ImageLoader",
                                       "%1 would decode to %2 MB, more than the %3 MB allowed "
                                       "(MOESCOPE_MAX_DECODED_MB)")
        .arg(what)
        .arg(qint64(samples * sizeof(float) / (1 << 20)))
        .arg(qint64(maxDecodedSamples() * sizeof(float) >> 20));
}

QByteArray sha256OfFiles(const QStringList &paths)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
            return {};
    }
    return hash.result().toHex();
}

} // namespace detail

namespace {

const QStringList kDicomSuffixes = {QStringLiteral("dcm"), QStringLiteral("dicom"),
                                    QStringLiteral("dic")};

// "nii.gz" counts as one suffix.
QString lowerSuffix(const QFileInfo &info)
{
    const QString name = info.fileName().toLower();
    if (name.endsWith(QLatin1String(".nii.gz")))
        return QStringLiteral("nii.gz");
    return info.suffix().toLower();
}

// QImageReader: every image of the file (animated GIF, multi-page TIFF) that has the size of the
// first, as a Cine when there are several; grayscale only if every image is.
bool loadWithQt(const QString &path, ImageStack &out, QString &cause, bool *unrecognised = nullptr)
{
    QImageReader reader(path);
    reader.setAutoTransform(true); // EXIF orientation
    // Qt refuses one image beyond its allocation limit (256 MB); a lower
    // MOESCOPE_MAX_DECODED_MB lowers it (0 would mean no limit at all).
    const size_t maxSamples = detail::maxDecodedSamples();
    const qint64 maxMb = qint64(maxSamples * sizeof(float) >> 20);
    reader.setAllocationLimit(int(std::clamp<qint64>(maxMb, 1, reader.allocationLimit())));
    if (!reader.canRead()) {
        cause = QCoreApplication::translate("moescope::ImageLoader",
                                            "not a DICOM file and not an image format Qt can read");
        if (unrecognised)
            *unrecognised = true;
        return false;
    }
    const QString format = QString::fromLatin1(reader.format().toUpper());
    const bool animated = reader.supportsAnimation();
    const QImage first = reader.read();
    if (first.isNull()) {
        cause = QCoreApplication::translate("moescope::ImageLoader", "cannot decode %1 image: %2")
                    .arg(format, reader.errorString());
        return false;
    }
    const double delayMs = animated ? reader.nextImageDelay() : 0;
    QList<QImage> images{first};
    constexpr int kMaxFrames = 10000;
    // An animated GIF or WebP of thousands of large frames compresses to
    // kilobytes: the frames together are held to the decoded-size limit.
    const size_t frameSamples = size_t(first.width()) * size_t(first.height()) * 3;
    while (images.size() < kMaxFrames && reader.imageCount() > 1) {
        // A TIFF's next page is reached by jumping; an animation's next frame
        // is simply the next read (Qt's GIF handler cannot jump).
        if (!reader.jumpToNextImage() && !(animated && reader.canRead()))
            break;
        if (frameSamples * size_t(images.size() + 1) > maxSamples) {
            cause = detail::tooLargeCause(
                QCoreApplication::translate("moescope::ImageLoader",
                                            "an animation of %1 × %2 with more than %3 frames")
                    .arg(first.width())
                    .arg(first.height())
                    .arg(images.size()),
                double(frameSamples) * double(images.size() + 1));
            return false;
        }
        const QImage next = reader.read();
        if (next.isNull() || next.size() != first.size())
            break;
        images.append(next);
    }

    bool gray = true;
    for (const QImage &image : images)
        gray = gray && detail::qimageIsGray(image);

    out = ImageStack{};
    out.kind = images.size() > 1 ? ImageKind::Cine : ImageKind::Single;
    out.width = first.width();
    out.height = first.height();
    out.channels = gray ? 1 : 3;
    out.frameCount = int(images.size());
    out.photometric = gray ? QStringLiteral("MONOCHROME2") : QStringLiteral("RGB");
    out.sourcePath = path;
    out.samples.reserve(out.frameSamples() * size_t(out.frameCount));
    for (const QImage &image : images)
        detail::appendQImageSamples(out.samples, image, gray);
    if (images.size() > 1 && delayMs > 0)
        out.frameTimeMs = delayMs;
    out.updateRange();
    // 8-bit pictures show (and feed models) as stored, 0..255, not stretched.
    if (out.maxValue <= 255.0f)
        out.window = WindowLevel{127.5, 255.0};

    out.metadata.append({QStringLiteral("Format"), format});
    out.metadata.append(
        {QStringLiteral("Size"), QStringLiteral("%1 × %2").arg(first.width()).arg(first.height())});
    if (images.size() > 1)
        out.metadata.append({QStringLiteral("Frames"), QString::number(images.size())});
    const QStringList keys = first.textKeys();
    for (const QString &key : keys) {
        const QString value = first.text(key).simplified();
        if (!value.isEmpty())
            out.metadata.append({key, value.left(200)});
    }
    return true;
}

// True when the first bytes look like a DICOM data set written without preamble and meta
// header: an element of group 0x0008 (or 0x0002) in little endian.
bool looksLikeBareDataset(const QByteArray &head)
{
    return head.size() >= 8 && (head[0] == 0x08 || head[0] == 0x02) && head[1] == 0x00 &&
           head[3] == 0x00;
}

std::optional<ImageStack> fail(LoadError *error, const QString &path, const QString &cause)
{
    if (error)
        *error = LoadError{path, cause};
    return std::nullopt;
}

std::optional<ImageStack> loadImpl(const QString &path, const LoadOptions &options,
                                   LoadError *error)
{
    if (path.isEmpty())
        return fail(error, path,
                    QCoreApplication::translate("moescope::ImageLoader", "no file name given"));
    const QFileInfo info(path);
    if (!info.exists())
        return fail(error, path,
                    QCoreApplication::translate("moescope::ImageLoader", "file does not exist"));

    ImageStack stack;
    QString cause;
    if (info.isDir()) {
        if (!detail::loadDicomDirectory(path, options.seriesUid, stack, cause))
            return fail(error, path, cause);
        return stack;
    }
    if (info.size() == 0)
        return fail(error, path,
                    QCoreApplication::translate("moescope::ImageLoader", "file is empty"));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, path,
                    QCoreApplication::translate("moescope::ImageLoader", "cannot open file: %1")
                        .arg(file.errorString()));
    const QByteArray head = file.read(132);
    file.close();

    const QString suffix = lowerSuffix(info);
    const bool preamble = head.size() == 132 && head.mid(128, 4) == "DICM";
    bool loaded = false;
    bool unrecognised = false;
    if (preamble || kDicomSuffixes.contains(suffix)) {
        loaded = detail::loadDicomFile(path, stack, cause);
        if (!loaded && !preamble && cause.startsWith(QLatin1String("not a valid DICOM file"))) {
            // A misnamed picture ("scan.dcm" that is really a JPEG).
            QString qtCause;
            loaded = loadWithQt(path, stack, qtCause);
        }
    } else if (ImageLoader::volumeSuffixes().contains(suffix)) {
        loaded = detail::loadItkVolume(path, stack, cause);
    } else {
        loaded = loadWithQt(path, stack, cause, &unrecognised);
        if (!loaded && suffix.isEmpty() && looksLikeBareDataset(head)) {
            QString dicomCause;
            unrecognised = false;
            loaded = detail::loadDicomFile(path, stack, dicomCause);
            if (!loaded)
                cause = dicomCause;
        }
    }
    if (!loaded) {
        fail(error, path, cause);
        if (error)
            error->notAnImage = unrecognised;
        return std::nullopt;
    }

    if (!options.seriesUid.isEmpty() && stack.seriesUid != options.seriesUid)
        return fail(
            error, path,
            stack.seriesUid.isEmpty()
                ? QCoreApplication::translate("moescope::ImageLoader",
                                              "the file names no series; series %1 was asked for")
                      .arg(options.seriesUid)
                : QCoreApplication::translate("moescope::ImageLoader",
                                              "the file belongs to series %1, not to series %2")
                      .arg(stack.seriesUid, options.seriesUid));
    if (stack.sha256.isEmpty())
        stack.sha256 = options.fileSha256.isEmpty() ? detail::sha256OfFiles({path})
                                                    : options.fileSha256.toLower();
    if (stack.sourcePath.isEmpty())
        stack.sourcePath = path;
    return stack;
}

} // namespace

std::optional<ImageStack> ImageLoader::load(const QString &path, LoadError *error)
{
    return load(path, LoadOptions(), error);
}

std::optional<ImageStack> ImageLoader::load(const QString &path, const LoadOptions &options,
                                            LoadError *error)
{
    try {
        return loadImpl(path, options, error);
    } catch (const std::bad_alloc &) {
        return fail(error, path,
                    QCoreApplication::translate("moescope::ImageLoader",
                                                "not enough memory to load the image"));
    } catch (const std::exception &e) {
        return fail(error, path,
                    QCoreApplication::translate("moescope::ImageLoader", "unexpected error: %1")
                        .arg(e.what()));
    } catch (...) {
        return fail(
            error, path,
            QCoreApplication::translate("moescope::ImageLoader", "unexpected error while loading"));
    }
}

std::optional<QList<SeriesInfo>> ImageLoader::listSeries(const QString &dir, LoadError *error)
{
    auto failList = [&](const QString &cause) -> std::optional<QList<SeriesInfo>> {
        if (error)
            *error = LoadError{dir, cause};
        return std::nullopt;
    };
    const QFileInfo info(dir);
    if (dir.isEmpty())
        return failList(QCoreApplication::translate("moescope::ImageLoader", "no folder given"));
    if (!info.exists())
        return failList(
            QCoreApplication::translate("moescope::ImageLoader", "folder does not exist"));
    if (!info.isDir())
        return failList(QCoreApplication::translate("moescope::ImageLoader", "not a folder"));
    try {
        QList<SeriesInfo> series;
        QString cause;
        if (!detail::listDicomSeries(dir, series, cause))
            return failList(cause);
        return series;
    } catch (const std::exception &e) {
        return failList(QCoreApplication::translate("moescope::ImageLoader", "unexpected error: %1")
                            .arg(e.what()));
    } catch (...) {
        return failList(QCoreApplication::translate("moescope::ImageLoader",
                                                    "unexpected error while listing series"));
    }
}

QStringList ImageLoader::volumeSuffixes()
{
    return {QStringLiteral("nii"), QStringLiteral("nii.gz"), QStringLiteral("mha"),
            QStringLiteral("mhd"), QStringLiteral("nrrd"),   QStringLiteral("nhdr")};
}

QStringList ImageLoader::nameFilters()
{
    QStringList dicom, volumes, images;
    for (const QString &s : kDicomSuffixes)
        dicom << QStringLiteral("*.") + s;
    for (const QString &s : volumeSuffixes())
        volumes << QStringLiteral("*.") + s;
    const auto formats = QImageReader::supportedImageFormats();
    for (const QByteArray &f : formats)
        images << QStringLiteral("*.") + QString::fromLatin1(f).toLower();
    images.removeDuplicates();
    const QStringList all = dicom + volumes + images;
    return {QStringLiteral("All supported files (%1)").arg(all.join(QLatin1Char(' '))),
            QStringLiteral("DICOM files (%1)").arg(dicom.join(QLatin1Char(' '))),
            QStringLiteral("Volumes (%1)").arg(volumes.join(QLatin1Char(' '))),
            QStringLiteral("Images (%1)").arg(images.join(QLatin1Char(' '))),
            QStringLiteral("All files (*)")};
}

} // namespace moescope
