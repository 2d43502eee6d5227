#pragma once
// Tracking benchmarks' metrics, computed as their own toolkits compute them
// (../shared/research/round2-conventions.md; every rule below is theirs):
//
// - GOT-10k (got10k toolkit, experiments/got10k.py): the first frame
//   dropped; both boxes clipped to the image; frames whose cover is 0 left
//   out; the IoUs of all sequences pooled (AO weighs frames, not
//   sequences); AO = mean IoU, SR_t = share of IoUs > t (strict), the
//   success curve on 101 thresholds 0, 0.01 … 1.
// - OTB (the same toolkit, experiments/otb.py): every frame; success curve
//   on 21 thresholds (IoU > t), its mean the success score (AUC);
//   precision on 51 centre-error thresholds 0 … 50 px (error ≤ t), the
//   score at 20 px; curves averaged over sequences.
// - LaSOT (pytracking, analysis/extract_results.py): the first frame's box
//   is the ground truth's; pixel-inclusive boxes (x + w − 1); frames whose
//   ground truth has no size get overlap −1 and stay in the denominator;
//   frames where the target is absent (full occlusion or out of view) get
//   infinite centre errors; success on 0:0.05:1 (>), precision at 20 px and
//   normalised precision (centre error over the ground truth's size) at
//   0.20 (≤), curves averaged over sequences.
//
// Qt Core only.

#include <QJsonObject>
#include <QList>
#include <QRectF>
#include <QSizeF>

#include <vector>

namespace moescope::tracking {

// One sequence's boxes (x, y, w, h per frame) and what its ground truth says.
struct TrackedSequence
{
    QList<QRectF> predicted;
    QList<QRectF> truth;
    QList<int> cover;   // GOT-10k cover.label per frame (empty: all visible)
    QList<bool> absent; // LaSOT full_occlusion | out_of_view per frame (empty: none)
    QSizeF image;       // frame size, for GOT-10k's clipping
};

struct Got10kScores
{
    double ao = 0, sr50 = 0, sr75 = 0;
    std::vector<double> successCurve; // 101 values, at thresholds 0, 0.01 … 1
    int frames = 0;                   // frames scored
};

struct OtbScores
{
    double success = 0;                 // AUC: mean of the success curve
    double precision = 0;               // at 20 px
    double normPrecision = 0;           // at 0.20 (LaSOT only; 0 for OTB)
    std::vector<double> successCurve;   // 21 values
    std::vector<double> precisionCurve; // 51 values, 0 … 50 px
    std::vector<double> normCurve;      // 51 values, 0 … 0.50 (LaSOT)
    int sequences = 0;
};

// Continuous IoU (x + w), as GOT-10k and OTB; `bound` clips both boxes to
// [0, width] × [0, height] first when valid.
double iouContinuous(const QRectF &a, const QRectF &b, const QSizeF &bound = {});

// A tracker's run summary (the tracking plugin's: "frames", "boxes",
// "frame_size", "groundtruth" {"boxes", "cover", "absent"} over the whole
// sequence) as the metrics read it: the frames tracked and their truth.
TrackedSequence trackedFromSummary(const QJsonObject &runSummary);

Got10kScores got10kScores(const QList<TrackedSequence> &sequences);
OtbScores otbScores(const QList<TrackedSequence> &sequences);
OtbScores lasotScores(const QList<TrackedSequence> &sequences);

} // namespace moescope::tracking
