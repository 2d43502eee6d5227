#pragma once
// Settings a task plugin's run reads (PrepareOptions::extra), as the plugin
// declares them in its metadata ("runOptions", like a QGIS processing
// algorithm's parameters): a choice, a whole number, one of the scene's
// bands, or a region drawn on the image. The host builds the form; the
// plugin never sees a widget.

#include <QDockWidget>
#include <QJsonArray>
#include <QRect>
#include <QVariantMap>

class QFormLayout;
class QLabel;
class QPushButton;

namespace moescope::gui {

class SceneView;

class RunOptionsDock : public QDockWidget
{
    Q_OBJECT
public:
    RunOptionsDock(SceneView *view, QWidget *parent = nullptr);

    // Rebuilds the form for `declared` options (empty: the dock hides),
    // offering `bandNames` for options of type "band".
    void setOptions(const QJsonArray &declared, const QStringList &bandNames);
    QVariantMap values() const { return m_values; }
    bool hasOptions() const { return !m_declared.isEmpty(); }

Q_SIGNALS:
    void valuesChanged(const QVariantMap &values);

private:
    void set(const QString &key, const QVariant &value);
    void onRegion(const QRect &region);

    SceneView *m_view;
    QWidget *m_form = nullptr;
    QJsonArray m_declared;
    QVariantMap m_values;
    QPushButton *m_drawRegion = nullptr;
    QLabel *m_regionLabel = nullptr;
    QString m_regionKey;
};

} // namespace moescope::gui
