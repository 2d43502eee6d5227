#include "taskplugin.h"

#include "outputs.h"

#include <QCoreApplication>

namespace moescope {

namespace {

// The translation context lupdate sees (and the one used at run time).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::TaskPlugin)
};

// The run of a plugin that works on whole frames in memory: each step is one
// frame, prepared and read by the plugin's stateless functions.
class WholeFrameRun final : public TaskRun
{
public:
    WholeFrameRun(const TaskPlugin &plugin, const model::ModelContract &contract,
                  QSharedPointer<const SceneSource> source, const PrepareOptions &options)
        : m_plugin(plugin), m_contract(contract), m_source(std::move(source)),
          m_image(*m_source->stack()), m_options(options), m_region(plugin.modelRegion(m_image))
    {
    }

    int stepCount() const override { return m_plugin.stepCount(m_contract, m_image); }

    bool prepare(int step, model::InputBatch *batch, StepOrigins *origins, QString *error) override
    {
        if (!m_plugin.prepare(m_contract, m_image, step, m_options, batch, error))
            return false;
        const QRect frameRect(0, 0, m_image.width, m_image.height);
        for (const model::InputSpec &spec : m_contract.inputs) {
            if (spec.kind != model::InputKind::Image)
                continue;
            StepOrigin origin;
            origin.frame = std::clamp(step, 0, std::max(0, m_image.frameCount - 1));
            origin.sourceRect = m_region.isValid() ? m_region : frameRect;
            origin.inputSize = QSize(spec.width, spec.height);
            (*origins)[spec.name] = origin;
        }
        return true;
    }

    QJsonObject consume(int, const model::ForwardResult &result, int b) override
    {
        return m_plugin.interpret(m_contract, result, b);
    }

    QRect modelRegion() const override { return m_region; }
    QStringList warnings() const override { return m_plugin.inputWarnings(m_contract, m_image); }

private:
    const TaskPlugin &m_plugin;
    const model::ModelContract &m_contract;
    QSharedPointer<const SceneSource> m_source; // keeps m_image alive
    const ImageStack &m_image;
    PrepareOptions m_options;
    QRect m_region;
};

} // namespace

QString toString(TaskShape shape)
{
    switch (shape) {
    case TaskShape::SingleImage:
        return QStringLiteral("single-image");
    case TaskShape::Gallery:
        return QStringLiteral("gallery");
    case TaskShape::TiledScene:
        return QStringLiteral("tiled-scene");
    case TaskShape::PairedSequence:
        return QStringLiteral("paired-sequence");
    }
    return {};
}

QStringList capabilityNames(TaskCapabilities capabilities)
{
    QStringList names;
    const std::pair<TaskCapability, const char *> all[] = {
        {TaskCapability::Batchable, "batchable"},
        {TaskCapability::Stateful, "stateful"},
        {TaskCapability::Tiled, "tiled"},
        {TaskCapability::Gallery, "gallery"},
        {TaskCapability::OpensFiles, "opens-files"}};
    for (const auto &[flag, name] : all) {
        if (capabilities.testFlag(flag))
            names << QLatin1String(name);
    }
    return names;
}

TaskRun::~TaskRun() = default;

QJsonObject TaskRun::finish(bool)
{
    return {};
}

std::unique_ptr<TaskRun> TaskPlugin::createRun(const model::ModelContract &contract,
                                               QSharedPointer<const SceneSource> source,
                                               const PrepareOptions &options, QString *error) const
{
    if (!source || !source->stack() || source->stack()->isEmpty()) {
        *error = Tr::tr("%1 works on whole pictures in memory; %2 is read by region only")
                     .arg(displayName(), source ? source->path() : QString());
        return nullptr;
    }
    return std::make_unique<WholeFrameRun>(*this, contract, std::move(source), options);
}

QSharedPointer<SceneSource> TaskPlugin::openSource(const QString &path, QString *error) const
{
    *error = Tr::tr("%1: the %2 plugin opens no files of its own").arg(path, id());
    return {};
}

int TaskPlugin::stepCount(const model::ModelContract &, const ImageStack &image) const
{
    return std::max(1, image.frameCount);
}

bool TaskPlugin::prepare(const model::ModelContract &, const ImageStack &, int,
                         const PrepareOptions &, model::InputBatch *, QString *error) const
{
    *error = Tr::tr("the %1 plugin prepares its steps in its own run only").arg(id());
    return false;
}

QJsonObject TaskPlugin::interpret(const model::ModelContract &contract,
                                  const model::ForwardResult &result, int b) const
{
    return interpretOutputs(contract, result, b);
}

QRect TaskPlugin::modelRegion(const ImageStack &) const
{
    return {};
}

QStringList TaskPlugin::inputWarnings(const model::ModelContract &, const ImageStack &) const
{
    return {};
}

} // namespace moescope
