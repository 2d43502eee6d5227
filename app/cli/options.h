#pragma once
// What every moescope-cli verb shares: exit codes, the common options,
// parsing with one usage line on error, failure lines and JSON printing.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace moescope::cli {

enum ExitCode { Ok = 0, Failure = 1, Usage = 2 };

// The CLI's translation context, as lupdate sees it.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::cli)
};

// Common options, one definition each.
const QCommandLineOption &jsonOption();
const QCommandLineOption &threadsOption();  // --threads N
const QCommandLineOption &seriesOption();   // --series UID
const QCommandLineOption &modelOption();    // --model NAME|FILE
const QCommandLineOption &deviceOption();   // --device auto|cpu|cuda
const QCommandLineOption &databaseOption(); // --db FILE
// --routing-frames A:B: the frames whose full routing a run keeps and stores.
const QCommandLineOption &routingFramesOption();

// Parses one verb's arguments. Unknown options and missing values are usage
// errors with one line on stderr.
bool parse(QCommandLineParser &parser, const QString &verb, const QStringList &arguments,
           QTextStream &err);
// Prints `message` as one line on stderr; returns Failure.
int fail(QTextStream &err, const QString &message);
void printJson(QTextStream &out, const QJsonValue &value);
// --threads N sets LibTorch's CPU threads.
void applyThreads(const QCommandLineParser &parser);
// "A:B" (either end may be left out: from 0, to the last) or one number.
bool parseFrameRange(const QString &text, int *first, int *last);
// --routing-frames into `first`/`last`; false with a usage line on `err`.
bool readRoutingFrames(const QCommandLineParser &parser, const QString &verb, int *first, int *last,
                       QTextStream &err);

} // namespace moescope::cli
