#include "retrieval.h"

#include "batchanalysis.h"

#include "image/imageloader.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

namespace moescope {

namespace {

// The translation context lupdate sees (and the one used at run time).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::Retrieval)
};

double msSince(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

// A small PNG of the frame for the result strip, in the file's own window.
QByteArray thumbnailPng(const ImageStack &image, int frame)
{
    QImage picture = image.toQImage(frame);
    if (picture.isNull())
        return {};
    picture = picture.scaled(96, 96, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, "PNG");
    return png;
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

bool findRetrievalOutputs(const model::ModelContract &contract, RetrievalOutputs *out,
                          QString *error)
{
    *out = {};
    if (const model::OutputSpec *e = contract.output("embedding");
        e && e->kind == model::OutputKind::Embedding)
        out->embedding = e->name;
    for (const model::OutputSpec &o : contract.outputs) {
        if (out->embedding.empty() && o.kind == model::OutputKind::Embedding)
            out->embedding = o.name;
        if (out->windows.empty() && o.kindText == "window_embeddings" && o.gridRows > 0 &&
            o.gridCols > 0) {
            out->windows = o.name;
            out->windowRows = o.gridRows;
            out->windowCols = o.gridCols;
        }
    }
    if (out->embedding.empty()) {
        if (error)
            *error =
                Tr::tr("model \"%1\" has no output of kind \"embedding\", so it cannot build or "
                       "search a gallery")
                    .arg(QString::fromStdString(contract.name));
        return false;
    }
    return true;
}

QJsonObject meanGates(const std::vector<routing::LayerRouting> &layers)
{
    QJsonObject gates;
    for (const routing::LayerRouting &layer : layers) {
        if (layer.tokens <= 0 || layer.experts <= 0)
            continue;
        QJsonObject experts;
        for (int e = 0; e < layer.experts; ++e) {
            double sum = 0;
            for (int t = 0; t < layer.tokens; ++t)
                sum += layer.prob(t, e);
            experts.insert(QString::fromStdString(layer.expertName(e)), sum / layer.tokens);
        }
        gates.insert(QString::fromStdString(layer.name), experts);
    }
    return gates;
}

bool retrievalEmbedding(const RetrievalOutputs &outputs, const StepResult &step,
                        RetrievalEmbedding *out, QString *error)
{
    *out = {};
    const auto e = step.rawOutputs.find(outputs.embedding);
    if (e == step.rawOutputs.end() || e->second.values.empty()) {
        if (error)
            *error = Tr::tr("the model returned no \"%1\"")
                         .arg(QString::fromStdString(outputs.embedding));
        return false;
    }
    out->embedding = e->second.values;
    for (float v : out->embedding) {
        if (!std::isfinite(v)) {
            if (error)
                *error = Tr::tr("the model's \"%1\" holds NaN or infinity")
                             .arg(QString::fromStdString(outputs.embedding));
            return false;
        }
    }
    retrieval::normalize(out->embedding.data(), out->embedding.size());
    if (!outputs.windows.empty()) {
        const auto w = step.rawOutputs.find(outputs.windows);
        const size_t count = size_t(outputs.windowRows) * size_t(outputs.windowCols);
        if (w != step.rawOutputs.end() && count > 0 && !w->second.values.empty() &&
            w->second.values.size() % count == 0) {
            out->windows = w->second.values;
            out->windowRows = outputs.windowRows;
            out->windowCols = outputs.windowCols;
            out->windowDim = int(out->windows.size() / count);
            for (size_t i = 0; i < count; ++i)
                retrieval::normalize(out->windows.data() + i * size_t(out->windowDim),
                                     size_t(out->windowDim));
        }
    }
    out->gates = meanGates(step.layers);
    return true;
}

bool checkGalleryModel(const store::GalleryInfo &gallery, const QString &modelSha256,
                       const QString &modelName, int embeddingDim, QString *error)
{
    if (gallery.modelSha256.compare(modelSha256, Qt::CaseInsensitive) != 0) {
        if (error)
            *error = Tr::tr("gallery \"%1\" was built by model %2 (sha256 %3…); %4 (sha256 %5…) is "
                            "another model, and its embeddings are not comparable: query it with "
                            "the model that built it, or index a new gallery")
                         .arg(gallery.name, gallery.modelName, gallery.modelSha256.left(12),
                              modelName, modelSha256.left(12));
        return false;
    }
    if (embeddingDim > 0 && gallery.dim != embeddingDim) {
        if (error)
            *error = Tr::tr("gallery \"%1\" holds %2-value embeddings; the model returns %3")
                         .arg(gallery.name)
                         .arg(gallery.dim)
                         .arg(embeddingDim);
        return false;
    }
    return true;
}

QStringList galleryCandidates(const QString &root)
{
    const QFileInfo info(root);
    if (info.isFile())
        return {info.absoluteFilePath()};
    if (!info.isDir())
        return {};
    // Companions and notes, not images: skipping them keeps the failure list
    // about real images. (.raw/.zraw are MetaImage data, read via the .mhd.)
    static const QStringList skipped = {
        QStringLiteral("txt"), QStringLiteral("md"),   QStringLiteral("json"),
        QStringLiteral("csv"), QStringLiteral("ini"),  QStringLiteral("label"),
        QStringLiteral("xml"), QStringLiteral("html"), QStringLiteral("py"),
        QStringLiteral("raw"), QStringLiteral("zraw"), QStringLiteral("sqlite"),
        QStringLiteral("db"),  QStringLiteral("log"),  QStringLiteral("pdf"),
        QStringLiteral("zip"), QStringLiteral("pt"),   QStringLiteral("npz"),
        QStringLiteral("npy")};
    QStringList files;
    QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::Readable | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo f(path);
        if (f.fileName().startsWith(QLatin1Char('.')) ||
            f.fileName().compare(QLatin1String("DICOMDIR"), Qt::CaseInsensitive) == 0)
            continue;
        if (skipped.contains(f.suffix().toLower()))
            continue;
        // Hidden folders beneath root (.git, .cache) are not part of a gallery.
        const QString rel = QDir(info.absoluteFilePath()).relativeFilePath(path);
        if (rel.startsWith(QLatin1Char('.')) || rel.contains(QLatin1String("/.")))
            continue;
        files << path;
    }
    files.sort();
    return files;
}

QString galleryLabel(const QString &root, const QString &file)
{
    const QFileInfo info(root);
    if (!info.isDir())
        return {};
    const QString rel = QDir(info.absoluteFilePath()).relativeFilePath(file);
    const int slash = rel.indexOf(QLatin1Char('/'));
    return slash > 0 ? rel.left(slash) : QString();
}

QJsonObject IndexReport::toJson() const
{
    return {{"files", files},
            {"sources_added", sourcesAdded},
            {"sources_skipped", sourcesSkipped},
            {"not_images", notImages},
            {"items_added", itemsAdded},
            {"failures", QJsonArray::fromStringList(failures)},
            {"warnings", QJsonArray::fromStringList(warnings)},
            {"cancelled", cancelled},
            {"created_gallery", createdGallery},
            {"seconds", seconds},
            {"forward_ms", forwardMs},
            {"images_per_s", seconds > 0 ? itemsAdded / seconds : 0.0}};
}

bool indexGallery(model::Engine &engine, const TaskPlugin &plugin, store::Database &db,
                  const IndexRequest &request, const std::atomic_bool *cancel,
                  const IndexProgress &progress, IndexReport *report, QString *error)
{
    QElapsedTimer wall;
    wall.start();
    *report = {};
    const model::ModelContract &contract = engine.contract();
    RetrievalOutputs outputs;
    if (!findRetrievalOutputs(contract, &outputs, error))
        return false;
    const QFileInfo rootInfo(request.root);
    if (!rootInfo.exists()) {
        *error = Tr::tr("%1: no such file or folder").arg(native(request.root));
        return false;
    }
    QStringList files = galleryCandidates(request.root);
    if (request.shardCount > 1 && !files.isEmpty()) {
        const QDir base(rootInfo.isDir() ? rootInfo.absoluteFilePath() : rootInfo.absolutePath());
        QList<BatchFile> all;
        for (const QString &f : std::as_const(files))
            all.append(BatchFile{f, base.relativeFilePath(f)});
        files.clear();
        for (const BatchFile &f : shardOf(all, request.shardIndex, request.shardCount))
            files << f.path;
        if (files.isEmpty()) {
            report->files = 0; // this shard's share is empty: nothing to do
            return true;
        }
    }
    report->files = int(files.size());
    if (files.isEmpty()) {
        *error = Tr::tr("%1: no files to index (the folder is empty)").arg(native(request.root));
        return false;
    }

    QString dbError;
    std::optional<store::GalleryInfo> gallery = db.findGallery(request.galleryName, &dbError);
    if (!gallery && !dbError.isEmpty()) {
        *error = dbError;
        return false;
    }
    const QString modelName = QString::fromStdString(contract.name);
    if (gallery && !checkGalleryModel(*gallery, request.modelSha256, modelName, 0, error))
        return false;
    qint64 galleryId = gallery ? gallery->id : 0;

    // Single slices of the same size that the model preprocesses alike share
    // one forward call (a batch is 2-3x cheaper per image than batch 1 on a
    // CPU); everything else (volumes, cines) runs file by file with frames
    // batched inside. Each file is still written in its own transaction.
    struct Pending
    {
        QString path;
        QString sha;
        QSharedPointer<const ImageStack> image;
    };
    std::vector<Pending> pending;
    const int batch = std::max(1, request.batchSize);
    const model::InputSpec *imageInput = nullptr;
    for (const model::InputSpec &in : contract.inputs)
        if (in.kind == model::InputKind::Image && !imageInput)
            imageInput = &in;
    // The model windows raw samples itself (HU windows in its contract), or
    // the files carry the same display window: then a frame's input does not
    // depend on the other frames of the stack it is in.
    auto batchable = [&](const ImageStack &a, const ImageStack &b) {
        if (a.frameCount != 1 || b.frameCount != 1 || a.width != b.width || a.height != b.height ||
            a.channels != b.channels || a.photometric != b.photometric ||
            a.imagingRegion.isValid() || b.imagingRegion.isValid())
            return false;
        if (contract.inputs.size() != 2 || !imageInput) // image + expert_mask only
            return false;
        if (!imageInput->windows.empty())
            return true;
        return a.window.valid() && b.window.valid() && a.window.center == b.window.center &&
               a.window.width == b.window.width;
    };
    bool stop = false; // a database failure: *error is set

    // Runs the pending files through the model and stores each one.
    auto flush = [&](const std::atomic_bool *flag) -> bool {
        if (pending.empty())
            return true;
        std::vector<Pending> files = std::move(pending);
        pending.clear();
        AnalysisRequest analysis;
        if (files.size() == 1) {
            analysis.image = files.front().image;
        } else {
            // One stack of the slices, frame i = file i.
            std::vector<const ImageStack *> frames;
            for (const Pending &f : files)
                frames.push_back(f.image.get());
            analysis.image = stackOfFrames(frames);
        }
        analysis.batchSize = batch;
        AnalysisResult result;
        QString cause;
        if (!runAnalysis(engine, plugin, analysis, flag, {}, &result, &cause)) {
            for (const Pending &f : files)
                report->failures << native(f.path) + QStringLiteral(": ") + cause;
            return true;
        }
        report->forwardMs += result.timings.forwardMs;
        if (result.cancelled) {
            report->cancelled = true; // none of these files is written: nothing half-indexed
            return false;
        }
        for (size_t fi = 0; fi < files.size(); ++fi) {
            const Pending &f = files[fi];
            // A stacked batch gives one step per file; a file alone, its frames.
            QList<const StepResult *> steps;
            for (const StepResult &step : std::as_const(result.steps))
                if (files.size() == 1 || step.step == int(fi))
                    steps.append(&step);
            std::vector<store::GalleryItem> items;
            const QString label = galleryLabel(request.root, f.path);
            bool ok = true;
            for (const StepResult *step : std::as_const(steps)) {
                const int frame = files.size() == 1 ? step->step : 0;
                RetrievalEmbedding e;
                if (!retrievalEmbedding(outputs, *step, &e, &cause)) {
                    report->failures
                        << Tr::tr("%1: frame %2: %3").arg(native(f.path)).arg(frame).arg(cause);
                    ok = false;
                    break;
                }
                store::GalleryItem item;
                item.sourceSha256 = f.sha;
                item.frame = frame;
                item.path = QFileInfo(f.path).absoluteFilePath();
                item.label = label;
                item.seriesUid = f.image->seriesUid;
                item.modality = f.image->modality;
                item.width = f.image->width;
                item.height = f.image->height;
                item.embedding = std::move(e.embedding);
                item.windows = std::move(e.windows);
                item.windowRows = e.windowRows;
                item.windowCols = e.windowCols;
                item.windowDim = e.windowDim;
                item.gates = e.gates;
                item.thumbnail = thumbnailPng(*f.image, frame);
                items.push_back(std::move(item));
            }
            if (!ok || items.empty())
                continue;
            if (!galleryId) {
                store::ModelRef model{request.modelSha256, modelName,
                                      QString::fromStdString(contract.task), request.modelPath,
                                      QString::fromStdString(contract.json)};
                const std::optional<qint64> id = db.createGallery(
                    request.galleryName, model, QString::fromStdString(outputs.embedding),
                    int(items.front().embedding.size()), error);
                // Another indexer may have created it since we looked: then
                // it is ours to fill if the same model made it.
                const std::optional<store::GalleryInfo> theirs =
                    id ? std::nullopt : db.findGallery(request.galleryName, &dbError);
                if (!id && !(theirs && checkGalleryModel(*theirs, request.modelSha256, modelName, 0,
                                                         error))) {
                    stop = true;
                    return false;
                }
                galleryId = id ? *id : theirs->id;
                report->createdGallery = bool(id);
            }
            bool alreadyThere = false; // another indexer added it since we looked
            const std::optional<std::vector<qint64>> ids =
                db.addGallerySource(galleryId, f.sha, QFileInfo(f.path).absoluteFilePath(), items,
                                    &dbError, &alreadyThere);
            if (!ids) {
                // The database itself failed (full disk, read-only, locked):
                // every later file would fail the same way, so stop with it.
                *error = dbError;
                stop = true;
                return false;
            }
            if (alreadyThere) {
                ++report->sourcesSkipped;
                return true;
            }
            ++report->sourcesAdded;
            report->itemsAdded += int(ids->size());
        }
        return true;
    };

    for (int i = 0; i < files.size(); ++i) {
        if (cancel && cancel->load()) {
            // The slices already read (fewer than a batch) are finished, so
            // "stop" keeps every file that was started.
            report->cancelled = true;
            flush(nullptr);
            break;
        }
        const QString &path = files[i];
        if (progress)
            progress(i, int(files.size()), path);
        QString cause;
        const std::optional<QString> sha = store::Database::sha256OfFile(path, &cause);
        if (!sha) {
            report->failures << cause;
            continue;
        }
        if (galleryId) {
            const std::optional<bool> known = db.hasGallerySource(galleryId, *sha, &dbError);
            if (!known) {
                *error = dbError;
                return false;
            }
            if (*known) {
                ++report->sourcesSkipped;
                continue;
            }
        }
        bool duplicate = false; // the same content twice in this batch
        for (const Pending &p : pending)
            duplicate = duplicate || p.sha == *sha;
        if (duplicate) {
            ++report->sourcesSkipped;
            continue;
        }
        LoadError loadError;
        LoadOptions options;
        options.fileSha256 = sha->toLatin1(); // hashed above: not again
        std::optional<ImageStack> image = ImageLoader::load(path, options, &loadError);
        if (!image && loadError.notAnImage) {
            ++report->notImages; // a README, the database's own -wal file: not the gallery's
            continue;
        }
        if (!image) {
            report->failures << loadError.message();
            continue;
        }
        for (const QString &w : plugin.inputWarnings(contract, *image))
            report->warnings << native(path) + QStringLiteral(": ") + w;
        auto shared = QSharedPointer<const ImageStack>::create(std::move(*image));
        // Slices already read are finished even when a cancel comes during
        // their forward pass (a batch is short), so a cancel keeps every file
        // started; a volume alone can be cancelled midway (and is not written).
        if (!pending.empty() && !batchable(*pending.front().image, *shared) && !flush(nullptr))
            break;
        pending.push_back({path, *sha, shared});
        if ((int(pending.size()) >= batch || shared->frameCount > 1) &&
            !flush(shared->frameCount > 1 ? cancel : nullptr))
            break;
    }
    if (stop) {
        report->galleryId = galleryId;
        report->seconds = msSince(wall) / 1000.0;
        return false;
    }
    if (!report->cancelled && !flush(cancel) && stop) {
        report->galleryId = galleryId;
        report->seconds = msSince(wall) / 1000.0;
        return false;
    }
    if (progress && !report->cancelled)
        progress(int(files.size()), int(files.size()), QString());
    report->galleryId = galleryId;
    report->seconds = msSince(wall) / 1000.0;
    if (!galleryId && !report->cancelled) {
        *error = Tr::tr("%1: none of %2 file(s) could be indexed%3")
                     .arg(native(request.root))
                     .arg(files.size())
                     .arg(report->failures.isEmpty()
                              ? QString()
                              : QStringLiteral("; first: ") + report->failures.first());
        return false;
    }
    return true;
}

QString galleryIndexFolder(const store::Database &db)
{
    if (db.backendName() == QLatin1String("sqlite"))
        return db.path() + QStringLiteral("-indexes");
    QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (base.isEmpty())
        base = QDir::tempPath() + QStringLiteral("/moescope-cache");
    const QByteArray id =
        QCryptographicHash::hash(db.path().toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return base + QStringLiteral("/gallery-indexes/") + QString::fromLatin1(id);
}

std::vector<retrieval::Hit> LoadedGallery::search(const float *query, int k,
                                                  int64_t excludeId) const
{
    return approximate.empty() ? index.search(query, k, excludeId)
                               : approximate.search(query, k, excludeId);
}

QString LoadedGallery::indexDescription() const
{
    if (approximate.empty())
        return Tr::tr("exact search");
    const retrieval::AnnInfo &a = approximate.info();
    return Tr::tr("%1: recall@10 %2 against exact search")
        .arg(QString::fromStdString(a.describe()))
        .arg(a.recallAt10, 0, 'f', 3);
}

std::optional<LoadedGallery> loadGallery(const store::Database &db, const QString &name,
                                         QString *error, const GalleryIndexPolicy &policy)
{
    QElapsedTimer t;
    t.start();
    QString dbError;
    std::optional<store::GalleryInfo> info = db.findGallery(name, &dbError);
    if (!info) {
        *error = dbError.isEmpty()
                     ? Tr::tr("%1: there is no gallery \"%2\"").arg(native(db.path()), name)
                     : dbError;
        return std::nullopt;
    }
    LoadedGallery g;
    g.info = *info;
    const bool approximate = policy.mode == GalleryIndexPolicy::Mode::Approximate ||
                             (policy.mode == GalleryIndexPolicy::Mode::Auto &&
                              info->itemCount > policy.approximateAbove);
    // The gallery's state: ids are never handed out twice and items are only
    // ever added, so its id, size and birth name one content.
    const std::string key = QStringLiteral("%1:%2:%3")
                                .arg(info->id)
                                .arg(info->itemCount)
                                .arg(info->createdAt.toString(Qt::ISODateWithMs))
                                .toStdString();
    const QString folder = policy.folder.isEmpty() ? galleryIndexFolder(db) : policy.folder;
    const QString file = folder + QStringLiteral("/gallery-%1.faiss").arg(info->id);
    if (approximate) {
        std::string why;
        if (g.approximate.load(QFile::encodeName(file).toStdString(), key, &why)) {
            g.approximateFromFile = true;
            g.loadMs = msSince(t);
            return g; // the embeddings stay in the store
        }
        if (!why.empty())
            g.indexWarning = QString::fromStdString(why) + Tr::tr("; built again");
    }
    std::optional<store::GalleryMatrix> matrix = db.loadGalleryEmbeddings(info->id, error);
    if (!matrix)
        return std::nullopt;
    std::vector<int64_t> ids(matrix->ids.begin(), matrix->ids.end());
    if (approximate && !ids.empty()) {
        // Stored embeddings are unit length already (FlatIndex normalises
        // its copy); FAISS takes them as they are.
        for (size_t i = 0; i < ids.size(); ++i)
            retrieval::normalize(matrix->vectors.data() + i * size_t(matrix->dim),
                                 size_t(matrix->dim));
        std::string why;
        if (g.approximate.build(matrix->vectors.data(), ids.size(), matrix->dim, ids.data(), {},
                                &why)) {
            if (!QDir().mkpath(folder) ||
                !g.approximate.save(QFile::encodeName(file).toStdString(), key, &why))
                g.indexWarning =
                    Tr::tr("the approximate index is not saved (%1); it is built "
                           "again next time")
                        .arg(why.empty() ? native(folder) : QString::fromStdString(why));
            g.loadMs = msSince(t);
            return g;
        }
        // Too small for FAISS, say: exact search answers.
        g.indexWarning = QString::fromStdString(why);
    }
    g.index = retrieval::FlatIndex(matrix->dim);
    g.index.add(matrix->vectors.data(), ids.size(), ids.data());
    g.loadMs = msSince(t);
    return g;
}

bool queryGallery(model::Engine &engine, const TaskPlugin &plugin, const store::Database &db,
                  const LoadedGallery &gallery, const QueryRequest &request, QueryResult *result,
                  QString *error)
{
    *result = {};
    RetrievalOutputs outputs;
    if (!findRetrievalOutputs(engine.contract(), &outputs, error))
        return false;
    if (!request.image || request.image->isEmpty()) {
        *error = Tr::tr("no query image");
        return false;
    }
    AnalysisRequest analysis;
    analysis.image = request.image;
    analysis.firstStep = analysis.lastStep = request.frame;
    if (request.region.isValid())
        analysis.options.extra.insert(QStringLiteral("region"), request.region);
    if (!runAnalysis(engine, plugin, analysis, nullptr, {}, &result->analysis, error))
        return false;
    if (result->analysis.steps.isEmpty()) {
        *error = Tr::tr("frame %1 is not in the image").arg(request.frame);
        return false;
    }
    result->region = request.region;
    if (!retrievalEmbedding(outputs, result->analysis.steps.front(), &result->query, error))
        return false;
    if (int(result->query.embedding.size()) != gallery.info.dim) {
        *error = Tr::tr("gallery \"%1\" holds %2-value embeddings; the model returns %3")
                     .arg(gallery.info.name)
                     .arg(gallery.info.dim)
                     .arg(result->query.embedding.size());
        return false;
    }
    QElapsedTimer t;
    t.start();
    const std::vector<retrieval::Hit> hits =
        gallery.search(result->query.embedding.data(), request.topK, request.excludeItemId);
    result->searchMs = msSince(t);
    result->index = gallery.indexDescription();
    std::vector<qint64> ids;
    for (const retrieval::Hit &h : hits)
        ids.push_back(h.id);
    QString dbError;
    const QList<store::GalleryItem> items = db.galleryItems(ids, request.details, &dbError);
    if (!dbError.isEmpty()) {
        *error = dbError;
        return false;
    }
    for (const retrieval::Hit &h : hits) {
        auto it = std::find_if(items.begin(), items.end(),
                               [&](const store::GalleryItem &i) { return i.id == h.id; });
        if (it == items.end())
            continue;
        RetrievalHit hit;
        hit.item = *it;
        hit.score = h.score;
        const RetrievalEmbedding &q = result->query;
        if (!q.windows.empty() && !it->windows.empty() && q.windowDim == it->windowDim)
            hit.windows = retrieval::matchWindows(q.windows.data(), q.windowRows * q.windowCols,
                                                  it->windows.data(),
                                                  it->windowRows * it->windowCols, q.windowDim);
        result->hits.push_back(std::move(hit));
    }
    return true;
}

QJsonObject hitJson(const RetrievalHit &hit, int rank)
{
    QJsonObject o{{"rank", rank},
                  {"id", hit.item.id},
                  {"path", hit.item.path},
                  {"frame", hit.item.frame},
                  {"score", double(hit.score)},
                  {"gates", hit.item.gates}};
    if (!hit.item.label.isEmpty())
        o.insert(QStringLiteral("label"), hit.item.label);
    if (!hit.item.seriesUid.isEmpty())
        o.insert(QStringLiteral("series_uid"), hit.item.seriesUid);
    if (hit.windows.bestQueryWindow >= 0) {
        const int cols = std::max(1, hit.item.windowCols);
        o.insert(QStringLiteral("window_score"), double(hit.windows.score));
        o.insert(QStringLiteral("best_window_pair"),
                 QJsonObject{{"query_window", hit.windows.bestQueryWindow},
                             {"item_window", hit.windows.bestItemWindow},
                             {"item_row", hit.windows.bestItemWindow / cols},
                             {"item_col", hit.windows.bestItemWindow % cols},
                             {"score", double(hit.windows.bestScore)}});
    }
    return o;
}

} // namespace moescope
