#pragma once
// What the window remembers and the Settings dialog sets, over QSettings:
// typed, checked on reading (a damaged file or a value out of range falls back
// to the default, and the problem is said once: problems()), and the recent
// files and models (most recent first; files gone since are dropped).

#include "pacs/pacsnode.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace moescope {

class Preferences
{
public:
    // The application's settings (QSettings' default file for MoEScope).
    Preferences();
    // Another settings file (tests, a portable setup).
    explicit Preferences(const QString &iniFile);

    // What could not be restored, one line each (read on construction).
    QStringList problems() const { return m_problems; }
    QString fileName() const { return m_settings.fileName(); }

    // "auto" (CUDA when there is one), "cpu", "cuda".
    QString device() const;
    void setDevice(const QString &device);
    int cpuThreads() const; // 0: LibTorch's choice
    void setCpuThreads(int threads);
    QString runDatabase() const; // empty: the app's data location
    void setRunDatabase(const QString &path);
    QString language() const; // empty: the system's; "en", "de", "zh_CN"
    void setLanguage(const QString &language);
    QString theme() const; // "system", "light", "dark"
    void setTheme(const QString &theme);
    bool runOnOpen() const; // run the proposed model as soon as a file opens
    void setRunOnOpen(bool run);
    int tileCacheMegabytes() const; // the image view's tiles of a large scene
    void setTileCacheMegabytes(int megabytes);
    bool keepPaths() const; // exports name the input's folder too
    void setKeepPaths(bool keep);
    // The DICOM nodes File ▸ Open from PACS… and moescope-cli pacs --node
    // know by name ("pacs/nodes": NAME=AET@HOST:PORT each), and our AE title.
    QList<pacs::Node> pacsNodes() const;
    void setPacsNodes(const QList<pacs::Node> &nodes);
    QString pacsAeTitle() const;
    void setPacsAeTitle(const QString &aet);

    QString overlay() const; // "top1", "entropy", "none"
    QString colormap() const;
    int opacityPercent() const;
    void setOverlayStyle(const QString &overlay, const QString &colormap, int opacityPercent);

    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);
    QStringList recentModels() const;
    void addRecentModel(const QString &path);
    void clearRecent();

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray &geometry, const QByteArray &state);
    // A splitter inside the window, by its object name.
    QByteArray splitterState(const QString &name) const;
    void setSplitterState(const QString &name, const QByteArray &state);
    // A layout that did not restore (another version's docks): said once, then forgotten.
    void dropWindowLayout();
    void addProblem(const QString &problem) { m_problems << problem; }

    void sync() { m_settings.sync(); }

    static constexpr int kRecentMax = 10;
    static QStringList languages();
    static QStringList themes();

private:
    void check();
    QString choice(const char *key, const QStringList &allowed, const QString &fallback) const;
    int number(const char *key, int minimum, int maximum, int fallback) const;
    QStringList pathList(const char *key) const;
    void pushPath(const char *key, const QString &path);
    void dropMissing(const char *key, bool models); // paths that went, said and removed

    QSettings m_settings;
    QStringList m_problems;
};

} // namespace moescope
