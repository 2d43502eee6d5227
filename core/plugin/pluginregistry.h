#pragma once
// Finds task plugins, lists them from their JSON metadata without loading a
// library, and hands out the plugin that claims a model's task (the generic
// fallback when none does).

#include "plugindirectory.h"
#include "taskplugin.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QPluginLoader>
#include <QString>
#include <QStringList>

#include <memory>

namespace moescope {

class PluginRegistry
{
public:
    // Searches `directories` (defaultSearchPaths() when empty).
    explicit PluginRegistry(const QStringList &directories = {});
    ~PluginRegistry();

    static QStringList defaultSearchPaths() { return PluginDirectory::defaultSearchPaths(); }
    static QString apiVersion() { return PluginDirectory::apiVersion(); }
    static bool servesApi(const QString &v) { return PluginDirectory::servesApi(v); }

    QList<PluginInfo> plugins() const; // the fallback first, then by id
    // Plugin files that were skipped, and why (a refused load included).
    QStringList problems() const;

    // The plugin that claims `task`, loaded on first use; the generic fallback
    // when no plugin claims it or the claiming library fails to load (then
    // `warning` says why).
    TaskPlugin *pluginForTask(const QString &task, QString *warning = nullptr);
    PluginInfo infoForTask(const QString &task) const;
    // The plugin object itself (for optional interfaces found by
    // qobject_cast, like the window's TaskPluginGui); nullptr for the
    // built-in fallback or a plugin that fails to load.
    QObject *pluginObject(const QString &pluginId);

    // The plugin that opens files with `path`'s suffix itself (a folder: one
    // that declares "opensFolders"), or nullptr.
    TaskPlugin *pluginForFile(const QString &path);

private:
    // The plugin's instance when it loads and its code declares the
    // capabilities its metadata does; otherwise nullptr and `why`.
    TaskPlugin *load(const PluginInfo &info, QString *why = nullptr);

    PluginDirectory m_directory; // the metadata, read without loading
    QList<PluginInfo> m_infos;
    QHash<QString, QPluginLoader *> m_loaders; // by plugin id
    QStringList m_loadProblems;
    std::unique_ptr<TaskPlugin> m_generic;
};

} // namespace moescope
