// The window's memory and manners: recent files and models, the layout, the
// overlay's style, the model proposed for a file, Settings, the model card,
// the user guide, shortcuts and About.
#include "desktoprecent.h"
#include "helpwindows.h"
#include "librarypanel.h"
#include "mainwindow.h"
#include "model/engine.h"
#include "modelinfodialog.h"
#include "pacsdialog.h"
#include "preferences.h"
#include "routingpanel.h"
#include "scenetiles.h"
#include "settingsdialog.h"
#include "theme.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QWhatsThis>

namespace moescope::gui {

void MainWindow::buildPreferenceActions(QMenu *file, QMenu *help)
{
    // File: the recent lists go above Quit (the menu's last two entries).
    QAction *beforeQuit = file->actions().value(file->actions().size() - 2);
    m_recentFilesMenu = new QMenu(tr("Recent &Files"), file);
    m_recentFilesMenu->setObjectName(QStringLiteral("recentFilesMenu"));
    m_recentModelsMenu = new QMenu(tr("Recent &Models"), file);
    m_recentModelsMenu->setObjectName(QStringLiteral("recentModelsMenu"));
    file->insertMenu(beforeQuit, m_recentFilesMenu);
    file->insertMenu(beforeQuit, m_recentModelsMenu);
    QAction *settings = new QAction(appIcon(QStringLiteral("settings")), tr("&Settings…"), this);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, &MainWindow::showSettings);
    file->insertAction(beforeQuit, settings);
    file->insertSeparator(beforeQuit);

    QMenu *model = new QMenu(tr("&Model"), this);
    menuBar()->insertMenu(help->menuAction(), model);
    QAction *info =
        model->addAction(appIcon(QStringLiteral("info")), tr("Model &Info…"), this, [this] {
            const QString path = m_library->selectedModel().isEmpty() ? currentModelPath()
                                                                      : m_library->selectedModel();
            if (path.isEmpty())
                showError(
                    tr("Pick a model first: its card is shown for the model in the toolbar."));
            else
                showModelInfo(path);
        });
    info->setShortcut(Qt::CTRL | Qt::Key_I);

    QAction *guide = help->addAction(appIcon(QStringLiteral("help")), tr("&User Guide"), this,
                                     &MainWindow::showUserGuide);
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto *dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *whatsThis = QWhatsThis::createAction(this);
    help->addAction(whatsThis);
    help->addSeparator();
    help->addAction(tr("&About MoEScope"), this, &MainWindow::showAbout);
}

void MainWindow::restorePreferences()
{
    Preferences &prefs = *m_preferences;
    SceneTileItem::setCacheMegabytes(prefs.tileCacheMegabytes());
    const QByteArray geometry = prefs.windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1400, 900);
    const QByteArray state = prefs.windowState();
    bool layoutRestored = state.isEmpty() || restoreState(state);
    for (QSplitter *splitter : windowSplitters()) {
        const QByteArray saved = prefs.splitterState(splitter->objectName());
        if (!saved.isEmpty() && !splitter->restoreState(saved))
            layoutRestored = false;
    }
    if (!layoutRestored) {
        prefs.addProblem(
            tr("The window's saved layout could not be restored; the default is shown"));
        prefs.dropWindowLayout();
    }
    // The overlay as it was left (an expert's heatmap is the next run's to pick).
    RoutingPanel *panel = routingPanel();
    const QString overlay = prefs.overlay();
    panel->setOverlayMode(overlay == QLatin1String("entropy") ? RoutingPanel::OverlayMode::Entropy
                          : overlay == QLatin1String("none")  ? RoutingPanel::OverlayMode::None
                                                              : RoutingPanel::OverlayMode::Top1);
    if (!prefs.colormap().isEmpty() && !panel->setColormapByName(prefs.colormap()))
        prefs.addProblem(tr("Colormap \"%1\" is not known; %2 is used")
                             .arg(prefs.colormap(), panel->colormapName()));
    panel->setOpacity(prefs.opacityPercent() / 100.0);
    connect(panel, &RoutingPanel::overlayChanged, this, &MainWindow::saveOverlayStyle);

    // The last model, picked but loaded only when needed (a run, a file it fits).
    const QStringList models = prefs.recentModels();
    if (!models.isEmpty()) {
        QString path, error;
        if (m_workspace->catalog().resolve(models.first(), &path, &error)) {
            QComboBox *combo = m_toolBar->modelCombo();
            if (combo->findData(path) < 0) // a file loaded by its path, not in the catalog
                combo->addItem(QFileInfo(path).fileName(), path);
            combo->setCurrentIndex(combo->findData(path));
            m_library->selectModel(path);
            m_runs->preselectModel(path, m_toolBar->device());
        } else {
            prefs.addProblem(tr("The last model could not be restored: %1").arg(error));
        }
    }
    updateRecentMenus();
    addStartupProblems(prefs.problems());
}

void MainWindow::addStartupProblems(const QStringList &problems)
{
    for (const QString &p : problems)
        if (!m_startupProblems.contains(p))
            m_startupProblems << p;
    if (m_startupProblems.isEmpty())
        return;
    // Said once, in one place: the status bar, and the full list in its tooltip.
    statusBar()->showMessage(
        tr("%n setting(s) could not be restored: %1", nullptr, int(m_startupProblems.size()))
            .arg(m_startupProblems.join(QStringLiteral("; "))),
        30000);
    statusBar()->setToolTip(m_startupProblems.join(QLatin1Char('\n')));
}

QList<QSplitter *> MainWindow::windowSplitters() const
{
    // The window's own (not those of a comparison window it opened).
    QList<QSplitter *> out;
    for (QSplitter *s : findChildren<QSplitter *>())
        if (!s->objectName().isEmpty() && s->window() == this)
            out << s;
    return out;
}

void MainWindow::saveLayout()
{
    m_preferences->setWindowLayout(saveGeometry(), saveState());
    for (QSplitter *splitter : windowSplitters())
        m_preferences->setSplitterState(splitter->objectName(), splitter->saveState());
    m_preferences->sync();
}

void MainWindow::saveOverlayStyle()
{
    const RoutingPanel *panel = routingPanel();
    const RoutingPanel::OverlayMode mode = panel->overlayMode();
    m_preferences->setOverlayStyle(
        mode == RoutingPanel::OverlayMode::Entropy ? QStringLiteral("entropy")
        : mode == RoutingPanel::OverlayMode::None  ? QStringLiteral("none")
                                                   : QStringLiteral("top1"),
        panel->colormapName(), qRound(panel->opacity() * 100));
}

QString MainWindow::currentModelPath() const
{
    return m_toolBar->modelCombo()->currentData().toString();
}

void MainWindow::loadModel(const QString &path, bool pinned)
{
    QComboBox *combo = m_toolBar->modelCombo();
    int index = combo->findData(path);
    if (index < 0) {
        combo->addItem(QFileInfo(path).fileName(), path);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
    m_library->selectModel(path);
    m_modelPinned = pinned;
    m_preferences->addRecentModel(path);
    updateRecentMenus();
    m_runs->selectModel(path, m_toolBar->device());
}

void MainWindow::proposeModels()
{
    const auto image = m_document->image();
    OpenedImageFacts facts;
    facts.path = m_document->loadingPath();
    facts.openedByTask = m_document->openedByTask();
    facts.modality = image->modality;
    facts.kind = imageKindName(image->kind);
    m_proposals = moescope::proposeModels(facts, m_workspace->catalog().models(),
                                          m_workspace->plugins().plugins(), m_workspace->samples(),
                                          m_preferences->recentModels());
    m_library->markFittingModels(m_proposals);
    if (m_proposals.isEmpty())
        return;
    const ModelProposal &best = m_proposals.first();
    const QString current = currentModelPath();
    const bool currentFits =
        std::any_of(m_proposals.begin(), m_proposals.end(), [&](const ModelProposal &p) {
            return p.path == current && p.score == best.score;
        });
    if (!currentFits && !m_modelPinned) {
        loadModel(best.path, false);
        statusBar()->showMessage(tr("Model %1 proposed: %2").arg(best.name, best.reason), 10000);
    } else if (!currentFits) {
        statusBar()->showMessage(tr("%1 fits this file better (%2); the model you picked is kept")
                                     .arg(best.name, best.reason),
                                 10000);
    }
    if (m_preferences->runOnOpen())
        runModel(); // loads the model first when it is not ready
}

void MainWindow::rememberFile(const QString &path)
{
    if (path.isEmpty())
        return;
    m_preferences->addRecentFile(path);
    updateRecentMenus();
    // The desktop's list too (file choosers, docks); a file there we cannot
    // update is the desktop's, and is said once.
    QString error;
    if (!addToDesktopRecentFiles(path, &error) && m_desktopRecentProblem.isEmpty()) {
        m_desktopRecentProblem = error;
        statusBar()->showMessage(error, 10000);
    }
}

void MainWindow::updateRecentMenus()
{
    m_recentFilesMenu->clear();
    const QStringList files = m_preferences->recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction *a = m_recentFilesMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
            [this, path] {
                if (!QFileInfo::exists(path)) {
                    showError(tr("%1: the file is no longer there; it was removed from the recent "
                                 "files")
                                  .arg(path));
                    m_preferences->removeRecentFile(path);
                    updateRecentMenus();
                    return;
                }
                openImage(path);
            });
        a->setToolTip(path);
        a->setData(path);
    }
    m_recentFilesMenu->setEnabled(!files.isEmpty());
    m_recentModelsMenu->clear();
    const QStringList models = m_preferences->recentModels();
    for (const QString &path : models) {
        QAction *a = m_recentModelsMenu->addAction(QFileInfo(path).completeBaseName(), this,
                                                   [this, path] { selectModel(path); });
        a->setData(path);
        a->setToolTip(path);
    }
    m_recentModelsMenu->setEnabled(!models.isEmpty());
}

ModelInfoDialog *MainWindow::showModelInfo(const QString &modelPath)
{
    ModelEntry entry;
    bool found = false;
    for (const ModelEntry &m : m_workspace->catalog().models()) {
        if (m.path == modelPath) {
            entry = m;
            found = true;
        }
    }
    if (!found) {
        // A model loaded from a path (not registered): its contract as the file holds it.
        std::string error;
        if (!model::Engine::readContract(modelPath.toStdString(), &entry.contract, &error)) {
            showError(tr("%1: %2").arg(modelPath, QString::fromStdString(error)));
            return nullptr;
        }
        entry.path = modelPath;
        entry.name = QString::fromStdString(entry.contract.name);
        entry.task = QString::fromStdString(entry.contract.task);
        entry.title = QString::fromStdString(entry.contract.title);
    }
    auto *dialog = new ModelInfoDialog(entry, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (dialog->cardPath().isEmpty())
        statusBar()->showMessage(tr("%1 has no model card beside it").arg(modelPath), 10000);
    dialog->show();
    return dialog;
}

SettingsDialog *MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_preferences.get(), model::Engine::cudaAvailable(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MainWindow::applySettings);
    dialog->open();
    return dialog;
}

PacsDialog *MainWindow::showPacsDialog()
{
    auto *dialog = new PacsDialog(m_preferences->pacsNodes(), m_preferences->pacsAeTitle(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PacsDialog::seriesRetrieved, this,
            [this](const QString &path) { openImage(path); });
    dialog->open();
    return dialog;
}

void MainWindow::applySettings()
{
    // What applies at once; language, threads and the database wait for a restart.
    applyTheme(m_preferences->theme());
    SceneTileItem::setCacheMegabytes(m_preferences->tileCacheMegabytes());
    QComboBox *device = m_toolBar->deviceCombo();
    const int index = device->findData(m_preferences->device());
    if (index >= 0 && index != device->currentIndex()) {
        device->setCurrentIndex(index);
        if (!currentModelPath().isEmpty())
            loadModel(currentModelPath(), m_modelPinned);
    }
}

UserGuideWindow *MainWindow::showUserGuide()
{
    if (!m_guide) {
        m_guide = new UserGuideWindow(this);
        m_guide->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_guide->show();
    m_guide->raise();
    return m_guide;
}

void MainWindow::showAbout()
{
    QStringList versions;
    for (const QString &v : libraryVersions(m_workspace->plugins()))
        versions << v.toHtmlEscaped();
    QMessageBox::about(
        this, tr("About MoEScope"),
        tr("<b>MoEScope %1</b><p>Where the router sent each patch: per-expert heatmaps, top-1 "
           "maps, routing entropy and expert load for Mixture-of-Experts vision models.</p>"
           "<p>Research software, not for clinical use.</p><p>Built with: %2</p>"
           "<p>Settings: %3</p>")
            .arg(QCoreApplication::applicationVersion(), versions.join(QStringLiteral(", ")),
                 m_preferences->fileName().toHtmlEscaped()));
}

} // namespace moescope::gui
