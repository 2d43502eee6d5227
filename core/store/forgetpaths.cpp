// Database::forgetInputPaths: the store keeps each input's full path so that a
// stored run can reopen its image, and a gallery can show its sources. A
// folder named after a patient is then in the file; a user who shares the
// database (or must not keep the names) replaces every stored input path by
// its file name. SQLite keeps deleted text in free pages and in the WAL, so
// the file is checkpointed and rewritten (VACUUM) afterwards.
#include "database.h"
#include "database_p.h"

namespace moescope::store {

std::optional<int> Database::forgetInputPaths(QString *error)
{
    const QString what =
        QCoreApplication::translate("moescope::store::Database", "cannot forget the stored paths");
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return std::nullopt;
    }
    if (const QString cause = d->readOnlyCause(); !cause.isEmpty()) {
        d->fail(error, what, cause);
        return std::nullopt;
    }
    QSqlError err;
    WriteTransaction tx(d->db, d->backend);
    if (!tx.begin(&err)) {
        d->failSql(error, what, err);
        return std::nullopt;
    }
    // The folder part of a path is rtrim(path, <its characters other than
    // '/'>); what remains after removing it is the file name.
    int changed = 0;
    for (const char *table : {"images", "gallery_sources", "gallery_items"}) {
        Query q(d->db);
        // `table` is one of three literals above, never input.
        if (!q.exec(QStringLiteral("UPDATE %1 SET path = replace(path, rtrim(path, replace(path, "
                                   "'/', '')), '') WHERE path LIKE '%/%'")
                        .arg(QLatin1String(table)))) {
            d->failSql(error, what, q.lastError());
            return std::nullopt;
        }
        changed += q.numRowsAffected();
    }
    if (!tx.commit(&err)) {
        d->failSql(error, what, err);
        return std::nullopt;
    }
    if (d->backend == Backend::PostgreSQL) {
        // VACUUM FULL rewrites the tables so the old rows leave their files;
        // the server's write-ahead log and backups keep them until they are
        // recycled, which is the administrator's to arrange.
        if (!d->exec(QStringLiteral("VACUUM FULL images, gallery_sources, gallery_items"), &err)) {
            d->failSql(error,
                       QCoreApplication::translate("moescope::store::Database",
                                                   "the paths are forgotten, but the server "
                                                   "still holds the old ones in its free space"),
                       err);
            return std::nullopt;
        }
        return changed;
    }
    if (!d->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), &err) ||
        !d->exec(QStringLiteral("VACUUM"), &err) ||
        !d->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), &err)) {
        d->failSql(error,
                   QCoreApplication::translate("moescope::store::Database",
                                               "the paths are forgotten, but the file still holds "
                                               "the old ones in its free space"),
                   err);
        return std::nullopt;
    }
    return changed;
}

} // namespace moescope::store
