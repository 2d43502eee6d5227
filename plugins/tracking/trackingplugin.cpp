// The tracking task plugin (after SPMTrack): opens benchmark sequences
// (GOT-10k, LaSOT, OTB layouts) and runs a template + search-region tracker
// frame by frame, its state carried from each frame to the next
// (trackerrun.h).
#include "sequence.h"
#include "trackerrun.h"
#include "trackingtr.h"
#include "trackrunview.h"
#include "videosource.h"

#include "plugin/genericplugin.h"
#include "plugin/taskplugin.h"
#include "taskplugingui.h"

#include <QFileInfo>
#include <QObject>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
}

using namespace moescope;

class TrackingPlugin : public QObject, public TaskPlugin, public gui::TaskPluginGui
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MoEScopeTaskPlugin_iid FILE "plugin.json")
    Q_INTERFACES(moescope::TaskPlugin moescope::gui::TaskPluginGui)
    // Shown in Help ▸ About (the host reads the property; no API change).
    Q_PROPERTY(QString libraryVersions READ libraryVersions CONSTANT)

public:
    QString libraryVersions() const
    {
        const unsigned v = avformat_version();
        return QStringLiteral("FFmpeg %1 (libavformat %2.%3.%4)")
            .arg(QString::fromLatin1(av_version_info()))
            .arg(v >> 16)
            .arg((v >> 8) & 0xff)
            .arg(v & 0xff);
    }
    QString id() const override { return QStringLiteral("tracking"); }
    QString displayName() const override
    {
        return tracking::Tr::tr("Tracking (TMoE tracker, after SPMTrack)");
    }
    TaskShape shape() const override { return TaskShape::PairedSequence; }
    TaskCapabilities capabilities() const override
    {
        return TaskCapability::Stateful | TaskCapability::OpensFiles;
    }

    std::unique_ptr<TaskRun> createRun(const model::ModelContract &contract,
                                       QSharedPointer<const SceneSource> source,
                                       const PrepareOptions &options, QString *error) const override
    {
        // A picture that is no sequence and no box to start from: a crop
        // pair as it is (a search region, its template from --image
        // template=FILE or the same picture), one forward pass per frame.
        const bool sequence = dynamic_cast<const tracking::FrameSource *>(source.data());
        if (!sequence && !options.extra.contains(QLatin1String(tracking::option::kInitBox)))
            return TaskPlugin::createRun(contract, std::move(source), options, error);
        return tracking::TrackerRun::create(contract, std::move(source), options, error);
    }

    bool prepare(const model::ModelContract &contract, const ImageStack &image, int step,
                 const PrepareOptions &options, model::InputBatch *batch,
                 QString *error) const override
    {
        return prepareStandardInputs(contract, image, step, options, {}, batch, error);
    }

    // The window side: the track's scores and success / precision plots.
    QString runViewTitle() const override { return tracking::Tr::tr("Track"); }
    QWidget *createRunView(QWidget *parent) const override
    {
        return new tracking::TrackRunView(parent);
    }
    void showRun(QWidget *view, const QJsonObject &summary, int) const override
    {
        if (auto *v = qobject_cast<tracking::TrackRunView *>(view))
            v->showSummary(summary);
    }
    bool comparesRuns() const override { return true; }
    void compareWith(QWidget *view, const QString &label, const QJsonObject &summary) const override
    {
        if (auto *v = qobject_cast<tracking::TrackRunView *>(view))
            v->compareWith(label, summary);
    }

    QSharedPointer<SceneSource> openSource(const QString &path, QString *error) const override
    {
        if (tracking::VideoSource::isVideoSuffix(QFileInfo(path).suffix()))
            return tracking::VideoSource::open(path, error);
        return tracking::SequenceSource::open(path, error);
    }
};

#include "trackingplugin.moc"
