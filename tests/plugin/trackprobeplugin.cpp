// A stateful task plugin for the host's tests: a "tracker" over a generated
// `.testtrack` video whose step k reads a search region centred on where step
// k-1 found the target, so the host must consume each step before it
// prepares the next. Built as a real Qt plugin.
#include "plugin/taskplugin.h"
#include "probecommon.h"
#include "probescenes.h"
#include "taskplugingui.h"

#include <QJsonArray>
#include <QLabel>
#include <QObject>

#include <cmath>

using namespace moescope;

namespace {

class TrackProbeRun final : public TaskRun
{
public:
    TrackProbeRun(const model::ModelContract &contract, QSharedPointer<const SceneSource> source,
                  const probe::SquareTrack &track)
        : m_contract(contract), m_source(std::move(source)), m_search(track.search),
          m_x(track.startX), m_y(track.startY)
    {
    }

    int stepCount() const override { return m_source->frameCount(); }

    bool prepare(int step, model::InputBatch *batch, StepOrigins *origins, QString *error) override
    {
        if (step != m_next) {
            *error = QStringLiteral("step %1 asked for before step %2 was consumed")
                         .arg(step)
                         .arg(m_next);
            return false;
        }
        const model::InputSpec &spec = m_contract.inputs.front();
        const QRect rect(int(std::lround(m_x)) - m_search / 2, int(std::lround(m_y)) - m_search / 2,
                         m_search, m_search);
        Raster raster;
        if (!m_source->read(step, rect, QSize(spec.width, spec.height), &raster, error))
            return false;
        batch->batch = 1;
        batch->images[spec.name] = probe::normalised(raster, spec);
        (*origins)[spec.name] = StepOrigin{step, rect, QSize(spec.width, spec.height)};
        m_rect = rect;
        return true;
    }

    QJsonObject consume(int step, const model::ForwardResult &result, int b) override
    {
        const model::HostTensor &box = result.outputs.at("box");
        const float *v = box.values.data() + size_t(b) * 4;
        m_x = m_rect.x() + double(v[0]) * m_rect.width();
        m_y = m_rect.y() + double(v[1]) * m_rect.height();
        m_trajectory.append(QJsonArray{m_x, m_y});
        m_next = step + 1;
        return {{"center", QJsonArray{m_x, m_y}},
                {"search", QJsonArray{m_rect.x(), m_rect.y(), m_rect.width(), m_rect.height()}}};
    }

    QJsonObject finish(bool cancelled) override
    {
        return {{"trajectory", m_trajectory}, {"cancelled", cancelled}};
    }

private:
    const model::ModelContract &m_contract;
    QSharedPointer<const SceneSource> m_source;
    int m_search;
    double m_x, m_y;
    QRect m_rect;
    int m_next = 0;
    QJsonArray m_trajectory;
};

} // namespace

// Also a window side (TaskPluginGui): a view listing the trajectory.
class TrackProbePlugin : public QObject, public TaskPlugin, public gui::TaskPluginGui
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MoEScopeTaskPlugin_iid FILE "trackprobe.json")
    Q_INTERFACES(moescope::TaskPlugin moescope::gui::TaskPluginGui)

public:
    QString id() const override { return QStringLiteral("test-track"); }
    QString displayName() const override { return QStringLiteral("Test tracking probe"); }
    TaskShape shape() const override { return TaskShape::PairedSequence; }
    TaskCapabilities capabilities() const override
    {
        return TaskCapability::Stateful | TaskCapability::OpensFiles;
    }

    std::unique_ptr<TaskRun> createRun(const model::ModelContract &contract,
                                       QSharedPointer<const SceneSource> source,
                                       const PrepareOptions &, QString *error) const override
    {
        QJsonObject o;
        if (!probe::readJson(source->path(), &o, error))
            return nullptr;
        return std::make_unique<TrackProbeRun>(contract, std::move(source), probe::squareTrack(o));
    }

    QString runViewTitle() const override { return QStringLiteral("Track"); }
    QWidget *createRunView(QWidget *parent) const override
    {
        auto *label = new QLabel(parent);
        label->setObjectName(QStringLiteral("trackProbeView"));
        return label;
    }
    void showRun(QWidget *view, const QJsonObject &summary, int frame) const override
    {
        const QJsonArray points = summary.value(QStringLiteral("trajectory")).toArray();
        const QJsonArray at = points.at(std::clamp(frame, 0, int(points.size()) - 1)).toArray();
        static_cast<QLabel *>(view)->setText(QStringLiteral("%1 points; frame %2 at (%3, %4)")
                                                 .arg(points.size())
                                                 .arg(frame)
                                                 .arg(at.at(0).toDouble(), 0, 'f', 1)
                                                 .arg(at.at(1).toDouble(), 0, 'f', 1));
    }

    QSharedPointer<SceneSource> openSource(const QString &path, QString *error) const override
    {
        QJsonObject o;
        if (!probe::readJson(path, &o, error))
            return {};
        const probe::SquareTrack track = probe::squareTrack(o);
        return QSharedPointer<probe::ComputedSource>::create(
            path, QSize(track.width, track.height), track.frames,
            [track](int frame, int x, int y) { return track.value(frame, x, y); });
    }
};

#include "trackprobeplugin.moc"
