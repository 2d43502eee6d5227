#include "windowmatch.h"

#include "flatindex.h"

#include <limits>

namespace moescope::retrieval {

WindowMatch matchWindows(const float *query, int queryCount, const float *item, int itemCount,
                         int dim)
{
    WindowMatch m;
    if (queryCount <= 0 || itemCount <= 0 || dim <= 0)
        return m;
    const size_t d = size_t(dim);
    std::vector<float> q(query, query + size_t(queryCount) * d);
    std::vector<float> g(item, item + size_t(itemCount) * d);
    for (int i = 0; i < queryCount; ++i)
        normalize(q.data() + size_t(i) * d, d);
    for (int j = 0; j < itemCount; ++j)
        normalize(g.data() + size_t(j) * d, d);

    const float lowest = -std::numeric_limits<float>::infinity();
    m.queryBest.assign(size_t(queryCount), lowest);
    m.queryBestWindow.assign(size_t(queryCount), 0);
    m.itemBest.assign(size_t(itemCount), lowest);
    m.bestScore = lowest;
    double sum = 0;
    for (int i = 0; i < queryCount; ++i) {
        const float *a = q.data() + size_t(i) * d;
        for (int j = 0; j < itemCount; ++j) {
            const float *b = g.data() + size_t(j) * d;
            float s = 0;
            for (size_t k = 0; k < d; ++k)
                s += a[k] * b[k];
            if (s > m.queryBest[size_t(i)]) {
                m.queryBest[size_t(i)] = s;
                m.queryBestWindow[size_t(i)] = j;
            }
            if (s > m.itemBest[size_t(j)])
                m.itemBest[size_t(j)] = s;
            if (s > m.bestScore) {
                m.bestScore = s;
                m.bestQueryWindow = i;
                m.bestItemWindow = j;
            }
        }
        sum += m.queryBest[size_t(i)];
    }
    m.score = float(sum / queryCount);
    return m;
}

} // namespace moescope::retrieval
