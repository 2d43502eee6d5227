#include "gdalscene.h"
#include "overviewcache.h"
#include "sartr.h"

#include "gdalerrors.h"

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace moescope::sar {

namespace {

struct DatasetCloser
{
    void operator()(GDALDataset *ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr openDataset(const QString &name)
{
    return DatasetPtr(GDALDataset::Open(name.toUtf8().constData(),
                                        GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
}

SampleMeaning meaningOf(GDALRasterBand *band, const QString &name, bool calibrated)
{
    const GDALDataType type = band->GetRasterDataType();
    if (GDALDataTypeIsComplex(type))
        return SampleMeaning::Complex;
    const QString n = name.toLower();
    if (n.contains(QLatin1String("_db")) || n.endsWith(QLatin1String(" db")) ||
        n.contains(QLatin1String("decibel")))
        return SampleMeaning::Decibel;
    if (n.contains(QLatin1String("amplitude")))
        return SampleMeaning::Amplitude;
    if (calibrated || n.contains(QLatin1String("sigma0")) || n.contains(QLatin1String("beta0")) ||
        n.contains(QLatin1String("gamma0")) || n.contains(QLatin1String("intensity")))
        return SampleMeaning::Intensity;
    // Integer detected products (Sentinel-1 GRD, RADARSAT-2 SGF) carry
    // amplitude digital numbers; floats are what SNAP exports: σ⁰ intensity.
    return GDALDataTypeIsInteger(type) ? SampleMeaning::Amplitude : SampleMeaning::Intensity;
}

QString bandName(GDALRasterBand *band, int index)
{
    QString name = QString::fromUtf8(band->GetDescription());
    for (const char *key : {"POLARISATION", "POLARIMETRIC_INTERP", "POLARIZATION"}) {
        if (!name.isEmpty())
            break;
        if (const char *v = band->GetMetadataItem(key))
            name = QString::fromUtf8(v);
    }
    return name.isEmpty() ? Tr::tr("band %1").arg(index) : name;
}

// Metres per unit of `srs` along x and y near latitude `lat` (degrees for a
// geographic CRS: the local length of a degree).
bool metresPerUnit(const OGRSpatialReference &srs, double lat, double *mx, double *my)
{
    if (srs.IsProjected()) {
        *mx = *my = srs.GetLinearUnits();
        return *mx > 0;
    }
    if (srs.IsGeographic()) {
        constexpr double degree = 111319.49; // WGS 84 equator, metres per degree
        *mx = degree * std::cos(lat * M_PI / 180.0);
        *my = degree;
        return true;
    }
    return false;
}

} // namespace

struct GdalScene::Handle
{
    DatasetPtr dataset;
    bool overview = false; // the cached display overview's, not the product's
};

QSharedPointer<GdalScene> GdalScene::open(const QString &path, QString *error)
{
    initialiseGdal();
    CapturedGdalErrors errors;
    QSharedPointer<GdalScene> scene(new GdalScene);
    scene->m_path = path;
    // A zipped product (S1A_…SAFE.zip) is read in place through GDAL's
    // /vsizip/ file system.
    QString name = path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)
                       ? QStringLiteral("/vsizip/") + path
                       : path;
    DatasetPtr ds = openDataset(name);
    if (!ds) {
        *error = QStringLiteral("%1: %2").arg(
            path, errors.lastErrorOr(Tr::tr("GDAL recognises no raster format in it")));
        return {};
    }
    // Prefer calibrated σ⁰ where the driver offers it; a product that only
    // lists subdatasets (several swaths) opens its first one.
    char **subdatasets = ds->GetMetadata("SUBDATASETS");
    QString calibrated, first;
    for (int i = 0; subdatasets && subdatasets[i]; ++i) {
        const QString item = QString::fromUtf8(subdatasets[i]);
        if (!item.contains(QLatin1String("_NAME=")))
            continue;
        const QString value = item.section(QLatin1Char('='), 1);
        scene->m_subdatasets << value;
        if (first.isEmpty())
            first = value;
        // GDAL 3.6's SENTINEL1_CALIB:SIGMA0 is not σ⁰ (see calibration.h):
        // Sentinel-1 is calibrated below with the product's own tables.
        if (calibrated.isEmpty() && value.contains(QLatin1String("_CALIB:SIGMA0:")) &&
            !value.startsWith(QLatin1String("SENTINEL1_CALIB")))
            calibrated = value;
    }
    if (!calibrated.isEmpty() || ds->GetRasterCount() == 0) {
        const QString chosen = calibrated.isEmpty() ? first : calibrated;
        DatasetPtr sub = chosen.isEmpty() ? nullptr : openDataset(chosen);
        if (sub && sub->GetRasterCount() > 0) {
            ds = std::move(sub);
            name = chosen;
            if (!calibrated.isEmpty())
                scene->m_calibration = QStringLiteral("sigma0");
        }
    }
    if (ds->GetRasterCount() == 0) {
        *error = Tr::tr("%1: no raster bands (GDAL driver %2)")
                     .arg(path, QString::fromUtf8(ds->GetDriverName()));
        return {};
    }
    scene->m_datasetName = name;
    scene->m_driver = QString::fromUtf8(ds->GetDriverName());
    scene->m_size = QSize(ds->GetRasterXSize(), ds->GetRasterYSize());
    const bool isCalibrated = scene->m_calibration != QLatin1String("none");
    QStringList files;
    if (char **list = ds->GetFileList()) {
        for (int i = 0; list[i]; ++i)
            files << QString::fromUtf8(list[i]);
        CSLDestroy(list);
    }
    for (int b = 1; b <= ds->GetRasterCount(); ++b) {
        GDALRasterBand *band = ds->GetRasterBand(b);
        SarBand info;
        info.gdalIndex = b;
        info.name = bandName(band, b);
        info.dataType = QString::fromUtf8(GDALGetDataTypeName(band->GetRasterDataType()));
        info.meaning = meaningOf(band, info.name, isCalibrated);
        if (scene->m_driver == QLatin1String("SAFE")) {
            const QString tag = QLatin1Char('-') + info.name.toLower() + QLatin1Char('-');
            for (const QString &f : std::as_const(files)) {
                if (f.contains(QLatin1String("/calibration/calibration-")) && f.contains(tag)) {
                    QString why;
                    info.sigma0 =
                        CalibrationLut::readSentinel1(f, QStringLiteral("sigmaNought"), &why);
                    if (!info.sigma0) {
                        *error = why;
                        return {};
                    }
                }
            }
        }
        scene->m_bands.append(info);
    }
    if (!scene->m_bands.isEmpty() &&
        std::all_of(scene->m_bands.begin(), scene->m_bands.end(),
                    [](const SarBand &b) { return b.sigma0 != nullptr; }))
        scene->m_calibration = QStringLiteral("sigma0");

    // Georeferencing: a geotransform, else GCPs; lon/lat and pixel area from
    // an affine fit (exact for an affine product, the usual approximation for
    // GCP-only ones).
    GeoReference &geo = scene->m_geo;
    std::array<double, 6> fit{};
    const OGRSpatialReference *srs = nullptr;
    double gt[6];
    if (ds->GetGeoTransform(gt) == CE_None &&
        !(gt[0] == 0 && gt[1] == 1 && gt[2] == 0 && gt[3] == 0 && gt[4] == 0 && gt[5] == 1)) {
        geo.hasAffine = true;
        std::copy(gt, gt + 6, geo.affine.begin());
        fit = geo.affine;
        srs = ds->GetSpatialRef();
    } else if (ds->GetGCPCount() > 0) {
        const GDAL_GCP *gcps = ds->GetGCPs();
        for (int i = 0; i < ds->GetGCPCount(); ++i)
            geo.controlPoints.append({QString::fromUtf8(gcps[i].pszId), gcps[i].dfGCPPixel,
                                      gcps[i].dfGCPLine, gcps[i].dfGCPX, gcps[i].dfGCPY,
                                      gcps[i].dfGCPZ});
        if (GDALGCPsToGeoTransform(ds->GetGCPCount(), gcps, fit.data(), TRUE))
            srs = ds->GetGCPSpatialRef();
    }
    if (srs) {
        char *wkt = nullptr;
        srs->exportToWkt(&wkt);
        geo.crsWkt = QString::fromUtf8(wkt);
        CPLFree(wkt);
        // Lon/lat of three corners through OGR, then the affine through them.
        OGRSpatialReference wgs84;
        wgs84.SetWellKnownGeogCS("WGS84");
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReference source(*srs);
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> toLonLat(
            OGRCreateCoordinateTransformation(&source, &wgs84));
        const double W = scene->m_size.width(), H = scene->m_size.height();
        double px[3] = {0, W, 0}, py[3] = {0, 0, H}, x[3], y[3];
        for (int i = 0; i < 3; ++i) {
            x[i] = fit[0] + px[i] * fit[1] + py[i] * fit[2];
            y[i] = fit[3] + px[i] * fit[4] + py[i] * fit[5];
        }
        if (toLonLat && toLonLat->Transform(3, x, y)) {
            geo.hasLonLat = true;
            geo.lonLat = {x[0], (x[1] - x[0]) / W, (x[2] - x[0]) / H,
                          y[0], (y[1] - y[0]) / W, (y[2] - y[0]) / H};
        }
        const double centreLat = geo.hasLonLat ? geo.pixelToLonLat({W / 2, H / 2}).y() : 0.0;
        double mx = 0, my = 0;
        if (metresPerUnit(*srs, centreLat, &mx, &my)) {
            scene->m_pixelArea = std::abs(fit[1] * fit[5] - fit[2] * fit[4]) * mx * my;
            scene->m_pixelSpacing = {std::hypot(fit[1], fit[4]) * mx,
                                     std::hypot(fit[2], fit[5]) * my};
        }
    }
    // A large product without overviews: the window's coarse reads go
    // through a cached one (overviewcache.h). Not for complex samples:
    // averaging them would cancel the phases, not multi-look the intensity.
    scene->m_overviewWanted =
        std::max(scene->m_size.width(), scene->m_size.height()) >= overviewcache::kMinimumSide &&
        ds->GetRasterBand(1)->GetOverviewCount() == 0 &&
        std::none_of(scene->m_bands.begin(), scene->m_bands.end(),
                     [](const SarBand &b) { return b.meaning == SampleMeaning::Complex; });
    scene->m_pool.push_back(std::make_unique<Handle>(Handle{std::move(ds)}));
    return scene;
}

QString GdalScene::overviewName() const
{
    QMutexLocker lock(&m_overviewMutex);
    if (!m_overviewTried) {
        m_overviewTried = true;
        QString why;
        const QString path = overviewcache::ensure(m_datasetName, sha256(), &why);
        CapturedGdalErrors errors;
        DatasetPtr ds = path.isEmpty() ? nullptr : openDataset(path);
        // One that does not match (another product's, hash collision aside,
        // or a band count changed) is not used.
        if (ds && ds->GetRasterCount() == int(m_bands.size())) {
            m_overviewSize = QSize(ds->GetRasterXSize(), ds->GetRasterYSize());
            m_overviewName = path;
            QMutexLocker poolLock(&m_mutex);
            m_overviewPool.push_back(std::make_unique<Handle>(Handle{std::move(ds), true}));
        }
    }
    return m_overviewName;
}

GdalScene::~GdalScene() = default;

QStringList GdalScene::bandNames() const
{
    QStringList names;
    for (const SarBand &b : m_bands)
        names << b.name;
    return names;
}

int GdalScene::bandIndex(const QString &name) const
{
    for (int i = 0; i < m_bands.size(); ++i) {
        const QString n = m_bands[i].name;
        if (n.compare(name, Qt::CaseInsensitive) == 0 ||
            n.endsWith(QLatin1Char('_') + name, Qt::CaseInsensitive))
            return i;
    }
    return -1;
}

std::unique_ptr<GdalScene::Handle> GdalScene::borrow(bool overview, QString *error) const
{
    auto &pool = overview ? m_overviewPool : m_pool;
    {
        QMutexLocker lock(&m_mutex);
        if (!pool.empty()) {
            std::unique_ptr<Handle> h = std::move(pool.back());
            pool.pop_back();
            return h;
        }
    }
    CapturedGdalErrors errors;
    DatasetPtr ds = openDataset(overview ? m_overviewName : m_datasetName);
    if (!ds) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(m_path,
                                                  errors.lastErrorOr(Tr::tr("cannot be reopened")));
        return nullptr;
    }
    return std::make_unique<Handle>(Handle{std::move(ds), overview});
}

void GdalScene::giveBack(std::unique_ptr<Handle> handle) const
{
    QMutexLocker lock(&m_mutex);
    auto &pool = handle->overview ? m_overviewPool : m_pool;
    if (pool.size() < 4)
        pool.push_back(std::move(handle));
}

bool GdalScene::read(int frame, const QRect &region, const QSize &outSize, Raster *out,
                     QString *error) const
{
    if (frame != 0) {
        *error = Tr::tr("%1: a SAR product has one frame, not %2").arg(m_path).arg(frame + 1);
        return false;
    }
    std::vector<int> all(size_t(m_bands.size()));
    for (size_t b = 0; b < all.size(); ++b)
        all[b] = int(b);
    return readRaw(region, outSize, all, Quantity::Decibel, out, error);
}

bool GdalScene::readIntensity(const QRect &region, const QSize &outSize,
                              const std::vector<int> &bands, Raster *out, QString *error) const
{
    return readRaw(region, outSize, bands, std::nullopt, out, error);
}

bool GdalScene::readRaw(const QRect &region, const QSize &outSize, const std::vector<int> &bands,
                        std::optional<Quantity> as, Raster *out, QString *error) const
{
    if (region.isEmpty() || outSize.isEmpty()) {
        *error = Tr::tr("%1: an empty region").arg(m_path);
        return false;
    }
    const int B = int(bands.size());
    out->width = outSize.width();
    out->height = outSize.height();
    out->bands = B;
    out->samples.assign(size_t(out->width) * out->height * B, 0.0f);
    // The output pixels whose centre falls inside the scene (the rest stay
    // 0), read with GDAL's nearest resampling over the same floating-point
    // window, so that GDAL picks the same pixels readNearest would (and an
    // overview when the output is smaller than the window).
    const double sx = double(region.width()) / out->width;
    const double sy = double(region.height()) / out->height;
    auto inside = [](int origin, double step, int count, int extent, int *first, int *end) {
        *first = 0;
        while (*first < count && origin + std::floor((*first + 0.5) * step) < 0)
            ++*first;
        *end = count;
        while (*end > *first && origin + std::floor((*end - 0.5) * step) >= extent)
            --*end;
    };
    int ox0, ox1, oy0, oy1;
    inside(region.x(), sx, out->width, m_size.width(), &ox0, &ox1);
    inside(region.y(), sy, out->height, m_size.height(), &oy0, &oy1);
    if (ox0 >= ox1 || oy0 >= oy1)
        return true;
    const int bw = ox1 - ox0, bh = oy1 - oy0;
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = GRIORA_NearestNeighbour;
    extra.bFloatingPointWindowValidity = TRUE;
    // Coarse reads of a large product without overviews come from the
    // cached one, kFactor times smaller (its pixel coordinates are scene
    // pixels / f).
    const bool coarse =
        m_overviewWanted && sx >= overviewcache::kFactor && sy >= overviewcache::kFactor;
    const bool overview = coarse && !overviewName().isEmpty();
    const double f = overview ? overviewcache::kFactor : 1.0;
    const QSize extent = overview ? m_overviewSize : m_size;
    extra.dfXOff = (region.x() + ox0 * sx) / f;
    extra.dfYOff = (region.y() + oy0 * sy) / f;
    extra.dfXSize = std::min(bw * sx / f, extent.width() - extra.dfXOff);
    extra.dfYSize = std::min(bh * sy / f, extent.height() - extra.dfYOff);
    const int nx = int(std::floor(extra.dfXOff)), ny = int(std::floor(extra.dfYOff));
    const int nw = std::min(extent.width(), int(std::ceil(extra.dfXOff + extra.dfXSize))) - nx;
    const int nh = std::min(extent.height(), int(std::ceil(extra.dfYOff + extra.dfYSize))) - ny;

    std::unique_ptr<Handle> handle = borrow(overview, error);
    if (!handle)
        return false;
    CapturedGdalErrors errors;
    std::vector<float> buffer;
    bool ok = true;
    for (int b = 0; b < B && ok; ++b) {
        const SarBand &band = m_bands.value(bands[size_t(b)]);
        GDALRasterBand *raster = handle->dataset->GetRasterBand(band.gdalIndex);
        const bool complex = band.meaning == SampleMeaning::Complex;
        buffer.resize(size_t(bw) * bh * (complex ? 2 : 1));
        ok = raster->RasterIO(GF_Read, nx, ny, nw, nh, buffer.data(), bw, bh,
                              complex ? GDT_CFloat32 : GDT_Float32, 0, 0, &extra) == CE_None;
        // The scene pixel each buffer pixel came from, for the calibration
        // table (GDAL's nearest pick: the pixel under the sample's centre).
        std::vector<double> sourceX;
        if (band.sigma0) {
            sourceX.resize(size_t(bw));
            for (int x = 0; x < bw; ++x)
                sourceX[size_t(x)] = std::floor((extra.dfXOff + (x + 0.5) * sx / f) * f);
        }
        for (int y = 0; ok && y < bh; ++y) {
            float *row = out->samples.data() + (size_t(oy0 + y) * out->width + ox0) * B + b;
            const double sourceY = std::floor((extra.dfYOff + (y + 0.5) * sy / f) * f);
            for (int x = 0; x < bw; ++x) {
                const size_t i = size_t(y) * bw + x;
                float intensity;
                switch (band.meaning) {
                case SampleMeaning::Complex:
                    intensity =
                        buffer[2 * i] * buffer[2 * i] + buffer[2 * i + 1] * buffer[2 * i + 1];
                    break;
                case SampleMeaning::Amplitude:
                    intensity = buffer[i] * buffer[i];
                    break;
                case SampleMeaning::Decibel:
                    intensity = std::pow(10.0f, buffer[i] / 10.0f);
                    break;
                case SampleMeaning::Intensity:
                default:
                    intensity = buffer[i];
                }
                if (band.sigma0 && band.meaning != SampleMeaning::Intensity) {
                    const double a = band.sigma0->at(sourceX[size_t(x)], sourceY);
                    intensity = a > 0 ? float(intensity / (a * a)) : 0.0f;
                }
                row[size_t(x) * B] = as ? fromIntensity(intensity, *as) : intensity;
            }
        }
    }
    giveBack(std::move(handle));
    if (!ok)
        *error = QStringLiteral("%1: %2").arg(m_path,
                                              errors.lastErrorOr(Tr::tr("reading pixels failed")));
    return ok;
}

QByteArray GdalScene::sha256() const
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_sha256.isEmpty())
            return m_sha256;
    }
    // The product's files (GDAL lists them): whole up to 64 MiB, else their
    // size, the first MiB and 64 KiB at 64 places. Hashing a 2 GB product
    // whole would make opening it take seconds; these bytes change when any
    // block of the raster does, in practice (products are written once).
    QStringList files;
    if (std::unique_ptr<Handle> h = borrow(false, nullptr)) {
        char **list = h->dataset->GetFileList();
        for (int i = 0; list && list[i]; ++i)
            files << QString::fromUtf8(list[i]);
        CSLDestroy(list);
        giveBack(std::move(h));
    }
    files.sort();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(m_datasetName.section(QLatin1Char(':'), 0, 1).toUtf8());
    for (const QString &name : std::as_const(files)) {
        QFile f(name);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        hash.addData(QFileInfo(name).fileName().toUtf8());
        const qint64 size = f.size();
        if (size <= (64LL << 20)) {
            hash.addData(&f);
            continue;
        }
        hash.addData(QByteArray::number(size));
        hash.addData(f.read(1 << 20));
        for (int i = 0; i < 64; ++i) {
            f.seek(size / 64 * i);
            hash.addData(f.read(64 << 10));
        }
    }
    QMutexLocker lock(&m_mutex);
    m_sha256 = hash.result().toHex();
    return m_sha256;
}

GeoReference GdalScene::georeferenceFor(const QRect &region, double cell) const
{
    GeoReference g = m_geo;
    if (g.hasAffine) {
        const auto &a = m_geo.affine;
        const QPointF o = m_geo.pixelToGround(region.topLeft());
        g.affine = {o.x(), a[1] * cell, a[2] * cell, o.y(), a[4] * cell, a[5] * cell};
    }
    for (GeoReference::ControlPoint &p : g.controlPoints) {
        p.pixel = (p.pixel - region.x()) / cell;
        p.line = (p.line - region.y()) / cell;
    }
    return g;
}

QJsonObject GdalScene::properties() const
{
    QJsonArray bands;
    bool complex = false;
    for (int i = 0; i < m_bands.size(); ++i) {
        const SarBand &b = m_bands[i];
        QJsonObject band{
            {"name", b.name}, {"data_type", b.dataType}, {"samples", toString(b.meaning)}};
        if (const double looks = estimatedLooks(i); looks > 0)
            band.insert(QStringLiteral("estimated_looks"), std::round(looks * 100) / 100);
        bands.append(band);
        complex = complex || b.meaning == SampleMeaning::Complex;
    }
    QJsonObject o{{"driver", m_driver}, {"dataset", m_datasetName},     {"bands", bands},
                  {"complex", complex}, {"calibration", m_calibration}, {"crs", m_geo.crsWkt}};
    if (m_geo.hasAffine) {
        QJsonArray gt;
        for (double v : m_geo.affine)
            gt.append(v);
        o.insert(QStringLiteral("geotransform"), gt);
    }
    if (!m_geo.controlPoints.isEmpty()) {
        QJsonArray gcps;
        for (const GeoReference::ControlPoint &p : m_geo.controlPoints)
            gcps.append(QJsonObject{{"id", p.id},
                                    {"pixel", p.pixel},
                                    {"line", p.line},
                                    {"x", p.x},
                                    {"y", p.y},
                                    {"z", p.z}});
        o.insert(QStringLiteral("gcps"), gcps);
    }
    if (!m_pixelSpacing.isEmpty())
        o.insert(QStringLiteral("pixel_spacing_m"),
                 QJsonArray{m_pixelSpacing.value(0), m_pixelSpacing.value(1)});
    if (m_pixelArea > 0)
        o.insert(QStringLiteral("pixel_area_m2"), m_pixelArea);
    if (m_geo.hasLonLat) {
        const QPointF c = m_geo.pixelToLonLat(QPointF(m_size.width() / 2.0, m_size.height() / 2.0));
        o.insert(QStringLiteral("centre_lon_lat"), QJsonArray{c.x(), c.y()});
    }
    if (!m_subdatasets.isEmpty())
        o.insert(QStringLiteral("subdatasets"), QJsonArray::fromStringList(m_subdatasets));
    return o;
}

} // namespace moescope::sar
