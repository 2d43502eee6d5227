#pragma once
// `run` options for scenes read by region (a SAR product): tile size,
// overlap, bands, speckle filter, region and batch. They reach the task
// plugin's run as PrepareOptions::extra; plugins that do not tile ignore them.

#include <QCommandLineParser>
#include <QList>
#include <QVariantMap>

namespace moescope::cli {

QList<QCommandLineOption> sceneRunOptions();

// Fills `extra` from the parsed options ("tile", "overlap", "bands",
// "filter", "region") and `batch`. False with a usage line in `error`.
bool readSceneRunOptions(const QCommandLineParser &parser, QVariantMap *extra, int *batch,
                         QString *error);

} // namespace moescope::cli
