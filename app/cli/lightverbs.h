#pragma once
// The verbs of moescope-cli that need no model: the usage text, the model list
// (read from the model files' moescope.json), the stored runs and galleries.
// Linked into the launcher (main_light.cpp), which answers them without
// loading LibTorch, ITK, DCMTK or any plugin library, and into the engine
// binary, which answers every verb.

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace moescope::cli {

QString usage();
// The CLI's translations and the core's (model and contract messages).
void installTranslations(QCoreApplication &app);

// The installed task plugins, from their metadata (capabilities included).
int plugins(const QStringList &arguments, QTextStream &out, QTextStream &err);
// info's arguments: PATH [--series UID] [--json]; nullopt after a usage line.
struct InfoArguments
{
    QString path;
    QString seriesUid;
    bool json = false;
};
std::optional<InfoArguments> parseInfoArguments(const QStringList &arguments, QTextStream &err);

// `info` for the pictures the host opens itself, with the image libraries
// loaded only now (moescope_cli_info, dlopen); `*needsEngine` instead when a
// plugin opens the file (a SAR product, a video, a sequence folder).
int infoWithoutEngine(const QStringList &arguments, QTextStream &out, QTextStream &err,
                      bool *needsEngine);
int models(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runs(const QStringList &arguments, QTextStream &out, QTextStream &err);
//   galleries --db FILE [--rename NAME --to NEW | --delete NAME] [--json]
int galleries(const QStringList &arguments, QTextStream &out, QTextStream &err);
//   forget-paths --db FILE [--json]: every stored input path becomes its file name
int forgetPaths(const QStringList &arguments, QTextStream &out, QTextStream &err);
// Copies the runs of other stores into --db (mergeverb.cpp).
int merge(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace moescope::cli
