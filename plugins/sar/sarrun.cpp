#include "sarrun.h"
#include "sartr.h"

#include "gdalscene.h"

#include "plugin/outputs.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace moescope::sar {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

bool parseRegion(const QVariant &v, QRect *out)
{
    if (v.canConvert<QRect>() && v.typeId() == QMetaType::QRect) {
        *out = v.toRect();
        return out->isValid();
    }
    const QStringList parts = v.toString().split(QLatin1Char(','));
    if (parts.size() != 4)
        return false;
    int n[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        n[i] = parts[i].trimmed().toInt(&ok);
        if (!ok)
            return false;
    }
    *out = QRect(n[0], n[1], n[2], n[3]);
    return n[2] > 0 && n[3] > 0;
}

// Mirrors the part of `r` (w x h x bands) outside [x0, x1) x [y0, y1), so
// that tiles at the scene's edge see a plausible continuation, not a black
// border that would pull every descriptor of the tile.
void reflectOutside(Raster *r, int x0, int x1, int y0, int y1)
{
    auto mirror = [](int v, int lo, int hi) {
        if (hi - lo <= 1)
            return lo;
        while (v < lo || v >= hi)
            v = v < lo ? 2 * lo - 1 - v : 2 * hi - 1 - v;
        return v;
    };
    const int B = r->bands;
    for (int y = 0; y < r->height; ++y) {
        const int sy = mirror(y, y0, y1);
        for (int x = 0; x < r->width; ++x) {
            if (y >= y0 && y < y1 && x >= x0 && x < x1)
                continue;
            const int sx = mirror(x, x0, x1);
            for (int b = 0; b < B; ++b)
                r->samples[(size_t(y) * r->width + x) * B + b] =
                    r->samples[(size_t(sy) * r->width + sx) * B + b];
        }
    }
}

} // namespace

SarRun::SarRun(const model::ModelContract &contract, QSharedPointer<const SceneSource> source)
    : m_contract(contract), m_source(std::move(source))
{
    m_scene = dynamic_cast<const GdalScene *>(m_source.data());
}

SarRun::~SarRun() = default; // unfinished rasters delete themselves

std::unique_ptr<SarRun> SarRun::create(const model::ModelContract &contract,
                                       QSharedPointer<const SceneSource> source,
                                       const PrepareOptions &options, QString *error)
{
    std::unique_ptr<SarRun> run(new SarRun(contract, std::move(source)));
    if (!run->configure(options, error))
        return nullptr;
    return run;
}

bool SarRun::configure(const PrepareOptions &options, QString *error)
{
    const QString path = m_source->path();
    for (const model::InputSpec &spec : m_contract.inputs) {
        if (spec.kind == model::InputKind::Image) {
            m_input = &spec;
            break;
        }
    }
    if (!m_input || m_input->width != m_input->height) {
        *error = Tr::tr("the SAR plugin needs a model with a square image input");
        return false;
    }
    m_representation = m_input->sar;
    if (m_representation.quantity.empty()) {
        // A model that declares nothing gets what the first SAR models saw:
        // amplitude in [0, 1].
        m_representation.quantity = "amplitude";
        m_representation.low = 0;
        m_representation.high = 1;
        m_warnings << Tr::tr("model %1 declares no SAR input representation (\"sar\"); it gets "
                             "amplitude in [0, 1]")
                          .arg(qs(m_contract.name));
    }
    for (const model::OutputSpec &out : m_contract.outputs) {
        if (out.kind == model::OutputKind::Segmentation && m_maskOutput.empty()) {
            m_maskOutput = out.name;
            for (const std::string &l : out.labels)
                m_labels << qs(l);
        } else if (out.kindText == "physics" && m_physicsOutput.empty()) {
            m_physicsOutput = out.name;
            for (const std::string &l : out.labels)
                m_physicsNames << qs(l);
        }
    }
    if (m_maskOutput.empty()) {
        *error = Tr::tr("model %1 has no segmentation output for the SAR plugin to map")
                     .arg(qs(m_contract.name));
        return false;
    }
    for (const model::MoeLayerSpec &layer : m_contract.moeLayers) {
        for (const routing::TokenGrid &g : layer.tokens) {
            if (g.input == m_input->name && m_grid == 0) {
                m_grid = g.cols;
                m_gridOffset = g.offset;
            }
        }
    }

    // Bands: those named, else the model's declared polarisations where the
    // product has them, else the first ones.
    const int channels = m_input->channels;
    QStringList wanted = options.extra.value(QLatin1String(option::kBands)).toStringList();
    if (wanted.isEmpty() && m_scene) {
        for (const std::string &b : m_representation.bands)
            if (m_scene->bandIndex(qs(b)) >= 0)
                wanted << qs(b);
        if (wanted.size() != channels)
            wanted.clear();
    }
    const QStringList available = m_source->bandNames();
    for (const QString &name : std::as_const(wanted)) {
        const int index = m_scene ? m_scene->bandIndex(name) : int(available.indexOf(name));
        if (index < 0) {
            *error = Tr::tr("%1: no band named \"%2\" (it has: %3)")
                         .arg(path, name,
                              available.isEmpty() ? Tr::tr("unnamed bands") : available.join(", "));
            return false;
        }
        m_bands.push_back(index);
    }
    for (int b = 0; int(m_bands.size()) < channels && b < m_source->bands(); ++b)
        if (std::find(m_bands.begin(), m_bands.end(), b) == m_bands.end() && wanted.isEmpty())
            m_bands.push_back(b);
    if (int(m_bands.size()) != channels) {
        *error = Tr::tr("%1: model %2 takes %3 band(s); %4 given or available")
                     .arg(path, qs(m_contract.name))
                     .arg(channels)
                     .arg(m_bands.size());
        return false;
    }
    for (int b : m_bands)
        m_bandNames << available.value(b, Tr::tr("band %1").arg(b + 1));

    // Not what a SAR model should see: say so, and go on.
    if (!m_scene)
        m_warnings << Tr::tr("%1 is not a SAR product read through GDAL; its samples are taken as "
                             "uncalibrated amplitude")
                          .arg(path);
    else if (m_scene->bands() >= 3 && m_scene->sarBands().first().dataType == QLatin1String("Byte"))
        m_warnings << Tr::tr("%1 looks like an optical image (%2 8-bit bands), not SAR backscatter")
                          .arg(path)
                          .arg(m_scene->bands());
    if (m_scene && !m_scene->geoReference().isValid())
        m_warnings << Tr::tr("%1 has no georeferencing: areas are in pixels").arg(path);

    const QString filter =
        options.extra.value(QLatin1String(option::kFilter), qs(m_representation.filter)).toString();
    if (!parseSpeckleFilter(filter.toStdString(), &m_filter.filter)) {
        *error =
            Tr::tr("unknown speckle filter \"%1\" (none, lee, refined-lee or frost)").arg(filter);
        return false;
    }
    m_filter.radius = 2;
    m_filter.looks = std::max(1.0f, m_representation.looksMin);
    // The product's own speckle, against what the model was trained on: the
    // filter uses it, and a product far outside says so.
    if (m_scene) {
        const double looks = m_scene->estimatedLooks(m_bands.front());
        if (looks > 0)
            m_filter.looks = std::max(1.0, looks);
        const auto [lo, hi] = std::pair(m_representation.looksMin, m_representation.looksMax);
        if (looks > 0 && hi >= lo && lo > 0 && (looks < 0.7 * lo || looks > 1.5 * hi))
            m_warnings << Tr::tr("%1: about %2 looks (estimated), outside the %3 to %4 model %5 "
                                 "was trained on%6")
                              .arg(path)
                              .arg(looks, 0, 'f', 1)
                              .arg(double(lo), 0, 'g', 3)
                              .arg(double(hi), 0, 'g', 3)
                              .arg(qs(m_contract.name))
                              .arg(looks < lo && m_filter.filter == SpeckleFilter::None
                                       ? Tr::tr("; a speckle filter (--filter) may help")
                                       : QString());
    }

    // Tiling: native spacing by default; any tile size a multiple of the
    // token grid and of the mask.
    const int T = m_input->width;
    const int tile = options.extra.value(QLatin1String(option::kTile), T).toInt();
    if (tile < 16 || (m_grid > 0 && tile % m_grid != 0)) {
        *error =
            Tr::tr("--tile %1: a tile must be at least 16 pixels and a multiple of the model's "
                   "token grid (%2)")
                .arg(tile)
                .arg(m_grid);
        return false;
    }
    m_tokenCell = m_grid > 0 ? double(tile) / m_grid : tile;
    QRect region(QPoint(0, 0), m_source->size());
    const QVariant regionValue = options.extra.value(QLatin1String(option::kRegion));
    if (regionValue.isValid()) {
        QRect asked;
        if (!parseRegion(regionValue, &asked)) {
            *error = Tr::tr("--region takes X,Y,W,H with W, H > 0, not \"%1\"")
                         .arg(regionValue.toString());
            return false;
        }
        // Whole tokens: a region's width and height are rounded up to the
        // model's token cell (within the scene), so that its routing cells,
        // labels and rasters all cover exactly the same scene pixels.
        const int cell = int(m_tokenCell);
        asked.setWidth((asked.width() + cell - 1) / cell * cell);
        asked.setHeight((asked.height() + cell - 1) / cell * cell);
        region = asked.intersected(region);
        if (region.isEmpty()) {
            *error = Tr::tr("%1: region %2,%3 %4x%5 lies outside the %6 x %7 scene")
                         .arg(path)
                         .arg(asked.x())
                         .arg(asked.y())
                         .arg(asked.width())
                         .arg(asked.height())
                         .arg(m_source->size().width())
                         .arg(m_source->size().height());
            return false;
        }
    }
    const int overlap = options.extra.value(QLatin1String(option::kOverlap), tile / 4).toInt();
    m_plan = TilingPlan::make(region, tile, std::max(0, overlap), int(m_tokenCell));

    m_classPixels.assign(size_t(m_labels.size()), 0.0);
    m_expertHits.resize(m_contract.moeLayers.size());
    for (size_t l = 0; l < m_expertHits.size(); ++l)
        m_expertHits[l].assign(size_t(m_labels.size()) * m_contract.moeLayers[l].experts, 0.0);
    m_physicsSum.assign(size_t(m_physicsNames.size()), 0.0);

    m_outputDir = options.extra.value(QLatin1String(option::kOutputDir)).toString();
    const QString layout =
        options.extra.value(QLatin1String(option::kRasterLayout), QStringLiteral("geotiff"))
            .toString();
    if (layout != QLatin1String("geotiff") && layout != QLatin1String("cog")) {
        *error = Tr::tr("unknown raster layout \"%1\" (geotiff or cog)").arg(layout);
        return false;
    }
    m_cloudOptimised = layout == QLatin1String("cog");
    if (!m_outputDir.isEmpty() && !QDir().mkpath(m_outputDir)) {
        *error = Tr::tr("%1: the output folder cannot be created").arg(m_outputDir);
        return false;
    }
    return true;
}

bool SarRun::readTile(const QRect &footprint, std::vector<float> *input, QString *error) const
{
    const int T = m_input->width, C = m_input->channels;
    const double scale = double(T) / footprint.width(); // model pixels per scene pixel
    const int margin = speckleMargin(m_filter);
    const int sceneMargin = int(std::ceil(margin / scale));
    const int outMargin = int(std::lround(sceneMargin * scale));
    const QRect scene(QPoint(0, 0), m_source->size());
    const QRect wide = footprint.adjusted(-sceneMargin, -sceneMargin, sceneMargin, sceneMargin);
    const QRect inside = wide.intersected(scene);
    const QSize outSize(T + 2 * outMargin, T + 2 * outMargin);
    // Where `inside` lands in the output (model pixels).
    const int ix0 = int(std::lround((inside.x() - wide.x()) * scale));
    const int iy0 = int(std::lround((inside.y() - wide.y()) * scale));
    const int ix1 = std::min(outSize.width(), ix0 + int(std::lround(inside.width() * scale)));
    const int iy1 = std::min(outSize.height(), iy0 + int(std::lround(inside.height() * scale)));

    Raster part;
    const QSize partSize(ix1 - ix0, iy1 - iy0);
    if (partSize.isEmpty()) {
        *error = Tr::tr("tile %1,%2 lies outside the scene").arg(footprint.x()).arg(footprint.y());
        return false;
    }
    if (m_scene) {
        if (!m_scene->readIntensity(inside, partSize, m_bands, &part, error))
            return false;
    } else {
        Raster all;
        if (!m_source->read(0, inside, partSize, &all, error))
            return false;
        part.width = all.width;
        part.height = all.height;
        part.bands = C;
        part.samples.resize(size_t(all.width) * all.height * C);
        for (size_t i = 0; i < size_t(all.width) * all.height; ++i)
            for (int c = 0; c < C; ++c) {
                const float a =
                    all.samples[i * all.bands + std::min(m_bands[size_t(c)], all.bands - 1)];
                part.samples[i * C + c] = a * a;
            }
    }
    // Speckle filter on the part inside the scene: at the scene's edge it
    // replicates the edge pixel, exactly as filtering the whole scene does.
    if (m_filter.filter != SpeckleFilter::None) {
        std::vector<float> plane(size_t(part.width) * part.height), filtered(plane.size());
        for (int c = 0; c < C; ++c) {
            for (size_t i = 0; i < plane.size(); ++i)
                plane[i] = part.samples[i * C + c];
            despeckle(plane.data(), part.width, part.height, m_filter, filtered.data());
            for (size_t i = 0; i < plane.size(); ++i)
                part.samples[i * C + c] = filtered[i];
        }
    }
    Raster full;
    full.width = outSize.width();
    full.height = outSize.height();
    full.bands = C;
    full.samples.assign(size_t(full.width) * full.height * C, 0.0f);
    for (int y = 0; y < part.height; ++y)
        std::copy_n(part.samples.data() + size_t(y) * part.width * C, size_t(part.width) * C,
                    full.samples.data() + (size_t(iy0 + y) * full.width + ix0) * C);
    reflectOutside(&full, ix0, ix1, iy0, iy1);

    // Intensity → the model's quantity and range → its normalisation.
    Quantity quantity = Quantity::Decibel;
    parseQuantity(qs(m_representation.quantity), &quantity);
    const float lo = m_representation.low, span = m_representation.high - m_representation.low;
    input->resize(size_t(C) * T * T);
    for (int c = 0; c < C; ++c) {
        const float mean = m_input->mean[size_t(c)], sd = m_input->std[size_t(c)];
        float *plane = input->data() + size_t(c) * T * T;
        for (int y = 0; y < T; ++y)
            for (int x = 0; x < T; ++x) {
                const float I =
                    full.samples[(size_t(y + outMargin) * full.width + x + outMargin) * C + c];
                const float v = std::clamp((fromIntensity(I, quantity) - lo) / span, 0.0f, 1.0f);
                plane[size_t(y) * T + x] = (v - mean) / sd;
            }
    }
    return true;
}

bool SarRun::prepare(int step, model::InputBatch *batch, StepOrigins *origins, QString *error)
{
    if (!m_failure.isEmpty()) {
        *error = m_failure;
        return false;
    }
    const QRect footprint = m_plan.footprint(step);
    std::vector<float> input;
    if (!readTile(footprint, &input, error))
        return false;
    batch->batch = 1;
    batch->images[m_input->name] = std::move(input);
    (*origins)[m_input->name] = StepOrigin{0, footprint, QSize(m_input->width, m_input->height)};
    return true;
}

void SarRun::fail(const QString &why)
{
    if (m_failure.isEmpty())
        m_failure = why;
}

} // namespace moescope::sar
