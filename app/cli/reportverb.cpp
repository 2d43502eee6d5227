// moescope-cli report: a stored run (and optionally a second, compared) as a
// PDF to hand on (app/common/report.h).
#include "commands.h"

#include "common/report.h"
#include "jobs/stepcomparison.h"
#include "jobs/storedrun.h"
#include "plugin/pluginregistry.h"
#include "plugin/sceneopener.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

namespace moescope::cli {

namespace {

bool loadRun(const store::Database &db, qint64 id, AnalysisResult *result, QString *error)
{
    std::vector<store::FrameRouting> routing;
    const std::optional<store::RunRecord> record = db.loadRun(id, &routing, error);
    if (!record)
        return false;
    *result = fromStoredRun(*record, routing);
    return true;
}

} // namespace

int report(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption runOpt(QStringLiteral("run"), Tr::tr("The stored run."),
                                    QStringLiteral("ID"));
    const QCommandLineOption frameOpt(QStringLiteral("frame"),
                                      Tr::tr("Its frame (default: the first with routing)."),
                                      QStringLiteral("N"));
    const QCommandLineOption compareOpt(QStringLiteral("compare"),
                                        Tr::tr("A second stored run, compared layer by layer."),
                                        QStringLiteral("ID"));
    const QCommandLineOption outOpt(QStringLiteral("out"), Tr::tr("The PDF to write."),
                                    QStringLiteral("FILE.pdf"));
    const QCommandLineOption identifyingOpt(
        QStringLiteral("include-identifying"),
        Tr::tr("Keep identifying DICOM fields and the input's folder in the report."));
    parser.addOptions({runOpt, frameOpt, compareOpt, outOpt, identifyingOpt, databaseOption()});
    if (!parse(parser, QStringLiteral("report"), arguments, err))
        return Usage;
    bool okRun = false, okCompare = true, okFrame = true;
    const qint64 id = parser.value(runOpt).toLongLong(&okRun);
    const qint64 other =
        parser.isSet(compareOpt) ? parser.value(compareOpt).toLongLong(&okCompare) : 0;
    const int frame = parser.isSet(frameOpt) ? parser.value(frameOpt).toInt(&okFrame) : -1;
    if (!okRun || !okCompare || !okFrame || !parser.isSet(outOpt)) {
        err << Tr::tr("moescope-cli report: --run ID and --out FILE.pdf are required") << "\n";
        return Usage;
    }
    store::Database db;
    QString error;
    if (!db.openOrDefault(parser.value(databaseOption()), &error))
        return fail(err, error);
    AnalysisResult run, compared;
    if (!loadRun(db, id, &run, &error) || (other > 0 && !loadRun(db, other, &compared, &error)))
        return fail(err, error);
    ReportInput input;
    input.run = &run;
    StepResult mosaic, otherMosaic;
    input.step = comparedStep(run, frame, &mosaic);
    if (!input.step && frame < 0 && !run.steps.isEmpty())
        input.step = &run.steps.first(); // summaries only: reported without maps
    if (!input.step)
        return fail(err, Tr::tr("run %1 has no frame %2").arg(id).arg(frame));
    if (other > 0) {
        input.compare = &compared;
        input.compareStep = comparedStep(compared, -1, &otherMosaic);
    }
    input.version = QCoreApplication::applicationVersion();
    input.includeIdentifying = parser.isSet(identifyingOpt);

    // The picture, when its file is still there and unchanged.
    PluginRegistry registry;
    std::optional<OpenedScene> scene;
    if (!QFileInfo::exists(run.imagePath)) {
        input.pictureNote =
            Tr::tr("The picture (%1) is no longer there.").arg(QFileInfo(run.imagePath).fileName());
    } else if (!(scene = openScene(registry, run.imagePath, LoadOptions(), &error))) {
        input.pictureNote = Tr::tr("The picture could not be read (%1).").arg(error);
    } else if (scene->source->sha256() != run.imageSha256.toLatin1()) {
        input.pictureNote = Tr::tr("The picture has changed since the run: it is left out.");
    } else if (scene->image) {
        input.picture = reportPicture(run, *input.step, *scene->image);
        input.metadata = scene->image->metadata;
    } else {
        // A scene read by region: the part the run covered, as the window shows it.
        input.picture = reportSceneOverview(
            *scene->source, run.mosaic.empty() ? run.modelRegion : run.mosaicRect(), 900, &error);
        if (input.picture.isNull())
            input.pictureNote = error;
    }
    QFile card(QFileInfo(run.modelPath).path() + QLatin1Char('/') +
               QFileInfo(run.modelPath).completeBaseName() + QStringLiteral(".md"));
    if (card.open(QIODevice::ReadOnly))
        input.modelCard = QString::fromUtf8(card.readAll());
    const QString path = parser.value(outOpt);
    if (!writeReport(input, path, &error))
        return fail(err, error);
    out << Tr::tr("%1: report of run %2 written").arg(path).arg(id) << "\n";
    return Ok;
}

} // namespace moescope::cli
