#pragma once
// The installed task plugins as their JSON metadata says, read without
// loading a plugin library (and so without LibTorch): what the CLI's
// model-free verbs and the registry's scan share.

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace moescope {

struct PluginInfo
{
    QString id;
    QString name;
    QString version;
    QString compatVersion;
    QString shape;
    QString description;
    QStringList tasks;
    // What the host may do with it ("batchable", "stateful", "tiled",
    // "gallery", "opens-files": capabilityNames()), as the metadata declares;
    // the registry refuses a plugin whose code says otherwise.
    QStringList capabilities;
    QStringList fileSuffixes;  // files the plugin opens itself (OpensFiles), lower case
    bool opensFolders = false; // "opensFolders": it is offered folders too (a sequence)
    // "proposeFor": what the window proposes its models for, besides the files
    // it opens itself: DICOM Modality values ("US", "CT") and image kinds
    // ("single", "cine", "series", "volume": imageKindName()).
    QStringList proposedModalities;
    QStringList proposedKinds;
    // Settings its runs read (PrepareOptions::extra) for the window's form:
    // [{"key", "label", "type": choice | int | band | region, "choices",
    //   "minimum", "maximum", "default", "automatic"}].
    QJsonArray runOptions;
    QString file; // empty for the built-in fallback
    bool builtIn = false;
};

class PluginDirectory
{
public:
    // Searches `directories` (defaultSearchPaths() when empty).
    explicit PluginDirectory(const QStringList &directories = {});

    // $MOESCOPE_PLUGIN_PATH (':'-separated), then <app>/plugins/moescope,
    // <app>/../plugins/moescope, <app>/../../plugins/moescope (the build tree:
    // the CLI in build/app, the window in build/app/gui) and
    // <app>/../lib/moescope/plugins and <app>/plugins (an install: the
    // programs in bin/, the CLI's engine in lib/moescope).
    static QStringList defaultSearchPaths();
    // The plugin API this host serves ("2.2"), and whether it serves a plugin
    // written for `compatVersion`: the same major and minor version (a minor
    // version adds virtual functions, so any other one needs a rebuild).
    static QString apiVersion();
    static bool servesApi(const QString &compatVersion);

    QList<PluginInfo> plugins() const { return m_infos; } // the fallback first, then by id
    QStringList problems() const { return m_problems; }   // files skipped, and why
    // The plugin that claims `task`; the built-in generic fallback when none does.
    PluginInfo infoForTask(const QString &task) const;
    // The plugins that would open `path` themselves, to be tried in order:
    // those listing its suffix (a Sentinel-1 .SAFE folder included), then, for
    // a folder, those that declare "opensFolders" (a tracking sequence).
    QList<PluginInfo> claimantsOf(const QString &path) const;

private:
    QList<PluginInfo> m_infos;
    QStringList m_problems;
};

} // namespace moescope
