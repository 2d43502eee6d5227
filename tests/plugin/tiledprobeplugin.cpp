// A tiled task plugin for the host's tests: it opens `.testscene` files (a
// generated raster of any size, read by region), cuts the scene into
// overlapping tiles read at the model's input size, and keeps summaries only,
// so the host must stitch the routing mosaic. Built as a real Qt plugin.
#include "plugin/outputs.h"
#include "plugin/taskplugin.h"
#include "probecommon.h"
#include "probescenes.h"

#include <QJsonArray>
#include <QObject>

using namespace moescope;

namespace {

class TiledProbeRun final : public TaskRun
{
public:
    TiledProbeRun(const model::ModelContract &contract, QSharedPointer<const SceneSource> source,
                  const PrepareOptions &options)
        : m_contract(contract), m_source(std::move(source))
    {
        m_tile = options.extra.value(QStringLiteral("tile"), 1024).toInt();
        m_stride = options.extra.value(QStringLiteral("stride"), 768).toInt();
        const QSize size = m_source->size();
        auto count = [this](int extent) {
            return extent <= m_tile ? 1 : (extent - m_tile + m_stride - 1) / m_stride + 1;
        };
        m_cols = count(size.width());
        m_rows = count(size.height());
    }

    int stepCount() const override { return m_rows * m_cols; }

    bool prepare(int step, model::InputBatch *batch, StepOrigins *origins, QString *error) override
    {
        const model::InputSpec &spec = m_contract.inputs.front();
        const QRect rect((step % m_cols) * m_stride, (step / m_cols) * m_stride, m_tile, m_tile);
        Raster raster;
        if (!m_source->read(0, rect, QSize(spec.width, spec.height), &raster, error))
            return false;
        batch->batch = 1;
        batch->images[spec.name] = probe::normalised(raster, spec);
        (*origins)[spec.name] = StepOrigin{0, rect, QSize(spec.width, spec.height)};
        return true;
    }

    QJsonObject consume(int, const model::ForwardResult &result, int b) override
    {
        QJsonObject o = interpretOutputs(m_contract, result, b);
        const model::HostTensor &logits = result.outputs.at("logits");
        const float *row = logits.values.data() + size_t(b) * logits.dim(1);
        const double bright = 1.0 / (1.0 + std::exp(double(row[0]) - double(row[1])));
        m_brightSum += bright;
        ++m_consumed;
        return o;
    }

    QJsonObject finish(bool cancelled) override
    {
        return {
            {"tiles", m_consumed},    {"grid", QJsonArray{m_cols, m_rows}},
            {"tile", m_tile},         {"stride", m_stride},
            {"cancelled", cancelled}, {"mean_bright", m_consumed ? m_brightSum / m_consumed : 0.0}};
    }

    StepRetention retention() const override { return StepRetention::SummariesOnly; }

private:
    const model::ModelContract &m_contract;
    QSharedPointer<const SceneSource> m_source;
    int m_tile = 1024, m_stride = 768, m_rows = 1, m_cols = 1;
    double m_brightSum = 0;
    int m_consumed = 0;
};

} // namespace

class TiledProbePlugin : public QObject, public TaskPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MoEScopeTaskPlugin_iid FILE "tiledprobe.json")
    Q_INTERFACES(moescope::TaskPlugin)

public:
    QString id() const override { return QStringLiteral("test-tiled"); }
    QString displayName() const override { return QStringLiteral("Test tiled probe"); }
    TaskShape shape() const override { return TaskShape::TiledScene; }
    TaskCapabilities capabilities() const override
    {
        return TaskCapability::Batchable | TaskCapability::Tiled | TaskCapability::OpensFiles;
    }

    std::unique_ptr<TaskRun> createRun(const model::ModelContract &contract,
                                       QSharedPointer<const SceneSource> source,
                                       const PrepareOptions &options, QString *error) const override
    {
        if (contract.inputs.empty() || contract.inputs.front().kind != model::InputKind::Image) {
            *error = QStringLiteral("the model's first input is not an image");
            return nullptr;
        }
        return std::make_unique<TiledProbeRun>(contract, std::move(source), options);
    }

    QSharedPointer<SceneSource> openSource(const QString &path, QString *error) const override
    {
        QJsonObject o;
        if (!probe::readJson(path, &o, error))
            return {};
        const probe::WaveScene scene = probe::waveScene(o);
        if (scene.width <= 0 || scene.height <= 0) {
            *error = path + QStringLiteral(": width and height must be positive");
            return {};
        }
        return QSharedPointer<probe::ComputedSource>::create(
            path, QSize(scene.width, scene.height), 1,
            [scene](int, int x, int y) { return scene.value(x, y); });
    }
};

#include "tiledprobeplugin.moc"
