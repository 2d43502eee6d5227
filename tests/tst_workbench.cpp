// The everyday workbench (issue 16): the model proposed for each kind of
// sample and file, the samples browser, the model card, settings, recent
// files, the layout and overlay remembered across a restart, what cannot be
// restored said once, the dark theme, the user guide, the library versions.
// Settings live in a folder of this test's own (QSettings::setPath).
#include "desktoprecent.h"
#include "helpwindows.h"
#include "librarypanel.h"
#include "mainwindow.h"
#include "modelinfodialog.h"
#include "plugin/pluginregistry.h"
#include "preferences.h"
#include "routingpanel.h"
#include "settingsdialog.h"
#include "testdicom.h"
#include "theme.h"
#include "workbenchtoolbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDomDocument>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace moescope;
using namespace moescope::gui;

namespace {
const QString kSamples = QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/");

QString modelName(const QString &path)
{
    return QFileInfo(path).completeBaseName();
}

bool copyTree(const QString &from, const QString &to)
{
    if (QFileInfo(from).isFile())
        return QFile::copy(from, to);
    QDir().mkpath(to);
    for (const QFileInfo &e :
         QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot))
        if (!copyTree(e.absoluteFilePath(), to + QLatin1Char('/') + e.fileName()))
            return false;
    return true;
}
} // namespace

class TestWorkbench : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_config;

    QString db() const { return m_tmp.filePath(QStringLiteral("runs.sqlite")); }
    QString settingsFile() const { return m_config + QStringLiteral("/MoEScope/MoEScope.conf"); }
    void freshSettings()
    {
        QSettings().clear();
        QSettings().sync();
        QFile::remove(settingsFile());
    }
    static bool open(MainWindow &window, const QString &path)
    {
        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        window.openImage(path);
        return opened.wait(60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MoEScope"));
        QCoreApplication::setApplicationName(QStringLiteral("MoEScope"));
        m_config = m_tmp.filePath(QStringLiteral("config"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config);
    }

    void init() { freshSettings(); }

    void proposesTheModelThatFits_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("copyFirst"); // a copy: not a bundled sample, found by its content
        QTest::addColumn<QString>("model");
        const QString us = QStringLiteral("us-m2dino-tiny"), ct = QStringLiteral("ct-hmar-tiny"),
                      sar = QStringLiteral("sar-crossearth-tiny"),
                      track = QStringLiteral("track-spmtrack-tiny"),
                      shapes = QStringLiteral("moe-vit-shapes-tiny");
        QTest::newRow("sample: ultrasound cine")
            << "ultrasound/us-curvilinear-cine.dcm" << false << us;
        QTest::newRow("sample: ultrasound still (PNG)")
            << "ultrasound/us-linear-solid.png" << false << us;
        QTest::newRow("sample: CT slice") << "ct/query-chest_nodule.dcm" << false << ct;
        QTest::newRow("sample: SAR GeoTIFF") << "sar/sar-land.tif" << false << sar;
        QTest::newRow("sample: SAR complex SLC") << "sar/sar-slc.tif" << false << sar;
        QTest::newRow("sample: tracking sequence")
            << "tracking/MoEScope_Synth_000001" << false << track;
        QTest::newRow("sample: shape PNG") << "shapes-ring.png" << false << shapes;
        QTest::newRow("sample: shape DICOM") << "shapes-circle.dcm" << false << shapes;
        QTest::newRow("copy: DICOM modality US")
            << "ultrasound/us-curvilinear-cine.dcm" << true << us;
        QTest::newRow("copy: DICOM modality CT")
            << "ct/query-abdomen_liver_lesion.dcm" << true << ct;
        QTest::newRow("written: CT series") << "@ct-series" << true << ct;
        QTest::newRow("written: video (MP4)") << "@video" << true << track;
        QTest::newRow("copy: SAR product") << "sar/sar-one-look.tif" << true << sar;
        QTest::newRow("copy: tracking sequence")
            << "tracking/MoEScope_Synth_000002" << true << track;
        QTest::newRow("copy: a picture that says nothing") << "shapes-square.png" << true << shapes;
    }

    void proposesTheModelThatFits()
    {
        QFETCH(QString, input);
        QFETCH(bool, copyFirst);
        QFETCH(QString, model);
        QString path = kSamples + input;
        if (input == QLatin1String("@ct-series")) {
            // Five axial slices of one series, written with DCMTK.
            path = m_tmp.filePath(QStringLiteral("ct-series"));
            QDir().mkpath(path);
            for (int i = 0; i < 5; ++i) {
                moescope::testing::CtSlice slice;
                slice.instance = i + 1;
                slice.z = 2.5 * i;
                slice.rows = slice.columns = 64;
                QVERIFY(moescope::testing::writeCtSlice(path + QStringLiteral("/%1.dcm").arg(i),
                                                        slice));
            }
        } else if (input == QLatin1String("@video")) {
            // Ten frames of a sequence, encoded by FFmpeg's MPEG-4 encoder.
            path = m_tmp.filePath(QStringLiteral("clip.mp4"));
            QFile::remove(path);
            QProcess ffmpeg;
            ffmpeg.start(QStringLiteral("ffmpeg"),
                         {"-loglevel", "error", "-framerate", "10", "-i",
                          kSamples + QStringLiteral("tracking/MoEScope_Synth_000001/%08d.jpg"),
                          "-frames:v", "10", "-c:v", "mpeg4", path});
            QVERIFY2(ffmpeg.waitForFinished(60000) && ffmpeg.exitCode() == 0,
                     ffmpeg.readAllStandardError().constData());
        } else if (copyFirst) {
            path = m_tmp.filePath(QStringLiteral("copy-") + QString::number(qHash(input)) +
                                  QLatin1Char('-') + QFileInfo(input).fileName());
            QVERIFY(copyTree(kSamples + input, path));
        }
        MainWindow window(db());
        QVERIFY(window.currentModelPath().isEmpty());
        QSignalSpy ready(&window, &MainWindow::modelReady);
        QVERIFY2(open(window, path), qPrintable(window.lastError()));
        QVERIFY(!window.proposals().isEmpty());
        QCOMPARE(window.proposals().first().name, model);
        QVERIFY(!window.proposals().first().reason.isEmpty());
        // The best is loaded and marked in the Models list.
        QCOMPARE(modelName(window.currentModelPath()), model);
        QVERIFY(ready.wait(60000) || !ready.isEmpty());
        QCOMPARE(ready.last().first().toString(), model);
        QCOMPARE(modelName(window.libraryPanel()->selectedModel()), model);
        QVERIFY(window.libraryPanel()->modelList()->currentItem()->font().bold());
        // Only models with a reason to fit are proposed.
        for (const ModelProposal &p : window.proposals())
            QVERIFY2(p.score > 0 && !p.reason.isEmpty(), qPrintable(p.name));
    }

    void modelPickedByTheUserIsKept()
    {
        MainWindow window(db());
        window.selectModel(QStringLiteral("moe-vit-shapes-tiny"));
        QVERIFY(open(window, kSamples + QStringLiteral("ultrasound/us-curvilinear-cine.dcm")));
        QCOMPARE(window.proposals().first().name, QStringLiteral("us-m2dino-tiny"));
        QCOMPARE(modelName(window.currentModelPath()), QStringLiteral("moe-vit-shapes-tiny"));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("us-m2dino-tiny")));
    }

    void runOnOpenRunsTheProposedModel()
    {
        Preferences().setRunOnOpen(true);
        MainWindow window(db());
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        QVERIFY(open(window, kSamples + QStringLiteral("shapes-triangle.png")));
        QVERIFY2(shown.wait(120000), qPrintable(window.lastError()));
        QCOMPARE(window.currentResult().modelName, QStringLiteral("moe-vit-shapes-tiny"));
    }

    void exportFollowsThePrivacySetting_data()
    {
        QTest::addColumn<bool>("keepPaths");
        QTest::newRow("file name only (the default)") << false;
        QTest::newRow("with its folder (Settings ▸ Privacy)") << true;
    }

    void exportFollowsThePrivacySetting()
    {
        QFETCH(bool, keepPaths);
        Preferences().setKeepPaths(keepPaths);
        MainWindow window(db());
        const QString input = kSamples + QStringLiteral("shapes-circle.png");
        QVERIFY(open(window, input));
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        window.runModel();
        QVERIFY2(shown.wait(120000), qPrintable(window.lastError()));
        const QString out = m_tmp.filePath(QStringLiteral("export-%1").arg(keepPaths));
        QVERIFY(window.exportRoutingImagesTo(out));
        QFile json(out + QStringLiteral("/result.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QString named =
            QJsonDocument::fromJson(json.readAll()).object().value("input").toString();
        QCOMPARE(named, keepPaths ? QFileInfo(input).absoluteFilePath()
                                  : QStringLiteral("shapes-circle.png"));
    }

    void samplesBrowserGroupsByTask()
    {
        MainWindow window(db());
        LibraryPanel *library = window.libraryPanel();
        QTreeWidget *tree = library->samplesTree();
        QStringList groups;
        int samples = 0;
        for (int g = 0; g < tree->topLevelItemCount(); ++g) {
            QTreeWidgetItem *group = tree->topLevelItem(g);
            groups << group->text(0);
            QVERIFY(group->childCount() > 0);
            for (int c = 0; c < group->childCount(); ++c) {
                const QString path = group->child(c)->data(0, Qt::UserRole).toString();
                QVERIFY2(QFileInfo::exists(path), qPrintable(path));
                // Tracking crops, templates and ground truth are no samples.
                QVERIFY2(!path.contains(QLatin1String(".search-")) &&
                             !path.contains(QLatin1String(".template")) &&
                             !path.contains(QLatin1String("labels")),
                         qPrintable(path));
                QVERIFY(!group->child(c)->data(0, Qt::UserRole + 40).toString().isEmpty());
                ++samples;
            }
        }
        QCOMPARE(groups.size(), 5); // ultrasound, CT retrieval, SAR, tracking, generic
        QCOMPARE(samples, SampleCatalog().samples().size());
        // Every sample gets its thumbnail (made on the thread pool, or from the cache).
        if (library->thumbnailsMade() < samples) {
            QSignalSpy done(library, &LibraryPanel::thumbnailsDone);
            QVERIFY(done.wait(120000));
        }
        QCOMPARE(library->thumbnailsMade(), samples);
        // A double-click opens the sample.
        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        QTreeWidgetItem *first = tree->topLevelItem(0)->child(0);
        Q_EMIT tree->itemActivated(first, 0);
        QVERIFY(opened.wait(60000));
    }

    void modelsListShowsEveryWord()
    {
        MainWindow window(db());
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListWidget *list = window.libraryPanel()->modelList();
        QVERIFY(list->count() >= 5);
        // Narrower: the rows grow (the text wraps) instead of clipping.
        QListWidgetItem *item = list->item(0);
        const QString detail = item->data(Qt::UserRole + 40).toString();
        QVERIFY(detail.contains(QLatin1String("experts")));
        QStyleOptionViewItem option;
        option.initFrom(list);
        list->resize(520, 400);
        QTest::qWait(50);
        const int wide =
            list->itemDelegate()->sizeHint(option, list->model()->index(0, 0)).height();
        list->resize(170, 400);
        QTest::qWait(50);
        const int narrow =
            list->itemDelegate()->sizeHint(option, list->model()->index(0, 0)).height();
        QVERIFY2(narrow > wide, qPrintable(QStringLiteral("%1 vs %2").arg(narrow).arg(wide)));
    }

    void modelInfoShowsCardAndContract()
    {
        MainWindow window(db());
        QString path;
        for (int i = 0; i < window.libraryPanel()->modelList()->count(); ++i) {
            const QString p =
                window.libraryPanel()->modelList()->item(i)->data(Qt::UserRole).toString();
            if (modelName(p) == QLatin1String("us-m2dino-tiny"))
                path = p;
        }
        QVERIFY(!path.isEmpty());
        ModelInfoDialog *info = window.showModelInfo(path);
        QVERIFY(info);
        QVERIFY(!info->cardPath().isEmpty());
        QVERIFY(info->cardView()->toPlainText().contains(QLatin1String("M2DINO")));
        QVERIFY(info->contractView()->toPlainText().contains(QLatin1String("\"moe_layers\"")));
        QVERIFY(info->grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/model-info.png")));
        info->close();

        // A model without a card beside it: said, and its contract still shown.
        const QString copy = m_tmp.filePath(QStringLiteral("nocard.pt"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(path, copy));
        ModelInfoDialog *bare = window.showModelInfo(copy);
        QVERIFY(bare);
        QVERIFY(bare->cardPath().isEmpty());
        QVERIFY(bare->cardView()->toPlainText().contains(QLatin1String("no card")));
        QVERIFY(bare->contractView()->toPlainText().contains(QLatin1String("\"moe_layers\"")));
        QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("no model card")));
    }

    void settingsPersistAcrossARestart()
    {
        {
            MainWindow window(db());
            SettingsDialog *dialog = window.showSettings();
            dialog->deviceCombo()->setCurrentIndex(
                dialog->deviceCombo()->findData(QStringLiteral("cpu")));
            dialog->threadsSpin()->setValue(3);
            dialog->databaseEdit()->setText(m_tmp.filePath(QStringLiteral("elsewhere.sqlite")));
            dialog->languageCombo()->setCurrentIndex(
                dialog->languageCombo()->findData(QStringLiteral("de")));
            dialog->themeCombo()->setCurrentIndex(
                dialog->themeCombo()->findData(QStringLiteral("dark")));
            dialog->runOnOpenCheck()->setChecked(true);
            dialog->cacheSpin()->setValue(320);
            dialog->keepPathsCheck()->setChecked(true);
            QVERIFY(dialog->grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/settings.png")));
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            QVERIFY(darkPaletteInUse()); // the theme applies at once
            QCOMPARE(window.findChild<WorkbenchToolBar *>()->device(), QStringLiteral("cpu"));
        }
        applyTheme(QStringLiteral("system"));
        Preferences prefs;
        QCOMPARE(prefs.device(), QStringLiteral("cpu"));
        QCOMPARE(prefs.cpuThreads(), 3);
        QCOMPARE(prefs.runDatabase(), m_tmp.filePath(QStringLiteral("elsewhere.sqlite")));
        QCOMPARE(prefs.language(), QStringLiteral("de"));
        QCOMPARE(prefs.theme(), QStringLiteral("dark"));
        QVERIFY(prefs.runOnOpen());
        QCOMPARE(prefs.tileCacheMegabytes(), 320);
        QVERIFY(prefs.keepPaths());
        QVERIFY(prefs.problems().isEmpty());
        // The next window reads them: the device, and the run database (no --db given).
        MainWindow again;
        QCOMPARE(again.findChild<WorkbenchToolBar *>()->device(), QStringLiteral("cpu"));
        QCOMPARE(QFileInfo(again.database().path()).fileName(), QStringLiteral("elsewhere.sqlite"));
        SettingsDialog *dialog = again.showSettings();
        QCOMPARE(dialog->threadsSpin()->value(), 3);
        QCOMPARE(dialog->cacheSpin()->value(), 320);
    }

    void recentFilesAndModels()
    {
        const QString a = m_tmp.filePath(QStringLiteral("recent-a.png"));
        const QString b = m_tmp.filePath(QStringLiteral("recent-b.png"));
        QFile::remove(a);
        QFile::remove(b);
        QVERIFY(QFile::copy(kSamples + QStringLiteral("shapes-ring.png"), a));
        QVERIFY(QFile::copy(kSamples + QStringLiteral("shapes-square.png"), b));
        {
            MainWindow window(db());
            QVERIFY(open(window, a));
            QVERIFY(open(window, b));
            const QList<QAction *> files = window.recentFilesMenu()->actions();
            QCOMPARE(files.size(), 2);
            QCOMPARE(files[0]->data().toString(),
                     QFileInfo(b).absoluteFilePath()); // most recent first
            QCOMPARE(files[1]->data().toString(), QFileInfo(a).absoluteFilePath());
            QCOMPARE(modelName(window.recentModelsMenu()->actions().value(0)->data().toString()),
                     QStringLiteral("moe-vit-shapes-tiny"));
        }
        QVERIFY(QFile::remove(a));
        MainWindow again(db());
        // The remembered model is picked again (loaded when needed).
        QCOMPARE(modelName(again.currentModelPath()), QStringLiteral("moe-vit-shapes-tiny"));
        const QList<QAction *> files = again.recentFilesMenu()->actions();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files[0]->data().toString(), QFileInfo(b).absoluteFilePath());
        // The file that went is said once, by name.
        QCOMPARE(again.startupProblems().size(), 1);
        QVERIFY(again.startupProblems().first().contains(QLatin1String("recent-a.png")));
        QVERIFY(again.statusBar()->currentMessage().contains(QLatin1String("recent-a.png")));
        // Opening a recent file that went meanwhile says so and drops it.
        QVERIFY(QFile::remove(b));
        QSignalSpy errors(&again, &MainWindow::errorShown);
        files[0]->trigger();
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().first().toString().contains(QLatin1String("recent-b.png")));
        QVERIFY(again.recentFilesMenu()->actions().isEmpty());
    }

    void desktopRecentDocuments()
    {
        // freedesktop.org's recently-used.xbel (test mode: under ~/.qttest).
        const QString xbel = desktopRecentFilesPath();
        QFile::remove(xbel);
        const QString input = kSamples + QStringLiteral("shapes-square.png");
        const QString href = QUrl::fromLocalFile(input).toString(QUrl::FullyEncoded);
        {
            MainWindow window(db());
            QVERIFY(open(window, input));
            QVERIFY(open(window, input));
        }
        QFile file(xbel);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QDomDocument doc;
        QVERIFY(doc.setContent(&file, true));
        file.close();
        int entries = 0;
        for (QDomElement b = doc.documentElement().firstChildElement("bookmark"); !b.isNull();
             b = b.nextSiblingElement("bookmark")) {
            if (b.attribute("href") != href)
                continue;
            ++entries;
            const QDomElement app =
                b.elementsByTagNameNS("http://www.freedesktop.org/standards/desktop-bookmarks",
                                      "application")
                    .item(0)
                    .toElement();
            QCOMPARE(app.attribute("name"), QStringLiteral("MoEScope"));
            QCOMPARE(app.attribute("count"), QStringLiteral("2"));
            QCOMPARE(b.elementsByTagNameNS("http://www.freedesktop.org/standards/shared-mime-info",
                                           "mime-type")
                         .item(0)
                         .toElement()
                         .attribute("type"),
                     QStringLiteral("image/png"));
        }
        QCOMPARE(entries, 1);

        // Not an XBEL file: the desktop's, left as it is; said once.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("not xml at all");
        file.close();
        MainWindow window(db());
        QVERIFY(open(window, input));
        QVERIFY2(window.desktopRecentProblem().contains(QLatin1String("recently-used.xbel")),
                 qPrintable(window.desktopRecentProblem()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("not xml at all"));
        file.close();
        QFile::remove(xbel);
    }

    void layoutAndOverlayRestored()
    {
        QString colormap;
        {
            MainWindow window(db());
            window.resize(1300, 820);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.findChild<QDockWidget *>(QStringLiteral("runsDock"))->hide();
            auto *split = window.findChild<QSplitter *>(QStringLiteral("librarySplitter"));
            split->setSizes({100, 500});
            RoutingPanel *panel = window.routingPanel();
            auto *combo = panel->findChild<QComboBox *>(QStringLiteral("colormapCombo"));
            colormap = combo->itemText(combo->count() - 1);
            QVERIFY(panel->setColormapByName(colormap));
            panel->setOpacity(0.3);
            panel->setOverlayMode(RoutingPanel::OverlayMode::Entropy);
            window.close();
        }
        MainWindow again(db());
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(again.findChild<QDockWidget *>(QStringLiteral("runsDock"))->isHidden());
        QCOMPARE(again.size(), QSize(1300, 820));
        const QList<int> sizes =
            again.findChild<QSplitter *>(QStringLiteral("librarySplitter"))->sizes();
        QVERIFY2(sizes[0] < sizes[1],
                 qPrintable(QStringLiteral("%1 %2").arg(sizes[0]).arg(sizes[1])));
        QCOMPARE(again.routingPanel()->colormapName(), colormap);
        QCOMPARE(again.routingPanel()->opacity(), 0.3);
        QCOMPARE(again.routingPanel()->overlayMode(), RoutingPanel::OverlayMode::Entropy);
        QVERIFY(again.startupProblems().isEmpty());
    }

    void badSettingsAreSaidOnce_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("named"); // what the problems name
        QTest::newRow("values out of range")
            << QByteArray("[ui]\ntheme=purple\ntileCacheMB=-4\n[overlay]\nopacity=400\n")
            << QStringList{"purple", "tileCacheMB", "opacity"};
        QTest::newRow("a layout of another version")
            << QByteArray("[window]\nstate=@ByteArray(garbage)\n") << QStringList{"layout"};
        QTest::newRow("a file that is no settings file")
            << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR[broken\n=\x01\xff\xfe", 26)
            << QStringList{"could not be read"};
        QTest::newRow("a model that went")
            << QByteArray("[recent]\nmodels=/nowhere/gone.pt\n") << QStringList{"gone.pt"};
    }

    void badSettingsAreSaidOnce()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, named);
        QDir().mkpath(QFileInfo(settingsFile()).absolutePath());
        QFile file(settingsFile());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        MainWindow window(db());
        const QString said = window.startupProblems().join(QLatin1Char('\n'));
        for (const QString &n : named)
            QVERIFY2(said.contains(n), qPrintable(said));
        QCOMPARE(window.startupProblems().size(), named.size());
        QVERIFY(window.statusBar()->currentMessage().contains(named.first()));
        if (named.first() == QLatin1String("could not be read")) {
            // Kept, byte for byte, for whoever wants to look at it.
            QFile kept(settingsFile() + QStringLiteral(".damaged"));
            QVERIFY(kept.open(QIODevice::ReadOnly));
            QCOMPARE(kept.readAll(), content);
        }
        // Forgotten once said: the next start is quiet.
        window.close();
        MainWindow again(db());
        QVERIFY2(again.startupProblems().isEmpty(), qPrintable(again.startupProblems().join('\n')));
    }

    void missingTranslationIsSaid()
    {
        QString problem = installTranslations(QStringLiteral("fr"));
        QVERIFY(problem.contains(QLatin1String("fr")));
        QCOMPARE(installTranslations(QStringLiteral("en")), QString());
        QCOMPARE(installTranslations(QString()), QString());
    }

    void languageSwitch_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("German") << QStringLiteral("de");
        QTest::newRow("Simplified Chinese") << QStringLiteral("zh_CN");
    }

    void languageSwitch()
    {
        QFETCH(QString, language);
        QCOMPARE(installTranslations(language), QString());
        // Every menu of the window speaks the language (the .qm is complete:
        // i18n_complete), and so do the model's messages from the Qt-free core.
        const QString file = QCoreApplication::translate("moescope::gui::MainWindow", "&File");
        QVERIFY(file != QLatin1String("&File"));
        MainWindow window(db());
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.menuBar()->actions().first()->text(), file);
        // The samples' titles too (samples.json's "title[LANG]"), and the plugins' names.
        QFile index(kSamples + QStringLiteral("samples.json"));
        QVERIFY(index.open(QIODevice::ReadOnly));
        const QJsonArray samples =
            QJsonDocument::fromJson(index.readAll()).object().value("samples").toArray();
        for (const QJsonValue &v : samples)
            QVERIFY2(v.toObject().contains(QStringLiteral("title[%1]").arg(language)) &&
                         v.toObject().contains(QStringLiteral("what[%1]").arg(language)),
                     qPrintable(v.toObject().value("file").toString()));
        QTreeWidget *tree = window.libraryPanel()->samplesTree();
        QCOMPARE(
            tree->topLevelItem(0)->child(0)->text(0),
            samples.first().toObject().value(QStringLiteral("title[%1]").arg(language)).toString());
        for (QAction *menu : window.menuBar()->actions())
            QVERIFY2(menu->text() != QLatin1String("&Help") &&
                         menu->text() != QLatin1String("&View"),
                     qPrintable(menu->text()));
        QVERIFY(open(window, kSamples + QStringLiteral("ultrasound/us-curvilinear-cine.dcm")));
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        window.runModel();
        QVERIFY2(shown.wait(120000), qPrintable(window.lastError()));
        QTest::qWait(300);
        // Looked at by a person: docs/screenshots/workbench-<language>.png.
        QVERIFY(window.grab().save(
            QStringLiteral(MOESCOPE_TEST_DATA_DIR "/workbench-%1.png").arg(language)));
        QCOMPARE(QLocale().name(), language == QLatin1String("de") ? QStringLiteral("de_DE")
                                                                   : QStringLiteral("zh_CN"));
        installTranslations(QStringLiteral("en"));
    }

    void darkTheme()
    {
        applyTheme(QStringLiteral("dark"));
        QVERIFY(darkPaletteInUse());
        MainWindow window(db());
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(open(window, kSamples + QStringLiteral("ultrasound/us-curvilinear-cine.dcm")));
        QTest::qWait(300);
        const QImage shot = window.grab().toImage();
        QVERIFY(shot.save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/workbench-dark.png")));
        // The window's chrome is dark: its status bar's pixels are.
        const QColor bar = shot.pixelColor(shot.width() / 2, shot.height() - 4);
        QVERIFY2(bar.lightness() < 90, qPrintable(bar.name()));
        applyTheme(QStringLiteral("light"));
        QVERIFY(!darkPaletteInUse());
        applyTheme(QStringLiteral("system"));
    }

    void userGuideAndAbout()
    {
        MainWindow window(db());
        UserGuideWindow *guide = window.showUserGuide();
        QVERIFY(guide);
        QTextBrowser *browser = guide->browser();
        QVERIFY(browser->toPlainText().contains(QLatin1String("First steps")));
        // Its pictures are shipped with it.
        QVERIFY(
            !browser
                 ->loadResource(QTextDocument::ImageResource,
                                QUrl(QStringLiteral("qrc:/help/screenshots/workbench-1366.png")))
                 .isNull());
        QCOMPARE(window.showUserGuide(), guide); // F1 again raises the same window
    }

    void aboutNamesTheLibraries()
    {
        PluginRegistry plugins;
        const QString versions = libraryVersions(plugins).join(QLatin1Char(' '));
        for (const char *library : {"Qt 6", "LibTorch 1.", "DCMTK 3.", "ITK 5.", "GDCM 3.",
                                    "SQLite 3.", "GDAL 3.", "FFmpeg "})
            QVERIFY2(versions.contains(QLatin1String(library)), qPrintable(versions));
    }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
