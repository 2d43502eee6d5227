// Database's gallery half (schema: migration 1 → 2 in database.cpp).
#include "database.h"
#include "database_p.h"

#include <QFloat16>
#include <QHash>

#include <cmath>

namespace moescope::store {

namespace {

QByteArray floatsToHalfBlob(const std::vector<float> &values)
{
    QByteArray blob(qsizetype(values.size() * 2), Qt::Uninitialized);
    char *out = blob.data();
    for (float v : values) {
        quint16 bits;
        qFloatToFloat16(reinterpret_cast<qfloat16 *>(&bits), &v, 1);
        qToLittleEndian(bits, out);
        out += 2;
    }
    return blob;
}

std::vector<float> halfBlobToFloats(const QByteArray &blob)
{
    std::vector<float> values(size_t(blob.size()) / 2);
    const char *in = blob.constData();
    for (float &v : values) {
        const quint16 bits = qFromLittleEndian<quint16>(in);
        float f;
        qFloatFromFloat16(&f, reinterpret_cast<const qfloat16 *>(&bits), 1);
        v = f;
        in += 2;
    }
    return values;
}

const QString kGalleryColumns =
    QStringLiteral("SELECT g.id, g.name, g.embedding_output, g.dim, g.created_at, g.note,"
                   " m.sha256, m.name, m.path,"
                   " (SELECT COUNT(*) FROM gallery_items i WHERE i.gallery_id = g.id),"
                   " (SELECT COUNT(*) FROM gallery_sources s WHERE s.gallery_id = g.id)"
                   " FROM galleries g JOIN models m ON m.id = g.model_id ");

GalleryInfo galleryFromQuery(const QSqlQuery &q)
{
    GalleryInfo g;
    g.id = q.value(0).toLongLong();
    g.name = q.value(1).toString();
    g.embeddingOutput = q.value(2).toString();
    g.dim = q.value(3).toInt();
    g.createdAt = fromIso(q.value(4).toString());
    g.note = q.value(5).toString();
    g.modelSha256 = q.value(6).toString();
    g.modelName = q.value(7).toString();
    g.modelPath = q.value(8).toString();
    g.itemCount = q.value(9).toLongLong();
    g.sourceCount = q.value(10).toLongLong();
    return g;
}

const QString kItemColumns = QStringLiteral(
    "SELECT i.id, s.sha256, i.frame, i.path, i.label, i.series_uid, i.modality, i.width,"
    " i.height, i.window_rows, i.window_cols, i.window_dim, i.gates_json ");

GalleryItem itemFromQuery(const QSqlQuery &q)
{
    GalleryItem it;
    it.id = q.value(0).toLongLong();
    it.sourceSha256 = q.value(1).toString();
    it.frame = q.value(2).toInt();
    it.path = q.value(3).toString();
    it.label = q.value(4).toString();
    it.seriesUid = q.value(5).toString();
    it.modality = q.value(6).toString();
    it.width = q.value(7).toInt();
    it.height = q.value(8).toInt();
    it.windowRows = q.value(9).toInt();
    it.windowCols = q.value(10).toInt();
    it.windowDim = q.value(11).toInt();
    QJsonDocument doc;
    if (parseJson(q.value(12).toString(), &doc))
        it.gates = doc.object();
    return it;
}

} // namespace

std::optional<qint64> Database::createGallery(const QString &name, const ModelRef &model,
                                              const QString &embeddingOutput, int dim,
                                              QString *error)
{
    const QString what =
        QCoreApplication::translate("moescope::store::Database", "cannot create gallery \"%1\"")
            .arg(name);
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return std::nullopt;
    }
    if (name.trimmed().isEmpty()) {
        d->fail(error,
                QCoreApplication::translate("moescope::store::Database", "cannot create a gallery"),
                QCoreApplication::translate("moescope::store::Database", "the name is empty"));
        return std::nullopt;
    }
    if (!isSha256(model.sha256)) {
        d->fail(error, what,
                QCoreApplication::translate("moescope::store::Database",
                                            "the model's sha256 \"%1\" is not 64 hex digits")
                    .arg(model.sha256));
        return std::nullopt;
    }
    if (dim <= 0) {
        d->fail(error, what,
                QCoreApplication::translate("moescope::store::Database",
                                            "embedding size %1 is not positive")
                    .arg(dim));
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
    {
        Query q(d->db);
        q.prepare(QStringLiteral("SELECT 1 FROM galleries WHERE name = :name"));
        q.bindValue(QStringLiteral(":name"), name);
        if (!q.exec()) {
            d->failSql(error, what, q.lastError());
            return std::nullopt;
        }
        if (q.next()) {
            d->fail(error, what,
                    QCoreApplication::translate("moescope::store::Database",
                                                "a gallery of that name exists"));
            return std::nullopt;
        }
    }
    const QString now = toIso(QDateTime::currentDateTimeUtc());
    const QString modelSha = model.sha256.toLower();
    if (!d->upsertModel(model, now, &err)) {
        d->failSql(error, what, err);
        return std::nullopt;
    }
    qint64 id = 0;
    {
        Query q(d->db);
        q.prepare(QStringLiteral(
            "INSERT INTO galleries (name, model_id, embedding_output, dim, created_at)"
            " SELECT :name, id, :output, :dim, :now FROM models WHERE sha256 = :sha RETURNING id"));
        q.bindValue(QStringLiteral(":name"), name);
        q.bindValue(QStringLiteral(":output"), text(embeddingOutput));
        q.bindValue(QStringLiteral(":dim"), dim);
        q.bindValue(QStringLiteral(":now"), now);
        q.bindValue(QStringLiteral(":sha"), modelSha);
        if (!q.exec() || !q.next()) {
            d->failSql(error, what, q.lastError());
            return std::nullopt;
        }
        id = q.value(0).toLongLong();
        q.finish(); // SQLite: RETURNING's statement stays open until stepped to its end
    }
    if (!tx.commit(&err)) {
        d->failSql(error, what, err);
        return std::nullopt;
    }
    return id;
}

QList<GalleryInfo> Database::listGalleries(QString *error) const
{
    QList<GalleryInfo> list;
    const QString what =
        QCoreApplication::translate("moescope::store::Database", "cannot list the galleries");
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return list;
    }
    Query q(d->db);
    q.setForwardOnly(true);
    if (!q.exec(kGalleryColumns + QStringLiteral("ORDER BY g.name"))) {
        d->failSql(error, what, q.lastError());
        return list;
    }
    while (q.next())
        list.append(galleryFromQuery(q));
    return list;
}

std::optional<GalleryInfo> Database::findGallery(const QString &name, QString *error) const
{
    const QString what =
        QCoreApplication::translate("moescope::store::Database", "cannot read gallery \"%1\"")
            .arg(name);
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return std::nullopt;
    }
    Query q(d->db);
    q.setForwardOnly(true);
    q.prepare(kGalleryColumns + QStringLiteral("WHERE g.name = :name"));
    q.bindValue(QStringLiteral(":name"), name);
    if (!q.exec()) {
        d->failSql(error, what, q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return galleryFromQuery(q);
}

bool Database::renameGallery(qint64 galleryId, const QString &newName, QString *error)
{
    const QString what = QCoreApplication::translate("moescope::store::Database",
                                                     "cannot rename the gallery to \"%1\"")
                             .arg(newName);
    if (!d->isOpen())
        return d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
    if (newName.trimmed().isEmpty())
        return d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the name is empty"));
    if (const QString cause = d->readOnlyCause(); !cause.isEmpty())
        return d->fail(error, what, cause);
    QSqlError err;
    WriteTransaction tx(d->db, d->backend);
    if (!tx.begin(&err))
        return d->failSql(error, what, err);
    Query q(d->db);
    q.prepare(QStringLiteral("SELECT id FROM galleries WHERE name = :name"));
    q.bindValue(QStringLiteral(":name"), newName);
    if (!q.exec())
        return d->failSql(error, what, q.lastError());
    if (q.next() && q.value(0).toLongLong() != galleryId)
        return d->fail(error, what,
                       QCoreApplication::translate("moescope::store::Database",
                                                   "a gallery of that name exists"));
    q.prepare(QStringLiteral("UPDATE galleries SET name = :name WHERE id = :id"));
    q.bindValue(QStringLiteral(":name"), newName);
    q.bindValue(QStringLiteral(":id"), galleryId);
    if (!q.exec())
        return d->failSql(error, what, q.lastError());
    if (q.numRowsAffected() != 1)
        return d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "there is no gallery %1")
                .arg(galleryId));
    if (!tx.commit(&err))
        return d->failSql(error, what, err);
    return true;
}

bool Database::deleteGallery(qint64 galleryId, QString *error)
{
    const QString what =
        QCoreApplication::translate("moescope::store::Database", "cannot delete gallery %1")
            .arg(galleryId);
    if (!d->isOpen())
        return d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
    if (const QString cause = d->readOnlyCause(); !cause.isEmpty())
        return d->fail(error, what, cause);
    QSqlError err;
    WriteTransaction tx(d->db, d->backend);
    if (!tx.begin(&err))
        return d->failSql(error, what, err);
    Query q(d->db);
    q.prepare(QStringLiteral("DELETE FROM galleries WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), galleryId);
    if (!q.exec())
        return d->failSql(error, what, q.lastError());
    if (q.numRowsAffected() != 1)
        return d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "there is no such gallery"));
    if (!tx.commit(&err))
        return d->failSql(error, what, err);
    return true;
}

std::optional<bool> Database::hasGallerySource(qint64 galleryId, const QString &sourceSha256,
                                               QString *error) const
{
    const QString what = QCoreApplication::translate("moescope::store::Database",
                                                     "cannot read the gallery's sources");
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return std::nullopt;
    }
    Query q(d->db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT 1 FROM gallery_sources WHERE gallery_id = :g AND sha256 = :sha"));
    q.bindValue(QStringLiteral(":g"), galleryId);
    q.bindValue(QStringLiteral(":sha"), sourceSha256.toLower());
    if (!q.exec()) {
        d->failSql(error, what, q.lastError());
        return std::nullopt;
    }
    return q.next();
}

std::optional<std::vector<qint64>> Database::addGallerySource(qint64 galleryId,
                                                              const QString &sourceSha256,
                                                              const QString &path,
                                                              const std::vector<GalleryItem> &items,
                                                              QString *error, bool *alreadyThere)
{
    const QString what =
        QCoreApplication::translate("moescope::store::Database", "cannot add %1 to the gallery")
            .arg(native(path));
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return std::nullopt;
    }
    if (!isSha256(sourceSha256)) {
        d->fail(error, what,
                QCoreApplication::translate("moescope::store::Database",
                                            "the source's sha256 \"%1\" is not 64 hex digits")
                    .arg(sourceSha256));
        return std::nullopt;
    }
    if (const QString cause = d->readOnlyCause(); !cause.isEmpty()) {
        d->fail(error, what, cause + QStringLiteral("; nothing was indexed"));
        return std::nullopt;
    }
    QSqlError err;
    WriteTransaction tx(d->db, d->backend);
    if (!tx.begin(&err)) {
        d->failSql(error, what, err);
        return std::nullopt;
    }
    int dim = 0;
    {
        Query q(d->db);
        q.prepare(QStringLiteral("SELECT dim FROM galleries WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), galleryId);
        if (!q.exec()) {
            d->failSql(error, what, q.lastError());
            return std::nullopt;
        }
        if (!q.next()) {
            d->fail(
                error, what,
                QCoreApplication::translate("moescope::store::Database", "there is no gallery %1")
                    .arg(galleryId));
            return std::nullopt;
        }
        dim = q.value(0).toInt();
    }
    for (const GalleryItem &it : items) {
        if (int(it.embedding.size()) != dim) {
            d->fail(error, what,
                    QCoreApplication::translate(
                        "moescope::store::Database",
                        "frame %1's embedding has %2 values; the gallery holds %3")
                        .arg(it.frame)
                        .arg(it.embedding.size())
                        .arg(dim));
            return std::nullopt;
        }
        if (!it.windows.empty() && it.windows.size() != size_t(it.windowRows) *
                                                            size_t(it.windowCols) *
                                                            size_t(it.windowDim)) {
            d->fail(error, what,
                    QCoreApplication::translate("moescope::store::Database",
                                                "frame %1's window embeddings are not %2 × %3 × %4")
                        .arg(it.frame)
                        .arg(it.windowRows)
                        .arg(it.windowCols)
                        .arg(it.windowDim));
            return std::nullopt;
        }
        for (float v : it.embedding) {
            if (!std::isfinite(v)) {
                d->fail(error, what,
                        QCoreApplication::translate("moescope::store::Database",
                                                    "frame %1's embedding holds NaN or infinity")
                            .arg(it.frame));
                return std::nullopt;
            }
        }
    }
    const QString now = toIso(QDateTime::currentDateTimeUtc());
    qint64 sourceId = 0;
    {
        Query q(d->db);
        q.prepare(QStringLiteral(
            "INSERT INTO gallery_sources (gallery_id, sha256, path, items, indexed_at)"
            " VALUES (:g, :sha, :path, :items, :now) RETURNING id"));
        q.bindValue(QStringLiteral(":g"), galleryId);
        q.bindValue(QStringLiteral(":sha"), sourceSha256.toLower());
        q.bindValue(QStringLiteral(":path"), text(path));
        q.bindValue(QStringLiteral(":items"), qint64(items.size()));
        q.bindValue(QStringLiteral(":now"), now);
        if (!q.exec()) {
            const QSqlError e = q.lastError();
            const bool unique = d->backend == Backend::PostgreSQL
                                    ? e.nativeErrorCode() == QLatin1String("23505")
                                    : (e.nativeErrorCode().toInt() & 0xff) == 19; // CONSTRAINT
            if (unique) {
                if (alreadyThere) {
                    *alreadyThere = true;
                    return std::vector<qint64>{}; // the transaction rolls back: nothing written
                }
                d->fail(error, what,
                        QCoreApplication::translate("moescope::store::Database",
                                                    "the gallery already holds this content"));
            } else {
                d->failSql(error, what, e);
            }
            return std::nullopt;
        }
        if (!q.next()) {
            d->failSql(error, what, q.lastError());
            return std::nullopt;
        }
        sourceId = q.value(0).toLongLong();
        q.finish(); // SQLite: RETURNING's statement stays open until stepped to its end
    }
    std::vector<qint64> ids;
    ids.reserve(items.size());
    Query q(d->db);
    q.prepare(QStringLiteral(
        "INSERT INTO gallery_items (gallery_id, source_id, frame, path, label, series_uid,"
        " modality, width, height, embedding, windows, window_rows, window_cols, window_dim,"
        " gates_json, thumbnail)"
        " VALUES (:g, :s, :frame, :path, :label, :series, :modality, :w, :h, :emb, :win,"
        " :wr, :wc, :wd, :gates, :thumb) RETURNING id"));
    for (const GalleryItem &it : items) {
        q.bindValue(QStringLiteral(":g"), galleryId);
        q.bindValue(QStringLiteral(":s"), sourceId);
        q.bindValue(QStringLiteral(":frame"), it.frame);
        q.bindValue(QStringLiteral(":path"), text(it.path.isEmpty() ? path : it.path));
        q.bindValue(QStringLiteral(":label"), text(it.label));
        q.bindValue(QStringLiteral(":series"), text(it.seriesUid));
        q.bindValue(QStringLiteral(":modality"), text(it.modality));
        q.bindValue(QStringLiteral(":w"), it.width);
        q.bindValue(QStringLiteral(":h"), it.height);
        q.bindValue(QStringLiteral(":emb"), floatsToBlob(it.embedding));
        q.bindValue(QStringLiteral(":win"), it.windows.empty()
                                                ? QVariant(QMetaType::fromType<QByteArray>())
                                                : QVariant(floatsToHalfBlob(it.windows)));
        q.bindValue(QStringLiteral(":wr"), it.windows.empty() ? 0 : it.windowRows);
        q.bindValue(QStringLiteral(":wc"), it.windows.empty() ? 0 : it.windowCols);
        q.bindValue(QStringLiteral(":wd"), it.windows.empty() ? 0 : it.windowDim);
        q.bindValue(QStringLiteral(":gates"), compactJson(it.gates));
        q.bindValue(QStringLiteral(":thumb"), it.thumbnail.isEmpty()
                                                  ? QVariant(QMetaType::fromType<QByteArray>())
                                                  : QVariant(it.thumbnail));
        if (!q.exec() || !q.next()) {
            d->failSql(error, what, q.lastError());
            return std::nullopt;
        }
        ids.push_back(q.value(0).toLongLong());
        q.finish(); // SQLite: RETURNING's statement stays open until stepped to its end
    }
    if (!tx.commit(&err)) {
        d->failSql(error, what, err);
        return std::nullopt;
    }
    return ids;
}

std::optional<GalleryMatrix> Database::loadGalleryEmbeddings(qint64 galleryId, QString *error) const
{
    const QString what = QCoreApplication::translate("moescope::store::Database",
                                                     "cannot read the gallery's embeddings");
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return std::nullopt;
    }
    GalleryMatrix m;
    Query q(d->db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT dim, (SELECT COUNT(*) FROM gallery_items WHERE gallery_id"
                             " = :g) FROM galleries WHERE id = :g"));
    q.bindValue(QStringLiteral(":g"), galleryId);
    if (!q.exec()) {
        d->failSql(error, what, q.lastError());
        return std::nullopt;
    }
    if (!q.next()) {
        d->fail(error, what,
                QCoreApplication::translate("moescope::store::Database", "there is no gallery %1")
                    .arg(galleryId));
        return std::nullopt;
    }
    m.dim = q.value(0).toInt();
    const qint64 count = q.value(1).toLongLong();
    m.ids.reserve(size_t(count));
    m.vectors.reserve(size_t(count) * size_t(m.dim));
    q.finish();
    q.prepare(QStringLiteral(
        "SELECT id, embedding FROM gallery_items WHERE gallery_id = :g ORDER BY id"));
    q.bindValue(QStringLiteral(":g"), galleryId);
    if (!q.exec()) {
        d->failSql(error, what, q.lastError());
        return std::nullopt;
    }
    const qsizetype bytes = qsizetype(m.dim) * qsizetype(sizeof(float));
    while (q.next()) {
        const QByteArray blob = q.value(1).toByteArray();
        if (blob.size() != bytes) {
            d->fail(error, what,
                    QCoreApplication::translate(
                        "moescope::store::Database",
                        "item %1's embedding has %2 bytes, not %3: the database is "
                        "damaged")
                        .arg(q.value(0).toLongLong())
                        .arg(blob.size())
                        .arg(bytes));
            return std::nullopt;
        }
        m.ids.push_back(q.value(0).toLongLong());
        const size_t at = m.vectors.size();
        m.vectors.resize(at + size_t(m.dim));
        const char *in = blob.constData();
        for (int i = 0; i < m.dim; ++i, in += 4) {
            const quint32 bits = qFromLittleEndian<quint32>(in);
            std::memcpy(&m.vectors[at + size_t(i)], &bits, 4);
        }
    }
    return m;
}

QList<GalleryItem> Database::galleryItems(const std::vector<qint64> &ids, bool full,
                                          QString *error) const
{
    QList<GalleryItem> items;
    const QString what =
        QCoreApplication::translate("moescope::store::Database", "cannot read gallery items");
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return items;
    }
    Query q(d->db);
    q.setForwardOnly(true);
    q.prepare(kItemColumns +
              QStringLiteral(", i.embedding, i.windows, i.thumbnail FROM gallery_items i"
                             " JOIN gallery_sources s ON s.id = i.source_id WHERE i.id = :id"));
    for (qint64 id : ids) {
        q.bindValue(QStringLiteral(":id"), id);
        if (!q.exec()) {
            d->failSql(error, what, q.lastError());
            return {};
        }
        if (!q.next())
            continue;
        GalleryItem it = itemFromQuery(q);
        it.embedding = blobToFloats(q.value(13).toByteArray());
        if (full) {
            it.windows = halfBlobToFloats(q.value(14).toByteArray());
            it.thumbnail = q.value(15).toByteArray();
        }
        items.append(std::move(it));
    }
    return items;
}

QList<GalleryItem> Database::galleryItemPage(qint64 galleryId, qint64 offset, int limit,
                                             QString *error) const
{
    QList<GalleryItem> items;
    const QString what =
        QCoreApplication::translate("moescope::store::Database", "cannot read gallery items");
    if (!d->isOpen()) {
        d->fail(
            error, what,
            QCoreApplication::translate("moescope::store::Database", "the database is not open"));
        return items;
    }
    Query q(d->db);
    q.setForwardOnly(true);
    q.prepare(kItemColumns + QStringLiteral("FROM gallery_items i JOIN gallery_sources s ON"
                                            " s.id = i.source_id WHERE i.gallery_id = :g"
                                            " ORDER BY i.id LIMIT :limit OFFSET :offset"));
    q.bindValue(QStringLiteral(":g"), galleryId);
    q.bindValue(QStringLiteral(":limit"), limit);
    q.bindValue(QStringLiteral(":offset"), offset);
    if (!q.exec()) {
        d->failSql(error, what, q.lastError());
        return items;
    }
    while (q.next())
        items.append(itemFromQuery(q));
    return items;
}

} // namespace moescope::store
