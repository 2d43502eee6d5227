#include "routingimages.h"

#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace moescope::render {

namespace {

// Anchor colours sampled from matplotlib's colormaps (CC0), interpolated
// linearly between anchors.
using Anchors = std::vector<std::array<unsigned char, 3>>;

const Anchors &anchors(Colormap map)
{
    static const Anchors viridis{{68, 1, 84},    {72, 40, 120},  {62, 74, 137},  {49, 104, 142},
                                 {38, 130, 142}, {31, 158, 137}, {53, 183, 121}, {109, 205, 89},
                                 {180, 222, 44}, {253, 231, 37}};
    static const Anchors magma{{0, 0, 4},      {28, 16, 68},    {79, 18, 123},
                               {129, 37, 129}, {181, 54, 122},  {229, 80, 100},
                               {251, 135, 97}, {254, 194, 135}, {252, 253, 191}};
    static const Anchors turbo{{48, 18, 59},   {70, 107, 227}, {40, 187, 236},
                               {50, 241, 152}, {164, 252, 60}, {237, 208, 58},
                               {251, 128, 34}, {210, 49, 5},   {122, 4, 3}};
    static const Anchors gray{{0, 0, 0}, {255, 255, 255}};
    switch (map) {
    case Colormap::Magma:
        return magma;
    case Colormap::Turbo:
        return turbo;
    case Colormap::Gray:
        return gray;
    case Colormap::Viridis:
        break;
    }
    return viridis;
}

// 256-entry lookup table per colormap, built once.
const std::array<QRgb, 256> &lut(Colormap map)
{
    static std::array<std::array<QRgb, 256>, 4> tables = [] {
        std::array<std::array<QRgb, 256>, 4> t{};
        for (int m = 0; m < 4; ++m) {
            const Anchors &a = anchors(Colormap(m));
            for (int i = 0; i < 256; ++i) {
                const double pos = i / 255.0 * (a.size() - 1);
                const size_t lo = std::min(a.size() - 2, size_t(pos));
                const double f = pos - lo;
                auto mix = [&](int c) {
                    return int(std::lround(a[lo][c] * (1 - f) + a[lo + 1][c] * f));
                };
                t[m][i] = qRgb(mix(0), mix(1), mix(2));
            }
        }
        return t;
    }();
    return tables[int(map)];
}

QString percent(double v)
{
    return QString::number(v * 100.0, 'f', 1) + QLatin1Char('%');
}

} // namespace

QStringList colormapNames()
{
    return {QStringLiteral("viridis"), QStringLiteral("magma"), QStringLiteral("turbo"),
            QStringLiteral("gray")};
}

Colormap colormapFromName(const QString &name)
{
    const int i = colormapNames().indexOf(name.toLower());
    return i < 0 ? Colormap::Viridis : Colormap(i);
}

QString colormapName(Colormap map)
{
    return colormapNames().at(int(map));
}

QRgb colormapColor(Colormap map, double t)
{
    const int i = int(std::lround(std::clamp(t, 0.0, 1.0) * 255.0));
    return lut(map)[size_t(i)];
}

QColor expertColor(int expert)
{
    // Tableau 10, then golden-angle hues for larger expert counts.
    static const QRgb tab10[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    if (expert >= 0 && expert < 10)
        return QColor(tab10[expert]);
    return QColor::fromHsv(int(std::fmod(expert * 137.508, 360.0)), 180, 230);
}

QColor frameBoxColor(const QString &role)
{
    return role == QLatin1String("prediction") ? QColor(60, 230, 90)
           : role == QLatin1String("truth")    ? QColor(240, 70, 70)
           : role == QLatin1String("region")   ? QColor(250, 210, 60)
                                               : QColor(200, 200, 255);
}

float sampleBilinear(const std::vector<float> &grid, int rows, int cols, double x, double y)
{
    const double gx = std::clamp(x - 0.5, 0.0, double(cols - 1));
    const double gy = std::clamp(y - 0.5, 0.0, double(rows - 1));
    const int x0 = int(gx), y0 = int(gy);
    const int x1 = std::min(cols - 1, x0 + 1), y1 = std::min(rows - 1, y0 + 1);
    const double fx = gx - x0, fy = gy - y0;
    const double top = grid[size_t(y0) * cols + x0] * (1 - fx) + grid[size_t(y0) * cols + x1] * fx;
    const double bottom =
        grid[size_t(y1) * cols + x0] * (1 - fx) + grid[size_t(y1) * cols + x1] * fx;
    return float(top * (1 - fy) + bottom * fy);
}

QImage heatmap(const std::vector<float> &grid, int rows, int cols, QSize size, Colormap map,
               float lo, float hi)
{
    QImage out(size, QImage::Format_ARGB32);
    if (rows <= 0 || cols <= 0 || grid.size() < size_t(rows) * cols || size.isEmpty()) {
        out.fill(Qt::black);
        return out;
    }
    const auto &table = lut(map);
    const double span = hi > lo ? double(hi - lo) : 1.0;
    const double sx = double(cols) / size.width(), sy = double(rows) / size.height();
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(out.scanLine(y));
        const double gy = (y + 0.5) * sy;
        for (int x = 0; x < size.width(); ++x) {
            const float v = sampleBilinear(grid, rows, cols, (x + 0.5) * sx, gy);
            const int i = int(std::clamp((v - lo) / span, 0.0, 1.0) * 255.0 + 0.5);
            line[x] = table[size_t(i)];
        }
    }
    return out;
}

QImage top1Image(const std::vector<int> &grid, int rows, int cols, QSize size)
{
    QImage small(cols, rows, QImage::Format_ARGB32);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c)
            small.setPixel(c, r, expertColor(grid[size_t(r) * cols + c]).rgb());
    }
    return small.scaled(size, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

QImage blend(const QImage &base, const QImage &overlay, double opacity)
{
    QImage out = base.convertToFormat(QImage::Format_RGB32);
    QPainter p(&out);
    p.setOpacity(std::clamp(opacity, 0.0, 1.0));
    p.drawImage(out.rect(), overlay);
    return out;
}

QImage colorBar(Colormap map, QSize size, float lo, float hi)
{
    QImage out(size, QImage::Format_ARGB32);
    out.fill(Qt::white);
    QPainter p(&out);
    const int barWidth = std::max(8, size.width() / 3);
    const int margin = 8;
    const int h = size.height() - 2 * margin;
    for (int y = 0; y < h; ++y) {
        p.setPen(QColor(colormapColor(map, 1.0 - double(y) / std::max(1, h - 1))));
        p.drawLine(0, margin + y, barWidth, margin + y);
    }
    p.setPen(Qt::black);
    p.drawText(QRect(barWidth + 3, 0, size.width() - barWidth - 3, 2 * margin + 4),
               Qt::AlignLeft | Qt::AlignTop, QString::number(hi, 'g', 3));
    p.drawText(QRect(barWidth + 3, size.height() - 2 * margin - 4, size.width() - barWidth - 3,
                     2 * margin + 4),
               Qt::AlignLeft | Qt::AlignBottom, QString::number(lo, 'g', 3));
    return out;
}

QImage expertGrid(const QImage &base, const routing::LayerRouting &layer,
                  const routing::TokenGrid &grid, Colormap map, double opacity, int tileSize)
{
    const int n = std::max(1, layer.experts);
    const int columns = int(std::ceil(std::sqrt(double(n))));
    const int rows = (n + columns - 1) / columns;
    const int title = 18;
    const QImage scaled =
        base.scaled(tileSize, tileSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const routing::LayerSummary summary = routing::summarize(layer);
    QImage out(columns * tileSize, rows * (tileSize + title), QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter p(&out);
    for (int e = 0; e < layer.experts; ++e) {
        const int x = (e % columns) * tileSize, y = (e / columns) * (tileSize + title);
        const QImage heat = heatmap(routing::expertMap(layer, grid, e), grid.rows, grid.cols,
                                    QSize(tileSize, tileSize), map);
        p.drawImage(x, y + title, blend(scaled, heat, opacity));
        p.setPen(expertColor(e));
        p.fillRect(x + 2, y + 4, 10, 10, expertColor(e));
        p.setPen(Qt::black);
        p.drawText(QRect(x + 15, y, tileSize - 15, title), Qt::AlignVCenter | Qt::AlignLeft,
                   QString::fromStdString(layer.expertName(e)) + QStringLiteral(" · ") +
                       percent(summary.load[size_t(e)]));
    }
    return out;
}

QImage top1WithLegend(const QImage &base, const routing::LayerRouting &layer,
                      const routing::TokenGrid &grid, double opacity, int size)
{
    const int legendWidth = 150;
    const QImage scaled = base.scaled(size, size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage top1 =
        top1Image(routing::top1Map(layer, grid), grid.rows, grid.cols, QSize(size, size));
    const routing::LayerSummary summary = routing::summarize(layer);
    QImage out(size + legendWidth, std::max(size, 20 * layer.experts + 10), QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter p(&out);
    p.drawImage(0, 0, blend(scaled, top1, opacity));
    for (int e = 0; e < layer.experts; ++e) {
        const int y = 6 + 20 * e;
        p.fillRect(size + 8, y + 3, 12, 12, expertColor(e));
        p.setPen(Qt::black);
        p.drawText(QRect(size + 24, y, legendWidth - 26, 18), Qt::AlignVCenter | Qt::AlignLeft,
                   QString::fromStdString(layer.expertName(e)) + QStringLiteral("  ") +
                       percent(summary.load[size_t(e)]));
    }
    return out;
}

} // namespace moescope::render
