#include "sequence.h"

#include "trackingtr.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTextStream>

#include <cmath>

namespace moescope::tracking {

namespace {

const QStringList kFrameFilters = {"*.jpg", "*.jpeg", "*.png", "*.bmp"};

// The first of `names` that exists in `folder`.
QString firstExisting(const QDir &folder, const QStringList &names)
{
    for (const QString &n : names)
        if (folder.exists(n))
            return folder.filePath(n);
    return {};
}

// One integer per line (absence.label, cover.label), or one line of
// comma-separated values (LaSOT's full_occlusion.txt, out_of_view.txt).
QList<int> readFlags(const QString &path)
{
    QFile f(path);
    QList<int> flags;
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return flags;
    const QString text = QString::fromUtf8(f.readAll());
    for (const QString &v :
         text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        flags << v.toInt();
    return flags;
}

} // namespace

std::optional<GroundTruth> GroundTruth::read(const QString &path, int frames, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = Tr::tr("%1: cannot be read (%2)").arg(path, f.errorString());
        return std::nullopt;
    }
    GroundTruth truth;
    truth.path = path;
    const QRegularExpression separators(QStringLiteral("[,\\t ]+"));
    int line = 0;
    QTextStream in(&f);
    while (!in.atEnd()) {
        const QString text = in.readLine().trimmed();
        ++line;
        if (text.isEmpty())
            continue;
        const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
        double v[4] = {0, 0, 0, 0};
        bool ok = parts.size() == 4;
        for (int i = 0; ok && i < 4; ++i) {
            v[i] = parts[i].toDouble(&ok);
            ok = ok && std::isfinite(v[i]);
        }
        if (!ok) {
            *error = Tr::tr("%1: line %2 is not four numbers x,y,w,h (\"%3\")")
                         .arg(path)
                         .arg(line)
                         .arg(text.left(60));
            return std::nullopt;
        }
        if (v[2] < 0 || v[3] < 0) {
            *error = Tr::tr("%1: line %2 has a negative width or height").arg(path).arg(line);
            return std::nullopt;
        }
        truth.boxes << QRectF(v[0], v[1], v[2], v[3]);
    }
    if (truth.boxes.isEmpty()) {
        *error = Tr::tr("%1: holds no box").arg(path);
        return std::nullopt;
    }
    if (truth.boxes.size() > 1 && truth.boxes.size() < frames) {
        *error = Tr::tr("%1: %2 boxes for %3 frames (a line per frame, or only the first)")
                     .arg(path)
                     .arg(truth.boxes.size())
                     .arg(frames);
        return std::nullopt;
    }
    return truth;
}

bool SequenceSource::isSequence(const QString &folder)
{
    const QDir dir(folder);
    if (!dir.exists())
        return false;
    const bool truth = !firstExisting(dir, {"groundtruth.txt", "groundtruth_rect.txt"}).isEmpty();
    const bool frames =
        !dir.entryList(kFrameFilters, QDir::Files).isEmpty() ||
        (dir.exists(QStringLiteral("img")) && !QDir(dir.filePath(QStringLiteral("img")))
                                                   .entryList(kFrameFilters, QDir::Files)
                                                   .isEmpty());
    return frames && (truth || dir.exists(QStringLiteral("img")));
}

QSharedPointer<SequenceSource> SequenceSource::open(const QString &path, QString *error)
{
    error->clear();
    const QFileInfo info(path);
    const QString folder = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    if (!info.isDir()) {
        const QString name = info.fileName().toLower();
        if (name != QLatin1String("groundtruth.txt") &&
            name != QLatin1String("groundtruth_rect.txt"))
            return {}; // some other text file: not ours
    }
    if (!isSequence(folder))
        return {};
    QSharedPointer<SequenceSource> s(new SequenceSource);
    s->m_folder = folder;
    const QDir dir(folder);
    const bool img = dir.exists(QStringLiteral("img"));
    const QDir frames(img ? dir.filePath(QStringLiteral("img")) : folder);
    const QString truthPath = firstExisting(dir, {"groundtruth.txt", "groundtruth_rect.txt"});
    s->m_layout = !img                                               ? QStringLiteral("got10k")
                  : truthPath.endsWith(QLatin1String("_rect.txt"))   ? QStringLiteral("otb")
                  : dir.exists(QStringLiteral("full_occlusion.txt")) ? QStringLiteral("lasot")
                                                                     : QStringLiteral("otb");
    // Frames numbered from 1 (or 0) without gaps: a gap means a frame is
    // missing and every box after it would belong to the wrong picture.
    QStringList names = frames.entryList(kFrameFilters, QDir::Files, QDir::Name);
    const QRegularExpression numbered(QStringLiteral("^(\\d+)\\.\\w+$"));
    int expected = -1;
    for (const QString &n : std::as_const(names)) {
        const QRegularExpressionMatch m = numbered.match(n);
        if (!m.hasMatch())
            continue;
        const int number = m.captured(1).toInt();
        if (expected >= 0 && number != expected) {
            *error = Tr::tr("%1: frame %2 is missing (the numbering jumps from %3 to %4)")
                         .arg(frames.path())
                         .arg(expected)
                         .arg(expected - 1)
                         .arg(number);
            return {};
        }
        expected = number + 1;
        s->m_frames << frames.filePath(n);
    }
    if (s->m_frames.isEmpty()) {
        *error = Tr::tr("%1: no numbered frames (00000001.jpg …)").arg(frames.path());
        return {};
    }
    QImageReader reader(s->m_frames.first());
    s->m_size = reader.size();
    if (!s->m_size.isValid()) {
        *error = QStringLiteral("%1: %2").arg(s->m_frames.first(), reader.errorString());
        return {};
    }
    if (!truthPath.isEmpty()) {
        std::optional<GroundTruth> truth =
            GroundTruth::read(truthPath, int(s->m_frames.size()), error);
        if (!truth)
            return {};
        s->m_truth = *truth;
        if (s->m_layout == QLatin1String("got10k")) {
            const QList<int> absence = readFlags(dir.filePath(QStringLiteral("absence.label")));
            for (int a : absence)
                s->m_truth.absent << (a != 0);
            s->m_truth.cover = readFlags(dir.filePath(QStringLiteral("cover.label")));
        } else if (s->m_layout == QLatin1String("lasot")) {
            const QList<int> occluded =
                readFlags(dir.filePath(QStringLiteral("full_occlusion.txt")));
            const QList<int> out = readFlags(dir.filePath(QStringLiteral("out_of_view.txt")));
            for (int f = 0; f < s->m_frames.size(); ++f)
                s->m_truth.absent << (occluded.value(f) != 0 || out.value(f) != 0);
        }
    }
    return s;
}

QString SequenceSource::name() const
{
    return QFileInfo(m_folder).fileName();
}

QByteArray SequenceSource::sha256() const
{
    QMutexLocker lock(&m_mutex);
    if (m_sha256.isEmpty()) {
        // The frames' bytes, in order, and the ground truth: the same sequence
        // reopens its stored tracks wherever it was copied to.
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const QString &p : m_frames) {
            QFile f(p);
            if (f.open(QIODevice::ReadOnly))
                hash.addData(&f);
        }
        QFile truth(m_truth.path);
        if (truth.open(QIODevice::ReadOnly))
            hash.addData(&truth);
        m_sha256 = hash.result().toHex();
    }
    return m_sha256;
}

QJsonObject SequenceSource::properties() const
{
    return {{"kind", "sequence"},          {"layout", m_layout},
            {"frames", frameCount()},      {"width", m_size.width()},
            {"height", m_size.height()},   {"has_groundtruth", !m_truth.isEmpty()},
            {"groundtruth", m_truth.path}, {"groundtruth_boxes", int(m_truth.boxes.size())}};
}

Rgb8 SequenceSource::frame(int index, QString *error) const
{
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_cache.find(index);
        if (it != m_cache.end())
            return *it->second;
    }
    if (index < 0 || index >= m_frames.size()) {
        *error =
            Tr::tr("%1: no frame %2 (%3 frames)").arg(m_folder).arg(index).arg(m_frames.size());
        return {};
    }
    QImageReader reader(m_frames[index]);
    const QImage image = reader.read();
    if (image.isNull()) {
        *error = QStringLiteral("%1: %2").arg(m_frames[index], reader.errorString());
        return {};
    }
    if (image.size() != m_size) {
        *error = Tr::tr("%1: %2 × %3 pixels where the sequence's frames are %4 × %5")
                     .arg(m_frames[index])
                     .arg(image.width())
                     .arg(image.height())
                     .arg(m_size.width())
                     .arg(m_size.height());
        return {};
    }
    auto decoded = QSharedPointer<const Rgb8>::create(Rgb8::fromImage(image));
    QMutexLocker lock(&m_mutex);
    m_cache[index] = decoded;
    m_recent.removeAll(index);
    m_recent << index;
    while (m_recent.size() > 4)
        m_cache.erase(m_recent.takeFirst());
    return *decoded;
}

} // namespace moescope::tracking
