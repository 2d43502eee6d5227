// Database::open for an SQLite file: the checks a file needs before SQLite
// touches it (a folder in the way, permissions, a file that is not SQLite),
// WAL mode and foreign keys.
#include "database.h"
#include "database_p.h"

namespace moescope::store {

bool Database::Private::openSqliteFile(QString *error)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(
            error,
            QCoreApplication::translate("moescope::store::Database", "cannot open the database"),
            QCoreApplication::translate("moescope::store::Database",
                                        "the Qt SQLite driver (QSQLITE) is not installed"));

    const QFileInfo file(path);
    const QString dir = file.absolutePath();
    const QFileInfo dirInfo(dir);
    if (file.exists() && !file.isFile())
        return fail(
            error,
            QCoreApplication::translate("moescope::store::Database", "cannot open the database"),
            QCoreApplication::translate("moescope::store::Database",
                                        "it is a folder or special file, not a database file"));
    if (!dirInfo.exists()) {
        if (!QDir().mkpath(dir))
            return fail(error,
                        QCoreApplication::translate("moescope::store::Database",
                                                    "cannot create the database"),
                        QCoreApplication::translate("moescope::store::Database",
                                                    "cannot create the folder \"%1\"")
                            .arg(native(dir)));
    } else if (!dirInfo.isDir()) {
        return fail(
            error,
            QCoreApplication::translate("moescope::store::Database", "cannot create the database"),
            QStringLiteral("\"%1\" is not a folder").arg(native(dir)));
    }

    // Where we may not write, open read-only (see writable()). SQLite's WAL
    // mode also creates -wal/-shm files next to the database, so a folder we
    // may not write makes the database read-only too.
    readOnlyAtOpen = false;
    readOnlyReason.clear();
    if (!file.exists()) {
        if (!writable(dir))
            return fail(
                error,
                QCoreApplication::translate("moescope::store::Database",
                                            "cannot create the database"),
                QCoreApplication::translate("moescope::store::Database",
                                            "the folder \"%1\" is read-only (it has no write "
                                            "permission)")
                    .arg(native(dir)));
    } else if (!writable(path)) {
        readOnlyAtOpen = true;
        readOnlyReason = QCoreApplication::translate(
            "moescope::store::Database",
            "the database file is read-only (it has no write permission)");
    } else if (!writable(dir)) {
        readOnlyAtOpen = true;
        readOnlyReason =
            QCoreApplication::translate("moescope::store::Database",
                                        "the database is read-only: its folder \"%1\" has no "
                                        "write permission")
                .arg(native(dir));
    }

    // A database this call creates and then fails to set up (a full disk,
    // mostly) is removed again rather than left as a 0-byte file that the
    // next start would take for a database. Only while it is still empty: a
    // process opening the same new file at once may have written it since.
    struct RemoveIfLeftEmpty
    {
        QString path;
        bool armed;
        ~RemoveIfLeftEmpty()
        {
            const QString wal = path + QStringLiteral("-wal");
            if (!armed || QFileInfo(path).size() != 0 || QFileInfo(wal).size() != 0)
                return;
            for (const char *suffix : {"", "-wal", "-shm", "-journal"})
                QFile::remove(path + QLatin1String(suffix));
        }
    } removeIfLeftEmpty{path, !file.exists()};

    db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
    if (readOnlyAtOpen)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    if (!db.open()) {
        const QSqlError e = db.lastError();
        closeConnection();
        return failSql(
            error,
            QCoreApplication::translate("moescope::store::Database", "cannot open the database"),
            e);
    }

    auto failOpen = [&](const QString &what, const QSqlError &e) {
        failSql(error, what, e);
        closeConnection();
        return false;
    };
    QSqlError err;
    if (!applyBusyTimeout(&err))
        return failOpen(
            QCoreApplication::translate("moescope::store::Database", "cannot open the database"),
            err);
    // The first read: this is where a file that is not SQLite shows, before
    // anything has been written to it.
    const std::optional<int> version = userVersion(&err);
    if (!version)
        return failOpen(
            QCoreApplication::translate("moescope::store::Database", "cannot open the database"),
            err);
    if (!readOnlyAtOpen) {
        // Persistent in the file. A file system that cannot do WAL answers
        // with the mode it kept; that still works, so it is not an error.
        if (!exec(QStringLiteral("PRAGMA journal_mode = WAL"), &err))
            return failOpen(QCoreApplication::translate("moescope::store::Database",
                                                        "cannot open the database"),
                            err);
    }
    QVariant fk;
    if (!exec(QStringLiteral("PRAGMA foreign_keys = ON"), &err) ||
        !exec(QStringLiteral("PRAGMA foreign_keys"), &err, &fk))
        return failOpen(
            QCoreApplication::translate("moescope::store::Database", "cannot open the database"),
            err);
    if (fk.toInt() != 1) {
        fail(error,
             QCoreApplication::translate("moescope::store::Database", "cannot open the database"),
             QCoreApplication::translate("moescope::store::Database",
                                         "this SQLite cannot enforce foreign keys"));
        closeConnection();
        return false;
    }
    if (!adoptSchema(*version, error))
        return false;
    removeIfLeftEmpty.armed = false;
    return true;
}

} // namespace moescope::store
