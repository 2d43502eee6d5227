#pragma once
// What the two shape-probe plugins share: a scene source computed pixel by
// pixel, and turning a read raster into a model's normalised input.

#include "image/scenesource.h"
#include "model/contract.h"

#include <QCryptographicHash>
#include <QFile>

#include <functional>

namespace moescope::probe {

class ComputedSource final : public SceneSource
{
public:
    using Fn = std::function<double(int frame, int x, int y)>;
    ComputedSource(QString path, QSize size, int frames, Fn fn)
        : m_path(std::move(path)), m_size(size), m_frames(frames), m_fn(std::move(fn))
    {
        QFile file(m_path);
        if (file.open(QIODevice::ReadOnly))
            m_sha = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
    }
    QString path() const override { return m_path; }
    QSize size() const override { return m_size; }
    int bands() const override { return 1; }
    int frameCount() const override { return m_frames; }
    QByteArray sha256() const override { return m_sha; }
    bool read(int frame, const QRect &region, const QSize &outSize, Raster *out,
              QString *error) const override
    {
        if (frame < 0 || frame >= m_frames || outSize.isEmpty()) {
            *error = m_path + QStringLiteral(": no frame ") + QString::number(frame);
            return false;
        }
        readNearest(
            m_size, 1, region, outSize, [&](int x, int y, int) { return float(m_fn(frame, x, y)); },
            out);
        return true;
    }

private:
    QString m_path;
    QSize m_size;
    int m_frames;
    Fn m_fn;
    QByteArray m_sha;
};

// Band 0 of `raster` as the [1, 1, H, W] values of a one-channel input.
inline std::vector<float> normalised(const Raster &raster, const model::InputSpec &spec)
{
    std::vector<float> values(size_t(raster.width) * raster.height);
    const float mean = spec.mean.empty() ? 0.f : spec.mean[0];
    const float sd = spec.std.empty() ? 1.f : spec.std[0];
    for (size_t i = 0; i < values.size(); ++i)
        values[i] = (raster.samples[i * raster.bands] - mean) / sd;
    return values;
}

} // namespace moescope::probe
