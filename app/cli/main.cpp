// moescope-cli: the workbench without a window, on the same core.
#include "commands.h"
#include "model/engine.h"

#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>

namespace {

// stderr carries MoEScope's own messages, one line per failure; Qt's and
// plugins' debug chatter (a missing XDG_RUNTIME_DIR, font fallbacks) is shown
// only with MOESCOPE_DEBUG=1.
void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    static const bool verbose = qEnvironmentVariableIntValue("MOESCOPE_DEBUG") > 0;
    if (verbose || type == QtCriticalMsg || type == QtFatalMsg)
        std::fprintf(stderr, "%s\n", qPrintable(message));
}

} // namespace

int main(int argc, char **argv)
{
    moescope::model::Engine::configureRuntime(); // before any thread can read the environment
    qInstallMessageHandler(quietMessages);
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
    QTextStream err(stderr);
    QStringList args = app.arguments();
    args.removeFirst();
    const int code = moescope::cli::dispatch(args, out, err);
    out.flush();
    err.flush();
    return code;
}
