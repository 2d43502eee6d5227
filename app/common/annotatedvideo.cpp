#include "annotatedvideo.h"

#include "image/scenesource.h"
#include "render/routingimages.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QPainter>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <cstdarg>
#include <cstdio>
#include <mutex>

namespace moescope {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::AnnotatedVideo)
};

// FFmpeg logs through one process-wide callback. The host keeps its lines
// (libx264's banner and statistics among them) off the terminal and keeps
// the last error for the message. (The tracking plugin installs the same
// for its decoder: it cannot see this file, and either one is quiet.)
thread_local QString t_lastLog;

void quietLog(void *, int level, const char *format, va_list args)
{
    if (level > AV_LOG_ERROR)
        return;
    char line[512];
    vsnprintf(line, sizeof line, format, args);
    t_lastLog = QString::fromUtf8(line).trimmed();
}

QString averror(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {0};
    av_strerror(code, text, sizeof text);
    return t_lastLog.isEmpty() ? QString::fromUtf8(text)
                               : QStringLiteral("%1 (%2)").arg(QString::fromUtf8(text), t_lastLog);
}

class Encoder
{
public:
    ~Encoder()
    {
        sws_freeContext(m_sws);
        av_frame_free(&m_frame);
        av_packet_free(&m_packet);
        avcodec_free_context(&m_codec);
        if (m_format) {
            if (m_format->pb)
                avio_closep(&m_format->pb);
            avformat_free_context(m_format);
        }
    }

    bool open(const QString &path, QSize size, double fps, QString *why)
    {
        static std::once_flag once;
        std::call_once(once, [] { av_log_set_callback(quietLog); });
        const QByteArray file = QFile::encodeName(path);
        int rc = avformat_alloc_output_context2(&m_format, nullptr, "mp4", file.constData());
        if (rc < 0 || !m_format)
            return fail(rc, why);
        const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
        if (!codec)
            codec = avcodec_find_encoder(AV_CODEC_ID_MPEG4);
        if (!codec) {
            *why = Tr::tr("FFmpeg has neither an H.264 nor an MPEG-4 encoder");
            return false;
        }
        m_stream = avformat_new_stream(m_format, nullptr);
        m_codec = avcodec_alloc_context3(codec);
        if (!m_stream || !m_codec)
            return fail(AVERROR(ENOMEM), why);
        m_codec->width = size.width();
        m_codec->height = size.height();
        m_codec->pix_fmt = AV_PIX_FMT_YUV420P;
        m_codec->framerate = av_d2q(fps, 100000);
        m_codec->time_base = av_inv_q(m_codec->framerate);
        m_codec->gop_size = 12;
        if (codec->id == AV_CODEC_ID_MPEG4)
            m_codec->bit_rate = 4000000;
        else
            av_opt_set(m_codec->priv_data, "preset", "veryfast", 0);
        if (m_format->oformat->flags & AVFMT_GLOBALHEADER)
            m_codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        if ((rc = avcodec_open2(m_codec, codec, nullptr)) < 0 ||
            (rc = avcodec_parameters_from_context(m_stream->codecpar, m_codec)) < 0)
            return fail(rc, why);
        m_stream->time_base = m_codec->time_base;
        if ((rc = avio_open(&m_format->pb, file.constData(), AVIO_FLAG_WRITE)) < 0 ||
            (rc = avformat_write_header(m_format, nullptr)) < 0)
            return fail(rc, why);
        m_frame = av_frame_alloc();
        m_packet = av_packet_alloc();
        if (!m_frame || !m_packet)
            return fail(AVERROR(ENOMEM), why);
        m_frame->format = m_codec->pix_fmt;
        m_frame->width = size.width();
        m_frame->height = size.height();
        if ((rc = av_frame_get_buffer(m_frame, 0)) < 0)
            return fail(rc, why);
        // QImage's RGB32 is B, G, R, A in memory on the little-endian hosts Debian builds for.
        m_sws = sws_getContext(size.width(), size.height(), AV_PIX_FMT_BGRA, size.width(),
                               size.height(), AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr, nullptr,
                               nullptr);
        return m_sws || fail(AVERROR(EINVAL), why);
    }

    bool write(const QImage &picture, QString *why)
    {
        int rc = av_frame_make_writable(m_frame);
        if (rc < 0)
            return fail(rc, why);
        const uint8_t *src[1] = {picture.constBits()};
        const int stride[1] = {int(picture.bytesPerLine())};
        sws_scale(m_sws, src, stride, 0, picture.height(), m_frame->data, m_frame->linesize);
        m_frame->pts = m_next++;
        return send(m_frame, why);
    }

    bool finish(QString *why)
    {
        if (!send(nullptr, why))
            return false;
        const int rc = av_write_trailer(m_format);
        return rc >= 0 || fail(rc, why);
    }

private:
    bool send(AVFrame *frame, QString *why)
    {
        int rc = avcodec_send_frame(m_codec, frame);
        if (rc < 0)
            return fail(rc, why);
        while ((rc = avcodec_receive_packet(m_codec, m_packet)) >= 0) {
            av_packet_rescale_ts(m_packet, m_codec->time_base, m_stream->time_base);
            m_packet->stream_index = m_stream->index;
            if ((rc = av_interleaved_write_frame(m_format, m_packet)) < 0)
                return fail(rc, why);
        }
        return rc == AVERROR(EAGAIN) || rc == AVERROR_EOF || fail(rc, why);
    }

    static bool fail(int rc, QString *why)
    {
        *why = averror(rc);
        return false;
    }

    AVFormatContext *m_format = nullptr;
    AVCodecContext *m_codec = nullptr;
    AVStream *m_stream = nullptr;
    AVFrame *m_frame = nullptr;
    AVPacket *m_packet = nullptr;
    SwsContext *m_sws = nullptr;
    int64_t m_next = 0;
};

QRectF rectOf(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    return QRectF(a.at(0).toDouble(), a.at(1).toDouble(), a.at(2).toDouble(), a.at(3).toDouble());
}

// The step's frame with its routing and boxes drawn on it, `size` (even) large.
QImage annotate(const StepResult &step, const SceneSource &source, QSize size,
                const AnnotatedVideoOptions &options, QString *why)
{
    Raster raster;
    if (!source.read(step.step, QRect(QPoint(0, 0), source.size()), source.size(), &raster, why))
        return {};
    QImage picture(size, QImage::Format_RGB32);
    picture.fill(Qt::black);
    for (int y = 0; y < raster.height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(picture.scanLine(y));
        for (int x = 0; x < raster.width; ++x) {
            const auto v = [&](int b) {
                return std::clamp(int(raster.at(x, y, std::min(b, raster.bands - 1)) + 0.5f), 0,
                                  255);
            };
            line[x] = qRgb(v(0), v(1), v(2));
        }
    }
    QPainter p(&picture);
    p.setRenderHint(QPainter::Antialiasing);
    // The top-1 map of the input laid on this frame (the one the model sees
    // most of: a tracker's search region).
    const StepOrigins::value_type *placed = nullptr;
    for (const auto &origin : step.origins) {
        const StepOrigin &o = origin.second;
        if (o.frame == step.step && o.sourceRect.isValid() &&
            (!placed ||
             qint64(o.inputSize.width()) * o.inputSize.height() >
                 qint64(placed->second.inputSize.width()) * placed->second.inputSize.height()))
            placed = &origin;
    }
    QString caption = Tr::tr("frame %1").arg(step.step);
    if (placed && !step.layers.empty()) {
        const int l = options.layer >= 0 && options.layer < int(step.layers.size())
                          ? options.layer
                          : int(step.layers.size()) - 1;
        const routing::LayerRouting &layer = step.layers[size_t(l)];
        for (const routing::TokenGrid &grid : layer.grids) {
            if (grid.input != placed->first)
                continue;
            const QRect r = placed->second.sourceRect;
            p.setOpacity(options.opacity);
            p.drawImage(r, render::top1Image(routing::top1Map(layer, grid), grid.rows, grid.cols,
                                             r.size()));
            p.setOpacity(1.0);
            caption += Tr::tr(" · top-1 expert, %1").arg(QString::fromStdString(layer.name));
        }
    }
    for (const QJsonValue &v : step.outputs.value(QStringLiteral("frame_boxes")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString role = o.value(QStringLiteral("role")).toString();
        const QColor colour = render::frameBoxColor(role);
        p.setPen(QPen(colour, 2, role == QLatin1String("region") ? Qt::DashLine : Qt::SolidLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rectOf(o.value(QStringLiteral("rect"))));
    }
    QFont f = p.font();
    f.setPixelSize(std::max(10, size.height() / 32));
    p.setFont(f);
    const QRect text = p.fontMetrics().boundingRect(caption).adjusted(-4, -2, 4, 2);
    p.fillRect(QRect(QPoint(2, 2), text.size()), QColor(0, 0, 0, 170));
    p.setPen(Qt::white);
    p.drawText(QRect(QPoint(2, 2), text.size()), Qt::AlignCenter, caption);
    return picture;
}

} // namespace

bool writeAnnotatedVideo(const QString &path, const AnalysisResult &result,
                         const SceneSource &source, const AnnotatedVideoOptions &options,
                         QString *error)
{
    if (result.steps.isEmpty()) {
        *error = Tr::tr("%1: no frames to write").arg(path);
        return false;
    }
    // 4:2:0 needs even sides: an odd frame gets a black line or column.
    const QSize size((source.size().width() + 1) & ~1, (source.size().height() + 1) & ~1);
    const QString part = path + QStringLiteral(".part");
    QString why;
    bool ok;
    {
        Encoder encoder;
        ok = encoder.open(part, size, options.fps > 0 ? options.fps : 30.0, &why);
        for (int i = 0; ok && i < result.steps.size(); ++i) {
            const QImage frame = annotate(result.steps[i], source, size, options, &why);
            ok = !frame.isNull() && encoder.write(frame, &why);
        }
        ok = ok && encoder.finish(&why);
    }
    if (ok) {
        QFile::remove(path);
        ok = QFile::rename(part, path);
        if (!ok)
            why = Tr::tr("cannot rename %1 to it").arg(QFileInfo(part).fileName());
    }
    if (!ok) {
        QFile::remove(part);
        *error = QStringLiteral("%1: %2").arg(path, why);
    }
    return ok;
}

} // namespace moescope
