#include "validationcache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace moescope {

namespace {

QJsonObject read(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object(); // damaged: empty
}

} // namespace

ValidationCache::ValidationCache(QString file) : m_file(std::move(file))
{
    if (m_file.isEmpty())
        m_file = QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                     .filePath(QStringLiteral("validated-models.json"));
}

QString ValidationCache::runtimeKey(const QString &torchVersion, const QString &device)
{
    return QStringLiteral("libtorch %1 %2").arg(torchVersion, device);
}

bool ValidationCache::isValidated(const QString &sha256, const QString &runtime) const
{
    return !sha256.isEmpty() && read(m_file).value(sha256).toArray().contains(QJsonValue(runtime));
}

bool ValidationCache::remember(const QString &sha256, const QString &runtime, QString *error)
{
    QJsonObject all = read(m_file);
    QJsonArray runtimes = all.value(sha256).toArray();
    if (runtimes.contains(QJsonValue(runtime)))
        return true;
    runtimes.append(runtime);
    all.insert(sha256, runtimes);
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile f(m_file);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(all).toJson()) < 0 || !f.commit()) {
        *error = QStringLiteral("%1: %2").arg(m_file, f.errorString());
        return false;
    }
    return true;
}

} // namespace moescope
