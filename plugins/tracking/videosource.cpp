#include "videosource.h"

#include "trackingtr.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTransform>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>
#include <thread>

namespace moescope::tracking {

namespace {

// FFmpeg's log goes nowhere but here: the last error line of this thread,
// for the message that names the file.
thread_local QString t_lastLog;

void quietLog(void *, int level, const char *format, va_list args)
{
    if (level > AV_LOG_ERROR)
        return;
    char line[512];
    vsnprintf(line, sizeof line, format, args);
    t_lastLog = QString::fromUtf8(line).trimmed();
}

void initialiseFfmpeg()
{
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_callback(quietLog); });
}

QString averror(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {0};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

} // namespace

struct VideoSource::Decoder
{
    AVFormatContext *format = nullptr;
    AVCodecContext *codec = nullptr;
    SwsContext *sws = nullptr;
    AVPacket *packet = nullptr;
    AVFrame *frame = nullptr;
    int stream = -1;
    int next = -1;            // the frame index the decoder gives next without seeking; -1: unknown
    std::vector<uint8_t> rgb; // swscale's output, rows 64-byte aligned

    ~Decoder()
    {
        sws_freeContext(sws);
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&codec);
        avformat_close_input(&format);
    }
};

VideoSource::VideoSource() = default;
VideoSource::~VideoSource() = default;

bool VideoSource::isVideoSuffix(const QString &suffix)
{
    static const QStringList suffixes = {"mp4", "m4v", "mov", "mkv", "webm", "avi", "mpg", "mpeg"};
    return suffixes.contains(suffix.toLower());
}

// Opens `path` for decoding its best video stream into `d`; false with the
// cause in `why`.
bool VideoSource::openDecoder(const QString &path, Decoder *d, QString *why)
{
    int rc = avformat_open_input(&d->format, QFile::encodeName(path).constData(), nullptr, nullptr);
    if (rc < 0 || (rc = avformat_find_stream_info(d->format, nullptr)) < 0) {
        *why = averror(rc);
        return false;
    }
    d->stream = av_find_best_stream(d->format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (d->stream < 0) {
        *why = Tr::tr("holds no video stream");
        return false;
    }
    const AVCodecParameters *par = d->format->streams[d->stream]->codecpar;
    const AVCodec *codec = avcodec_find_decoder(par->codec_id);
    if (!codec) {
        *why = Tr::tr("no decoder for its codec (%1)")
                   .arg(QString::fromUtf8(avcodec_get_name(par->codec_id)));
        return false;
    }
    d->codec = avcodec_alloc_context3(codec);
    avcodec_parameters_to_context(d->codec, par);
    d->codec->thread_count = 2;
    if ((rc = avcodec_open2(d->codec, codec, nullptr)) < 0) {
        *why = averror(rc);
        return false;
    }
    d->packet = av_packet_alloc();
    d->frame = av_frame_alloc();
    return true;
}

QSharedPointer<VideoSource> VideoSource::open(const QString &path, QString *error)
{
    initialiseFfmpeg();
    t_lastLog.clear();
    QSharedPointer<VideoSource> v(new VideoSource);
    v->m_path = path;
    auto first = std::make_shared<Decoder>();
    Decoder &d = *first;
    auto failWith = [&](const QString &cause) {
        *error = QStringLiteral("%1: %2").arg(path, t_lastLog.isEmpty() ? cause : t_lastLog);
        return QSharedPointer<VideoSource>();
    };
    QString why;
    if (!openDecoder(path, &d, &why))
        return failWith(why);
    AVStream *stream = d.format->streams[d.stream];
    const AVCodec *codec = d.codec->codec;
    int rc = 0;
    v->m_codec = QString::fromUtf8(codec->name);
    v->m_timeBase = av_q2d(stream->time_base);
    const AVRational rate = av_guess_frame_rate(d.format, stream, nullptr);
    v->m_fps = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0;
    if (const uint8_t *matrix =
            av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr)) {
        // av_display_rotation_get: counter-clockwise degrees to undo; shown
        // upright means turning the picture by its negative.
        const double ccw = av_display_rotation_get(reinterpret_cast<const int32_t *>(matrix));
        if (std::isfinite(ccw))
            v->m_rotation = ((int(std::lround(-ccw)) % 360) + 360) % 360;
    }
    const QSize coded(d.codec->width, d.codec->height);
    v->m_size = (v->m_rotation == 90 || v->m_rotation == 270) ? coded.transposed() : coded;
    if (coded.isEmpty())
        return failWith(Tr::tr("the video stream has no picture size"));

    // Every frame's timestamp, from the packets alone (no decoding): the
    // frame count and frame-accurate seeking rest on it.
    for (;;) {
        rc = av_read_frame(d.format, d.packet);
        if (rc < 0) {
            if (rc != AVERROR_EOF)
                v->m_truncated = Tr::tr("reading stopped after %1 frames (%2)")
                                     .arg(v->m_pts.size())
                                     .arg(t_lastLog.isEmpty() ? averror(rc) : t_lastLog);
            break;
        }
        if (d.packet->stream_index == d.stream) {
            const long long ts = d.packet->pts != AV_NOPTS_VALUE ? d.packet->pts : d.packet->dts;
            if (ts != AV_NOPTS_VALUE)
                v->m_pts.push_back(ts);
        }
        av_packet_unref(d.packet);
    }
    // A file cut short: the container says how many frames there were.
    if (v->m_truncated.isEmpty() && stream->nb_frames > 0 &&
        qint64(v->m_pts.size()) < stream->nb_frames)
        v->m_truncated = Tr::tr("the file ends after %1 of its %2 frames")
                             .arg(v->m_pts.size())
                             .arg(stream->nb_frames);
    std::sort(v->m_pts.begin(), v->m_pts.end());
    v->m_pts.erase(std::unique(v->m_pts.begin(), v->m_pts.end()), v->m_pts.end());
    if (v->m_pts.empty())
        return failWith(Tr::tr("holds no frame"));
    v->m_startPts = v->m_pts.front();
    d.next = -1; // the scan moved the reader: seek before the first decode
    v->m_decoders[std::this_thread::get_id()] = std::move(first);
    return v;
}

double VideoSource::timestamp(int k) const
{
    if (k < 0 || size_t(k) >= m_pts.size())
        return 0;
    return double(m_pts[size_t(k)] - m_startPts) * m_timeBase;
}

QImage VideoSource::decode(Decoder &d, int k, QString *error) const
{
    t_lastLog.clear();
    const long long target = m_pts[size_t(k)];
    // Frames just ahead are decoded on; anything else is a seek to the key
    // frame at or before the target.
    if (d.next < 0 || k < d.next || k > d.next + 30) {
        const int rc = av_seek_frame(d.format, d.stream, target, AVSEEK_FLAG_BACKWARD);
        if (rc < 0) {
            *error = Tr::tr("%1: cannot seek to frame %2 (%3)").arg(m_path).arg(k).arg(averror(rc));
            return {};
        }
        avcodec_flush_buffers(d.codec);
        d.next = -1;
    }
    bool draining = false;
    for (;;) {
        int rc = avcodec_receive_frame(d.codec, d.frame);
        if (rc == 0) {
            const long long ts = d.frame->best_effort_timestamp != AV_NOPTS_VALUE
                                     ? d.frame->best_effort_timestamp
                                     : d.frame->pts;
            const auto at = std::lower_bound(m_pts.begin(), m_pts.end(), ts);
            const int index = int(at - m_pts.begin());
            d.next = index + 1;
            if (ts < target) {
                av_frame_unref(d.frame);
                continue;
            }
            if (ts > target) {
                *error = Tr::tr("%1: frame %2 could not be decoded (the decoder went on to "
                                "frame %3)")
                             .arg(m_path)
                             .arg(k)
                             .arg(index);
                av_frame_unref(d.frame);
                d.next = -1;
                return {};
            }
            break;
        }
        if (rc == AVERROR_EOF || (rc == AVERROR(EAGAIN) && draining)) {
            *error =
                Tr::tr("%1: decoding stopped before frame %2 of %3%4")
                    .arg(m_path)
                    .arg(k)
                    .arg(m_pts.size())
                    .arg(t_lastLog.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(t_lastLog));
            d.next = -1;
            return {};
        }
        if (rc != AVERROR(EAGAIN)) {
            *error = QStringLiteral("%1: frame %2: %3").arg(m_path).arg(k).arg(averror(rc));
            d.next = -1;
            return {};
        }
        // The decoder wants more: the next packet of the video stream.
        rc = av_read_frame(d.format, d.packet);
        if (rc < 0) {
            avcodec_send_packet(d.codec, nullptr); // end of file: drain
            draining = true;
            continue;
        }
        if (d.packet->stream_index == d.stream)
            avcodec_send_packet(d.codec, d.packet);
        av_packet_unref(d.packet);
    }
    // To 8-bit RGB, then upright.
    const int w = d.frame->width, h = d.frame->height;
    if (!d.sws) {
        // As FFmpeg's own scale filter (5.1) converts, so that a frame here
        // is the frame `ffmpeg -i` gives: bicubic, and 4:2:0 chroma sited
        // as MPEG-2 has it (vertically centred), other formats as swscale
        // places them.
        d.sws = sws_alloc_context();
        av_opt_set_int(d.sws, "srcw", w, 0);
        av_opt_set_int(d.sws, "srch", h, 0);
        av_opt_set_int(d.sws, "src_format", d.frame->format, 0);
        av_opt_set_int(d.sws, "dstw", w, 0);
        av_opt_set_int(d.sws, "dsth", h, 0);
        av_opt_set_int(d.sws, "dst_format", AV_PIX_FMT_RGB24, 0);
        av_opt_set_int(d.sws, "sws_flags", SWS_BICUBIC, 0);
        if (d.frame->format == AV_PIX_FMT_YUV420P)
            av_opt_set_int(d.sws, "src_v_chr_pos", 128, 0);
        if (sws_init_context(d.sws, nullptr, nullptr) < 0) {
            *error = Tr::tr("%1: cannot convert its pixel format to RGB").arg(m_path);
            sws_freeContext(d.sws);
            d.sws = nullptr;
            av_frame_unref(d.frame);
            return {};
        }
    }
    // swscale's vector code writes whole SIMD blocks: a destination of its
    // own with aligned, padded rows, copied into the picture after.
    const int stride = FFALIGN(w * 3, 64);
    d.rgb.resize(size_t(stride) * h + 64);
    uint8_t *planes[4] = {d.rgb.data(), nullptr, nullptr, nullptr};
    int strides[4] = {stride, 0, 0, 0};
    sws_scale(d.sws, d.frame->data, d.frame->linesize, 0, h, planes, strides);
    av_frame_unref(d.frame);
    QImage rgb(w, h, QImage::Format_RGB888);
    for (int y = 0; y < h; ++y)
        std::memcpy(rgb.scanLine(y), d.rgb.data() + size_t(y) * stride, size_t(w) * 3);
    if (m_rotation != 0)
        rgb = rgb.transformed(QTransform().rotate(m_rotation));
    return rgb;
}

Rgb8 VideoSource::frame(int k, QString *error) const
{
    if (k < 0 || size_t(k) >= m_pts.size()) {
        *error = Tr::tr("%1: no frame %2 (%3 frames)").arg(m_path).arg(k).arg(m_pts.size());
        return {};
    }
    // Each thread decodes with its own decoder (the tracker on the worker,
    // the window showing frames): one reading frame by frame never makes
    // the other seek back to a key frame. The last few frames are shared.
    std::shared_ptr<Decoder> decoder;
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &[index, rgb] : m_recent)
            if (index == k)
                return *rgb;
        std::shared_ptr<Decoder> &mine = m_decoders[std::this_thread::get_id()];
        if (!mine) {
            // At most kDecoders: one no thread is using goes first.
            if (m_decoders.size() > kDecoders) {
                for (auto it = m_decoders.begin(); it != m_decoders.end(); ++it)
                    if (it->second && it->second.use_count() == 1) {
                        m_decoders.erase(it);
                        break;
                    }
            }
            auto d = std::make_shared<Decoder>();
            QString why;
            if (!openDecoder(m_path, d.get(), &why)) {
                m_decoders.erase(std::this_thread::get_id());
                *error = QStringLiteral("%1: %2").arg(m_path, why);
                return {};
            }
            m_decoders[std::this_thread::get_id()] = d;
            decoder = std::move(d);
        } else {
            decoder = mine;
        }
    }
    const QImage image = decode(*decoder, k, error);
    if (image.isNull())
        return {};
    auto rgb = QSharedPointer<const Rgb8>::create(Rgb8::fromImage(image));
    QMutexLocker lock(&m_mutex);
    m_recent.emplace_back(k, rgb);
    if (m_recent.size() > kRecentFrames)
        m_recent.pop_front();
    return *rgb;
}

QByteArray VideoSource::sha256() const
{
    QMutexLocker lock(&m_mutex);
    if (m_sha256.isEmpty()) {
        QFile f(m_path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (f.open(QIODevice::ReadOnly))
            hash.addData(&f);
        m_sha256 = hash.result().toHex();
    }
    return m_sha256;
}

QJsonObject VideoSource::properties() const
{
    QJsonObject o{{"kind", "video"},
                  {"frames", frameCount()},
                  {"width", m_size.width()},
                  {"height", m_size.height()},
                  {"fps", std::round(m_fps * 1000.0) / 1000.0},
                  {"codec", m_codec},
                  {"rotation", m_rotation},
                  {"duration_s", std::round(timestamp(frameCount() - 1) * 1000.0) / 1000.0},
                  {"has_groundtruth", false}};
    if (!m_truncated.isEmpty())
        o.insert(QStringLiteral("truncated"), m_truncated);
    return o;
}

} // namespace moescope::tracking
