#pragma once
// The models a user can pick: the bundled reference models and the files the
// user registered (kept in QSettings). Listing reads each file's
// moescope.json only; no model is loaded or run.

#include "model/contract.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace moescope {

struct ModelEntry
{
    QString name;
    QString task;
    QString title;
    QString path;
    bool bundled = false;
    model::ModelContract contract;
};

class ModelCatalog
{
public:
    ModelCatalog();

    // $MOESCOPE_MODEL_PATH (':'-separated), the source tree's resources/models
    // and <app>/../share/moescope/models.
    static QStringList bundledDirectories();

    QList<ModelEntry> models() const { return m_models; }
    QStringList problems() const { return m_problems; } // files skipped, and why

    // A model by name, or a path to a .pt file. On failure sets `error`.
    bool resolve(const QString &nameOrPath, QString *path, QString *error) const;

    // Registers a user's model file; persisted with QSettings.
    bool registerModel(const QString &path, QString *error);
    void unregisterModel(const QString &path);

    void reload();

private:
    void add(const QString &path, bool bundled);

    QList<ModelEntry> m_models;
    QStringList m_problems;
};

} // namespace moescope
