// ResultView's views of a step's inputs (resultview.h): the score map laid
// over the region the model scored, and the step's other image inputs (a
// tracker's template, cut from an earlier frame) beside the frame.
#include "resultview.h"

#include "imagedocument.h"
#include "render/routingimages.h"
#include "routingpanel.h"
#include "sceneview.h"
#include "windowgrid.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QLabel>
#include <QPainter>

namespace moescope::gui {

void ResultView::showScoreMap(const QJsonObject &map)
{
    const int rows = map.value(QStringLiteral("rows")).toInt();
    const int cols = map.value(QStringLiteral("cols")).toInt();
    const QJsonArray values = map.value(QStringLiteral("values")).toArray();
    const bool shown = rows > 0 && cols > 0 && values.size() == qsizetype(rows) * cols;
    m_scoreMapCheck->setVisible(shown);
    if (!shown) {
        if (m_scoreMapShown)
            m_view->setHeatmap({}, {}, -1);
        m_scoreMapShown = false;
        return;
    }
    std::vector<float> v(size_t(values.size()));
    int best = 0;
    for (int i = 0; i < values.size(); ++i) {
        v[size_t(i)] = float(values[i].toDouble());
        if (v[size_t(i)] > v[size_t(best)])
            best = i;
    }
    // One cell per score, laid over the model region (the search region).
    WindowGrid grid;
    grid.rows = rows;
    grid.cols = cols;
    grid.inputW = cols;
    grid.inputH = rows;
    grid.windowW = grid.windowH = grid.strideX = grid.strideY = 1.0;
    m_view->setHeatmap(v, grid, best, tr("score map"));
    m_view->setHeatmapVisible(m_scoreMapCheck->isChecked());
    m_scoreMapShown = true;
}

void ResultView::showSideInputs(const StepResult *step)
{
    m_sideInput->setVisible(false);
    const int l = m_routing->currentLayer();
    const auto source = m_document ? m_document->source() : nullptr;
    if (!step || !source || l < 0 || size_t(l) >= step->layers.size())
        return;
    const routing::LayerRouting &layer = step->layers[size_t(l)];
    const std::string shown = m_routing->gridInput();
    for (const routing::TokenGrid &grid : layer.grids) {
        const auto origin = step->origins.find(grid.input);
        if (grid.input == shown || origin == step->origins.end() ||
            !origin->second.sourceRect.isValid())
            continue;
        // The crop as the model was given it: its part inside the frame
        // read from the source, grey where it reaches past the frame.
        const QRect rect = origin->second.sourceRect;
        constexpr int kSide = 128;
        QImage picture(kSide, kSide, QImage::Format_RGB32);
        picture.fill(QColor(128, 128, 128));
        const QRect inside = rect.intersected(QRect(QPoint(0, 0), source->size()));
        const double sx = double(kSide) / rect.width(), sy = double(kSide) / rect.height();
        const QRect target(
            qRound((inside.x() - rect.x()) * sx), qRound((inside.y() - rect.y()) * sy),
            std::max(1, qRound(inside.width() * sx)), std::max(1, qRound(inside.height() * sy)));
        Raster part;
        QString why;
        if (!inside.isValid() ||
            !source->readForDisplay(origin->second.frame, inside, target.size(),
                                    m_document->displaySettings(), &part, &why))
            continue;
        QPainter p(&picture);
        p.drawImage(target, part.toImageStack().toQImage(0, m_document->window()));
        p.setOpacity(m_routing->opacity());
        p.drawImage(picture.rect(), render::top1Image(routing::top1Map(layer, grid), grid.rows,
                                                      grid.cols, picture.size()));
        p.end();
        m_sideInput->setPixmap(QPixmap::fromImage(picture));
        m_sideInput->setToolTip(tr("%1 (cut from frame %2): top-1 expert of its tokens, %3")
                                    .arg(QString::fromStdString(grid.input))
                                    .arg(origin->second.frame)
                                    .arg(QString::fromStdString(layer.name)));
        m_sideInput->setVisible(true);
        return;
    }
}

} // namespace moescope::gui
