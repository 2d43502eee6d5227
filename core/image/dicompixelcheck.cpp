#include "dicom_p.h"
#include "loaders_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <optional>

namespace moescope::detail {

namespace {

// The JPEG 2000 codestream header (SIZ) of an encapsulated frame: the
// picture's size and components as the codestream will decode them.
struct J2kSize
{
    quint32 width = 0, height = 0;
    int components = 0, bits = 0;
};

std::optional<J2kSize> readJ2kSize(const Uint8 *data, size_t length)
{
    // A raw codestream starts SOC (FF4F) SIZ (FF51); a JP2 file carries one
    // later in its 'jp2c' box. Look a little way in for SIZ.
    const size_t limit = std::min<size_t>(length, 4096);
    for (size_t at = 0; at + 42 <= limit; ++at) {
        if (data[at] != 0xFF || data[at + 1] != 0x51)
            continue;
        const Uint8 *p = data + at + 2;
        const auto u16 = [&](size_t o) { return quint32(p[o]) << 8 | p[o + 1]; };
        const auto u32 = [&](size_t o) { return u16(o) << 16 | u16(o + 2); };
        const quint32 lsiz = u16(0), xsiz = u32(4), ysiz = u32(8), xo = u32(12), yo = u32(16);
        const int csiz = int(u16(36));
        if (lsiz < 41 || xsiz <= xo || ysiz <= yo || csiz < 1 ||
            at + 2 + 38 + size_t(csiz) * 3 > length)
            return std::nullopt;
        J2kSize size{xsiz - xo, ysiz - yo, csiz, 0};
        for (int c = 0; c < csiz; ++c)
            size.bits = std::max(size.bits, (p[38 + 3 * c] & 0x7F) + 1);
        return size;
    }
    return std::nullopt;
}

} // namespace

long findLong(DcmItem *item, const DcmTagKey &key, long fallback)
{
    long v = 0;
    if (item->findAndGetLongInt(key, v).good())
        return v;
    return fallback;
}

bool checkPixelHeader(DcmDataset *dataset, bool jpeg2000, DcmElement *pixelData, QString &cause)
{
    const long rows = findLong(dataset, DCM_Rows, -1), columns = findLong(dataset, DCM_Columns, -1);
    const long samples = findLong(dataset, DCM_SamplesPerPixel, 1);
    const long frames = findLong(dataset, DCM_NumberOfFrames, 1);
    const long allocated = findLong(dataset, DCM_BitsAllocated, 0);
    const long stored = findLong(dataset, DCM_BitsStored, allocated);
    const long planar = findLong(dataset, DCM_PlanarConfiguration, 0);
    const auto refuse = [&](const QString &why) {
        cause = QCoreApplication::translate("moescope::ImageLoader", "damaged DICOM header: %1")
                    .arg(why);
        return false;
    };
    if (rows < 1 || columns < 1)
        return refuse(
            QStringLiteral("Rows (0028,0010) %1, Columns (0028,0011) %2").arg(rows).arg(columns));
    if (samples != 1 && samples != 3)
        return refuse(
            QStringLiteral("Samples per Pixel (0028,0002) is %1, not 1 or 3").arg(samples));
    if (planar != 0 && planar != 1)
        return refuse(
            QStringLiteral("Planar Configuration (0028,0006) is %1, not 0 or 1").arg(planar));
    if (allocated != 1 && allocated != 8 && allocated != 16 && allocated != 32)
        return refuse(QStringLiteral("Bits Allocated (0028,0100) is %1").arg(allocated));
    if (stored < 1 || stored > allocated)
        return refuse(QStringLiteral("Bits Stored (0028,0101) is %1 of %2 allocated")
                          .arg(stored)
                          .arg(allocated));
    if (frames < 1)
        return refuse(QStringLiteral("Number of Frames (0028,0008) is %1").arg(frames));
    const double decoded = double(rows) * double(columns) * double(frames) * double(samples);
    if (decoded > double(maxDecodedSamples())) {
        cause = tooLargeCause(QStringLiteral("%1 frame(s) of %2 × %3 × %4")
                                  .arg(frames)
                                  .arg(columns)
                                  .arg(rows)
                                  .arg(samples),
                              decoded);
        return false;
    }
    if (!jpeg2000)
        return true;
    // Every frame's codestream must agree with the header.
    auto *sequence = dynamic_cast<DcmPixelData *>(pixelData);
    DcmPixelSequence *fragments = nullptr;
    E_TransferSyntax repType = EXS_Unknown;
    const DcmRepresentationParameter *repParam = nullptr;
    if (sequence)
        sequence->getOriginalRepresentationKey(repType, repParam);
    if (!sequence || sequence->getEncapsulatedRepresentation(repType, repParam, fragments).bad() ||
        !fragments || fragments->card() < 2)
        return refuse(QStringLiteral("JPEG 2000 pixel data holds no frame"));
    int checked = 0;
    for (unsigned long i = 1; i < fragments->card(); ++i) { // item 0: the offset table
        DcmPixelItem *item = nullptr;
        Uint8 *data = nullptr;
        if (fragments->getItem(item, i).bad() || !item || item->getUint8Array(data).bad() || !data)
            continue;
        const size_t length = item->getLength();
        if (length < 2 || data[0] != 0xFF || data[1] != 0x4F) // not the start of a frame
            continue;
        const std::optional<J2kSize> size = readJ2kSize(data, length);
        if (!size)
            return refuse(QStringLiteral("a JPEG 2000 frame has no readable SIZ header"));
        if (long(size->width) != columns || long(size->height) != rows ||
            size->components != samples || size->bits > allocated)
            return refuse(QStringLiteral("the header says %1 × %2 × %3 of %4 bits, a JPEG 2000 "
                                         "frame holds %5 × %6 × %7 of %8 bits")
                              .arg(columns)
                              .arg(rows)
                              .arg(samples)
                              .arg(allocated)
                              .arg(size->width)
                              .arg(size->height)
                              .arg(size->components)
                              .arg(size->bits));
        ++checked;
    }
    if (checked == 0)
        return refuse(QStringLiteral("JPEG 2000 pixel data holds no codestream"));
    return true;
}

// Native (uncompressed) pixel data shorter than Rows × Columns × Frames × Samples × Bits says
// the file was cut: DCMTK would pad it with zeros, we refuse it. YBR_*_422 stores two samples
// per pixel.
bool checkNativeLength(DcmDataset *dataset, DcmElement *pixelData, QString &cause)
{
    const long rows = findLong(dataset, DCM_Rows), columns = findLong(dataset, DCM_Columns);
    const long frames = std::max(1L, findLong(dataset, DCM_NumberOfFrames, 1));
    long spp = std::max(1L, findLong(dataset, DCM_SamplesPerPixel, 1));
    const long bits = findLong(dataset, DCM_BitsAllocated, 0);
    if (rows <= 0 || columns <= 0 || bits <= 0)
        return true; // DicomImage reports missing attributes itself
    OFString photometric;
    dataset->findAndGetOFString(DCM_PhotometricInterpretation, photometric);
    if (spp == 3 && photometric.size() >= 4 &&
        photometric.compare(photometric.size() - 4, 4, "_422") == 0)
        spp = 2;
    const double expectedBits =
        double(rows) * double(columns) * double(frames) * double(spp) * double(bits);
    const double expected = std::ceil(expectedBits / 8);
    const double present = double(pixelData->getLength());
    const double frameBytes = std::ceil(double(rows) * columns * spp * bits / 8);
    if (present < expected && frames > 1 && present >= frameBytes &&
        std::fmod(present, frameBytes) == 0) {
        cause = QStringLiteral("Number of Frames (0028,0008) says %1, but the pixel data holds %2 "
                               "whole frame(s) of %3 × %4")
                    .arg(frames)
                    .arg(qint64(present / frameBytes))
                    .arg(columns)
                    .arg(rows);
        return false;
    }
    if (present < expected) {
        cause = QStringLiteral("DICOM pixel data is truncated: %1 bytes present, %2 expected for "
                               "%3 × %4 × %5 frame(s) of %6-bit samples")
                    .arg(qint64(present))
                    .arg(qint64(expected))
                    .arg(columns)
                    .arg(rows)
                    .arg(frames)
                    .arg(bits);
        return false;
    }
    return true;
}

} // namespace moescope::detail
