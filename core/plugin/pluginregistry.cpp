#include "pluginregistry.h"

#include "genericplugin.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLibrary>

#include <algorithm>

namespace moescope {

namespace {

// The translation context lupdate sees (and the one used at run time).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::PluginRegistry)
};

} // namespace

PluginRegistry::PluginRegistry(const QStringList &directories)
    : m_directory(directories), m_infos(m_directory.plugins()),
      m_generic(std::make_unique<GenericTaskPlugin>())
{
    for (const PluginInfo &info : std::as_const(m_infos))
        if (!info.builtIn)
            m_loaders.insert(info.id, new QPluginLoader(info.file)); // loaded on first use
}

PluginRegistry::~PluginRegistry()
{
    // Plugin instances are owned by their loaders; unloading is left to
    // process exit, as Qt recommends for plugins that may still have objects.
    qDeleteAll(m_loaders);
}

QObject *PluginRegistry::pluginObject(const QString &pluginId)
{
    QPluginLoader *loader = m_loaders.value(pluginId);
    return loader ? loader->instance() : nullptr;
}

TaskPlugin *PluginRegistry::pluginForFile(const QString &path)
{
    const QFileInfo file(path);
    const QString suffix = file.suffix().toLower();
    // By suffix first (a Sentinel-1 .SAFE folder included), then a plain
    // folder to a plugin that opens folders.
    for (const bool byFolder : {false, true}) {
        for (const PluginInfo &info : std::as_const(m_infos)) {
            const bool claims = byFolder ? file.isDir() && info.opensFolders
                                         : !suffix.isEmpty() && info.fileSuffixes.contains(suffix);
            if (!claims)
                continue;
            if (auto *plugin = qobject_cast<TaskPlugin *>(pluginObject(info.id)))
                return plugin;
        }
    }
    return nullptr;
}

QList<PluginInfo> PluginRegistry::plugins() const
{
    return m_infos;
}

QStringList PluginRegistry::problems() const
{
    return m_directory.problems();
}

PluginInfo PluginRegistry::infoForTask(const QString &task) const
{
    return m_directory.infoForTask(task);
}

TaskPlugin *PluginRegistry::pluginForTask(const QString &task, QString *warning)
{
    const PluginInfo info = infoForTask(task);
    if (info.builtIn)
        return m_generic.get();
    QPluginLoader *loader = m_loaders.value(info.id);
    QObject *instance = loader->instance();
    auto *plugin = qobject_cast<TaskPlugin *>(instance);
    if (!plugin) {
        if (warning)
            *warning = Tr::tr("%1: the plugin could not be loaded (%2); using the generic view")
                           .arg(info.file, loader->errorString());
        return m_generic.get();
    }
    return plugin;
}

} // namespace moescope
