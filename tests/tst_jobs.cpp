// The job framework (queues, per-job cancel, finished on the main thread,
// two queues at once) and the model session on it: loading, running,
// progress, cancellation, refusal, and the stored run reopening to the same
// routing.
#include "jobs/modelsession.h"
#include "jobs/storedrun.h"
#include "plugin/genericplugin.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <mutex>
#include <set>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

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

// A job that records where it ran and can be held until released.
class ProbeJob final : public Job
{
public:
    explicit ProbeJob(QString name, std::atomic_bool *release = nullptr,
                      std::function<bool()> during = {})
        : Job(std::move(name)), m_release(release), m_during(std::move(during))
    {
    }
    std::atomic_bool ran{false};
    std::atomic_bool started{false};
    QThread *runThread = nullptr;
    QThread *finishedThread = nullptr;
    JobState finishedState = JobState::Queued;
    bool finishedRan = false;
    bool duringOk = true;

protected:
    bool run(JobFeedback &feedback, QString *) override
    {
        started = true;
        runThread = QThread::currentThread();
        QElapsedTimer t;
        t.start();
        while (m_release && !m_release->load() && !feedback.isCancelled() && t.elapsed() < 20000)
            QThread::msleep(2);
        if (m_during)
            duringOk = m_during();
        feedback.setProgress(1, 1);
        ran = true;
        return true;
    }
    void finished(JobState state, const QString &, bool ranIt) override
    {
        finishedThread = QThread::currentThread();
        finishedState = state;
        finishedRan = ranIt;
    }

private:
    std::atomic_bool *m_release;
    std::function<bool()> m_during;
};

// On a job's thread: spin until `condition` holds (another queue's job has
// started), 10 s at most.
bool waitForOtherThread(const std::function<bool()> &condition)
{
    QElapsedTimer t;
    t.start();
    while (!condition() && t.elapsed() < 10000)
        QThread::msleep(1);
    return condition();
}

// The test model on the CPU, loaded.
bool loadModel(ModelSession &session)
{
    QSignalSpy loaded(&session, &ModelSession::modelLoaded);
    session.load(kModel, QStringLiteral("cpu"));
    return loaded.wait(60000);
}

bool waitFor(const std::function<bool()> &condition, int ms = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!condition() && t.elapsed() < ms)
        QTest::qWait(5);
    return condition();
}

// The generic plugin, watched: whether any two of its calls overlapped and
// on how many threads steps were prepared (each call lingers 2 ms so an
// overlap would be seen).
class WatchedPlugin final : public TaskPlugin
{
public:
    QString id() const override { return m_generic.id(); }
    QString displayName() const override { return m_generic.displayName(); }
    TaskShape shape() const override { return m_generic.shape(); }
    bool prepare(const model::ModelContract &contract, const ImageStack &image, int step,
                 const PrepareOptions &options, model::InputBatch *batch,
                 QString *error) const override
    {
        const Call call(this);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            prepareThreads.insert(QThread::currentThread());
        }
        return m_generic.prepare(contract, image, step, options, batch, error);
    }
    QJsonObject interpret(const model::ModelContract &contract, const model::ForwardResult &result,
                          int b) const override
    {
        const Call call(this);
        return m_generic.interpret(contract, result, b);
    }

    mutable std::atomic_bool overlapped{false};
    mutable std::set<QThread *> prepareThreads;

private:
    struct Call
    {
        const WatchedPlugin *p;
        explicit Call(const WatchedPlugin *plugin) : p(plugin)
        {
            if (p->m_inside.fetch_add(1) > 0)
                p->overlapped = true;
            QThread::msleep(2);
        }
        ~Call() { p->m_inside.fetch_sub(1); }
    };
    GenericTaskPlugin m_generic;
    mutable std::atomic_int m_inside{0};
    mutable std::mutex m_mutex;
};

} // namespace

class TestJobs : public QObject
{
    Q_OBJECT
    GenericTaskPlugin m_plugin;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void finishedOnTheMainThread()
    {
        JobQueue queue(QStringLiteral("test-queue"));
        auto job = QSharedPointer<ProbeJob>::create(QStringLiteral("probe"));
        QSignalSpy done(job.data(), &Job::done);
        QSignalSpy progress(job.data(), &Job::progressChanged);
        queue.enqueue(job);
        QVERIFY(done.wait(20000));
        QVERIFY(job->runThread != QThread::currentThread());
        QCOMPARE(job->finishedThread, QThread::currentThread());
        QVERIFY(job->finishedState == JobState::Finished);
        QVERIFY(job->state() == JobState::Finished);
        QCOMPARE(progress.size(), 1);
    }

    // Esc pressed while a job waits behind another must not be lost: the
    // queued job never runs, and a job enqueued afterwards runs normally.
    void cancelWhileQueued()
    {
        JobQueue queue(QStringLiteral("test-queue"));
        std::atomic_bool release{false};
        auto first = QSharedPointer<ProbeJob>::create(QStringLiteral("first"), &release);
        auto second = QSharedPointer<ProbeJob>::create(QStringLiteral("second"));
        QSignalSpy busy(&queue, &JobQueue::busyChanged);
        queue.enqueue(first);
        queue.enqueue(second);
        QCOMPARE(queue.pendingCount(), 2);
        QVERIFY(waitFor([&] { return first->started.load(); }));
        QVERIFY(queue.cancel(second->id()));
        release = true;
        QSignalSpy secondDone(second.data(), &Job::done);
        QVERIFY(secondDone.wait(20000));
        QVERIFY(!second->ran);
        QVERIFY(!second->finishedRan);
        QVERIFY(second->finishedState == JobState::Cancelled);
        QVERIFY(first->finishedState == JobState::Finished);
        QVERIFY(!queue.isBusy());
        // Busy went up once and down once: the first job's end did not clear it.
        QCOMPARE(busy.size(), 2);
        QCOMPARE(busy.at(0).at(0).toBool(), true);
        QCOMPARE(busy.at(1).at(0).toBool(), false);

        auto third = QSharedPointer<ProbeJob>::create(QStringLiteral("third"));
        QSignalSpy thirdDone(third.data(), &Job::done);
        queue.enqueue(third);
        QVERIFY(thirdDone.wait(20000));
        QVERIFY(third->ran);
        QVERIFY(third->finishedState == JobState::Finished);
    }

    // Each job of one queue waits, while running, until the other queue's
    // job has started: both finish only when the two queues work at once.
    void twoQueuesAtOnce()
    {
        JobQueue a(QStringLiteral("queue-a")), b(QStringLiteral("queue-b"));
        QSharedPointer<ProbeJob> jobA, jobB;
        jobA = QSharedPointer<ProbeJob>::create(QStringLiteral("a"), nullptr, [&] {
            return waitForOtherThread([&] { return jobB->started.load(); });
        });
        jobB = QSharedPointer<ProbeJob>::create(QStringLiteral("b"), nullptr, [&] {
            return waitForOtherThread([&] { return jobA->started.load(); });
        });
        QSignalSpy doneA(jobA.data(), &Job::done), doneB(jobB.data(), &Job::done);
        a.enqueue(jobA);
        b.enqueue(jobB);
        QVERIFY(doneA.size() == 1 || doneA.wait(20000));
        QVERIFY(doneB.size() == 1 || doneB.wait(20000));
        QVERIFY(jobA->duringOk);
        QVERIFY(jobB->duringOk);
        QVERIFY(jobA->runThread != jobB->runThread);
    }

    void loadRunAndStore()
    {
        ModelSession session;
        QVERIFY(loadModel(session));
        const LoadedModel model = session.model();
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

    // With a store target the job writes the run on its own thread:
    // runStored (the record as the store has it) comes before finished,
    // whose result carries the run's id; a database that cannot be
    // written is reported and the result still delivered.
    void analysisStoredByTheJob_data()
    {
        QTest::addColumn<bool>("writable");
        QTest::newRow("stored") << true;
        QTest::newRow("not writable") << false;
    }
    void analysisStoredByTheJob()
    {
        QFETCH(bool, writable);
        ModelSession session;
        QVERIFY(loadModel(session));
        QTemporaryDir dir;
        StoreTarget target;
        // A folder where the database file should be: it cannot be opened.
        target.dbPath = writable ? dir.filePath(QStringLiteral("runs.sqlite")) : dir.path();
        AnalysisRequest request;
        request.image = movingSquare(2);
        target.scene = SceneDescription::of(*request.image);
        QStringList order;
        connect(&session, &ModelSession::runStored, this, [&] { order << "stored"; });
        connect(&session, &ModelSession::storeFailed, this, [&] { order << "failed"; });
        connect(&session, &ModelSession::finished, this, [&] { order << "finished"; });
        QSignalSpy stored(&session, &ModelSession::runStored);
        QSignalSpy failed(&session, &ModelSession::storeFailed);
        QSignalSpy finished(&session, &ModelSession::finished);
        session.analyze(request, &m_plugin, target);
        QVERIFY(finished.wait(60000));
        const AnalysisResult result = finished.first().first().value<AnalysisResult>();
        QCOMPARE(result.steps.size(), 2);
        if (!writable) {
            QCOMPARE(order, QStringList({"failed", "finished"}));
            QVERIFY2(failed.first().first().toString().contains(dir.path()),
                     qPrintable(failed.first().first().toString()));
            QCOMPARE(result.runId, 0);
            return;
        }
        QCOMPARE(order, QStringList({"stored", "finished"}));
        const auto record = stored.first().first().value<store::RunRecord>();
        QVERIFY(result.runId > 0);
        QCOMPARE(record.id, result.runId);
        store::Database db;
        QString error;
        QVERIFY2(db.open(target.dbPath, &error), qPrintable(error));
        std::vector<store::FrameRouting> routing;
        const auto reopened = db.loadRun(result.runId, &routing, &error);
        QVERIFY2(reopened, qPrintable(error));
        QCOMPARE(int(routing.size()), 2);
        QCOMPARE(routing[1].layers[1].probs, result.steps[1].layers[1].probs);
    }

#ifdef Q_OS_LINUX
    // Jobs yield the CPU to the window: their thread runs 10 nice levels
    // below the thread that made the queue.
    void jobsRunBelowTheWindow()
    {
        const int mine = getpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)));
        std::atomic_int jobNice{-100};
        JobQueue queue(QStringLiteral("test-queue"));
        auto job = QSharedPointer<ProbeJob>::create(QStringLiteral("probe"), nullptr, [&] {
            jobNice = getpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)));
            return true;
        });
        QSignalSpy done(job.data(), &Job::done);
        queue.enqueue(job);
        QVERIFY(done.wait(20000));
        QCOMPARE(jobNice.load(), std::min(19, mine + 10));
    }
#endif

    // Batchable steps: the next batch is prepared on another thread while
    // the model runs on this one, yet the plugin is never called by two
    // threads at once, and the result is the one prepared in order.
    void nextBatchPreparedDuringTheForward()
    {
        ModelSession session;
        QVERIFY(loadModel(session));
        WatchedPlugin watched;
        AnalysisRequest request;
        request.image = movingSquare(8);
        request.batchSize = 2;
        QSignalSpy finished(&session, &ModelSession::finished);
        session.analyze(request, &watched);
        QVERIFY(finished.wait(60000));
        const AnalysisResult result = finished.first().first().value<AnalysisResult>();
        QVERIFY(!watched.overlapped);
        QVERIFY(watched.prepareThreads.size() > 1);

        session.analyze(request, &m_plugin); // the plain plugin, same frames
        QVERIFY(finished.wait(60000));
        const AnalysisResult plain = finished.last().first().value<AnalysisResult>();
        QCOMPARE(result.steps.size(), 8);
        for (int i = 0; i < 8; ++i) {
            QCOMPARE(result.steps[i].step, i);
            QCOMPARE(result.steps[i].layers[1].probs, plain.steps[i].layers[1].probs);
        }
    }

    void cancelStopsBetweenSteps()
    {
        ModelSession session;
        QVERIFY(loadModel(session));
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

    // Two runs queued on one session, then Esc: both stop (the second never
    // starts); a third run queued afterwards is not touched by that cancel.
    void cancelReachesQueuedRuns()
    {
        ModelSession session;
        QVERIFY(loadModel(session));
        QSignalSpy finished(&session, &ModelSession::finished);
        QSignalSpy busy(&session, &ModelSession::busyChanged);
        AnalysisRequest request;
        request.image = movingSquare(400);
        request.requestId = 1;
        session.analyze(request, &m_plugin);
        request.requestId = 2;
        session.analyze(request, &m_plugin);
        QCOMPARE(session.pendingJobs(), 2);
        session.cancel();
        QVERIFY(waitFor([&] { return finished.size() == 2; }, 120000));
        const auto first = finished.at(0).first().value<AnalysisResult>();
        const auto second = finished.at(1).first().value<AnalysisResult>();
        QCOMPARE(first.requestId, quint64(1));
        QCOMPARE(second.requestId, quint64(2));
        QVERIFY(first.cancelled);
        QVERIFY(second.cancelled);
        QVERIFY(second.steps.isEmpty());
        QVERIFY(!session.isBusy());
        QCOMPARE(busy.size(), 2);

        request = AnalysisRequest();
        request.image = movingSquare(2);
        request.requestId = 3;
        session.analyze(request, &m_plugin);
        QVERIFY(finished.wait(60000));
        const auto third = finished.last().first().value<AnalysisResult>();
        QCOMPARE(third.requestId, quint64(3));
        QVERIFY(!third.cancelled);
        QCOMPARE(third.steps.size(), 2);
    }

    // Two models, two sessions, one run each at the same time.
    void twoSessionsAtOnce()
    {
        ModelSession one, two;
        QSignalSpy loadedOne(&one, &ModelSession::modelLoaded);
        QSignalSpy loadedTwo(&two, &ModelSession::modelLoaded);
        one.load(kModel, QStringLiteral("cpu"));
        two.load(QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/models/us-m2dino-tiny.pt"),
                 QStringLiteral("cpu"));
        QVERIFY(waitFor([&] { return loadedOne.size() == 1 && loadedTwo.size() == 1; }, 120000));
        QSignalSpy doneOne(&one, &ModelSession::finished), doneTwo(&two, &ModelSession::finished);
        AnalysisRequest request;
        request.image = movingSquare(6);
        one.analyze(request, &m_plugin);
        two.analyze(request, &m_plugin);
        QVERIFY(one.isBusy() && two.isBusy());
        QVERIFY(waitFor([&] { return doneOne.size() == 1 && doneTwo.size() == 1; }, 120000));
        const auto a = doneOne.first().first().value<AnalysisResult>();
        const auto b = doneTwo.first().first().value<AnalysisResult>();
        QCOMPARE(a.steps.size(), 6);
        QCOMPARE(b.steps.size(), 6);
        QVERIFY(a.modelName != b.modelName);
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
