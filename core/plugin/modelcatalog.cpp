#include "modelcatalog.h"

#include "model/archive.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace moescope {

namespace {

const char *const kRegisteredKey = "models/registered";

// The translation context lupdate sees (and the one used at run time).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::ModelCatalog)
};

} // namespace

ModelCatalog::ModelCatalog() = default;

QList<ModelEntry> ModelCatalog::models() const
{
    loadOnce();
    return m_models;
}

QStringList ModelCatalog::problems() const
{
    loadOnce();
    return m_problems;
}

void ModelCatalog::loadOnce() const
{
    if (!m_loaded)
        scan();
}

void ModelCatalog::reload()
{
    scan();
}

QStringList ModelCatalog::bundledDirectories()
{
    QStringList dirs;
    const QByteArray env = qgetenv("MOESCOPE_MODEL_PATH");
    if (!env.isEmpty())
        dirs += QString::fromLocal8Bit(env).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    // An install (bin/ or lib/moescope/) has its own copy; only a program
    // that has none (the build tree) takes the source tree's.
    const QString appDir = QCoreApplication::applicationDirPath();
    for (const QString &installed : {appDir + QStringLiteral("/../share/moescope/models"),
                                     appDir + QStringLiteral("/../../share/moescope/models")}) {
        if (QFileInfo(installed).isDir()) {
            dirs << QDir::cleanPath(installed);
            return dirs;
        }
    }
    dirs << QStringLiteral(MOESCOPE_RESOURCE_DIR "/models");
    return dirs;
}

void ModelCatalog::scan() const
{
    m_loaded = true;
    m_models.clear();
    m_problems.clear();
    QStringList seen;
    for (const QString &dirPath : bundledDirectories()) {
        const QDir dir(dirPath);
        for (const QFileInfo &f :
             dir.entryInfoList({QStringLiteral("*.pt")}, QDir::Files, QDir::Name)) {
            if (seen.contains(f.canonicalFilePath()))
                continue;
            seen << f.canonicalFilePath();
            add(f.canonicalFilePath(), true);
        }
    }
    const QStringList registered = QSettings().value(QLatin1String(kRegisteredKey)).toStringList();
    for (const QString &path : registered) {
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (canonical.isEmpty()) {
            m_problems << Tr::tr("%1: registered model file is missing").arg(path);
            continue;
        }
        if (!seen.contains(canonical)) {
            seen << canonical;
            add(canonical, false);
        }
    }
}

void ModelCatalog::add(const QString &path, bool bundled) const
{
    ModelEntry entry;
    std::string error;
    if (!model::readContractFile(path.toStdString(), &entry.contract, &error)) {
        m_problems << QString::fromStdString(error);
        return;
    }
    entry.name = QString::fromStdString(entry.contract.name);
    entry.task = QString::fromStdString(entry.contract.task);
    entry.title = QString::fromStdString(entry.contract.title);
    entry.path = path;
    entry.bundled = bundled;
    m_models.append(entry);
}

bool ModelCatalog::resolve(const QString &nameOrPath, QString *path, QString *error) const
{
    const QFileInfo given(nameOrPath);
    if (nameOrPath.endsWith(QLatin1String(".pt"), Qt::CaseInsensitive) && given.isFile()) {
        *path = given.absoluteFilePath();
        return true;
    }
    loadOnce();
    for (const ModelEntry &m : std::as_const(m_models)) {
        if (m.name == nameOrPath) {
            *path = m.path;
            return true;
        }
    }
    const QFileInfo file(nameOrPath);
    if (file.isFile()) {
        *path = file.absoluteFilePath();
        return true;
    }
    *error = Tr::tr("%1: no such model file, and no bundled or registered model has that name "
                    "(see `moescope-cli models`)")
                 .arg(nameOrPath);
    return false;
}

bool ModelCatalog::registerModel(const QString &path, QString *error)
{
    model::ModelContract contract;
    std::string why;
    if (!model::readContractFile(path.toStdString(), &contract, &why)) {
        *error = QString::fromStdString(why);
        return false;
    }
    QSettings settings;
    QStringList registered = settings.value(QLatin1String(kRegisteredKey)).toStringList();
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (!registered.contains(canonical))
        registered << canonical;
    settings.setValue(QLatin1String(kRegisteredKey), registered);
    reload();
    return true;
}

void ModelCatalog::unregisterModel(const QString &path)
{
    QSettings settings;
    QStringList registered = settings.value(QLatin1String(kRegisteredKey)).toStringList();
    registered.removeAll(QFileInfo(path).canonicalFilePath());
    settings.setValue(QLatin1String(kRegisteredKey), registered);
    reload();
}

} // namespace moescope
