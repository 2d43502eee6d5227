#include "batchanalysis.h"
#include "retrieval.h"
#include "storedrun.h"

#include "plugin/pluginregistry.h"
#include "plugin/sceneopener.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>
#include <QTextStream>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace moescope {

namespace {

// The translation context lupdate sees (and the one used at run time).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::Batch)
};

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

quint64 fnv1a(const QByteArray &bytes)
{
    quint64 h = 14695981039346656037ull;
    for (const char c : bytes) {
        h ^= quint8(c);
        h *= 1099511628211ull;
    }
    return h;
}

QJsonArray maskJson(const std::vector<float> &mask)
{
    QJsonArray a;
    for (float v : mask)
        a.append(double(v));
    return a;
}

// One file as the decoder thread hands it over.
struct Decoded
{
    BatchFile file;
    std::optional<OpenedScene> scene;
    QString error;       // set: the file failed before the model
    qint64 knownRun = 0; // set: analysed before, skipped
    double decodeMs = 0;
};

// A bounded queue between two threads (the decoder and the model, the model
// and the writer): the producer waits when `capacity` items are waiting
// (memory stays bounded), the consumer when none is.
template <typename T> class BoundedQueue
{
public:
    explicit BoundedQueue(size_t capacity) : m_capacity(capacity) {}

    // False when the consumer stopped: drop the item, stop producing.
    bool push(T &&item)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || m_items.size() < m_capacity; });
        if (m_stopped)
            return false;
        m_items.push_back(std::move(item));
        m_changed.notify_all();
        return true;
    }
    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_changed.notify_all();
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_items.clear();
        m_changed.notify_all();
    }
    // nullopt once the producer finished and everything was taken.
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_finished || !m_items.empty(); });
        if (m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_changed.notify_all();
        return item;
    }
    bool ready() const
    {
        std::lock_guard lock(m_mutex);
        return m_finished || !m_items.empty();
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<T> m_items;
    size_t m_capacity;
    bool m_finished = false;
    bool m_stopped = false;
};

// Reads, hashes and decodes the files in order, skipping those analysed
// before; runs on its own thread with its own database connection.
void decodeFiles(const BatchRequest &request, PluginRegistry &registry,
                 BoundedQueue<Decoded> &queue)
{
    store::Database lookup;
    QString dbError;
    const bool canLookUp = request.store && lookup.open(request.databasePath, &dbError);
    const QJsonArray mask = maskJson(request.expertMask);
    auto knownRun = [&](const QString &sha) -> qint64 {
        if (!canLookUp || sha.isEmpty())
            return 0;
        QString ignored; // a failed lookup analyses the file again: never a wrong skip
        return lookup.findRun(request.modelSha256, sha, mask, &ignored).value_or(0);
    };
    for (const BatchFile &file : request.files) {
        QElapsedTimer t;
        t.start();
        Decoded d;
        d.file = file;
        LoadOptions options = request.loadOptions;
        const QFileInfo info(file.path);
        if (!info.exists()) {
            d.error = Tr::tr("%1: no such file or folder").arg(native(file.path));
        } else if (info.isFile()) {
            QString cause;
            const std::optional<QString> sha = store::Database::sha256OfFile(file.path, &cause);
            if (!sha)
                d.error = cause;
            else if ((d.knownRun = knownRun(*sha)) == 0)
                options.fileSha256 = sha->toLatin1();
        }
        if (d.error.isEmpty() && !d.knownRun) {
            QString cause;
            d.scene = openScene(registry, file.path, options, &cause);
            if (!d.scene)
                d.error = cause;
            else if (const QString sha = QString::fromLatin1(d.scene->source->sha256());
                     sha != QString::fromLatin1(options.fileSha256))
                d.knownRun = knownRun(sha); // a series or a plugin's scene: its own content key
            if (d.knownRun)
                d.scene.reset();
        }
        d.decodeMs = t.nsecsElapsed() / 1e6;
        if (!queue.push(std::move(d)))
            return;
    }
    queue.finish();
}

QString predictedLabel(const QJsonObject &outputs)
{
    for (auto it = outputs.begin(); it != outputs.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        if (o.value(QStringLiteral("kind")).toString() == QLatin1String("classes"))
            return o.value(QStringLiteral("top"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("label"))
                .toString();
    }
    return {};
}

} // namespace

std::optional<QList<BatchFile>> listBatchInput(const QString &input, QString *error)
{
    const QFileInfo info(input);
    QList<BatchFile> files;
    if (info.isDir()) {
        const QDir root(info.absoluteFilePath());
        for (const QString &path : galleryCandidates(info.absoluteFilePath()))
            files.append({path, root.relativeFilePath(path)});
    } else if (info.isFile()) {
        QFile list(input);
        if (!list.open(QIODevice::ReadOnly | QIODevice::Text)) {
            *error = Tr::tr("%1: cannot read the list (%2)").arg(native(input), list.errorString());
            return std::nullopt;
        }
        const QDir base = info.absoluteDir();
        QTextStream in(&list);
        while (!in.atEnd()) {
            const QString line = in.readLine().trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            files.append({QDir::cleanPath(base.absoluteFilePath(line)), line});
        }
    } else {
        *error = Tr::tr("%1: no such file or folder").arg(native(input));
        return std::nullopt;
    }
    if (files.isEmpty()) {
        *error = info.isDir()
                     ? Tr::tr("%1: no files to analyse (the folder is empty)").arg(native(input))
                     : Tr::tr("%1: the list names no file").arg(native(input));
        return std::nullopt;
    }
    std::sort(files.begin(), files.end(),
              [](const BatchFile &a, const BatchFile &b) { return a.key < b.key; });
    return files;
}

bool parseShard(const QString &text, int *index, int *count)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    bool okIndex = false, okCount = false;
    if (parts.size() != 2)
        return false;
    *index = parts[0].toInt(&okIndex);
    *count = parts[1].toInt(&okCount);
    return okIndex && okCount && *count >= 1 && *index >= 1 && *index <= *count;
}

QList<BatchFile> shardOf(const QList<BatchFile> &files, int index, int count)
{
    QList<BatchFile> share;
    for (const BatchFile &f : files)
        if (fnv1a(f.key.toUtf8()) % quint64(count) == quint64(index - 1))
            share.append(f);
    return share;
}

void BatchReport::add(const AnalysisResult &result)
{
    images += result.stepsRun;
    forwardMs += result.timings.forwardMs + result.timings.transferMs;
    preprocessMs += result.timings.preprocessMs;
    routingMs += result.timings.routingMs;
    postprocessMs += result.timings.postprocessMs + result.timings.housekeepingMs;
}

QJsonObject BatchReport::toJson(bool keepPaths) const
{
    QJsonArray list;
    for (const BatchFileResult &f : files) {
        const QString name = QFileInfo(f.file.path).fileName();
        QJsonObject o{{"path", keepPaths ? f.file.path : name}};
        if (keepPaths)
            o.insert(QStringLiteral("key"), f.file.key);
        switch (f.status) {
        case BatchFileResult::Status::Analysed:
            o.insert(QStringLiteral("status"), QStringLiteral("analysed"));
            break;
        case BatchFileResult::Status::Skipped:
            o.insert(QStringLiteral("status"), QStringLiteral("skipped"));
            break;
        case BatchFileResult::Status::Failed:
            o.insert(QStringLiteral("status"), QStringLiteral("failed"));
            o.insert(QStringLiteral("error"),
                     keepPaths ? f.message : QString(f.message).replace(f.file.path, name));
            break;
        }
        if (f.runId)
            o.insert(QStringLiteral("run_id"), f.runId);
        if (!f.predicted.isEmpty())
            o.insert(QStringLiteral("predicted"), f.predicted);
        list.append(o);
    }
    return {{"files", list},
            {"analysed", analysed},
            {"skipped", skipped},
            {"failed", failed},
            {"images", images},
            {"seconds", seconds},
            {"files_per_s", seconds > 0 ? analysed / seconds : 0.0},
            {"images_per_s", seconds > 0 ? images / seconds : 0.0},
            {"forward_ms", forwardMs},
            {"preprocess_ms", preprocessMs},
            {"routing_ms", routingMs},
            {"postprocess_ms", postprocessMs},
            {"decode_ms", decodeMs},
            {"store_ms", storeMs},
            {"wait_ms", waitMs},
            {"cancelled", cancelled}};
}

bool runBatch(model::Engine &engine, const TaskPlugin &plugin, PluginRegistry &registry,
              store::Database &db, const BatchRequest &request, const std::atomic_bool *cancel,
              const BatchProgress &progress, const BatchFileHandler &onFile, BatchReport *report,
              QString *error)
{
    QElapsedTimer wall;
    wall.start();
    *report = {};
    const model::ModelContract &contract = engine.contract();
    const int batch = std::max(1, request.batchSize);
    const int total = int(request.files.size());
    // Files stacked into one analysis: several forward calls' worth, so that
    // runAnalysis prepares the next batch (resizing, normalising) on another
    // thread while the model runs this one.
    const int chunk = 4 * batch;
    BoundedQueue<Decoded> queue(size_t(chunk + batch));
    // Plugins that open some of the files themselves are loaded here, on the
    // calling thread: a plugin object created on the decoder thread would
    // live in a thread that ends with the batch.
    QSet<QString> suffixes;
    for (const BatchFile &f : request.files)
        if (const QString suffix = QFileInfo(f.path).suffix().toLower();
            !suffixes.contains(suffix)) {
            suffixes.insert(suffix);
            registry.pluginForFile(f.path);
        }
    std::thread decoder([&] { decodeFiles(request, registry, queue); });

    // Files of one shape stack into one forward call when every step of the
    // model depends on its own picture only: a plugin whose steps are
    // batchable and stateless, a model whose inputs are one image (plus
    // choices and the expert mask), single pictures the host decoded whole,
    // alike in everything the preprocessing reads.
    const TaskCapabilities caps = plugin.capabilities();
    bool stackable = caps.testFlag(TaskCapability::Batchable) &&
                     !caps.testFlag(TaskCapability::Stateful) &&
                     !caps.testFlag(TaskCapability::Tiled);
    int images = 0;
    for (const model::InputSpec &in : contract.inputs) {
        images += in.kind == model::InputKind::Image;
        stackable &= in.kind != model::InputKind::Vector;
    }
    stackable &= images == 1;
    auto single = [&](const Decoded &d) {
        const ImageStack *s =
            d.scene && d.scene->image && !d.scene->openedBy ? d.scene->image.get() : nullptr;
        return s && s->frameCount == 1 && !s->imagingRegion.isValid() ? s : nullptr;
    };
    auto alike = [](const ImageStack &a, const ImageStack &b) {
        return a.width == b.width && a.height == b.height && a.channels == b.channels &&
               a.photometric == b.photometric && a.modality == b.modality &&
               a.window.valid() == b.window.valid() && a.window.center == b.window.center &&
               a.window.width == b.window.width;
    };

    // The report is written by the model thread (failures, skips) and the
    // writer thread (stored files).
    std::mutex reportMutex;
    auto finished = [&](BatchFileResult &&r) {
        std::lock_guard lock(reportMutex);
        switch (r.status) {
        case BatchFileResult::Status::Analysed:
            ++report->analysed;
            break;
        case BatchFileResult::Status::Skipped:
            ++report->skipped;
            break;
        case BatchFileResult::Status::Failed:
            ++report->failed;
            break;
        }
        const QString path = r.file.path;
        report->files.append(std::move(r));
        if (progress)
            progress(int(report->files.size()), total, path);
    };
    auto failed = [&](const BatchFile &file, const QString &message) {
        BatchFileResult r;
        r.file = file;
        r.message = message;
        finished(std::move(r));
    };

    // Storing (each file its own transaction) and the caller's onFile run on a
    // writer thread, so the model goes on with the next files meanwhile.
    struct Finished
    {
        Decoded decoded;
        AnalysisResult result;
    };
    BoundedQueue<Finished> toStore(size_t(2 * chunk));
    std::atomic_bool dbFailed{false};
    QString dbError;
    auto writeAll = [&] {
        store::Database writer;
        if (request.store && !writer.open(db.path(), &dbError)) {
            dbFailed = true;
            toStore.stop();
            return;
        }
        while (std::optional<Finished> f = toStore.pop()) {
            BatchFileResult r;
            r.file = f->decoded.file;
            r.status = BatchFileResult::Status::Analysed;
            if (!f->result.steps.isEmpty())
                r.outputs = f->result.steps.first().outputs;
            r.predicted = predictedLabel(r.outputs);
            QElapsedTimer t;
            t.start();
            if (request.store &&
                !storeAnalysis(writer, &f->result, SceneDescription::of(*f->decoded.scene->source),
                               contract, request.expertMask, &dbError)) {
                // Full disk, read-only, locked: every later file would fail too.
                dbFailed = true;
                toStore.stop();
                return;
            }
            r.runId = f->result.runId;
            QString cause;
            if (onFile && !onFile(r, f->result, *f->decoded.scene, &cause)) {
                QString ignored;
                if (r.runId)
                    writer.deleteRun(r.runId, &ignored); // nothing half-written
                failed(r.file, cause);
                continue;
            }
            {
                std::lock_guard lock(reportMutex);
                report->storeMs += t.nsecsElapsed() / 1e6;
            }
            finished(std::move(r));
        }
    };
    std::thread writerThread(writeAll);
    auto store = [&](const Decoded &d, AnalysisResult &&result) {
        toStore.push({d, std::move(result)});
    };

    auto analysisOf = [&](QSharedPointer<const SceneSource> source,
                          QSharedPointer<const ImageStack> image) {
        AnalysisRequest analysis;
        analysis.source = std::move(source);
        analysis.image = std::move(image);
        analysis.batchSize = batch;
        analysis.options = request.options;
        analysis.expertMask = request.expertMask;
        return analysis;
    };

    // Runs one file alone (its frames batched inside).
    auto runAlone = [&](const Decoded &d) {
        const AnalysisRequest analysis = analysisOf(d.scene->source, {});
        AnalysisResult result;
        QString cause;
        if (!runAnalysis(engine, plugin, analysis, nullptr, {}, &result, &cause)) {
            failed(d.file, native(d.file.path) + QStringLiteral(": ") + cause);
            return;
        }
        result.modelSha256 = request.modelSha256;
        report->add(result);
        store(d, std::move(result));
    };

    // Runs files of one shape as the frames of one stack (up to `chunk`), one
    // forward call per `batch` of them, and stores each as its own run.
    std::vector<Decoded> pending;
    auto flush = [&] {
        if (pending.size() == 1)
            runAlone(pending.front());
        if (pending.size() <= 1) {
            pending.clear();
            return;
        }
        std::vector<const ImageStack *> frames;
        for (const Decoded &d : pending)
            frames.push_back(single(d));
        const AnalysisRequest analysis = analysisOf({}, stackOfFrames(frames));
        AnalysisResult result;
        QString cause;
        if (!runAnalysis(engine, plugin, analysis, nullptr, {}, &result, &cause)) {
            // Which file the model fails on is found by running them alone.
            for (const Decoded &d : pending)
                runAlone(d);
            pending.clear();
            return;
        }
        report->add(result);
        // Each file's run: the stack's result with that file's step only
        // (moved, not copied: a chunk's routing is large).
        QVector<StepResult> steps = std::move(result.steps);
        result.steps.clear();
        for (size_t i = 0; i < pending.size() && !dbFailed; ++i) {
            const Decoded &d = pending[i];
            const ImageStack &image = *single(d);
            AnalysisResult one = result;
            for (StepResult &step : steps)
                if (step.step == int(i)) {
                    one.steps.append(std::move(step));
                    one.steps.back().step = 0;
                }
            one.stepCount = one.stepsRun = 1;
            one.imagePath = image.sourcePath;
            one.imageSha256 = QString::fromLatin1(image.sha256);
            one.modelSha256 = request.modelSha256;
            one.sceneSize = QSize(image.width, image.height);
            for (double *ms :
                 {&one.timings.preprocessMs, &one.timings.forwardMs, &one.timings.transferMs,
                  &one.timings.routingMs, &one.timings.postprocessMs, &one.timings.housekeepingMs,
                  &one.timings.totalMs})
                *ms /= double(pending.size());
            one.warnings = plugin.inputWarnings(contract, image);
            store(d, std::move(one));
        }
        pending.clear();
    };

    QElapsedTimer waited;
    while (!dbFailed) {
        if (cancel && cancel->load()) {
            report->cancelled = true;
            break;
        }
        // Run what is pending rather than wait for the decoder to fill a batch.
        if (!pending.empty() && !queue.ready())
            flush();
        waited.start();
        std::optional<Decoded> next = queue.pop();
        report->waitMs += waited.nsecsElapsed() / 1e6;
        if (!next)
            break;
        report->decodeMs += next->decodeMs;
        if (!next->error.isEmpty()) {
            failed(next->file, next->error);
            continue;
        }
        if (next->knownRun) {
            BatchFileResult r;
            r.file = next->file;
            r.status = BatchFileResult::Status::Skipped;
            r.runId = next->knownRun;
            finished(std::move(r));
            continue;
        }
        const ImageStack *image = stackable ? single(*next) : nullptr;
        if (!image) {
            flush();
            runAlone(*next);
            continue;
        }
        if (!pending.empty() && !alike(*single(pending.front()), *image))
            flush();
        pending.push_back(std::move(*next));
        if (int(pending.size()) >= chunk)
            flush();
    }
    if (!dbFailed)
        flush(); // the files in hand are finished, also on Ctrl-C
    queue.stop();
    decoder.join();
    toStore.finish();
    writerThread.join();
    report->seconds = wall.nsecsElapsed() / 1e9;
    if (dbFailed)
        *error = dbError;
    return !dbFailed;
}

} // namespace moescope
