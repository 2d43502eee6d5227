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

namespace moescope::cli {

QString usage();
// The CLI's translations and the core's (model and contract messages).
void installTranslations(QCoreApplication &app);

int models(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runs(const QStringList &arguments, QTextStream &out, QTextStream &err);
//   galleries --db FILE [--rename NAME --to NEW | --delete NAME] [--json]
int galleries(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace moescope::cli
