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

PluginInfo genericInfo()
{
    PluginInfo info;
    info.id = QStringLiteral("generic");
    info.name = Tr::tr("Generic (any MoE model)");
    info.version = QStringLiteral(MOESCOPE_VERSION);
    info.compatVersion = PluginRegistry::apiVersion();
    info.shape = toString(TaskShape::SingleImage);
    info.description = Tr::tr("Feeds the image inputs, shows the routing and lists the outputs of "
                              "any model whose task no installed plugin claims.");
    info.tasks = {QStringLiteral("generic")};
    info.builtIn = true;
    return info;
}

} // namespace

PluginRegistry::PluginRegistry(const QStringList &directories)
    : m_generic(std::make_unique<GenericTaskPlugin>())
{
    m_infos.append(genericInfo());
    scan(directories.isEmpty() ? defaultSearchPaths() : directories);
}

PluginRegistry::~PluginRegistry()
{
    // Plugin instances are owned by their loaders; unloading is left to
    // process exit, as Qt recommends for plugins that may still have objects.
    qDeleteAll(m_loaders);
}

QStringList PluginRegistry::defaultSearchPaths()
{
    QStringList dirs;
    const QByteArray env = qgetenv("MOESCOPE_PLUGIN_PATH");
    if (!env.isEmpty())
        dirs += QString::fromLocal8Bit(env).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    const QString appDir = QCoreApplication::applicationDirPath();
    // The build tree: moescope-cli is in build/app, the window in
    // build/app/gui, the plugins in build/plugins/moescope.
    dirs << appDir + QStringLiteral("/plugins/moescope")
         << appDir + QStringLiteral("/../plugins/moescope")
         << appDir + QStringLiteral("/../../plugins/moescope")
         << appDir + QStringLiteral("/../lib/moescope/plugins");
    return dirs;
}

void PluginRegistry::scan(const QStringList &directories)
{
    QStringList seen;
    for (const QString &dirPath : directories) {
        QDir dir(dirPath);
        if (!dir.exists())
            continue;
        for (const QFileInfo &file : dir.entryInfoList(QDir::Files, QDir::Name)) {
            const QString path = file.canonicalFilePath();
            if (!QLibrary::isLibrary(path) || seen.contains(path))
                continue;
            seen << path;
            auto *loader = new QPluginLoader(path);
            const QJsonObject meta = loader->metaData();
            if (meta.value(QStringLiteral("IID")).toString() !=
                QLatin1String(MoEScopeTaskPlugin_iid)) {
                m_problems << Tr::tr("%1: not a MoEScope task plugin of interface %2")
                                  .arg(path, QLatin1String(MoEScopeTaskPlugin_iid));
                delete loader;
                continue;
            }
            const QJsonObject data = meta.value(QStringLiteral("MetaData")).toObject();
            PluginInfo info;
            info.id = data.value(QStringLiteral("id")).toString();
            info.name = data.value(QStringLiteral("name")).toString(info.id);
            info.version = data.value(QStringLiteral("version")).toString();
            info.compatVersion = data.value(QStringLiteral("compatVersion")).toString();
            if (!servesApi(info.compatVersion)) {
                m_problems << Tr::tr(
                                  "%1: plugin \"%2\" was written for plugin API %3; this MoEScope "
                                  "serves %4, so it is not loaded")
                                  .arg(path, data.value(QStringLiteral("id")).toString(),
                                       info.compatVersion.isEmpty() ? Tr::tr("(none given)")
                                                                    : info.compatVersion,
                                       apiVersion());
                delete loader;
                continue;
            }
            info.shape = data.value(QStringLiteral("shape")).toString();
            info.description = data.value(QStringLiteral("description")).toString();
            for (const QJsonValue &t : data.value(QStringLiteral("tasks")).toArray())
                info.tasks << t.toString();
            if (info.tasks.isEmpty())
                info.tasks << info.id;
            for (const QJsonValue &t : data.value(QStringLiteral("fileSuffixes")).toArray())
                info.fileSuffixes << t.toString().toLower();
            info.opensFolders = data.value(QStringLiteral("opensFolders")).toBool();
            info.runOptions = data.value(QStringLiteral("runOptions")).toArray();
            info.file = path;
            if (info.id.isEmpty() || m_loaders.contains(info.id) ||
                info.id == QLatin1String("generic")) {
                m_problems
                    << Tr::tr("%1: plugin id \"%2\" is empty or already taken").arg(path, info.id);
                delete loader;
                continue;
            }
            m_loaders.insert(info.id, loader);
            m_infos.append(info);
        }
    }
    std::sort(m_infos.begin() + 1, m_infos.end(),
              [](const PluginInfo &a, const PluginInfo &b) { return a.id < b.id; });
}

QString PluginRegistry::apiVersion()
{
    return QStringLiteral("2.2");
}

bool PluginRegistry::servesApi(const QString &compatVersion)
{
    const QStringList want = compatVersion.split(QLatin1Char('.'));
    const QStringList have = apiVersion().split(QLatin1Char('.'));
    bool okMajor = false, okMinor = true;
    const int major = want.value(0).toInt(&okMajor);
    const int minor = want.size() > 1 ? want.value(1).toInt(&okMinor) : -1;
    return okMajor && okMinor && major == have.value(0).toInt() && minor == have.value(1).toInt();
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
    return m_problems;
}

PluginInfo PluginRegistry::infoForTask(const QString &task) const
{
    for (const PluginInfo &info : m_infos) {
        if (!info.builtIn && info.tasks.contains(task))
            return info;
    }
    return m_infos.first();
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
