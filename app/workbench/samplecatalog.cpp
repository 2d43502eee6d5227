#include "samplecatalog.h"

#include "image/imageloader.h"
#include "plugin/modelcatalog.h"
#include "plugin/sceneopener.h"
#include "plugin/taskplugin.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace moescope {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::SampleCatalog)
};

// "title[de_DE]", "title[de]", then "title": the language in use (QLocale's
// default: Settings ▸ Language, or the system's), as .desktop files name it.
QString localized(const QJsonObject &o, const QString &key)
{
    const QString locale = QLocale().name();
    for (const QString &lang : {locale, locale.section(QLatin1Char('_'), 0, 0)}) {
        const QJsonValue v = o.value(QStringLiteral("%1[%2]").arg(key, lang));
        if (v.isString())
            return v.toString();
    }
    return o.value(key).toString();
}
} // namespace

SampleCatalog::SampleCatalog() : SampleCatalog(defaultDirectories()) {}

SampleCatalog::SampleCatalog(const QStringList &sampleDirectories)
{
    for (const QString &dir : sampleDirectories)
        read(dir);
}

QStringList SampleCatalog::defaultDirectories()
{
    QStringList dirs;
    for (const QString &modelDir : ModelCatalog::bundledDirectories()) {
        const QString samples =
            QDir::cleanPath(QDir(modelDir).filePath(QStringLiteral("../samples")));
        const QString canonical = QFileInfo(samples).canonicalFilePath();
        if (!canonical.isEmpty() && !dirs.contains(canonical))
            dirs << canonical;
    }
    return dirs;
}

void SampleCatalog::read(const QString &directory)
{
    const QString indexPath = QDir(directory).filePath(QStringLiteral("samples.json"));
    QFile file(indexPath);
    if (!file.exists())
        return; // a folder of models without samples
    QJsonParseError parseError;
    const QJsonDocument doc = file.open(QIODevice::ReadOnly)
                                  ? QJsonDocument::fromJson(file.readAll(), &parseError)
                                  : QJsonDocument();
    if (!doc.isObject()) {
        m_problems << Tr::tr("%1: not a readable samples index (%2)")
                          .arg(indexPath, file.error() != QFile::NoError
                                              ? file.errorString()
                                              : parseError.errorString());
        return;
    }
    const QDir root(directory);
    for (const QJsonValue &v : doc.object().value(QStringLiteral("samples")).toArray()) {
        const QJsonObject o = v.toObject();
        SampleEntry entry;
        entry.relative = o.value(QStringLiteral("file")).toString();
        entry.path = QFileInfo(root.filePath(entry.relative)).absoluteFilePath();
        entry.task = o.value(QStringLiteral("task")).toString();
        entry.model = o.value(QStringLiteral("model")).toString();
        entry.title = localized(o, QStringLiteral("title"));
        entry.what = localized(o, QStringLiteral("what"));
        if (entry.relative.isEmpty() || !QFileInfo::exists(entry.path)) {
            m_problems << Tr::tr("%1: sample \"%2\" is not there").arg(indexPath, entry.relative);
            continue;
        }
        m_samples << entry;
    }
}

std::optional<SampleEntry> SampleCatalog::find(const QString &path) const
{
    const QString wanted = QFileInfo(path).canonicalFilePath();
    if (wanted.isEmpty())
        return std::nullopt;
    for (const SampleEntry &s : m_samples)
        if (QFileInfo(s.path).canonicalFilePath() == wanted)
            return s;
    return std::nullopt;
}

QImage sampleThumbnail(TaskPlugin *opener, const QString &path, int side, QString *error)
{
    if (opener) {
        QSharedPointer<SceneSource> source = opener->openSource(path, error);
        if (source) {
            std::optional<ImageStack> picture = sceneOverview(*source, side, error);
            return picture ? picture->toQImage(0) : QImage();
        }
        if (!error->isEmpty())
            return {};
    }
    LoadError loadError;
    const std::optional<ImageStack> image = ImageLoader::load(path, LoadOptions(), &loadError);
    if (!image) {
        *error = loadError.message();
        return {};
    }
    const bool stack = image->kind == ImageKind::Series || image->kind == ImageKind::Volume;
    return image->toQImage(stack ? image->frameCount / 2 : 0)
        .scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

} // namespace moescope
