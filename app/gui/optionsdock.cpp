#include "optionsdock.h"

#include "sceneview.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace moescope::gui {

OptionsDock::OptionsDock(const QString &title, const QString &objectName, const QString &prefix,
                         SceneView *view, QWidget *parent)
    : QDockWidget(title, parent), m_prefix(prefix), m_view(view)
{
    setObjectName(objectName);
    if (m_view)
        connect(m_view, &SceneView::regionSelected, this, &OptionsDock::onRegion);
    setVisible(false);
}

void OptionsDock::set(const QString &key, const QVariant &value)
{
    if (value.isValid())
        m_values.insert(key, value);
    else
        m_values.remove(key);
    Q_EMIT valuesChanged(m_values);
}

void OptionsDock::setOptions(const QJsonArray &declared, const QStringList &bandNames)
{
    if (m_drawRegion && m_drawRegion->isChecked())
        m_view->setRegionSelection(false);
    m_declared = declared;
    m_values.clear();
    m_drawRegion = nullptr;
    m_regionLabel = nullptr;
    m_regionKey.clear();
    delete m_form;
    m_form = new QWidget(this);
    auto *form = new QFormLayout(m_form);
    for (const QJsonValue &v : declared) {
        const QJsonObject o = v.toObject();
        const QString key = o.value(QStringLiteral("key")).toString();
        const QString type = o.value(QStringLiteral("type")).toString();
        const QString label = o.value(QStringLiteral("label")).toString(key);
        if (type == QLatin1String("choice") || type == QLatin1String("band")) {
            auto *combo = new QComboBox(m_form);
            combo->setObjectName(m_prefix + key);
            if (type == QLatin1String("band")) {
                combo->addItem(o.value(QStringLiteral("automatic")).toString(tr("(the model's)")));
                combo->addItems(bandNames);
            } else {
                for (const QJsonValue &c : o.value(QStringLiteral("choices")).toArray())
                    combo->addItem(c.toString());
            }
            connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, key, type](int i) {
                if (type == QLatin1String("band"))
                    set(key, i <= 0 ? QVariant() : QVariant(QStringList{combo->itemText(i)}));
                else
                    set(key, combo->itemText(i));
            });
            form->addRow(label, combo);
        } else if (type == QLatin1String("int")) {
            auto *spin = new QSpinBox(m_form);
            spin->setObjectName(m_prefix + key);
            spin->setRange(o.value(QStringLiteral("minimum")).toInt(0),
                           o.value(QStringLiteral("maximum")).toInt(1 << 20));
            // The minimum stands for "the plugin's default" where it says so.
            const QString automatic = o.value(QStringLiteral("automatic")).toString();
            if (!automatic.isEmpty())
                spin->setSpecialValueText(automatic);
            spin->setValue(o.value(QStringLiteral("default")).toInt(spin->minimum()));
            connect(spin, &QSpinBox::valueChanged, this, [this, spin, key, automatic](int value) {
                set(key, !automatic.isEmpty() && value == spin->minimum() ? QVariant() : value);
            });
            form->addRow(label, spin);
        } else if (type == QLatin1String("region") && m_view) {
            m_regionKey = key;
            auto *row = new QWidget(m_form);
            auto *layout = new QHBoxLayout(row);
            layout->setContentsMargins(0, 0, 0, 0);
            m_regionLabel = new QLabel(tr("whole scene"), row);
            m_regionLabel->setObjectName(m_prefix + key);
            m_drawRegion = new QPushButton(tr("Draw…"), row);
            m_drawRegion->setCheckable(true);
            m_drawRegion->setToolTip(tr("Drag a rectangle on the image to run that part alone"));
            auto *whole = new QPushButton(tr("Whole"), row);
            layout->addWidget(m_regionLabel, 1);
            layout->addWidget(m_drawRegion);
            layout->addWidget(whole);
            connect(m_drawRegion, &QPushButton::toggled, m_view, &SceneView::setRegionSelection);
            connect(whole, &QPushButton::clicked, this, [this] {
                m_drawRegion->setChecked(false);
                m_regionLabel->setText(tr("whole scene"));
                set(m_regionKey, {});
            });
            form->addRow(label, row);
        }
    }
    setWidget(m_form);
    setVisible(!declared.isEmpty());
}

void OptionsDock::onRegion(const QRect &region)
{
    if (!m_drawRegion || !m_drawRegion->isChecked() || region.isEmpty())
        return;
    m_regionLabel->setText(tr("%1 x %2 at %3, %4")
                               .arg(region.width())
                               .arg(region.height())
                               .arg(region.x())
                               .arg(region.y()));
    set(m_regionKey, QStringLiteral("%1,%2,%3,%4")
                         .arg(region.x())
                         .arg(region.y())
                         .arg(region.width())
                         .arg(region.height()));
}

} // namespace moescope::gui
