#include "stabilitypanel.h"

#include "probeprogress.h"
#include "render/routingimages.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace moescope::gui {

namespace {
constexpr int kMapSide = 260;

// A map of one value per token (nearest: a cell per token) over `picture`.
QImage mapOver(const QImage &picture, const std::vector<float> &values, int rows, int cols,
               render::Colormap colormap, float lo, float hi)
{
    const QImage cells = render::heatmap(values, rows, cols, QSize(cols, rows), colormap, lo, hi);
    const QSize size = picture.isNull()
                           ? QSize(kMapSide, kMapSide * rows / std::max(1, cols))
                           : picture.size().scaled(kMapSide, kMapSide, Qt::KeepAspectRatio);
    const QImage scaled = cells.scaled(size, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    return picture.isNull() ? scaled
                            : render::blend(picture.scaled(size, Qt::IgnoreAspectRatio,
                                                           Qt::SmoothTransformation),
                                            scaled, 0.6);
}
} // namespace

StabilityPanel::StabilityPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("stabilityPanel"));
    m_passes = new QSpinBox(this);
    m_passes->setRange(1, 1000);
    m_passes->setValue(16);
    m_passes->setToolTip(tr("How many perturbed passes"));
    m_noise = new QDoubleSpinBox(this);
    m_noise->setRange(0, 0.5);
    m_noise->setSingleStep(0.01);
    m_noise->setDecimals(3);
    m_noise->setValue(0.02);
    m_noise->setToolTip(tr("Gaussian noise, standard deviation on the 0-1 pixel scale"));
    m_shift = new QSpinBox(this);
    m_shift->setRange(0, 32);
    m_shift->setValue(2);
    m_shift->setSuffix(tr(" px"));
    m_shift->setToolTip(tr("Each pass shifts the picture by up to this many pixels each way"));
    m_check = new QPushButton(tr("Check"), this);
    m_check->setObjectName(QStringLiteral("stabilityCheckButton"));
    m_check->setToolTip(tr("Run the frame shown as it is and perturbed, on the worker"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_progress = new QProgressBar(this);
    m_probe = std::make_unique<ProbeProgress>(m_check, m_cancel, m_progress);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Passes"), this));
    controls->addWidget(m_passes);
    controls->addWidget(new QLabel(tr("Noise"), this));
    controls->addWidget(m_noise);
    controls->addWidget(new QLabel(tr("Shift"), this));
    controls->addWidget(m_shift);
    controls->addStretch(1);
    controls->addWidget(m_check);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_layerCombo = new QComboBox(this);
    m_layerCombo->setObjectName(QStringLiteral("stabilityLayerCombo"));
    m_flip = new QLabel(this);
    m_flip->setObjectName(QStringLiteral("flipRateMap"));
    m_entropy = new QLabel(this);
    auto *maps = new QGridLayout;
    maps->addWidget(new QLabel(tr("Flip rate of the top-1 expert (black 0, bright 1)"), this), 0,
                    0);
    maps->addWidget(new QLabel(tr("Routing entropy of the unperturbed run"), this), 0, 1);
    maps->addWidget(m_flip, 1, 0, Qt::AlignTop | Qt::AlignLeft);
    maps->addWidget(m_entropy, 1, 1, Qt::AlignTop | Qt::AlignLeft);
    m_entropyRange = new QLabel(this);
    maps->addWidget(m_entropyRange, 2, 1);
    maps->setColumnStretch(2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    auto *layerRow = new QHBoxLayout;
    layerRow->addWidget(new QLabel(tr("Layer"), this));
    layerRow->addWidget(m_layerCombo, 1);
    layout->addLayout(layerRow);
    layout->addLayout(maps);
    layout->addStretch(1);

    connect(m_check, &QPushButton::clicked, this, [this] {
        Q_EMIT checkRequested(m_passes->value(), m_noise->value(), m_shift->value());
    });
    connect(m_cancel, &QPushButton::clicked, this, &StabilityPanel::cancelRequested);
    connect(m_layerCombo, &QComboBox::currentIndexChanged, this, &StabilityPanel::showLayer);
    setEnabledForModel(false);
}

void StabilityPanel::setEnabledForModel(bool enabled)
{
    m_check->setEnabled(enabled);
    m_summary->setText(enabled ? tr("How firmly does the router hold its choices? Run the frame "
                                    "shown under small perturbations and see where tokens change "
                                    "expert.")
                               : tr("Load a model and open a picture to check its routing's "
                                    "stability."));
}

void StabilityPanel::showRunning(int done, int total)
{
    m_probe->running(done, total);
}

void StabilityPanel::showFailure(const QString &message)
{
    m_probe->idle();
    m_summary->setText(message);
}

QString StabilityPanel::summary() const
{
    return m_summary->text();
}

void StabilityPanel::showResult(const StabilityResult &result, const QImage &picture)
{
    m_result = result;
    m_picture = picture;
    m_probe->idle();
    QStringList layers;
    for (const LayerStability &s : result.layers)
        layers << tr("%1: %2 % flip, rank correlation with entropy %3")
                      .arg(QString::fromStdString(s.name))
                      .arg(100.0 * s.meanFlipRate, 0, 'f', 1)
                      .arg(s.entropyCorrelation, 0, 'f', 2);
    m_summary->setText(
        tr("Frame %1, %2 passes (noise %3, shift up to %4 px): the answer (\"%5\") changed by "
           "%6 on average; %7 ms.")
            .arg(result.step)
            .arg(result.passes)
            .arg(result.noise)
            .arg(result.shift)
            .arg(QString::fromStdString(result.primaryOutput))
            .arg(result.meanOutputChange, 0, 'f', 4)
            .arg(result.totalMs, 0, 'f', 0));
    {
        const QSignalBlocker blocker(m_layerCombo);
        m_layerCombo->clear();
        m_layerCombo->addItems(layers);
    }
    showLayer(0);
}

void StabilityPanel::showLayer(int layer)
{
    if (layer < 0 || layer >= int(m_result.layers.size())) {
        m_flip->clear();
        m_entropy->clear();
        m_flipImage = {};
        return;
    }
    const LayerStability &s = m_result.layers[size_t(layer)];
    // The entropy from its lowest to its highest value: a near-uniform
    // router's 1.9 … 2 bits would otherwise be one colour.
    const auto [lo, hi] = std::minmax_element(s.entropy.begin(), s.entropy.end());
    const float low = s.entropy.empty() ? 0.f : *lo;
    const float high = s.entropy.empty() ? 1.f : std::max(*hi, low + 1e-3f);
    m_flipImage =
        mapOver(m_picture, s.flipRate, s.rows, s.cols, render::Colormap::Magma, 0.0f, 1.0f);
    m_flip->setPixmap(QPixmap::fromImage(m_flipImage));
    m_entropy->setPixmap(QPixmap::fromImage(
        mapOver(m_picture, s.entropy, s.rows, s.cols, render::Colormap::Viridis, low, high)));
    m_entropyRange->setText(tr("%1 … %2 bits").arg(low, 0, 'f', 2).arg(high, 0, 'f', 2));
}

} // namespace moescope::gui
