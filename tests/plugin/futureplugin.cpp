// A plugin that claims plugin API 3.0 in its metadata: the registry must
// refuse it, naming it, without loading it.
#include "plugin/taskplugin.h"

#include <QObject>

class FuturePlugin : public QObject, public moescope::TaskPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MoEScopeTaskPlugin_iid FILE "futureplugin.json")
    Q_INTERFACES(moescope::TaskPlugin)

public:
    QString id() const override { return QStringLiteral("test-future"); }
    QString displayName() const override { return QStringLiteral("Test future"); }
    moescope::TaskShape shape() const override { return moescope::TaskShape::SingleImage; }
};

#include "futureplugin.moc"
