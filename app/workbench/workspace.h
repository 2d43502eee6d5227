#pragma once
// The services one window works with, without widgets: the plugin registry,
// the model catalog, the run database and the model session (its job queue).
// Owned by the window; documents and controllers borrow it.

#include "jobs/modelsession.h"
#include "plugin/modelcatalog.h"
#include "plugin/pluginregistry.h"
#include "samplecatalog.h"
#include "store/database.h"

#include <QObject>

namespace moescope {

class Workspace : public QObject
{
    Q_OBJECT
public:
    explicit Workspace(QObject *parent = nullptr);
    // Joins the session's thread while the plugins it may be using still exist.
    ~Workspace() override;

    // `path` empty: the app's data location. False with `error` when the
    // database cannot be opened (runs are then not stored).
    bool openDatabase(const QString &path, QString *error);

    PluginRegistry &plugins() { return m_plugins; }
    ModelCatalog &catalog() { return m_catalog; }
    const SampleCatalog &samples() const { return m_samples; }
    store::Database &database() { return m_db; }
    const store::Database &database() const { return m_db; }
    ModelSession *session() const { return m_session; }

Q_SIGNALS:
    // A run was committed to, or deleted from, the open store by any
    // connection, this window's own included (PostgreSQL only: LISTEN).
    void runSavedElsewhere(qint64 runId);
    void runDeletedElsewhere(qint64 runId);

private:
    PluginRegistry m_plugins;
    ModelCatalog m_catalog;
    SampleCatalog m_samples;
    store::Database m_db;
    ModelSession *m_session = nullptr;
};

} // namespace moescope
