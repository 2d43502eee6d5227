// A plugin whose metadata declares a capability its code does not have
// ("gallery"): the registry must refuse it, naming the file and both lists.
#include "plugin/taskplugin.h"

#include <QObject>

class LiarPlugin : public QObject, public moescope::TaskPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MoEScopeTaskPlugin_iid FILE "liarplugin.json")
    Q_INTERFACES(moescope::TaskPlugin)

public:
    QString id() const override { return QStringLiteral("test-liar"); }
    QString displayName() const override { return QStringLiteral("Test liar"); }
    moescope::TaskShape shape() const override { return moescope::TaskShape::SingleImage; }
};

#include "liarplugin.moc"
