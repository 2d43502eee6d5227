#pragma once
// Which models fit an opened file, best first, and why: the model a bundled
// sample was made for, the models of the plugin that opened the file itself
// (a SAR product, a video), the plugins that declare the file's DICOM Modality
// or its kind ("proposeFor" in their metadata), and the generic plugin for a
// picture that says nothing of what it shows. A model with no reason to fit
// is not proposed (it stays in the Models list).

#include "plugin/modelcatalog.h"
#include "plugin/plugindirectory.h"
#include "samplecatalog.h"

#include <QList>
#include <QString>

namespace moescope {

struct OpenedImageFacts
{
    QString path;
    QString openedByTask; // the task of the plugin that opened it; empty: the host's loaders
    QString modality;     // DICOM (0008,0060); empty for pictures
    QString kind;         // imageKindName(): "single", "cine", "series", "volume"
};

struct ModelProposal
{
    QString path; // the model file
    QString name;
    QString task;
    int score = 0;  // higher fits better
    QString reason; // one line for the status bar
};

// `preferred`: model paths in the user's order of preference (recently used
// first); among models that fit equally well, the earlier one wins.
QList<ModelProposal> proposeModels(const OpenedImageFacts &facts, const QList<ModelEntry> &models,
                                   const QList<PluginInfo> &plugins, const SampleCatalog &samples,
                                   const QStringList &preferred = {});

} // namespace moescope
