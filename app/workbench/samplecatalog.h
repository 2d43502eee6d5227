#pragma once
// The bundled samples a user can open: resources/samples/samples.json (and the
// same file in every other bundled sample folder) names each sample with its
// task, the model to open it with, a title and a line on what it shows. Files
// it does not name (ground truth, gallery members, tracking crops) are data
// for the CLI and the tests, never listed as samples.

#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace moescope {

struct SampleEntry
{
    QString path;     // absolute
    QString relative; // to its samples folder, as samples.json names it
    QString task;
    QString model; // the catalog name of the model it was made for
    QString title; // in the language in use where samples.json has it ("title[de]")
    QString what;
};

class SampleCatalog
{
public:
    // The samples folders beside the bundled model folders
    // (ModelCatalog::bundledDirectories()/../samples), each read once.
    SampleCatalog();
    // One folder's samples.json (for tests and other sample sets).
    explicit SampleCatalog(const QStringList &sampleDirectories);

    QList<SampleEntry> samples() const { return m_samples; }
    // Index entries whose file is missing, or an unreadable samples.json.
    QStringList problems() const { return m_problems; }
    // The sample at `path` (a file or folder, compared canonically), if it is one.
    std::optional<SampleEntry> find(const QString &path) const;

    static QStringList defaultDirectories();

private:
    void read(const QString &directory);

    QList<SampleEntry> m_samples;
    QStringList m_problems;
};

class TaskPlugin;

// A picture of `path` at most `side` pixels on its longer side: the first
// frame (a series: its middle slice) as `opener` reads it when a plugin opens
// the file, else as the host's loaders do. Safe off the main thread (the
// plugin is found and loaded on it first). Null with `error` when unreadable.
QImage sampleThumbnail(TaskPlugin *opener, const QString &path, int side, QString *error);

} // namespace moescope
