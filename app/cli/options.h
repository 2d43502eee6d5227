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

#include <atomic>

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
// --keep-paths: exports name an input by its full path, not its file name.
const QCommandLineOption &keepPathsOption();
// What an export (result.json, `run --json`, `runs`) says of an input: its
// file name, so a folder named after a patient stays out of what is shared;
// the whole path with --keep-paths. The database keeps the path (it reopens
// the file from it).
QString exportedPath(const QString &path, const QCommandLineParser &parser);
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

// stderr carries MoEScope's own messages, one line per failure; Qt's and
// plugins' debug chatter (a missing XDG_RUNTIME_DIR, font fallbacks) is shown
// only with MOESCOPE_DEBUG=1.
void installQuietMessages();

// Called first in main(), before any thread starts: Ctrl-C (SIGINT) is
// taken by one waiting thread only (sigwait), and ends the process as usual
// unless an InterruptGuard lives. A process started with SIGINT ignored keeps
// ignoring it.
void takeInterruptsOnOneThread();

// While one lives, Ctrl-C sets flag() instead of ending the process, so a
// verb that writes file by file (index, batch) stops after the files in hand,
// each file's transaction whole, and the same command resumes; a second
// Ctrl-C ends it at once (an open transaction rolls back).
class InterruptGuard
{
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;
    const std::atomic_bool &flag() const;
};

} // namespace moescope::cli
