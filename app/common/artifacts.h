#pragma once
// The files a run leaves for a person: the overlay, one expert grid per MoE
// layer, the top-1 map per layer and result.json. Used by `moescope-cli run
// --out` and the window's File > Export.

#include "jobs/analysis.h"
#include "render/routingimages.h"

#include <QJsonObject>
#include <QStringList>

namespace moescope {

struct ArtifactOptions
{
    render::Colormap colormap = render::Colormap::Viridis;
    double opacity = 0.55;
    int tileSize = 224;
};

// The step's image frame as the picture the routing maps lie over (cropped
// to the result's model region when it has one).
QImage frameForStep(const AnalysisResult &result, const ImageStack &image, int stepIndex);

// Loads once per process what drawing and saving the artifacts needs (the
// font database, through fontconfig, and Qt's image-writer plugins), so that
// a caller can do it while something else runs (a one-shot run, while its
// model loads). writeArtifacts() works without it.
void prepareArtifactWriters();

// Writes the artifacts of step `stepIndex` of `result` into `directory`
// (created when missing), each file atomically. On failure removes what it
// wrote and returns false with `error` naming the file and the cause.
bool writeArtifacts(const QString &directory, const AnalysisResult &result, const ImageStack &image,
                    const QJsonObject &resultJson, const ArtifactOptions &options,
                    QStringList *written, QString *error);

} // namespace moescope
