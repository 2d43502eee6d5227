#pragma once
// One stored run with the picture it was made on, without widgets: the
// result as stored, and the picture in an ImageDocument of its own (in the
// series and plane the run was made on), for views other than the main one
// (the comparison window, presentation mode). Nothing is recomputed.

#include "jobs/analysis.h"

#include <QObject>

namespace moescope {

class ImageDocument;
class Workspace;

class StoredRunDocument : public QObject
{
    Q_OBJECT
public:
    explicit StoredRunDocument(Workspace *workspace, QObject *parent = nullptr);

    // Reads run `id` and opens its picture on the thread pool; ready()
    // follows (false with `error` when the run cannot be read). A picture no
    // longer there, or changed, is noted (imageNote), not fatal.
    bool open(qint64 id, QString *error);
    bool isLoading() const { return m_loading; }

    const AnalysisResult &result() const { return m_result; }
    ImageDocument *document() const { return m_document; }
    QString imageNote() const { return m_note; }
    // "Run 12: model on image"
    QString describe() const;
    // The frame a result opens at: its first step that kept full routing, else its first.
    int firstFrame() const;

Q_SIGNALS:
    void ready();

private:
    void loaded();

    Workspace *m_workspace;
    ImageDocument *m_document;
    AnalysisResult m_result;
    QString m_note;
    bool m_loading = false;
};

} // namespace moescope
