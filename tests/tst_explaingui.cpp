// Explaining routing in the window, as a user meets it: the expert-ablation
// sweep and a run with the expert that matters most switched off, compared
// with the run it changes; routing stability; expert paths picked out on the
// image. Saves screenshots for people to look at.
#include "ablationpanel.h"
#include "comparisonwindow.h"
#include "expertpathsview.h"
#include "mainwindow.h"
#include "probecontroller.h"
#include "resultview.h"
#include "routingpanel.h"
#include "runcomparison.h"
#include "sceneview.h"
#include "stabilitypanel.h"
#include "windowtestsupport.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

using namespace moescope;
using namespace moescope::gui;

class TestExplainGui : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_db = m_dir.filePath(QStringLiteral("runs.sqlite"));
        const QString error = makeShapeRuns(m_db);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void ablationSweepThenRunWithTheExpertOff()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("ablation.sqlite")));
        window.resize(1600, 1000);
        window.show();
        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        window.openImage(kSamples + QStringLiteral("shapes-square.png"));
        QVERIFY(opened.wait(30000));
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        window.selectModel(QStringLiteral("moe-vit-shapes-tiny"));
        window.runModel();
        QVERIFY2(shown.wait(120000), qPrintable(window.lastError()));
        const qint64 base = window.currentResult().runId;
        QVERIFY(base > 0);

        AblationPanel *panel = window.ablationPanel();
        window.findChild<QDockWidget *>(QStringLiteral("ablationDock"))->show();
        QTRY_VERIFY(panel->sweepButton()->isEnabled());
        QCOMPARE(panel->chosenLayer(), 0);
        panel->findChild<QCheckBox *>(QStringLiteral("ablationDeletionCheck"))->setChecked(true);
        QSignalSpy swept(window.probeController(), &ProbeController::finished);
        QTest::mouseClick(panel->sweepButton(), Qt::LeftButton);
        QVERIFY2(swept.wait(60000), qPrintable(panel->summary()));
        const AblationResult &result = window.probeController()->result();
        QCOMPARE(int(result.effects.size()), 4);
        QCOMPARE(panel->table()->rowCount(), 4);
        QCOMPARE(result.passes,
                 5 + 4 * 9 -
                     9 * int(std::count_if(result.curves.begin(), result.curves.end(),
                                           [](const DeletionCurve &c) { return c.tokens == 0; })));
        QCOMPARE(int(result.curves.size()), 4);
        QCOMPARE(panel->deletionChart()->series().size(),
                 int(std::count_if(result.curves.begin(), result.curves.end(),
                                   [](const DeletionCurve &c) { return c.tokens > 0; })));
        double loads = 0;
        for (const ExpertEffect &e : result.effects)
            loads += e.load;
        QVERIFY(std::abs(loads - 1) < 1e-6);
        // The chart: load and effect, a bar per expert each.
        const auto bars = panel->loadChart()->series();
        QCOMPARE(bars.size(), 1);
        const auto sets = static_cast<QBarSeries *>(bars.first())->barSets();
        QCOMPARE(sets.size(), 2);
        QCOMPARE(sets[0]->count(), 4);
        double effects = 0;
        for (const ExpertEffect &e : result.effects)
            effects += e.change.effect;
        for (const ExpertEffect &e : result.effects) {
            QVERIFY(std::abs(sets[0]->at(e.expert) - 100.0 * e.load) < 1e-9);
            QVERIFY(std::abs(sets[1]->at(e.expert) - 100.0 * e.change.effect / effects) < 1e-9);
        }
        QVERIFY2(panel->summary().contains(QStringLiteral("Rank correlation")),
                 qPrintable(panel->summary()));
        QTest::qWait(50);
        const QString shot = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/ablation-panel.png");
        QVERIFY(panel->grab().save(shot));

        // The largest effect, run for real: stored with its mask and compared
        // with the run it changes.
        panel->table()->selectRow(0);
        const ExpertEffect top = result.effects.front();
        QTest::mouseClick(panel->runOffButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.comparisonWindow() && window.comparisonWindow()->comparison()->isReady(), 60000);
        ComparisonWindow *compared = window.comparisonWindow();
        QCOMPARE(compared->comparison()->result(0).runId, base);
        const qint64 masked = compared->comparison()->result(1).runId;
        QVERIFY(masked > base);
        QString error;
        const auto record = window.database().loadRun(masked, nullptr, &error);
        QVERIFY2(record, qPrintable(error));
        QVERIFY(!record->expertMask.isEmpty());
        // Routing of the ablated layer changes exactly when the expert had tokens.
        const auto &figures = compared->figures();
        QVERIFY(size_t(top.layer) < figures.size());
        QCOMPARE(figures[size_t(top.layer)].agreement<1.0, top.load> 0.0);
        for (int l = 0; l < top.layer; ++l)
            QCOMPARE(figures[size_t(l)].agreement, 1.0);
    }

    void stabilityCheckInTheWindow()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("stability.sqlite")));
        window.resize(1600, 1000);
        window.show();
        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        window.openImage(kSamples + QStringLiteral("shapes-square.png"));
        QVERIFY(opened.wait(30000));
        window.selectModel(QStringLiteral("moe-vit-shapes-tiny"));
        window.findChild<QDockWidget *>(QStringLiteral("ablationDock"))->show();
        StabilityPanel *panel = window.stabilityPanel();
        window.findChild<QTabWidget *>()->setCurrentWidget(panel);
        QTRY_VERIFY_WITH_TIMEOUT(panel->checkButton()->isEnabled(), 60000);
        QSignalSpy checked(window.probeController(), &ProbeController::stabilityFinished);
        QTest::mouseClick(panel->checkButton(), Qt::LeftButton);
        QVERIFY2(checked.wait(60000), qPrintable(panel->summary()));
        const StabilityResult &result = window.probeController()->stabilityResult();
        QCOMPARE(result.passes, 16);
        QCOMPARE(int(result.layers.size()), 2);
        QCOMPARE(panel->layerCombo()->count(), 2);
        QVERIFY(!panel->flipMap().isNull());
        for (const LayerStability &s : result.layers) {
            QCOMPARE(int(s.flipRate.size()), s.rows * s.cols);
            for (float f : s.flipRate)
                QVERIFY(f >= 0 && f <= 1);
        }
        QVERIFY2(panel->summary().contains(QStringLiteral("16 passes")),
                 qPrintable(panel->summary()));
        QTest::qWait(50); // laid out again around the maps
        QVERIFY(panel->grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/stability-panel.png")));
    }

    void expertPathsPickTokensOnTheImage()
    {
        MainWindow window(m_db);
        window.resize(1600, 1000);
        window.show();
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        QVERIFY(window.reopenRun(1));
        if (shown.isEmpty())
            QVERIFY(shown.wait(30000));
        window.findChild<QDockWidget *>(QStringLiteral("expertPathsDock"))->show();
        ExpertPathsPanel *panel = window.expertPathsPanel();
        QTRY_COMPARE(int(panel->paths().layers.size()), 2);
        const routing::ExpertPaths &paths = panel->paths();
        QCOMPARE(paths.tokens, 256); // moe-vit-shapes-tiny: 16 × 16 patches
        QCOMPARE(panel->matrix()->rowCount(), 4);
        QCOMPARE(panel->matrix()->columnCount(), 4);
        // The busiest pair, clicked where its band is drawn.
        const std::vector<int> m = paths.coactivation(0);
        const int busiest = int(std::max_element(m.begin(), m.end()) - m.begin());
        const int a = busiest / 4, b = busiest % 4;
        QCOMPARE(panel->matrix()->item(a, b)->text().toInt(), m[size_t(busiest)]);
        AlluvialView *view = panel->view();
        QTest::qWait(50);
        const QPainterPath band = view->bandShape(0, a, b);
        QVERIFY(!band.isEmpty());
        QPoint inside(-1, -1);
        const QRect box = band.boundingRect().toRect();
        for (int y = box.top(); y <= box.bottom() && inside.x() < 0; y += 2)
            for (int x = box.center().x() - 4; x <= box.center().x() + 4; ++x)
                if (band.contains(QPointF(x, y))) {
                    inside = {x, y};
                    break;
                }
        QVERIFY(inside.x() >= 0);
        QTest::mouseClick(view, Qt::LeftButton, {}, inside);
        QCOMPARE(window.imageView()->highlightedTokens(), m[size_t(busiest)]);
        QVERIFY2(panel->note().contains(QStringLiteral("→")), qPrintable(panel->note()));
        const QString shot = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/expert-paths.png");
        QVERIFY(window.grab().save(shot));
        // "Draw region": the left half of the picture only.
        auto *regionButton = panel->findChild<QPushButton *>(QStringLiteral("pathsRegionButton"));
        QVERIFY(regionButton);
        regionButton->click();
        SceneView *image = window.imageView();
        QVERIFY(image->regionSelection());
        const QPointF from = image->mapFromImage(QPointF(1, 1));
        const QPointF to = image->mapFromImage(QPointF(111, 222));
        for (const auto &[type, pos, buttons] :
             {std::tuple{QEvent::MouseButtonPress, from, Qt::MouseButtons(Qt::LeftButton)},
              std::tuple{QEvent::MouseMove, to, Qt::MouseButtons(Qt::LeftButton)},
              std::tuple{QEvent::MouseButtonRelease, to, Qt::MouseButtons(Qt::NoButton)}}) {
            QMouseEvent e(type, pos, image->viewport()->mapToGlobal(pos),
                          type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                          Qt::NoModifier);
            QApplication::sendEvent(image->viewport(), &e);
        }
        // 224 px over 16 columns: 8 columns' centres lie left of x = 111.
        QCOMPARE(panel->paths().tokens, 16 * 8);
        QVERIFY2(panel->note().contains(QStringLiteral("drawn region")), qPrintable(panel->note()));
        regionButton->click(); // off: every token again
        QCOMPARE(panel->paths().tokens, 256);
        QVERIFY(!image->regionSelection());

        // Clicking beside the bands clears it.
        QTest::mouseClick(view, Qt::LeftButton, {}, QPoint(view->width() / 2, 2));
        QCOMPARE(window.imageView()->highlightedTokens(), 0);
    }
};

QTEST_MAIN(TestExplainGui)
#include "tst_explaingui.moc"
