#pragma once
// Two stored runs opened side by side, without widgets (the "logic" floor
// under the comparison window): each a StoredRunDocument (the result as
// stored, its picture in a document of its own), and the per-layer
// comparison of any frame of A with any frame of B (jobs/stepcomparison.h).
// Nothing is recomputed.

#include "routing/comparison.h"
#include "storedrundocument.h"

#include <array>
#include <vector>

namespace moescope {

class RunComparison : public QObject
{
    Q_OBJECT
public:
    explicit RunComparison(Workspace *workspace, QObject *parent = nullptr);

    // Reads runs `a` and `b` and opens their pictures; ready() follows
    // (false with `error` when a run cannot be read).
    bool open(qint64 a, qint64 b, QString *error);
    bool isReady() const { return m_pending == 0 && m_opened; }

    // Side 0 is A, 1 is B.
    const StoredRunDocument *side(int side) const { return m_sides[size_t(side)]; }
    const AnalysisResult &result(int side) const { return m_sides[size_t(side)]->result(); }
    ImageDocument *document(int side) const { return m_sides[size_t(side)]->document(); }

    // A's frame `frameA` against B's `frameB`, layer by layer; empty with
    // `why` when either frame has no stored routing.
    std::vector<routing::LayerComparison> compare(int frameA, int frameB, QString *why) const;

    // How the two steps' answers differ, one line per output both kept,
    // from the outputs as stored: classes by the total variation of their
    // probabilities (and the class each chose), segmentations by the mean
    // Dice of their label maps over the labels present, boxes by IoU.
    QStringList compareOutputs(int frameA, int frameB) const;

Q_SIGNALS:
    void ready();

private:
    std::array<StoredRunDocument *, 2> m_sides{};
    int m_pending = 0;
    bool m_opened = false;
};

} // namespace moescope
