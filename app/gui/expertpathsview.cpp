#include "expertpathsview.h"

#include "render/routingimages.h"

#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

namespace moescope::gui {

namespace {
constexpr double kNodeWidth = 14, kGap = 6, kTop = 24, kBottom = 8, kSide = 34;
} // namespace

AlluvialView::AlluvialView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("expertPathsView"));
    setMouseTracking(true);
    setToolTip(tr("Top-1 expert of each token from layer to layer; click a band to see its "
                  "tokens on the image"));
}

void AlluvialView::setPaths(const routing::ExpertPaths &paths, const QStringList &names)
{
    m_paths = paths;
    m_names = names;
    m_k = m_a = m_b = -1;
    layOut();
    update();
}

void AlluvialView::layOut()
{
    m_bands.clear();
    m_nodes.clear();
    const int n = int(m_paths.layers.size());
    if (n < 2 || m_paths.tokens <= 0)
        return;
    const double width = std::max(1.0, this->width() - 2 * kSide - kNodeWidth);
    const double height = std::max(1.0, this->height() - kTop - kBottom);
    int most = 1;
    for (int e : m_paths.experts)
        most = std::max(most, e);
    const double scale = std::max(0.0, height - kGap * (most - 1)) / m_paths.tokens;
    std::vector<std::vector<QRectF>> rects(static_cast<size_t>(n));
    for (int k = 0; k < n; ++k) {
        const double x = kSide + width * k / (n - 1);
        double y = kTop;
        for (int e = 0; e < m_paths.experts[size_t(k)]; ++e) {
            const int tokens = m_paths.nodeCount(size_t(k), e);
            const QRectF r(x, y, kNodeWidth, tokens * scale);
            rects[size_t(k)].push_back(r);
            m_nodes.push_back({k, e, tokens, r});
            y += r.height() + kGap;
        }
    }
    for (int k = 0; k + 1 < n; ++k) {
        const std::vector<int> m = m_paths.coactivation(size_t(k));
        const int from = m_paths.experts[size_t(k)], to = m_paths.experts[size_t(k) + 1];
        std::vector<double> out(static_cast<size_t>(from), 0.0);
        for (int a = 0; a < from; ++a) {
            for (int b = 0; b < to; ++b) {
                const int tokens = m[size_t(a) * to + b];
                if (tokens == 0)
                    continue;
                const double t = tokens * scale;
                const QRectF &ra = rects[size_t(k)][size_t(a)];
                const QRectF &rb = rects[size_t(k) + 1][size_t(b)];
                // Out of a in the order of b, into b in the order of a.
                double inOffset = 0;
                for (int x = 0; x < a; ++x)
                    inOffset += m[size_t(x) * to + b] * scale;
                const QPointF p0(ra.right(), ra.top() + out[size_t(a)]);
                const QPointF p1(rb.left(), rb.top() + inOffset);
                const double mid = (p0.x() + p1.x()) / 2;
                QPainterPath path(p0);
                path.cubicTo(QPointF(mid, p0.y()), QPointF(mid, p1.y()), p1);
                path.lineTo(p1.x(), p1.y() + t);
                path.cubicTo(QPointF(mid, p1.y() + t), QPointF(mid, p0.y() + t),
                             QPointF(p0.x(), p0.y() + t));
                path.closeSubpath();
                m_bands.push_back({k, a, b, tokens, path});
                out[size_t(a)] += t;
            }
        }
    }
}

QPainterPath AlluvialView::bandShape(int k, int a, int b) const
{
    for (const Band &band : m_bands) {
        if (band.k == k && band.a == a && band.b == b)
            return band.shape;
    }
    return {};
}

void AlluvialView::resizeEvent(QResizeEvent *)
{
    layOut();
}

void AlluvialView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    if (m_nodes.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Expert paths need two or more MoE layers that route tokens on one grid"));
        return;
    }
    const bool picking = m_k >= 0 && m_a >= 0;
    for (const Band &band : m_bands) {
        const bool picked = picking && band.k == m_k && band.a == m_a && (m_b < 0 || band.b == m_b);
        QColor c = render::expertColor(band.a);
        c.setAlpha(picked ? 220 : picking ? 45 : 120);
        p.setPen(picked ? QPen(palette().color(QPalette::Text), 1) : Qt::NoPen);
        p.setBrush(c);
        p.drawPath(band.shape);
    }
    p.setPen(Qt::NoPen);
    for (const Node &node : m_nodes) {
        p.setBrush(render::expertColor(node.e));
        p.drawRect(node.rect);
    }
    p.setPen(palette().color(QPalette::Text));
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    p.setFont(small);
    for (const Node &node : m_nodes) {
        if (node.rect.height() >= 9)
            p.drawText(
                QRectF(node.rect.left() - kSide, node.rect.top(), kSide - 3, node.rect.height()),
                Qt::AlignRight | Qt::AlignVCenter, QString::number(node.e));
    }
    const int n = int(m_paths.layers.size());
    for (int k = 0; k < n; ++k) {
        const double x =
            m_nodes.empty() ? 0 : kSide + (width() - 2 * kSide - kNodeWidth) * k / (n - 1);
        const QString name =
            fontMetrics().elidedText(m_names.value(k), Qt::ElideMiddle, int(width() / n));
        const Qt::Alignment align = k == 0       ? Qt::AlignLeft
                                    : k == n - 1 ? Qt::AlignRight
                                                 : Qt::AlignHCenter;
        const double w = width() / double(n);
        const double left = k == 0       ? x
                            : k == n - 1 ? x + kNodeWidth - w
                                         : x + kNodeWidth / 2 - w / 2;
        p.drawText(QRectF(left, 2, w, kTop - 4), align | Qt::AlignVCenter, name);
    }
}

const AlluvialView::Band *AlluvialView::bandAt(const QPointF &pos) const
{
    for (auto it = m_bands.rbegin(); it != m_bands.rend(); ++it) {
        if (it->shape.contains(pos))
            return &*it;
    }
    return nullptr;
}

const AlluvialView::Node *AlluvialView::nodeAt(const QPointF &pos) const
{
    for (const Node &node : m_nodes) {
        if (node.rect.adjusted(-2, -1, 2, 1).contains(pos))
            return &node;
    }
    return nullptr;
}

void AlluvialView::pick(int k, int a, int b)
{
    m_k = a < 0 ? -1 : k;
    m_a = a;
    m_b = b;
    update();
    Q_EMIT pathPicked(m_k, m_a, m_b);
}

void AlluvialView::mousePressEvent(QMouseEvent *event)
{
    if (const Node *node = nodeAt(event->position()))
        pick(node->k, node->e, -1);
    else if (const Band *band = bandAt(event->position()))
        pick(band->k, band->a, band->b);
    else
        pick(-1, -1, -1);
}

bool AlluvialView::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const QPointF pos = static_cast<QHelpEvent *>(event)->pos();
    QString text;
    if (const Node *node = nodeAt(pos)) {
        text = tr("%1, expert %2: %n token(s)", nullptr, node->tokens)
                   .arg(m_names.value(node->k))
                   .arg(node->e);
    } else if (const Band *band = bandAt(pos)) {
        const int from = m_paths.nodeCount(size_t(band->k), band->a);
        text = tr("%1 expert %2 → %3 expert %4: %n token(s), %5 % of expert %2's", nullptr,
                  band->tokens)
                   .arg(m_names.value(band->k))
                   .arg(band->a)
                   .arg(m_names.value(band->k + 1))
                   .arg(band->b)
                   .arg(from > 0 ? 100.0 * band->tokens / from : 0.0, 0, 'f', 1);
    }
    if (text.isEmpty())
        QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), toolTip(), this);
    else
        QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), text, this);
    return true;
}

ExpertPathsPanel::ExpertPathsPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("expertPathsPanel"));
    m_view = new AlluvialView(this);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_regionButton = new QPushButton(tr("Draw region"), this);
    m_regionButton->setObjectName(QStringLiteral("pathsRegionButton"));
    m_regionButton->setCheckable(true);
    m_regionButton->setToolTip(tr("Drag a rectangle on the image: the paths of its tokens only "
                                  "(switch off for every token)"));
    m_matrix = new QTableWidget(this);
    m_matrix->setObjectName(QStringLiteral("coactivationMatrix"));
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_matrix->setToolTip(tr("Co-activation: tokens whose top-1 expert is the row's in the first "
                            "layer and the column's in the next"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_regionButton, 0, Qt::AlignLeft);
    layout->addWidget(m_view, 3);
    layout->addWidget(m_note);
    layout->addWidget(m_matrix, 2);
    connect(m_regionButton, &QPushButton::toggled, this, [this](bool on) {
        if (!on)
            showPaths({}); // every token again
        Q_EMIT regionModeChanged(on);
    });
    connect(m_view, &AlluvialView::pathPicked, this, [this](int k, int a, int b) {
        if (k >= 0)
            showMatrix(k);
        if (a < 0) {
            Q_EMIT tokensPicked(0, 0, {});
            m_note->setText(tr("%n token(s) on a %1×%2 grid; click a band or a bar to see its "
                               "tokens on the image",
                               nullptr, m_paths.tokens)
                                .arg(m_paths.rows)
                                .arg(m_paths.cols));
            return;
        }
        const std::vector<bool> on = m_paths.onPath(size_t(k), a, b);
        const int count = int(std::count(on.begin(), on.end(), true));
        m_note->setText(
            b < 0 ? tr("Layer %1, expert %2: %n token(s)", nullptr, count)
                        .arg(m_paths.layers[size_t(k)])
                        .arg(a)
                  : tr("Layer %1 expert %2 → layer %3 expert %4: %n token(s)", nullptr, count)
                        .arg(m_paths.layers[size_t(k)])
                        .arg(a)
                        .arg(m_paths.layers[size_t(k) + 1])
                        .arg(b));
        Q_EMIT tokensPicked(m_paths.rows, m_paths.cols, on);
    });
}

QString ExpertPathsPanel::note() const
{
    return m_note->text();
}

void ExpertPathsPanel::setLayers(const std::vector<routing::LayerRouting> *layers)
{
    m_layers = layers;
    showPaths({});
}

bool ExpertPathsPanel::isRegionMode() const
{
    return m_regionButton->isChecked();
}

void ExpertPathsPanel::setDrawnRegion(const QRect &drawn, const QRectF &modelRegion)
{
    if (drawn.isEmpty() || m_paths.rows <= 0 || m_paths.cols <= 0 || modelRegion.isEmpty()) {
        showPaths({});
        return;
    }
    // The grid lies over the model region; a token counts when its cell's
    // centre is inside the rectangle.
    const double w = modelRegion.width() / m_paths.cols, h = modelRegion.height() / m_paths.rows;
    std::vector<bool> region(size_t(m_paths.rows) * m_paths.cols);
    for (int r = 0; r < m_paths.rows; ++r)
        for (int c = 0; c < m_paths.cols; ++c)
            region[size_t(r) * m_paths.cols + c] = QRectF(drawn).contains(
                QPointF(modelRegion.left() + (c + 0.5) * w, modelRegion.top() + (r + 0.5) * h));
    showPaths(region);
}

void ExpertPathsPanel::showPaths(const std::vector<bool> &region)
{
    m_paths = m_layers ? routing::expertPaths(*m_layers, {}, region) : routing::ExpertPaths();
    QStringList names;
    for (int l : m_paths.layers)
        names << QStringLiteral("%1: %2").arg(l).arg(
            QString::fromStdString((*m_layers)[size_t(l)].name));
    m_view->setPaths(m_paths, names);
    Q_EMIT tokensPicked(0, 0, {});
    if (m_paths.layers.size() < 2) {
        m_matrix->clear();
        m_matrix->setRowCount(0);
        m_matrix->setColumnCount(0);
        m_note->setText(m_layers ? tr("No paths: fewer than two MoE layers route tokens on one "
                                      "grid. %1")
                                       .arg(QString::fromStdString(m_paths.reason))
                                 : QString());
        return;
    }
    m_note->setText((region.empty() ? tr("%n token(s) on a %1×%2 grid; click a band or a bar to "
                                         "see its tokens on the image. %3",
                                         nullptr, m_paths.tokens)
                                    : tr("%n token(s) of the drawn region, on a %1×%2 grid; click "
                                         "a band or a bar to see its tokens on the image. %3",
                                         nullptr, m_paths.tokens))
                        .arg(m_paths.rows)
                        .arg(m_paths.cols)
                        .arg(QString::fromStdString(m_paths.reason)));
    showMatrix(0);
}

void ExpertPathsPanel::showMatrix(int k)
{
    const std::vector<int> m = m_paths.coactivation(size_t(k));
    const int rows = m_paths.experts[size_t(k)], cols = m_paths.experts[size_t(k) + 1];
    m_matrix->clear();
    m_matrix->setRowCount(rows);
    m_matrix->setColumnCount(cols);
    QStringList rowNames, colNames;
    for (int a = 0; a < rows; ++a)
        rowNames << tr("L%1 e%2").arg(m_paths.layers[size_t(k)]).arg(a);
    for (int b = 0; b < cols; ++b)
        colNames << tr("L%1 e%2").arg(m_paths.layers[size_t(k) + 1]).arg(b);
    m_matrix->setVerticalHeaderLabels(rowNames);
    m_matrix->setHorizontalHeaderLabels(colNames);
    const int most = std::max(1, *std::max_element(m.begin(), m.end()));
    for (int a = 0; a < rows; ++a) {
        for (int b = 0; b < cols; ++b) {
            const int v = m[size_t(a) * cols + b];
            auto *item = new QTableWidgetItem(QString::number(v));
            item->setTextAlignment(Qt::AlignCenter);
            // Darker blue: more tokens take that pair.
            const int shade = 255 - 170 * v / most;
            item->setBackground(QColor(shade, shade + (255 - shade) / 3, 255));
            item->setForeground(shade < 150 ? Qt::white : Qt::black);
            m_matrix->setItem(a, b, item);
        }
    }
}

} // namespace moescope::gui
