// What SAR samples stand for and how intensity becomes what is shown or
// fed to a model (see gdalscene.h).
#include "gdalscene.h"

#include <algorithm>
#include <cmath>

namespace moescope::sar {

bool parseQuantity(const QString &name, Quantity *out)
{
    const QString n = name.toLower();
    if (n == QLatin1String("amplitude"))
        *out = Quantity::Amplitude;
    else if (n == QLatin1String("intensity"))
        *out = Quantity::Intensity;
    else if (n == QLatin1String("db"))
        *out = Quantity::Decibel;
    else
        return false;
    return true;
}

QString toString(Quantity q)
{
    switch (q) {
    case Quantity::Amplitude:
        return QStringLiteral("amplitude");
    case Quantity::Intensity:
        return QStringLiteral("intensity");
    case Quantity::Decibel:
        break;
    }
    return QStringLiteral("db");
}

QString toString(SampleMeaning m)
{
    switch (m) {
    case SampleMeaning::Complex:
        return QStringLiteral("complex");
    case SampleMeaning::Amplitude:
        return QStringLiteral("amplitude");
    case SampleMeaning::Intensity:
        return QStringLiteral("intensity");
    case SampleMeaning::Decibel:
        break;
    }
    return QStringLiteral("db");
}

float fromIntensity(float intensity, Quantity q)
{
    switch (q) {
    case Quantity::Amplitude:
        return std::sqrt(std::max(intensity, 0.0f));
    case Quantity::Intensity:
        return intensity;
    case Quantity::Decibel:
        break;
    }
    return intensity > 1e-10f ? 10.0f * std::log10(intensity) : -100.0f;
}

} // namespace moescope::sar
