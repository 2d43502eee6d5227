#include "storedrundocument.h"

#include "imagedocument.h"
#include "jobs/stepcomparison.h"
#include "jobs/storedrun.h"
#include "plugin/pluginregistry.h"
#include "workspace.h"

#include <QFileInfo>

namespace moescope {

StoredRunDocument::StoredRunDocument(Workspace *workspace, QObject *parent)
    : QObject(parent), m_workspace(workspace),
      m_document(new ImageDocument(&workspace->plugins(), this))
{
    connect(m_document, &ImageDocument::loaded, this, &StoredRunDocument::loaded);
    connect(m_document, &ImageDocument::loadFailed, this, [this](const QString &why) {
        m_note = why;
        m_document->close();
        loaded();
    });
}

bool StoredRunDocument::open(qint64 id, QString *error)
{
    if (m_loading) {
        *error = tr("Still opening run %1").arg(m_result.runId);
        return false;
    }
    std::vector<store::FrameRouting> routing;
    const std::optional<store::RunRecord> record =
        m_workspace->database().loadRun(id, &routing, error);
    if (!record)
        return false;
    m_result = fromStoredRun(*record, routing);
    m_note.clear();
    m_loading = true;
    const QString path = m_result.imagePath;
    const QByteArray sha = m_result.imageSha256.toLatin1();
    if (m_document->image() && m_document->contentSha256() == sha) {
        loaded(); // the same picture as before: nothing to read
    } else if (!QFileInfo::exists(path)) {
        m_note = tr("The image of run %1 (%2) is no longer there; its routing is shown without "
                    "it.")
                     .arg(id)
                     .arg(path);
        m_document->close();
        loaded();
    } else if (!m_document->open(path, LoadOptions(), false, sha)) {
        m_note = tr("%1 could not be opened").arg(path);
        loaded();
    }
    return true;
}

void StoredRunDocument::loaded()
{
    if (m_document->image()) {
        // The run's plane (a coronal cut reopens coronal); a file changed
        // since the run still shows, with a note.
        if (!m_document->showPlaneOf(m_result.imageSha256.toLatin1()))
            m_note = tr("%1 has changed since run %2 was made; its routing is shown over the "
                        "file as it is now")
                         .arg(m_result.imagePath)
                         .arg(m_result.runId);
        if (!m_result.modelRegion.isValid()) {
            if (TaskPlugin *plugin = m_workspace->plugins().pluginForTask(m_result.task))
                m_result.modelRegion = plugin->modelRegion(*m_document->image());
        }
    }
    m_loading = false;
    Q_EMIT ready();
}

QString StoredRunDocument::describe() const
{
    return tr("Run %1: %2 on %3")
        .arg(m_result.runId)
        .arg(m_result.modelName, QFileInfo(m_result.imagePath).fileName());
}

int StoredRunDocument::firstFrame() const
{
    if (const StepResult *s = stepForFrame(m_result, -1))
        return s->step;
    return m_result.steps.isEmpty() ? 0 : m_result.steps.first().step;
}

} // namespace moescope
