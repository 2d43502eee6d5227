#include "pacsbrowser.h"

#include <QCoreApplication>
#include <QDir>
#include <QPointer>
#include <QThreadPool>

namespace moescope {

struct PacsBrowser::Result
{
    enum Kind { Echo, Studies, Series, Files } kind = Echo;
    QString error;
    QString address;
    QList<pacs::Study> studies;
    QList<pacs::Series> series;
    QString folder;
    QStringList files;
};

PacsBrowser::PacsBrowser(QObject *parent) : QObject(parent) {}

PacsBrowser::~PacsBrowser()
{
    cancel();
}

void PacsBrowser::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_request; // whatever is on its way is not for us any more
    setBusy(false);
}

void PacsBrowser::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void PacsBrowser::start(
    std::function<Result(const std::atomic_bool &, const std::function<void(int, int)> &)> work)
{
    cancel();
    auto flag = std::make_shared<std::atomic_bool>(false);
    m_cancel = flag;
    const quint64 request = ++m_request;
    setBusy(true);
    // The worker reaches back only through a QPointer, checked in this
    // thread: a browser gone or a request superseded hears nothing.
    QPointer<PacsBrowser> self(this);
    auto deliver = [self, request](auto &&apply) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, request, apply = std::forward<decltype(apply)>(apply)] {
                if (self && self->m_request == request)
                    apply(self.data());
            },
            Qt::QueuedConnection);
    };
    QThreadPool::globalInstance()->start([work = std::move(work), flag, deliver] {
        const auto progress = [&](int received, int total) {
            deliver([received, total](PacsBrowser *b) { Q_EMIT b->progress(received, total); });
        };
        Result result = work(*flag, progress);
        deliver([result = std::move(result)](PacsBrowser *b) {
            b->m_cancel.reset();
            b->setBusy(false);
            if (!result.error.isEmpty()) {
                Q_EMIT b->failed(result.error);
                return;
            }
            switch (result.kind) {
            case Result::Echo:
                Q_EMIT b->echoed(result.address);
                break;
            case Result::Studies:
                Q_EMIT b->studiesFound(result.studies);
                break;
            case Result::Series:
                Q_EMIT b->seriesFound(result.series);
                break;
            case Result::Files:
                Q_EMIT b->retrieved(result.folder, result.files);
                break;
            }
        });
    });
}

void PacsBrowser::echo(const pacs::Node &node)
{
    start([node](const std::atomic_bool &, const std::function<void(int, int)> &) {
        Result r;
        r.kind = Result::Echo;
        r.address = node.address();
        pacs::Client(node).echo(&r.error);
        return r;
    });
}

void PacsBrowser::findStudies(const pacs::Node &node, const pacs::StudyQuery &query)
{
    start([node, query](const std::atomic_bool &, const std::function<void(int, int)> &) {
        Result r;
        r.kind = Result::Studies;
        if (auto studies = pacs::Client(node).findStudies(query, &r.error))
            r.studies = *studies;
        return r;
    });
}

void PacsBrowser::findSeries(const pacs::Node &node, const QString &studyUid)
{
    start([node, studyUid](const std::atomic_bool &, const std::function<void(int, int)> &) {
        Result r;
        r.kind = Result::Series;
        if (auto series = pacs::Client(node).findSeries(studyUid, &r.error))
            r.series = *series;
        return r;
    });
}

void PacsBrowser::retrieve(const pacs::Node &node, const QString &studyUid,
                           const QString &seriesUid, int expectedInstances)
{
    start([=](const std::atomic_bool &cancel, const std::function<void(int, int)> &progress) {
        Result r;
        r.kind = Result::Files;
        r.folder = pacs::Client::cacheFolder(studyUid, seriesUid);
        // Retrieved before, whole: the cache answers. (A cancelled or failed
        // retrieval leaves nothing, so a full folder is a whole series.)
        const QStringList cached =
            QDir(r.folder).entryList({QStringLiteral("*.dcm")}, QDir::Files, QDir::Name);
        if (expectedInstances > 0 && cached.size() == expectedInstances) {
            for (const QString &name : cached)
                r.files << QDir(r.folder).filePath(name);
            return r;
        }
        if (auto files =
                pacs::Client(node).get(studyUid, seriesUid, r.folder, progress, &cancel, &r.error))
            r.files = *files;
        return r;
    });
}

} // namespace moescope
