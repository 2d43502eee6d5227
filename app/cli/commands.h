#pragma once
// The verbs of moescope-cli. Each returns the process exit code: 0 success,
// 1 a failure with one message on stderr naming the file and the cause, 2 a
// usage error.

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include "image/imageloader.h"
#include "infoverb.h"
#include "lightverbs.h"
#include "options.h"

namespace moescope::cli {

int dispatch(const QStringList &arguments, QTextStream &out, QTextStream &err);

int info(const QStringList &arguments, QTextStream &out, QTextStream &err);
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
int track(const QStringList &arguments, QTextStream &out, QTextStream &err);
int compare(const QStringList &arguments, QTextStream &out, QTextStream &err);
int signatures(const QStringList &arguments, QTextStream &out, QTextStream &err);
int ablate(const QStringList &arguments, QTextStream &out, QTextStream &err);
int paths(const QStringList &arguments, QTextStream &out, QTextStream &err);
int report(const QStringList &arguments, QTextStream &out, QTextStream &err);
int stability(const QStringList &arguments, QTextStream &out, QTextStream &err);
int bench(const QStringList &arguments, QTextStream &out, QTextStream &err);
int batch(const QStringList &arguments, QTextStream &out, QTextStream &err);
// moescope-cli pacs echo|find|get (pacsverb.cpp).
int pacsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace moescope::cli
