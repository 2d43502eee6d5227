// moescope-cli, the launcher: the verbs that need no model (--help, plugins,
// models, runs, galleries) are answered here, in a process that loads Qt Core,
// Qt Sql and SQLite only, and `info` with the image libraries loaded on
// demand (a file a plugin opens goes to the engine); every other verb replaces this process (execv,
// so the same process id, signals and exit code) with moescope-cli-engine, which loads LibTorch,
// the image libraries and the plugins. Why two binaries: a shared library's dependencies load
// before main() runs, so one binary linked with LibTorch pays ~300 libraries' loading on every
// `--help`.
#include "lightverbs.h"
#include "options.h"
#include "terminal.h"

#include <QCoreApplication>
#include <QTextStream>

#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

namespace {

bool answeredHere(int argc, char **argv)
{
    if (argc < 2)
        return true; // the usage, on stderr
    for (const char *verb : {"--help", "-h", "help", "plugins", "models", "info", "runs",
                             "galleries", "forget-paths", "merge"})
        if (std::strcmp(argv[1], verb) == 0)
            return true;
    return false;
}

// The engine binary: beside this one (the build tree), or in
// ../lib/moescope (an installation).
std::string enginePath()
{
    char self[PATH_MAX] = {};
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    std::string dir = n > 0 ? std::string(self, size_t(n)) : std::string();
    dir = dir.substr(0, dir.rfind('/') + 1);
    for (const char *candidate : {MOESCOPE_ENGINE_NAME, "../lib/moescope/" MOESCOPE_ENGINE_NAME}) {
        const std::string path = dir + candidate;
        if (access(path.c_str(), X_OK) == 0)
            return path;
    }
    return dir + MOESCOPE_ENGINE_NAME;
}

// Replaces this process with the engine, the same arguments given.
int execEngine(char **argv)
{
    moescope::cli::restoreTerminalStderr();
    const std::string engine = enginePath();
    execv(engine.c_str(), argv);
    std::fprintf(stderr, "moescope-cli: cannot start %s: %s\n", engine.c_str(),
                 std::strerror(errno));
    return moescope::cli::Failure;
}

} // namespace

int main(int argc, char **argv)
{
    if (!answeredHere(argc, argv))
        return execEngine(argv);
    moescope::cli::installQuietMessages();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MoEScope"));
    QCoreApplication::setApplicationName(QStringLiteral("MoEScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOESCOPE_VERSION));
    moescope::cli::installTranslations(app);
    QTextStream out(stdout);
    moescope::cli::routeLibraryChatter(); // DCMTK's, ITK's, GDAL's... lines to a log file
    QTextStream err(moescope::cli::userStderr());
    QStringList args = app.arguments();
    args.removeFirst();
    using namespace moescope::cli;
    int code = Usage;
    const QString verb = args.value(0);
    if (verb == QLatin1String("plugins"))
        code = plugins(args.mid(1), out, err);
    else if (verb == QLatin1String("models"))
        code = models(args.mid(1), out, err);
    else if (verb == QLatin1String("info")) {
        bool needsEngine = false;
        code = infoWithoutEngine(args.mid(1), out, err, &needsEngine);
        if (needsEngine) {
            out.flush();
            err.flush();
            return execEngine(argv);
        }
    } else if (verb == QLatin1String("runs"))
        code = runs(args.mid(1), out, err);
    else if (verb == QLatin1String("galleries"))
        code = galleries(args.mid(1), out, err);
    else if (verb == QLatin1String("forget-paths"))
        code = forgetPaths(args.mid(1), out, err);
    else if (verb == QLatin1String("merge"))
        code = merge(args.mid(1), out, err);
    else {
        (args.isEmpty() ? err : out) << usage();
        code = args.isEmpty() ? Usage : Ok;
    }
    out.flush();
    err.flush();
    return code;
}
