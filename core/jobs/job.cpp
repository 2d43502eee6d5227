#include "job.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QThread>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace moescope {

namespace {
std::atomic<quint64> g_nextJobId{1};

// Jobs are background work: the queue's thread, and the OpenMP and reader
// threads it starts (which inherit it), yield the CPU to the window's
// thread. On 2 cores a run's two OpenMP threads otherwise hold both, and
// the window waited 20-40 ms for a core to draw a result it already had.
void lowerThreadPriority()
{
#ifdef Q_OS_LINUX
    const auto tid = id_t(syscall(SYS_gettid));
    const int current = getpriority(PRIO_PROCESS, tid);
    setpriority(PRIO_PROCESS, tid, std::min(19, current + 10));
#endif
}
} // namespace

QString toString(JobState state)
{
    switch (state) {
    case JobState::Queued:
        return QStringLiteral("queued");
    case JobState::Running:
        return QStringLiteral("running");
    case JobState::Finished:
        return QStringLiteral("finished");
    case JobState::Failed:
        return QStringLiteral("failed");
    case JobState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

bool JobFeedback::isCancelled() const
{
    return m_job->m_cancel.load();
}

const std::atomic_bool *JobFeedback::cancelFlag() const
{
    return &m_job->m_cancel;
}

void JobFeedback::setPartial(const QVariant &partial)
{
    QPointer<Job> job(m_job);
    QMetaObject::invokeMethod(
        m_job,
        [job, partial] {
            if (job)
                Q_EMIT job->partialResult(partial);
        },
        Qt::QueuedConnection);
}

void JobFeedback::setProgress(int done, int total, const QString &what)
{
    QPointer<Job> job(m_job);
    QMetaObject::invokeMethod(
        m_job,
        [job, done, total, what] {
            if (job)
                Q_EMIT job->progressChanged(done, total, what);
        },
        Qt::QueuedConnection);
}

Job::Job(QString description, QObject *parent)
    : QObject(parent), m_id(g_nextJobId.fetch_add(1)), m_description(std::move(description))
{
    qRegisterMetaType<moescope::JobState>();
}

Job::~Job() = default;

void Job::finished(JobState, const QString &, bool) {}

JobQueue::JobQueue(const QString &threadName, QObject *parent)
    : QObject(parent), m_threadName(threadName)
{
    m_thread = std::thread([this] { loop(); });
}

JobQueue::~JobQueue()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
        for (const QSharedPointer<Job> &job : m_queue)
            job->cancel();
        m_queue.clear();
    }
    for (const QSharedPointer<Job> &job : std::as_const(m_pending))
        job->cancel();
    m_wake.notify_all();
    m_thread.join();
}

void JobQueue::setThreadCleanup(std::function<void()> cleanup)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_cleanup = std::move(cleanup);
}

void JobQueue::enqueue(const QSharedPointer<Job> &job)
{
    const bool wasBusy = isBusy();
    m_pending.append(job);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(job);
    }
    m_wake.notify_one();
    if (!wasBusy)
        Q_EMIT busyChanged(true);
}

void JobQueue::cancelAll()
{
    for (const QSharedPointer<Job> &job : std::as_const(m_pending))
        job->cancel();
}

bool JobQueue::cancel(quint64 jobId)
{
    for (const QSharedPointer<Job> &job : std::as_const(m_pending)) {
        if (job->id() == jobId) {
            job->cancel();
            return true;
        }
    }
    return false;
}

void JobQueue::loop()
{
    if (!m_threadName.isEmpty())
        QThread::currentThread()->setObjectName(m_threadName);
    lowerThreadPriority();
    for (;;) {
        QSharedPointer<Job> job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                break;
            job = m_queue.front();
            m_queue.pop_front();
        }
        if (job->isCancelRequested()) {
            deliver(job, JobState::Cancelled, QString(), false);
            continue;
        }
        // The job is the call's context (the call goes with it) and is not
        // owned by it: an event that held the last reference would destroy
        // the job when Qt deletes the events left at exit, inside the lock
        // of the event list that ~QObject takes again (a deadlock).
        QMetaObject::invokeMethod(
            job.data(), [running = job.data()] { running->m_state = JobState::Running; },
            Qt::QueuedConnection);
        JobFeedback feedback(job.data());
        QString error;
        const bool ok = job->run(feedback, &error);
        const JobState state = !ok                        ? JobState::Failed
                               : job->isCancelRequested() ? JobState::Cancelled
                                                          : JobState::Finished;
        deliver(job, state, error, true);
    }
    std::function<void()> cleanup;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        cleanup = std::move(m_cleanup);
    }
    if (cleanup)
        cleanup();
}

void JobQueue::deliver(const QSharedPointer<Job> &job, JobState state, const QString &error,
                       bool ran)
{
    // Queued to the queue object, which lives on the main thread; when the
    // queue is being destroyed the call is dropped with it.
    QMetaObject::invokeMethod(
        this,
        [this, job, state, error, ran] {
            job->m_state = state;
            job->m_error = error;
            m_pending.removeOne(job);
            job->finished(state, error, ran);
            Q_EMIT job->done(state);
            Q_EMIT jobDone(job->id(), state);
            if (m_pending.isEmpty())
                Q_EMIT busyChanged(false);
        },
        Qt::QueuedConnection);
}

} // namespace moescope
