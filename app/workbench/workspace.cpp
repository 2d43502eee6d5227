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
    return m_db.openOrDefault(path, error);
}

} // namespace moescope
