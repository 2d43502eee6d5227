// moescope: the workbench window.
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QScreen>
#include <QTimer>
#include <QTranslator>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MoEScope"));
    QApplication::setApplicationName(QStringLiteral("MoEScope"));
    QApplication::setApplicationVersion(QStringLiteral(MOESCOPE_VERSION));

    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("moescope"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")))
        app.installTranslator(translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "MoEScope workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption modelOpt(QStringLiteral("model"),
                                      QApplication::translate("main", "Model to select."),
                                      QStringLiteral("NAME|FILE"));
    const QCommandLineOption dbOpt(QStringLiteral("db"),
                                   QApplication::translate("main", "Run database."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption runOpt(QStringLiteral("run"),
                                    QApplication::translate("main", "Run the model at start."));
    const QCommandLineOption shotOpt(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "After the first result is shown, save a screenshot of "
                                        "the window to FILE and quit."),
        QStringLiteral("FILE"));
    parser.addOptions({modelOpt, dbOpt, runOpt, shotOpt});
    parser.addPositionalArgument(QStringLiteral("image"),
                                 QApplication::translate("main", "Image to open."));
    parser.process(app);

    moescope::gui::MainWindow window(parser.value(dbOpt));
    window.show();
    if (parser.isSet(modelOpt))
        window.selectModel(parser.value(modelOpt));
    if (parser.isSet(shotOpt)) {
        const QString file = parser.value(shotOpt);
        auto save = [&window, file] {
            // Let the views settle, then grab what the screen shows.
            QTimer::singleShot(500, &window, [&window, file] {
                QScreen *screen = window.screen();
                const QPixmap shot = screen ? screen->grabWindow(window.winId()) : window.grab();
                QApplication::exit(shot.save(file) ? 0 : 1);
            });
        };
        QObject::connect(&window, &moescope::gui::MainWindow::analysisShown, &window, save);
        QObject::connect(&window, &moescope::gui::MainWindow::errorShown, &window, save);
    }
    if (!parser.positionalArguments().isEmpty()) {
        if (parser.isSet(runOpt))
            QObject::connect(
                &window, &moescope::gui::MainWindow::imageLoaded, &window,
                [&window] { window.runModel(); }, Qt::SingleShotConnection);
        window.openImage(parser.positionalArguments().first());
    }
    return app.exec();
}
