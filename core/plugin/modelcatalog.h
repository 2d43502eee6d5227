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

    // $MOESCOPE_MODEL_PATH (':'-separated), then an install's
    // share/moescope/models beside the program, or else (the build tree) the
    // source tree's resources/models.
    static QStringList bundledDirectories();

    // The files are read on first use, not on construction.
    QList<ModelEntry> models() const;
    QStringList problems() const; // files skipped, and why

    // A model by name, or a path to a .pt file. On failure sets `error`. A
    // path to a .pt file is taken without reading the catalog (every model's
    // moescope.json: ~50 ms of a one-shot run).
    bool resolve(const QString &nameOrPath, QString *path, QString *error) const;

    // Registers a user's model file; persisted with QSettings.
    bool registerModel(const QString &path, QString *error);
    void unregisterModel(const QString &path);

    void reload();

private:
    void scan() const; // reads every file's moescope.json
    void loadOnce() const;
    void add(const QString &path, bool bundled) const;

    mutable bool m_loaded = false;
    mutable QList<ModelEntry> m_models;
    mutable QStringList m_problems;
};

} // namespace moescope
