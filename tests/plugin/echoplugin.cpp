// A minimal task plugin, built as a real Qt plugin, so tst_plugins exercises
// discovery from metadata, loading and the interface end to end.
#include "plugin/genericplugin.h"
#include "plugin/taskplugin.h"

#include <QObject>

class EchoTaskPlugin : public QObject, public moescope::TaskPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MoEScopeTaskPlugin_iid FILE "echoplugin.json")
    Q_INTERFACES(moescope::TaskPlugin)

public:
    QString id() const override { return QStringLiteral("test-echo"); }
    QString displayName() const override { return QStringLiteral("Test echo"); }
    moescope::TaskShape shape() const override { return moescope::TaskShape::SingleImage; }

    bool prepare(const moescope::model::ModelContract &contract, const moescope::ImageStack &image,
                 int step, const moescope::PrepareOptions &options,
                 moescope::model::InputBatch *batch, QString *error) const override
    {
        if (!m_generic.prepare(contract, image, step, options, batch, error))
            return false;
        for (auto &[name, values] : batch->images)
            for (float &v : values)
                v *= 2.0f;
        return true;
    }

    QJsonObject interpret(const moescope::model::ModelContract &contract,
                          const moescope::model::ForwardResult &result, int b) const override
    {
        QJsonObject o = m_generic.interpret(contract, result, b);
        o.insert(QStringLiteral("echo"), true);
        return o;
    }

private:
    moescope::GenericTaskPlugin m_generic;
};

#include "echoplugin.moc"
