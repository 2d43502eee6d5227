// GdalScene as the window shows it (SceneSource::displayOptions): amplitude,
// intensity or dB of one band or all, optionally despeckled, and the
// percentile stretch of what is shown. Stateless: every read says how to
// show, so two views can show one product two ways.
#include "gdalscene.h"
#include "sartr.h"
#include "speckle.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMutexLocker>

#include <algorithm>
#include <cmath>

namespace moescope::sar {

namespace {

namespace key {
const QString kQuantity = QStringLiteral("quantity");
const QString kBand = QStringLiteral("band");
const QString kFilter = QStringLiteral("filter");
} // namespace key

struct DisplayChoice
{
    Quantity quantity = Quantity::Decibel;
    std::vector<int> bands; // into sarBands()
    SpeckleFilter filter = SpeckleFilter::None;
};

// Full-resolution patches the ENL is estimated on: at most 3 x 3 of 256².
constexpr int kLooksPatch = 256;

} // namespace

QJsonArray GdalScene::displayOptions() const
{
    QJsonArray options{QJsonObject{{"key", key::kQuantity},
                                   {"label", Tr::tr("Show")},
                                   {"type", "choice"},
                                   {"choices", QJsonArray{"dB", "amplitude", "intensity"}}}};
    if (m_bands.size() > 1)
        options.append(QJsonObject{{"key", key::kBand},
                                   {"label", Tr::tr("Band")},
                                   {"type", "band"},
                                   {"automatic", Tr::tr("first")}});
    options.append(QJsonObject{{"key", key::kFilter},
                               {"label", Tr::tr("Speckle filter")},
                               {"type", "choice"},
                               {"choices", QJsonArray{"none", "lee", "refined-lee", "frost"}}});
    return options;
}

static DisplayChoice displayChoice(const GdalScene &scene, const QVariantMap &display)
{
    DisplayChoice c;
    parseQuantity(display.value(key::kQuantity).toString(), &c.quantity);
    // A band form gives a list of one name; the CLI or a test may give a name.
    const QVariant band = display.value(key::kBand);
    const QString name =
        band.typeId() == QMetaType::QStringList ? band.toStringList().value(0) : band.toString();
    const int index = name.isEmpty() ? -1 : scene.bandIndex(name);
    if (index >= 0)
        c.bands = {index};
    else
        for (int b = 0; b < scene.bands(); ++b)
            c.bands.push_back(b);
    parseSpeckleFilter(display.value(key::kFilter).toString().toStdString(), &c.filter);
    return c;
}

bool GdalScene::readForDisplay(int frame, const QRect &region, const QSize &outSize,
                               const QVariantMap &display, Raster *out, QString *error) const
{
    if (frame != 0) {
        *error = Tr::tr("%1: a SAR product has one frame, not %2").arg(m_path).arg(frame + 1);
        return false;
    }
    const DisplayChoice c = displayChoice(*this, display);
    if (c.filter == SpeckleFilter::None)
        return readRaw(region, outSize, c.bands, c.quantity, out, error);

    // Filtered: read intensity with the filter's margin (in output pixels,
    // within the scene), filter each band, convert, crop. At a coarser zoom
    // the filter works on the pixels shown (GDAL's nearest pick keeps
    // single-pixel speckle statistics), so the picture is smoothed at every
    // zoom; at 1:1 it is the filter the model's input gets.
    SpeckleParams params;
    params.filter = c.filter;
    params.radius = 2;
    const double sx = double(region.width()) / outSize.width();
    const double sy = double(region.height()) / outSize.height();
    const int margin = speckleMargin(params);
    const QRect scene(QPoint(0, 0), m_size);
    const QRect wide = region
                           .adjusted(-int(std::ceil(margin * sx)), -int(std::ceil(margin * sy)),
                                     int(std::ceil(margin * sx)), int(std::ceil(margin * sy)))
                           .intersected(scene.united(region));
    const int left = int(std::lround((region.x() - wide.x()) / sx));
    const int top = int(std::lround((region.y() - wide.y()) / sy));
    const QSize wideSize(
        outSize.width() + left + int(std::lround((wide.right() - region.right()) / sx)),
        outSize.height() + top + int(std::lround((wide.bottom() - region.bottom()) / sy)));
    Raster raw;
    if (!readRaw(wide, wideSize, c.bands, std::nullopt, &raw, error))
        return false;
    const int B = raw.bands, W = raw.width, H = raw.height;
    out->width = outSize.width();
    out->height = outSize.height();
    out->bands = B;
    out->samples.assign(size_t(out->width) * out->height * B, 0.0f);
    std::vector<float> plane(size_t(W) * H), filtered(plane.size());
    for (int b = 0; b < B; ++b) {
        params.looks = std::max(1.0, estimatedLooks(c.bands[size_t(b)]));
        for (size_t i = 0; i < plane.size(); ++i)
            plane[i] = raw.samples[i * B + b];
        despeckle(plane.data(), W, H, params, filtered.data());
        for (int y = 0; y < out->height; ++y) {
            const int wy = std::min(H - 1, y + top);
            for (int x = 0; x < out->width; ++x) {
                const int wx = std::min(W - 1, x + left);
                out->samples[(size_t(y) * out->width + x) * B + b] =
                    fromIntensity(filtered[size_t(wy) * W + wx], c.quantity);
            }
        }
    }
    return true;
}

WindowLevel GdalScene::displayWindow(const QVariantMap &display) const
{
    const DisplayChoice c = displayChoice(*this, display);
    const QString cacheKey = QStringLiteral("%1/%2/%3")
                                 .arg(toString(c.quantity))
                                 .arg(c.bands.front())
                                 .arg(QString::fromStdString(toString(c.filter)));
    {
        QMutexLocker lock(&m_mutex);
        if (m_windows.contains(cacheKey))
            return m_windows.value(cacheKey);
    }
    // The 2nd-98th percentile of the band shown over a 256-pixel overview,
    // the stretch SNAP and QGIS start SAR images with.
    const double scale = std::min(1.0, 256.0 / std::max(m_size.width(), m_size.height()));
    const QSize out(std::max(1, int(m_size.width() * scale)),
                    std::max(1, int(m_size.height() * scale)));
    QVariantMap first = display;
    first.insert(key::kBand, m_bands.value(c.bands.front()).name);
    Raster r;
    QString error;
    WindowLevel window;
    if (readForDisplay(0, QRect(QPoint(0, 0), m_size), out, first, &r, &error)) {
        std::vector<float> v;
        v.reserve(r.samples.size());
        for (float s : r.samples)
            if (std::isfinite(s) && s > -100.0f && (c.quantity == Quantity::Decibel || s > 0))
                v.push_back(s);
        if (v.size() > 10) {
            auto at = [&](double q) {
                auto it = v.begin() + std::ptrdiff_t(q * (v.size() - 1));
                std::nth_element(v.begin(), it, v.end());
                return double(*it);
            };
            const double lo = at(0.02), hi = at(0.98);
            if (hi > lo)
                window = WindowLevel{(lo + hi) / 2, hi - lo};
        }
    }
    QMutexLocker lock(&m_mutex);
    m_windows.insert(cacheKey, window);
    return window;
}

double GdalScene::estimatedLooks(int band) const
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_looks.contains(band))
            return m_looks.value(band);
    }
    // Up to 3 x 3 full-resolution patches spread over the scene: an overview
    // would mix ground far apart into one window.
    const int nx = std::clamp(m_size.width() / kLooksPatch, 1, 3);
    const int ny = std::clamp(m_size.height() / kLooksPatch, 1, 3);
    const int pw = std::min(kLooksPatch, m_size.width());
    const int ph = std::min(kLooksPatch, m_size.height());
    std::vector<float> all;
    int rows = 0;
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const QRect patch((m_size.width() - pw) * (2 * i + 1) / (2 * nx),
                              (m_size.height() - ph) * (2 * j + 1) / (2 * ny), pw, ph);
            Raster r;
            QString error;
            if (!readRaw(patch, patch.size(), {band}, std::nullopt, &r, &error))
                continue;
            // Stacked one under the other: windows never straddle two patches
            // by more than a row of windows, a small share of the total.
            all.insert(all.end(), r.samples.begin(), r.samples.end());
            rows += ph;
        }
    const double looks = rows > 0 ? estimateLooks(all.data(), pw, rows) : 0.0;
    QMutexLocker lock(&m_mutex);
    m_looks.insert(band, looks);
    return looks;
}

} // namespace moescope::sar
