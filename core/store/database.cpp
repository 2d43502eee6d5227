#include "database.h"
#include "database_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStringList>
#include <QVariant>
#include <QtEndian>

#include <atomic>
#include <cstring>
#include <limits>
#include <set>
#include <utility>

namespace moescope::store {

namespace {

// ---------------------------------------------------------------------------
// Schema. Migration i takes user_version i to i + 1; each runs in its own
// transaction together with the user_version bump, so a database is always
// at a whole version. Append new steps; never edit a released one.
// QSQLITE runs one statement per exec(), hence a list per step. The steps
// are written in SQLite's dialect; PostgreSQL runs them translated
// (postgres.cpp), so there is one schema to keep, not two.
const std::vector<QStringList> &migrations()
{
    static const std::vector<QStringList> steps = {
        // 0 → 1: the first schema.
        {
            QStringLiteral("CREATE TABLE models ("
                           " id INTEGER PRIMARY KEY,"
                           " sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),"
                           " name TEXT NOT NULL DEFAULT '',"
                           " task TEXT NOT NULL DEFAULT '',"
                           " path TEXT NOT NULL DEFAULT '',"
                           " contract_json TEXT NOT NULL DEFAULT '',"
                           " first_seen TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE images ("
                           " id INTEGER PRIMARY KEY,"
                           " sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),"
                           " path TEXT NOT NULL DEFAULT '',"
                           " width INTEGER NOT NULL DEFAULT 0,"
                           " height INTEGER NOT NULL DEFAULT 0,"
                           " frames INTEGER NOT NULL DEFAULT 1,"
                           " modality TEXT NOT NULL DEFAULT '',"
                           " first_seen TEXT NOT NULL)"),
            // AUTOINCREMENT: the id of a deleted run is never handed out again,
            // so a view still holding it cannot show a different run.
            QStringLiteral("CREATE TABLE runs ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " model_id INTEGER NOT NULL REFERENCES models(id),"
                           " image_id INTEGER NOT NULL REFERENCES images(id),"
                           " device TEXT NOT NULL DEFAULT '',"
                           " created_at TEXT NOT NULL," // UTC, yyyy-MM-ddTHH:mm:ss.zzzZ
                           " elapsed_ms REAL NOT NULL DEFAULT 0,"
                           " timings_json TEXT NOT NULL DEFAULT '{}',"
                           " outputs_json TEXT NOT NULL DEFAULT '{}',"
                           " summary_json TEXT NOT NULL DEFAULT '[]',"
                           " expert_mask_json TEXT NOT NULL DEFAULT '[]',"
                           " frame_count INTEGER NOT NULL DEFAULT 1,"
                           " note TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX runs_created_at ON runs(created_at)"),
            QStringLiteral("CREATE INDEX runs_image_id ON runs(image_id)"),
            QStringLiteral("CREATE INDEX runs_model_id ON runs(model_id)"),
            // probs: tokens × experts little-endian float32, row-major.
            // dispatch: the same shape, or NULL when the model has none.
            QStringLiteral("CREATE TABLE routing ("
                           " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                           " frame INTEGER NOT NULL,"
                           " layer_index INTEGER NOT NULL,"
                           " name TEXT NOT NULL,"
                           " experts INTEGER NOT NULL,"
                           " tokens INTEGER NOT NULL,"
                           " top_k INTEGER NOT NULL,"
                           " router TEXT NOT NULL DEFAULT '',"
                           " expert_names_json TEXT NOT NULL DEFAULT '[]',"
                           " grids_json TEXT NOT NULL DEFAULT '[]',"
                           " probs BLOB NOT NULL,"
                           " dispatch BLOB,"
                           " PRIMARY KEY (run_id, frame, layer_index))"),
        },
        // 1 → 2: galleries for retrieval (see gallery.h).
        {
            QStringLiteral("CREATE TABLE galleries ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),"
                           " model_id INTEGER NOT NULL REFERENCES models(id),"
                           " embedding_output TEXT NOT NULL,"
                           " dim INTEGER NOT NULL CHECK (dim > 0),"
                           " created_at TEXT NOT NULL,"
                           " note TEXT NOT NULL DEFAULT '')"),
            // One row per indexed file (or series): what makes indexing resumable.
            QStringLiteral("CREATE TABLE gallery_sources ("
                           " id INTEGER PRIMARY KEY,"
                           " gallery_id INTEGER NOT NULL REFERENCES galleries(id)"
                           "  ON DELETE CASCADE,"
                           " sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
                           " path TEXT NOT NULL DEFAULT '',"
                           " items INTEGER NOT NULL DEFAULT 0,"
                           " indexed_at TEXT NOT NULL,"
                           " UNIQUE (gallery_id, sha256))"),
            // embedding: dim little-endian float32; windows: float16, rows × cols × window_dim.
            QStringLiteral("CREATE TABLE gallery_items ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " gallery_id INTEGER NOT NULL REFERENCES galleries(id)"
                           "  ON DELETE CASCADE,"
                           " source_id INTEGER NOT NULL REFERENCES gallery_sources(id)"
                           "  ON DELETE CASCADE,"
                           " frame INTEGER NOT NULL,"
                           " path TEXT NOT NULL DEFAULT '',"
                           " label TEXT NOT NULL DEFAULT '',"
                           " series_uid TEXT NOT NULL DEFAULT '',"
                           " modality TEXT NOT NULL DEFAULT '',"
                           " width INTEGER NOT NULL DEFAULT 0,"
                           " height INTEGER NOT NULL DEFAULT 0,"
                           " embedding BLOB NOT NULL,"
                           " windows BLOB,"
                           " window_rows INTEGER NOT NULL DEFAULT 0,"
                           " window_cols INTEGER NOT NULL DEFAULT 0,"
                           " window_dim INTEGER NOT NULL DEFAULT 0,"
                           " gates_json TEXT NOT NULL DEFAULT '{}',"
                           " thumbnail BLOB,"
                           " UNIQUE (source_id, frame))"),
            QStringLiteral("CREATE INDEX gallery_items_gallery ON gallery_items(gallery_id, id)"),
        },
        // 2 → 3: who made a run (a store shared by a lab): the user name and
        // the machine, as the operating system names them.
        {
            QStringLiteral("ALTER TABLE runs ADD COLUMN created_by TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN created_on TEXT NOT NULL DEFAULT ''"),
        },
    };
    return steps;
}

} // namespace

std::optional<int> Database::Private::userVersion(QSqlError *err) const
{
    QVariant v;
    if (backend == Backend::SQLite)
        return exec(QStringLiteral("PRAGMA user_version"), err, &v) ? std::optional(v.toInt())
                                                                    : std::nullopt;
    if (!exec(QStringLiteral("SELECT to_regclass('moescope_schema') IS NOT NULL"), err, &v))
        return std::nullopt;
    if (!v.toBool())
        return 0;
    if (!exec(QStringLiteral("SELECT max(version) FROM moescope_schema"), err, &v))
        return std::nullopt;
    return v.toInt();
}

bool Database::Private::setUserVersion(int version, QSqlError *err) const
{
    // Neither takes a bound value here; `version` is an int of ours.
    if (backend == Backend::SQLite)
        return exec(QStringLiteral("PRAGMA user_version = %1").arg(version), err);
    return exec(QStringLiteral("CREATE TABLE IF NOT EXISTS moescope_schema (version INTEGER NOT "
                               "NULL)"),
                err) &&
           exec(QStringLiteral("DELETE FROM moescope_schema"), err) &&
           exec(QStringLiteral("INSERT INTO moescope_schema (version) VALUES (%1)").arg(version),
                err);
}

bool Database::Private::adoptSchema(int version, QString *error)
{
    const int newest = Database::schemaVersion();
    if (version > newest) {
        fail(error,
             QCoreApplication::translate("moescope::store::Database", "cannot open the database"),
             QCoreApplication::translate("moescope::store::Database",
                                         "it was written by a newer version of MoEScope (schema "
                                         "version %1; this version understands up to %2). Update "
                                         "MoEScope or choose another database file")
                 .arg(version)
                 .arg(newest));
        closeConnection();
        return false;
    }
    if (version == newest)
        return true;
    if (readOnlyAtOpen) {
        fail(error,
             QCoreApplication::translate("moescope::store::Database",
                                         "cannot upgrade the database from schema version %1 to %2")
                 .arg(version)
                 .arg(newest),
             readOnlyReason);
        closeConnection();
        return false;
    }
    if (!migrate(error)) {
        closeConnection();
        return false;
    }
    return true;
}

bool Database::Private::migrate(QString *error)
{
    const auto &steps = migrations();
    const int target = int(steps.size());
    for (;;) {
        QSqlError err;
        // PostgreSQL's DDL takes no lock that keeps a second process from
        // running the same step at once; this lock does (SQLite's BEGIN
        // IMMEDIATE already has). It is taken BEFORE the transaction begins:
        // a transaction that began while another process was upgrading would
        // read the catalogue as it was then and not see that process's tables.
        struct SchemaLock
        {
            const Private *d = nullptr;
            ~SchemaLock()
            {
                QSqlError ignored;
                if (d)
                    d->exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kSchemaLockKey),
                            &ignored);
            }
        } schemaLock;
        if (backend == Backend::PostgreSQL) {
            if (!exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kSchemaLockKey), &err))
                return failSql(error,
                               QCoreApplication::translate("moescope::store::Database",
                                                           "cannot upgrade the database"),
                               err);
            schemaLock.d = this;
        }
        WriteTransaction tx(db, backend);
        if (!tx.begin(&err))
            return failSql(error,
                           QCoreApplication::translate("moescope::store::Database",
                                                       "cannot upgrade the database"),
                           err);
        // Read the version again under the write lock: another connection may
        // have upgraded the database since we looked.
        const std::optional<int> version = userVersion(&err);
        if (!version)
            return failSql(error,
                           QCoreApplication::translate("moescope::store::Database",
                                                       "cannot upgrade the database"),
                           err);
        if (*version >= target)
            return true;  // nothing to do; the transaction rolls back (it wrote nothing)
        if (*version < 0) // user_version is any 32-bit int a damaged or hostile file sets
            return fail(
                error,
                QCoreApplication::translate("moescope::store::Database", "cannot use the database"),
                QCoreApplication::translate("moescope::store::Database",
                                            "its schema version %1 is not one MoEScope "
                                            "wrote; it is left as it is")
                    .arg(*version));
        const QString what =
            QCoreApplication::translate("moescope::store::Database",
                                        "cannot upgrade the database from schema version %1 "
                                        "to %2")
                .arg(*version)
                .arg(*version + 1);
        for (const QString &sql : steps[size_t(*version)])
            if (!execDdl(sql, &err))
                return failSql(error, what, err);
        if (!setUserVersion(*version + 1, &err))
            return failSql(error, what, err);
        if (!tx.commit(&err))
            return failSql(error, what, err);
    }
}

bool Database::Private::upsertModel(const ModelRef &model, const QString &now, QSqlError *err) const
{
    Query q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO models (sha256, name, task, path, contract_json, first_seen)"
        " VALUES (:sha, :name, :task, :path, :contract, :now)"
        " ON CONFLICT (sha256) DO UPDATE SET"
        " name = COALESCE(NULLIF(excluded.name, ''), models.name),"
        " task = COALESCE(NULLIF(excluded.task, ''), models.task),"
        " path = COALESCE(NULLIF(excluded.path, ''), models.path),"
        " contract_json = COALESCE(NULLIF(excluded.contract_json, ''), models.contract_json)"));
    q.bindValue(QStringLiteral(":sha"), model.sha256.toLower());
    q.bindValue(QStringLiteral(":name"), text(model.name));
    q.bindValue(QStringLiteral(":task"), text(model.task));
    q.bindValue(QStringLiteral(":path"), text(model.path));
    q.bindValue(QStringLiteral(":contract"), text(model.contractJson));
    q.bindValue(QStringLiteral(":now"), now);
    if (!q.exec()) {
        *err = q.lastError();
        return false;
    }
    return true;
}

// Columns: see kRunColumns.
RunRecord Database::Private::runFromQuery(const QSqlQuery &q, bool *jsonOk) const
{
    RunRecord r;
    bool ok = true;
    auto object = [&](int col) {
        QJsonDocument doc;
        ok = parseJson(q.value(col).toString(), &doc) && ok;
        return doc.object();
    };
    auto array = [&](int col) {
        QJsonDocument doc;
        ok = parseJson(q.value(col).toString(), &doc) && ok;
        return doc.array();
    };
    r.id = q.value(0).toLongLong();
    r.device = q.value(1).toString();
    r.createdAt = fromIso(q.value(2).toString());
    r.elapsedMs = q.value(3).toDouble();
    r.timings = object(4);
    r.outputs = object(5);
    r.summary = array(6);
    r.expertMask = array(7);
    r.frameCount = q.value(8).toInt();
    r.note = q.value(9).toString();
    r.model.sha256 = q.value(10).toString();
    r.model.name = q.value(11).toString();
    r.model.task = q.value(12).toString();
    r.model.path = q.value(13).toString();
    r.model.contractJson = q.value(14).toString();
    r.image.sha256 = q.value(15).toString();
    r.image.path = q.value(16).toString();
    r.image.width = q.value(17).toInt();
    r.image.height = q.value(18).toInt();
    r.image.frames = q.value(19).toInt();
    r.image.modality = q.value(20).toString();
    r.createdBy = q.value(21).toString();
    r.createdOn = q.value(22).toString();
    if (jsonOk)
        *jsonOk = ok;
    return r;
}

namespace {
const QString kRunColumns = QStringLiteral(
    "SELECT r.id, r.device, r.created_at, r.elapsed_ms, r.timings_json, r.outputs_json,"
    " r.summary_json, r.expert_mask_json, r.frame_count, r.note,"
    " m.sha256, m.name, m.task, m.path, m.contract_json,"
    " i.sha256, i.path, i.width, i.height, i.frames, i.modality, r.created_by, r.created_on"
    " FROM runs r JOIN models m ON m.id = r.model_id JOIN images i ON i.id = r.image_id ");
} // namespace

// ---------------------------------------------------------------------------

Database::Database() : d(std::make_unique<Private>())
{
    d->connectionName =
        QStringLiteral("moescope.store.%1").arg(g_connectionCounter.fetch_add(1) + 1);
}

Database::~Database()
{
    d->closeConnection();
}

QString Database::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        return {};
    QDir().mkpath(dir);
    return dir + QStringLiteral("/moescope.sqlite");
}

int Database::schemaVersion()
{
    return int(migrations().size());
}

std::optional<QString> Database::sha256OfFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = native(path) + QStringLiteral(": cannot read the file: ") + file.errorString();
        return std::nullopt;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        if (error)
            *error = native(path) + QStringLiteral(": cannot read the file: ") + file.errorString();
        return std::nullopt;
    }
    return QString::fromLatin1(hash.result().toHex());
}

bool Database::open(const QString &path, QString *error)
{
    close();
    d->path = path;
    d->location = path;
    if (path.isEmpty()) {
        if (error)
            *error =
                QCoreApplication::translate("moescope::store::Database", "no database file given");
        return false;
    }
    if (isPostgresUrl(path)) {
        d->backend = Backend::PostgreSQL;
        return d->openPostgres(path, error);
    }
    d->backend = Backend::SQLite;
    return d->openSqliteFile(error);
}

bool Database::openOrDefault(const QString &path, QString *error)
{
    const QString chosen = path.isEmpty() ? defaultPath() : path;
    if (chosen.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate(
                "moescope::store::Database", "no writable data location for the run database; pass "
                                             "--db FILE");
        return false;
    }
    return open(chosen, error);
}

void Database::close()
{
    d->closeConnection();
    d->readOnlyAtOpen = false;
    d->readOnlyReason.clear();
}

bool Database::isOpen() const
{
    return d->isOpen();
}

QString Database::path() const
{
    return d->location;
}

bool Database::isReadOnly() const
{
    return d->isOpen() && !d->readOnlyCause().isEmpty();
}

void Database::setBusyTimeoutMs(int ms)
{
    d->busyTimeoutMs = qMax(0, ms);
    if (d->isOpen()) {
        QSqlError err;
        d->applyBusyTimeout(&err); // cannot fail on an open connection
    }
}

int Database::busyTimeoutMs() const
{
    return d->busyTimeoutMs;
}

std::optional<Database::ConnectionInfo> Database::connectionInfo(QString *error) const
{
    const QString what = QCoreApplication::translate("moescope::store::Database",
                                                     "cannot read the database settings");
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return std::nullopt;
    }
    ConnectionInfo info;
    QSqlError err;
    QVariant journal, fk, timeout;
    const std::optional<int> version = d->userVersion(&err);
    if (d->backend == Backend::PostgreSQL) {
        QVariant server;
        if (!version || !d->exec(QStringLiteral("SHOW server_version"), &err, &server)) {
            d->failSql(error, what, err);
            return std::nullopt;
        }
        info.userVersion = *version;
        info.server = QStringLiteral("PostgreSQL ") + server.toString();
        info.foreignKeys = true; // always enforced
        info.busyTimeoutMs = d->busyTimeoutMs;
        info.readOnly = isReadOnly();
        return info;
    }
    if (!version || !d->exec(QStringLiteral("PRAGMA journal_mode"), &err, &journal) ||
        !d->exec(QStringLiteral("PRAGMA foreign_keys"), &err, &fk) ||
        !d->exec(QStringLiteral("PRAGMA busy_timeout"), &err, &timeout)) {
        d->failSql(error, what, err);
        return std::nullopt;
    }
    info.userVersion = *version;
    info.journalMode = journal.toString().toLower();
    info.server = QStringLiteral("SQLite");
    info.foreignKeys = fk.toInt() == 1;
    info.busyTimeoutMs = timeout.toInt();
    info.readOnly = isReadOnly();
    return info;
}

std::optional<qint64> Database::saveRun(const RunRecord &run,
                                        const std::vector<FrameRouting> &routing, QString *error)
{
    const QString what =
        QCoreApplication::translate("moescope::store::Database", "cannot save the run");
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return std::nullopt;
    }

    // Check the input before touching the file, so mistakes read as such.
    if (!isSha256(run.model.sha256)) {
        d->fail(error, what,
                QCoreApplication::translate("moescope::store::Database",
                                            "the model's sha256 \"%1\" is not 64 hex digits")
                    .arg(run.model.sha256));
        return std::nullopt;
    }
    if (!isSha256(run.image.sha256)) {
        d->fail(error, what,
                QCoreApplication::translate("moescope::store::Database",
                                            "the image's sha256 \"%1\" is not 64 hex digits")
                    .arg(run.image.sha256));
        return std::nullopt;
    }
    std::set<int> frames;
    for (const FrameRouting &frame : routing) {
        if (!frames.insert(frame.frame).second) {
            d->fail(error, what,
                    QCoreApplication::translate("moescope::store::Database",
                                                "frame %1 appears twice in the routing")
                        .arg(frame.frame));
            return std::nullopt;
        }
        for (size_t i = 0; i < frame.layers.size(); ++i) {
            const routing::LayerRouting &layer = frame.layers[i];
            const QString where = QCoreApplication::translate("moescope::store::Database",
                                                              "frame %1, layer %2 (\"%3\")")
                                      .arg(frame.frame)
                                      .arg(i)
                                      .arg(QString::fromStdString(layer.name));
            if (layer.tokens < 0 || layer.experts < 0) {
                d->fail(error, what, where + QStringLiteral(": negative token or expert count"));
                return std::nullopt;
            }
            const quint64 cells = quint64(layer.tokens) * quint64(layer.experts);
            if (layer.probs.size() != cells) {
                d->fail(error, what,
                        where + QStringLiteral(": %1 router probabilities for %2 tokens × %3 "
                                               "experts")
                                    .arg(layer.probs.size())
                                    .arg(layer.tokens)
                                    .arg(layer.experts));
                return std::nullopt;
            }
            if (!layer.dispatch.empty() && layer.dispatch.size() != cells) {
                d->fail(error, what,
                        where + QStringLiteral(": %1 dispatch weights for %2 tokens × %3 experts")
                                    .arg(layer.dispatch.size())
                                    .arg(layer.tokens)
                                    .arg(layer.experts));
                return std::nullopt;
            }
            if (cells * sizeof(float) > quint64(std::numeric_limits<int>::max())) {
                d->fail(error, what, where + QStringLiteral(": too large to store"));
                return std::nullopt;
            }
        }
    }
    if (const QString cause = d->readOnlyCause(); !cause.isEmpty()) {
        d->fail(error, what, cause + QStringLiteral("; nothing was saved"));
        return std::nullopt;
    }

    QSqlError err;
    auto failSql = [&](const QSqlError &e) {
        d->failSql(error, what, e);
        return std::nullopt;
    };
    WriteTransaction tx(d->db, d->backend);
    if (!tx.begin(&err))
        return failSql(err);

    const QString now = toIso(QDateTime::currentDateTimeUtc());
    const QString modelSha = run.model.sha256.toLower();
    const QString imageSha = run.image.sha256.toLower();

    auto idOf = [&](const QString &table, const QString &sha) -> std::optional<qint64> {
        // `table` is one of two literals below, never input.
        Query q(d->db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id FROM %1 WHERE sha256 = :sha").arg(table));
        q.bindValue(QStringLiteral(":sha"), sha);
        if (!q.exec()) {
            err = q.lastError();
            return std::nullopt;
        }
        if (!q.next()) {
            err = QSqlError(QString(),
                            QCoreApplication::translate("moescope::store::Database",
                                                        "the %1 row just written is missing")
                                .arg(table));
            return std::nullopt;
        }
        return q.value(0).toLongLong();
    };

    // Upsert the model: keep first_seen; non-empty fields replace stored ones.
    if (!d->upsertModel(run.model, now, &err))
        return failSql(err);
    const std::optional<qint64> modelId = idOf(QStringLiteral("models"), modelSha);
    if (!modelId)
        return failSql(err);

    // Upsert the image: the same content has the same size, so only a known
    // (positive) size replaces the stored one.
    {
        Query q(d->db);
        q.prepare(QStringLiteral(
            "INSERT INTO images (sha256, path, width, height, frames, modality, first_seen)"
            " VALUES (:sha, :path, :width, :height, :frames, :modality, :now)"
            " ON CONFLICT (sha256) DO UPDATE SET"
            " path = COALESCE(NULLIF(excluded.path, ''), images.path),"
            " width = CASE WHEN excluded.width > 0 THEN excluded.width ELSE images.width END,"
            " height = CASE WHEN excluded.height > 0 THEN excluded.height ELSE images.height END,"
            " frames = CASE WHEN excluded.frames > 0 THEN excluded.frames ELSE images.frames END,"
            " modality = COALESCE(NULLIF(excluded.modality, ''), images.modality)"));
        q.bindValue(QStringLiteral(":sha"), imageSha);
        q.bindValue(QStringLiteral(":path"), text(run.image.path));
        q.bindValue(QStringLiteral(":width"), run.image.width);
        q.bindValue(QStringLiteral(":height"), run.image.height);
        q.bindValue(QStringLiteral(":frames"), run.image.frames);
        q.bindValue(QStringLiteral(":modality"), text(run.image.modality));
        q.bindValue(QStringLiteral(":now"), now);
        if (!q.exec())
            return failSql(q.lastError());
    }
    const std::optional<qint64> imageId = idOf(QStringLiteral("images"), imageSha);
    if (!imageId)
        return failSql(err);

    qint64 runId = 0;
    {
        Query q(d->db);
        q.prepare(QStringLiteral(
            "INSERT INTO runs (model_id, image_id, device, created_at, elapsed_ms, timings_json,"
            " outputs_json, summary_json, expert_mask_json, frame_count, note, created_by,"
            " created_on)"
            " VALUES (:model, :image, :device, :created, :elapsed, :timings, :outputs, :summary,"
            " :mask, :frames, :note, :by, :on) RETURNING id"));
        q.bindValue(QStringLiteral(":model"), *modelId);
        q.bindValue(QStringLiteral(":image"), *imageId);
        q.bindValue(QStringLiteral(":device"), text(run.device));
        q.bindValue(QStringLiteral(":created"),
                    run.createdAt.isValid() ? toIso(run.createdAt) : now);
        q.bindValue(QStringLiteral(":elapsed"), run.elapsedMs);
        q.bindValue(QStringLiteral(":timings"), compactJson(run.timings));
        q.bindValue(QStringLiteral(":outputs"), compactJson(run.outputs));
        q.bindValue(QStringLiteral(":summary"), compactJson(run.summary));
        q.bindValue(QStringLiteral(":mask"), compactJson(run.expertMask));
        q.bindValue(QStringLiteral(":frames"), run.frameCount);
        q.bindValue(QStringLiteral(":note"), text(run.note));
        q.bindValue(QStringLiteral(":by"), run.createdBy.isEmpty() ? localUser() : run.createdBy);
        q.bindValue(QStringLiteral(":on"), run.createdOn.isEmpty() ? localHost() : run.createdOn);
        if (!q.exec())
            return failSql(q.lastError());
        if (!q.next())
            return failSql(
                QSqlError(QString(), QCoreApplication::translate("moescope::store::Database",
                                                                 "no id for the new run")));
        runId = q.value(0).toLongLong();
        q.finish(); // SQLite: RETURNING's statement stays open until stepped to its end
    }

    {
        Query q(d->db);
        if (!q.prepare(QStringLiteral(
                "INSERT INTO routing (run_id, frame, layer_index, name, experts, tokens, top_k,"
                " router, expert_names_json, grids_json, probs, dispatch)"
                " VALUES (:run, :frame, :layer, :name, :experts, :tokens, :topk, :router,"
                " :names, :grids, :probs, :dispatch)")))
            return failSql(q.lastError());
        for (const FrameRouting &frame : routing) {
            for (size_t i = 0; i < frame.layers.size(); ++i) {
                const routing::LayerRouting &layer = frame.layers[i];
                q.bindValue(QStringLiteral(":run"), runId);
                q.bindValue(QStringLiteral(":frame"), frame.frame);
                q.bindValue(QStringLiteral(":layer"), int(i));
                q.bindValue(QStringLiteral(":name"), QString::fromStdString(layer.name));
                q.bindValue(QStringLiteral(":experts"), layer.experts);
                q.bindValue(QStringLiteral(":tokens"), layer.tokens);
                q.bindValue(QStringLiteral(":topk"), layer.topK);
                q.bindValue(QStringLiteral(":router"), QString::fromStdString(layer.router));
                q.bindValue(QStringLiteral(":names"), compactJson(namesToJson(layer.expertNames)));
                q.bindValue(QStringLiteral(":grids"), compactJson(gridsToJson(layer.grids)));
                q.bindValue(QStringLiteral(":probs"), floatsToBlob(layer.probs));
                // A null QByteArray binds as SQL NULL: "no dispatch weights".
                q.bindValue(QStringLiteral(":dispatch"),
                            layer.dispatch.empty() ? QVariant(QByteArray())
                                                   : QVariant(floatsToBlob(layer.dispatch)));
                if (!q.exec())
                    return failSql(q.lastError());
            }
        }
    }

    // Windows on other machines hear of it at commit (LISTEN, runfeed.h).
    if (!d->notifyRuns(QStringLiteral("saved %1").arg(runId), &err) || !tx.commit(&err))
        return failSql(err);
    return runId;
}

QList<RunRecord> Database::listRuns(QString *error, int limit) const
{
    const QString what =
        QCoreApplication::translate("moescope::store::Database", "cannot list the runs");
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return {};
    }
    Query q(d->db);
    q.setForwardOnly(true);
    // SQLite's "no limit" is -1, PostgreSQL's is none; `limit` is an int.
    QString sql = kRunColumns + QStringLiteral("ORDER BY r.created_at DESC, r.id DESC");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    q.prepare(sql);
    if (!q.exec()) {
        d->failSql(error, what, q.lastError());
        return {};
    }
    QList<RunRecord> runs;
    while (q.next())
        runs.append(d->runFromQuery(q, nullptr)); // a damaged JSON column reads as empty
    if (q.lastError().isValid()) {
        d->failSql(error, what, q.lastError());
        return {};
    }
    return runs;
}

std::optional<RunRecord> Database::loadRun(qint64 id, std::vector<FrameRouting> *routing,
                                           QString *error) const
{
    const QString what =
        QCoreApplication::translate("moescope::store::Database", "cannot load run %1").arg(id);
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return std::nullopt;
    }
    RunRecord run;
    {
        Query q(d->db);
        q.setForwardOnly(true);
        q.prepare(kRunColumns + QStringLiteral("WHERE r.id = :id"));
        q.bindValue(QStringLiteral(":id"), id);
        if (!q.exec()) {
            d->failSql(error, what, q.lastError());
            return std::nullopt;
        }
        if (!q.next()) {
            if (q.lastError().isValid())
                d->failSql(error, what, q.lastError());
            else
                d->fail(error, what,
                        QCoreApplication::translate("moescope::store::Database",
                                                    "there is no such run"));
            return std::nullopt;
        }
        bool jsonOk = true;
        run = d->runFromQuery(q, &jsonOk);
        if (!jsonOk) {
            d->fail(error, what,
                    QCoreApplication::translate("moescope::store::Database",
                                                "its stored JSON is damaged"));
            return std::nullopt;
        }
    }
    if (!routing)
        return run;

    std::vector<FrameRouting> frames;
    Query q(d->db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT frame, layer_index, name, experts, tokens, top_k, router, expert_names_json,"
        " grids_json, probs, dispatch FROM routing WHERE run_id = :id"
        " ORDER BY frame, layer_index"));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec()) {
        d->failSql(error, what, q.lastError());
        return std::nullopt;
    }
    while (q.next()) {
        const int frame = q.value(0).toInt();
        const int layerIndex = q.value(1).toInt();
        routing::LayerRouting layer;
        layer.name = q.value(2).toString().toStdString();
        layer.experts = q.value(3).toInt();
        layer.tokens = q.value(4).toInt();
        layer.topK = q.value(5).toInt();
        layer.router = q.value(6).toString().toStdString();
        QJsonDocument names, grids;
        if (!parseJson(q.value(7).toString(), &names) ||
            !parseJson(q.value(8).toString(), &grids)) {
            d->fail(error, what,
                    QCoreApplication::translate("moescope::store::Database",
                                                "the stored JSON of frame %1, layer %2 is damaged")
                        .arg(frame)
                        .arg(layerIndex));
            return std::nullopt;
        }
        layer.expertNames = namesFromJson(names.array());
        layer.grids = gridsFromJson(grids.array());
        const qint64 bytes = qint64(layer.tokens) * layer.experts * qint64(sizeof(float));
        const QByteArray probs = q.value(9).toByteArray();
        const QVariant dispatchValue = q.value(10);
        const QByteArray dispatch =
            dispatchValue.isNull() ? QByteArray() : dispatchValue.toByteArray();
        if (probs.size() != bytes || (!dispatchValue.isNull() && dispatch.size() != bytes)) {
            d->fail(error, what,
                    QCoreApplication::translate(
                        "moescope::store::Database",
                        "the stored routing of frame %1, layer %2 does not match its "
                        "%3 tokens × %4 experts")
                        .arg(frame)
                        .arg(layerIndex)
                        .arg(layer.tokens)
                        .arg(layer.experts));
            return std::nullopt;
        }
        layer.probs = blobToFloats(probs);
        layer.dispatch = blobToFloats(dispatch);
        if (frames.empty() || frames.back().frame != frame)
            frames.push_back(FrameRouting{frame, {}});
        if (size_t(layerIndex) != frames.back().layers.size()) {
            d->fail(error, what,
                    QCoreApplication::translate("moescope::store::Database",
                                                "frame %1 is missing layer %2")
                        .arg(frame)
                        .arg(frames.back().layers.size()));
            return std::nullopt;
        }
        frames.back().layers.push_back(std::move(layer));
    }
    if (q.lastError().isValid()) {
        d->failSql(error, what, q.lastError());
        return std::nullopt;
    }
    *routing = std::move(frames);
    return run;
}

bool Database::deleteRun(qint64 id, QString *error)
{
    const QString what =
        QCoreApplication::translate("moescope::store::Database", "cannot delete run %1").arg(id);
    if (!d->isOpen())
        return d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
    if (const QString cause = d->readOnlyCause(); !cause.isEmpty())
        return d->fail(error, what, cause + QStringLiteral("; nothing was deleted"));

    QSqlError err;
    WriteTransaction tx(d->db, d->backend);
    if (!tx.begin(&err))
        return d->failSql(error, what, err);
    {
        Query q(d->db);
        q.prepare(QStringLiteral("DELETE FROM runs WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), id);
        if (!q.exec())
            return d->failSql(error, what, q.lastError());
        if (q.numRowsAffected() != 1)
            return d->fail(
                error, what,
                QCoreApplication::translate("moescope::store::Database", "there is no such run"));
    }
    if (!d->notifyRuns(QStringLiteral("deleted %1").arg(id), &err) || !tx.commit(&err))
        return d->failSql(error, what, err);
    return true;
}

std::optional<qint64> Database::findRun(const QString &modelSha, const QString &imageSha,
                                        const QJsonArray &expertMask, QString *error) const
{
    if (error)
        error->clear();
    const QString what =
        QCoreApplication::translate("moescope::store::Database", "cannot look for an earlier run");
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return std::nullopt;
    }
    Query q(d->db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT r.id FROM runs r JOIN models m ON m.id = r.model_id"
        " JOIN images i ON i.id = r.image_id"
        " WHERE m.sha256 = :model AND i.sha256 = :image AND r.expert_mask_json = :mask"
        " ORDER BY r.created_at DESC, r.id DESC LIMIT 1"));
    q.bindValue(QStringLiteral(":model"), modelSha.toLower());
    q.bindValue(QStringLiteral(":image"), imageSha.toLower());
    q.bindValue(QStringLiteral(":mask"), compactJson(expertMask));
    if (!q.exec()) {
        d->failSql(error, what, q.lastError());
        return std::nullopt;
    }
    if (q.next())
        return q.value(0).toLongLong();
    if (q.lastError().isValid())
        d->failSql(error, what, q.lastError());
    return std::nullopt;
}

} // namespace moescope::store
