#include "slurmbatch.h"

#include "options.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>

namespace moescope::cli {

namespace {

const QCommandLineOption &scriptOpt()
{
    static const QCommandLineOption o(QStringLiteral("slurm"),
                                      Tr::tr("Write an sbatch script for a Slurm job array to FILE "
                                             "instead of analysing here."),
                                      QStringLiteral("FILE"));
    return o;
}
const QCommandLineOption &arrayOpt()
{
    static const QCommandLineOption o(QStringLiteral("array"),
                                      Tr::tr("Array tasks, one shard each (default: one per file, "
                                             "at most 32)."),
                                      QStringLiteral("N"));
    return o;
}
const QCommandLineOption &partitionOpt()
{
    static const QCommandLineOption o(QStringLiteral("partition"), Tr::tr("Slurm partition."),
                                      QStringLiteral("P"));
    return o;
}
const QCommandLineOption &timeOpt()
{
    static const QCommandLineOption o(QStringLiteral("time"),
                                      Tr::tr("Time limit per task, as sbatch takes it."),
                                      QStringLiteral("T"));
    return o;
}
const QCommandLineOption &submitOpt()
{
    static const QCommandLineOption o(QStringLiteral("submit"),
                                      Tr::tr("Submit the script with sbatch."));
    return o;
}

// Quotes one word for bash: '…' with every ' written as '\''.
QString shellQuote(const QString &word)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool isUrl(const QString &location)
{
    return location.contains(QLatin1String("://"));
}

QString absolute(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

QList<QCommandLineOption> slurmOptions()
{
    return {scriptOpt(), arrayOpt(), partitionOpt(), timeOpt(), submitOpt()};
}

bool slurmRequested(const QCommandLineParser &parser)
{
    return parser.isSet(scriptOpt());
}

QString shardDatabase(const QString &database, const QString &shard)
{
    const QFileInfo file(database);
    return file.dir().filePath(
        file.completeBaseName() + QStringLiteral(".shard") + shard + QLatin1Char('.') +
        (file.suffix().isEmpty() ? QStringLiteral("sqlite") : file.suffix()));
}

int writeSlurmBatch(const QCommandLineParser &parser, const QString &modelPath,
                    const QString &input, int listedFiles, QTextStream &out, QTextStream &err)
{
    int tasks = std::clamp(listedFiles, 1, 32);
    if (parser.isSet(arrayOpt())) {
        bool ok = false;
        tasks = parser.value(arrayOpt()).toInt(&ok);
        if (!ok || tasks < 1) {
            err << Tr::tr("moescope-cli batch: --array takes N >= 1") << "\n";
            return Usage;
        }
    }
    // Paths as the nodes will see them: absolute, on the shared file system.
    QStringList command{QCoreApplication::applicationFilePath(),
                        QStringLiteral("batch"),
                        QStringLiteral("--model"),
                        absolute(modelPath),
                        QStringLiteral("--input"),
                        absolute(input)};
    const QString database = parser.value(databaseOption());
    const bool noStore = parser.isSet(QStringLiteral("no-store"));
    QString dbArgument;
    if (!noStore) {
        if (database.isEmpty()) {
            err << Tr::tr("moescope-cli batch: --slurm needs --db (a PostgreSQL URL the nodes "
                          "reach, or an SQLite file on a shared folder)")
                << "\n";
            return Usage;
        }
        dbArgument = isUrl(database) ? database : absolute(database);
    }
    for (const QString &name : {QStringLiteral("device"), QStringLiteral("batch"),
                                QStringLiteral("threads"), QStringLiteral("series")})
        if (parser.isSet(name))
            command << QStringLiteral("--") + name << parser.value(name);
    if (parser.isSet(QStringLiteral("out")))
        command << QStringLiteral("--out") << absolute(parser.value(QStringLiteral("out")));
    for (const QString &choice : parser.values(QStringLiteral("choice")))
        command << QStringLiteral("--choice") << choice;
    for (const QString &flag : {QStringLiteral("no-store"), QStringLiteral("keep-paths")})
        if (parser.isSet(flag))
            command << QStringLiteral("--") + flag;

    QStringList quoted;
    for (const QString &word : command)
        quoted << shellQuote(word);
    QString dbLine;
    if (!noStore)
        dbLine = isUrl(database)
                     ? QStringLiteral(" --db ") + shellQuote(dbArgument)
                     : QStringLiteral(" --db ") +
                           shellQuote(shardDatabase(dbArgument, QStringLiteral("XXSHARDXX")))
                               .replace(QStringLiteral("XXSHARDXX"),
                                        QStringLiteral("\"$SLURM_ARRAY_TASK_ID\""));

    const QString scriptPath = absolute(parser.value(scriptOpt()));
    const QString logDir = QFileInfo(scriptPath).absolutePath();
    QString script;
    QTextStream s(&script);
    s << "#!/bin/bash\n"
      << "# Written by moescope-cli batch --slurm: " << listedFiles << " file(s) in " << tasks
      << " array task(s), one shard each. Submit with: sbatch " << shellQuote(scriptPath) << "\n"
      << "#SBATCH --job-name=moescope-batch\n"
      << "#SBATCH --array=1-" << tasks << "\n"
      << "#SBATCH --ntasks=1\n"
      << "#SBATCH --output=" << logDir << "/moescope-batch-%A_%a.out\n";
    if (parser.isSet(partitionOpt()))
        s << "#SBATCH --partition=" << parser.value(partitionOpt()) << "\n";
    if (parser.isSet(timeOpt()))
        s << "#SBATCH --time=" << parser.value(timeOpt()) << "\n";
    s << "set -euo pipefail\n"
      << "# Each task analyses its share; a task run again skips what is stored.\n"
      << "exec " << quoted.join(QLatin1Char(' ')) << dbLine << " --shard \"$SLURM_ARRAY_TASK_ID/"
      << tasks << "\"\n";
    s.flush();

    QSaveFile file(scriptPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(script.toUtf8()) < 0 || !file.commit())
        return fail(err, Tr::tr("%1: cannot write the sbatch script: %2")
                             .arg(QDir::toNativeSeparators(scriptPath), file.errorString()));
    QFile::setPermissions(scriptPath, QFile::permissions(scriptPath) | QFile::ExeOwner);
    out << Tr::tr("wrote %1: %2 file(s) in %3 array task(s)")
               .arg(QDir::toNativeSeparators(scriptPath))
               .arg(listedFiles)
               .arg(tasks)
        << "\n";
    if (!noStore && !isUrl(database))
        out << Tr::tr("each task stores its runs in %1; merge them afterwards with "
                      "moescope-cli merge --db %2 %3")
                   .arg(shardDatabase(dbArgument, QStringLiteral("N")), dbArgument,
                        shardDatabase(dbArgument, QStringLiteral("*")))
            << "\n";
    if (!parser.isSet(submitOpt()))
        return 0;

    const QString sbatch = QStandardPaths::findExecutable(QStringLiteral("sbatch"));
    if (sbatch.isEmpty())
        return fail(err, Tr::tr("sbatch: not found; is this a Slurm login node? The script is "
                                "written and can be submitted from one"));
    QProcess process;
    process.start(sbatch, {QStringLiteral("--parsable"), scriptPath});
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        const QString why = QString::fromLocal8Bit(process.readAllStandardError()).simplified();
        return fail(err, Tr::tr("sbatch: could not submit %1: %2")
                             .arg(QDir::toNativeSeparators(scriptPath),
                                  why.isEmpty() ? process.errorString() : why));
    }
    const QString jobId = QString::fromLocal8Bit(process.readAllStandardOutput())
                              .trimmed()
                              .section(QLatin1Char(';'), 0, 0);
    out << Tr::tr("submitted job array %1 (%2 task(s))").arg(jobId).arg(tasks) << "\n";
    return 0;
}

} // namespace moescope::cli
