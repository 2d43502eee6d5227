// SarRun's second half: each tile's outputs laid into the scene rasters
// (tile centres only, see tiling.h) and counted into the run's summaries.
#include "gdalscene.h"
#include "sarrun.h"
#include "sartr.h"

#include "plugin/outputs.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace moescope::sar {

namespace {

// The span of a tile's output grid (cells of `cell` scene pixels, `cells` a
// side) that lies in `owned`, in tile-local cells, and where it starts in
// the region's grid.
struct CellSpan
{
    int local0 = 0, local1 = 0, global0 = 0;
    int size() const { return std::max(0, local1 - local0); }
};

CellSpan span(int ownedFrom, int ownedTo, int tileFrom, int regionFrom, double cell, int cells,
              int rasterCells)
{
    CellSpan s;
    s.local0 = int(std::lround((ownedFrom - tileFrom) / cell));
    s.local1 = std::min(cells, int(std::ceil((ownedTo - tileFrom) / cell - 1e-9)));
    s.global0 = int(std::lround((ownedFrom - regionFrom) / cell));
    s.local1 = std::min(s.local1, s.local0 + rasterCells - s.global0);
    return s;
}

} // namespace

bool SarRun::openRasters(const QString &dir, QString *error)
{
    const QRect &R = m_plan.region;
    const int maskW = int(std::ceil(R.width() / m_maskCell - 1e-9));
    const int maskH = int(std::ceil(R.height() / m_maskCell - 1e-9));
    const int tokW = int(std::ceil(R.width() / m_tokenCell - 1e-9));
    const int tokH = int(std::ceil(R.height() / m_tokenCell - 1e-9));
    const GeoReference maskGeo = m_scene ? m_scene->georeferenceFor(R, m_maskCell) : GeoReference();
    const GeoReference tokenGeo =
        m_scene ? m_scene->georeferenceFor(R, m_tokenCell) : GeoReference();
    using T = OutputRaster::Type;
    m_labelRaster = OutputRaster::create(dir, QStringLiteral("labels"), maskW, maskH, T::Byte,
                                         {QStringLiteral("label")}, maskGeo, error);
    if (!m_labelRaster)
        return false;
    QList<QColor> colours;
    for (int k = 0; k < m_labels.size(); ++k)
        colours << labelColor(k);
    m_labelRaster->setCategories(m_labels, colours);
    m_probRaster = OutputRaster::create(dir, QStringLiteral("class_probs"), maskW, maskH,
                                        T::Float32, m_labels, maskGeo, error);
    if (!m_probRaster)
        return false;
    QStringList layerNames;
    for (const model::MoeLayerSpec &layer : m_contract.moeLayers) {
        QStringList experts;
        for (int e = 0; e < layer.experts; ++e)
            experts << (size_t(e) < layer.expertNames.size()
                            ? QString::fromStdString(layer.expertNames[size_t(e)])
                            : Tr::tr("expert %1").arg(e));
        layerNames << QString::fromStdString(layer.name);
        auto raster = OutputRaster::create(
            dir, QStringLiteral("experts-%1").arg(QString::fromStdString(layer.name)), tokW, tokH,
            T::Float32, experts, tokenGeo, error);
        if (!raster)
            return false;
        m_layerRasters.push_back(std::move(raster));
    }
    m_top1Raster = OutputRaster::create(dir, QStringLiteral("top1"), tokW, tokH, T::Byte,
                                        layerNames, tokenGeo, error);
    if (!m_top1Raster)
        return false;
    if (!m_physicsNames.isEmpty()) {
        m_physicsRaster = OutputRaster::create(dir, QStringLiteral("physics"), tokW, tokH,
                                               T::Float32, m_physicsNames, tokenGeo, error);
        if (!m_physicsRaster)
            return false;
    }
    return true;
}

QJsonObject SarRun::consume(int step, const model::ForwardResult &result, int b)
{
    const QRect fp = m_plan.footprint(step), owned = m_plan.owned(step), &R = m_plan.region;
    const model::HostTensor &mask = result.outputs.at(m_maskOutput);
    const int K = int(mask.dim(1)), mh = int(mask.dim(2)), mw = int(mask.dim(3));
    if (m_maskSize == 0) {
        m_maskSize = mw;
        m_maskCell = double(m_plan.tile) / mw;
        QString why;
        if (!m_outputDir.isEmpty() && !openRasters(m_outputDir, &why))
            fail(why);
        // Over whole token cells, as the host's routing mosaic: the window
        // draws both over the same rectangle.
        const double w = std::ceil(R.width() / m_tokenCell - 1e-9) * m_tokenCell / m_maskCell;
        const double h = std::ceil(R.height() / m_tokenCell - 1e-9) * m_tokenCell / m_maskCell;
        m_quickScale = std::min(1.0, 1024.0 / std::max(w, h));
        m_quickLook =
            QImage(std::max(1, int(std::ceil(w * m_quickScale))),
                   std::max(1, int(std::ceil(h * m_quickScale))), QImage::Format_Indexed8);
        QVector<QRgb> colours;
        for (int k = 0; k < 256; ++k)
            colours << (k < m_labels.size() ? labelColor(k).rgb() : qRgba(0, 0, 0, 0));
        m_quickLook.setColorTable(colours);
        m_quickLook.fill(255); // not run (yet): clear
        m_physicsLook.assign(size_t(m_physicsNames.size()),
                             std::vector<float>(size_t(m_quickLook.width()) * m_quickLook.height(),
                                                std::numeric_limits<float>::quiet_NaN()));
    }
    QString why;
    const bool writing = m_labelRaster && m_failure.isEmpty();

    // Labels and class probabilities on the mask grid.
    const int maskW = int(std::ceil(R.width() / m_maskCell - 1e-9));
    const int maskH = int(std::ceil(R.height() / m_maskCell - 1e-9));
    const CellSpan mx =
        span(owned.x(), owned.x() + owned.width(), fp.x(), R.x(), m_maskCell, mw, maskW);
    const CellSpan my =
        span(owned.y(), owned.y() + owned.height(), fp.y(), R.y(), m_maskCell, mh, maskH);
    const float *logits = mask.values.data() + size_t(b) * K * mh * mw;
    const size_t plane = size_t(mh) * mw;
    std::vector<float> labels(size_t(mx.size()) * my.size()), probs(labels.size() * K);
    std::vector<double> e(static_cast<size_t>(K));
    for (int y = 0; y < my.size(); ++y)
        for (int x = 0; x < mx.size(); ++x) {
            const size_t src = size_t(my.local0 + y) * mw + mx.local0 + x;
            const size_t dst = size_t(y) * mx.size() + x;
            double top = -1e30, sum = 0;
            int best = 0;
            for (int k = 0; k < K; ++k)
                if (logits[k * plane + src] > top) {
                    top = logits[k * plane + src];
                    best = k;
                }
            for (int k = 0; k < K; ++k)
                sum += e[size_t(k)] = std::exp(double(logits[k * plane + src]) - top);
            for (int k = 0; k < K; ++k)
                probs[dst * K + k] = float(e[size_t(k)] / sum);
            labels[dst] = float(best);
            m_classPixels[size_t(best)] += 1;
            const int qx = int((mx.global0 + x) * m_quickScale);
            const int qy = int((my.global0 + y) * m_quickScale);
            if (qx < m_quickLook.width() && qy < m_quickLook.height())
                m_quickLook.scanLine(qy)[qx] = uchar(best);
        }
    if (writing &&
        (!m_labelRaster->write(mx.global0, my.global0, mx.size(), my.size(), labels.data(), &why) ||
         !m_probRaster->write(mx.global0, my.global0, mx.size(), my.size(), probs.data(), &why)))
        fail(why);

    // Routing on the token grid: each layer's expert probabilities, the
    // top-1 experts, and which expert took each class.
    const int tokW = int(std::ceil(R.width() / m_tokenCell - 1e-9));
    const int tokH = int(std::ceil(R.height() / m_tokenCell - 1e-9));
    const CellSpan tx =
        span(owned.x(), owned.x() + owned.width(), fp.x(), R.x(), m_tokenCell, m_grid, tokW);
    const CellSpan ty =
        span(owned.y(), owned.y() + owned.height(), fp.y(), R.y(), m_tokenCell, m_grid, tokH);
    const int L = int(m_contract.moeLayers.size());
    const size_t cells = size_t(tx.size()) * ty.size();
    std::vector<float> top1(cells * L);
    // A token's class: the most frequent label among its mask pixels.
    const double perToken = m_tokenCell / m_maskCell;
    std::vector<int> tokenClass(cells, 0), votes(static_cast<size_t>(K));
    for (int y = 0; y < ty.size(); ++y)
        for (int x = 0; x < tx.size(); ++x) {
            std::fill(votes.begin(), votes.end(), 0);
            const int x0 = int((tx.local0 + x) * perToken) - mx.local0;
            const int y0 = int((ty.local0 + y) * perToken) - my.local0;
            for (int yy = std::max(0, y0); yy < std::min(my.size(), int(y0 + perToken)); ++yy)
                for (int xx = std::max(0, x0); xx < std::min(mx.size(), int(x0 + perToken)); ++xx)
                    ++votes[size_t(labels[size_t(yy) * mx.size() + xx])];
            tokenClass[size_t(y) * tx.size() + x] =
                int(std::max_element(votes.begin(), votes.end()) - votes.begin());
        }
    for (int l = 0; l < L && size_t(l) < result.router.size(); ++l) {
        const model::HostTensor &router = result.router[size_t(l)];
        const int tokens = int(router.dim(1)), E = int(router.dim(2));
        const float *p = router.values.data() + size_t(b) * tokens * E;
        std::vector<float> block(cells * E);
        for (int y = 0; y < ty.size(); ++y)
            for (int x = 0; x < tx.size(); ++x) {
                const int token = m_gridOffset + (ty.local0 + y) * m_grid + tx.local0 + x;
                const size_t cell = size_t(y) * tx.size() + x;
                if (token >= tokens)
                    continue;
                const float *row = p + size_t(token) * E;
                std::copy_n(row, E, block.data() + cell * E);
                const int best = int(std::max_element(row, row + E) - row);
                top1[cell * L + l] = float(best);
                const size_t hit = size_t(tokenClass[cell]) * E + best;
                if (hit < m_expertHits[size_t(l)].size())
                    m_expertHits[size_t(l)][hit] += 1;
            }
        if (writing && size_t(l) < m_layerRasters.size() &&
            !m_layerRasters[size_t(l)]->write(tx.global0, ty.global0, tx.size(), ty.size(),
                                              block.data(), &why))
            fail(why);
    }
    if (writing &&
        !m_top1Raster->write(tx.global0, ty.global0, tx.size(), ty.size(), top1.data(), &why))
        fail(why);

    QJsonObject out{{"tile", QJsonArray{fp.x(), fp.y(), fp.width(), fp.height()}}};
    auto physics = result.outputs.find(m_physicsOutput);
    if (physics != result.outputs.end()) {
        const int P = int(physics->second.dim(1));
        const float *v = physics->second.values.data() + size_t(b) * P;
        QJsonObject values;
        std::vector<float> block(cells * P);
        // The quick-look cells of this tile's owned part.
        const int qx0 = int(mx.global0 * m_quickScale), qy0 = int(my.global0 * m_quickScale);
        const int qx1 =
            std::min(m_quickLook.width(), int(std::ceil((mx.global0 + mx.size()) * m_quickScale)));
        const int qy1 =
            std::min(m_quickLook.height(), int(std::ceil((my.global0 + my.size()) * m_quickScale)));
        for (int i = 0; i < P && i < m_physicsNames.size(); ++i) {
            values.insert(m_physicsNames[i], double(v[i]));
            std::vector<float> &look = m_physicsLook[size_t(i)];
            for (int qy = qy0; qy < qy1; ++qy)
                std::fill(look.begin() + qy * m_quickLook.width() + qx0,
                          look.begin() + qy * m_quickLook.width() + std::max(qx0, qx1), v[i]);
            m_physicsSum[size_t(i)] += v[i];
            for (size_t c = 0; c < cells; ++c)
                block[c * P + i] = v[i];
        }
        out.insert(QStringLiteral("physics"), values);
        if (writing && m_physicsRaster &&
            !m_physicsRaster->write(tx.global0, ty.global0, tx.size(), ty.size(), block.data(),
                                    &why))
            fail(why);
    }
    ++m_consumed;
    return out;
}

QJsonObject SarRun::snapshot() const
{
    QJsonObject s = summary(false);
    s.insert(QStringLiteral("running"), true);
    return s;
}

QJsonObject SarRun::summary(bool cancelled) const
{
    const QRect &R = m_plan.region;
    QJsonObject summary{
        {"tiles", m_consumed},
        {"tiles_planned", m_plan.count()},
        {"grid", QJsonArray{m_plan.cols, m_plan.rows}},
        {"tile", m_plan.tile},
        {"overlap", m_plan.overlap},
        {"region", QJsonArray{R.x(), R.y(), R.width(), R.height()}},
        {"partial", cancelled},
        {"bands", QJsonArray::fromStringList(m_bandNames)},
        {"filter", QString::fromStdString(toString(m_filter.filter))},
        {"input", QJsonObject{{"quantity", QString::fromStdString(m_representation.quantity)},
                              {"range", QJsonArray{m_representation.low, m_representation.high}}}},
    };
    if (m_scene)
        summary.insert(QStringLiteral("calibration"), m_scene->calibration());
    // Where the parts of the region the tiles own meet, for the window's
    // tile grid: the owned edges inside the region, in scene pixels.
    QJsonArray edgesX, edgesY;
    for (int c = 1; c < m_plan.cols; ++c)
        edgesX.append(m_plan.owned(c).x());
    for (int r = 1; r < m_plan.rows; ++r)
        edgesY.append(m_plan.owned(r * m_plan.cols).y());
    summary.insert(QStringLiteral("tile_grid"),
                   QJsonObject{{"area", QJsonArray{R.x(), R.y(), R.width(), R.height()}},
                               {"x", edgesX},
                               {"y", edgesY}});

    // Area per class: mask pixels are m_maskCell² scene pixels each.
    const double pixelArea = m_scene ? m_scene->pixelAreaSquareMetres() : 0.0;
    double total = 0;
    for (double n : m_classPixels)
        total += n;
    QJsonArray classes;
    for (int k = 0; k < m_labels.size(); ++k) {
        const double scenePixels = m_classPixels[size_t(k)] * m_maskCell * m_maskCell;
        QJsonObject c{{"label", m_labels[k]},
                      {"scene_pixels", scenePixels},
                      {"share", total > 0 ? m_classPixels[size_t(k)] / total : 0.0}};
        if (pixelArea > 0)
            c.insert(QStringLiteral("area_km2"), scenePixels * pixelArea / 1e6);
        classes.append(c);
    }
    summary.insert(QStringLiteral("classes"), classes);
    // The stitched label map as the host's segmentation overlay reads it
    // (palette index = label; 255 where no tile ran), over the run's region.
    if (!m_quickLook.isNull()) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        m_quickLook.save(&buffer, "PNG", 0);
        QJsonArray areas;
        for (const QJsonValue &c : std::as_const(classes))
            areas.append(c);
        summary.insert(QStringLiteral("segmentation"),
                       QJsonObject{{"kind", QStringLiteral("segmentation")},
                                   {"labels", QJsonArray::fromStringList(m_labels)},
                                   {"areas", areas},
                                   {"label_map_png", QString::fromLatin1(png.toBase64())}});
    }
    if (pixelArea > 0)
        summary.insert(QStringLiteral("pixel_area_m2"), pixelArea);

    // Expert share per class per layer: of a class's tokens, the share each
    // expert took as its top-1.
    QJsonArray layers;
    for (size_t l = 0; l < m_expertHits.size(); ++l) {
        const int E = m_contract.moeLayers[l].experts;
        QJsonObject perClass;
        for (int k = 0; k < m_labels.size(); ++k) {
            double n = 0;
            for (int e = 0; e < E; ++e)
                n += m_expertHits[l][size_t(k) * E + e];
            QJsonArray shares;
            for (int e = 0; e < E; ++e)
                shares.append(n > 0 ? m_expertHits[l][size_t(k) * E + e] / n : 0.0);
            perClass.insert(m_labels[k], QJsonObject{{"tokens", n}, {"experts", shares}});
        }
        layers.append(QJsonObject{{"layer", QString::fromStdString(m_contract.moeLayers[l].name)},
                                  {"classes", perClass}});
    }
    summary.insert(QStringLiteral("expert_share"), layers);
    QJsonObject physics;
    for (int i = 0; i < m_physicsNames.size(); ++i)
        physics.insert(m_physicsNames[i], m_consumed ? m_physicsSum[size_t(i)] / m_consumed : 0.0);
    summary.insert(QStringLiteral("physics_mean"), physics);
    // The descriptor maps for the window, on the labels' quick-look grid:
    // 8-bit PNGs, 0 where no tile ran, 1..255 over each one's min..max.
    if (!m_physicsLook.empty()) {
        QJsonArray names, lows, highs, pngs;
        for (size_t i = 0; i < m_physicsLook.size(); ++i) {
            const std::vector<float> &look = m_physicsLook[i];
            float lo = std::numeric_limits<float>::max(), hi = -lo;
            for (float v : look)
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            if (lo > hi)
                lo = hi = 0;
            QImage image(m_quickLook.size(), QImage::Format_Grayscale8);
            for (int y = 0; y < image.height(); ++y) {
                uchar *row = image.scanLine(y);
                for (int x = 0; x < image.width(); ++x) {
                    const float v = look[size_t(y) * image.width() + x];
                    row[x] = !std::isfinite(v) ? 0
                             : hi > lo ? uchar(1 + std::lround(254.0 * (v - lo) / (hi - lo)))
                                       : 128;
                }
            }
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG", 0);
            names.append(m_physicsNames.value(int(i)));
            lows.append(double(lo));
            highs.append(double(hi));
            pngs.append(QString::fromLatin1(png.toBase64()));
        }
        summary.insert(QStringLiteral("descriptor_maps"),
                       QJsonObject{{"names", names}, {"min", lows}, {"max", highs}, {"png", pngs}});
    }
    return summary;
}

QJsonObject SarRun::finish(bool cancelled)
{
    QJsonObject summary = this->summary(cancelled);
    // Rasters: renamed complete (or .partial when cancelled), then a
    // quick-look of the labels.
    QJsonArray rasters;
    auto close = [&](std::unique_ptr<OutputRaster> &r, double cell) {
        if (!r || !m_failure.isEmpty())
            return;
        QString why;
        const QString path = r->finish(cancelled, m_cloudOptimised, &why);
        if (path.isEmpty())
            return fail(why);
        rasters.append(QJsonObject{{"name", r->name()},
                                   {"path", path},
                                   {"size", QJsonArray{r->width(), r->height()}},
                                   {"bands", r->bands()},
                                   {"cell", cell}});
        r.reset();
    };
    close(m_labelRaster, m_maskCell);
    close(m_probRaster, m_maskCell);
    for (auto &r : m_layerRasters)
        close(r, m_tokenCell);
    close(m_top1Raster, m_tokenCell);
    close(m_physicsRaster, m_tokenCell);
    if (!m_failure.isEmpty()) {
        // One raster failed: none of the run's rasters is left behind.
        for (const QJsonValue &r : std::as_const(rasters))
            QFile::remove(r.toObject().value(QStringLiteral("path")).toString());
        rasters = QJsonArray();
    }
    if (!m_outputDir.isEmpty() && !m_quickLook.isNull() && m_failure.isEmpty()) {
        const QString png = QDir(m_outputDir).filePath(QStringLiteral("labels.png"));
        if (m_quickLook.convertToFormat(QImage::Format_ARGB32).save(png))
            rasters.append(
                QJsonObject{{"name", QStringLiteral("labels quick-look")}, {"path", png}});
    }
    summary.insert(QStringLiteral("rasters"), rasters);
    return summary;
}

} // namespace moescope::sar
