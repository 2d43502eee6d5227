#include "runcomparison.h"

#include "jobs/stepcomparison.h"

namespace moescope {

RunComparison::RunComparison(Workspace *workspace, QObject *parent) : QObject(parent)
{
    for (StoredRunDocument *&side : m_sides) {
        side = new StoredRunDocument(workspace, this);
        connect(side, &StoredRunDocument::ready, this, [this] {
            if (--m_pending == 0 && m_opened)
                Q_EMIT ready();
        });
    }
}

bool RunComparison::open(qint64 a, qint64 b, QString *error)
{
    if (m_pending > 0) {
        *error = tr("Still opening the last comparison");
        return false;
    }
    // A side that cannot be read reports nothing; the other's picture may
    // still arrive, and then says nothing either (m_opened stays false).
    m_opened = false;
    m_pending = 2;
    if (!m_sides[0]->open(a, error)) {
        m_pending = 0;
        return false;
    }
    if (!m_sides[1]->open(b, error)) {
        --m_pending;
        return false;
    }
    m_opened = true;
    if (m_pending == 0) // both pictures were already open
        Q_EMIT ready();
    return true;
}

std::vector<routing::LayerComparison> RunComparison::compare(int frameA, int frameB,
                                                             QString *why) const
{
    StepResult mosaicA, mosaicB;
    const StepResult *a = comparedStep(result(0), frameA, &mosaicA);
    const StepResult *b = comparedStep(result(1), frameB, &mosaicB);
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
