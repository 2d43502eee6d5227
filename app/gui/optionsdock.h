#pragma once
// Settings a plugin declares and the host turns into a form, like a QGIS
// processing algorithm's parameters: a choice, a whole number, one of the
// scene's bands, or a region drawn on the image. Used twice: the run options
// a task plugin's run reads (its metadata's "runOptions", passed as
// PrepareOptions::extra) and the display options a scene source offers
// (SceneSource::displayOptions: amplitude or dB, a speckle filter). The
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

class OptionsDock : public QDockWidget
{
    Q_OBJECT
public:
    // Children are named `prefix` + the option's key (tests find them so);
    // `view` draws regions, nullptr where no option is a region.
    OptionsDock(const QString &title, const QString &objectName, const QString &prefix,
                SceneView *view, QWidget *parent = nullptr);

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

    QString m_prefix;
    SceneView *m_view;
    QWidget *m_form = nullptr;
    QJsonArray m_declared;
    QVariantMap m_values;
    QPushButton *m_drawRegion = nullptr;
    QLabel *m_regionLabel = nullptr;
    QString m_regionKey;
};

} // namespace moescope::gui
