#include "imagedocument.h"

#include "plugin/pluginregistry.h"
#include "plugin/sceneopener.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace moescope {

namespace {
// The translation context lupdate sees (and the one used at run time).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::ImageDocument)
};

// A picture a plugin opened: whole when it fits (a short video), else the
// overview of its first frame (a huge scene, drawn by tiles in the view).
std::optional<ImageStack> pictureOf(const SceneSource &source, bool *overview, QString *error)
{
    const QSize size = source.size();
    const qint64 samples = qint64(size.width()) * size.height() * source.frameCount();
    *overview = samples > ImageDocument::kWholeSamples;
    if (*overview)
        return sceneOverview(source, 2048, error);
    ImageStack image;
    for (int f = 0; f < source.frameCount(); ++f) {
        std::optional<ImageStack> frame =
            sceneOverview(source, std::max(size.width(), size.height()), error, {}, f);
        if (!frame)
            return std::nullopt;
        if (f == 0)
            image = std::move(*frame);
        else
            image.samples.insert(image.samples.end(), frame->samples.begin(), frame->samples.end());
    }
    image.frameCount = source.frameCount();
    image.kind = image.frameCount > 1 ? ImageKind::Cine : ImageKind::Single;
    image.updateRange();
    return image;
}
} // namespace

ImageDocument::ImageDocument(PluginRegistry *plugins, QObject *parent)
    : QObject(parent), m_plugins(plugins)
{
    connect(&m_watcher, &QFutureWatcher<Load>::finished, this, &ImageDocument::onLoaded);
}

ImageDocument::~ImageDocument()
{
    m_watcher.waitForFinished();
}

bool ImageDocument::open(const QString &path, const LoadOptions &options, bool askSeries,
                         const QByteArray &wanted)
{
    if (m_watcher.isRunning())
        return false;
    m_loadingPath = path;
    const bool ask = askSeries && options.seriesUid.isEmpty() && QFileInfo(path).isDir();
    // Found (and loaded) here: a plugin library is loaded on the main thread.
    TaskPlugin *opener = m_plugins ? m_plugins->pluginForFile(path) : nullptr;
    const QString openerTask = opener ? opener->id() : QString();
    m_watcher.setFuture(QtConcurrent::run([path, options, ask, wanted, opener, openerTask] {
        Load load;
        if (opener) {
            load.source = opener->openSource(path, &load.sourceError);
            if (load.source)
                load.openerTask = openerTask;
            if (load.source)
                load.image = pictureOf(*load.source, &load.overview, &load.sourceError);
            // Declined (no source, no error): a photo with the plugin's
            // suffix, for the host's loaders below.
            if (load.source || !load.sourceError.isEmpty())
                return load;
        }
        if (ask) {
            LoadError listError;
            const auto series = ImageLoader::listSeries(path, &listError);
            if (series && series->size() > 1) {
                load.series = *series;
                return load;
            }
        }
        load.image = ImageLoader::load(path, options, &load.error);
        auto made = [&](const ImageStack &image) {
            for (SlicePlane p : {SlicePlane::Axial, SlicePlane::Coronal, SlicePlane::Sagittal})
                if (reslicedSha256(image.sha256, p) == wanted)
                    return true;
            return false;
        };
        if (!wanted.isEmpty() && load.image && !made(*load.image) && QFileInfo(path).isDir()) {
            LoadError listError;
            const auto series = ImageLoader::listSeries(path, &listError);
            for (const SeriesInfo &info : series.value_or(QList<SeriesInfo>())) {
                if (info.uid == load.image->seriesUid)
                    continue;
                LoadOptions other;
                other.seriesUid = info.uid;
                LoadError otherError;
                std::optional<ImageStack> candidate = ImageLoader::load(path, other, &otherError);
                if (candidate && made(*candidate)) {
                    load.image = std::move(candidate);
                    break;
                }
            }
        }
        return load;
    }));
    return true;
}

void ImageDocument::onLoaded()
{
    Load load = m_watcher.result();
    if (!load.image && !load.series.isEmpty()) {
        Q_EMIT seriesChoiceNeeded(m_loadingPath, load.series);
        return;
    }
    if (!load.image) {
        Q_EMIT loadFailed(load.source || !load.sourceError.isEmpty()
                              ? (load.sourceError.startsWith(m_loadingPath)
                                     ? load.sourceError
                                     : m_loadingPath + QStringLiteral(": ") + load.sourceError)
                              : load.error.message());
        return;
    }
    m_volume = QSharedPointer<ImageStack>::create(std::move(*load.image));
    m_image = m_volume;
    m_openedByPlugin = !load.source.isNull();
    m_openedByTask = load.openerTask;
    m_overview = load.overview;
    m_source = load.source ? QSharedPointer<const SceneSource>(load.source)
                           : QSharedPointer<const SceneSource>(
                                 QSharedPointer<const ImageStackSource>::create(m_volume));
    m_plane = SlicePlane::Axial;
    m_window = WindowLevel();
    m_display.clear();
    Q_EMIT loaded();
}

QByteArray ImageDocument::contentSha256() const
{
    return m_source ? m_source->sha256() : QByteArray();
}

void ImageDocument::close()
{
    m_image.reset();
    m_volume.reset();
    m_source.reset();
    m_openedByPlugin = m_overview = false;
    m_openedByTask.clear();
    m_window = WindowLevel();
    m_display.clear();
    m_plane = SlicePlane::Axial;
}

bool ImageDocument::isStack() const
{
    return m_volume && m_image &&
           (m_volume->kind == ImageKind::Series || m_volume->kind == ImageKind::Volume) &&
           m_volume->channels == 1;
}

bool ImageDocument::canChangePlane() const
{
    return isStack() && canReslice(*m_volume);
}

void ImageDocument::setPlane(SlicePlane plane)
{
    if (!m_volume)
        return;
    m_plane = plane;
    m_image = plane == SlicePlane::Axial
                  ? m_volume
                  : QSharedPointer<ImageStack>::create(reslice(*m_volume, plane));
    Q_EMIT planeChanged(plane);
}

std::optional<SlicePlane> ImageDocument::showPlaneOf(const QByteArray &sha)
{
    if (!m_volume)
        return std::nullopt;
    if (sha.isEmpty() || m_volume->sha256 == sha)
        return SlicePlane::Axial;
    if (!canReslice(*m_volume))
        return std::nullopt;
    for (SlicePlane p : {SlicePlane::Coronal, SlicePlane::Sagittal}) {
        if (reslicedSha256(m_volume->sha256, p) == sha) {
            m_plane = p;
            m_image = QSharedPointer<ImageStack>::create(reslice(*m_volume, p));
            return p;
        }
    }
    return std::nullopt;
}

void ImageDocument::setWindow(const WindowLevel &window)
{
    m_window = window;
    Q_EMIT windowChanged();
}

void ImageDocument::setDisplaySettings(const QVariantMap &settings)
{
    if (settings == m_display)
        return;
    m_display = settings;
    m_window = WindowLevel();
    Q_EMIT displayChanged();
}

void ImageDocument::dragWindow(int dx, int dy)
{
    if (!m_image)
        return;
    setWindow(m_image->draggedWindow(m_window, dx, dy));
}

QImage ImageDocument::frameImage(int frame) const
{
    if (!m_image)
        return {};
    return m_image->toQImage(std::clamp(frame, 0, m_image->frameCount - 1), m_window);
}

QString ImageDocument::description() const
{
    if (!m_image)
        return {};
    const ImageStack &i = *m_image;
    if (m_overview)
        return Tr::tr("%1 — %2 × %3, %4 band(s), %5 frame(s), read by region (overview %6 × %7)")
            .arg(QFileInfo(m_source->path()).fileName())
            .arg(m_source->size().width())
            .arg(m_source->size().height())
            .arg(m_source->bands())
            .arg(m_source->frameCount())
            .arg(i.width)
            .arg(i.height);
    return Tr::tr("%1 — %2 × %3, %4 channel(s), %5 frame(s)%6")
               .arg(QFileInfo(i.sourcePath).fileName())
               .arg(i.width)
               .arg(i.height)
               .arg(i.channels)
               .arg(i.frameCount)
               .arg(i.modality.isEmpty() ? QString() : Tr::tr(", modality %1").arg(i.modality)) +
           (i.warnings.isEmpty()
                ? QString()
                : QStringLiteral("\n⚠ ") + i.warnings.join(QStringLiteral("\n⚠ ")));
}

} // namespace moescope
