// The comparison window as a user meets it: two stored runs of one picture
// (the second with expert 1 of layer 0 switched off) picked in the Runs
// list and compared; the figures agree with `moescope-cli compare`; zoom,
// pan, layer and overlay move together; the difference view draws the
// current layer's map; the figures export as CSV; two pictures fall back to
// loads and entropy; tiled scenes compare their mosaics. Then the windows
// around it: routing signatures, presentation mode, the report, exports.
// Saves screenshots for people to look at.
#include "comparisonwindow.h"
#include "jobs/storedrun.h"
#include "mainwindow.h"
#include "presentationwindow.h"
#include "resultview.h"
#include "routingpanel.h"
#include "runcomparison.h"
#include "sceneview.h"
#include "signatureswindow.h"
#include "viewexport.h"
#include "windowtestsupport.h"

#include <QAction>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace moescope;
using namespace moescope::gui;

class TestComparisonWindow : public QObject
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

    void picksTwoRunsAndLinksTheViews()
    {
        MainWindow window(m_db);
        window.show();
        QCOMPARE(window.runsListed(), 3);
        QVERIFY(!window.compareAction()->isEnabled());

        // Select runs 1 and 2 in the Runs list (newest first: rows 2 and 1).
        QTableView *runs = window.runsView();
        QItemSelectionModel *selection = runs->selectionModel();
        selection->select(runs->model()->index(2, 0),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(!window.compareAction()->isEnabled()); // one is not a comparison
        selection->select(runs->model()->index(1, 0),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(window.compareAction()->isEnabled());
        window.compareAction()->trigger();
        ComparisonWindow *compared = window.comparisonWindow();
        QVERIFY(compared);
        if (!compared->comparison()->isReady()) {
            QSignalSpy shown(compared, &ComparisonWindow::shown);
            QVERIFY(shown.wait(30000));
        }
        QCOMPARE(compared->comparison()->result(0).runId, 1); // the older run is A
        QCOMPARE(compared->comparison()->result(1).runId, 2);

        // The figures are the CLI's.
        const CliResult cli =
            runCli({"compare", "--run", "1", "--run", "2", "--db", m_db, "--json"});
        QVERIFY2(cli.code == 0, cli.err.constData());
        const QJsonArray layers = cli.json().value(QStringLiteral("layers")).toArray();
        const auto &figures = compared->figures();
        QCOMPARE(int(figures.size()), int(layers.size()));
        QCOMPARE(compared->figuresTable()->rowCount(), int(layers.size()));
        for (int l = 0; l < layers.size(); ++l) {
            const QJsonObject o = layers[l].toObject();
            QVERIFY(figures[size_t(l)].tokenWise);
            QCOMPARE(qRound(figures[size_t(l)].agreement * 1e6) / 1e6,
                     o.value(QStringLiteral("agreement")).toDouble());
            QCOMPARE(qRound(figures[size_t(l)].meanJs * 1e6) / 1e6,
                     o.value(QStringLiteral("mean_js_bits")).toDouble());
        }
        // Expert 1 of layer 0 was A's most used: layer 0 must disagree.
        QVERIFY(figures[0].agreement < 0.9);
        for (float v : figures[0].agreementMap)
            QVERIFY(v == 0.0f || v == 1.0f);

        // The difference view draws layer 0's map over A's picture.
        ResultView *a = compared->viewA();
        ResultView *b = compared->viewB();
        a->routingPanel()->setCurrentLayer(0);
        QCOMPARE(b->routingPanel()->currentLayer(), 0);
        QVERIFY(!compared->differenceView()->image().isNull());
        QVERIFY2(compared->differenceNote().contains(QStringLiteral("agreement")),
                 qPrintable(compared->differenceNote()));
        QCOMPARE(compared->differenceView()->modelRegion(), a->sceneView()->modelRegion());

        // The layer's loads, A beside B, as the figures have them.
        const auto loadSeries = compared->loadChart()->series();
        QCOMPARE(loadSeries.size(), 1);
        const auto loadSets = static_cast<QBarSeries *>(loadSeries.first())->barSets();
        QCOMPARE(loadSets.size(), 2);
        for (int e = 0; e < 4; ++e) {
            QVERIFY(std::abs(loadSets[0]->at(e) - 100.0 * figures[0].loadA[size_t(e)]) < 1e-9);
            QVERIFY(std::abs(loadSets[1]->at(e) - 100.0 * figures[0].loadB[size_t(e)]) < 1e-9);
        }
        QVERIFY(compared->loadChart()->title().contains(QStringLiteral("JS divergence")));

        // How the answer changed: the total variation of the class
        // probabilities, as `ablate` measures it from the logits.
        const CliResult ablate = runCli({"ablate", "--model", "moe-vit-shapes-tiny", "--input",
                                         kSamples + "shapes-square.png", "--layer", "0", "--json"});
        QVERIFY2(ablate.code == 0, ablate.err.constData());
        double expected = -1;
        for (const QJsonValue &e : ablate.json().value("effects").toArray())
            if (e["expert"].toInt() == 1 && e["mode"].toString() == QLatin1String("off"))
                expected = e["effect"].toDouble();
        const QRegularExpression tv(QStringLiteral("total variation ([0-9.]+)"));
        const QRegularExpressionMatch match = tv.match(compared->outputChange());
        QVERIFY2(match.hasMatch(), qPrintable(compared->outputChange()));
        QVERIFY2(std::abs(match.captured(1).toDouble() - expected) < 1e-3,
                 qPrintable(QStringLiteral("%1 vs %2").arg(match.captured(1)).arg(expected)));

        // Layer, overlay, zoom and pan move together.
        a->routingPanel()->setCurrentLayer(1);
        QCOMPARE(b->routingPanel()->currentLayer(), 1);
        QCOMPARE(compared->figuresTable()->currentRow(), 1);
        a->routingPanel()->selectExpert(2);
        QCOMPARE(b->routingPanel()->overlayMode(), RoutingPanel::OverlayMode::Expert);
        QCOMPARE(b->routingPanel()->selectedExpert(), 2);
        b->routingPanel()->showTop1();
        QCOMPARE(a->routingPanel()->overlayMode(), RoutingPanel::OverlayMode::Top1);
        a->sceneView()->setView(3.0, QPointF(0.3, 0.6));
        for (SceneView *v : {b->sceneView(), compared->differenceView()}) {
            QCOMPARE(v->zoom(), 3.0);
            QVERIFY(std::abs(v->center().x() - 0.3) < 1e-6);
            QVERIFY(std::abs(v->center().y() - 0.6) < 1e-6);
        }
        compared->differenceView()->setView(1.5, QPointF(0.5, 0.5));
        QCOMPARE(a->sceneView()->zoom(), 1.5);

        compared->setDifferenceMap(ComparisonWindow::DifferenceMap::JsDivergence);
        a->routingPanel()->setCurrentLayer(0);
        compared->resize(1700, 1000);
        QTest::qWait(50);
        a->sceneView()->fitToWindow();
        QCOMPARE(b->sceneView()->zoom(), 1.0);
        const QString shot = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/comparisonwindow.png");
        QDir().mkpath(QFileInfo(shot).absolutePath());
        QVERIFY(compared->grab().save(shot));

        // CSV: a header and a row per layer; an unwritable path says so.
        const QString csv = m_dir.filePath(QStringLiteral("figures.csv"));
        QString error;
        QVERIFY2(compared->exportFigures(csv, &error), qPrintable(error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), int(layers.size()) + 1);
        QVERIFY(lines[0].startsWith("run_a,frame_a,run_b"));
        QVERIFY(lines[1].startsWith("1,0,2,0,0,"));
        const QString bad = m_dir.filePath(QStringLiteral("no/such/folder/figures.csv"));
        QVERIFY(!compared->exportFigures(bad, &error));
        QVERIFY2(error.contains(bad), qPrintable(error));
    }

    void outputChangeOfEachKind_data()
    {
        QTest::addColumn<QStringList>("run");
        QTest::addColumn<QString>("expertOff");
        QTest::addColumn<QString>("measure");
        QTest::newRow("segmentation") << QStringList{"--model", "us-m2dino-tiny", "--input",
                                                     kSamples + "ultrasound/us-linear-solid.png"}
                                      << "1:1"
                                      << "mean Dice";
        QTest::newRow("box")
            << QStringList{"--model",
                           "track-spmtrack-tiny",
                           "--input",
                           kSamples + "tracking/MoEScope_Synth_000001.search-00000002.png",
                           "--image",
                           "template=" + kSamples + "tracking/MoEScope_Synth_000001.template.png"}
            << "0:1"
            << "IoU";
    }

    void outputChangeOfEachKind()
    {
        QFETCH(QStringList, run);
        QFETCH(QString, expertOff);
        QFETCH(QString, measure);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("runs.sqlite"));
        for (const QStringList &more :
             {QStringList{}, QStringList{"--disable-expert", expertOff}}) {
            const CliResult r = runCli(QStringList{"run", "--db", db} + run + more);
            QVERIFY2(r.code == 0, r.err.constData());
        }
        MainWindow window(db);
        ComparisonWindow *compared = openComparison(window, 1, 2);
        QVERIFY(compared);
        const QRegularExpression value(measure + QStringLiteral(" ([0-9.]+)"));
        const QRegularExpressionMatch match = value.match(compared->outputChange());
        QVERIFY2(match.hasMatch(), qPrintable(compared->outputChange()));
        const double v = match.captured(1).toDouble();
        QVERIFY2(v > 0 && v <= 1, qPrintable(compared->outputChange()));
        // A run against itself: the same answer.
        ComparisonWindow *self = openComparison(window, 1, 1);
        QVERIFY(self);
        QVERIFY2(self->outputChange().contains(measure + QStringLiteral(" 1.0000")),
                 qPrintable(self->outputChange()));
    }

    void twoPicturesCompareLoadsOnly()
    {
        MainWindow window(m_db);
        ComparisonWindow *compared = openComparison(window, 1, 3);
        QVERIFY(compared);
        QVERIFY(!compared->figures().empty());
        for (const auto &c : compared->figures()) {
            QVERIFY(!c.tokenWise);
            QVERIFY(c.loadJs >= 0);
            QVERIFY(QString::fromStdString(c.reason).contains(QStringLiteral("different")));
        }
        QVERIFY2(compared->differenceNote().contains(QStringLiteral("different pictures")),
                 qPrintable(compared->differenceNote()));
        QVERIFY(compared->differenceView()->overlayRect().isEmpty() ||
                compared->differenceView()->image().isNull() ||
                compared->differenceNote().contains(QStringLiteral("no per-token")));
    }

    void signaturesLayOutStoredRuns()
    {
        MainWindow window(m_db);
        window.show();
        SignaturesWindow *signatures = window.showSignatures();
        QVERIFY(signatures);
        QCOMPARE(signatures->groupCount(), 1); // three runs of one model
        // The layout is the CLI's.
        const CliResult cli = runCli({"signatures", "--db", m_db, "--json"});
        QVERIFY2(cli.code == 0, cli.err.constData());
        const QJsonArray runs =
            cli.json().value("groups").toArray().first().toObject().value("runs").toArray();
        QCOMPARE(runs.size(), 3);
        for (const QJsonValue &v : runs) {
            const QPointF p = signatures->pointOf(v["id"].toInteger());
            QVERIFY(std::abs(p.x() - v["pc1"].toDouble()) < 1e-5);
            QVERIFY(std::abs(p.y() - v["pc2"].toDouble()) < 1e-5);
        }
        QCOMPARE(signatures->matrix()->rowCount(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(signatures->matrix()->item(i, i)->data(Qt::UserRole).toDouble(), 1.0);
        // Coloured by predicted label: a series per label.
        QSet<QString> labels;
        QString error;
        for (const store::RunRecord &r : window.database().listRuns(&error, 10))
            labels.insert(predictedLabelOfRun(r));
        signatures->setColourBy(SignaturesWindow::ColourBy::Label);
        QCOMPARE(signatures->scatter()->series().size(), labels.size());
        signatures->setColourBy(SignaturesWindow::ColourBy::Model);
        QCOMPARE(signatures->scatter()->series().size(), 1);
        // Runs like run 1: itself first, then by falling similarity.
        QVERIFY(signatures->showLike(1));
        QCOMPARE(signatures->likeTable()->rowCount(), 3);
        QCOMPARE(signatures->likeTable()->item(0, 0)->text(), QStringLiteral("1"));
        for (int row = 1; row < 3; ++row)
            QVERIFY(signatures->likeTable()->item(row - 1, 1)->text().toDouble() >=
                    signatures->likeTable()->item(row, 1)->text().toDouble());
        signatures->resize(1100, 650);
        QTest::qWait(50);
        QVERIFY(signatures->grab().save(
            QStringLiteral(MOESCOPE_TEST_DATA_DIR "/signatures-window.png")));
        // A click on run 3's point opens it.
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        signatures->activateNear(signatures->pointOf(3));
        if (shown.isEmpty())
            QVERIFY(shown.wait(30000));
        QCOMPARE(window.currentResult().runId, 3);
    }

    void reportFromTheWindow()
    {
        MainWindow window(m_db);
        QSignalSpy shown(&window, &MainWindow::analysisShown);
        QVERIFY(window.reopenRun(2));
        if (shown.isEmpty())
            QVERIFY(shown.wait(30000));
        QTRY_VERIFY(window.document()->image()); // the picture, read again
        const QString pdf = m_dir.filePath(QStringLiteral("window-report.pdf"));
        QVERIFY2(window.saveReport(pdf, false), qPrintable(window.lastError()));
        QVERIFY(QFileInfo(pdf).size() > 10000); // text, two maps and the picture
        QSignalSpy errors(&window, &MainWindow::errorShown);
        QVERIFY(!window.saveReport(QStringLiteral("/no/such/folder/r.pdf"), false));
        QCOMPARE(errors.count(), 1);
        QVERIFY(!QFileInfo::exists(QStringLiteral("/no/such/folder/r.pdf")));
    }

    void presentationStepsThroughRuns()
    {
        MainWindow window(m_db);
        QSignalSpy reopened(&window, &MainWindow::analysisShown);
        QVERIFY(window.reopenRun(2));
        if (reopened.isEmpty())
            QVERIFY(reopened.wait(30000));
        QPointer<PresentationWindow> present = window.presentRuns(false);
        QVERIFY(present);
        present->resize(1280, 800);
        QSignalSpy shown(present.data(), &PresentationWindow::shown);
        QVERIFY(shown.wait(30000));
        QCOMPARE(present->runs(), (QList<qint64>{3, 2, 1})); // the Runs list's order
        QCOMPARE(present->shownRun(), 2);                    // from the run shown
        QVERIFY2(present->caption().contains(QStringLiteral("Run 2")),
                 qPrintable(present->caption()));
        QVERIFY(!present->view()->routingPanel()->isVisible());
        QVERIFY(present->view()->sceneView()->isVisible());
        QVERIFY(!present->view()->sceneView()->image().isNull());

        // Runs 1 and 2 share their picture: run 1 shows at once, unread.
        QTest::keyClick(present.data(), Qt::Key_Right);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, 30000);
        QCOMPARE(present->shownRun(), 1);
        QTest::keyClick(present.data(), Qt::Key_Right); // the last: stays
        QCOMPARE(present->shownRun(), 1);
        QTest::keyClick(present.data(), Qt::Key_Left);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 3, 30000);
        QCOMPARE(present->shownRun(), 2);
        QTest::keyClick(present.data(), Qt::Key_Down);
        QCOMPARE(present->view()->routingPanel()->currentLayer(), 1);
        QVERIFY2(present->caption().contains(QStringLiteral("layer 1")),
                 qPrintable(present->caption()));
        const auto before = present->view()->routingPanel()->overlayMode();
        QTest::keyClick(present.data(), Qt::Key_O);
        QVERIFY(present->view()->routingPanel()->overlayMode() != before);
        QTest::qWait(50);
        QVERIFY(present->grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/presentation.png")));
        QTest::keyClick(present.data(), Qt::Key_Escape);
        QTRY_VERIFY(present.isNull()); // closed and gone
    }

    void everyViewExports()
    {
        MainWindow window(m_db);
        window.resize(1400, 900);
        window.show();
        ComparisonWindow *compared = openComparison(window, 1, 2);
        QVERIFY(compared);
        // Each chart and table of both windows offers its export.
        for (QWidget *root : {static_cast<QWidget *>(&window), static_cast<QWidget *>(compared)}) {
            const auto charts = root->findChildren<QChartView *>();
            QVERIFY(!charts.isEmpty());
            for (QChartView *chart : charts) {
                QVERIFY(chart->findChild<QAction *>(QStringLiteral("saveSvgAction")));
                QVERIFY(chart->findChild<QAction *>(QStringLiteral("savePngAction")));
            }
            for (QTableView *table : root->findChildren<QTableView *>())
                QVERIFY(table->findChild<QAction *>(QStringLiteral("exportCsvAction")));
        }
        // SVG keeps vectors; PNG is the picture; CSV is the table.
        QTest::qWait(50);
        QString error;
        const QString svg = m_dir.filePath(QStringLiteral("view.svg"));
        QChartView *chart = compared->findChildren<QChartView *>().first();
        QVERIFY2(saveWidgetPicture(chart, svg, &error), qPrintable(error));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("<path") || text.contains("<polyline"));
        const QString png = m_dir.filePath(QStringLiteral("view.png"));
        QVERIFY2(saveWidgetPicture(compared->differenceView(), png, &error), qPrintable(error));
        QCOMPARE(QImage(png).size(), compared->differenceView()->size());
        const QString csv = m_dir.filePath(QStringLiteral("figures-table.csv"));
        QVERIFY2(saveTableCsv(compared->figuresTable()->model(), csv, &error), qPrintable(error));
        QFile table(csv);
        QVERIFY(table.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = table.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), compared->figuresTable()->rowCount() + 1);
        QVERIFY(lines[0].contains("Top-1 agreement"));
        QVERIFY(!saveWidgetPicture(chart, QStringLiteral("/no/such/folder/v.svg"), &error));
        QVERIFY(error.contains(QStringLiteral("/no/such/folder/v.svg")));
    }

    void tiledScenesCompareTheirMosaics()
    {
        // A SAR product is run in tiles and keeps its routing as one mosaic.
        const QString db = m_dir.filePath(QStringLiteral("sar.sqlite"));
        for (const QStringList &more : {QStringList{}, QStringList{"--disable-expert", "1:1"}}) {
            const CliResult r =
                runCli(QStringList{"run", "--model", "sar-crossearth-tiny", "--input",
                                   kSamples + "sar/sar-land.tif", "--db", db} +
                       more);
            QVERIFY2(r.code == 0, r.err.constData());
        }
        MainWindow window(db);
        window.resize(1400, 900);
        ComparisonWindow *compared = openComparison(window, 1, 2);
        QVERIFY(compared);
        const auto &figures = compared->figures();
        QCOMPARE(int(figures.size()), 4);
        QVERIFY(figures[0].tokenWise);
        QCOMPARE(figures[0].agreement, 1.0); // before the layer changed
        QVERIFY(figures[1].agreement < 1.0);
        compared->viewA()->routingPanel()->setCurrentLayer(1);
        QVERIFY2(compared->differenceNote().contains(QStringLiteral("agreement")),
                 qPrintable(compared->differenceNote()));
        QCOMPARE(compared->differenceView()->modelRegion(),
                 compared->viewA()->sceneView()->modelRegion());
    }

    void gallerySignatures()
    {
        const QString db = m_dir.filePath(QStringLiteral("gallery.sqlite"));
        const CliResult r = runCli({"index", "--model", "ct-hmar-tiny", "--input",
                                    kSamples + "ct/gallery", "--db", db, "--gallery", "demo"});
        QVERIFY2(r.code == 0, r.err.constData());
        MainWindow window(db);
        SignaturesWindow *signatures = window.showSignatures();
        QVERIFY(signatures);
        QCOMPARE(signatures->groupCount(), 0); // no stored runs
        QString error;
        QVERIFY2(signatures->showGallery(QStringLiteral("demo"), &error), qPrintable(error));
        const auto gallery = window.database().findGallery(QStringLiteral("demo"), &error);
        QVERIFY(gallery);
        QCOMPARE(signatures->groupCount(), 1);
        QCOMPARE(qint64(signatures->matrix()->rowCount()), gallery->itemCount);
        // Each item's signature is its mean router probabilities: self-similarity 1.
        for (int i = 0; i < signatures->matrix()->rowCount(); ++i)
            QVERIFY(std::abs(signatures->matrix()->item(i, i)->data(Qt::UserRole).toDouble() -
                             1.0) < 1e-9);
        // A click on an item opens the file it was indexed from.
        const auto items = window.database().galleryItemPage(gallery->id, 0, 1, &error);
        QCOMPARE(items.size(), 1);
        QSignalSpy activated(signatures, &SignaturesWindow::itemActivated);
        signatures->activateNear(signatures->pointOf(items.first().id));
        QCOMPARE(activated.size(), 1);
        QVERIFY(QFileInfo::exists(activated.first().first().toString()));
        QVERIFY(!signatures->showGallery(QStringLiteral("no such gallery"), &error));
        QVERIFY2(error.contains(QStringLiteral("no such gallery")), qPrintable(error));
    }

    void aRunThatIsNotThereIsRefused()
    {
        MainWindow window(m_db);
        QSignalSpy errors(&window, &MainWindow::errorShown);
        QVERIFY(!window.compareRuns(1, 99));
        QCOMPARE(errors.count(), 1);
        QVERIFY2(errors.first().first().toString().contains(QStringLiteral("99")),
                 qPrintable(errors.first().first().toString()));
    }
};

QTEST_MAIN(TestComparisonWindow)
#include "tst_comparisonwindow.moc"
