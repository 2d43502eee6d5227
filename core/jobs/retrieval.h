#pragma once
// Galleries for retrieval models: indexing a folder of slices, series and
// volumes into a named gallery (store/gallery.h), and answering a query
// image with the nearest items and the routing behind each match. The same
// functions serve the model session's index and query jobs and the host's
// gallery verbs (app/cli/galleryverbs); they take the engine, the plugin and
// a database connection owned by the calling thread.

#include "analysis.h"
#include "retrieval/annindex.h"
#include "retrieval/flatindex.h"
#include "retrieval/windowmatch.h"
#include "store/database.h"

#include <QJsonObject>
#include <QMetaType>
#include <QRect>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace moescope {

// Which outputs of a model a gallery uses.
struct RetrievalOutputs
{
    std::string embedding; // "embedding" if present, else the first output of kind embedding
    std::string windows;   // the first output of kind "window_embeddings" with a grid; may be ""
    int windowRows = 0, windowCols = 0;
};
// False with *error when the model has no embedding output.
bool findRetrievalOutputs(const model::ModelContract &contract, RetrievalOutputs *out,
                          QString *error);

// One image (frame) as the gallery sees it.
struct RetrievalEmbedding
{
    std::vector<float> embedding; // L2-normalised
    std::vector<float> windows;   // rows × cols × dim, each window L2-normalised; may be empty
    int windowRows = 0, windowCols = 0, windowDim = 0;
    QJsonObject gates; // {layer: {expert: mean router probability}}
};
bool retrievalEmbedding(const RetrievalOutputs &outputs, const StepResult &step,
                        RetrievalEmbedding *out, QString *error);
// {layer: {expert name: mean router probability over the layer's tokens}}.
QJsonObject meanGates(const std::vector<routing::LayerRouting> &layers);

// Refuses a gallery built by another model (by the model file's SHA-256) or
// with another embedding size, saying which model built it.
bool checkGalleryModel(const store::GalleryInfo &gallery, const QString &modelSha256,
                       const QString &modelName, int embeddingDim, QString *error);

// The files beneath `root` (recursive, sorted, hidden files and folders and
// obvious non-images skipped) that indexing tries to load. A single file
// gives itself.
QStringList galleryCandidates(const QString &root);
// The label of a file indexed from `root`: the name of the folder directly
// beneath root that holds it (root/<label>/.../file); "" for files in root.
QString galleryLabel(const QString &root, const QString &file);

struct IndexReport
{
    int files = 0;          // candidates looked at
    int sourcesAdded = 0;   // files indexed now
    int sourcesSkipped = 0; // already in the gallery (same content)
    int notImages = 0;      // files no loader recognises (a README, a -wal file): skipped
    int itemsAdded = 0;     // frames indexed now
    QStringList failures;   // "<path>: <cause>" for files that could not be indexed
    QStringList warnings;   // "<path>: <warning>" (non-CT modality, ...)
    bool cancelled = false;
    bool createdGallery = false;
    qint64 galleryId = 0;
    double seconds = 0;
    double forwardMs = 0; // time in the model
    QJsonObject toJson() const;
};

// (files done, files total, the file now being indexed)
using IndexProgress = std::function<void(int done, int total, const QString &current)>;

struct IndexRequest
{
    QString root;        // a folder (recursive) or one file
    QString galleryName; // created when missing
    QString modelPath;   // recorded with the gallery
    QString modelSha256;
    int batchSize = 8; // frames per forward call within a volume or cine
    // Share shardIndex (1-based) of shardCount of the files, as batch's
    // --shard chooses them (by the path below root): machines of a job array
    // index one gallery together, each file once.
    int shardIndex = 1;
    int shardCount = 1;
};

// Indexes `request.root` into the gallery, creating it when missing (but
// not when nothing could be indexed). Files already in the gallery (same
// content) are skipped; each file's items are written in one transaction,
// so a cancelled or failed run leaves whole files only. Returns false with
// *error when nothing can be done at all (no images, wrong model, database
// error); per-file failures are listed in the report and do not stop the run.
bool indexGallery(model::Engine &engine, const TaskPlugin &plugin, store::Database &db,
                  const IndexRequest &request, const std::atomic_bool *cancel,
                  const IndexProgress &progress, IndexReport *report, QString *error);

// Which index answers a gallery's queries. Exact search (FlatIndex) up to
// `approximateAbove` items; above, FAISS's IVF-PQ with exact re-ranking
// (retrieval/annindex.h), built once, saved in `folder` and read back while
// the gallery is unchanged.
struct GalleryIndexPolicy
{
    enum class Mode { Auto, Exact, Approximate };
    Mode mode = Mode::Auto;
    qint64 approximateAbove = 200000;
    QString folder; // empty: galleryIndexFolder(db)
};
// Where a store's approximate indexes live: beside an SQLite file
// ("<file>-indexes"), or for a server the user's cache, by its URL.
QString galleryIndexFolder(const store::Database &db);

// A gallery loaded for search: its info and the index that answers.
struct LoadedGallery
{
    store::GalleryInfo info;
    retrieval::FlatIndex index; // exact; empty when `approximate` answers
    retrieval::AnnIndex approximate;
    bool approximateFromFile = false; // read back rather than built now
    QString indexWarning;             // built but not saved, say
    double loadMs = 0;

    size_t size() const { return approximate.empty() ? index.size() : approximate.info().items; }
    bool empty() const { return size() == 0; }
    bool isApproximate() const { return !approximate.empty(); }
    std::vector<retrieval::Hit> search(const float *query, int k, int64_t excludeId) const;
    // "exact search" or "IVF4096,PQ16 re-ranked x8, nprobe 32: recall@10 0.98
    // against exact search"
    QString indexDescription() const;
};
std::optional<LoadedGallery> loadGallery(const store::Database &db, const QString &name,
                                         QString *error, const GalleryIndexPolicy &policy = {});

struct RetrievalHit
{
    store::GalleryItem item; // with windows and thumbnail
    float score = 0;         // cosine similarity of the embeddings
    retrieval::WindowMatch windows;
};

struct QueryResult
{
    AnalysisResult analysis; // the query's forward pass (outputs and routing)
    RetrievalEmbedding query;
    std::vector<RetrievalHit> hits; // best first
    double searchMs = 0;
    QString index; // which index answered (LoadedGallery::indexDescription)
    QRect region;  // the part of the frame that was the query (invalid: the model's region)
};

struct QueryRequest
{
    QSharedPointer<const ImageStack> image;
    int frame = 0;
    QRect region; // a drawn region of the frame, or invalid for the whole frame
    int topK = 10;
    qint64 excludeItemId = -1; // leave-one-out evaluation
    // Read each hit's window embeddings and thumbnail and match the windows;
    // an evaluation needs only ids, labels and scores.
    bool details = true;
};

// Runs the query image through the model and searches the gallery. The
// gallery must have been built by this model (checkGalleryModel).
bool queryGallery(model::Engine &engine, const TaskPlugin &plugin, const store::Database &db,
                  const LoadedGallery &gallery, const QueryRequest &request, QueryResult *result,
                  QString *error);

// Hits as JSON: {rank, id, path, frame, label, score, gates, window_score, best_window_pair}.
QJsonObject hitJson(const RetrievalHit &hit, int rank);

} // namespace moescope

Q_DECLARE_METATYPE(moescope::IndexRequest)
Q_DECLARE_METATYPE(moescope::IndexReport)
Q_DECLARE_METATYPE(moescope::QueryRequest)
Q_DECLARE_METATYPE(moescope::QueryResult)
