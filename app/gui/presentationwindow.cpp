#include "presentationwindow.h"

#include "cineplayer.h"
#include "imagedocument.h"
#include "resultview.h"
#include "sceneview.h"
#include "storedrundocument.h"

#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace moescope::gui {

PresentationWindow::PresentationWindow(Workspace *workspace, QList<qint64> runs, int layer,
                                       RoutingPanel::OverlayMode mode, int expert, QWidget *parent)
    : QWidget(parent, Qt::Window), m_runs(std::move(runs)), m_layer(std::max(0, layer)),
      m_mode(mode), m_expert(expert)
{
    setObjectName(QStringLiteral("presentationWindow"));
    setWindowTitle(tr("MoEScope presentation"));
    setAttribute(Qt::WA_DeleteOnClose);
    QPalette dark = palette();
    dark.setColor(QPalette::Window, Qt::black);
    dark.setColor(QPalette::WindowText, Qt::white);
    setPalette(dark);
    setAutoFillBackground(true);
    m_run = new StoredRunDocument(workspace, this);
    m_view = new ResultView(this);
    m_view->hideAllButThePicture();
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("presentationCaption"));
    m_caption->setWordWrap(true);
    m_caption->setAlignment(Qt::AlignCenter);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    m_caption->setFont(big);
    m_hint = new QLabel(tr("← → runs   ↑ ↓ layers   O overlay   Esc leaves"), this);
    m_hint->setAlignment(Qt::AlignCenter);
    QPalette grey = dark;
    grey.setColor(QPalette::WindowText, QColor(150, 150, 150));
    m_hint->setPalette(grey);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_caption);
    layout->addWidget(m_hint);
    connect(m_run, &StoredRunDocument::ready, this, &PresentationWindow::present);
    connect(m_view->routingPanel(), &RoutingPanel::layerChanged, this,
            &PresentationWindow::updateCaption);
}

PresentationWindow::~PresentationWindow()
{
    m_view->setResult(nullptr);
    m_view->setDocument(nullptr);
}

qint64 PresentationWindow::shownRun() const
{
    return m_index >= 0 && m_index < m_runs.size() ? m_runs[m_index] : 0;
}

QString PresentationWindow::caption() const
{
    return m_caption->text();
}

void PresentationWindow::showRun(int index)
{
    // Past either end, or the run already shown: nothing to do.
    if (index < 0 || index >= m_runs.size() || index == m_index || m_run->isLoading())
        return;
    m_index = index;
    QString error;
    if (!m_run->open(m_runs[m_index], &error))
        m_caption->setText(error);
}

void PresentationWindow::present()
{
    ImageDocument *document = m_run->document();
    const AnalysisResult &result = m_run->result();
    const bool hasImage = bool(document->image());
    m_view->setDocument(hasImage ? document : nullptr);
    m_view->setResult(&result);
    if (!hasImage)
        m_view->sceneView()->setPlaceholder(m_run->imageNote());
    const int frame = m_run->firstFrame();
    {
        const QSignalBlocker blocker(m_view->player());
        m_view->player()->setFrames(
            std::max(hasImage ? document->frameCount() : 0,
                     result.steps.isEmpty() ? 1 : result.steps.last().step + 1),
            0);
        m_view->player()->setFrame(frame);
    }
    m_view->showFrame(frame);
    RoutingPanel *routing = m_view->routingPanel();
    const int layers = int(routing->layers().size());
    if (layers > 0)
        routing->setCurrentLayer(std::clamp(m_layer, 0, layers - 1));
    routing->setOverlayMode(m_mode, m_expert);
    m_view->hideAllButThePicture(); // showFrame shows a tracker's extras again
    m_view->sceneView()->fitToWindow();
    updateCaption();
    Q_EMIT shown(result.runId);
}

void PresentationWindow::updateCaption()
{
    const AnalysisResult &result = m_run->result();
    const RoutingPanel *routing = m_view->routingPanel();
    const int layer = routing->currentLayer();
    QString text = m_run->describe();
    if (layer >= 0 && layer < int(routing->layers().size()))
        text += tr(" · layer %1 (%2)")
                    .arg(layer)
                    .arg(QString::fromStdString(routing->layers()[size_t(layer)].name));
    switch (routing->overlayMode()) {
    case RoutingPanel::OverlayMode::Top1:
        text += tr(" · top-1 expert");
        break;
    case RoutingPanel::OverlayMode::Entropy:
        text += tr(" · routing entropy");
        break;
    case RoutingPanel::OverlayMode::Expert:
        text += tr(" · expert %1").arg(routing->selectedExpert());
        break;
    case RoutingPanel::OverlayMode::None:
        break;
    }
    const StepResult *step = result.steps.isEmpty() ? nullptr : &result.steps.first();
    for (const QJsonValue &v : step ? step->outputs : QJsonObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(QStringLiteral("predicted"))) {
            const QJsonArray top = o.value(QStringLiteral("top")).toArray();
            text +=
                tr(" · %1 %2 %")
                    .arg(o.value(QStringLiteral("predicted")).toString())
                    .arg(100.0 * top.first()[QStringLiteral("probability")].toDouble(), 0, 'f', 1);
            break;
        }
    }
    if (!m_run->imageNote().isEmpty())
        text += QStringLiteral("\n") + m_run->imageNote();
    m_caption->setText(QStringLiteral("%1 / %2   ").arg(m_index + 1).arg(m_runs.size()) + text);
}

void PresentationWindow::keyPressEvent(QKeyEvent *event)
{
    RoutingPanel *routing = m_view->routingPanel();
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        showRun(m_index + 1);
        break;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
        showRun(m_index - 1);
        break;
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const int layers = int(routing->layers().size());
        if (layers > 0) {
            m_layer = std::clamp(routing->currentLayer() + (event->key() == Qt::Key_Down ? 1 : -1),
                                 0, layers - 1);
            routing->setCurrentLayer(m_layer);
        }
        break;
    }
    case Qt::Key_O:
        m_mode = m_mode == RoutingPanel::OverlayMode::Top1      ? RoutingPanel::OverlayMode::Entropy
                 : m_mode == RoutingPanel::OverlayMode::Entropy ? RoutingPanel::OverlayMode::None
                                                                : RoutingPanel::OverlayMode::Top1;
        routing->setOverlayMode(m_mode, m_expert);
        updateCaption();
        break;
    case Qt::Key_Escape:
        close();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace moescope::gui
