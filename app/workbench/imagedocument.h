#pragma once
// The open image, without widgets (the "logic" floor under the window, as in
// ITK-SNAP): the picture as loaded (a cine, a series, a volume), the stack in
// the plane shown, the window/level it is drawn with, and opening on the
// thread pool, with the series choice and the reopening of a stored run's
// exact content (in whichever series and plane it was made on).

#include "image/imageloader.h"
#include "image/reslice.h"
#include "image/scenesource.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QSharedPointer>
#include <QVariantMap>

#include <optional>

namespace moescope {

class PluginRegistry;

class ImageDocument : public QObject
{
    Q_OBJECT
public:
    // `plugins` (may be null) opens the files plugins read themselves (a SAR
    // product, a video): such a picture is held whole when it fits in
    // kWholeSamples samples, else as an overview, the view reading tiles.
    explicit ImageDocument(PluginRegistry *plugins = nullptr, QObject *parent = nullptr);
    static constexpr qint64 kWholeSamples = 64ll * 1024 * 1024;
    ~ImageDocument() override;

    // Loads on the thread pool; loaded(), seriesChoiceNeeded() or
    // loadFailed() follows. `askSeries`: a folder of several series asks
    // which one. `wantedSha256` (a run being reopened): among the folder's
    // series, the one whose content in some plane has that hash.
    bool open(const QString &path, const LoadOptions &options, bool askSeries,
              const QByteArray &wantedSha256 = {});
    bool isLoading() const { return m_watcher.isRunning(); }
    QString loadingPath() const { return m_loadingPath; }
    void close();

    // What is shown and run: the loaded picture cut in plane(); null when
    // none. For a scene too large to hold, an overview (isOverview()).
    QSharedPointer<ImageStack> image() const { return m_image; }
    // The picture as a source read by region: the plugin's own for a file a
    // plugin opened (runs then read through it), else the image in memory.
    QSharedPointer<const SceneSource> source() const { return m_source; }
    bool openedByPlugin() const { return m_openedByPlugin; }
    // The task of the plugin that opened the file (its id); empty for the host's loaders.
    QString openedByTask() const { return m_openedByTask; }
    bool isOverview() const { return m_overview; }
    // The frames there are to show: the source's (a long video held as the
    // overview of one frame has all of its frames, read when shown).
    int frameCount() const
    {
        return m_openedByPlugin && m_source ? m_source->frameCount()
               : m_image                    ? m_image->frameCount
                                            : 0;
    }
    // What identifies the content shown (a run's image_sha256).
    QByteArray contentSha256() const;
    QSharedPointer<ImageStack> volume() const { return m_volume; }
    // A series or volume of one channel: planes, presets and window drags apply.
    bool isStack() const;
    bool canChangePlane() const;
    SlicePlane plane() const { return m_plane; }
    // Cuts the loaded picture along `plane`; planeChanged() follows.
    void setPlane(SlicePlane plane);
    // The plane whose cut has `sha256` (a stored run's image), made current;
    // nullopt when no plane has it.
    std::optional<SlicePlane> showPlaneOf(const QByteArray &sha256);

    // Invalid: the file's own window.
    WindowLevel window() const { return m_window; }
    void setWindow(const WindowLevel &window);
    // Widens/raises the window by a drag of (dx, dy) pixels: about a thousand
    // steps over the image's range (4 HU a pixel for CT).
    void dragWindow(int dx, int dy);
    // How the scene's own reader shows it: the values of the source's
    // displayOptions() (a SAR product: amplitude, intensity or dB, a speckle
    // filter, a band); empty for its defaults. A change resets the window (a
    // window in dB means nothing for amplitude) and emits displayChanged().
    QVariantMap displaySettings() const { return m_display; }
    void setDisplaySettings(const QVariantMap &settings);
    // One frame drawn with the window.
    QImage frameImage(int frame) const;
    // What a person reads about it: name, size, channels, frames, modality, warnings.
    QString description() const;

Q_SIGNALS:
    void loaded();
    void seriesChoiceNeeded(const QString &folder, const QList<SeriesInfo> &series);
    void loadFailed(const QString &message);
    void planeChanged(SlicePlane plane);
    void windowChanged();
    void displayChanged();

private:
    struct Load
    {
        std::optional<ImageStack> image;
        LoadError error;
        QList<SeriesInfo> series;           // several series and no choice: ask
        QSharedPointer<SceneSource> source; // opened by a plugin
        QString openerTask;
        bool overview = false;
        QString sourceError;
    };
    void onLoaded();

    QSharedPointer<ImageStack> m_image;
    QSharedPointer<ImageStack> m_volume;
    QSharedPointer<const SceneSource> m_source;
    bool m_openedByPlugin = false;
    QString m_openedByTask;
    bool m_overview = false;
    PluginRegistry *m_plugins = nullptr;
    SlicePlane m_plane = SlicePlane::Axial;
    WindowLevel m_window;
    QVariantMap m_display;
    QFutureWatcher<Load> m_watcher;
    QString m_loadingPath;
};

} // namespace moescope
