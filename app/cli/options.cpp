#include "options.h"
#include "terminal.h"

#include <QRegularExpression>

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <pthread.h>
#include <thread>

namespace moescope::cli {

const QCommandLineOption &jsonOption()
{
    static const QCommandLineOption o(QStringLiteral("json"), Tr::tr("Print JSON."));
    return o;
}

const QCommandLineOption &threadsOption()
{
    static const QCommandLineOption o(QStringLiteral("threads"), Tr::tr("LibTorch CPU threads."),
                                      QStringLiteral("N"));
    return o;
}

const QCommandLineOption &seriesOption()
{
    static const QCommandLineOption o(
        QStringLiteral("series"),
        Tr::tr("The DICOM series of a folder to load (default: the largest)."),
        QStringLiteral("UID"));
    return o;
}

const QCommandLineOption &modelOption()
{
    static const QCommandLineOption o(QStringLiteral("model"), Tr::tr("Model name or .pt file."),
                                      QStringLiteral("NAME|FILE"));
    return o;
}

const QCommandLineOption &deviceOption()
{
    static const QCommandLineOption o(QStringLiteral("device"), Tr::tr("auto, cpu or cuda."),
                                      QStringLiteral("DEVICE"), QStringLiteral("auto"));
    return o;
}

const QCommandLineOption &databaseOption()
{
    static const QCommandLineOption o(QStringLiteral("db"),
                                      Tr::tr("Run database: an SQLite file (default: the app's "
                                             "data location) or a PostgreSQL URL, "
                                             "postgresql://[user@]host[:port]/dbname or "
                                             "postgresql:///dbname?host=/socket/folder."),
                                      QStringLiteral("FILE|URL"));
    return o;
}

bool parse(QCommandLineParser &parser, const QString &verb, const QStringList &arguments,
           QTextStream &err)
{
    parser.setApplicationDescription(
        Tr::tr("The options of moescope-cli %1; moescope-cli --help lists every verb.").arg(verb));
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("moescope-cli ") + verb} + arguments)) {
        err << "moescope-cli " << verb << ": " << parser.errorText() << "\n";
        return false;
    }
    // Before anything else: `runs --help` must not open (or create) a database.
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt's text names the program by its path; the user typed the verb.
        QString help = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        if (const qsizetype at = help.indexOf(program); at >= 0 && !program.isEmpty())
            help.replace(at, program.size(), QStringLiteral("moescope-cli ") + verb);
        err.flush();
        std::fputs(help.toLocal8Bit().constData(), stdout);
        std::fflush(stdout);
        std::_Exit(Ok); // nothing was opened; nothing to close
    }
    return true;
}

int fail(QTextStream &err, const QString &message)
{
    err << escapedForTerminal(message) << "\n";
    return Failure;
}

void printJson(QTextStream &out, const QJsonValue &value)
{
    out << (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
               .toJson(QJsonDocument::Indented);
}

bool parseFrameRange(const QString &text, int *first, int *last)
{
    static const QRegularExpression re(QStringLiteral("^(\\d*):(\\d*)$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch()) {
        bool ok = false;
        *first = *last = text.toInt(&ok);
        return ok;
    }
    *first = m.captured(1).isEmpty() ? 0 : m.captured(1).toInt();
    *last = m.captured(2).isEmpty() ? -1 : m.captured(2).toInt();
    return *last < 0 || *last >= *first;
}

const QCommandLineOption &keepPathsOption()
{
    static const QCommandLineOption o(
        QStringLiteral("keep-paths"),
        Tr::tr("Name inputs by their full path in what is printed and written (default: the file "
               "name only, so folder names stay private)."));
    return o;
}

QString exportedPath(const QString &path, const QCommandLineParser &parser)
{
    return parser.isSet(keepPathsOption()) ? path : QFileInfo(path).fileName();
}

const QCommandLineOption &routingFramesOption()
{
    static const QCommandLineOption o(
        QStringLiteral("routing-frames"),
        Tr::tr("Frames whose full routing is kept and stored, A:B inclusive (default: the first "
               "1,000 run); the others keep their outputs and routing summaries."),
        QStringLiteral("A:B"));
    return o;
}

bool readRoutingFrames(const QCommandLineParser &parser, const QString &verb, int *first, int *last,
                       QTextStream &err)
{
    if (!parser.isSet(routingFramesOption()))
        return true;
    const QString text = parser.value(routingFramesOption());
    if (!parseFrameRange(text, first, last)) {
        err << Tr::tr("moescope-cli %1: --routing-frames takes A:B, not \"%2\"").arg(verb, text)
            << "\n";
        return false;
    }
    return true;
}

namespace {

void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    static const bool verbose = qEnvironmentVariableIntValue("MOESCOPE_DEBUG") > 0;
    if (verbose || type == QtCriticalMsg || type == QtFatalMsg)
        std::fprintf(userStderr(), "%s\n", qPrintable(escapedForTerminal(message)));
}

std::atomic_bool g_interrupted{false};
std::atomic_int g_interrupts{0};
std::atomic_bool g_guarded{false};

} // namespace

void takeInterruptsOnOneThread()
{
    struct sigaction current = {};
    if (sigaction(SIGINT, nullptr, &current) != 0 || current.sa_handler == SIG_IGN)
        return; // started with Ctrl-C ignored (a background job, nohup): it stays ignored
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    // Blocked here, before any other thread exists, so every thread inherits
    // the block and only the waiter below ever takes SIGINT: no thread is
    // stopped mid-kernel (LibTorch's, oneDNN's, the decoder's) to run a handler.
    pthread_sigmask(SIG_BLOCK, &interrupt, nullptr);
    std::thread([interrupt] {
        for (;;) {
            int signal = 0;
            if (sigwait(&interrupt, &signal) != 0)
                continue;
            if (g_guarded.load() && g_interrupts.fetch_add(1) == 0) {
                g_interrupted.store(true); // the verb finishes the files in hand
                continue;
            }
            // No verb is finishing files, or a second Ctrl-C: end as Ctrl-C does.
            std::signal(SIGINT, SIG_DFL);
            pthread_sigmask(SIG_UNBLOCK, &interrupt, nullptr);
            raise(SIGINT);
        }
    }).detach();
}

void installQuietMessages()
{
    qInstallMessageHandler(quietMessages);
}

InterruptGuard::InterruptGuard()
{
    g_interrupted.store(false);
    g_interrupts.store(0);
    g_guarded.store(true);
}

InterruptGuard::~InterruptGuard()
{
    g_guarded.store(false);
}

const std::atomic_bool &InterruptGuard::flag() const
{
    return g_interrupted;
}

} // namespace moescope::cli
