#pragma once
// A run's report to hand on, as PDF (issue 13): the picture with the top-1
// expert map of each MoE layer, the model's outputs, each layer's routing
// (entropy, loads), the comparison with a second run when one is given, the
// model card's summary and the provenance (MoEScope version, model and input
// SHA-256, device, dates). Identifying DICOM fields (patient name, ID, birth
// date, sex, age, institution, study dates and UIDs) and the input's folder
// are left out unless asked for. Laid out with QTextDocument, written by
// QPdfWriter into a QSaveFile: a failed write leaves nothing behind.

#include "jobs/analysis.h"

#include <QImage>

namespace moescope {

struct ReportInput
{
    const AnalysisResult *run = nullptr;
    int stepIndex = 0;
    // The run's picture (null: not available, `pictureNote` says why).
    const ImageStack *picture = nullptr;
    QString pictureNote;
    // Optional: a second run and its step, compared layer by layer.
    const AnalysisResult *compare = nullptr;
    int compareStepIndex = 0;
    QString modelCard; // the card's Markdown (the .md beside the .pt); empty: none
    QString version;   // MoEScope's
    bool includeIdentifying = false;
};

// DICOM metadata names left out of reports unless asked for.
bool isIdentifyingField(const QString &name);

bool writeReport(const ReportInput &input, const QString &path, QString *error);

} // namespace moescope
