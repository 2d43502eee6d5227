#pragma once
// Bars of percentages (expert loads, shares of an effect) on a category axis
// and a 0-100 value axis: what the routing panel, the ablation panel and the
// comparison window draw, set up in one place.

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QChart>
#include <QValueAxis>

namespace moescope::gui {

// Adds `bars` to `chart` over `categories` (x, titled `xTitle` when given)
// and 0 … 100 (y, labelled with `yFormat`).
inline void addPercentBars(QChart *chart, QBarSeries *bars, const QStringList &categories,
                           const QString &xTitle = {},
                           const QString &yFormat = QStringLiteral("%d"))
{
    chart->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    if (!xTitle.isEmpty())
        x->setTitleText(xTitle);
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(yFormat);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
}

} // namespace moescope::gui
