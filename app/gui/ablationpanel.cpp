#include "ablationpanel.h"

#include "percentbars.h"
#include "probeprogress.h"
#include "render/routingimages.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace moescope::gui {

namespace {

enum Column { Layer, Expert, Mode, Load, Effect, Answer, Later, ColumnCount };

QTableWidgetItem *number(double value, const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QChartView *chartView(QChart *chart, QWidget *parent)
{
    chart->setMargins(QMargins(2, 2, 2, 2));
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(200);
    return view;
}

} // namespace

AblationPanel::AblationPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("ablationPanel"));
    setMinimumHeight(420);
    m_layerCombo = new QComboBox(this);
    m_layerCombo->setObjectName(QStringLiteral("ablationLayerCombo"));
    m_layerCombo->setToolTip(tr("The MoE layer whose experts are switched off one at a time"));
    m_keepOnly = new QCheckBox(tr("Each expert alone too"), this);
    m_keepOnly->setToolTip(tr("Also run with only that expert on in its layer"));
    m_deletion = new QCheckBox(tr("Deletion curves"), this);
    m_deletion->setObjectName(QStringLiteral("ablationDeletionCheck"));
    m_deletion->setToolTip(tr("Remove each expert's patches, most confident first (10-90 %), "
                              "and plot how the answer holds up"));
    m_sweep = new QPushButton(tr("Sweep"), this);
    m_sweep->setObjectName(QStringLiteral("ablationSweepButton"));
    m_sweep->setToolTip(tr("Run the model once per expert with that expert switched off, on "
                           "the frame shown"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_progress = new QProgressBar(this);
    m_probe = std::make_unique<ProbeProgress>(m_sweep, m_cancel, m_progress);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Layer"), this));
    controls->addWidget(m_layerCombo, 1);
    controls->addWidget(m_keepOnly);
    controls->addWidget(m_deletion);
    controls->addWidget(m_sweep);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("ablationSummary"));
    m_summary->setWordWrap(true);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("ablationTable"));
    m_table->setHorizontalHeaderLabels({tr("Layer"), tr("Expert"), tr("Mode"), tr("Load"),
                                        tr("Effect"), tr("Answer"), tr("Later layers agree")});
    m_table->horizontalHeaderItem(Effect)->setToolTip(
        tr("How much the answer changed: total variation of the class probabilities, 1 − Dice "
           "of the label maps, 1 − cosine of the embeddings or 1 − IoU of the boxes"));
    m_table->horizontalHeaderItem(Later)->setToolTip(
        tr("Top-1 agreement of the layers after this one with the unablated run"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_runOff = new QPushButton(tr("Run with this expert off"), this);
    m_runOff->setObjectName(QStringLiteral("ablationRunButton"));
    m_runOff->setToolTip(tr("Run the picture again with the chosen row's change, store it and "
                            "compare it with the run shown"));
    m_runOff->setEnabled(false);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setEnabled(false);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_runOff);
    actions->addStretch(1);
    actions->addWidget(m_export);

    m_loadChart = new QChart;
    m_loadChart->setTitle(tr("Load and effect per expert"));
    m_deletionChart = new QChart;
    m_deletionChart->setTitle(tr("Deletion curves"));
    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(chartView(m_loadChart, charts));
    charts->addWidget(chartView(m_deletionChart, charts));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    layout->addWidget(charts, 1);

    connect(m_sweep, &QPushButton::clicked, this, [this] {
        Q_EMIT sweepRequested(chosenLayer(), m_keepOnly->isChecked(), m_deletion->isChecked());
    });
    connect(m_cancel, &QPushButton::clicked, this, &AblationPanel::cancelRequested);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_table->currentRow();
        m_runOff->setEnabled(row >= 0);
        const bool alone = row >= 0 && row < int(m_result.effects.size()) &&
                           m_result.effects[size_t(row)].keepOnly;
        m_runOff->setText(alone ? tr("Run with only this expert on")
                                : tr("Run with this expert off"));
    });
    connect(m_runOff, &QPushButton::clicked, this, [this] {
        const QList<QPair<int, int>> disabled = disabledFor(m_table->currentRow());
        if (!disabled.isEmpty())
            Q_EMIT runRequested(disabled);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export ablation"), QStringLiteral("ablation.csv"), tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportTable(path, &error))
            QMessageBox::warning(this, tr("Export ablation"), error);
    });
    setModel(nullptr, false);
}

void AblationPanel::setModel(const model::ModelContract *contract, bool canAblate)
{
    m_layerCombo->clear();
    m_experts.clear();
    m_result = AblationResult();
    m_table->setRowCount(0);
    updateCharts();
    if (contract) {
        m_layerCombo->addItem(tr("Every layer"), -1);
        for (size_t l = 0; l < contract->moeLayers.size(); ++l) {
            const model::MoeLayerSpec &layer = contract->moeLayers[l];
            m_experts.push_back(layer.experts);
            m_layerCombo->addItem(tr("%1: %2 (%n experts)", nullptr, layer.experts)
                                      .arg(l)
                                      .arg(QString::fromStdString(layer.name)),
                                  int(l));
        }
        if (contract->moeLayers.size() > 1)
            m_layerCombo->setCurrentIndex(1);
    }
    m_sweep->setEnabled(canAblate);
    m_summary->setText(!contract ? tr("Load a model that takes an expert_mask to switch its "
                                      "experts off.")
                       : canAblate
                           ? tr("Switch each expert of a layer off in turn and measure how the "
                                "answer changes, beside how much of the routing it gets.")
                           : tr("Model %1 takes no expert_mask input: its experts cannot be "
                                "switched off (docs/model-contract.md, \"Expert ablation\").")
                                 .arg(QString::fromStdString(contract->name)));
}

int AblationPanel::chosenLayer() const
{
    return m_layerCombo->currentIndex() < 0 ? -1 : m_layerCombo->currentData().toInt();
}

void AblationPanel::showRunning(int done, int total)
{
    m_probe->running(done, total);
}

void AblationPanel::showFailure(const QString &message)
{
    m_probe->idle();
    m_summary->setText(message);
}

QString AblationPanel::summary() const
{
    return m_summary->text();
}

void AblationPanel::showResult(const AblationResult &result)
{
    m_result = result;
    m_probe->idle();
    m_export->setEnabled(!result.effects.empty());
    m_table->setRowCount(int(result.effects.size()));
    for (int row = 0; row < int(result.effects.size()); ++row) {
        const ExpertEffect &e = result.effects[size_t(row)];
        const OutputChange &c = e.change;
        QString answer = QLocale().toString(c.score, 'f', 3);
        if (c.baselineClass >= 0) {
            const QJsonObject output =
                result.baselineOutputs.value(QString::fromStdString(c.output)).toObject();
            const QJsonArray top = output.value(QStringLiteral("top")).toArray();
            QString label = QString::number(c.ablatedClass);
            for (const QJsonValue &t : top) {
                if (t.toObject().value(QStringLiteral("index")).toInt() == c.ablatedClass)
                    label = t.toObject().value(QStringLiteral("label")).toString();
            }
            answer = tr("%1; p(%2) = %3")
                         .arg(label, output.value(QStringLiteral("predicted")).toString(),
                              QLocale().toString(c.score, 'f', 3));
        }
        m_table->setItem(row, Layer, number(e.layer, QString::number(e.layer)));
        m_table->setItem(row, Expert, number(e.expert, QString::number(e.expert)));
        m_table->setItem(row, Mode, new QTableWidgetItem(e.keepOnly ? tr("alone") : tr("off")));
        m_table->setItem(
            row, Load,
            number(e.load, QLocale().toString(100.0 * e.load, 'f', 1) + QStringLiteral(" %")));
        m_table->setItem(row, Effect, number(c.effect, QLocale().toString(c.effect, 'f', 4)));
        m_table->setItem(row, Answer, new QTableWidgetItem(answer));
        m_table->setItem(
            row, Later,
            number(e.laterAgreement,
                   QLocale().toString(100.0 * e.laterAgreement, 'f', 1) + QStringLiteral(" %")));
        m_table->item(row, Expert)->setIcon([&] {
            QPixmap swatch(12, 12);
            swatch.fill(render::expertColor(e.expert));
            return QIcon(swatch);
        }());
    }
    QStringList correlations;
    for (const auto &[layer, rho] : loadEffectCorrelation(result))
        correlations << tr("layer %1: %2").arg(layer).arg(QLocale().toString(rho, 'f', 2));
    m_summary->setText(
        tr("Frame %1, effect on \"%2\" (%3): %4 passes, %5 ms of forward passes, %6 ms in all. "
           "Rank correlation of load and effect: %7.")
            .arg(result.step)
            .arg(QString::fromStdString(result.primaryOutput))
            .arg(result.effects.empty()
                     ? QString()
                     : QString::fromStdString(result.effects.front().change.measure))
            .arg(result.passes)
            .arg(QLocale().toString(result.forwardMs, 'f', 0))
            .arg(QLocale().toString(result.totalMs, 'f', 0))
            .arg(correlations.join(QStringLiteral(", "))));
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
    updateCharts();
}

QList<QPair<int, int>> AblationPanel::disabledFor(int row) const
{
    if (row < 0 || row >= int(m_result.effects.size()))
        return {};
    const ExpertEffect &e = m_result.effects[size_t(row)];
    if (!e.keepOnly)
        return {{e.layer, e.expert}};
    QList<QPair<int, int>> others;
    const int experts = e.layer < int(m_experts.size()) ? m_experts[size_t(e.layer)] : 0;
    for (int x = 0; x < experts; ++x) {
        if (x != e.expert)
            others.append({e.layer, x});
    }
    return others;
}

void AblationPanel::updateCharts()
{
    m_loadChart->removeAllSeries();
    m_deletionChart->removeAllSeries();
    for (QAbstractAxis *axis : m_loadChart->axes())
        m_loadChart->removeAxis(axis);
    for (QAbstractAxis *axis : m_deletionChart->axes())
        m_deletionChart->removeAxis(axis);
    if (m_result.effects.empty())
        return;
    // The layer drawn: the one swept, or the first of several.
    int layer = m_result.effects.front().layer;
    for (const ExpertEffect &e : m_result.effects)
        layer = std::min(layer, e.layer);
    const int experts = layer < int(m_experts.size()) ? m_experts[size_t(layer)] : 0;
    // Both as shares of the layer's total, so they read on one scale: an
    // expert whose bars differ matters more (or less) than its load says.
    auto *load = new QBarSet(tr("Share of the load"));
    auto *effect = new QBarSet(tr("Share of the effect of switching experts off"));
    load->setColor(QColor(90, 140, 200));
    effect->setColor(QColor(220, 110, 60));
    QStringList categories;
    double totalEffect = 0;
    for (const ExpertEffect &e : m_result.effects) {
        if (e.layer == layer && !e.keepOnly)
            totalEffect += e.change.effect;
    }
    for (int x = 0; x < experts; ++x) {
        double l = 0, f = 0;
        for (const ExpertEffect &e : m_result.effects) {
            if (e.layer == layer && e.expert == x && !e.keepOnly) {
                l = e.load;
                f = totalEffect > 0 ? e.change.effect / totalEffect : 0;
            }
        }
        *load << 100.0 * l;
        *effect << 100.0 * f;
        categories << QString::number(x);
    }
    auto *bars = new QBarSeries;
    bars->append(load);
    bars->append(effect);
    addPercentBars(m_loadChart, bars, categories, tr("Expert"));
    m_loadChart->setTitle(
        tr("Layer %1: each expert's share of the load and of the effect, %").arg(layer));

    auto *dx = new QValueAxis;
    dx->setRange(0, 100);
    dx->setTitleText(tr("Expert's patches removed, %"));
    dx->setLabelFormat(QStringLiteral("%d"));
    auto *dy = new QValueAxis;
    dy->setRange(0, 1);
    dy->setTitleText(tr("Score"));
    m_deletionChart->addAxis(dx, Qt::AlignBottom);
    m_deletionChart->addAxis(dy, Qt::AlignLeft);
    m_deletionChart->setTitle(m_result.curves.empty()
                                  ? tr("Deletion curves: tick \"Deletion curves\" and sweep")
                                  : tr("Layer %1: deletion curves").arg(layer));
    for (const DeletionCurve &c : m_result.curves) {
        if (c.layer != layer || c.scores.empty())
            continue;
        auto *line = new QLineSeries;
        line->setName(tr("expert %1 (%n tokens)", nullptr, c.tokens).arg(c.expert));
        line->setColor(render::expertColor(c.expert));
        for (size_t i = 0; i < c.scores.size(); ++i)
            line->append(100.0 * c.fractions[i], c.scores[i]);
        m_deletionChart->addSeries(line);
        line->attachAxis(dx);
        line->attachAxis(dy);
    }
}

bool AblationPanel::exportTable(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.write(ablationCsv(m_result)) < 0 || !file.commit()) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace moescope::gui
