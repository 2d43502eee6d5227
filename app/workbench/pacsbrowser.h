#pragma once
// Open from PACS, without widgets: searches a DICOM node for studies and
// series and retrieves one into the cache, each call on the thread pool so
// the window never waits on the network. Results come back as signals on the
// thread that owns the browser. One request at a time; a new one, cancel()
// or the browser's destruction abandons the one before (its C-GET is
// cancelled; a C-FIND ends at the node's timeout, unheard).

#include "pacs/pacsclient.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace moescope {

class PacsBrowser : public QObject
{
    Q_OBJECT
public:
    explicit PacsBrowser(QObject *parent = nullptr);
    ~PacsBrowser() override;

    void echo(const pacs::Node &node);
    void findStudies(const pacs::Node &node, const pacs::StudyQuery &query);
    void findSeries(const pacs::Node &node, const QString &studyUid);
    // Into pacs::Client::cacheFolder(); a series already there whole is
    // not fetched again.
    void retrieve(const pacs::Node &node, const QString &studyUid, const QString &seriesUid,
                  int expectedInstances);
    void cancel();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void echoed(const QString &address);
    void studiesFound(const QList<moescope::pacs::Study> &studies);
    void seriesFound(const QList<moescope::pacs::Series> &series);
    void progress(int received, int total);
    // The folder of the series and its files, sorted.
    void retrieved(const QString &folder, const QStringList &files);
    void failed(const QString &message);
    void busyChanged(bool busy);

private:
    struct Result;
    void start(std::function<Result(const std::atomic_bool &cancel,
                                    const std::function<void(int, int)> &progress)>
                   work);
    void setBusy(bool busy);

    // Each request's cancel flag; the worker holds it too, so it outlives us.
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_request = 0;
    bool m_busy = false;
};

} // namespace moescope
