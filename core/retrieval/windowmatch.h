#pragma once
// Which local window matched: HMAR's sliding-window matching between the
// window embeddings of a query and of a gallery item (cosine similarity of
// every query window with every item window). Gives the heatmaps the result
// view lays over the query and the hit.

#include <vector>

namespace moescope::retrieval {

struct WindowMatch
{
    // Per query window: its best cosine over the item's windows, and which.
    std::vector<float> queryBest;
    std::vector<int> queryBestWindow;
    // Per item window: its best cosine over the query's windows.
    std::vector<float> itemBest;
    // The mean of queryBest: the sliding-window matching score.
    float score = 0;
    // The best pair of all.
    int bestQueryWindow = -1, bestItemWindow = -1;
    float bestScore = 0;
};

// query: queryCount × dim, item: itemCount × dim, row-major; need not be
// normalised. Empty result when either side has no windows.
WindowMatch matchWindows(const float *query, int queryCount, const float *item, int itemCount,
                         int dim);

} // namespace moescope::retrieval
