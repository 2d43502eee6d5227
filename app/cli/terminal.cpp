#include "terminal.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <fcntl.h>
#include <unistd.h>

namespace moescope::cli {

namespace {

FILE *g_user = nullptr;
QString g_log;

} // namespace

void routeLibraryChatter()
{
    if (g_user || qEnvironmentVariableIntValue("MOESCOPE_DEBUG") > 0)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return;
    const QString log = dir + QStringLiteral("/moescope-cli.log");
    const int logFd =
        ::open(QFile::encodeName(log).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (logFd < 0)
        return; // an unwritable cache: the chatter stays where it was
    const int terminal = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    FILE *user = terminal >= 0 ? ::fdopen(terminal, "w") : nullptr;
    if (!user || ::dup2(logFd, STDERR_FILENO) < 0) {
        if (user)
            std::fclose(user);
        ::close(logFd);
        return;
    }
    ::close(logFd);
    std::setvbuf(user, nullptr, _IOLBF, 0);
    g_user = user;
    g_log = log;
}

void restoreTerminalStderr()
{
    if (!g_user)
        return;
    std::fflush(g_user);
    ::dup2(::fileno(g_user), STDERR_FILENO);
}

FILE *userStderr()
{
    return g_user ? g_user : stderr;
}

QString logPath()
{
    return g_log;
}

} // namespace moescope::cli
