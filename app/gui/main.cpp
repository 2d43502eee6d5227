// moescope: the workbench window.
#include "gallerypanel.h"
#include "mainwindow.h"
#include "model/engine.h"
#include "preferences.h"
#include "sceneview.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QScreen>
#include <QTimer>

#include <memory>

int main(int argc, char **argv)
{
    moescope::model::Engine::configureRuntime(); // before any thread can read the environment
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MoEScope"));
    QApplication::setApplicationName(QStringLiteral("MoEScope"));
    QApplication::setApplicationVersion(QStringLiteral(MOESCOPE_VERSION));

    // Language, theme and threads from the settings (Settings ▸ …; they apply at start).
    moescope::Preferences preferences;
    QStringList startupProblems = preferences.problems();
    const QString languageProblem = moescope::gui::installTranslations(preferences.language());
    if (!languageProblem.isEmpty())
        startupProblems << languageProblem;
    moescope::gui::applyTheme(preferences.theme());
    moescope::model::Engine::setThreadCount(preferences.cpuThreads());

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
    const QCommandLineOption galleryOpt(
        QStringLiteral("gallery"),
        QApplication::translate("main", "With a retrieval model and an image: query this gallery "
                                        "with the image once both are ready (--screenshot then "
                                        "waits for the answer)."),
        QStringLiteral("NAME"));
    const QCommandLineOption sizeOpt(
        QStringLiteral("size"),
        QApplication::translate("main", "Window size in pixels (for screenshots)."),
        QStringLiteral("WxH"));
    const QCommandLineOption zoomOpt(
        QStringLiteral("zoom"),
        QApplication::translate("main", "Zoom the image view by this factor (1 = fitted) before "
                                        "the screenshot."),
        QStringLiteral("FACTOR"));
    parser.addOptions({modelOpt, dbOpt, runOpt, shotOpt, galleryOpt, sizeOpt, zoomOpt});
    parser.addPositionalArgument(QStringLiteral("image"),
                                 QApplication::translate("main", "Image to open."));
    parser.process(app);

    moescope::gui::MainWindow window(parser.value(dbOpt));
    window.addStartupProblems(startupProblems);
    if (parser.isSet(sizeOpt)) {
        const QStringList wh = parser.value(sizeOpt).split(QLatin1Char('x'));
        if (wh.size() == 2)
            window.resize(wh[0].toInt(), wh[1].toInt());
    }
    window.show();
    if (parser.isSet(modelOpt))
        window.selectModel(parser.value(modelOpt));
    if (parser.isSet(shotOpt)) {
        const QString file = parser.value(shotOpt);
        const double zoom = parser.value(zoomOpt).toDouble();
        auto save = [&window, file, zoom] {
            if (zoom > 0)
                window.imageView()->setView(zoom, QPointF(0.5, 0.5));
            // Let the views settle (tiles arrive), then grab what the screen shows.
            QTimer::singleShot(1500, &window, [&window, file] {
                QScreen *screen = window.screen();
                const QPixmap shot = screen ? screen->grabWindow(window.winId()) : window.grab();
                QApplication::exit(shot.save(file) ? 0 : 1);
            });
        };
        if (parser.isSet(galleryOpt)) {
            moescope::gui::GalleryPanel *panel = window.galleryPanel();
            QObject::connect(panel, &moescope::gui::GalleryPanel::queryShown, &window, save);
            QObject::connect(panel, &moescope::gui::GalleryPanel::queryRefused, &window, save);
        } else {
            QObject::connect(&window, &moescope::gui::MainWindow::analysisShown, &window, save);
        }
        QObject::connect(&window, &moescope::gui::MainWindow::errorShown, &window, save);
    }
    if (parser.isSet(galleryOpt)) {
        // Both the model and the image must be there: query after the second of them.
        const QString gallery = parser.value(galleryOpt);
        auto ready = std::make_shared<int>(0);
        auto query = [&window, ready, gallery] {
            if (++*ready != 2)
                return;
            window.galleryPanel()->setCurrentGallery(gallery);
            window.galleryPanel()->querySlice();
        };
        QObject::connect(&window, &moescope::gui::MainWindow::modelReady, &window, query,
                         Qt::SingleShotConnection);
        QObject::connect(&window, &moescope::gui::MainWindow::imageLoaded, &window, query,
                         Qt::SingleShotConnection);
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
