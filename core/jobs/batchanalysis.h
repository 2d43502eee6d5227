#pragma once
// Many files through one loaded model in one process: `moescope-cli batch`.
// Files are decoded on a second thread while the model runs; single images of
// one shape share forward calls; every file is stored in its own transaction;
// files this model has analysed already (same content, same expert mask) are
// skipped, so a stopped batch resumes where it stopped; `shardOf` splits a list
// among machines deterministically.

#include "analysis.h"
#include "image/imageloader.h"
#include "plugin/sceneopener.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace moescope {

namespace store {
class Database;
}

struct BatchFile
{
    QString path; // absolute
    QString key;  // what the shard is chosen by: the path below the folder, or as listed
};

// Every file under a folder (recursive, companions and hidden files left out,
// as `index` does), or every path listed in a text file (one per line; blank
// lines and lines starting with # skipped; relative paths are relative to the
// list's folder; a listed folder is opened as one series). Sorted by key.
// nullopt with *error when the input cannot be read or names nothing.
std::optional<QList<BatchFile>> listBatchInput(const QString &input, QString *error);

// "I/N" with 1 <= I <= N.
bool parseShard(const QString &text, int *index, int *count);
// The files of shard `index` (1-based) of `count`: those whose key's FNV-1a
// hash modulo `count` is index - 1. The same on every machine that lists the
// same files, and the shards of 1..count cover every file exactly once.
QList<BatchFile> shardOf(const QList<BatchFile> &files, int index, int count);

struct BatchRequest
{
    QList<BatchFile> files;
    QString modelSha256;
    QString databasePath; // the decoder thread's own connection (the "already analysed" check)
    int batchSize = 8;    // images per forward call
    LoadOptions loadOptions;
    PrepareOptions options; // the model's choices
    std::vector<float> expertMask;
    bool store = true;
};

struct BatchFileResult
{
    enum class Status { Analysed, Skipped, Failed };
    BatchFile file;
    Status status = Status::Failed;
    qint64 runId = 0; // the stored run (or, when skipped, the one found)
    QString message;  // the failure, one line naming the file
    QJsonObject outputs;
    QString predicted; // the first classes output's top label, when there is one
};

struct BatchReport
{
    QList<BatchFileResult> files; // in the order they finished
    int analysed = 0;
    int skipped = 0;
    int failed = 0;
    int images = 0; // steps run (frames, tiles, images)
    double seconds = 0;
    double forwardMs = 0; // the model, with tensor transfers
    double preprocessMs = 0;
    double routingMs = 0;
    double postprocessMs = 0;
    double decodeMs = 0; // on the decoder thread, hidden behind the model when it keeps up
    double storeMs = 0;
    double waitMs = 0; // the model thread waiting for decoded files
    bool cancelled = false;
    void add(const AnalysisResult &result); // a forward call's images and timings
    // Each file by its file name ("path") unless keepPaths, which adds the
    // full path and the key (the path below the folder, which may name a
    // patient as well). Error messages name the file the same way.
    QJsonObject toJson(bool keepPaths) const;
};

// done counts finished files (analysed, skipped or failed) of `total`.
using BatchProgress = std::function<void(int done, int total, const QString &current)>;
// Called on the calling thread once a file's result is stored, with the
// picture it was drawn from (a scene read by region has none: image is null);
// returns false with *error to fail that file (its run is deleted again).
using BatchFileHandler =
    std::function<bool(const BatchFileResult &file, const AnalysisResult &result,
                       const OpenedScene &scene, QString *error)>;

// Runs the request. Per-file failures (unreadable, not an image, a model that
// fails on it) are reported and the batch goes on; false with *error only when
// nothing can go on (the database fails). `cancel` stops after the files in
// hand (a forward call's worth), each stored whole.
bool runBatch(model::Engine &engine, const TaskPlugin &plugin, PluginRegistry &registry,
              store::Database &db, const BatchRequest &request, const std::atomic_bool *cancel,
              const BatchProgress &progress, const BatchFileHandler &onFile, BatchReport *report,
              QString *error);

} // namespace moescope
