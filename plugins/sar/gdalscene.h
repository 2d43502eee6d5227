#pragma once
// A SAR product read through GDAL, region by region: GeoTIFF and COG (8/16/
// 32-bit integer, float, complex CInt16/CFloat32), ENVI, Sentinel-1 SAFE,
// RADARSAT-2 and whatever else GDAL opens. Calibrated σ⁰ is preferred where
// the product offers it (GDAL's SENTINEL1_CALIB / RADARSAT_2_CALIB
// subdatasets). Every band is kept; samples become linear backscatter
// intensity I, shown as amplitude √I, intensity I or dB 10·log10 I.
//
// GDAL datasets are not thread-safe, and the worker (model tiles) and the
// window (view tiles) read at the same time: each reader borrows a dataset
// handle from a small pool, opening another when all are busy.

#include "calibration.h"

#include "image/scenesource.h"

#include <QList>
#include <QMap>
#include <QMutex>
#include <QSharedPointer>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace moescope::sar {

enum class Quantity { Amplitude, Intensity, Decibel };
bool parseQuantity(const QString &name, Quantity *out); // amplitude | intensity | db
QString toString(Quantity q);
// Intensity → `q`; intensities ≤ 1e-10 (no signal) are -100 dB.
float fromIntensity(float intensity, Quantity q);

// What a band's samples are before they become intensity.
enum class SampleMeaning { Complex, Amplitude, Intensity, Decibel };
QString toString(SampleMeaning m);

struct SarBand
{
    int gdalIndex = 1; // 1-based, as GDAL counts
    QString name;      // "VV", "Sigma0_VH", or "band 2"
    QString dataType;  // GDAL's name: UInt16, CInt16, Float32...
    SampleMeaning meaning = SampleMeaning::Intensity;
    // Sentinel-1: σ⁰ = |DN|² / A², A from this table (GDAL does not apply it).
    std::shared_ptr<const CalibrationLut> sigma0;
};

class GdalScene final : public SceneSource
{
public:
    // nullptr with `error` = "<path>: <cause>" when GDAL cannot open it or it
    // has no raster bands.
    static QSharedPointer<GdalScene> open(const QString &path, QString *error);
    ~GdalScene() override;

    QString path() const override { return m_path; }
    QSize size() const override { return m_size; }
    int bands() const override { return int(m_bands.size()); }
    QStringList bandNames() const override;
    GeoReference geoReference() const override { return m_geo; }
    QByteArray sha256() const override;
    QJsonObject properties() const override;
    // Display: amplitude | intensity | dB, a band, a speckle filter
    // (gdaldisplay.cpp). The window is the 2nd-98th percentile of what is
    // shown, SNAP's and QGIS's first stretch.
    QJsonArray displayOptions() const override;
    WindowLevel displayWindow(const QVariantMap &display) const override;
    bool readForDisplay(int frame, const QRect &region, const QSize &outSize,
                        const QVariantMap &display, Raster *out, QString *error) const override;

    // Every band in dB.
    bool read(int frame, const QRect &region, const QSize &outSize, Raster *out,
              QString *error) const override;
    // Linear intensity of `bands` (0-based indices into sarBands()), same
    // region rules as read().
    bool readIntensity(const QRect &region, const QSize &outSize, const std::vector<int> &bands,
                       Raster *out, QString *error) const;

    // The equivalent number of looks estimated from a few full-resolution
    // patches of `band` (see estimateLooks); 0 when it cannot be told.
    double estimatedLooks(int band = 0) const;

    const QList<SarBand> &sarBands() const { return m_bands; }
    // Index of the band named `name` (case-insensitive; "VV" also finds
    // "Sigma0_VV"), or -1.
    int bandIndex(const QString &name) const;
    QString calibration() const { return m_calibration; } // "sigma0" or "none"
    QString driver() const { return m_driver; }
    // Ground area of one scene pixel in m², 0 when the product does not say
    // (no georeferencing, or a CRS without linear units).
    double pixelAreaSquareMetres() const { return m_pixelArea; }
    // A GeoTIFF's georeferencing for rasters covering scene pixels `region`
    // at `cell` scene pixels per raster pixel: geotransform or GCPs and WKT.
    GeoReference georeferenceFor(const QRect &region, double cell) const;

private:
    struct Handle;
    GdalScene() = default;
    // A dataset handle of the product, or of its cached display overview.
    std::unique_ptr<Handle> borrow(bool overview, QString *error) const;
    // The cached display overview's path, built on first use; empty when
    // the product needs none or it could not be built.
    QString overviewName() const;
    void giveBack(std::unique_ptr<Handle> handle) const;
    bool readRaw(const QRect &region, const QSize &outSize, const std::vector<int> &bands,
                 std::optional<Quantity> as, Raster *out, QString *error) const;

    QString m_path;        // what the user opened
    QString m_datasetName; // what GDAL opened (a calibrated subdataset, say)
    QString m_driver;
    QString m_calibration = QStringLiteral("none");
    QStringList m_subdatasets;
    QSize m_size;
    QList<SarBand> m_bands;
    GeoReference m_geo;
    double m_pixelArea = 0;
    QList<double> m_pixelSpacing; // metres, x and y, when known

    mutable QMutex m_mutex; // guards the pool and the lazy values below
    mutable std::vector<std::unique_ptr<Handle>> m_pool;
    mutable QByteArray m_sha256;
    mutable QMap<QString, WindowLevel> m_windows; // per display choice
    bool m_overviewWanted = false;
    mutable QMutex m_overviewMutex; // guards the three below; taken before m_mutex
    mutable bool m_overviewTried = false;
    mutable QString m_overviewName;
    mutable QSize m_overviewSize;
    mutable std::vector<std::unique_ptr<Handle>> m_overviewPool; // under m_mutex
    mutable QMap<int, double> m_looks;                           // per band
};

} // namespace moescope::sar
