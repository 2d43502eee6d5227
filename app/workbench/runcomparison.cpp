#include "runcomparison.h"

#include "imagedocument.h"
#include "jobs/stepcomparison.h"
#include "jobs/storedrun.h"
#include "plugin/pluginregistry.h"
#include "workspace.h"

#include <QFileInfo>

namespace moescope {

RunComparison::RunComparison(Workspace *workspace, QObject *parent)
    : QObject(parent), m_workspace(workspace)
{
    for (Side &side : m_sides) {
        side.document = new ImageDocument(&workspace->plugins(), this);
        Side *s = &side;
        connect(side.document, &ImageDocument::loaded, this, [this, s] { sideLoaded(s); });
        connect(side.document, &ImageDocument::loadFailed, this, [this, s](const QString &why) {
            s->note = why;
            s->document->close();
            sideLoaded(s);
        });
    }
}

bool RunComparison::readRun(qint64 id, Side *side, QString *error)
{
    std::vector<store::FrameRouting> routing;
    const std::optional<store::RunRecord> record =
        m_workspace->database().loadRun(id, &routing, error);
    if (!record)
        return false;
    side->result = fromStoredRun(*record, routing);
    side->note.clear();
    return true;
}

bool RunComparison::open(qint64 a, qint64 b, QString *error)
{
    if (m_pending > 0) {
        *error = tr("Still opening the last comparison");
        return false;
    }
    if (!readRun(a, &m_sides[0], error) || !readRun(b, &m_sides[1], error))
        return false;
    m_opened = true;
    m_pending = 2;
    for (Side &side : m_sides) {
        const QString path = side.result.imagePath;
        const QByteArray sha = side.result.imageSha256.toLatin1();
        if (side.document->image() && side.document->contentSha256() == sha) {
            sideLoaded(&side); // the same picture as before: nothing to read
        } else if (!QFileInfo::exists(path)) {
            side.note = tr("The image of run %1 (%2) is no longer there; its routing is shown "
                           "without it.")
                            .arg(side.result.runId)
                            .arg(path);
            side.document->close();
            sideLoaded(&side);
        } else {
            side.document->open(path, LoadOptions(), false, sha);
        }
    }
    return true;
}

void RunComparison::sideLoaded(Side *side)
{
    if (side->document->image()) {
        // The run's plane (a coronal cut reopens coronal); a file changed
        // since the run still shows, with a note.
        const QByteArray sha = side->result.imageSha256.toLatin1();
        if (!side->document->showPlaneOf(sha))
            side->note = tr("%1 has changed since run %2 was made; its routing is shown over the "
                            "file as it is now")
                             .arg(side->result.imagePath)
                             .arg(side->result.runId);
        if (!side->result.modelRegion.isValid()) {
            if (TaskPlugin *plugin = m_workspace->plugins().pluginForTask(side->result.task))
                side->result.modelRegion = plugin->modelRegion(*side->document->image());
        }
    }
    if (--m_pending == 0)
        Q_EMIT ready();
}

QString RunComparison::describe(int side) const
{
    const AnalysisResult &r = result(side);
    return tr("Run %1: %2 on %3").arg(r.runId).arg(r.modelName, QFileInfo(r.imagePath).fileName());
}

std::vector<routing::LayerComparison> RunComparison::compare(int frameA, int frameB,
                                                             QString *why) const
{
    const StepResult *a = stepForFrame(result(0), frameA);
    const StepResult *b = stepForFrame(result(1), frameB);
    if (!a || a->layers.empty() || !b || b->layers.empty()) {
        const bool aMissing = !a || a->layers.empty();
        *why = tr("Run %1 kept no routing for frame %2 (only its summary)")
                   .arg(result(aMissing ? 0 : 1).runId)
                   .arg(aMissing ? frameA : frameB);
        return {};
    }
    why->clear();
    return compareSteps(result(0), *a, result(1), *b);
}

} // namespace moescope
