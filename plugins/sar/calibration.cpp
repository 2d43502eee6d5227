#include "calibration.h"
#include "sartr.h"

#include <QCoreApplication>
#include <QFile>
#include <QXmlStreamReader>

#include <algorithm>

namespace moescope::sar {

namespace {
std::vector<double> numbers(const QString &text)
{
    std::vector<double> out;
    for (const QString &t : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        out.push_back(t.toDouble());
    return out;
}
} // namespace

std::shared_ptr<const CalibrationLut>
CalibrationLut::readSentinel1(const QString &xmlPath, const QString &quantity, QString *error)
{
    QFile file(xmlPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(xmlPath, file.errorString());
        return nullptr;
    }
    auto lut = std::make_shared<CalibrationLut>();
    QXmlStreamReader xml(&file);
    Vector current;
    bool inVector = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("calibrationVector")) {
                current = Vector();
                inVector = true;
            } else if (inVector && name == QLatin1String("line")) {
                current.line = xml.readElementText().toDouble();
            } else if (inVector && name == QLatin1String("pixel")) {
                current.pixels = numbers(xml.readElementText());
            } else if (inVector && name == quantity) {
                current.values = numbers(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("calibrationVector")) {
            inVector = false;
            if (!current.pixels.empty() && current.pixels.size() == current.values.size())
                lut->m_vectors.push_back(current);
        }
    }
    if (xml.hasError() || lut->m_vectors.empty()) {
        *error = QStringLiteral("%1: %2").arg(
            xmlPath, xml.hasError()
                         ? xml.errorString()
                         : Tr::tr("no calibration vectors with a %1 table").arg(quantity));
        return nullptr;
    }
    std::sort(lut->m_vectors.begin(), lut->m_vectors.end(),
              [](const Vector &a, const Vector &b) { return a.line < b.line; });
    return lut;
}

double CalibrationLut::Vector::at(double pixel) const
{
    auto hi = std::upper_bound(pixels.begin(), pixels.end(), pixel);
    if (hi == pixels.begin())
        return values.front();
    if (hi == pixels.end())
        return values.back();
    const size_t i = size_t(hi - pixels.begin());
    const double t = (pixel - pixels[i - 1]) / (pixels[i] - pixels[i - 1]);
    return values[i - 1] + t * (values[i] - values[i - 1]);
}

double CalibrationLut::at(double pixel, double line) const
{
    auto hi = std::upper_bound(m_vectors.begin(), m_vectors.end(), line,
                               [](double l, const Vector &v) { return l < v.line; });
    if (hi == m_vectors.begin())
        return m_vectors.front().at(pixel);
    if (hi == m_vectors.end())
        return m_vectors.back().at(pixel);
    const Vector &a = *(hi - 1), &b = *hi;
    const double t = (line - a.line) / (b.line - a.line);
    return a.at(pixel) + t * (b.at(pixel) - a.at(pixel));
}

} // namespace moescope::sar
