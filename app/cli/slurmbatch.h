#pragma once
// moescope-cli batch --slurm: the same batch as a Slurm job array, for a
// study set too large for one machine. Each array task runs this program's
// `batch --shard I/N` on a node; what is written here is the sbatch script,
// handed to sbatch with --submit.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QTextStream>

namespace moescope::cli {

// --slurm FILE, --array N, --partition P, --time T, --submit.
QList<QCommandLineOption> slurmOptions();
bool slurmRequested(const QCommandLineParser &parser);

// Writes the script for `parser`'s batch over `listedFiles` files with the
// model at `modelPath` (absolute) and, given --submit, submits it. Prints
// what it did; returns the exit code.
// `input` is the folder or list the tasks read (a PACS query's retrieved
// folder stands for the query).
int writeSlurmBatch(const QCommandLineParser &parser, const QString &modelPath,
                    const QString &input, int listedFiles, QTextStream &out, QTextStream &err);

// The per-shard database a task writes when --db is an SQLite file: a
// shared file system's locks cannot be trusted with many writers, so each
// task has its own, merged afterwards (moescope-cli merge).
QString shardDatabase(const QString &database, const QString &shard);

} // namespace moescope::cli
