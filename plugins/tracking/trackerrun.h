#pragma once
// The tracking loop of the recipe's tracker (resources/models/recipe/
// tracking/tracker.py), one frame per step on the host's worker:
//
//   init frame: the template, a crop of 2·sqrt(w·h) around the initial box;
//   every frame from it on: the search region, a crop of 4·sqrt(w·h) around
//     the previous box; the model gives the box in the crop's coordinates
//     (its head already picks the best cell under a Hann window), mapped back
//     to the frame with its centre kept inside the frame and its sides
//     clamped to [4, the frame's side].
//
// The initial box is the run option "init_box" (x,y,w,h) or the ground
// truth's box on the init frame; the init frame is the first step the host
// asks for. Steps are frame numbers. The init frame's own box is the given
// one (as the benchmarks score it); its forward pass shows the routing there.

#include "crop.h"
#include "sequence.h"

#include "plugin/taskplugin.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <optional>

namespace moescope::tracking {

namespace option {
inline constexpr char kInitBox[] = "init_box"; // "x,y,w,h" or QRectF: the box on the init frame
inline constexpr char kTemplateFactor[] = "template_factor"; // double, default 2
inline constexpr char kSearchFactor[] = "search_factor";     // double, default 4
} // namespace option

class TrackerRun final : public TaskRun
{
public:
    static std::unique_ptr<TrackerRun> create(const model::ModelContract &contract,
                                              QSharedPointer<const SceneSource> source,
                                              const PrepareOptions &options, QString *error);

    int stepCount() const override { return m_source->frameCount(); }
    bool prepare(int step, model::InputBatch *batch, StepOrigins *origins, QString *error) override;
    QJsonObject consume(int step, const model::ForwardResult &result, int b) override;
    QJsonObject finish(bool cancelled) override;
    QString failure() const override { return m_failure; }
    QStringList warnings() const override { return m_warnings; }

private:
    TrackerRun() = default;
    bool initialise(int frame, QString *error);
    std::vector<float> normalised(const std::vector<std::uint8_t> &rgb, int size,
                                  const model::InputSpec &spec) const;
    Rgb8 frame(int index, QString *error) const;

    model::ModelContract m_contract;
    QSharedPointer<const SceneSource> m_source;
    const FrameSource *m_frames = nullptr;      // a sequence or a video: whole RGB frames
    const SequenceSource *m_sequence = nullptr; // when it is a benchmark sequence
    const model::InputSpec *m_templateSpec = nullptr;
    const model::InputSpec *m_searchSpec = nullptr;
    double m_templateFactor = 2.0, m_searchFactor = 4.0;
    std::optional<QRectF> m_initBox; // asked for; else the ground truth's
    int m_initFrame = -1;
    CropWindow m_templateWindow;
    std::vector<float> m_template; // normalised, C×H×W
    QRectF m_box;                  // the box on the last frame consumed
    CropWindow m_searchWindow;     // where the search region of the step in flight lies
    QElapsedTimer m_stepClock;     // from prepare() to consume() of the step in flight
    struct Track
    {
        int frame;
        QRectF box;
        double score;
        double iou;     // < 0: no ground truth there
        double seconds; // preparing the frame to reading the model's box
    };
    QList<Track> m_track;
    QStringList m_warnings;
    QString m_failure;
};

} // namespace moescope::tracking
