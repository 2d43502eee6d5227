// moescope-cli merge: the runs of several stores into one, e.g. the per-shard
// SQLite files of a Slurm job array (slurmbatch.h) into the lab's store. A run
// already in the target (same model, image and expert mask) is not copied
// again, so merging twice, or a shard that was run twice, adds nothing.
#include "lightverbs.h"
#include "options.h"

#include "store/database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace moescope::cli {

int merge(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("SOURCE"),
                                 Tr::tr("Stores to copy runs from (files or URLs)."),
                                 QStringLiteral("SOURCE..."));
    parser.addOptions({databaseOption(), jsonOption()});
    if (!parse(parser, QStringLiteral("merge"), arguments, err))
        return Usage;
    const QStringList sources = parser.positionalArguments();
    if (sources.isEmpty()) {
        err << Tr::tr("moescope-cli merge: name at least one store to merge from") << "\n";
        return Usage;
    }
    store::Database target;
    QString error;
    if (!target.openOrDefault(parser.value(databaseOption()), &error))
        return fail(err, error);

    int copied = 0, present = 0;
    QJsonArray perSource;
    for (const QString &source : sources) {
        store::Database from;
        if (!from.open(source, &error))
            return fail(err, error);
        if (from.path() == target.path())
            return fail(err, Tr::tr("%1: the target itself cannot be merged into it").arg(source));
        QList<store::RunRecord> runs = from.listRuns(&error, 0);
        if (!error.isEmpty())
            return fail(err, error);
        std::reverse(runs.begin(), runs.end()); // oldest first: ids keep the runs' order
        int sourceCopied = 0;
        for (const store::RunRecord &listed : runs) {
            const std::optional<qint64> there =
                target.findRun(listed.model.sha256, listed.image.sha256, listed.expertMask, &error);
            if (!error.isEmpty())
                return fail(err, error);
            if (there) {
                ++present;
                continue;
            }
            std::vector<store::FrameRouting> routing;
            const std::optional<store::RunRecord> run = from.loadRun(listed.id, &routing, &error);
            if (!run)
                return fail(err, error);
            if (!target.saveRun(*run, routing, &error))
                return fail(err, error);
            ++copied;
            ++sourceCopied;
        }
        perSource.append(QJsonObject{
            {"source", from.path()}, {"runs", int(runs.size())}, {"copied", sourceCopied}});
    }
    if (parser.isSet(jsonOption()))
        printJson(out, QJsonObject{{"db", target.path()},
                                   {"copied", copied},
                                   {"already_there", present},
                                   {"sources", perSource}});
    else
        out << Tr::tr("%n run(s) copied into %1", nullptr, copied)
                   .arg(QDir::toNativeSeparators(target.path()))
            << Tr::tr(" (%n already there)", nullptr, present) << "\n";
    return Ok;
}

} // namespace moescope::cli
