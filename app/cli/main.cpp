// moescope-cli-engine: every verb of moescope-cli (the launcher, main_light.cpp,
// execs it for the verbs that need a model), the workbench without a window.
#include "commands.h"
#include "model/engine.h"
#include "terminal.h"

#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
    moescope::cli::takeInterruptsOnOneThread();  // before any thread starts
    moescope::model::Engine::configureRuntime(); // before any thread can read the environment
    moescope::cli::installQuietMessages();
    // The artifacts are drawn with QPainter (text included), which needs a
    // QGuiApplication; the offscreen platform needs no display.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MoEScope"));
    QCoreApplication::setApplicationName(QStringLiteral("MoEScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOESCOPE_VERSION));
    moescope::cli::installTranslations(app);

    QTextStream out(stdout);
    moescope::cli::routeLibraryChatter(); // DCMTK's, ITK's, GDAL's... lines to a log file
    QTextStream err(moescope::cli::userStderr());
    QStringList args = app.arguments();
    args.removeFirst();
    const int code = moescope::cli::dispatch(args, out, err);
    out.flush();
    err.flush();
    std::fflush(nullptr);
    // Each verb has closed what it wrote (files committed, its database
    // closed) before returning; what is left is LibTorch's, ITK's and Qt's
    // teardown at exit, which changes nothing on disk and cost a one-shot
    // run ~110 ms (LibTorch's operator registry unregistered op by op).
    std::_Exit(code);
}
