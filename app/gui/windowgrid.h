#pragma once
// Where the local windows of a retrieval model's window_embeddings lie over
// the picture the model saw, for the window-match heatmaps.

#include <QRectF>

#include <string>

namespace moescope::model {
struct ModelContract;
}

namespace moescope::gui {

// The sliding windows of a window_embeddings output, in model-input pixels: window (r, c)
// covers [c·strideX, c·strideX + windowW) × [r·strideY, r·strideY + windowH) of an
// inputW × inputH input, which is the query region (or the whole frame) resized.
struct WindowGrid
{
    int rows = 0, cols = 0;
    double inputW = 0, inputH = 0;
    double windowW = 0, windowH = 0, strideX = 0, strideY = 0;

    bool valid() const { return rows > 0 && cols > 0 && inputW > 0 && inputH > 0; }
    // Window `index` (row-major) mapped onto `region` (image pixels).
    QRectF windowRect(int index, const QRectF &region) const;
    // The stride-sized cell at the window's centre: the cells of all windows tile the part of
    // the region the windows' centres span, so the heatmap reads as a grid.
    QRectF cellRect(int index, const QRectF &region) const;

    // From the contract: the output `outputName` ("window_embeddings") with "grid", "window" and
    // "stride", over its image input. Without "window"/"stride" in moescope.json the windows
    // are taken as half-overlapping (window = 2 × stride), as HMAR's are.
    static WindowGrid fromContract(const model::ModelContract &contract,
                                   const std::string &outputName);
};

} // namespace moescope::gui
