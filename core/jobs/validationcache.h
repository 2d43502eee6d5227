#pragma once
// Models that passed the engine's validation passes, remembered by content
// (issue 14): a model the user has run a hundred times loads without them,
// and a one-shot run's first forward is its run. The key is the file's
// SHA-256 and the runtime that validated it (LibTorch's version and the
// device), so a changed file or another LibTorch validates again. Kept as
// JSON in the user's cache folder; an unreadable or damaged cache is an empty
// one.

#include <QString>

namespace moescope {

class ValidationCache
{
public:
    // `file` empty: <cache location>/validated-models.json.
    explicit ValidationCache(QString file = {});
    QString file() const { return m_file; }

    // What validated a model here: "libtorch 1.13.0 cpu", say.
    static QString runtimeKey(const QString &torchVersion, const QString &device);

    bool isValidated(const QString &sha256, const QString &runtime) const;
    // Written whole or not at all; false with `error` naming the file.
    bool remember(const QString &sha256, const QString &runtime, QString *error);

private:
    QString m_file;
};

} // namespace moescope
