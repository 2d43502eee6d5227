#pragma once
// Finds task plugins, lists them from their JSON metadata without loading a
// library, and hands out the plugin that claims a model's task (the generic
// fallback when none does).

#include "taskplugin.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QPluginLoader>
#include <QString>
#include <QStringList>

#include <memory>

namespace moescope {

struct PluginInfo
{
    QString id;
    QString name;
    QString version;
    QString compatVersion;
    QString shape;
    QString description;
    QStringList tasks;
    QStringList fileSuffixes;  // files the plugin opens itself (OpensFiles), lower case
    bool opensFolders = false; // "opensFolders": it is offered folders too (a sequence)
    // Settings its runs read (PrepareOptions::extra) for the window's form:
    // [{"key", "label", "type": choice | int | band | region, "choices",
    //   "minimum", "maximum", "default", "automatic"}].
    QJsonArray runOptions;
    QString file; // empty for the built-in fallback
    bool builtIn = false;
};

class PluginRegistry
{
public:
    // Searches `directories` (defaultSearchPaths() when empty).
    explicit PluginRegistry(const QStringList &directories = {});
    ~PluginRegistry();

    // $MOESCOPE_PLUGIN_PATH (':'-separated), then <app>/plugins/moescope,
    // <app>/../plugins/moescope, <app>/../../plugins/moescope (the build tree:
    // the CLI in build/app, the window in build/app/gui) and
    // <app>/../lib/moescope/plugins (an install).
    static QStringList defaultSearchPaths();

    // The plugin API this host serves ("2.2"), and whether it serves a plugin
    // written for `compatVersion`: the same major and minor version (a minor
    // version adds virtual functions, so any other one needs a rebuild).
    static QString apiVersion();
    static bool servesApi(const QString &compatVersion);

    QList<PluginInfo> plugins() const; // the fallback first, then by id
    QStringList problems() const;      // plugin files that were skipped, and why

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
    void scan(const QStringList &directories);

    QList<PluginInfo> m_infos;
    QStringList m_problems;
    QHash<QString, QPluginLoader *> m_loaders; // by plugin id
    std::unique_ptr<TaskPlugin> m_generic;
};

} // namespace moescope
