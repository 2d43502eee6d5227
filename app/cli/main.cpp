// moescope-cli: the workbench without a window, on the same core.
#include "commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MoEScope"));
    QCoreApplication::setApplicationName(QStringLiteral("MoEScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOESCOPE_VERSION));
    moescope::cli::installTranslations(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments();
    args.removeFirst();
    const int code = moescope::cli::dispatch(args, out, err);
    out.flush();
    err.flush();
    return code;
}
