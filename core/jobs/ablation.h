#pragma once
// Expert ablation with measured effect (issue 13): does switching an expert
// off change the answer, or only the heatmap? Routing statistics alone do not
// say which experts matter when removed, so the sweep measures both.
//
// One step of a run is prepared once; the model then runs with all experts
// on (the baseline) and once per expert of the chosen layers with that
// expert off (and, optionally, with only that expert on). Each pass's
// outputs are compared with the baseline's by the output's kind:
//   classes       total variation of the class probabilities (0 … 1), and
//                 the probability of the baseline's class;
//   segmentation  1 − mean Dice of the label maps over the labels present;
//   embedding     1 − cosine similarity;
//   box           1 − IoU;
//   other         relative L2 change ‖a − b‖ / ‖b‖, capped at 1.
// Beside it, the routing change: the top-1 agreement of the later layers.
//
// Deletion curves: the image patches whose tokens an expert took (top-1),
// in order of its router probability, are set to the input's mean (0 after
// normalisation) 10 % … 90 % at a time, and the output's score plotted (the
// baseline class's probability, or 1 − the change above).

#include "analysis.h"

#include <QMetaType>

#include <atomic>
#include <map>
#include <vector>

namespace moescope {

// Before against after, for one output; `score` is what a deletion curve
// plots (higher: closer to the baseline's answer).
struct OutputChange
{
    std::string output;
    std::string measure; // "total_variation", "1-dice", "1-cosine", "1-iou", "relative_l2"
    double effect = 0;   // 0: the same answer
    double score = 1;
    int baselineClass = -1; // classes: the baseline's argmax
    int ablatedClass = -1;
};
OutputChange compareOutput(const model::OutputSpec &spec, const model::HostTensor &before,
                           const model::HostTensor &after);

// The outputs an answer is read from: the active task's, in contract order.
std::vector<const model::OutputSpec *> measuredOutputs(const model::ModelContract &contract,
                                                       const PrepareOptions &options);
// compareOutput for each of `outputs` present in both results.
std::vector<OutputChange> outputChanges(const std::vector<const model::OutputSpec *> &outputs,
                                        const model::ForwardResult &before,
                                        const model::ForwardResult &after);

// One step of a run over `source`, prepared once for probing passes (ablation,
// stability): `run` keeps the plugin's state, `batch` the inputs. A stateful
// run (a tracker) knows a later step only by tracking to it: it is probed on
// its first. False with `error` naming the file and the cause.
struct ProbeStep
{
    std::unique_ptr<TaskRun> run;
    int step = 0;
    model::InputBatch batch;
};
bool prepareProbeStep(const model::ModelContract &contract, const TaskPlugin &plugin,
                      const QSharedPointer<const SceneSource> &source,
                      const PrepareOptions &options, int step, ProbeStep *out, QString *error);

struct AblationRequest
{
    QSharedPointer<const SceneSource> source;
    int step = 0;          // the frame ablated (a tracker: from its first)
    int layer = -1;        // -1: every MoE layer
    bool keepOnly = false; // also run each expert alone in its layer
    bool deletion = false; // also the deletion curves of each expert
    PrepareOptions options;
};

struct ExpertEffect
{
    int layer = 0;
    int expert = 0;
    bool keepOnly = false;             // only this expert on (else: this expert off)
    double load = 0;                   // the baseline's top-1 share of this expert
    double meanProb = 0;               // the baseline's mean router probability
    OutputChange change;               // of the primary output
    std::vector<OutputChange> changes; // every output
    double laterAgreement = 1;         // mean top-1 agreement of layers after `layer` (1: none)
};

struct DeletionCurve
{
    int layer = 0, expert = 0;
    int tokens = 0;                // tokens the expert took (top-1)
    std::vector<double> fractions; // 0.1 … 0.9 of those tokens removed
    std::vector<double> scores;
};

struct AblationResult
{
    QString modelName, imagePath, imageSha256;
    int step = 0;
    QJsonObject baselineOutputs; // the plugin's reading of the baseline
    std::string primaryOutput;
    std::vector<ExpertEffect> effects; // ranked: largest effect first
    std::vector<DeletionCurve> curves;
    int passes = 0;
    double forwardMs = 0; // the forward passes alone
    double totalMs = 0;   // preparing, passes, measures
};

// False with `error` (naming the model or the file and the cause): a model
// without an expert_mask input, a layer that is not there, an input the
// plugin cannot prepare. `progress` gets passes done / total.
// Spearman's rank correlation (average ranks for ties); 0 when either side is constant.
double rankCorrelation(const std::vector<double> &x, const std::vector<double> &y);
// Per layer swept, the rank correlation of the experts' loads and the
// effects of switching them off: near 1, the busiest experts matter most;
// near 0 or below, load says little about importance.
std::map<int, double> loadEffectCorrelation(const AblationResult &result);

// The effects as CSV, a header and a row per effect, ranked:
// layer,expert,mode,load,mean_prob,output,measure,effect,score,baseline_class,class,later_agreement
QByteArray ablationCsv(const AblationResult &result);

bool runAblation(model::Engine &engine, const TaskPlugin &plugin, const AblationRequest &request,
                 const std::atomic_bool *cancel, const ProgressCallback &progress,
                 AblationResult *result, QString *error);

} // namespace moescope

Q_DECLARE_METATYPE(moescope::AblationResult)
