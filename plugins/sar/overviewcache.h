#pragma once
// A display overview for a product written without one (a 30,000² GeoTIFF
// straight from a processor): reading such a scene at 1/64 of its size for
// the window means decoding every block of it, seconds a view. Built once,
// the first time the scene is read at kFactor or coarser, into the user's
// cache folder (QStandardPaths::CacheLocation/sar-overviews), keyed by the
// product's content hash: a Float32 GeoTIFF at 1/kFactor, averaged in
// the product's samples (σ⁰ intensity multi-looked, as SNAP and QGIS
// build theirs; amplitude or DN products approximately so), with its own
// internal overviews. GDAL's .ovr beside the product is not used: the
// product's folder may be read-only, and a product is never written to.

#include <QByteArray>
#include <QDir>
#include <QSize>
#include <QStandardPaths>
#include <QString>

namespace moescope::sar {

namespace overviewcache {

inline constexpr int kFactor = 8;
// Scenes smaller than this (pixels a side) read fast enough without one.
inline constexpr int kMinimumSide = 4096;

inline QString directory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(QStringLiteral("sar-overviews"));
}
// The cached overview of `datasetName` (content hash `sha256`), built when
// missing; empty with `error` when it cannot be (a full disk, say: the
// scene is then read without one).
QString ensure(const QString &datasetName, const QByteArray &sha256, QString *error);

} // namespace overviewcache

} // namespace moescope::sar
