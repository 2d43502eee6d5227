#pragma once
// A tiled run's descriptor maps: the physics descriptors its router saw
// (a SAR run's directional entropy, ENL, roughness), as its run summary
// holds them ("descriptor_maps": 8-bit PNGs over each one's min..max on the
// grid of the stitched labels, 0 where no tile ran). Decoded once; drawn
// through a colormap as an overlay, read back as values for the readout.

#include "render/routingimages.h"

#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <map>

namespace moescope::gui {

struct DescriptorMaps
{
    QStringList names;
    QList<double> lows, highs;
    QStringList pngs; // base64, decoded on first use (a run filling in
                      // sends new ones every second; most are never drawn)

    static DescriptorMaps fromRunSummary(const QJsonObject &summary);
    bool isEmpty() const { return names.isEmpty(); }
    QImage map(int index) const; // Grayscale8
    // Descriptor `index` coloured by `map` over its min..max, clear where no
    // tile ran.
    QImage overlay(int index, render::Colormap map) const;
    // "name lo – hi" for the legend.
    QString legend(int index) const;
    // Every descriptor at (fx, fy), fractions of the mapped area; empty
    // where no tile ran.
    QString valuesAt(double fx, double fy) const;

private:
    mutable std::map<int, QImage> m_decoded;
};

} // namespace moescope::gui
