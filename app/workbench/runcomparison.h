#pragma once
// Two stored runs opened side by side, without widgets (the "logic" floor
// under the comparison window): each run's result as stored, the picture it
// was made on in an ImageDocument of its own (in the series and plane it was
// made on), and the per-layer comparison of any frame of A with any frame of
// B (jobs/stepcomparison.h). Nothing is recomputed.

#include "jobs/analysis.h"
#include "routing/comparison.h"

#include <QObject>

#include <array>
#include <vector>

namespace moescope {

class ImageDocument;
class Workspace;

class RunComparison : public QObject
{
    Q_OBJECT
public:
    explicit RunComparison(Workspace *workspace, QObject *parent = nullptr);

    // Reads runs `a` and `b` from the store and opens their pictures on the
    // thread pool; ready() follows (loadFailed() for a run that cannot be read,
    // with false here). A picture no longer there is noted, not fatal.
    bool open(qint64 a, qint64 b, QString *error);
    bool isReady() const { return m_pending == 0 && m_opened; }

    // Side 0 is A, 1 is B.
    const AnalysisResult &result(int side) const { return m_sides[size_t(side)].result; }
    ImageDocument *document(int side) const { return m_sides[size_t(side)].document; }
    // Why the picture is not shown (the file is gone or changed); empty when it is.
    QString imageNote(int side) const { return m_sides[size_t(side)].note; }
    // "Run 12: model on image, frame 3"
    QString describe(int side) const;

    // A's frame `frameA` against B's `frameB`, layer by layer; empty with
    // `why` when either frame has no stored routing.
    std::vector<routing::LayerComparison> compare(int frameA, int frameB, QString *why) const;

Q_SIGNALS:
    void ready();

private:
    struct Side
    {
        AnalysisResult result;
        ImageDocument *document = nullptr;
        QString note;
    };
    bool readRun(qint64 id, Side *side, QString *error);
    void sideLoaded(Side *side);

    Workspace *m_workspace;
    std::array<Side, 2> m_sides;
    int m_pending = 0;
    bool m_opened = false;
};

} // namespace moescope
