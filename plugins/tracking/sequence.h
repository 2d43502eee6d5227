#pragma once
// A tracking benchmark's sequence as a scene source: the frames of a folder in
// GOT-10k's layout (00000001.jpg … beside groundtruth.txt, absence.label,
// cover.label), LaSOT's (img/, groundtruth.txt, full_occlusion.txt,
// out_of_view.txt) or OTB's (img/, groundtruth_rect.txt, separated by
// commas, tabs or spaces), with its ground truth. Frames are decoded on
// demand (Qt's image readers) and the last few kept.

#include "image/scenesource.h"

#include "framesource.h"

#include <QList>
#include <QMutex>
#include <QRectF>
#include <QSharedPointer>
#include <QStringList>

#include <map>
#include <optional>

namespace moescope::tracking {

struct GroundTruth
{
    QString path;        // the file the boxes came from; empty: none
    QList<QRectF> boxes; // x, y, w, h per frame (only the first for a test split)
    QList<bool> absent;  // per frame: the target is not visible (empty: unknown)
    QList<int> cover;    // GOT-10k's visible-ratio bins 0..8 (empty: unknown)
    bool isEmpty() const { return boxes.isEmpty(); }
    // Whether frame `f` has a box and the target is there.
    bool visible(int f) const
    {
        return f < boxes.size() && !(f < absent.size() && absent[f]) &&
               !(f < cover.size() && cover[f] == 0) && boxes[f].width() > 0 &&
               boxes[f].height() > 0;
    }

    // One box per line (x,y,w,h; commas, tabs or spaces). A line that is
    // not four finite numbers, or a negative size, is an error naming the
    // file and the line; so is a file with more than one line but fewer
    // than `frames` (a test split's single first line is fine).
    static std::optional<GroundTruth> read(const QString &path, int frames, QString *error);
};

class SequenceSource final : public FrameSource
{
public:
    // `path`: the sequence folder, or its ground-truth file. nullptr with
    // `error` empty when it is not a sequence (the host tries its own
    // loaders); with `error` set when it is one but broken.
    static QSharedPointer<SequenceSource> open(const QString &path, QString *error);
    // Whether `folder` looks like a sequence (frames and a ground truth or img/).
    static bool isSequence(const QString &folder);

    QString path() const override { return m_folder; }
    QSize size() const override { return m_size; }
    int frameCount() const override { return int(m_frames.size()); }
    QByteArray sha256() const override;
    QJsonObject properties() const override;

    QString name() const; // the sequence's folder name
    QString layout() const { return m_layout; }
    QString framePath(int frame) const { return m_frames.value(frame); }
    const GroundTruth &groundTruth() const { return m_truth; }
    // Frame `frame` decoded, 8-bit RGB; empty with `error` when unreadable.
    Rgb8 frame(int frame, QString *error) const override;

private:
    SequenceSource() = default;

    QString m_folder, m_layout;
    QStringList m_frames;
    QSize m_size;
    GroundTruth m_truth;
    mutable QMutex m_mutex;
    mutable std::map<int, QSharedPointer<const Rgb8>> m_cache; // recently decoded frames
    mutable QList<int> m_recent;
    mutable QByteArray m_sha256;
};

} // namespace moescope::tracking
