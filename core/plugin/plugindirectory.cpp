#include "plugindirectory.h"
#include "taskplugin_iid.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QLibrary>
#include <QPluginLoader>

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
    info.compatVersion = PluginDirectory::apiVersion();
    info.shape = QStringLiteral("single-image"); // toString(TaskShape::SingleImage)
    info.description = Tr::tr("Feeds the image inputs, shows the routing and lists the outputs of "
                              "any model whose task no installed plugin claims.");
    info.tasks = {QStringLiteral("generic")};
    info.capabilities = {QStringLiteral("batchable")};
    // Pictures that say nothing of what they show (a PNG, a secondary capture).
    info.proposedKinds = {QStringLiteral("single"), QStringLiteral("cine")};
    info.builtIn = true;
    return info;
}

} // namespace

PluginDirectory::PluginDirectory(const QStringList &directories)
{
    m_infos.append(genericInfo());
    QStringList seen;
    QStringList ids;
    for (const QString &dirPath : directories.isEmpty() ? defaultSearchPaths() : directories) {
        QDir dir(dirPath);
        if (!dir.exists())
            continue;
        for (const QFileInfo &file : dir.entryInfoList(QDir::Files, QDir::Name)) {
            const QString path = file.canonicalFilePath();
            if (!QLibrary::isLibrary(path) || seen.contains(path))
                continue;
            seen << path;
            const QJsonObject meta = QPluginLoader(path).metaData(); // reads, never loads
            if (meta.value(QStringLiteral("IID")).toString() !=
                QLatin1String(MoEScopeTaskPlugin_iid)) {
                m_problems << Tr::tr("%1: not a MoEScope task plugin of interface %2")
                                  .arg(path, QLatin1String(MoEScopeTaskPlugin_iid));
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
                continue;
            }
            info.shape = data.value(QStringLiteral("shape")).toString();
            info.description = data.value(QStringLiteral("description")).toString();
            for (const QJsonValue &t : data.value(QStringLiteral("tasks")).toArray())
                info.tasks << t.toString();
            if (info.tasks.isEmpty())
                info.tasks << info.id;
            for (const QJsonValue &c : data.value(QStringLiteral("capabilities")).toArray())
                info.capabilities << c.toString();
            for (const QJsonValue &t : data.value(QStringLiteral("fileSuffixes")).toArray())
                info.fileSuffixes << t.toString().toLower();
            info.opensFolders = data.value(QStringLiteral("opensFolders")).toBool();
            const QJsonObject propose = data.value(QStringLiteral("proposeFor")).toObject();
            for (const QJsonValue &m : propose.value(QStringLiteral("modalities")).toArray())
                info.proposedModalities << m.toString().toUpper();
            for (const QJsonValue &k : propose.value(QStringLiteral("imageKinds")).toArray())
                info.proposedKinds << k.toString();
            info.runOptions = data.value(QStringLiteral("runOptions")).toArray();
            info.file = path;
            if (info.id.isEmpty() || ids.contains(info.id) || info.id == QLatin1String("generic")) {
                m_problems
                    << Tr::tr("%1: plugin id \"%2\" is empty or already taken").arg(path, info.id);
                continue;
            }
            ids << info.id;
            m_infos.append(info);
        }
    }
    std::sort(m_infos.begin() + 1, m_infos.end(),
              [](const PluginInfo &a, const PluginInfo &b) { return a.id < b.id; });
}

QStringList PluginDirectory::defaultSearchPaths()
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
         << appDir + QStringLiteral("/../lib/moescope/plugins") // an install: bin/
         << appDir + QStringLiteral("/plugins");                // an install: lib/moescope/
    return dirs;
}

QString PluginDirectory::apiVersion()
{
    return QStringLiteral("2.2");
}

bool PluginDirectory::servesApi(const QString &compatVersion)
{
    const QStringList want = compatVersion.split(QLatin1Char('.'));
    const QStringList have = apiVersion().split(QLatin1Char('.'));
    bool okMajor = false, okMinor = true;
    const int major = want.value(0).toInt(&okMajor);
    const int minor = want.size() > 1 ? want.value(1).toInt(&okMinor) : -1;
    return okMajor && okMinor && major == have.value(0).toInt() && minor == have.value(1).toInt();
}

PluginInfo PluginDirectory::infoForTask(const QString &task) const
{
    for (const PluginInfo &info : m_infos) {
        if (!info.builtIn && info.tasks.contains(task))
            return info;
    }
    return m_infos.first();
}

QList<PluginInfo> PluginDirectory::claimantsOf(const QString &path) const
{
    const QFileInfo file(path);
    const QString suffix = file.suffix().toLower();
    QList<PluginInfo> bySuffix, byFolder;
    for (const PluginInfo &info : m_infos) {
        if (!suffix.isEmpty() && info.fileSuffixes.contains(suffix))
            bySuffix << info;
        else if (info.opensFolders && file.isDir())
            byFolder << info;
    }
    return bySuffix + byFolder;
}

} // namespace moescope
