// Headers MoEScope reads itself before ITK does, because ITK's readers trust
// them (each case found by fuzz_volume):
//  - NIfTI: a NaN in the quaternion or the sform reaches vnl_svd, which calls
//    abort(); vox_offset is a float that says where the voxels start. Read
//    through zlib, which reads a .nii as it is and a .nii.gz decompressed.
//    Offsets are those of nifti1.h and nifti2.h (NIfTI-1: 348-byte header of
//    floats; NIfTI-2: 540 bytes of doubles and int64s), in the byte order the
//    header's own size field reveals.
//  - MetaImage: MetaIO copies each key and value of the text header into
//    fixed 255-byte buffers with strcpy (a longer one overflowed the stack
//    buffer; glibc's fortify check aborted).
#include "loaders_p.h"

#include <QFile>
#include <QtEndian>

#include <cmath>
#include <zlib.h>

namespace moescope::detail {

namespace {

template <typename T> T field(const unsigned char *at, bool bigEndian)
{
    return bigEndian ? qFromBigEndian<T>(at) : qFromLittleEndian<T>(at);
}

template <typename T>
bool allFinite(const unsigned char *header, int offset, int count, bool bigEndian)
{
    for (int i = 0; i < count; ++i)
        if (!std::isfinite(double(field<T>(header + offset + i * int(sizeof(T)), bigEndian))))
            return false;
    return true;
}

// The fields ITK turns into spacing and direction: pixdim[1..3] always; the
// quaternion and its offsets when qform_code > 0; srow_x/y/z when
// sform_code > 0 (nifti1_io's nifti_convert_nhdr2nim).
struct Layout
{
    int pixdim, voxOffset, qformCode, sformCode, quaternion, srow;
};
constexpr Layout kNifti1{76, 108, 252, 254, 256, 280};
constexpr Layout kNifti2{104, 168, 344, 348, 352, 400};

template <typename Real, typename Offset, typename Code>
NiftiHeader readFields(const unsigned char *header, const Layout &at, bool big)
{
    constexpr double kMaxOffset = double(qint64(1) << 53);
    NiftiHeader out;
    out.present = true;
    const double offset = double(field<Offset>(header + at.voxOffset, big));
    out.offsetInFile = offset >= 0 && offset <= kMaxOffset; // false for NaN
    out.voxOffset = out.offsetInFile ? qint64(offset) : 0;
    out.finite = allFinite<Real>(header, at.pixdim + int(sizeof(Real)), 3, big);
    if (field<Code>(header + at.qformCode, big) > 0)
        out.finite = out.finite && allFinite<Real>(header, at.quaternion, 6, big);
    if (field<Code>(header + at.sformCode, big) > 0)
        out.finite = out.finite && allFinite<Real>(header, at.srow, 12, big);
    return out;
}

} // namespace

NiftiHeader readNiftiHeader(const QString &path)
{
    unsigned char header[540] = {};
    int got = 0;
    if (gzFile gz = gzopen(QFile::encodeName(path).constData(), "rb")) {
        got = gzread(gz, header, sizeof header);
        gzclose(gz);
    }
    if (got < 4)
        return {};
    // A header is recognised as nifti1_io does: by sizeof_hdr or by its
    // magic (a fuzzed sizeof_hdr with an "n+1" magic still reached vnl_svd).
    // The byte order comes from sizeof_hdr, else from dim[0], which is 1..7.
    const qint32 little = qFromLittleEndian<qint32>(header);
    const qint32 big = qFromBigEndian<qint32>(header);
    const auto magicAt = [&](int at, char version) {
        return got >= at + 4 && (header[at] == 'n') &&
               (header[at + 1] == '+' || header[at + 1] == 'i') && header[at + 2] == version &&
               header[at + 3] == 0;
    };
    if (got >= 348 && (little == 348 || big == 348 || magicAt(344, '1'))) {
        const bool bigEndian =
            big == 348 || (little != 348 && !(qFromLittleEndian<qint16>(header + 40) >= 1 &&
                                              qFromLittleEndian<qint16>(header + 40) <= 7));
        return readFields<float, float, qint16>(header, kNifti1, bigEndian);
    }
    if (got >= 540 && (little == 540 || big == 540 || magicAt(4, '2'))) {
        const qint64 dim0 = qFromLittleEndian<qint64>(header + 16);
        const bool bigEndian = big == 540 || (little != 540 && !(dim0 >= 1 && dim0 <= 7));
        return readFields<double, qint64, qint32>(header, kNifti2, bigEndian);
    }
    return {};
}

bool metaImageHeaderFits(const QString &path)
{
    // MetaIO's MET_FieldRecordType holds char name[255] and char value[255];
    // a key runs to '=', a value to the end of its line. The header ends
    // with the ElementDataFile line (LOCAL: the voxels follow).
    constexpr qsizetype kMaxField = 250;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true; // the reader reports it
    const QByteArray head = file.read(64 * 1024);
    qsizetype fieldStart = 0;
    bool lastLine = false;
    for (qsizetype i = 0; i <= head.size(); ++i) {
        const bool end = i == head.size() || head[i] == '\n' || head[i] == '\r';
        if (!end && head[i] != '=')
            continue;
        if (i - fieldStart > kMaxField)
            return false;
        if (!end && head.mid(fieldStart, i - fieldStart).trimmed() == "ElementDataFile")
            lastLine = true;
        if (end && lastLine)
            return true;
        fieldStart = i + 1;
    }
    return true;
}

} // namespace moescope::detail
