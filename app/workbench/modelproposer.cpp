#include "modelproposer.h"

#include <QCoreApplication>

#include <algorithm>

namespace moescope {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::ModelProposer)
};

// Scores: a sample's own model above its task's other models, above the
// plugin that opened the file, above a DICOM Modality match, above a kind match.
constexpr int kSampleModel = 100, kSampleTask = 90, kOpenedBy = 80, kModality = 70, kKind = 40;

const PluginInfo *pluginFor(const QList<PluginInfo> &plugins, const QString &task)
{
    for (const PluginInfo &p : plugins)
        if (!p.builtIn && p.tasks.contains(task))
            return &p;
    // No plugin claims the task: the generic fallback shows it.
    for (const PluginInfo &p : plugins)
        if (p.builtIn)
            return &p;
    return nullptr;
}
} // namespace

QList<ModelProposal> proposeModels(const OpenedImageFacts &facts, const QList<ModelEntry> &models,
                                   const QList<PluginInfo> &plugins, const SampleCatalog &samples,
                                   const QStringList &preferred)
{
    const std::optional<SampleEntry> sample = samples.find(facts.path);
    QList<ModelProposal> out;
    for (const ModelEntry &m : models) {
        ModelProposal p;
        p.path = m.path;
        p.name = m.name;
        p.task = m.task;
        const PluginInfo *plugin = pluginFor(plugins, m.task);
        if (sample && sample->model == m.name) {
            p.score = kSampleModel;
            p.reason = Tr::tr("the sample %1 was made for %2").arg(sample->title, m.name);
        } else if (sample && sample->task == m.task) {
            p.score = kSampleTask;
            p.reason = Tr::tr("a %1 model for the sample %2").arg(m.task, sample->title);
        } else if (!facts.openedByTask.isEmpty() && facts.openedByTask == m.task) {
            p.score = kOpenedBy;
            p.reason = Tr::tr("the %1 plugin reads this file").arg(m.task);
        } else if (facts.openedByTask.isEmpty() && plugin && !facts.modality.isEmpty() &&
                   plugin->proposedModalities.contains(facts.modality.toUpper())) {
            p.score = kModality;
            p.reason = Tr::tr("DICOM modality %1").arg(facts.modality);
        } else if (facts.openedByTask.isEmpty() && plugin &&
                   plugin->proposedKinds.contains(facts.kind) &&
                   // A picture that says what it shows is for its modality's models.
                   (!plugin->builtIn || facts.modality.isEmpty() ||
                    facts.modality == QLatin1String("OT"))) {
            p.score = kKind;
            p.reason = Tr::tr("a %1 image").arg(facts.kind);
        }
        if (p.score > 0)
            out << p;
    }
    auto rank = [&preferred](const QString &path) {
        const qsizetype i = preferred.indexOf(path);
        return i < 0 ? preferred.size() : i;
    };
    std::stable_sort(out.begin(), out.end(), [&](const ModelProposal &a, const ModelProposal &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return rank(a.path) < rank(b.path);
    });
    return out;
}

} // namespace moescope
