#include "image/reslice.h"

#include <QCryptographicHash>

namespace moescope {

QString slicePlaneName(SlicePlane plane)
{
    switch (plane) {
    case SlicePlane::Axial:
        return QStringLiteral("axial");
    case SlicePlane::Coronal:
        return QStringLiteral("coronal");
    case SlicePlane::Sagittal:
        return QStringLiteral("sagittal");
    }
    return {};
}

bool canReslice(const ImageStack &stack)
{
    return (stack.kind == ImageKind::Series || stack.kind == ImageKind::Volume) &&
           stack.frameCount >= 2 && !stack.isEmpty();
}

ImageStack reslice(const ImageStack &volume, SlicePlane plane)
{
    if (plane == SlicePlane::Axial || !canReslice(volume))
        return volume;

    ImageStack out;
    out.kind = volume.kind;
    out.channels = volume.channels;
    out.window = volume.window;
    out.sourcePath = volume.sourcePath;
    out.modality = volume.modality;
    out.photometric = volume.photometric;
    out.transferSyntax = volume.transferSyntax;
    out.seriesUid = volume.seriesUid;
    out.metadata = volume.metadata;
    out.warnings = volume.warnings;
    out.minValue = volume.minValue; // the same samples, only moved
    out.maxValue = volume.maxValue;

    const int W = volume.width, H = volume.height, Z = volume.frameCount, C = volume.channels;
    const bool coronal = plane == SlicePlane::Coronal;
    // Coronal: frames along y, columns along x. Sagittal: frames along x, columns along y.
    out.frameCount = coronal ? H : W;
    out.width = coronal ? W : H;
    out.height = Z;
    out.spacing.rowMm = volume.spacing.sliceMm;
    out.spacing.columnMm = coronal ? volume.spacing.columnMm : volume.spacing.rowMm;
    out.spacing.sliceMm = coronal ? volume.spacing.rowMm : volume.spacing.columnMm;
    out.samples.resize(size_t(W) * size_t(H) * size_t(Z) * size_t(C));

    float *dst = out.samples.data();
    for (int f = 0; f < out.frameCount; ++f) {
        for (int r = 0; r < Z; ++r) {
            const int z = Z - 1 - r; // superior at the top
            for (int c = 0; c < out.width; ++c) {
                const int x = coronal ? c : f;
                const int y = coronal ? f : c;
                const float *src =
                    volume.samples.data() + ((size_t(z) * H + size_t(y)) * W + size_t(x)) * C;
                for (int k = 0; k < C; ++k)
                    *dst++ = src[k];
            }
        }
    }

    out.metadata.append({QStringLiteral("Plane"), slicePlaneName(plane)});
    if (!volume.sha256.isEmpty())
        out.sha256 = reslicedSha256(volume.sha256, plane);
    return out;
}

QByteArray reslicedSha256(const QByteArray &volumeSha, SlicePlane plane)
{
    if (plane == SlicePlane::Axial || volumeSha.isEmpty())
        return volumeSha;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(volumeSha);
    hash.addData(QByteArrayView("/"));
    hash.addData(slicePlaneName(plane).toLatin1());
    return hash.result().toHex();
}

} // namespace moescope
