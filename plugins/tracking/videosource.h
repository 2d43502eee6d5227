#pragma once
// A video as a scene source, decoded with FFmpeg's libraries (Qt Multimedia
// cannot decode frames on demand): MP4, MKV, AVI, WebM, MOV with whatever
// codec libavcodec has (H.264, HEVC, MPEG-4, VP9, AV1, MJPEG…).
//
// Frame-accurate: opening scans the video stream's packets (no decoding) for
// every frame's presentation timestamp, so frame k is the k-th frame shown,
// whatever the codec's reordering; reading frame k seeks to the key frame
// at or before it and decodes forward (or just decodes on when k follows
// the last frame read). The rotation a phone records (the display matrix)
// is applied. One decoder, behind a mutex: the worker and the window may
// read at once. FFmpeg's own log never reaches the terminal; its last
// message goes into the error.

#include "framesource.h"

#include "image/scenesource.h"

#include <QImage>
#include <QMutex>
#include <QSharedPointer>
#include <QString>

#include <deque>
#include <map>
#include <memory>
#include <thread>
#include <vector>

namespace moescope::tracking {

class VideoSource final : public FrameSource
{
public:
    ~VideoSource() override;
    // nullptr with `error` naming the file and the cause.
    static QSharedPointer<VideoSource> open(const QString &path, QString *error);
    static bool isVideoSuffix(const QString &suffix);

    QString path() const override { return m_path; }
    QSize size() const override { return m_size; }
    int frameCount() const override { return int(m_pts.size()); }
    QByteArray sha256() const override;
    QJsonObject properties() const override;

    double fps() const { return m_fps; }
    // Where a damaged or cut file stopped being readable; empty when whole.
    QString truncated() const { return m_truncated; }
    QString codec() const { return m_codec; }
    int rotation() const { return m_rotation; } // degrees, clockwise, applied
    // Seconds from the start at which frame `k` is shown.
    double timestamp(int k) const;
    // Frame `k`, 8-bit RGB, upright; empty with `error` when it cannot be decoded.
    Rgb8 frame(int k, QString *error) const override;

private:
    struct Decoder;
    VideoSource();
    static bool openDecoder(const QString &path, Decoder *d, QString *why);
    QImage decode(Decoder &d, int k, QString *error) const;
    static constexpr size_t kDecoders = 4;     // threads reading at once, at most
    static constexpr size_t kRecentFrames = 4; // frames kept decoded for any thread

    QString m_path, m_codec;
    QSize m_size; // as shown (after rotation)
    double m_fps = 0;
    int m_rotation = 0;
    std::vector<long long> m_pts; // presentation timestamps, in frame order
    double m_timeBase = 0;        // seconds per timestamp unit
    long long m_startPts = 0;
    QString m_truncated; // where the packet scan stopped early, if it did
    mutable QMutex m_mutex;
    mutable std::map<std::thread::id, std::shared_ptr<Decoder>> m_decoders; // one per thread
    mutable std::deque<std::pair<int, QSharedPointer<const Rgb8>>> m_recent;
    mutable QByteArray m_sha256;
};

} // namespace moescope::tracking
