#pragma once
// The CT retrieval task plugin (after HMAR's global/local dual experts): a
// slice (or a region drawn on it) goes to the model in Hounsfield units, the
// HU windows of the model's contract do the rest; the embeddings fill
// galleries (core/jobs/retrieval.h) and answer queries. Files that are not
// CT get a warning, not a refusal. The Gallery capability has the host serve
// the `index`, `retrieve` and `galleries` verbs and the gallery dock.

#include "plugin/taskplugin.h"

#include <QObject>

namespace moescope::ct {

class CtRetrievalPlugin : public QObject, public TaskPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MoEScopeTaskPlugin_iid FILE "plugin.json")
    Q_INTERFACES(moescope::TaskPlugin)

public:
    QString id() const override { return QStringLiteral("ct-retrieval"); }
    QString displayName() const override;
    TaskShape shape() const override { return TaskShape::Gallery; }
    TaskCapabilities capabilities() const override
    {
        return TaskCapability::Batchable | TaskCapability::Gallery;
    }

    // options.extra["region"] (a QRect in frame pixels): query with that part
    // of the slice only; otherwise the whole slice.
    bool prepare(const model::ModelContract &contract, const ImageStack &image, int step,
                 const PrepareOptions &options, model::InputBatch *batch,
                 QString *error) const override;
    QJsonObject interpret(const model::ModelContract &contract, const model::ForwardResult &result,
                          int b) const override;
    QStringList inputWarnings(const model::ModelContract &contract,
                              const ImageStack &image) const override;
};

} // namespace moescope::ct
