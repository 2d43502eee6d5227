#pragma once
// Sentinel-1 radiometric calibration, applied here because GDAL 3.6 cannot:
// its SAFE driver lists SENTINEL1_CALIB:SIGMA0 only for SLC products, and
// those return uncalibrated |DN|² (tests/data/make_sar_products.py records
// what 3.6.2 does). σ⁰ = DN² / A², with A the product's sigmaNought LUT
// (annotation/calibration/calibration-*.xml) interpolated bilinearly
// between its vectors, as ESA's Sentinel-1 calibration note prescribes.
// Thermal-noise removal is not applied.

#include <QString>

#include <memory>
#include <vector>

namespace moescope::sar {

class CalibrationLut
{
public:
    // The `quantity` table ("sigmaNought", "betaNought", "gamma") of a
    // Sentinel-1 calibration XML; nullptr with `error` when it has none.
    static std::shared_ptr<const CalibrationLut>
    readSentinel1(const QString &xmlPath, const QString &quantity, QString *error);

    // A at image pixel (pixel, line), bilinear between the nearest vectors
    // (lines) and, within each, between the nearest pixels; clamped outside.
    double at(double pixel, double line) const;

private:
    struct Vector
    {
        double line = 0;
        std::vector<double> pixels, values;
        double at(double pixel) const;
    };
    std::vector<Vector> m_vectors; // by line
};

} // namespace moescope::sar
