#include "pluginregistry.h"

#include "genericplugin.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLibrary>
#include <QSet>

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
    for (const PluginInfo &info : std::as_const(m_infos))
        if (info.id == pluginId && !info.builtIn)
            return load(info) ? m_loaders.value(pluginId)->instance() : nullptr;
    return nullptr;
}

TaskPlugin *PluginRegistry::load(const PluginInfo &info, QString *why)
{
    QPluginLoader *loader = m_loaders.value(info.id);
    auto *plugin = loader ? qobject_cast<TaskPlugin *>(loader->instance()) : nullptr;
    if (!plugin) {
        if (why)
            *why = loader ? loader->errorString() : Tr::tr("not found");
        return nullptr;
    }
    // The metadata is what the host plans with before loading (the CLI's
    // launcher sends a file to the engine because its plugin "opens-files"),
    // so a plugin whose code says otherwise is refused, not half-trusted.
    const QStringList declared = info.capabilities;
    const QStringList actual = capabilityNames(plugin->capabilities());
    if (QSet<QString>(declared.begin(), declared.end()) !=
        QSet<QString>(actual.begin(), actual.end())) {
        const QString problem =
            Tr::tr("%1: its metadata declares the capabilities \"%2\" but the plugin has \"%3\"; "
                   "it is not used until the two agree")
                .arg(info.file, declared.join(QLatin1Char(',')), actual.join(QLatin1Char(',')));
        if (!m_loadProblems.contains(problem))
            m_loadProblems << problem;
        if (why)
            *why = problem;
        return nullptr;
    }
    return plugin;
}

TaskPlugin *PluginRegistry::pluginForFile(const QString &path)
{
    for (const PluginInfo &info : m_directory.claimantsOf(path))
        if (TaskPlugin *plugin = load(info))
            return plugin;
    return nullptr;
}

QList<PluginInfo> PluginRegistry::plugins() const
{
    return m_infos;
}

QStringList PluginRegistry::problems() const
{
    return m_directory.problems() + m_loadProblems;
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
    QString why;
    TaskPlugin *plugin = load(info, &why);
    if (!plugin) {
        if (warning)
            *warning = Tr::tr("%1: the plugin could not be loaded (%2); using the generic view")
                           .arg(info.file, why);
        return m_generic.get();
    }
    return plugin;
}

} // namespace moescope
