#include "windowgrid.h"

#include "model/contract.h"

namespace moescope::gui {

QRectF WindowGrid::windowRect(int index, const QRectF &region) const
{
    if (!valid() || index < 0 || index >= rows * cols)
        return {};
    const int r = index / cols, c = index % cols;
    const double sx = region.width() / inputW, sy = region.height() / inputH;
    return QRectF(region.left() + c * strideX * sx, region.top() + r * strideY * sy, windowW * sx,
                  windowH * sy);
}

QRectF WindowGrid::cellRect(int index, const QRectF &region) const
{
    const QRectF w = windowRect(index, region);
    if (w.isNull())
        return {};
    const double sx = region.width() / inputW, sy = region.height() / inputH;
    const double cw = strideX * sx, ch = strideY * sy;
    return QRectF(w.center().x() - cw / 2, w.center().y() - ch / 2, cw, ch);
}

WindowGrid WindowGrid::fromContract(const model::ModelContract &contract,
                                    const std::string &outputName)
{
    WindowGrid g;
    const model::OutputSpec *out = contract.output(outputName);
    if (!out || out->gridRows <= 0 || out->gridCols <= 0)
        return g;
    g.rows = out->gridRows;
    g.cols = out->gridCols;
    const model::InputSpec *in = contract.input(out->input);
    if (!in)
        for (const model::InputSpec &spec : contract.inputs)
            if (spec.height > 0 && spec.width > 0) {
                in = &spec;
                break;
            }
    if (!in || in->height <= 0 || in->width <= 0)
        return {};
    g.inputW = in->width;
    g.inputH = in->height;
    // Without "stride" / "window" in the contract: windows evenly spaced,
    // each two strides wide (half-overlapping), as the reference model's are.
    g.strideY = out->strideRows > 0 ? out->strideRows : g.inputH / (g.rows + 1);
    g.strideX = out->strideCols > 0 ? out->strideCols : g.inputW / (g.cols + 1);
    g.windowH = out->windowRows > 0 ? out->windowRows : 2 * g.strideY;
    g.windowW = out->windowCols > 0 ? out->windowCols : 2 * g.strideX;
    return g;
}

} // namespace moescope::gui
