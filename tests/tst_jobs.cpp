// The worker thread: loading, running, progress, cancellation, refusal, and
// the stored run reopening to the same routing.
#include "jobs/modelsession.h"
#include "jobs/storedrun.h"
#include "plugin/genericplugin.h"
#include "store/database.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace moescope;

namespace {

const QString kModel =
    QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/models/moe-vit-shapes-tiny.pt");

// A cine of `frames` frames: a bright square moving left to right.
QSharedPointer<ImageStack> movingSquare(int frames)
{
    auto image = QSharedPointer<ImageStack>::create();
    image->kind = ImageKind::Cine;
    image->width = 96;
    image->height = 96;
    image->channels = 1;
    image->frameCount = frames;
    image->samples.assign(size_t(frames) * 96 * 96, 20.0f);
    for (int f = 0; f < frames; ++f)
        for (int y = 30; y < 60; ++y)
            for (int x = 0; x < 30; ++x)
                image->samples[(size_t(f) * 96 + y) * 96 + std::min(95, x + f * 2)] = 230.0f;
    image->sourcePath = QStringLiteral("moving-square");
    image->sha256 = QByteArray(64, 'a');
    image->updateRange();
    return image;
}

} // namespace

class TestJobs : public QObject
{
    Q_OBJECT
    GenericTaskPlugin m_plugin;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void loadRunAndStore()
    {
        ModelSession session;
        QSignalSpy loaded(&session, &ModelSession::modelLoaded);
        session.load(kModel, QStringLiteral("cpu"));
        QVERIFY(loaded.wait(60000));
        const LoadedModel model = loaded.first().first().value<LoadedModel>();
        QCOMPARE(model.device, QStringLiteral("cpu"));
        QCOMPARE(model.sha256.size(), 64);

        QSignalSpy progress(&session, &ModelSession::progress);
        QSignalSpy finished(&session, &ModelSession::finished);
        AnalysisRequest request;
        request.image = movingSquare(3);
        session.analyze(request, &m_plugin);
        QVERIFY(session.isBusy());
        QVERIFY(finished.wait(60000));
        QVERIFY(!session.isBusy());
        const AnalysisResult result = finished.first().first().value<AnalysisResult>();
        QCOMPARE(result.steps.size(), 3);
        QCOMPARE(progress.last().at(0).toInt(), 3);
        QCOMPARE(result.steps[1].layers.size(), size_t(2));
        QVERIFY(result.timings.forwardMs > 0);

        // Stored and reopened: the same routing, bit for bit, without the model.
        QTemporaryDir dir;
        store::Database db;
        QString error;
        QVERIFY2(db.open(dir.filePath(QStringLiteral("runs.sqlite")), &error), qPrintable(error));
        AnalysisResult stored = result;
        QVERIFY2(storeAnalysis(db, &stored, *request.image, model.contract, {}, &error),
                 qPrintable(error));
        std::vector<store::FrameRouting> routing;
        const auto record = db.loadRun(stored.runId, &routing, &error);
        QVERIFY2(record, qPrintable(error));
        const AnalysisResult reopened = fromStoredRun(*record, routing);
        QCOMPARE(reopened.steps.size(), 3);
        QCOMPARE(reopened.steps[2].layers[1].probs, result.steps[2].layers[1].probs);
        QCOMPARE(reopened.steps[2].outputs, result.steps[2].outputs);
        QCOMPARE(reopened.modelName, result.modelName);
    }

    void cancelStopsBetweenSteps()
    {
        ModelSession session;
        QSignalSpy loaded(&session, &ModelSession::modelLoaded);
        session.load(kModel, QStringLiteral("cpu"));
        QVERIFY(loaded.wait(60000));
        QSignalSpy finished(&session, &ModelSession::finished);
        AnalysisRequest request;
        request.image = movingSquare(400);
        // Cancel from the main thread as soon as the first step is reported.
        connect(&session, &ModelSession::progress, &session, [&session](int done, int) {
            if (done >= 1)
                session.cancel();
        });
        session.analyze(request, &m_plugin);
        QVERIFY(finished.wait(120000));
        const AnalysisResult result = finished.first().first().value<AnalysisResult>();
        QVERIFY(result.cancelled);
        QVERIFY2(result.steps.size() < 400, qPrintable(QString::number(result.steps.size())));
        QVERIFY(result.steps.size() >= 1);
    }

    void refusedModelReportsTheFile()
    {
        ModelSession session;
        QSignalSpy failed(&session, &ModelSession::modelFailed);
        const QString path = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/models/no-json.pt");
        session.load(path, QStringLiteral("cpu"));
        QVERIFY(failed.wait(60000));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.startsWith(path), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("moescope.json")), qPrintable(message));
        QVERIFY(!session.hasModel());
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
