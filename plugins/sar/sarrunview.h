#pragma once
// The SAR plugin's view of a run (its window side, TaskPluginGui): the
// tiling, area per class (km² when geo-referenced) and, for a chosen MoE
// layer, which expert took each class: the "expert share per class" table.

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace moescope::sar {

class SarRunView : public QWidget
{
    Q_OBJECT
public:
    explicit SarRunView(QWidget *parent = nullptr);
    void showSummary(const QJsonObject &summary);

private:
    void showLayer(int layer);

    QJsonObject m_summary;
    QLabel *m_header = nullptr;
    QTableWidget *m_classes = nullptr;
    QComboBox *m_layer = nullptr;
    QTableWidget *m_experts = nullptr;
};

} // namespace moescope::sar
