#pragma once
// Jobs in the manner of QGIS's QgsTask: run() works on a queue's own thread
// with its own progress and cancellation; finished() comes back on the main
// thread, where the job hands its results on as values.
//
// A JobQueue runs its jobs one at a time, in order, on one thread that lives
// as long as the queue (a model's engine and a Qt Sql connection belong to
// one thread). Two queues (two model sessions) work at once. Every job has
// its own cancel flag: cancelling a queued job means it never runs, and a
// job enqueued later is not touched by an earlier cancel.

#include <QObject>
#include <QSharedPointer>
#include <QString>
#include <QVariant>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace moescope {

enum class JobState { Queued, Running, Finished, Failed, Cancelled };

QString toString(JobState state);

class Job;

// What run() reports through; safe to use from the job's thread.
class JobFeedback
{
public:
    explicit JobFeedback(Job *job) : m_job(job) {}
    bool isCancelled() const;
    // For code that polls a flag between steps (runAnalysis, indexGallery).
    const std::atomic_bool *cancelFlag() const;
    // Delivered to the main thread as Job::progressChanged.
    void setProgress(int done, int total, const QString &what = {});
    // A partial result (a value) delivered to the main thread as
    // Job::partialResult.
    void setPartial(const QVariant &partial);

private:
    Job *m_job;
};

class Job : public QObject
{
    Q_OBJECT
public:
    explicit Job(QString description, QObject *parent = nullptr);
    ~Job() override;

    quint64 id() const { return m_id; }
    QString description() const { return m_description; }
    JobState state() const { return m_state; } // as the main thread last heard
    QString errorMessage() const { return m_error; }

    // Any thread. A queued job will not run (it finishes as Cancelled); a
    // running one is asked to stop at its next check.
    void cancel() { m_cancel.store(true); }
    bool isCancelRequested() const { return m_cancel.load(); }

Q_SIGNALS:
    void progressChanged(int done, int total, const QString &what);
    void partialResult(const QVariant &partial);
    // Once, on the main thread, after finished().
    void done(moescope::JobState state);

protected:
    // On the queue's thread. Return false with `error` on failure; a job
    // that stops because it was cancelled returns true (and may keep partial
    // results: the state is then Cancelled).
    virtual bool run(JobFeedback &feedback, QString *error) = 0;
    // On the main thread, after run() or instead of it when the job was
    // cancelled while queued (`ran` false).
    virtual void finished(JobState state, const QString &error, bool ran);

private:
    friend class JobQueue;
    friend class JobFeedback;

    const quint64 m_id;
    const QString m_description;
    std::atomic_bool m_cancel{false};
    JobState m_state = JobState::Queued;
    QString m_error;
};

class JobQueue : public QObject
{
    Q_OBJECT
public:
    explicit JobQueue(const QString &threadName, QObject *parent = nullptr);
    // Cancels every job, waits for the one running, runs the thread's
    // cleanup and joins the thread. Jobs cancelled here get no finished().
    ~JobQueue() override;

    // Runs on the queue's thread just before it ends (to drop what belongs
    // to that thread: a database connection, an engine).
    void setThreadCleanup(std::function<void()> cleanup);

    void enqueue(const QSharedPointer<Job> &job);
    void cancelAll();
    bool cancel(quint64 jobId); // false when no such job is pending

    int pendingCount() const { return m_pending.size(); } // queued + running
    bool isBusy() const { return !m_pending.isEmpty(); }

Q_SIGNALS:
    void busyChanged(bool busy);
    void jobDone(quint64 jobId, moescope::JobState state);

private:
    void loop();
    void deliver(const QSharedPointer<Job> &job, JobState state, const QString &error, bool ran);

    QList<QSharedPointer<Job>> m_pending; // main thread's list
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<QSharedPointer<Job>> m_queue; // guarded by m_mutex
    bool m_stopping = false;                 // guarded by m_mutex
    std::function<void()> m_cleanup;
    std::thread m_thread;
    QString m_threadName;
};

} // namespace moescope

Q_DECLARE_METATYPE(moescope::JobState)
