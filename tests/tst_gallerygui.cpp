// The window's gallery and query side, as a user meets it with the CT retrieval model: the
// gallery dock appears for ct-hmar-tiny, a folder is indexed into a gallery through the panel
// (on the worker, with progress), the slice on screen and a region dragged on the image are
// queried, and the answer is shown: hits best first with thumbnails and scores, the query's
// expert gates, the window-match heatmaps (painted, over the right pixels), the side-by-side
// comparison. Cancelling an indexing leaves whole files only, and indexing again resumes.
#include "comparedialog.h"
#include "gallerypanel.h"
#include "image/windowpresets.h"
#include "jobs/retrieval.h"
#include "mainwindow.h"
#include "plugin/modelcatalog.h"
#include "sceneview.h"
#include "store/database.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QJsonObject>
#include <QListWidget>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace moescope;
using namespace moescope::gui;

namespace {

const QString kGallery = QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/ct/gallery");
const QString kQuery =
    QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/ct/query-chest_nodule.dcm");

// How many pixels of two same-sized images differ.
int differingPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return -1;
    const QImage x = a.convertToFormat(QImage::Format_RGB32),
                 y = b.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            n += p[col] != q[col];
    }
    return n;
}

// Presses, drags and releases the left button in `w` (QTest's mouseMove carries no button).
void leftDrag(QWidget *w, QPoint from, QPoint to)
{
    auto send = [w](QEvent::Type type, QPoint pos, Qt::MouseButton button,
                    Qt::MouseButtons buttons) {
        QMouseEvent e(type, QPointF(pos), w->mapToGlobal(QPointF(pos)), button, buttons,
                      Qt::NoModifier);
        QApplication::sendEvent(w, &e);
    };
    send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    send(QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

} // namespace

class TestGalleryGui : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

    // A window with ct-hmar-tiny loaded and the query slice open.
    static bool prepare(MainWindow &window)
    {
        window.resize(1600, 1000);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        QSignalSpy ready(&window, &MainWindow::modelReady);
        window.selectModel(QStringLiteral("ct-hmar-tiny"));
        if (!ready.wait(120000))
            return false;
        QSignalSpy opened(&window, &MainWindow::imageLoaded);
        window.openImage(kQuery);
        return opened.wait(30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
    }

    void dockFollowsModel()
    {
        MainWindow window(m_tmp.filePath(QStringLiteral("dock.sqlite")));
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("galleryDock"));
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());
        QSignalSpy ready(&window, &MainWindow::modelReady);
        window.selectModel(QStringLiteral("moe-vit-shapes-tiny"));
        QVERIFY(ready.wait(120000));
        QVERIFY(!dock->isVisible());
        QVERIFY(!window.galleryPanel()->modelUsable());
        window.selectModel(QStringLiteral("ct-hmar-tiny"));
        QVERIFY(ready.wait(120000));
        QVERIFY(dock->isVisible());
        QVERIFY(window.galleryPanel()->modelUsable());
        QVERIFY(window.galleryPanel()
                    ->findChild<QPushButton *>(QStringLiteral("indexButton"))
                    ->isEnabled());
        // No gallery yet: nothing to query.
        QVERIFY(!window.galleryPanel()
                     ->findChild<QPushButton *>(QStringLiteral("queryButton"))
                     ->isEnabled());
    }

    void indexQueryShow()
    {
        MainWindow window(m_tmp.filePath(QStringLiteral("gallery.sqlite")));
        QVERIFY(prepare(window));
        GalleryPanel *panel = window.galleryPanel();
        QCOMPARE(panel->objectName(), QStringLiteral("galleryPanel"));
        auto *combo = panel->findChild<QComboBox *>(QStringLiteral("galleryCombo"));
        auto *hitList = panel->findChild<QListWidget *>(QStringLiteral("hitList"));
        auto *gates = panel->findChild<QTableWidget *>(QStringLiteral("gateTable"));
        QVERIFY(combo && hitList && gates);
        QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("regionButton")));

        // Index the sample gallery (32 single-slice files) through the panel.
        QSignalSpy indexed(panel, &GalleryPanel::indexFinished);
        QVERIFY2(panel->indexFolder(kGallery, QStringLiteral("samples")),
                 qPrintable(panel->message()));
        QVERIFY(panel->isIndexing());
        QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("indexButton"))->isEnabled());
        QVERIFY(indexed.wait(300000));
        QVERIFY2(indexed.first().at(0).toBool(), qPrintable(panel->message()));
        const IndexReport report = panel->lastReport();
        QCOMPARE(report.files, int(galleryCandidates(kGallery).size()));
        QCOMPARE(report.sourcesAdded, 32);
        QCOMPARE(report.itemsAdded, 32);
        QVERIFY(report.failures.isEmpty());
        QCOMPARE(panel->currentGallery(), QStringLiteral("samples"));
        QVERIFY2(combo->currentText().contains(QStringLiteral("32 items")),
                 qPrintable(combo->currentText()));
        QVERIFY(combo->currentText().contains(QStringLiteral("ct-hmar-tiny")));

        // Query with the slice on screen.
        QSignalSpy shown(panel, &GalleryPanel::queryShown);
        QVERIFY2(panel->querySlice(), qPrintable(panel->message()));
        QVERIFY2(shown.wait(120000), qPrintable(panel->message()));
        const QueryResult &result = panel->lastResult();
        QCOMPARE(int(result.hits.size()), 10);
        QCOMPARE(hitList->count(), 10);
        QCOMPARE(result.hits.front().item.label, QStringLiteral("chest_nodule"));
        QVERIFY2(hitList->item(0)->text().contains(QStringLiteral("chest_nodule")),
                 qPrintable(hitList->item(0)->text()));
        QVERIFY(hitList->item(0)->text().contains(
            QString::number(double(result.hits.front().score), 'f', 3)));
        QVERIFY(!hitList->item(0)->icon().isNull());
        for (size_t i = 1; i < result.hits.size(); ++i)
            QVERIFY(result.hits[i - 1].score >= result.hits[i].score);
        QCOMPARE(panel->selectedHit(), 0);
        // The query's forward pass is shown as the window's routing result.
        QCOMPARE(window.currentResult().steps.size(), 1);
        QCOMPARE(window.currentResult().steps.first().layers.size(),
                 result.analysis.steps.first().layers.size());

        // The gates shown are the query's (and the chosen hit's): layer × expert.
        int expected = 0;
        for (const QString &layer : result.query.gates.keys())
            expected += result.query.gates.value(layer).toObject().size();
        QCOMPARE(expected, 4); // dual_moe and gate, global and local
        QCOMPARE(gates->rowCount(), expected);
        for (int row = 0; row < gates->rowCount(); ++row) {
            QTableWidgetItem *q = gates->item(row, 2);
            QVERIFY(q);
            const QString layer = q->data(Qt::UserRole + 1).toString();
            const QString expert = q->data(Qt::UserRole + 2).toString();
            QCOMPARE(gates->item(row, 0)->text(), layer);
            QCOMPARE(gates->item(row, 1)->text(), expert);
            const QJsonValue want = result.query.gates.value(layer).toObject().value(expert);
            QVERIFY2(want.isDouble(), qPrintable(layer + QLatin1Char('/') + expert));
            QCOMPARE(q->data(Qt::UserRole).toDouble(), want.toDouble());
            QCOMPARE(
                gates->item(row, 3)->data(Qt::UserRole).toDouble(),
                result.hits.front().item.gates.value(layer).toObject().value(expert).toDouble());
        }

        // The window-match heatmap is painted over the query, and where the grid says.
        SceneView *queryView = panel->queryView();
        QVERIFY(!queryView->image().isNull());
        QVERIFY(queryView->hasHeatmap());
        const RetrievalHit &best = result.hits.front();
        QCOMPARE(int(best.windows.queryBest.size()), 49);
        QVERIFY(best.windows.bestQueryWindow >= 0);
        panel->setHeatmapsVisible(true);
        const QImage with = panel->grab().toImage();
        const QImage viewWith = queryView->grab().toImage();
        panel->setHeatmapsVisible(false);
        const QImage without = panel->grab().toImage();
        const QImage viewWithout = queryView->grab().toImage();
        panel->setHeatmapsVisible(true);
        QVERIFY(differingPixels(with, without) > 1000);
        QDir().mkpath(QStringLiteral(MOESCOPE_TEST_DATA_DIR));
        QVERIFY(window.grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/gallery-window.png")));
        // Inside the image, over the cell of the best window: coloured only with the heatmap.
        const QRectF image = queryView->imageRect();
        const int bw = best.windows.bestQueryWindow;
        const QPointF cell(image.left() + image.width() * ((bw % 7) * 16 + 16) / 128.0,
                           image.top() + image.height() * ((bw / 7) * 16 + 16) / 128.0);
        const QPoint at = cell.toPoint();
        QVERIFY(viewWith.rect().contains(at));
        QVERIFY2(
            viewWith.pixel(at) != viewWithout.pixel(at),
            qPrintable(QStringLiteral("best window %1 at %2,%3").arg(bw).arg(at.x()).arg(at.y())));
        // The heatmap stays within the image: the dark margin beside it is untouched.
        const QPoint outside(int(image.left()) - 2, int(image.center().y()));
        if (viewWith.rect().contains(outside))
            QCOMPARE(viewWith.pixel(outside), viewWithout.pixel(outside));

        // Another hit: the hit column and heatmaps follow.
        panel->selectHit(3);
        QCOMPARE(panel->selectedHit(), 3);
        QCOMPARE(gates->item(0, 3)->data(Qt::UserRole).toDouble(),
                 result.hits[3]
                     .item.gates.value(gates->item(0, 2)->data(Qt::UserRole + 1).toString())
                     .toObject()
                     .value(gates->item(0, 2)->data(Qt::UserRole + 2).toString())
                     .toDouble());

        // Side by side: the hit read from its file, zoom and window linked.
        CompareDialog *compare = panel->compare(0);
        QVERIFY(compare);
        QCOMPARE(compare->objectName(), QStringLiteral("compareView"));
        QVERIFY(QTest::qWaitForWindowExposed(compare));
        QTRY_VERIFY_WITH_TIMEOUT(compare->hitFromFile(), 30000); // read off the UI thread
        QVERIFY(!compare->hitLoading());
        QVERIFY(!compare->queryView()->image().isNull());
        QVERIFY(!compare->hitView()->image().isNull());
        compare->queryView()->setView(2.0, QPointF(0.4, 0.4));
        QCOMPARE(compare->hitView()->zoom(), 2.0);
        QCOMPARE(compare->hitView()->center(), QPointF(0.4, 0.4));
        const QImage hitBefore = compare->hitView()->image();
        const QImage queryBefore = compare->queryView()->image();
        compare->setWindow(ctWindowPreset(QStringLiteral("bone"))->window);
        QVERIFY(compare->hitView()->image() != hitBefore);
        QVERIFY(compare->queryView()->image() != queryBefore);
        QDir().mkpath(QStringLiteral(MOESCOPE_TEST_DATA_DIR));
        QVERIFY(
            compare->grab().save(QStringLiteral(MOESCOPE_TEST_DATA_DIR "/gallery-compare.png")));
        panel->setHeatmapsVisible(false);
        QVERIFY(!compare->hitView()->heatmapVisible());
        QVERIFY(!compare->queryView()->heatmapVisible());
        compare->close();

        // A region dragged on the image with "Query region" on.
        auto *regionButton = panel->findChild<QPushButton *>(QStringLiteral("regionButton"));
        regionButton->click();
        QVERIFY(window.imageView()->regionSelection());
        SceneView *view = window.imageView();
        const QRect r = view->imageRect();
        leftDrag(view->viewport(), r.topLeft() + QPoint(r.width() / 4, r.height() / 4),
                 r.topLeft() + QPoint(3 * r.width() / 4, 3 * r.height() / 4));
        QVERIFY(panel->isQuerying());
        QVERIFY2(shown.wait(120000), qPrintable(panel->message()));
        const QRect region = panel->lastResult().region;
        const QImage &frame = view->image();
        QVERIFY(region.isValid());
        QVERIFY(qAbs(region.x() - frame.width() / 4) <= 2);
        QVERIFY(qAbs(region.width() - frame.width() / 2) <= 3);
        QCOMPARE(int(panel->lastResult().hits.size()), 10);
        QCOMPARE(window.currentResult().modelRegion, region); // its routing lies over the region
        regionButton->click();
        QVERIFY(!view->regionSelection());

        // A gallery of another model is listed but refused with the reason.
        {
            store::Database db;
            QString error;
            QVERIFY2(db.open(m_tmp.filePath(QStringLiteral("gallery.sqlite")), &error),
                     qPrintable(error));
            store::ModelRef other;
            other.sha256 = QString(64, QLatin1Char('a'));
            other.name = QStringLiteral("some-other-model");
            other.task = QStringLiteral("ct-retrieval");
            QVERIFY2(db.createGallery(QStringLiteral("foreign"), other, QStringLiteral("embedding"),
                                      128, &error),
                     qPrintable(error));
        }
        panel->refreshGalleries();
        panel->setCurrentGallery(QStringLiteral("foreign"));
        QCOMPARE(panel->currentGallery(), QStringLiteral("foreign"));
        QSignalSpy refused(panel, &GalleryPanel::queryRefused);
        QVERIFY(!panel->querySlice());
        QCOMPARE(refused.count(), 1);
        QVERIFY2(panel->message().contains(QStringLiteral("some-other-model")),
                 qPrintable(panel->message()));
        QVERIFY(!panel->isQuerying());
    }

    void windowGridMapsToPixels()
    {
        // ct-hmar-tiny: 7 × 7 windows of 32 px at stride 16 over its 128 × 128 input.
        ModelSession session;
        QSignalSpy ready(&session, &ModelSession::modelLoaded);
        QString path, error;
        QVERIFY2(ModelCatalog().resolve(QStringLiteral("ct-hmar-tiny"), &path, &error),
                 qPrintable(error));
        session.load(path, QStringLiteral("cpu"));
        QVERIFY(ready.wait(120000));
        const WindowGrid grid =
            WindowGrid::fromContract(session.model().contract, "window_embeddings");
        QCOMPARE(grid.rows, 7);
        QCOMPARE(grid.cols, 7);
        QCOMPARE(grid.inputW, 128.0);
        QCOMPARE(grid.inputH, 128.0);
        QCOMPARE(grid.windowW, 32.0);
        QCOMPARE(grid.strideX, 16.0);
        const QRectF slice(0, 0, 512, 512);
        QCOMPARE(grid.windowRect(0, slice), QRectF(0, 0, 128, 128));
        QCOMPARE(grid.windowRect(8, slice), QRectF(64, 64, 128, 128));
        QCOMPARE(grid.windowRect(48, slice), QRectF(384, 384, 128, 128));
        const QRectF region(100, 50, 256, 128); // a drawn region: the same fractions of it
        QCOMPARE(grid.windowRect(6, region), QRectF(100 + 192, 50, 64, 32));
        QCOMPARE(grid.cellRect(0, slice), QRectF(32, 32, 64, 64));
    }

    void cancelKeepsWholeFilesAndResumes()
    {
        MainWindow window(m_tmp.filePath(QStringLiteral("cancel.sqlite")));
        QVERIFY(prepare(window));
        GalleryPanel *panel = window.galleryPanel();
        QSignalSpy indexed(panel, &GalleryPanel::indexFinished);
        bool cancelled = false;
        // Cancel as soon as the worker reports the first file done.
        // (A cancel before the job starts is kept too: tst_jobs cancelWhileQueued.)
        auto *session = window.findChild<ModelSession *>();
        QVERIFY(session);
        const auto conn = connect(session, &ModelSession::indexProgress, panel,
                                  [&](int done, int, const QString &) {
                                      if (done >= 1 && !cancelled) {
                                          cancelled = true;
                                          panel->cancelIndexing();
                                      }
                                  });
        QVERIFY(panel->indexFolder(kGallery, QStringLiteral("resumable")));
        QVERIFY(indexed.wait(300000));
        disconnect(conn);
        QVERIFY(cancelled);
        const IndexReport first = panel->lastReport();
        QVERIFY(first.cancelled);
        QVERIFY(first.sourcesAdded >= 1);
        QVERIFY2(first.sourcesAdded < 32, qPrintable(QString::number(first.sourcesAdded)));
        QCOMPARE(first.itemsAdded, first.sourcesAdded); // single-slice files: whole files only
        QString error;
        std::optional<store::GalleryInfo> info =
            window.database().findGallery(QStringLiteral("resumable"), &error);
        QVERIFY2(info, qPrintable(error));
        QCOMPARE(info->itemCount, info->sourceCount);
        QCOMPARE(info->itemCount, qint64(first.itemsAdded));
        auto *combo = panel->findChild<QComboBox *>(QStringLiteral("galleryCombo"));
        QVERIFY2(combo->currentText().contains(QStringLiteral("%1 item").arg(first.itemsAdded)),
                 qPrintable(combo->currentText()));

        // Again: what is there is skipped, the rest added.
        indexed.clear();
        QVERIFY(panel->indexFolder(kGallery, QStringLiteral("resumable")));
        QVERIFY(indexed.wait(300000));
        const IndexReport second = panel->lastReport();
        QVERIFY(!second.cancelled);
        QCOMPARE(second.sourcesSkipped, first.sourcesAdded);
        QCOMPARE(second.sourcesAdded, 32 - first.sourcesAdded);
        info = window.database().findGallery(QStringLiteral("resumable"), &error);
        QVERIFY(info);
        QCOMPARE(info->itemCount, qint64(32));
        QVERIFY2(combo->currentText().contains(QStringLiteral("32 items")),
                 qPrintable(combo->currentText()));
    }
};

QTEST_MAIN(TestGalleryGui)
#include "tst_gallerygui.moc"
