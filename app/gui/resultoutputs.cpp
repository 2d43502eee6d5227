// ResultView's outputs table: what the model's outputs (or a tiled run's
// summary) say, one row per reading.
#include "cineplayer.h"
#include "resultview.h"
#include "routingpanel.h"
#include "routingtimeline.h"

#include <QCheckBox>
#include <QLabel>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTableWidget>

namespace moescope::gui {

void ResultView::updateOutputs(const QJsonObject &outputs)
{
    m_outputs->setRowCount(0);
    auto addRow = [this](const QString &name, const QString &value) {
        const int row = m_outputs->rowCount();
        m_outputs->insertRow(row);
        m_outputs->setItem(row, 0, new QTableWidgetItem(name));
        // A cell is read, not studied: long JSON (a 30,000² scene's tile
        // grid) is cut, so that laying out the table stays cheap.
        m_outputs->setItem(
            row, 1,
            new QTableWidgetItem(value.size() > 400 ? value.left(399) + QChar(0x2026) : value));
    };
    for (auto it = outputs.begin(); it != outputs.end(); ++it) {
        if (it.value().isString()) { // "task": the task the outputs belong to
            addRow(it.key(), it.value().toString());
            continue;
        }
        if (!it.value().isObject()) { // a run summary's numbers and lists
            const QJsonValue v = it.value();
            addRow(it.key(), v.isArray()
                                 ? QString::fromUtf8(
                                       QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact))
                                 : v.toVariant().toString());
            continue;
        }
        const QJsonObject o = it.value().toObject();
        const QString kind = o.value(QStringLiteral("kind")).toString();
        if (o.contains(QStringLiteral("png"))) {
            // Maps drawn as overlays (a tiled run's descriptor maps): their
            // names, not megabytes of PNG.
            QStringList names;
            for (const QJsonValue &n : o.value(QStringLiteral("names")).toArray())
                names << n.toString();
            addRow(it.key(),
                   tr("maps (shown as overlays): %1").arg(names.join(QStringLiteral(", "))));
        } else if (kind == QLatin1String("classes")) {
            for (const QJsonValue &t : o.value(QStringLiteral("top")).toArray()) {
                const QJsonObject top = t.toObject();
                addRow(QStringLiteral("%1: %2").arg(it.key(),
                                                    top.value(QStringLiteral("label")).toString()),
                       QString::number(top.value(QStringLiteral("probability")).toDouble() * 100.0,
                                       'f', 1) +
                           QLatin1Char('%'));
            }
        } else if (kind == QLatin1String("segmentation")) {
            for (const QJsonValue &a : o.value(QStringLiteral("areas")).toArray())
                addRow(QStringLiteral("%1: %2 area")
                           .arg(it.key(), a[QStringLiteral("label")].toString()),
                       QString::number(a[QStringLiteral("fraction")].toDouble() * 100.0, 'f', 1) +
                           QLatin1Char('%'));
        } else if (kind == QLatin1String("embedding")) {
            addRow(it.key(), tr("%1-d embedding, norm %2")
                                 .arg(o.value(QStringLiteral("dimension")).toInt())
                                 .arg(o.value(QStringLiteral("norm")).toDouble(), 0, 'f', 3));
        } else if (o.value(QStringLiteral("values")).toArray().size() <= 16 &&
                   o.contains(QStringLiteral("values"))) {
            QStringList numbers;
            for (const QJsonValue &v : o.value(QStringLiteral("values")).toArray())
                numbers << QString::number(v.toDouble(), 'g', 4);
            addRow(it.key(), numbers.join(QStringLiteral(", ")));
        } else {
            QJsonObject shown = o;
            shown.remove(QStringLiteral("values"));
            addRow(it.key(),
                   QString::fromUtf8(QJsonDocument(shown).toJson(QJsonDocument::Compact)));
        }
    }
}

void ResultView::hideAllButThePicture()
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_routing, m_outputs, m_imageInfo,
                                                       m_timeline, m_taskMatrix, m_maskRow,
                                                       m_scoreMapCheck, m_sideInput, m_player})
        w->setVisible(false);
}

} // namespace moescope::gui
