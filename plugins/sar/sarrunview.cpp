#include "sarrunview.h"

#include "plugin/outputs.h"

#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace moescope::sar {

namespace {
QTableWidgetItem *number(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}
} // namespace

SarRunView::SarRunView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("sarRunHeader"));
    m_header->setWordWrap(true);
    m_classes = new QTableWidget(0, 3, this);
    m_classes->setObjectName(QStringLiteral("sarClassTable"));
    m_classes->setHorizontalHeaderLabels({tr("Class"), tr("Share"), tr("Area")});
    m_classes->verticalHeader()->hide();
    m_classes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_layer = new QComboBox(this);
    m_layer->setObjectName(QStringLiteral("sarLayerCombo"));
    m_layer->setToolTip(tr("MoE layer whose expert share per class is shown"));
    m_experts = new QTableWidget(this);
    m_experts->setObjectName(QStringLiteral("sarExpertTable"));
    m_experts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_experts->setToolTip(tr("Of each class's tokens, the share each expert took as its top-1"));
    layout->addWidget(m_header);
    layout->addWidget(m_classes, 2);
    layout->addWidget(new QLabel(tr("Expert share per class"), this));
    layout->addWidget(m_layer);
    layout->addWidget(m_experts, 3);
    connect(m_layer, &QComboBox::currentIndexChanged, this, &SarRunView::showLayer);
}

void SarRunView::showSummary(const QJsonObject &summary)
{
    m_summary = summary;
    const QJsonArray region = summary.value(QStringLiteral("region")).toArray();
    QString header = tr("%1 of %2 tiles (%3 px, overlap %4) over %5 x %6 px at %7,%8; bands %9; "
                        "filter %10; calibration %11")
                         .arg(summary.value(QStringLiteral("tiles")).toInt())
                         .arg(summary.value(QStringLiteral("tiles_planned")).toInt())
                         .arg(summary.value(QStringLiteral("tile")).toInt())
                         .arg(summary.value(QStringLiteral("overlap")).toInt())
                         .arg(region.at(2).toInt())
                         .arg(region.at(3).toInt())
                         .arg(region.at(0).toInt())
                         .arg(region.at(1).toInt())
                         .arg(summary.value(QStringLiteral("bands"))
                                  .toVariant()
                                  .toStringList()
                                  .join(QStringLiteral(", ")))
                         .arg(summary.value(QStringLiteral("filter")).toString(),
                              summary.value(QStringLiteral("calibration")).toString());
    if (summary.value(QStringLiteral("partial")).toBool())
        header += tr(" — cancelled: partial result");
    m_header->setText(header);

    const QJsonArray classes = summary.value(QStringLiteral("classes")).toArray();
    m_classes->setRowCount(int(classes.size()));
    for (int k = 0; k < classes.size(); ++k) {
        const QJsonObject c = classes[k].toObject();
        auto *name = new QTableWidgetItem(c.value(QStringLiteral("label")).toString());
        name->setIcon([&] {
            QPixmap swatch(12, 12);
            swatch.fill(labelColor(k));
            return QIcon(swatch);
        }());
        m_classes->setItem(k, 0, name);
        m_classes->setItem(k, 1,
                           number(QStringLiteral("%1 %").arg(
                               c.value(QStringLiteral("share")).toDouble() * 100, 0, 'f', 1)));
        m_classes->setItem(
            k, 2,
            number(c.contains(QStringLiteral("area_km2"))
                       ? tr("%1 km²").arg(c.value(QStringLiteral("area_km2")).toDouble(), 0, 'f', 3)
                       : tr("%1 px").arg(c.value(QStringLiteral("scene_pixels")).toDouble(), 0, 'f',
                                         0)));
    }
    m_classes->resizeColumnsToContents();

    const int keep = m_layer->currentIndex();
    m_layer->blockSignals(true);
    m_layer->clear();
    for (const QJsonValue &l : summary.value(QStringLiteral("expert_share")).toArray())
        m_layer->addItem(l.toObject().value(QStringLiteral("layer")).toString());
    m_layer->setCurrentIndex(keep >= 0 && keep < m_layer->count() ? keep : m_layer->count() - 1);
    m_layer->blockSignals(false);
    showLayer(m_layer->currentIndex());
}

void SarRunView::showLayer(int layer)
{
    const QJsonArray layers = m_summary.value(QStringLiteral("expert_share")).toArray();
    const QJsonArray classes = m_summary.value(QStringLiteral("classes")).toArray();
    if (layer < 0 || layer >= layers.size()) {
        m_experts->clear();
        return;
    }
    const QJsonObject perClass =
        layers[layer].toObject().value(QStringLiteral("classes")).toObject();
    int experts = 0;
    for (const QJsonValue &v : perClass)
        experts =
            std::max(experts, int(v.toObject().value(QStringLiteral("experts")).toArray().size()));
    m_experts->setRowCount(experts);
    m_experts->setColumnCount(int(classes.size()));
    QStringList headers, rows;
    for (int e = 0; e < experts; ++e)
        rows << tr("expert %1").arg(e);
    for (int k = 0; k < classes.size(); ++k) {
        const QString label = classes[k].toObject().value(QStringLiteral("label")).toString();
        headers << label;
        const QJsonArray shares =
            perClass.value(label).toObject().value(QStringLiteral("experts")).toArray();
        for (int e = 0; e < experts; ++e) {
            const double share = shares.at(e).toDouble();
            auto *item = number(QStringLiteral("%1 %").arg(share * 100, 0, 'f', 0));
            // Shaded by share, so the expert that handles a class stands out.
            item->setBackground(QColor::fromHsvF(0.6, std::clamp(share, 0.0, 1.0) * 0.6, 1.0));
            m_experts->setItem(e, k, item);
        }
    }
    m_experts->setHorizontalHeaderLabels(headers);
    m_experts->setVerticalHeaderLabels(rows);
    m_experts->resizeColumnsToContents();
}

} // namespace moescope::sar
