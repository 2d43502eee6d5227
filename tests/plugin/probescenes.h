#pragma once
// The generated pictures the shape-probe plugins read, described by small
// JSON files: a `.testscene` (a raster of any size, computed pixel by pixel
// on demand, so a 30,000 × 30,000 scene is never in memory) and a
// `.testtrack` (a short video of a bright square moving on a straight line).
// Header-only: the plugins read them, the tests compute what to expect.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace moescope::probe {

struct WaveScene
{
    int width = 0, height = 0;
    double periodX = 3000, periodY = 2000;

    // In [0, 1]; 0 outside the scene.
    double value(int x, int y) const
    {
        if (x < 0 || y < 0 || x >= width || y >= height)
            return 0.0;
        constexpr double twoPi = 6.283185307179586;
        return 0.5 +
               0.5 * std::sin(twoPi * (x + 0.5) / periodX) * std::cos(twoPi * (y + 0.5) / periodY);
    }
};

struct SquareTrack
{
    int width = 320, height = 240, frames = 16, side = 8, search = 64;
    double startX = 60, startY = 80, stepX = 9, stepY = 4;

    double centerX(int frame) const { return startX + stepX * frame; }
    double centerY(int frame) const { return startY + stepY * frame; }
    double value(int frame, int x, int y) const
    {
        const double half = side / 2.0;
        return (x + 0.5 >= centerX(frame) - half && x + 0.5 < centerX(frame) + half &&
                y + 0.5 >= centerY(frame) - half && y + 0.5 < centerY(frame) + half)
                   ? 1.0
                   : 0.0;
    }
};

// Writes `o` to `path` (the tests' scene and video files); false when it cannot.
inline bool writeJson(const QString &path, const QJsonObject &o)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(o).toJson()) > 0;
}

inline bool readJson(const QString &path, QJsonObject *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            path + QStringLiteral(": cannot be read (") + file.errorString() + QLatin1Char(')');
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = path + QStringLiteral(": not a JSON object (") + parseError.errorString() +
                 QLatin1Char(')');
        return false;
    }
    *out = doc.object();
    return true;
}

inline WaveScene waveScene(const QJsonObject &o)
{
    WaveScene s;
    s.width = o.value(QStringLiteral("width")).toInt();
    s.height = o.value(QStringLiteral("height")).toInt();
    s.periodX = o.value(QStringLiteral("period_x")).toDouble(s.periodX);
    s.periodY = o.value(QStringLiteral("period_y")).toDouble(s.periodY);
    return s;
}

inline SquareTrack squareTrack(const QJsonObject &o)
{
    SquareTrack t;
    t.width = o.value(QStringLiteral("width")).toInt(t.width);
    t.height = o.value(QStringLiteral("height")).toInt(t.height);
    t.frames = o.value(QStringLiteral("frames")).toInt(t.frames);
    t.side = o.value(QStringLiteral("side")).toInt(t.side);
    t.search = o.value(QStringLiteral("search")).toInt(t.search);
    t.startX = o.value(QStringLiteral("start_x")).toDouble(t.startX);
    t.startY = o.value(QStringLiteral("start_y")).toDouble(t.startY);
    t.stepX = o.value(QStringLiteral("step_x")).toDouble(t.stepX);
    t.stepY = o.value(QStringLiteral("step_y")).toDouble(t.stepY);
    return t;
}

} // namespace moescope::probe
