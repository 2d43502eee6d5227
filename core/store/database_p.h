#pragma once
// Private to moescope_store: what database.cpp and gallery.cpp share (the
// connection, transactions, BLOB and JSON helpers, error wording).

#include "database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QVariant>
#include <QtEndian>

#include <atomic>
#include <cstring>

namespace moescope::store {

namespace detail {

// QSqlQuery for the store's statements, with two PostgreSQL cases mended.
// - exec() after a prepare() that failed fails with prepare()'s error.
//   SQLite prepares locally and hardly fails; PostgreSQL prepares on the
//   server, where a PREPARE can wait for a lock and time out, and QSqlQuery
//   would then run an unnamed EXECUTE and report a syntax error.
// - A statement that fails on PostgreSQL aborts its transaction, and every
//   later statement in it fails, including the DEALLOCATE with which Qt
//   frees prepared queries still in scope (a warning on the terminal). The
//   transaction is rolled back at once, as WriteTransaction would have done.
class Query : public QSqlQuery
{
public:
    explicit Query(const QSqlDatabase &db)
        : QSqlQuery(db), m_db(db), m_postgres(db.driverName() == QLatin1String("QPSQL"))
    {
    }
    bool prepare(const QString &sql)
    {
        m_prepared = QSqlQuery::prepare(sql);
        if (!m_prepared)
            m_prepareError = QSqlQuery::lastError();
        return m_prepared || abort();
    }
    bool exec() { return (m_prepared && QSqlQuery::exec()) || abort(); }
    bool exec(const QString &sql)
    {
        m_prepared = true;
        return QSqlQuery::exec(sql) || abort();
    }
    QSqlError lastError() const { return m_prepared ? QSqlQuery::lastError() : m_prepareError; }

private:
    bool abort()
    {
        if (m_postgres)
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        return false;
    }

    QSqlDatabase m_db;
    bool m_postgres = false;
    bool m_prepared = true;
    QSqlError m_prepareError;
};

inline const QString kTimeFormat = QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ");

inline std::atomic<quint64> g_connectionCounter{0};

// pg_advisory_xact_lock's key for schema upgrades ("MoESlock" in ASCII).
inline constexpr qint64 kSchemaLockKey = 0x4d6f45536c6f636bLL;

// The PostgreSQL channel runs are announced on: "saved <id>" or
// "deleted <id>" (runfeed.h).
inline const QString kRunsChannel = QStringLiteral("moescope_runs");

// This process's user and machine, as a run records them.
QString localUser();
QString localHost();

// Whether `path` may be written.
//
// QFileInfo::isWritable() is access(2): the truth for an ordinary user (it
// also sees ACLs and read-only mounts), but for root it ignores the mode
// bits, and SQLite running as root would happily write a file someone made
// read-only with chmod 0444. So we also honour the mode bits
// (QFileInfo::permissions(), i.e. st_mode): a file or folder with no write
// bit at all is treated as read-only for everyone, root included. We then
// open it with QSQLITE_OPEN_READONLY and refuse writes with a clear message
// instead of relying on SQLite's SQLITE_READONLY, which root never gets.
inline bool writable(const QString &path)
{
    const QFileInfo info(path);
    const auto anyWrite = QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
    return info.isWritable() && (info.permissions() & anyWrite);
}

inline QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// A QString that binds as '' rather than NULL (a null QString binds as NULL).
inline QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

inline QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

inline QString compactJson(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

inline bool parseJson(const QString &s, QJsonDocument *doc)
{
    if (s.isEmpty()) {
        *doc = QJsonDocument();
        return true;
    }
    QJsonParseError err;
    *doc = QJsonDocument::fromJson(s.toUtf8(), &err);
    return err.error == QJsonParseError::NoError;
}

inline QString toIso(const QDateTime &t)
{
    return t.toUTC().toString(kTimeFormat);
}

inline QDateTime fromIso(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : t;
}

inline QByteArray floatsToBlob(const std::vector<float> &values)
{
    if (values.empty())
        return QByteArray("", 0); // empty but not null: binds as an empty BLOB
    QByteArray blob(qsizetype(values.size() * sizeof(float)), Qt::Uninitialized);
    char *out = blob.data();
    for (float v : values) {
        quint32 bits;
        std::memcpy(&bits, &v, sizeof bits);
        qToLittleEndian(bits, out);
        out += sizeof bits;
    }
    return blob;
}

inline std::vector<float> blobToFloats(const QByteArray &blob)
{
    std::vector<float> values(size_t(blob.size()) / sizeof(float));
    const char *in = blob.constData();
    for (float &v : values) {
        const quint32 bits = qFromLittleEndian<quint32>(in);
        std::memcpy(&v, &bits, sizeof v);
        in += sizeof bits;
    }
    return values;
}

inline QJsonArray gridsToJson(const std::vector<routing::TokenGrid> &grids)
{
    QJsonArray a;
    for (const routing::TokenGrid &g : grids)
        a.append(QJsonObject{{QStringLiteral("input"), QString::fromStdString(g.input)},
                             {QStringLiteral("offset"), g.offset},
                             {QStringLiteral("rows"), g.rows},
                             {QStringLiteral("cols"), g.cols}});
    return a;
}

inline std::vector<routing::TokenGrid> gridsFromJson(const QJsonArray &a)
{
    std::vector<routing::TokenGrid> grids;
    for (const QJsonValue &v : a) {
        const QJsonObject o = v.toObject();
        routing::TokenGrid g;
        g.input = o.value(QStringLiteral("input")).toString().toStdString();
        g.offset = o.value(QStringLiteral("offset")).toInt();
        g.rows = o.value(QStringLiteral("rows")).toInt();
        g.cols = o.value(QStringLiteral("cols")).toInt();
        grids.push_back(std::move(g));
    }
    return grids;
}

inline QJsonArray namesToJson(const std::vector<std::string> &names)
{
    QJsonArray a;
    for (const std::string &n : names)
        a.append(QString::fromStdString(n));
    return a;
}

inline std::vector<std::string> namesFromJson(const QJsonArray &a)
{
    std::vector<std::string> names;
    names.reserve(size_t(a.size()));
    for (const QJsonValue &v : a)
        names.push_back(v.toString().toStdString());
    return names;
}

inline bool isSha256(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{64}$"));
    return re.match(s).hasMatch();
}

// SQLite's error in words a user can act on, followed by SQLite's own text.
inline QString describe(const QSqlError &e, int busyTimeoutMs)
{
    QString sqlite = e.databaseText().trimmed();
    if (sqlite.isEmpty())
        sqlite = e.text().trimmed();
    bool ok = false;
    // Qt may report extended result codes; the primary code is the low byte.
    const int code = e.nativeErrorCode().toInt(&ok) & 0xff;
    QString words;
    if (ok) {
        switch (code) {
        case 5: // SQLITE_BUSY
        case 6: // SQLITE_LOCKED
            words = QCoreApplication::translate(
                        "moescope::store::Database",
                        "the database is locked by another connection or program "
                        "(waited %1 ms); try again when it has finished")
                        .arg(busyTimeoutMs);
            break;
        case 8: // SQLITE_READONLY
            words = QCoreApplication::translate("moescope::store::Database",
                                                "the database file is read-only");
            break;
        case 10: // SQLITE_IOERR
            words = QCoreApplication::translate("moescope::store::Database",
                                                "input/output error while accessing the file");
            break;
        case 11: // SQLITE_CORRUPT
            words = QCoreApplication::translate("moescope::store::Database",
                                                "the database file is damaged");
            break;
        case 13: // SQLITE_FULL
            words = QCoreApplication::translate("moescope::store::Database", "the disk is full");
            break;
        case 14: // SQLITE_CANTOPEN
            words = QCoreApplication::translate(
                "moescope::store::Database",
                "cannot open the file; check that its folder exists and "
                "may be written");
            break;
        case 19: // SQLITE_CONSTRAINT
            words = QCoreApplication::translate("moescope::store::Database",
                                                "the data breaks a rule of the database");
            break;
        case 23: // SQLITE_AUTH
            words = QCoreApplication::translate("moescope::store::Database", "access denied");
            break;
        case 26: // SQLITE_NOTADB
            words = QCoreApplication::translate("moescope::store::Database",
                                                "the file is not an SQLite database");
            break;
        default:
            break;
        }
    }
    if (words.isEmpty())
        return sqlite.isEmpty() ? QCoreApplication::translate("moescope::store::Database",
                                                              "unknown database error")
                                : sqlite;
    if (sqlite.isEmpty())
        return words;
    return words + QStringLiteral(" (") + sqlite + QLatin1Char(')');
}

// PostgreSQL's error (by SQLSTATE) in words a user can act on, followed by
// the server's own text (postgres.cpp).
QString describePostgres(const QSqlError &e, int lockTimeoutMs);

// SQLite reports a full disk as SQLITE_FULL only where it notices; writing
// the WAL index or a new file's first page fails with SQLITE_IOERR or
// SQLITE_CANTOPEN instead. Where the file system holding `path` has (almost)
// nothing left, that is the cause the user must hear.
inline QString fullDiskCause(const QString &path)
{
    QString dir = QFileInfo(path).absolutePath();
    while (!QFileInfo::exists(dir) && dir != QDir(dir).absoluteFilePath(QStringLiteral("..")))
        dir = QFileInfo(dir).absolutePath();
    const QStorageInfo storage(dir);
    constexpr qint64 kNearlyFull = 64 * 1024; // less than a few SQLite pages
    if (!storage.isValid() || storage.bytesAvailable() >= kNearlyFull)
        return {};
    return QCoreApplication::translate("moescope::store::Database",
                                       "the disk is full: %1 kB free on %2 (%3)")
        .arg(storage.bytesAvailable() / 1024)
        .arg(native(storage.rootPath()), QString::fromUtf8(storage.fileSystemType()));
}

} // namespace detail

using namespace detail;

// Which server or file format a Database talks to. The SQL is shared: both
// take ON CONFLICT upserts, RETURNING, CHECK constraints and BLOB/bytea
// binding through Qt Sql; what differs (connecting, the schema version's
// home, locking, error codes) is asked of backend().
enum class Backend { SQLite, PostgreSQL };

// Whether `location` names a PostgreSQL database (a libpq URI) rather than
// a file.
bool isPostgresUrl(const QString &location);

struct Database::Private
{
    QString connectionName;
    QSqlDatabase db;  // invalid while closed
    QString location; // what open() was given: the file, or the URL
    QString path;     // for messages: the file, or the URL without its password
    Backend backend = Backend::SQLite;
    int busyTimeoutMs = 5000;
    bool readOnlyAtOpen = false;
    QString readOnlyReason;

    bool isOpen() const { return db.isValid() && db.isOpen(); }

    // Sets *error to "<path>: <what>: <cause>" and returns false.
    bool fail(QString *error, const QString &what, const QString &cause) const
    {
        if (error) {
            QString msg = native(path) + QStringLiteral(": ") + what;
            if (!cause.isEmpty())
                msg += QStringLiteral(": ") + cause;
            *error = msg;
        }
        return false;
    }
    bool failSql(QString *error, const QString &what, const QSqlError &e) const
    {
        if (backend == Backend::PostgreSQL)
            return fail(error, what, describePostgres(e, busyTimeoutMs));
        const int code = e.nativeErrorCode().toInt() & 0xff;
        const bool mayBeSpace = code == 10 || code == 13 || code == 14; // IOERR, FULL, CANTOPEN
        const QString full = mayBeSpace ? fullDiskCause(path) : QString();
        return fail(error, what, full.isEmpty() ? describe(e, busyTimeoutMs) : full);
    }

    void closeConnection()
    {
        if (db.isValid())
            db.close();
        db = QSqlDatabase(); // drop our handle so removeDatabase() finds none in use
        if (QSqlDatabase::contains(connectionName))
            QSqlDatabase::removeDatabase(connectionName);
    }

    // Why writes are refused now, or "" when they are allowed.
    QString readOnlyCause() const
    {
        if (readOnlyAtOpen)
            return readOnlyReason;
        if (backend == Backend::SQLite && !writable(path))
            return QCoreApplication::translate(
                "moescope::store::Database",
                "the database file is read-only (it has no write permission)");
        return {};
    }

    // Runs one statement without values (PRAGMA, BEGIN, ...). Values always go
    // through prepare() + bindValue().
    bool exec(const QString &sql, QSqlError *err, QVariant *firstValue = nullptr) const
    {
        Query q(db);
        q.setForwardOnly(true);
        if (!q.exec(sql)) {
            *err = q.lastError();
            return false;
        }
        if (firstValue)
            *firstValue = q.next() ? q.value(0) : QVariant();
        return true;
    }

    // The schema version: SQLite's PRAGMA user_version; on PostgreSQL the
    // one row of moescope_schema (0 while that table does not exist).
    std::optional<int> userVersion(QSqlError *err) const;
    bool setUserVersion(int version, QSqlError *err) const;

    // How long a write waits for another connection's lock: SQLite's busy
    // timeout, PostgreSQL's lock_timeout.
    bool applyBusyTimeout(QSqlError *err) const
    {
        // Neither takes a bound value; this is an int of ours, not input.
        return exec(backend == Backend::PostgreSQL
                        ? QStringLiteral("SET lock_timeout = %1").arg(busyTimeoutMs)
                        : QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs),
                    err);
    }

    // The two ways in (sqlitefile.cpp, postgres.cpp): connect and check what
    // is there; the schema is upgraded by open() afterwards.
    bool openSqliteFile(QString *error);
    bool openPostgres(const QString &url, QString *error);
    // Runs `sql` as one statement, or as the PostgreSQL equivalent of
    // SQLite DDL (postgres.cpp, postgresDdl()).
    bool execDdl(const QString &sql, QSqlError *err) const;

    // After connecting: refuses a schema newer than this build's and
    // upgrades an older one (refused when read-only). Closes the connection
    // when it fails.
    bool adoptSchema(int version, QString *error);
    // NOTIFY kRunsChannel inside the caller's transaction (so it is sent at
    // commit, and never for a rolled-back write); nothing on SQLite.
    bool notifyRuns(const QString &payload, QSqlError *err) const;
    bool migrate(QString *error);
    // Inserts the model or updates it by sha256: first_seen is kept, non-empty
    // name/task/path/contract replace the stored ones. Inside the caller's
    // transaction.
    bool upsertModel(const ModelRef &model, const QString &now, QSqlError *err) const;
    RunRecord runFromQuery(const QSqlQuery &q, bool *jsonOk) const;
};

namespace detail {

// BEGIN IMMEDIATE … COMMIT; rolled back when it goes out of scope uncommitted.
// IMMEDIATE takes the write lock up front, so a busy database fails at BEGIN
// (after the busy timeout) rather than half-way through.
//
// PostgreSQL has no IMMEDIATE: its row locks are taken as rows are written,
// and a conflict waits lock_timeout, then fails the statement (and so the
// transaction), which rolls back as well.
class WriteTransaction
{
public:
    WriteTransaction(const QSqlDatabase &db, Backend backend)
        : m_db(db), m_postgres(backend == Backend::PostgreSQL)
    {
    }
    ~WriteTransaction()
    {
        if (m_active) {
            Query q(m_db);
            q.exec(QStringLiteral("ROLLBACK"));
        }
    }
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool begin(QSqlError *err)
    {
        Query q(m_db);
        if (!q.exec(m_postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"))) {
            *err = q.lastError();
            return false;
        }
        m_active = true;
        return true;
    }
    bool commit(QSqlError *err)
    {
        Query q(m_db);
        if (!q.exec(QStringLiteral("COMMIT"))) {
            *err = q.lastError();
            return false; // still active: the destructor rolls back
        }
        m_active = false;
        return true;
    }

private:
    QSqlDatabase m_db;
    bool m_postgres = false;
    bool m_active = false;
};

} // namespace detail

} // namespace moescope::store
