#pragma once
// Run history: which model saw which image, with what outputs and what
// routing, kept in one SQLite file (Qt Sql, QSQLITE driver) or, for a lab
// that shares its runs, on a PostgreSQL server (QPSQL): open() takes a file
// path or a libpq URL, postgresql://[user@]host[:port]/dbname or
// postgresql:///dbname?host=/socket/folder. The schema, the calls and their
// guarantees are the same on both.
//
// Models and images are identified by the SHA-256 of their content, so a file
// that was moved or renamed is still the same model or image; the stored path
// is where it was last seen. A run refers to one model and one image and owns
// its routing rows (one per frame and MoE layer; deleting the run deletes
// them).
//
// Threading: each Database owns its own, uniquely named QSqlDatabase
// connection and removes it in its destructor. A Qt Sql connection may only be
// used by the thread that opened it, so use one Database per thread; several
// Database objects (in one or many threads, or processes) may share a file.
//
// Errors: every call that can fail takes a QString *error (may be nullptr)
// and, on failure, sets it to "<path>: <what failed>: <cause in words>
// (<SQLite's own text>)". Writes are all-or-nothing: each runs in one
// transaction that is rolled back on any failure.

#include "gallery.h"
#include "routing/routing.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace moescope::store {

struct ModelRef
{
    QString sha256; // 64 hex digits (stored lower case)
    QString name;
    QString task;
    QString path;
    QString contractJson;
};

struct ImageRef
{
    QString sha256; // 64 hex digits (stored lower case)
    QString path;
    int width = 0;
    int height = 0;
    int frames = 1;
    QString modality;
};

// The routing of every MoE layer for one frame of the image (0 for a 2-D image).
struct FrameRouting
{
    int frame = 0;
    std::vector<routing::LayerRouting> layers;
};

struct RunRecord
{
    qint64 id = 0; // assigned by saveRun; ignored when saving
    ModelRef model;
    ImageRef image;
    QString device;
    QDateTime createdAt; // stored in UTC to the millisecond; invalid: saveRun uses "now"
    double elapsedMs = 0;
    QJsonObject timings;
    QJsonObject outputs;
    QJsonArray summary;
    QJsonArray expertMask;
    int frameCount = 1;
    QString note;
    // Who made the run, for a store a lab shares: the user's login name and
    // the machine's host name; empty when saving means this process's.
    QString createdBy;
    QString createdOn;
};

class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // QStandardPaths::AppDataLocation + "/moescope.sqlite"; the folder is
    // created. Empty when the platform has no writable app data location.
    static QString defaultPath();
    // The newest schema (PRAGMA user_version) this build reads and writes.
    static int schemaVersion();
    // The SHA-256 of a file's content as 64 lower-case hex digits, or
    // nullopt (and *error set) when it cannot be read.
    static std::optional<QString> sha256OfFile(const QString &path, QString *error);

    // Opens (creating the file and its folder, or the PostgreSQL database
    // where the user may create one, when missing) and upgrades the
    // schema to schemaVersion(). Refuses a file that is not SQLite and one
    // written by a newer MoEScope. A file (or folder) without write permission
    // is opened read-only: reads work, writes fail with a "read-only" error.
    // Closes any database this object had open first.
    bool open(const QString &path, QString *error);
    // open(path), or open(defaultPath()) when path is empty (the CLI's --db).
    bool openOrDefault(const QString &path, QString *error);
    void close();
    bool isOpen() const;
    // The file or URL as open() was given it (to open it again elsewhere);
    // error messages name it without a password.
    QString path() const;
    // Whether writes are refused: opened read-only, or the file has lost its
    // write permission since.
    bool isReadOnly() const;

    // How long a write waits for another connection's lock before failing
    // with "database is locked". Default 5000 ms; applies at once when open.
    void setBusyTimeoutMs(int ms);
    int busyTimeoutMs() const;

    // What the connection reports, for an "about this database" view and tests.
    struct ConnectionInfo
    {
        int userVersion = 0;
        QString journalMode; // "wal" unless the file system cannot do WAL; "" on PostgreSQL
        QString server;      // "SQLite", or "PostgreSQL 15.14 (…)"
        bool foreignKeys = false;
        int busyTimeoutMs = 0;
        bool readOnly = false;
    };
    std::optional<ConnectionInfo> connectionInfo(QString *error) const;

    // Saves a run and its routing; upserts the model and image by sha256
    // (their first_seen is kept; non-empty name/task/path/contract and
    // modality replace the stored ones). All in ONE transaction. Returns
    // the new run's id.
    std::optional<qint64> saveRun(const RunRecord &run, const std::vector<FrameRouting> &routing,
                                  QString *error);
    // Newest first (created_at, then id), without routing; limit <= 0: all.
    // On failure returns an empty list and sets *error.
    QList<RunRecord> listRuns(QString *error, int limit = 1000) const;
    // The run with this id and, when `routing` is not nullptr, its routing
    // ordered by frame and layer. nullopt with *error set when there is none.
    std::optional<RunRecord> loadRun(qint64 id, std::vector<FrameRouting> *routing,
                                     QString *error) const;
    // Deletes the run and (ON DELETE CASCADE) its routing; models and images
    // stay. False with *error set when there is no such run.
    bool deleteRun(qint64 id, QString *error);
    // The newest run of this model on this image with exactly this expert
    // mask (compared as compact JSON), to reopen a result without
    // recomputing it. nullopt with *error left empty when none matches;
    // nullopt with *error set when the query failed.
    std::optional<qint64> findRun(const QString &modelSha, const QString &imageSha,
                                  const QJsonArray &expertMask, QString *error) const;

    // Which kind of store is open: "sqlite" or "postgresql".
    QString backendName() const;
    // PostgreSQL only: calls `onNotice(saved, runId)` in this connection's
    // thread whenever any connection (another machine's batch job, another
    // window) commits a run it saved (saved true) or deleted (false), by
    // LISTEN/NOTIFY: nothing is polled. Returns false, with *error left
    // empty, for an SQLite file, which has no such channel.
    bool listenForRuns(std::function<void(bool saved, qint64 runId)> onNotice, QString *error);

    // Replaces every stored input path (of images, gallery sources and gallery
    // items) by its file name and rewrites the file so the old paths leave it
    // (forgetpaths.cpp). Stored runs still list and reopen their results;
    // reopening a run's image then needs the file found again. Returns how
    // many paths changed.
    std::optional<int> forgetInputPaths(QString *error);

    // ---- Galleries (see gallery.h) -------------------------------------------
    // Creates an empty gallery built by `model` (upserted like saveRun's).
    // Names are unique (case-sensitive); an empty name or one in use fails.
    std::optional<qint64> createGallery(const QString &name, const ModelRef &model,
                                        const QString &embeddingOutput, int dim, QString *error);
    // All galleries, by name, with their item and source counts.
    QList<GalleryInfo> listGalleries(QString *error) const;
    // nullopt with *error empty when there is no gallery of that name.
    std::optional<GalleryInfo> findGallery(const QString &name, QString *error) const;
    bool renameGallery(qint64 galleryId, const QString &newName, QString *error);
    // Deletes the gallery with its sources and items (ON DELETE CASCADE).
    bool deleteGallery(qint64 galleryId, QString *error);
    // Whether the source with this content is already in the gallery.
    std::optional<bool> hasGallerySource(qint64 galleryId, const QString &sourceSha256,
                                         QString *error) const;
    // Adds one source and its items in ONE transaction; every item must have
    // the gallery's dim and the source's sha. Returns the items' new ids. When
    // the gallery already holds this content (another process indexing the
    // same folder added it since hasGallerySource said no), nothing is added
    // and, given `alreadyThere`, that is set and an empty list returned
    // instead of an error.
    std::optional<std::vector<qint64>>
    addGallerySource(qint64 galleryId, const QString &sourceSha256, const QString &path,
                     const std::vector<GalleryItem> &items, QString *error,
                     bool *alreadyThere = nullptr);
    // Every embedding of the gallery, in item-id order, for the search index.
    std::optional<GalleryMatrix> loadGalleryEmbeddings(qint64 galleryId, QString *error) const;
    // Items by id (order kept; unknown ids are skipped). `full` also reads
    // the window embeddings and the thumbnail.
    QList<GalleryItem> galleryItems(const std::vector<qint64> &ids, bool full,
                                    QString *error) const;
    // One page of a gallery's items without embeddings, windows or thumbnails
    // (for a list view), in id order.
    QList<GalleryItem> galleryItemPage(qint64 galleryId, qint64 offset, int limit,
                                       QString *error) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace moescope::store
