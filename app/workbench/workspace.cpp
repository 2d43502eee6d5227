#include "workspace.h"

namespace moescope {

Workspace::Workspace(QObject *parent) : QObject(parent), m_session(new ModelSession(this)) {}

Workspace::~Workspace()
{
    delete m_session; // before m_plugins: a job may be routing with one of them
    m_session = nullptr;
}

bool Workspace::openDatabase(const QString &path, QString *error)
{
    if (!m_db.openOrDefault(path, error))
        return false;
    // A shared store (PostgreSQL) says when another machine commits a run;
    // an SQLite file has no such channel, and listenForRuns says no.
    QString listenError;
    m_db.listenForRuns(
        [this](bool saved, qint64 id) {
            if (saved)
                Q_EMIT runSavedElsewhere(id);
            else
                Q_EMIT runDeletedElsewhere(id);
        },
        &listenError);
    if (!listenError.isEmpty())
        qWarning("%s", qPrintable(listenError));
    return true;
}

} // namespace moescope
