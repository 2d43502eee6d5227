#include "descriptormaps.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace moescope::gui {

DescriptorMaps DescriptorMaps::fromRunSummary(const QJsonObject &summary)
{
    DescriptorMaps d;
    const QJsonObject o = summary.value(QStringLiteral("descriptor_maps")).toObject();
    const QJsonArray names = o.value(QStringLiteral("names")).toArray();
    const QJsonArray lows = o.value(QStringLiteral("min")).toArray();
    const QJsonArray highs = o.value(QStringLiteral("max")).toArray();
    const QJsonArray pngs = o.value(QStringLiteral("png")).toArray();
    for (int i = 0; i < names.size() && i < pngs.size(); ++i) {
        d.names << names[i].toString();
        d.lows << lows.at(i).toDouble();
        d.highs << highs.at(i).toDouble();
        d.pngs << pngs[i].toString();
    }
    return d;
}

QImage DescriptorMaps::map(int index) const
{
    if (index < 0 || index >= pngs.size())
        return {};
    auto it = m_decoded.find(index);
    if (it == m_decoded.end())
        it = m_decoded
                 .emplace(index,
                          QImage::fromData(QByteArray::fromBase64(pngs[index].toLatin1()), "PNG")
                              .convertToFormat(QImage::Format_Grayscale8))
                 .first;
    return it->second;
}

QImage DescriptorMaps::overlay(int index, render::Colormap colormap) const
{
    const QImage map = this->map(index);
    if (map.isNull())
        return {};
    QImage out(map.size(), QImage::Format_ARGB32);
    QRgb table[256];
    table[0] = qRgba(0, 0, 0, 0);
    for (int v = 1; v < 256; ++v)
        table[v] = render::colormapColor(colormap, (v - 1) / 254.0) | 0xff000000u;
    for (int y = 0; y < map.height(); ++y) {
        const uchar *in = map.constScanLine(y);
        auto *row = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < map.width(); ++x)
            row[x] = table[in[x]];
    }
    return out;
}

QString DescriptorMaps::legend(int index) const
{
    if (index < 0 || index >= names.size())
        return {};
    return QStringLiteral("%1 %2 – %3")
        .arg(names[index])
        .arg(lows[index], 0, 'g', 3)
        .arg(highs[index], 0, 'g', 3);
}

QString DescriptorMaps::valuesAt(double fx, double fy) const
{
    QStringList parts;
    for (int i = 0; i < names.size(); ++i) {
        const QImage map = this->map(i);
        if (map.isNull())
            continue;
        const int x = std::clamp(int(fx * map.width()), 0, map.width() - 1);
        const int y = std::clamp(int(fy * map.height()), 0, map.height() - 1);
        const int v = map.constScanLine(y)[x];
        if (v == 0)
            continue;
        const double value = lows[i] + (v - 1) / 254.0 * (highs[i] - lows[i]);
        parts << QStringLiteral("%1 %2").arg(names[i]).arg(value, 0, 'g', 3);
    }
    return parts.join(QStringLiteral("  "));
}

} // namespace moescope::gui
