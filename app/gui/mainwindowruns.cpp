// The window's stored-run actions: other runs of the same input for the
// plugin's own view, and comparing two runs side by side.
#include "ablationpanel.h"
#include "cineplayer.h"
#include "common/report.h"
#include "comparisonwindow.h"
#include "expertpathsview.h"
#include "jobs/stepcomparison.h"
#include "mainwindow.h"
#include "presentationwindow.h"
#include "resultpresenter.h"
#include "sceneview.h"
#include "signatureswindow.h"
#include "stabilitypanel.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

namespace moescope::gui {

QList<PluginViewDock::OtherRun> MainWindow::otherRunsOf(const AnalysisResult &result) const
{
    // Stored runs of the same plugin on the same input, newest first.
    QList<PluginViewDock::OtherRun> others;
    QString error;
    for (const store::RunRecord &r : database().listRuns(&error, 200)) {
        if (r.id == result.runId || r.image.sha256 != result.imageSha256 ||
            r.timings.value(QStringLiteral("plugin")).toString() != result.pluginId)
            continue;
        const QJsonObject summary = r.outputs.value(QStringLiteral("run_summary")).toObject();
        if (summary.isEmpty())
            continue;
        QString label = tr("Run %1: %2").arg(r.id).arg(r.model.name);
        if (!r.expertMask.isEmpty())
            label += tr(" (experts off)");
        others.append({r.id, label, summary});
    }
    return others;
}

void MainWindow::buildCompareActions()
{
    m_runMenu->addSeparator();
    m_compareAction =
        m_runMenu->addAction(tr("Co&mpare Selected Runs"), this, &MainWindow::compareSelectedRuns);
    m_compareAction->setObjectName(QStringLiteral("compareAction"));
    m_compareAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_M);
    m_compareAction->setToolTip(tr("The two runs selected in Runs side by side, with the "
                                   "difference of their routing"));
    m_compareAction->setEnabled(false);
    m_compareWithAction =
        m_runMenu->addAction(tr("Compare &With…"), this, &MainWindow::compareCurrentWith);
    m_compareWithAction->setObjectName(QStringLiteral("compareWithAction"));
    m_compareWithAction->setToolTip(tr("The result shown beside another stored run"));
    QAction *report = m_runMenu->addAction(tr("Save &Report (PDF)…"), this, [this] {
        if (m_runs->result().steps.isEmpty()) {
            showError(tr("Run a model or reopen a stored run first; then save its report"));
            return;
        }
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save report"),
            QStringLiteral("moescope-run-%1.pdf").arg(m_runs->result().runId), tr("PDF (*.pdf)"));
        if (path.isEmpty())
            return;
        // Identifying DICOM fields stay out unless the user says otherwise.
        bool identifying = false;
        const auto image = m_document->image();
        if (image && std::any_of(image->metadata.begin(), image->metadata.end(),
                                 [](const auto &f) { return isIdentifyingField(f.first); }))
            identifying =
                QMessageBox::question(
                    this, tr("Save report"),
                    tr("The picture carries identifying DICOM fields (patient name, "
                       "ID, birth date, institution…). Put them in the report?"),
                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
        if (saveReport(path, identifying))
            statusBar()->showMessage(tr("Report saved to %1").arg(path), 5000);
    });
    report->setObjectName(QStringLiteral("reportAction"));
    QAction *signatures =
        m_runMenu->addAction(tr("Routing &Signatures…"), this, &MainWindow::showSignatures);
    signatures->setObjectName(QStringLiteral("signaturesAction"));
    signatures->setToolTip(tr("Many stored runs' routing side by side: similarity and a 2-D "
                              "layout, and the runs most like the one shown"));
    // The Runs list offers it on a right click too.
    m_runsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_runsView->addAction(m_compareAction);
    connect(m_runsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_compareAction->setEnabled(m_runsView->selectionModel()->selectedRows().size() == 2);
    });
}

void MainWindow::buildAblationDock()
{
    m_probes = new ProbeController(m_workspace, m_document, m_runs, this);
    // One dock, two probes of the model on the frame shown.
    m_ablationDock = new QDockWidget(tr("Expert ablation and routing stability"), this);
    m_ablationDock->setObjectName(QStringLiteral("ablationDock"));
    auto *tabs = new QTabWidget(m_ablationDock);
    m_ablationPanel = new AblationPanel(tabs);
    m_stabilityPanel = new StabilityPanel(tabs);
    tabs->addTab(m_ablationPanel, tr("Expert ablation"));
    tabs->addTab(m_stabilityPanel, tr("Routing stability"));
    m_ablationDock->setWidget(tabs);
    addDockWidget(Qt::BottomDockWidgetArea, m_ablationDock);
    m_ablationDock->setVisible(false);
    QAction *show = m_ablationDock->toggleViewAction();
    show->setText(tr("Expert &Ablation and Stability…"));
    show->setToolTip(tr("Switch each expert of a layer off in turn and measure the change of "
                        "the answer beside its load; or see how often tokens change expert "
                        "under small perturbations"));
    m_runMenu->addAction(show);

    connect(m_runs, &RunController::modelReady, this, [this](const LoadedModel &model) {
        m_ablationPanel->setModel(&model.contract, m_probes->canAblate());
        m_stabilityPanel->setEnabledForModel(true);
    });
    connect(m_stabilityPanel, &StabilityPanel::checkRequested, this,
            [this](int passes, double noise, int shift) {
                m_probes->checkStability(player()->frame(), passes, noise, shift);
            });
    connect(m_stabilityPanel, &StabilityPanel::cancelRequested, m_probes, &ProbeController::cancel);
    connect(m_probes, &ProbeController::stabilityFinished, this,
            [this](const StabilityResult &result) {
                // The maps lie over what the model saw.
                const QImage shown = imageView()->image();
                const QRect region = imageView()->modelRegion();
                m_stabilityPanel->showResult(
                    result, region.isValid() && !shown.isNull() ? shown.copy(region) : shown);
            });
    connect(m_ablationPanel, &AblationPanel::sweepRequested, this,
            [this](int layer, bool keepOnly, bool deletion) {
                m_probes->ablate(player()->frame(), layer, keepOnly, deletion);
            });
    connect(m_ablationPanel, &AblationPanel::cancelRequested, m_probes, &ProbeController::cancel);
    // Progress and failures go to the panel that asked.
    const auto stabilityAsked = [this] {
        return m_probes->lastProbe() == ProbeController::Probe::Stability;
    };
    connect(m_probes, &ProbeController::started, this, [this, stabilityAsked] {
        if (stabilityAsked())
            m_stabilityPanel->showRunning(0, 0);
        else
            m_ablationPanel->showRunning(0, 0);
    });
    connect(m_probes, &ProbeController::progress, this,
            [this, stabilityAsked](int done, int total) {
                if (stabilityAsked())
                    m_stabilityPanel->showRunning(done, total);
                else
                    m_ablationPanel->showRunning(done, total);
            });
    connect(m_probes, &ProbeController::finished, m_ablationPanel, &AblationPanel::showResult);
    connect(m_probes, &ProbeController::failed, this,
            [this, stabilityAsked](const QString &message) {
                if (stabilityAsked())
                    m_stabilityPanel->showFailure(message);
                else
                    m_ablationPanel->showFailure(message);
                statusBar()->showMessage(message, 10000);
            });
    connect(m_ablationPanel, &AblationPanel::runRequested, this,
            [this](const QList<QPair<int, int>> &disabled) {
                m_ablationBaseRun = m_runs->result().runId;
                if (!m_runs->runWithExpertsOff(disabled))
                    m_ablationBaseRun = 0;
            });
    // The run with experts off, once stored and shown, beside the run it changes.
    connect(m_presenter, &ResultPresenter::resultShown, this, [this](qint64 runId) {
        const qint64 base = m_ablationBaseRun;
        if (base <= 0 || runId <= 0 || runId == base)
            return;
        m_ablationBaseRun = 0;
        compareRuns(base, runId);
    });
}

void MainWindow::buildPathsDock()
{
    m_pathsDock = new QDockWidget(tr("Expert paths"), this);
    m_pathsDock->setObjectName(QStringLiteral("expertPathsDock"));
    m_pathsPanel = new ExpertPathsPanel(m_pathsDock);
    m_pathsDock->setWidget(m_pathsPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_pathsDock);
    m_pathsDock->setVisible(false);
    QAction *show = m_pathsDock->toggleViewAction();
    show->setText(tr("Expert &Paths"));
    show->setToolTip(tr("Where each token's top-1 expert goes from layer to layer"));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(show);
    QAction *present =
        m_viewMenu->addAction(tr("&Presentation Mode"), this, [this] { presentRuns(); });
    present->setObjectName(QStringLiteral("presentationAction"));
    present->setShortcut(Qt::Key_F5);
    present->setToolTip(tr("Full screen, the picture and one overlay; the arrow keys step "
                           "through the stored runs"));
    connect(m_pathsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            updatePaths();
        else
            imageView()->setTokenHighlight(0, 0, {});
    });
    connect(m_presenter, &ResultPresenter::resultShown, this, &MainWindow::updatePaths);
    connect(player(), &CinePlayer::frameChanged, this, &MainWindow::updatePaths);
    // "Draw region": the image view draws a rectangle; its tokens' paths only.
    connect(m_pathsPanel, &ExpertPathsPanel::regionModeChanged, imageView(),
            &SceneView::setRegionSelection);
    connect(imageView(), &SceneView::regionSelected, this, [this](const QRect &drawn) {
        if (!m_pathsPanel->isRegionMode())
            return;
        const QRect region = imageView()->modelRegion();
        m_pathsPanel->setDrawnRegion(
            drawn, region.isValid() ? QRectF(region)
                                    : QRectF(QPointF(0, 0), QSizeF(imageView()->pictureSize())));
    });
    connect(m_pathsPanel, &ExpertPathsPanel::tokensPicked, this,
            [this](int rows, int cols, const std::vector<bool> &on) {
                imageView()->setTokenHighlight(rows, cols, on);
            });
}

void MainWindow::updatePaths()
{
    if (!m_pathsDock->isVisible())
        return;
    const AnalysisResult &result = m_runs->result();
    const int step = m_resultView->stepIndex();
    m_pathsPanel->setLayers(step >= 0 && step < result.steps.size() &&
                                    !result.steps[step].layers.empty()
                                ? &result.steps[step].layers
                                : nullptr);
}

void MainWindow::compareSelectedRuns()
{
    QModelIndexList rows = m_runsView->selectionModel()->selectedRows();
    if (rows.size() != 2) {
        showError(tr("Select two runs in Runs to compare them"));
        return;
    }
    // The older run is A: "what changed" reads from A to B.
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex &x, const QModelIndex &y) {
        return m_runsModel->runId(x.row()) < m_runsModel->runId(y.row());
    });
    compareRuns(m_runsModel->runId(rows[0].row()), m_runsModel->runId(rows[1].row()));
}

void MainWindow::compareCurrentWith()
{
    const qint64 current = m_runs->result().runId;
    if (current <= 0) {
        showError(tr("Run a model or reopen a stored run first; then compare it with another"));
        return;
    }
    QStringList labels;
    QList<qint64> ids;
    for (int row = 0; row < m_runsModel->rowCount(); ++row) {
        const store::RunRecord &r = m_runsModel->run(row);
        if (r.id == current)
            continue;
        labels << tr("Run %1: %2 on %3")
                      .arg(r.id)
                      .arg(r.model.name, QFileInfo(r.image.path).fileName());
        ids << r.id;
    }
    if (ids.isEmpty()) {
        showError(tr("There is no other stored run to compare run %1 with").arg(current));
        return;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Compare with"), tr("Compare run %1 with:").arg(current), labels, 0, false, &ok);
    if (ok && labels.contains(chosen))
        compareRuns(current, ids.at(labels.indexOf(chosen)));
}

SignaturesWindow *MainWindow::showSignatures()
{
    auto *window = new SignaturesWindow(&m_workspace->database(), this);
    QString error;
    if (!window->refresh(&error)) {
        delete window;
        showError(error);
        return nullptr;
    }
    if (m_runs->result().runId > 0)
        window->showLike(m_runs->result().runId);
    connect(window, &SignaturesWindow::runActivated, this, [this](qint64 id) { reopenRun(id); });
    connect(window, &SignaturesWindow::itemActivated, this,
            [this](const QString &path) { openImage(path); });
    m_signaturesWindow = window;
    window->resize(1100, 700);
    window->show();
    return window;
}

bool MainWindow::saveReport(const QString &path, bool includeIdentifying)
{
    const AnalysisResult &result = m_runs->result();
    ReportInput input;
    input.run = &result;
    StepResult mosaic;
    const int step = m_resultView->stepIndex();
    input.step = !result.mosaic.empty()                    ? comparedStep(result, 0, &mosaic)
                 : step >= 0 && step < result.steps.size() ? &result.steps[step]
                 : result.steps.isEmpty()                  ? nullptr
                                                           : &result.steps.first();
    const auto image = m_document->image();
    const auto source = m_document->source();
    if (!input.step || !image || m_document->contentSha256() != result.imageSha256.toLatin1()) {
        input.pictureNote = tr("The picture of this run is not open.");
    } else if (m_document->openedByPlugin() && source) {
        QString error;
        input.picture = reportSceneOverview(
            *source, result.mosaic.empty() ? result.modelRegion : result.mosaicRect(), 900, &error);
        input.pictureNote = error;
    } else {
        input.picture = reportPicture(result, *input.step, *image);
        input.metadata = image->metadata;
    }
    QFile card(QFileInfo(result.modelPath).path() + QLatin1Char('/') +
               QFileInfo(result.modelPath).completeBaseName() + QStringLiteral(".md"));
    if (card.open(QIODevice::ReadOnly))
        input.modelCard = QString::fromUtf8(card.readAll());
    input.version = QCoreApplication::applicationVersion();
    input.includeIdentifying = includeIdentifying;
    QString error;
    if (!writeReport(input, path, &error)) {
        showError(error);
        return false;
    }
    return true;
}

PresentationWindow *MainWindow::presentRuns(bool fullScreen)
{
    QList<qint64> runs;
    int start = 0;
    for (int row = 0; row < m_runsModel->rowCount(); ++row) {
        if (m_runsModel->runId(row) == m_runs->result().runId)
            start = row;
        runs << m_runsModel->runId(row);
    }
    if (runs.isEmpty()) {
        showError(tr("There are no stored runs to present yet"));
        return nullptr;
    }
    auto *window = new PresentationWindow(m_workspace, runs, routingPanel()->currentLayer(),
                                          routingPanel()->overlayMode(),
                                          routingPanel()->selectedExpert(), this);
    if (fullScreen)
        window->showFullScreen();
    else
        window->show();
    window->showRun(start);
    return window;
}

SignaturesWindow *MainWindow::signaturesWindow() const
{
    return m_signaturesWindow;
}

ComparisonWindow *MainWindow::comparisonWindow() const
{
    return m_comparisonWindow;
}

ComparisonWindow *MainWindow::compareRuns(qint64 a, qint64 b)
{
    auto *window = new ComparisonWindow(m_workspace, this);
    QString error;
    if (!window->compare(a, b, &error)) {
        delete window;
        showError(error);
        return nullptr;
    }
    m_comparisonWindow = window;
    window->resize(std::max(1200, width()), std::max(800, height()));
    window->show();
    statusBar()->showMessage(tr("Comparing runs %1 and %2").arg(a).arg(b), 5000);
    return window;
}

void MainWindow::connectRunFeed()
{
    connect(m_workspace, &Workspace::runSavedElsewhere, this, [this](qint64 id) {
        if (m_runsModel->contains(id))
            return; // this window's own, already listed
        QString error;
        const std::optional<store::RunRecord> run =
            m_workspace->database().loadRun(id, nullptr, &error);
        if (!run)
            return; // deleted again since; the next notice says so
        m_runsModel->prepend(*run);
        statusBar()->showMessage(tr("Run %1 (%2 on %3) arrived from %4@%5")
                                     .arg(run->id)
                                     .arg(run->model.name, QFileInfo(run->image.path).fileName(),
                                          run->createdBy, run->createdOn),
                                 5000);
    });
    connect(m_workspace, &Workspace::runDeletedElsewhere, m_runsModel, &RunsModel::removeRun);
}

} // namespace moescope::gui
