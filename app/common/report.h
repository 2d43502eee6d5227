#pragma once
// A run's report to hand on, as PDF (issue 13): the picture with the top-1
// expert map of each MoE layer, the model's outputs, each layer's routing
// (entropy, loads), the comparison with a second run when one is given, the
// model card's summary and the provenance (MoEScope version, model and input
// SHA-256, device, dates). Identifying DICOM fields (patient name, ID, birth
// date, sex, age, institution, study dates and UIDs) and the input's folder
// are left out unless asked for. Laid out with QTextDocument, written by
// QPdfWriter into a QSaveFile: a failed write leaves nothing behind.

#include "image/scenesource.h"
#include "jobs/analysis.h"

#include <QImage>

namespace moescope {

struct ReportInput
{
    const AnalysisResult *run = nullptr;
    // The step reported (a tiled run's: its mosaic, jobs/stepcomparison.h's comparedStep).
    const StepResult *step = nullptr;
    // What the model saw (reportPicture, reportSceneOverview); null: not
    // available, `pictureNote` says why.
    QImage picture;
    QString pictureNote;
    // The file's metadata (DICOM fields by name); identifying ones are left
    // out unless `includeIdentifying`.
    QList<QPair<QString, QString>> metadata;
    // Optional: a second run and its step, compared layer by layer.
    const AnalysisResult *compare = nullptr;
    const StepResult *compareStep = nullptr;
    QString modelCard; // the card's Markdown (the .md beside the .pt); empty: none
    QString version;   // MoEScope's
    bool includeIdentifying = false;
};

// What the model saw at `step` of an image held whole: the part of its frame
// the step's largest image input came from (a tracker's search region), else
// the run's model region.
QImage reportPicture(const AnalysisResult &run, const StepResult &step, const ImageStack &image);
// A scene read by region (a SAR product): `region` of it as the window shows
// it, at most `maxSide` pixels a side; null with `error` when it cannot be read.
QImage reportSceneOverview(const SceneSource &source, const QRect &region, int maxSide,
                           QString *error);

// DICOM metadata names left out of reports unless asked for.
bool isIdentifyingField(const QString &name);

bool writeReport(const ReportInput &input, const QString &path, QString *error);

} // namespace moescope
