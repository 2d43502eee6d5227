// The run-history store: schema and migrations, round trips, and the ways a
// database file can refuse to be written.

#include "store/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <cstring>
#include <limits>

using moescope::routing::LayerRouting;
using moescope::routing::TokenGrid;
using namespace moescope::store;

namespace {

QString sha(const QByteArray &seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex());
}

QDateTime at(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs);
}

// The store under test: an SQLite file, or, where the suite started a
// PostgreSQL server (tests/data/postgres_server.sh), a fresh database on it
// per test function: MOESCOPE_TEST_POSTGRES holds the server's URL with the
// database name left out, e.g. postgresql:///?host=/tmp/pg&user=moescope.
QString postgresBase()
{
    return qEnvironmentVariable("MOESCOPE_TEST_POSTGRES");
}

bool onPostgres()
{
    return !postgresBase().isEmpty();
}

// A second connection of the test's own, to look at the store the way
// another program would.
class Raw
{
public:
    explicit Raw(const QString &path, bool readOnly = false)
        : m_name(QStringLiteral("tst_store.raw.%1").arg(++s_counter)), m_postgres(onPostgres())
    {
        if (!m_postgres) {
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
            m_db.setDatabaseName(path);
            if (readOnly)
                m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            m_open = m_db.open();
            return;
        }
        // A database the store has not created yet is made here, so a test
        // can put something in the way first.
        const QUrl url(path);
        const QUrlQuery query(url);
        const QString database = url.path().mid(1);
        auto connect = [&](const QString &connection, const QString &name) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(query.queryItemValue(QStringLiteral("host")));
            db.setUserName(query.queryItemValue(QStringLiteral("user")));
            db.setDatabaseName(name);
            db.open();
            return db;
        };
        m_db = connect(m_name, database);
        m_open = m_db.isOpen();
        if (m_open)
            return;
        {
            QSqlDatabase admin =
                connect(m_name + QLatin1String(".admin"), QStringLiteral("postgres"));
            QSqlQuery(admin).exec(QStringLiteral("CREATE DATABASE %1").arg(database));
            admin.close();
        }
        QSqlDatabase::removeDatabase(m_name + QLatin1String(".admin"));
        m_db.open();
        m_open = m_db.isOpen();
    }
    ~Raw()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Raw(const Raw &) = delete;
    Raw &operator=(const Raw &) = delete;

    bool isOpen() const { return m_open; }
    bool exec(const QString &sql, QString *error = nullptr)
    {
        QSqlQuery q(m_db);
        if (q.exec(sql))
            return true;
        if (error)
            *error = q.lastError().text();
        return false;
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    // The schema version as the store keeps it (Database::Private::userVersion).
    int version()
    {
        if (!m_postgres)
            return value(QStringLiteral("PRAGMA user_version")).toInt();
        if (!value(QStringLiteral("SELECT to_regclass('moescope_schema') IS NOT NULL")).toBool())
            return 0;
        return value(QStringLiteral("SELECT max(version) FROM moescope_schema")).toInt();
    }
    bool setVersion(int version)
    {
        if (!m_postgres)
            return exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
        return (hasTable(QStringLiteral("moescope_schema")) ||
                exec(QStringLiteral("CREATE TABLE moescope_schema (version INTEGER)"))) &&
               exec(QStringLiteral("DELETE FROM moescope_schema")) &&
               exec(QStringLiteral("INSERT INTO moescope_schema VALUES (%1)").arg(version));
    }
    bool hasTable(const QString &name)
    {
        return value(m_postgres ? QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                                 "WHERE table_schema = 'public' AND "
                                                 "table_name = '%1'")
                                      .arg(name)
                                : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                                 "'table' AND name = '%1'")
                                      .arg(name))
                   .toInt() == 1;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_postgres = false;
    QSqlDatabase m_db;
    bool m_open = false;
};

using Counts = QMap<QString, qint64>;

// Row counts of every table, read through a separate read-only connection.
Counts counts(const QString &path)
{
    Raw raw(path, true);
    Counts c;
    for (const char *table : {"models", "images", "runs", "routing"}) {
        const QVariant v = raw.value(QStringLiteral("SELECT count(*) FROM %1").arg(table));
        c[QString::fromLatin1(table)] = v.isValid() ? v.toLongLong() : -1;
    }
    return c;
}

// Deterministic probabilities, starting with values whose bits a careless
// conversion would lose: -0, the smallest denormal, a NaN with a payload.
std::vector<float> values(size_t n, quint32 seed)
{
    std::vector<float> v(n);
    quint32 state = seed * 2654435761u + 1;
    for (size_t i = 0; i < n; ++i) {
        state = state * 1664525u + 1013904223u;
        v[i] = float(state >> 8) / float(1u << 24);
    }
    const quint32 special[] = {0x80000000u, 0x00000001u, 0x7fc01234u, 0x3eaaaaabu};
    for (size_t i = 0; i < std::size(special) && i < n; ++i)
        std::memcpy(&v[i], &special[i], sizeof(float));
    return v;
}

LayerRouting makeLayer(int index, int tokens, int experts, bool dispatch, bool grids, bool names)
{
    LayerRouting l;
    l.name = "blocks." + std::to_string(index) + ".moe";
    l.tokens = tokens;
    l.experts = experts;
    l.topK = 2;
    l.router = "softmax-top2";
    if (names)
        for (int e = 0; e < experts; ++e)
            l.expertNames.push_back("expert é" + std::to_string(e)); // non-ASCII on purpose
    if (grids && tokens > 1)
        l.grids = {TokenGrid{"image", 1, 1, tokens - 1}, TokenGrid{"aux", 0, 1, 1}};
    l.probs = values(size_t(tokens) * size_t(experts), quint32(index + 1));
    if (dispatch)
        l.dispatch = values(size_t(tokens) * size_t(experts), quint32(index + 100));
    return l;
}

std::vector<FrameRouting> makeRouting(int frames, int layers, int tokens, int experts,
                                      bool dispatch, bool grids, bool names)
{
    std::vector<FrameRouting> routing;
    for (int f = 0; f < frames; ++f) {
        FrameRouting fr;
        fr.frame = f;
        for (int i = 0; i < layers; ++i)
            // Dispatch on even layers only, so a run holds both kinds.
            fr.layers.push_back(
                makeLayer(f * 10 + i, tokens, experts, dispatch && i % 2 == 0, grids, names));
        routing.push_back(std::move(fr));
    }
    return routing;
}

RunRecord makeRun(const QByteArray &model, const QByteArray &image, const QDateTime &created,
                  const QJsonArray &mask = {true, true, false, true})
{
    RunRecord r;
    r.model.sha256 = sha(model);
    r.model.name = QStringLiteral("V-MoE ") + QString::fromLatin1(model);
    r.model.task = QStringLiteral("classification");
    r.model.path = QStringLiteral("/models/") + QString::fromLatin1(model) + QStringLiteral(".pt");
    r.model.contractJson = QStringLiteral(R"({"inputs":[{"name":"image"}]})");
    r.image.sha256 = sha(image);
    r.image.path = QStringLiteral("/images/") + QString::fromLatin1(image) + QStringLiteral(".png");
    r.image.width = 224;
    r.image.height = 192;
    r.image.frames = 1;
    r.image.modality = QStringLiteral("photo");
    r.device = QStringLiteral("cpu");
    r.createdAt = created;
    r.elapsedMs = 12.345678901234;
    r.timings = {{"preprocess", 1.5}, {"forward", 10.25}};
    r.outputs = {{"label", "tabby cat"}, {"scores", QJsonArray{0.125, 0.875}}};
    r.summary = {QJsonObject{{"layer", "blocks.1.moe"}, {"entropy", 0.693}}};
    r.expertMask = mask;
    r.frameCount = 1;
    r.note = QStringLiteral("a note — with “quotes” and 'apostrophes'; DROP TABLE runs;");
    return r;
}

QByteArray bytes(const std::vector<float> &v)
{
    return QByteArray(reinterpret_cast<const char *>(v.data()),
                      qsizetype(v.size() * sizeof(float)));
}

void compareRuns(const RunRecord &a, const RunRecord &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.model.sha256, b.model.sha256);
    QCOMPARE(a.model.name, b.model.name);
    QCOMPARE(a.model.task, b.model.task);
    QCOMPARE(a.model.path, b.model.path);
    QCOMPARE(a.model.contractJson, b.model.contractJson);
    QCOMPARE(a.image.sha256, b.image.sha256);
    QCOMPARE(a.image.path, b.image.path);
    QCOMPARE(a.image.width, b.image.width);
    QCOMPARE(a.image.height, b.image.height);
    QCOMPARE(a.image.frames, b.image.frames);
    QCOMPARE(a.image.modality, b.image.modality);
    QCOMPARE(a.device, b.device);
    QCOMPARE(a.createdAt, b.createdAt);
    QCOMPARE(a.elapsedMs, b.elapsedMs);
    QCOMPARE(a.timings, b.timings);
    QCOMPARE(a.outputs, b.outputs);
    QCOMPARE(a.summary, b.summary);
    QCOMPARE(a.expertMask, b.expertMask);
    QCOMPARE(a.frameCount, b.frameCount);
    QCOMPARE(a.note, b.note);
}

void compareRouting(const std::vector<FrameRouting> &a, const std::vector<FrameRouting> &b)
{
    QCOMPARE(a.size(), b.size());
    for (size_t f = 0; f < a.size(); ++f) {
        QCOMPARE(a[f].frame, b[f].frame);
        QCOMPARE(a[f].layers.size(), b[f].layers.size());
        for (size_t i = 0; i < a[f].layers.size(); ++i) {
            const LayerRouting &x = a[f].layers[i];
            const LayerRouting &y = b[f].layers[i];
            QCOMPARE(x.name, y.name);
            QCOMPARE(x.experts, y.experts);
            QCOMPARE(x.tokens, y.tokens);
            QCOMPARE(x.topK, y.topK);
            QCOMPARE(x.router, y.router);
            QCOMPARE(x.expertNames, y.expertNames);
            QCOMPARE(x.grids.size(), y.grids.size());
            for (size_t g = 0; g < x.grids.size(); ++g) {
                QCOMPARE(x.grids[g].input, y.grids[g].input);
                QCOMPARE(x.grids[g].offset, y.grids[g].offset);
                QCOMPARE(x.grids[g].rows, y.grids[g].rows);
                QCOMPARE(x.grids[g].cols, y.grids[g].cols);
            }
            // Bit-exact, NaN payloads and -0 included.
            QCOMPARE(bytes(x.probs), bytes(y.probs));
            QCOMPARE(x.dispatch.empty(), y.dispatch.empty());
            QCOMPARE(bytes(x.dispatch), bytes(y.dispatch));
        }
    }
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(data), data.size());
}

// Saves one small run, so later checks have rows that must survive.
std::optional<qint64> seed(Database &db, const QByteArray &model = "seed-model",
                           const QByteArray &image = "seed-image")
{
    QString error;
    const auto id = db.saveRun(makeRun(model, image, at("2024-01-01T00:00:00.000Z")),
                               makeRouting(1, 2, 5, 3, true, true, true), &error);
    if (!id)
        qWarning("seed failed: %s", qPrintable(error));
    return id;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void defaultPath();
    void freshDatabaseIsMigrated();
    void failedMigrationLeavesNothing();
    void roundTrip_data();
    void roundTrip();
    void listRunsNewestFirst();
    void modelsAndImagesDedupBySha();
    void deleteRunCascades();
    void findRun();
    void saveRunIsAtomic();
    void invalidInputIsRefused_data();
    void invalidInputIsRefused();
    void readOnlyFile_data();
    void readOnlyFile();
    void readOnlyOldSchemaIsRefused();
    void unwritableLocation_data();
    void unwritableLocation();
    void lockedDatabase();
    void notADatabase_data();
    void notADatabase();
    void foreignSchemaIsRefused_data();
    void foreignSchemaIsRefused();
    void reopenReadsEarlierRuns();
    void oneDatabasePerThread();
    void firstOpenRace();
    void whoMadeTheRun();
    void runsAreAnnounced();

private:
    QTemporaryDir m_tmp;
    QString m_path; // a fresh database path per test function
};

void TestStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
    QVERIFY(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")));
    if (onPostgres())
        QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")),
                 "Qt's PostgreSQL driver: cmake/setup-debian.sh --tests installs it");
}

void TestStore::init()
{
    // Qt Sql warns about connections removed while in use; none may happen.
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    static int n = 0;
    ++n;
    if (onPostgres()) {
        // Unique across runs of this binary against one server.
        QUrl url(postgresBase());
        url.setPath(
            QStringLiteral("/tst_store_%1_%2").arg(QCoreApplication::applicationPid()).arg(n));
        m_path = url.toString();
    } else {
        m_path = m_tmp.filePath(QStringLiteral("db%1/moescope.sqlite").arg(n));
    }
}

void TestStore::cleanup()
{
    // Every Database removed its connection on destruction.
    for (const QString &name : QSqlDatabase::connectionNames())
        QVERIFY2(!name.startsWith(QLatin1String("moescope.store.")), qPrintable(name));
}

void TestStore::defaultPath()
{
    const QString path = Database::defaultPath();
    QVERIFY(!path.isEmpty());
    QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("moescope.sqlite"));
    QCOMPARE(QFileInfo(path).absolutePath(),
             QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QVERIFY(QFileInfo(QFileInfo(path).absolutePath()).isDir());
}

void TestStore::freshDatabaseIsMigrated()
{
    if (!onPostgres()) // open creates the folder
        QVERIFY(!QFileInfo::exists(QFileInfo(m_path).absolutePath()));
    Database db;
    QVERIFY(!db.isOpen());
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    QVERIFY(db.isOpen());
    QCOMPARE(db.path(), m_path);
    QVERIFY(!db.isReadOnly());
    QVERIFY(Database::schemaVersion() >= 1);

    auto info = db.connectionInfo(&error);
    QVERIFY2(info, qPrintable(error));
    QCOMPARE(info->userVersion, Database::schemaVersion());
    QCOMPARE(db.backendName(),
             onPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
    QVERIFY2(info->server.startsWith(onPostgres() ? QLatin1String("PostgreSQL 1")
                                                  : QLatin1String("SQLite")),
             qPrintable(info->server));
    QCOMPARE(info->journalMode, onPostgres() ? QString() : QStringLiteral("wal"));
    QVERIFY(info->foreignKeys);
    QCOMPARE(info->busyTimeoutMs, 5000);
    QVERIFY(!info->readOnly);

    db.setBusyTimeoutMs(200);
    QCOMPARE(db.busyTimeoutMs(), 200);
    info = db.connectionInfo(&error);
    QVERIFY2(info, qPrintable(error));
    QCOMPARE(info->busyTimeoutMs, 200);

    // What another program sees in the store.
    Raw raw(m_path, true);
    QVERIFY(raw.isOpen());
    QCOMPARE(raw.version(), Database::schemaVersion());
    for (const char *table : {"models", "images", "runs", "routing"})
        QVERIFY2(raw.hasTable(QLatin1String(table)), table);
    if (onPostgres()) {
        const QString indices = raw.value(QStringLiteral("SELECT string_agg(indexdef, ';') FROM "
                                                         "pg_indexes WHERE tablename = 'runs'"))
                                    .toString();
        QVERIFY2(indices.contains(QLatin1String("(created_at)")), qPrintable(indices));
        QVERIFY2(indices.contains(QLatin1String("(image_id)")), qPrintable(indices));
        const QString routing =
            raw.value(QStringLiteral("SELECT string_agg(pg_get_constraintdef(oid), ';') FROM "
                                     "pg_constraint WHERE conrelid = 'routing'::regclass"))
                .toString();
        QVERIFY2(routing.contains(QLatin1String("ON DELETE CASCADE")), qPrintable(routing));
        QVERIFY2(routing.contains(QLatin1String("PRIMARY KEY (run_id, frame, layer_index)")),
                 qPrintable(routing));
        // Ids number themselves and are 64-bit, like SQLite's rowids.
        QCOMPARE(raw.value(QStringLiteral("SELECT data_type FROM information_schema.columns "
                                          "WHERE table_name = 'runs' AND column_name = 'id'"))
                     .toString(),
                 QStringLiteral("bigint"));
        Database again;
        QVERIFY2(again.open(m_path, &error), qPrintable(error));
        QCOMPARE(again.connectionInfo(&error)->userVersion, Database::schemaVersion());
        return;
    }
    QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    const QString indices =
        raw.value(QStringLiteral("SELECT group_concat(sql, ';') FROM sqlite_master WHERE type = "
                                 "'index' AND tbl_name = 'runs'"))
            .toString();
    QVERIFY2(indices.contains(QLatin1String("runs(created_at)")), qPrintable(indices));
    QVERIFY2(indices.contains(QLatin1String("runs(image_id)")), qPrintable(indices));
    const QString routingSql = raw.value(QStringLiteral("SELECT sql FROM sqlite_master WHERE "
                                                        "name = 'routing'"))
                                   .toString();
    QVERIFY(routingSql.contains(QLatin1String("ON DELETE CASCADE")));
    QVERIFY(routingSql.contains(QLatin1String("PRIMARY KEY (run_id, frame, layer_index)")));

    // Opening again (a second instance on the same file) changes nothing.
    Database again;
    QVERIFY2(again.open(m_path, &error), qPrintable(error));
    QCOMPARE(again.connectionInfo(&error)->userVersion, Database::schemaVersion());
}

void TestStore::failedMigrationLeavesNothing()
{
    // A file with a table in the way: the first migration creates models,
    // images and runs, then fails on routing, and must leave none of them.
    if (!onPostgres())
        QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    {
        Raw raw(m_path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE routing (x INTEGER)")));
    }
    Database db;
    QString error;
    QVERIFY(!db.open(m_path, &error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(m_path) + QLatin1String(": ")),
             qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("schema version 0 to 1")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));

    Raw raw(m_path, true);
    QCOMPARE(raw.version(), 0);
    for (const char *table : {"models", "images", "runs"})
        QVERIFY2(!raw.hasTable(QLatin1String(table)), table);
}

void TestStore::roundTrip_data()
{
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("layers");
    QTest::addColumn<int>("tokens");
    QTest::addColumn<int>("experts");
    QTest::addColumn<bool>("dispatch");
    QTest::addColumn<bool>("grids");
    QTest::addColumn<bool>("names");

    QTest::newRow("image, dispatch, grids, names") << 1 << 3 << 197 << 8 << true << true << true;
    QTest::newRow("image, no dispatch") << 1 << 2 << 50 << 4 << false << true << false;
    QTest::newRow("volume, three frames") << 3 << 2 << 17 << 6 << true << true << true;
    QTest::newRow("per-image router, no grids") << 1 << 1 << 1 << 5 << false << false << false;
    QTest::newRow("no routing") << 0 << 0 << 0 << 0 << false << false << false;
    QTest::newRow("layer without tokens") << 1 << 1 << 0 << 4 << false << false << true;
}

void TestStore::roundTrip()
{
    QFETCH(int, frames);
    QFETCH(int, layers);
    QFETCH(int, tokens);
    QFETCH(int, experts);
    QFETCH(bool, dispatch);
    QFETCH(bool, grids);
    QFETCH(bool, names);

    Database db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    RunRecord run = makeRun("model", "image", at("2024-05-06T09:08:09.123+02:00"));
    run.frameCount = qMax(1, frames);
    run.image.frames = run.frameCount;
    const auto routing = makeRouting(frames, layers, tokens, experts, dispatch, grids, names);

    const auto id = db.saveRun(run, routing, &error);
    QVERIFY2(id, qPrintable(error));
    QVERIFY(*id > 0);
    run.id = *id;

    std::vector<FrameRouting> loaded;
    const auto back = db.loadRun(*id, &loaded, &error);
    QVERIFY2(back, qPrintable(error));
    compareRuns(*back, run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(back->createdAt.timeSpec(), Qt::UTC);
    compareRouting(loaded, routing);
    if (QTest::currentTestFailed())
        return;

    // Without routing, the record alone.
    const auto alone = db.loadRun(*id, nullptr, &error);
    QVERIFY2(alone, qPrintable(error));
    compareRuns(*alone, run);

    // Stored as documented: probs little-endian float32, dispatch NULL when absent.
    Raw raw(m_path, true);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM routing")).toInt(), frames * layers);
    if (frames > 0 && tokens > 0) {
        const QByteArray blob =
            raw.value(QStringLiteral("SELECT probs FROM routing ORDER BY frame, layer_index"))
                .toByteArray();
        QCOMPARE(blob.size(), qsizetype(tokens) * experts * 4);
        const uchar *p = reinterpret_cast<const uchar *>(blob.constData());
        QCOMPARE(quint32(p[0] | p[1] << 8 | p[2] << 16 | quint32(p[3]) << 24),
                 0x80000000u); // -0.0f, least significant byte first
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM routing WHERE dispatch IS NULL"))
                     .toInt(),
                 frames * (dispatch ? layers / 2 : layers));
    }
}

void TestStore::listRunsNewestFirst()
{
    Database db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    QCOMPARE(db.listRuns(&error).size(), 0);
    QVERIFY(error.isEmpty());

    const QDateTime t = at("2024-03-01T12:00:00.000Z");
    QList<qint64> ids;
    for (int secs : {0, 2, 1, 1}) { // two runs at the same time: the later id first
        const auto id = db.saveRun(makeRun("m", "i", t.addSecs(secs)),
                                   makeRouting(1, 1, 4, 2, false, false, false), &error);
        QVERIFY2(id, qPrintable(error));
        ids << *id;
    }
    // A local time with an offset sorts by the instant it names.
    const auto early = db.saveRun(makeRun("m", "i", at("2024-03-01T12:59:59.000+01:00")), {},
                                  &error); // 11:59:59 UTC
    QVERIFY2(early, qPrintable(error));

    const QList<RunRecord> runs = db.listRuns(&error);
    QVERIFY(error.isEmpty());
    QList<qint64> order;
    for (const RunRecord &r : runs)
        order << r.id;
    QCOMPARE(order, (QList<qint64>{ids[1], ids[3], ids[2], ids[0], *early}));
    QCOMPARE(runs.first().createdAt, t.addSecs(2));
    QCOMPARE(runs.first().model.sha256, sha("m"));
    QCOMPARE(runs.first().image.width, 224);

    QCOMPARE(db.listRuns(&error, 2).size(), 2);
    QCOMPARE(db.listRuns(&error, 2).last().id, ids[3]);
    QCOMPARE(db.listRuns(&error, 0).size(), 5);
}

void TestStore::modelsAndImagesDedupBySha()
{
    Database db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    const QDateTime t = at("2024-03-01T12:00:00.000Z");

    RunRecord first = makeRun("model-a", "image-x", t);
    const auto id1 = db.saveRun(first, {}, &error);
    QVERIFY2(id1, qPrintable(error));

    // The same files, moved; the second run does not know the model's name.
    RunRecord second = makeRun("model-a", "image-x", t.addSecs(1));
    second.model.path = QStringLiteral("/elsewhere/model-a.pt");
    second.model.name.clear();
    second.image.path = QStringLiteral("/elsewhere/image-x.png");
    second.model.sha256 = second.model.sha256.toUpper(); // hex case does not matter
    const auto id2 = db.saveRun(second, {}, &error);
    QVERIFY2(id2, qPrintable(error));

    RunRecord third = makeRun("model-b", "image-x", t.addSecs(2));
    third.image.path = QStringLiteral("/third/image-x.png");
    third.image.modality.clear();
    const auto id3 = db.saveRun(third, {}, &error);
    QVERIFY2(id3, qPrintable(error));

    const Counts c = counts(m_path);
    QCOMPARE(c.value("models"), 2);
    QCOMPARE(c.value("images"), 1);
    QCOMPARE(c.value("runs"), 3);

    const auto a = db.loadRun(*id1, nullptr, &error);
    QVERIFY2(a, qPrintable(error));
    QCOMPARE(a->model.sha256, sha("model-a"));
    QCOMPARE(a->model.path, QStringLiteral("/elsewhere/model-a.pt")); // where last seen
    QCOMPARE(a->model.name, first.model.name);                        // kept: the new one was empty
    QCOMPARE(a->image.path, QStringLiteral("/third/image-x.png"));
    QCOMPARE(a->image.modality, QStringLiteral("photo")); // kept: the new one was empty
    const auto b = db.loadRun(*id3, nullptr, &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->model.sha256, sha("model-b"));
    QCOMPARE(b->image.sha256, sha("image-x"));
}

void TestStore::deleteRunCascades()
{
    Database db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    const QDateTime t = at("2024-03-01T12:00:00.000Z");
    const auto keep = makeRouting(1, 2, 6, 3, true, true, true);
    const auto id1 =
        db.saveRun(makeRun("m", "i", t), makeRouting(2, 3, 6, 3, true, true, true), &error);
    QVERIFY2(id1, qPrintable(error));
    const auto id2 = db.saveRun(makeRun("m", "i", t.addSecs(1)), keep, &error);
    QVERIFY2(id2, qPrintable(error));
    QCOMPARE(counts(m_path).value("routing"), 8);

    QVERIFY2(db.deleteRun(*id1, &error), qPrintable(error));
    const Counts c = counts(m_path);
    QCOMPARE(c.value("runs"), 1);
    QCOMPARE(c.value("routing"), 2);
    QCOMPARE(c.value("models"), 1); // models and images stay
    QCOMPARE(c.value("images"), 1);

    error.clear();
    QVERIFY(!db.loadRun(*id1, nullptr, &error));
    QVERIFY2(error.contains(QLatin1String("no such run")), qPrintable(error));
    std::vector<FrameRouting> loaded;
    QVERIFY2(db.loadRun(*id2, &loaded, &error), qPrintable(error));
    compareRouting(loaded, keep);

    error.clear();
    QVERIFY(!db.deleteRun(*id1, &error));
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(m_path)), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("no such run")), qPrintable(error));
    QCOMPARE(counts(m_path), c);

    // Ids are not reused.
    const auto id3 = db.saveRun(makeRun("m", "i", t), {}, &error);
    QVERIFY2(id3, qPrintable(error));
    QVERIFY(*id3 > *id2);
}

void TestStore::findRun()
{
    Database db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    const QDateTime t = at("2024-03-01T12:00:00.000Z");
    const QJsonArray m1{true, false, true}, m2{true, true, true}, m3{false, false, true};
    const auto r1 = db.saveRun(makeRun("a", "x", t, m1), {}, &error);
    const auto r2 = db.saveRun(makeRun("a", "x", t.addSecs(1), m2), {}, &error);
    const auto r3 = db.saveRun(makeRun("a", "x", t.addSecs(2), m1), {}, &error);
    const auto r4 = db.saveRun(makeRun("a", "y", t.addSecs(3), m1), {}, &error);
    QVERIFY2(r1 && r2 && r3 && r4, qPrintable(error));

    QCOMPARE(db.findRun(sha("a"), sha("x"), m1, &error), r3); // the newest of two
    QVERIFY(error.isEmpty());
    QCOMPARE(db.findRun(sha("a"), sha("x"), m2, &error), r2);
    QCOMPARE(db.findRun(sha("a"), sha("y"), m1, &error), r4);
    QCOMPARE(db.findRun(sha("a").toUpper(), sha("x"), m1, &error), r3);

    error = QStringLiteral("stale");
    QCOMPARE(db.findRun(sha("a"), sha("x"), m3, &error), std::nullopt);
    QVERIFY2(error.isEmpty(), qPrintable(error)); // none matching is not an error
    QCOMPARE(db.findRun(sha("b"), sha("x"), m1, &error), std::nullopt);
    QCOMPARE(db.findRun(sha("a"), sha("x"), QJsonArray{}, &error), std::nullopt);
    QVERIFY(error.isEmpty());

    QVERIFY(db.deleteRun(*r3, &error));
    QCOMPARE(db.findRun(sha("a"), sha("x"), m1, &error), r1);
}

void TestStore::saveRunIsAtomic()
{
    Database db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    QVERIFY(seed(db));
    // Another program makes the second routing row fail, after the model,
    // image, run and first routing row went in.
    {
        Raw raw(m_path);
        if (onPostgres())
            QVERIFY(
                raw.exec(QStringLiteral(
                    "CREATE FUNCTION fail_second() RETURNS trigger AS $$ BEGIN IF "
                    "NEW.layer_index = 1 THEN RAISE EXCEPTION 'injected failure'; END IF; "
                    "RETURN NEW; END $$ LANGUAGE plpgsql")) &&
                raw.exec(QStringLiteral("CREATE TRIGGER fail_second_layer BEFORE INSERT ON "
                                        "routing FOR EACH ROW EXECUTE FUNCTION fail_second()")));
        else
            QVERIFY(raw.exec(QStringLiteral("CREATE TRIGGER fail_second_layer BEFORE INSERT ON "
                                            "routing WHEN NEW.layer_index = 1 "
                                            "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
    }
    const Counts before = counts(m_path);
    const auto id = db.saveRun(makeRun("new-model", "new-image", QDateTime()),
                               makeRouting(1, 2, 4, 2, true, true, true), &error);
    QVERIFY(!id);
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(m_path) + QLatin1String(": ")),
             qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("injected failure")), qPrintable(error));
    QCOMPARE(counts(m_path), before); // nothing half-written

    {
        Raw raw(m_path);
        QVERIFY(raw.exec(onPostgres() ? QStringLiteral("DROP TRIGGER fail_second_layer ON routing")
                                      : QStringLiteral("DROP TRIGGER fail_second_layer")));
    }
    // The connection is usable afterwards (no transaction left open).
    const auto ok = db.saveRun(makeRun("new-model", "new-image", QDateTime()),
                               makeRouting(1, 2, 4, 2, true, true, true), &error);
    QVERIFY2(ok, qPrintable(error));
    const auto loaded = db.loadRun(*ok, nullptr, &error);
    QVERIFY2(loaded, qPrintable(error));
    // An invalid createdAt is "now".
    QVERIFY(qAbs(loaded->createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void TestStore::invalidInputIsRefused_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("model sha") << 0 << "model's sha256";
    QTest::newRow("image sha") << 1 << "image's sha256";
    QTest::newRow("probs size") << 2 << "router probabilities";
    QTest::newRow("dispatch size") << 3 << "dispatch weights";
    QTest::newRow("duplicate frame") << 4 << "frame 0 appears twice";
}

void TestStore::invalidInputIsRefused()
{
    QFETCH(int, kind);
    QFETCH(QString, expected);
    Database db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    QVERIFY(seed(db));
    const Counts before = counts(m_path);

    RunRecord run = makeRun("model", "image", QDateTime());
    auto routing = makeRouting(1, 2, 4, 3, true, true, true);
    switch (kind) {
    case 0:
        run.model.sha256 = QStringLiteral("not-a-hash");
        break;
    case 1:
        run.image.sha256.chop(1);
        break;
    case 2:
        routing[0].layers[1].probs.pop_back();
        break;
    case 3:
        routing[0].layers[0].dispatch.push_back(0.f);
        break;
    case 4:
        routing.push_back(routing[0]);
        break;
    }
    QVERIFY(!db.saveRun(run, routing, &error));
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(m_path) + QLatin1String(": ")),
             qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QCOMPARE(counts(m_path), before);
}

void TestStore::readOnlyFile_data()
{
    QTest::addColumn<bool>("whileOpen");
    QTest::newRow("made read-only before opening") << false;
    QTest::newRow("made read-only while open") << true;
}

void TestStore::readOnlyFile()
{
    if (onPostgres())
        QSKIP("SQLite only: a PostgreSQL store has no file whose permissions or bytes could be "
              "wrong; its own refusals are tested in lockedDatabase and "
              "failedMigrationLeavesNothing");
    QFETCH(bool, whileOpen);
    const QFileDevice::Permissions readOnly =
        QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther; // 0444
    QString error;
    auto writer = std::make_unique<Database>();
    QVERIFY2(writer->open(m_path, &error), qPrintable(error));
    const auto earlier = seed(*writer);
    QVERIFY(earlier);
    if (!whileOpen)
        writer.reset(); // closed: the WAL is checkpointed into the file
    const Counts before = counts(m_path);
    QCOMPARE(before.value("runs"), 1);

    QVERIFY(QFile::setPermissions(m_path, readOnly));
    struct Restore
    {
        QString path;
        ~Restore() { QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner); }
    } restore{m_path};
    const QByteArray fileBefore = readAll(m_path);

    Database reopened;
    Database &db = whileOpen ? *writer : reopened;
    if (!whileOpen) {
        // Opens for reading: a read-only history is still worth looking at.
        QVERIFY2(db.open(m_path, &error), qPrintable(error));
        QVERIFY(db.connectionInfo(&error)->readOnly);
    }
    QVERIFY(db.isReadOnly());
    QCOMPARE(db.listRuns(&error).size(), 1);
    std::vector<FrameRouting> routing;
    QVERIFY2(db.loadRun(*earlier, &routing, &error), qPrintable(error));
    QCOMPARE(routing.size(), size_t(1));

    error.clear();
    QVERIFY(!db.saveRun(makeRun("other-model", "other-image", QDateTime()),
                        makeRouting(1, 1, 3, 2, false, false, false), &error));
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(m_path) + QLatin1String(": ")),
             qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("read-only")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("nothing was saved")), qPrintable(error));

    error.clear();
    QVERIFY(!db.deleteRun(*earlier, &error));
    QVERIFY2(error.contains(QLatin1String("read-only")), qPrintable(error));

    QCOMPARE(counts(m_path), before);
    if (!whileOpen)
        QCOMPARE(readAll(m_path), fileBefore); // not a byte changed
}

void TestStore::readOnlyOldSchemaIsRefused()
{
    if (onPostgres())
        QSKIP("SQLite only: a PostgreSQL store has no file whose permissions or bytes could be "
              "wrong; its own refusals are tested in lockedDatabase and "
              "failedMigrationLeavesNothing");
    // An SQLite file from before the first migration that may not be written:
    // it cannot be upgraded, so it cannot be opened.
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    {
        Raw raw(m_path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE unrelated (x)")));
    }
    QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = readAll(m_path);
    Database db;
    QString error;
    QVERIFY(!db.open(m_path, &error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(m_path) + QLatin1String(": ")),
             qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("cannot upgrade")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("read-only")), qPrintable(error));
    QCOMPARE(readAll(m_path), before);
    QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner));
}

void TestStore::unwritableLocation_data()
{
    QTest::addColumn<QString>("sub");
    QTest::addColumn<QString>("expected");
    // A path through a regular file cannot be created, not even by root.
    QTest::newRow("folder cannot be created") << "file/sub/moescope.sqlite"
                                              << "cannot create the folder";
    // Mode 0555: honoured for root too (see writable() in database.cpp).
    QTest::newRow("folder without write permission") << "ro/moescope.sqlite"
                                                     << "read-only";
}

void TestStore::unwritableLocation()
{
    if (onPostgres())
        QSKIP("SQLite only: a PostgreSQL store has no file whose permissions or bytes could be "
              "wrong; its own refusals are tested in lockedDatabase and "
              "failedMigrationLeavesNothing");
    QFETCH(QString, sub);
    QFETCH(QString, expected);
    const QString base = QFileInfo(m_path).absolutePath();
    QVERIFY(QDir().mkpath(base + QLatin1String("/ro")));
    writeFile(base + QLatin1String("/file"), "I am a file, not a folder");
    QVERIFY(QFile::setPermissions(base + QLatin1String("/ro"),
                                  QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup |
                                      QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    struct Restore
    {
        QString path;
        ~Restore()
        {
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
    } restore{base + QLatin1String("/ro")};

    const QString path = base + QLatin1Char('/') + sub;
    Database db;
    QString error;
    QVERIFY(!db.open(path, &error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(path) + QLatin1String(": ")),
             qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(!QFileInfo::exists(path));

    // Nothing to write to: the calls refuse cleanly.
    error.clear();
    QVERIFY(!db.saveRun(makeRun("m", "i", QDateTime()), {}, &error));
    QVERIFY2(error.contains(QLatin1String("not open")), qPrintable(error));
    QVERIFY(db.listRuns(&error).isEmpty());
}

void TestStore::lockedDatabase()
{
    Database db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    db.setBusyTimeoutMs(200);
    const auto earlier = seed(db);
    QVERIFY(earlier);
    const Counts before = counts(m_path);

    // Another connection holds the write lock: SQLite's on the file,
    // PostgreSQL's on the tables a save and a delete write.
    Raw locker(m_path);
    QVERIFY(locker.isOpen());
    if (onPostgres())
        QVERIFY(locker.exec(QStringLiteral("BEGIN")) &&
                locker.exec(QStringLiteral("LOCK TABLE models, runs IN EXCLUSIVE MODE")));
    else
        QVERIFY(locker.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    const QLatin1String locked(onPostgres() ? "another connection holds the rows"
                                            : "database is locked");

    QElapsedTimer timer;
    timer.start();
    error.clear();
    QVERIFY(!db.saveRun(makeRun("other-model", "other-image", QDateTime()),
                        makeRouting(1, 2, 3, 2, true, false, false), &error));
    const qint64 waited = timer.elapsed();
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(m_path) + QLatin1String(": ")),
             qPrintable(error));
    QVERIFY2(error.contains(locked), qPrintable(error));
    QVERIFY2(waited >= 150 && waited < 3000, qPrintable(QString::number(waited)));

    error.clear();
    QVERIFY(!db.deleteRun(*earlier, &error));
    QVERIFY2(error.contains(locked), qPrintable(error));
    QCOMPARE(counts(m_path), before); // read through a third connection

    // Reads still work while another connection writes (WAL; MVCC).
    QCOMPARE(db.listRuns(&error).size(), 1);

    QVERIFY(locker.exec(QStringLiteral("ROLLBACK")));
    const auto id = db.saveRun(makeRun("other-model", "other-image", QDateTime()),
                               makeRouting(1, 2, 3, 2, true, false, false), &error);
    QVERIFY2(id, qPrintable(error));
    QCOMPARE(counts(m_path).value("runs"), before.value("runs") + 1);
}

void TestStore::notADatabase_data()
{
    QTest::addColumn<QByteArray>("content");
    QByteArray garbage(8192, '\0');
    for (int i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 131 + 7) % 251);
    QTest::newRow("garbage bytes") << garbage;
    QTest::newRow("text file") << QByteArray("hello, this is not SQLite\n").repeated(100);
    QTest::newRow("short garbage") << QByteArray("\x01\x02\x03garbage", 10);
}

void TestStore::notADatabase()
{
    if (onPostgres())
        QSKIP("SQLite only: a PostgreSQL store has no file whose permissions or bytes could be "
              "wrong; its own refusals are tested in lockedDatabase and "
              "failedMigrationLeavesNothing");
    QFETCH(QByteArray, content);
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    writeFile(m_path, content);

    Database db;
    QString error;
    QVERIFY(!db.open(m_path, &error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(m_path) + QLatin1String(": ")),
             qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("not a database")), qPrintable(error));
    QCOMPARE(readAll(m_path), content); // left as it was
    QVERIFY(!QFileInfo::exists(m_path + QLatin1String("-wal")));
}

// A schema version this MoEScope did not write (a newer one, or a negative
// one a damaged or hostile file carries) is refused, the file left as it is.
void TestStore::foreignSchemaIsRefused_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("expected");
    QTest::newRow("newer") << 999 << QStringLiteral("newer version of MoEScope");
    QTest::newRow("negative") << -5 << QStringLiteral("is not one MoEScope wrote");
    QTest::newRow("INT_MIN") << std::numeric_limits<int>::min()
                             << QStringLiteral("is not one MoEScope wrote");
}

void TestStore::foreignSchemaIsRefused()
{
    QFETCH(int, version);
    QFETCH(QString, expected);
    {
        Database db;
        QString error;
        QVERIFY2(db.open(m_path, &error), qPrintable(error));
        QVERIFY(seed(db));
    }
    {
        Raw raw(m_path);
        QVERIFY(raw.setVersion(version));
    }
    const Counts before = counts(m_path);

    Database db;
    QString error;
    QVERIFY(!db.open(m_path, &error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(m_path) + QLatin1String(": ")),
             qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(QString::number(version)), qPrintable(error));

    Raw raw(m_path, true);
    QCOMPARE(raw.version(), version);
    QCOMPARE(counts(m_path), before);
}

void TestStore::reopenReadsEarlierRuns()
{
    const QDateTime t = at("2024-03-01T12:00:00.000Z");
    const RunRecord first = makeRun("m1", "i1", t);
    const RunRecord second = makeRun("m2", "i2", t.addSecs(5));
    const auto routing1 = makeRouting(2, 3, 10, 4, true, true, true);
    const auto routing2 = makeRouting(1, 1, 1, 7, false, false, true);
    qint64 id1 = 0, id2 = 0;
    {
        Database db;
        QString error;
        QVERIFY2(db.open(m_path, &error), qPrintable(error));
        const auto a = db.saveRun(first, routing1, &error);
        const auto b = db.saveRun(second, routing2, &error);
        QVERIFY2(a && b, qPrintable(error));
        id1 = *a;
        id2 = *b;
    }
    Database db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    const QList<RunRecord> runs = db.listRuns(&error);
    QCOMPARE(runs.size(), 2);
    RunRecord expected = second;
    expected.id = id2;
    compareRuns(runs[0], expected);
    expected = first;
    expected.id = id1;
    compareRuns(runs[1], expected);

    std::vector<FrameRouting> loaded;
    QVERIFY2(db.loadRun(id1, &loaded, &error), qPrintable(error));
    compareRouting(loaded, routing1);
    QVERIFY2(db.loadRun(id2, &loaded, &error), qPrintable(error));
    compareRouting(loaded, routing2);

    // A second instance on the same file sees what the first writes.
    Database other;
    QVERIFY2(other.open(m_path, &error), qPrintable(error));
    const auto id3 = other.saveRun(makeRun("m3", "i3", t.addSecs(10)), {}, &error);
    QVERIFY2(id3, qPrintable(error));
    QCOMPARE(db.listRuns(&error).first().id, *id3);
}

void TestStore::oneDatabasePerThread()
{
    {
        Database db;
        QString error;
        QVERIFY2(db.open(m_path, &error), qPrintable(error)); // created and migrated once
    }
    // Two threads, each with its own Database, write at the same time; the
    // busy timeout makes them take turns.
    constexpr int perThread = 15;
    int failures = 0; // guarded by mutex
    QMutex mutex;
    QString firstFailure;
    auto report = [&](const QString &error) {
        QMutexLocker lock(&mutex);
        if (++failures == 1)
            firstFailure = error;
    };
    auto work = [&](const QByteArray &model) {
        Database db;
        QString error;
        if (!db.open(m_path, &error)) {
            report(error);
            return;
        }
        for (int i = 0; i < perThread; ++i) {
            if (!db.saveRun(makeRun(model, "shared-image", QDateTime()),
                            makeRouting(1, 2, 16, 4, true, true, false), &error))
                report(error);
        }
    };
    std::unique_ptr<QThread> a(QThread::create(work, QByteArray("thread-a")));
    std::unique_ptr<QThread> b(QThread::create(work, QByteArray("thread-b")));
    a->start();
    b->start();
    QVERIFY(a->wait(60000));
    QVERIFY(b->wait(60000));
    QVERIFY2(failures == 0, qPrintable(firstFailure));

    const Counts c = counts(m_path);
    QCOMPARE(c.value("runs"), 2 * perThread);
    QCOMPARE(c.value("routing"), 2 * 2 * perThread);
    QCOMPARE(c.value("models"), 2);
    QCOMPARE(c.value("images"), 1);
}

// The tasks of a job array start together and open a store nobody has
// created yet: one creates it (a PostgreSQL database, an SQLite file) and
// upgrades its schema, the others wait and use it.
void TestStore::firstOpenRace()
{
    constexpr int kOpeners = 6;
    QMutex mutex;
    QStringList errors;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < kOpeners; ++i)
        threads.emplace_back(QThread::create([&, i] {
            Database db;
            QString error;
            if (!db.open(m_path, &error) ||
                !db.saveRun(makeRun("race-model", QByteArray("race-image-") + QByteArray::number(i),
                                    QDateTime()),
                            {}, &error)) {
                QMutexLocker lock(&mutex);
                errors << error;
            }
        }));
    for (auto &t : threads)
        t->start();
    for (auto &t : threads)
        QVERIFY(t->wait(60000));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(counts(m_path).value("runs"), kOpeners);
    Raw raw(m_path, true);
    QCOMPARE(raw.version(), Database::schemaVersion());
}

// A store a lab shares says who made each run and on which machine.
void TestStore::whoMadeTheRun()
{
    Database db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    const auto mine = db.saveRun(makeRun("m", "i", QDateTime()), {}, &error);
    QVERIFY2(mine, qPrintable(error));
    RunRecord theirs = makeRun("m", "j", QDateTime());
    theirs.createdBy = QStringLiteral("r.okafor");
    theirs.createdOn = QStringLiteral("gpu-node-07");
    const auto other = db.saveRun(theirs, {}, &error);
    QVERIFY2(other, qPrintable(error));

    const auto a = db.loadRun(*mine, nullptr, &error);
    QVERIFY2(a, qPrintable(error));
    QVERIFY(!a->createdBy.isEmpty());
    QCOMPARE(a->createdOn, QSysInfo::machineHostName());
    const QList<RunRecord> runs = db.listRuns(&error);
    QCOMPARE(runs.size(), 2);
    const RunRecord &b = runs[0].id == *other ? runs[0] : runs[1];
    QCOMPARE(b.createdBy, QStringLiteral("r.okafor"));
    QCOMPARE(b.createdOn, QStringLiteral("gpu-node-07"));
}

// A window hears of runs other connections commit, without polling: on
// PostgreSQL by LISTEN/NOTIFY; an SQLite file has no such channel.
void TestStore::runsAreAnnounced()
{
    Database window;
    QString error;
    QVERIFY2(window.open(m_path, &error), qPrintable(error));
    QList<QPair<bool, qint64>> heard;
    const bool listening = window.listenForRuns(
        [&](bool saved, qint64 id) {
            heard.append({saved, id});
        },
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(listening, onPostgres());
    if (!onPostgres())
        return;

    // A batch job elsewhere: its own connection, in another thread.
    qint64 saved = 0, failedId = 0;
    QString jobError;
    std::unique_ptr<QThread> job(QThread::create([&] {
        Database batch;
        if (!batch.open(m_path, &jobError))
            return;
        const auto id = batch.saveRun(makeRun("bm", "bi", QDateTime()), {}, &jobError);
        saved = id.value_or(0);
        // A save that fails is rolled back and announces nothing.
        RunRecord bad = makeRun("bm", "bj", QDateTime());
        bad.image.sha256 = QStringLiteral("not a sha");
        failedId = batch.saveRun(bad, {}, &jobError).value_or(-1);
        jobError.clear();
        if (id && !batch.deleteRun(*id, &jobError))
            saved = 0;
    }));
    job->start();
    QVERIFY(job->wait(30000));
    QVERIFY2(saved > 0, qPrintable(jobError));
    QCOMPARE(failedId, -1);
    QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 2, 10000);
    QCOMPARE(heard[0], qMakePair(true, saved));
    QCOMPARE(heard[1], qMakePair(false, saved));

    // Closing the store stops the announcements.
    window.close();
    Database batch;
    QVERIFY2(batch.open(m_path, &error), qPrintable(error));
    QVERIFY(batch.saveRun(makeRun("bm", "bk", QDateTime()), {}, &error));
    QTest::qWait(200);
    QCOMPARE(heard.size(), 2);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
