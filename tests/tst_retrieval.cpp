// CT retrieval: exact top-k search, AP@k, window matching, galleries in the
// store (names, cascades, the schema upgrade), indexing and queries with the
// reference model through the ct-retrieval plugin (resumable, whole files
// only, self-retrieval, another model refused, bad files reported), and the
// CLI verbs end to end.
#include "image/imageloader.h"
#include "jobs/retrieval.h"
#include "model/engine.h"
#include "plugin/pluginregistry.h"
#include "retrieval/evaluation.h"
#include "retrieval/flatindex.h"
#include "retrieval/windowmatch.h"
#include "store/database.h"

#include "thirdpartydata.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <numeric>
#include <random>

using namespace moescope;

namespace {

const QString kModel = QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/models/ct-hmar-tiny.pt");
const QString kOtherModel =
    QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/models/us-m2dino-tiny.pt");
const QString kGallery = QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/ct/gallery");
const QString kQuery =
    QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/ct/query-chest_nodule.dcm");
const QString kHeldOut = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/ct_heldout");

struct Result
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Result cli(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("2"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MOESCOPE_CLI), args);
    p.waitForFinished(280000);
    Result r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

std::vector<float> randomVectors(size_t n, int dim, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    std::vector<float> v(n * size_t(dim));
    for (float &x : v)
        x = normal(rng);
    return v;
}

// Copies the shipped gallery (32 labelled slices) into `dir`.
void copyGallery(const QString &dir)
{
    QDir source(kGallery);
    for (const QString &label : source.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QDir().mkpath(dir + QLatin1Char('/') + label);
        for (const QString &f : QDir(source.filePath(label)).entryList(QDir::Files))
            QFile::copy(source.filePath(label + QLatin1Char('/') + f),
                        dir + QLatin1Char('/') + label + QLatin1Char('/') + f);
    }
}

store::ModelRef fakeModel(char digit)
{
    return {QString(64, QLatin1Char(digit)),
            QStringLiteral("fake"),
            QStringLiteral("ct-retrieval"),
            {},
            {}};
}

store::GalleryItem fakeItem(const QString &sha, int frame, int dim, float value)
{
    store::GalleryItem it;
    it.sourceSha256 = sha;
    it.frame = frame;
    it.label = QStringLiteral("x");
    it.embedding.assign(size_t(dim), value);
    it.windowRows = 2;
    it.windowCols = 2;
    it.windowDim = 3;
    it.windows = {0.1f, 0.2f, 0.3f, -0.5f, 0.25f, 1.0f, 0.0f, 0.0f, 1.0f, 0.333f, -0.75f, 2.5f};
    it.gates = QJsonObject{{"gate", QJsonObject{{"global", 0.25}, {"local", 0.75}}}};
    it.thumbnail = QByteArray("\x89PNG fake", 9);
    return it;
}

} // namespace

class TestRetrieval : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // core/retrieval
    void topKMatchesFullSort_data();
    void topKMatchesFullSort();
    void topKTiesAndExclusion();
    void averagePrecision_data();
    void averagePrecision();
    void leaveOneOutEvaluation();
    void windowMatchFindsTheSameWindow();

    // store
    void galleryNamesRenameDelete();
    void gallerySourceIsAllOrNothing();
    void upgradeFromSchemaOneKeepsRuns();

    // jobs, in process
    void indexIsResumableAndWholeFilesOnly();
    void selfRetrieval();
    void regionQuery();
    void anotherModelIsRefused();
    void badInputIsReported();
    void realFilesAndVolumes();
    void batchedIndexingEqualsOneByOne();

    // CLI
    void cliIndexRetrieveEndToEnd();
    void cliIndexInShards();
    void cliEvaluateHeldOut();
    void cliReadOnlyDatabaseIndexesNothing();
    void cliBadInput_data();
    void cliBadInput();

private:
    std::unique_ptr<model::Engine> m_engine;
    PluginRegistry *m_registry = nullptr;
    TaskPlugin *m_plugin = nullptr;
    QString m_modelSha;
};

void TestRetrieval::initTestCase()
{
    std::string why;
    m_engine = model::Engine::load(kModel.toStdString(), model::DevicePreference::Cpu, &why);
    QVERIFY2(m_engine, why.c_str());
    m_registry = new PluginRegistry;
    QString warning;
    m_plugin = m_registry->pluginForTask(QStringLiteral("ct-retrieval"), &warning);
    QVERIFY(m_plugin);
    QCOMPARE(m_plugin->id(), QStringLiteral("ct-retrieval")); // the real plugin, not the fallback
    QString error;
    m_modelSha = store::Database::sha256OfFile(kModel, &error).value_or(QString());
    QVERIFY2(!m_modelSha.isEmpty(), qPrintable(error));
}

void TestRetrieval::topKMatchesFullSort_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("dim");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("exclude");
    QTest::newRow("1000x64 top1") << 1000 << 64 << 1 << -1;
    QTest::newRow("1000x64 top10") << 1000 << 64 << 10 << -1;
    QTest::newRow("1000x64 top10 minus one") << 1000 << 64 << 10 << 17;
    QTest::newRow("300x7 k over n") << 300 << 7 << 500 << -1;
    QTest::newRow("257x64 across blocks") << 257 << 64 << 257 << 256;
}

void TestRetrieval::topKMatchesFullSort()
{
    QFETCH(int, n);
    QFETCH(int, dim);
    QFETCH(int, k);
    QFETCH(int, exclude);
    const std::vector<float> data = randomVectors(size_t(n), dim, 7);
    const std::vector<float> query = randomVectors(1, dim, 8);
    std::vector<int64_t> ids(static_cast<size_t>(n));
    std::iota(ids.begin(), ids.end(), 0);
    retrieval::FlatIndex index(dim);
    index.add(data.data(), size_t(n), ids.data());
    const auto hits = index.search(query.data(), k, exclude);

    // The reference: every cosine in double, fully sorted.
    auto cosine = [&](int i) {
        double dot = 0, a = 0, b = 0;
        for (int j = 0; j < dim; ++j) {
            dot += double(data[size_t(i) * dim + j]) * query[size_t(j)];
            a += double(data[size_t(i) * dim + j]) * data[size_t(i) * dim + j];
            b += double(query[size_t(j)]) * query[size_t(j)];
        }
        return dot / std::sqrt(a * b);
    };
    std::vector<int> order;
    for (int i = 0; i < n; ++i)
        if (i != exclude)
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return cosine(a) > cosine(b); });
    const int expected = std::min(k, int(order.size()));
    QCOMPARE(int(hits.size()), expected);
    for (int r = 0; r < expected; ++r) {
        QCOMPARE(hits[size_t(r)].id, int64_t(order[size_t(r)]));
        QVERIFY(std::abs(hits[size_t(r)].score - cosine(order[size_t(r)])) < 1e-5);
    }
}

void TestRetrieval::topKTiesAndExclusion()
{
    // Three identical vectors: ties go to the one added first; the excluded
    // id is skipped and the next one moves up.
    const std::vector<float> v = {1, 0, 1, 0, 1, 0, 0, 1};
    const std::vector<int64_t> ids = {40, 10, 30, 20};
    retrieval::FlatIndex index(2);
    index.add(v.data(), 4, ids.data());
    const float q[2] = {2, 0};
    auto hits = index.search(q, 2);
    QCOMPARE(hits.size(), size_t(2));
    QCOMPARE(hits[0].id, int64_t(40));
    QCOMPARE(hits[1].id, int64_t(10));
    QCOMPARE(hits[0].score, 1.0f);
    hits = index.search(q, 2, 40);
    QCOMPARE(hits[0].id, int64_t(10));
    QCOMPARE(hits[1].id, int64_t(30));
    hits = index.search(q, 10);
    QCOMPARE(hits.size(), size_t(4));
    QCOMPARE(hits[3].id, int64_t(20));
    QCOMPARE(hits[3].score, 0.0f);
    QVERIFY(index.search(q, 0).empty());
}

void TestRetrieval::averagePrecision_data()
{
    QTest::addColumn<QList<int>>("relevant");
    QTest::addColumn<int>("k");
    QTest::addColumn<double>("expected");
    QTest::newRow("all relevant") << QList<int>{1, 1, 1} << 3 << 1.0;
    QTest::newRow("none") << QList<int>{0, 0, 0} << 3 << 0.0;
    QTest::newRow("second only") << QList<int>{0, 1, 0} << 3 << 0.5;
    // (1/1 + 2/3) / 2
    QTest::newRow("first and third") << QList<int>{1, 0, 1} << 3 << (1.0 + 2.0 / 3.0) / 2.0;
    // beyond k is ignored
    QTest::newRow("cut at k") << QList<int>{0, 0, 1} << 2 << 0.0;
    // (1/2 + 2/4) / 2
    QTest::newRow("second and fourth") << QList<int>{0, 1, 0, 1} << 10 << 0.5;
}

void TestRetrieval::averagePrecision()
{
    QFETCH(QList<int>, relevant);
    QFETCH(int, k);
    QFETCH(double, expected);
    std::vector<bool> r;
    for (int v : relevant)
        r.push_back(v != 0);
    QVERIFY(std::abs(retrieval::averagePrecisionAtK(r, k) - expected) < 1e-12);
}

// Leave-one-out over a labelled index (core/retrieval/evaluation.h), by hand:
// a1, a2 and b1, b2 are each other's nearest; c sits next to a1 but has a
// label of its own; u has no label and asks nothing.
void TestRetrieval::leaveOneOutEvaluation()
{
    retrieval::FlatIndex index(2);
    const float v[] = {1.0f,  0.0f,  0.95f, 0.05f, 0.0f, 1.0f,
                       0.05f, 0.95f, 0.99f, 0.01f, 0.5f, 0.5f};
    const int64_t ids[] = {10, 11, 20, 21, 30, 40};
    index.add(v, 6, ids);
    const std::vector<std::string> labels = {"a", "a", "b", "b", "c", ""};
    double ms = -1;
    const retrieval::Evaluation e = retrieval::evaluateLeaveOneOut(index, labels, 1, &ms);
    QCOMPARE(e.queries(), 5);
    QVERIFY(ms >= 0);
    // Top-1: a1 → c (wrong), a2 → c (wrong: c is nearer a2 than a1 is), b1 → b2, b2 → b1,
    // c → a1 (wrong).
    const auto per = e.perLabel();
    QCOMPARE(per.at("b").meanAveragePrecision, 1.0);
    QCOMPARE(per.at("c").meanAveragePrecision, 0.0);
    QCOMPARE(e.precisionAt1(), 2.0 / 5.0);
    QCOMPARE(e.meanAveragePrecision(), 2.0 / 5.0);
    // With k = 2 every a finds the other a second: AP = (1/2) / 1.
    const retrieval::Evaluation e2 = retrieval::evaluateLeaveOneOut(index, labels, 2);
    QCOMPARE(e2.perLabel().at("a").meanAveragePrecision, 0.5);
}

void TestRetrieval::windowMatchFindsTheSameWindow()
{
    // 4 query windows, 6 item windows of 8 values; item window 5 is query
    // window 2 scaled (cosine 1), the rest random.
    const int dim = 8;
    std::vector<float> query = randomVectors(4, dim, 1);
    std::vector<float> item = randomVectors(6, dim, 2);
    for (int j = 0; j < dim; ++j)
        item[size_t(5 * dim + j)] = 3.0f * query[size_t(2 * dim + j)];
    const retrieval::WindowMatch m = retrieval::matchWindows(query.data(), 4, item.data(), 6, dim);
    QCOMPARE(m.bestQueryWindow, 2);
    QCOMPARE(m.bestItemWindow, 5);
    QVERIFY(std::abs(m.bestScore - 1.0f) < 1e-5);
    QCOMPARE(m.queryBestWindow[2], 5);
    QCOMPARE(m.queryBest.size(), size_t(4));
    QCOMPARE(m.itemBest.size(), size_t(6));
    QVERIFY(std::abs(m.itemBest[5] - 1.0f) < 1e-5);
    double mean = 0;
    for (float s : m.queryBest)
        mean += s;
    QVERIFY(std::abs(m.score - mean / 4) < 1e-6);
    QVERIFY(m.score < 1.0f);
    QVERIFY(retrieval::matchWindows(query.data(), 0, item.data(), 6, dim).queryBest.empty());
}

void TestRetrieval::galleryNamesRenameDelete()
{
    QTemporaryDir dir;
    store::Database db;
    QString error;
    QVERIFY2(db.open(dir.filePath(QStringLiteral("g.sqlite")), &error), qPrintable(error));
    QCOMPARE(store::Database::schemaVersion(), 3);
    const auto a = db.createGallery(QStringLiteral("chest"), fakeModel('a'),
                                    QStringLiteral("embedding"), 4, &error);
    QVERIFY2(a, qPrintable(error));
    QVERIFY(
        !db.createGallery(QStringLiteral("chest"), fakeModel('b'), QStringLiteral("e"), 4, &error));
    QVERIFY2(error.contains(QStringLiteral("exists")), qPrintable(error));
    QVERIFY(
        !db.createGallery(QStringLiteral("  "), fakeModel('b'), QStringLiteral("e"), 4, &error));
    QVERIFY(error.contains(QStringLiteral("empty")));
    const auto b = db.createGallery(QStringLiteral("head"), fakeModel('b'),
                                    QStringLiteral("embedding"), 4, &error);
    QVERIFY(b);
    const QString sha(64, QLatin1Char('c'));
    QVERIFY(db.addGallerySource(*a, sha, QStringLiteral("/x.dcm"),
                                {fakeItem(sha, 0, 4, 1.0f), fakeItem(sha, 1, 4, 2.0f)}, &error));

    QList<store::GalleryInfo> list = db.listGalleries(&error);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].name, QStringLiteral("chest"));
    QCOMPARE(list[0].itemCount, qint64(2));
    QCOMPARE(list[0].sourceCount, qint64(1));
    QCOMPARE(list[0].modelSha256, QString(64, QLatin1Char('a')));
    QCOMPARE(list[0].dim, 4);

    QVERIFY(!db.renameGallery(*a, QStringLiteral("head"), &error));
    QVERIFY(error.contains(QStringLiteral("exists")));
    QVERIFY2(db.renameGallery(*a, QStringLiteral("lung"), &error), qPrintable(error));
    QVERIFY(db.findGallery(QStringLiteral("lung"), &error));
    error.clear();
    QVERIFY(!db.findGallery(QStringLiteral("chest"), &error));
    QVERIFY(error.isEmpty()); // "none" is not an error

    QVERIFY(db.deleteGallery(*a, &error));
    QVERIFY(!db.deleteGallery(*a, &error));
    list = db.listGalleries(&error);
    QCOMPARE(list.size(), 1);
    // The cascade took the sources and items with it.
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw1"));
    raw.setDatabaseName(db.path());
    QVERIFY(raw.open());
    {
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM gallery_items),"
                                      " (SELECT COUNT(*) FROM gallery_sources)")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QCOMPARE(q.value(1).toInt(), 0);
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("raw1"));
}

void TestRetrieval::gallerySourceIsAllOrNothing()
{
    QTemporaryDir dir;
    store::Database db;
    QString error;
    QVERIFY(db.open(dir.filePath(QStringLiteral("g.sqlite")), &error));
    const auto g = db.createGallery(QStringLiteral("g"), fakeModel('a'),
                                    QStringLiteral("embedding"), 4, &error);
    QVERIFY(g);
    const QString sha(64, QLatin1Char('d'));
    // The second item has the wrong size: nothing of the source is written.
    QVERIFY(!db.addGallerySource(*g, sha, QStringLiteral("/y.dcm"),
                                 {fakeItem(sha, 0, 4, 1.0f), fakeItem(sha, 1, 5, 1.0f)}, &error));
    QVERIFY2(error.contains(QStringLiteral("5 values")), qPrintable(error));
    QCOMPARE(db.hasGallerySource(*g, sha, &error).value_or(true), false);
    QCOMPARE(db.findGallery(QStringLiteral("g"), &error)->itemCount, qint64(0));

    store::GalleryItem nan = fakeItem(sha, 0, 4, 1.0f);
    nan.embedding[2] = std::numeric_limits<float>::quiet_NaN();
    QVERIFY(!db.addGallerySource(*g, sha, QStringLiteral("/y.dcm"), {nan}, &error));
    QVERIFY(error.contains(QStringLiteral("NaN")));

    const auto ids =
        db.addGallerySource(*g, sha, QStringLiteral("/y.dcm"),
                            {fakeItem(sha, 0, 4, 1.0f), fakeItem(sha, 1, 4, -2.0f)}, &error);
    QVERIFY2(ids, qPrintable(error));
    QCOMPARE(ids->size(), size_t(2));
    QCOMPARE(db.hasGallerySource(*g, sha, &error).value_or(false), true);
    // The same content twice is refused (the indexer skips it before).
    QVERIFY(!db.addGallerySource(*g, sha, QStringLiteral("/z.dcm"), {fakeItem(sha, 0, 4, 1.0f)},
                                 &error));
    QVERIFY2(error.contains(QStringLiteral("already holds")), qPrintable(error));

    const auto matrix = db.loadGalleryEmbeddings(*g, &error);
    QVERIFY(matrix);
    QCOMPARE(matrix->ids, std::vector<qint64>(ids->begin(), ids->end()));
    QCOMPARE(matrix->vectors.size(), size_t(8));
    QCOMPARE(matrix->vectors[4], -2.0f);

    const QList<store::GalleryItem> items =
        db.galleryItems({(*ids)[1], 999999, (*ids)[0]}, true, &error);
    QCOMPARE(items.size(), 2);
    QCOMPARE(items[0].frame, 1);
    QCOMPARE(items[1].frame, 0);
    const store::GalleryItem expected = fakeItem(sha, 1, 4, -2.0f);
    QCOMPARE(items[0].windows.size(), expected.windows.size());
    for (size_t i = 0; i < expected.windows.size(); ++i) // float16: 3 significant digits
        QVERIFY(std::abs(items[0].windows[i] - expected.windows[i]) <=
                2e-3f * std::max(1.0f, std::abs(expected.windows[i])));
    QCOMPARE(items[0].gates, expected.gates);
    QCOMPARE(items[0].thumbnail, expected.thumbnail);
    QCOMPARE(items[0].path, QStringLiteral("/y.dcm"));
    QCOMPARE(db.galleryItemPage(*g, 1, 10, &error).size(), 1);
}

void TestRetrieval::upgradeFromSchemaOneKeepsRuns()
{
    // A file written by a schema-1 build: make one by dropping the gallery
    // tables of a new file and setting its version back, with a run in it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    QString error;
    {
        store::Database db;
        QVERIFY(db.open(path, &error));
        store::RunRecord run;
        run.model.sha256 = QString(64, QLatin1Char('1'));
        run.image.sha256 = QString(64, QLatin1Char('2'));
        run.outputs = QJsonObject{{"kept", true}};
        QVERIFY2(db.saveRun(run, {}, &error), qPrintable(error));
    }
    {
        QSqlDatabase raw =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw2"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        for (const char *sql :
             {"DROP TABLE gallery_items", "DROP TABLE gallery_sources", "DROP TABLE galleries",
              "ALTER TABLE runs DROP COLUMN created_by", "ALTER TABLE runs DROP COLUMN created_on",
              "PRAGMA user_version = 1"})
            QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw2"));
    store::Database db;
    QVERIFY2(db.open(path, &error), qPrintable(error));
    QCOMPARE(db.connectionInfo(&error)->userVersion, 3);
    const auto runs = db.listRuns(&error);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].outputs.value(QStringLiteral("kept")).toBool(), true);
    QVERIFY(
        db.createGallery(QStringLiteral("new"), fakeModel('a'), QStringLiteral("e"), 3, &error));
}

void TestRetrieval::indexIsResumableAndWholeFilesOnly()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("gallery"));
    copyGallery(root);
    store::Database db;
    QString error;
    QVERIFY(db.open(dir.filePath(QStringLiteral("g.sqlite")), &error));
    IndexRequest request;
    request.root = root;
    request.galleryName = QStringLiteral("samples");
    request.modelPath = kModel;
    request.modelSha256 = m_modelSha;

    // Cancel once 5 files are done: the slices already read are finished (at
    // most the one in hand besides those), nothing else is started.
    std::atomic_bool cancel{false};
    IndexReport report;
    QVERIFY2(indexGallery(
                 *m_engine, *m_plugin, db, request, &cancel,
                 [&](int done, int total, const QString &) {
                     QCOMPARE(total, 32);
                     if (done == 5)
                         cancel.store(true);
                 },
                 &report, &error),
             qPrintable(error));
    QVERIFY(report.cancelled);
    QVERIFY(report.createdGallery);
    const int first = report.sourcesAdded;
    QVERIFY2(first == 5 || first == 6, qPrintable(QString::number(first)));
    auto info = db.findGallery(QStringLiteral("samples"), &error);
    QVERIFY(info);
    QCOMPARE(info->itemCount, qint64(first));
    QCOMPARE(info->sourceCount, qint64(first));
    QCOMPARE(info->dim, 64);
    QCOMPARE(info->modelSha256, m_modelSha);

    // Again: those are skipped by content, the others are added.
    cancel.store(false);
    QVERIFY2(indexGallery(*m_engine, *m_plugin, db, request, &cancel, {}, &report, &error),
             qPrintable(error));
    QVERIFY(!report.cancelled);
    QCOMPARE(report.sourcesSkipped, first);
    QCOMPARE(report.sourcesAdded, 32 - first);
    QCOMPARE(report.itemsAdded, 32 - first);
    QVERIFY(report.failures.isEmpty());
    info = db.findGallery(QStringLiteral("samples"), &error);
    QCOMPARE(info->itemCount, qint64(32));

    // A renamed copy of a file is the same content: skipped.
    QVERIFY(QFile::copy(root + QStringLiteral("/head_normal/1.dcm"),
                        root + QStringLiteral("/head_normal/copy.dcm")));
    QVERIFY(indexGallery(*m_engine, *m_plugin, db, request, nullptr, {}, &report, &error));
    QCOMPARE(report.sourcesSkipped, 33);
    QCOMPARE(report.sourcesAdded, 0);

    // Items carry their label (the class folder), a thumbnail and the gates.
    const QList<store::GalleryItem> page = db.galleryItemPage(info->id, 0, 100, &error);
    QCOMPARE(page.size(), 32);
    QSet<QString> labels;
    for (const store::GalleryItem &it : page) {
        labels.insert(it.label);
        QVERIFY(it.gates.contains(QStringLiteral("dual_moe")));
        const QJsonObject gate = it.gates.value(QStringLiteral("gate")).toObject();
        QVERIFY(std::abs(gate.value(QStringLiteral("global")).toDouble() +
                         gate.value(QStringLiteral("local")).toDouble() - 1.0) < 1e-4);
    }
    QCOMPARE(labels.size(), 8);
    const auto full = db.galleryItems({page[0].id}, true, &error);
    QCOMPARE(full[0].windowRows, 7);
    QCOMPARE(full[0].windowCols, 7);
    QCOMPARE(full[0].windows.size(), size_t(49 * 64));
    QVERIFY(full[0].thumbnail.startsWith("\x89PNG"));
}

void TestRetrieval::selfRetrieval()
{
    QTemporaryDir dir;
    store::Database db;
    QString error;
    QVERIFY(db.open(dir.filePath(QStringLiteral("g.sqlite")), &error));
    IndexRequest request;
    request.root = kGallery;
    request.galleryName = QStringLiteral("self");
    request.modelPath = kModel;
    request.modelSha256 = m_modelSha;
    IndexReport report;
    QVERIFY2(indexGallery(*m_engine, *m_plugin, db, request, nullptr, {}, &report, &error),
             qPrintable(error));
    std::optional<LoadedGallery> gallery = loadGallery(db, QStringLiteral("self"), &error);
    QVERIFY2(gallery, qPrintable(error));
    QCOMPARE(gallery->index.size(), size_t(32));
    const QList<store::GalleryItem> items = db.galleryItemPage(gallery->info.id, 0, 100, &error);
    for (const store::GalleryItem &it : items) {
        LoadError loadError;
        auto image = ImageLoader::load(it.path, &loadError);
        QVERIFY2(image, qPrintable(loadError.message()));
        QueryRequest q;
        q.image = QSharedPointer<const ImageStack>::create(std::move(*image));
        q.topK = 3;
        QueryResult r;
        QVERIFY2(queryGallery(*m_engine, *m_plugin, db, *gallery, q, &r, &error),
                 qPrintable(error));
        QCOMPARE(r.hits.size(), size_t(3));
        QCOMPARE(r.hits[0].item.id, it.id);
        QVERIFY2(r.hits[0].score > 0.9999f, qPrintable(QString::number(r.hits[0].score)));
        // Its own windows match themselves: every window's best is 1.
        QVERIFY(std::abs(r.hits[0].windows.score - 1.0f) < 2e-3f);
        QVERIFY(r.hits[1].score <= r.hits[0].score && r.hits[2].score <= r.hits[1].score);
    }
}

void TestRetrieval::regionQuery()
{
    QTemporaryDir dir;
    store::Database db;
    QString error;
    QVERIFY(db.open(dir.filePath(QStringLiteral("g.sqlite")), &error));
    IndexRequest request;
    request.root = kGallery;
    request.galleryName = QStringLiteral("r");
    request.modelSha256 = m_modelSha;
    IndexReport report;
    QVERIFY(indexGallery(*m_engine, *m_plugin, db, request, nullptr, {}, &report, &error));
    auto gallery = loadGallery(db, QStringLiteral("r"), &error);
    QVERIFY(gallery);
    LoadError loadError;
    auto image = ImageLoader::load(kQuery, &loadError);
    QVERIFY(image);
    auto shared = QSharedPointer<const ImageStack>::create(std::move(*image));
    QueryRequest whole;
    whole.image = shared;
    QueryResult a, b, c;
    QVERIFY(queryGallery(*m_engine, *m_plugin, db, *gallery, whole, &a, &error));
    // The whole frame as a region is the same query.
    QueryRequest full = whole;
    full.region = QRect(0, 0, shared->width, shared->height);
    QVERIFY(queryGallery(*m_engine, *m_plugin, db, *gallery, full, &b, &error));
    QCOMPARE(a.hits.size(), b.hits.size());
    for (size_t i = 0; i < a.hits.size(); ++i) {
        QCOMPARE(a.hits[i].item.id, b.hits[i].item.id);
        QVERIFY(std::abs(a.hits[i].score - b.hits[i].score) < 1e-5f);
    }
    // A quarter of it is another query.
    QueryRequest quarter = whole;
    quarter.region = QRect(0, 0, shared->width / 2, shared->height / 2);
    QVERIFY(queryGallery(*m_engine, *m_plugin, db, *gallery, quarter, &c, &error));
    double cosine = 0;
    for (size_t i = 0; i < a.query.embedding.size(); ++i)
        cosine += double(a.query.embedding[i]) * c.query.embedding[i];
    QVERIFY2(cosine < 0.9999, qPrintable(QString::number(cosine)));
    QCOMPARE(c.region, quarter.region);
    // A region of a few pixels is refused with the reason.
    QueryRequest tiny = whole;
    tiny.region = QRect(10, 10, 4, 4);
    QVERIFY(!queryGallery(*m_engine, *m_plugin, db, *gallery, tiny, &c, &error));
    QVERIFY2(error.contains(QStringLiteral("too small")), qPrintable(error));
}

void TestRetrieval::anotherModelIsRefused()
{
    QTemporaryDir dir;
    store::Database db;
    QString error;
    QVERIFY(db.open(dir.filePath(QStringLiteral("g.sqlite")), &error));
    QVERIFY(db.createGallery(QStringLiteral("other"), fakeModel('e'), QStringLiteral("embedding"),
                             64, &error));
    IndexRequest request;
    request.root = kGallery;
    request.galleryName = QStringLiteral("other");
    request.modelSha256 = m_modelSha;
    IndexReport report;
    QVERIFY(!indexGallery(*m_engine, *m_plugin, db, request, nullptr, {}, &report, &error));
    QVERIFY2(error.contains(QStringLiteral("another model")), qPrintable(error));
    QCOMPARE(db.findGallery(QStringLiteral("other"), &error)->itemCount, qint64(0));

    auto info = db.findGallery(QStringLiteral("other"), &error);
    QVERIFY(!checkGalleryModel(*info, m_modelSha, QStringLiteral("ct-hmar-tiny"), 64, &error));
    QVERIFY(error.contains(QStringLiteral("fake")));
    QVERIFY(checkGalleryModel(*info, info->modelSha256, QStringLiteral("fake"), 64, &error));
    QVERIFY(!checkGalleryModel(*info, info->modelSha256, QStringLiteral("fake"), 32, &error));
    QVERIFY(error.contains(QStringLiteral("64-value")));

    // A model without an embedding output cannot build a gallery at all.
    std::string why;
    auto other = model::Engine::load(kOtherModel.toStdString(), model::DevicePreference::Cpu, &why);
    QVERIFY(other);
    RetrievalOutputs outputs;
    QVERIFY(!findRetrievalOutputs(other->contract(), &outputs, &error));
    QVERIFY(error.contains(QStringLiteral("no output of kind \"embedding\"")));
}

void TestRetrieval::badInputIsReported()
{
    QTemporaryDir dir;
    store::Database db;
    QString error;
    QVERIFY(db.open(dir.filePath(QStringLiteral("g.sqlite")), &error));
    IndexRequest request;
    request.galleryName = QStringLiteral("bad");
    request.modelSha256 = m_modelSha;
    IndexReport report;

    // An empty folder: one message, no gallery.
    const QString empty = dir.filePath(QStringLiteral("empty"));
    QDir().mkpath(empty);
    request.root = empty;
    QVERIFY(!indexGallery(*m_engine, *m_plugin, db, request, nullptr, {}, &report, &error));
    QVERIFY2(error.contains(QStringLiteral("empty")) && error.contains(empty), qPrintable(error));
    QVERIFY(db.listGalleries(&error).isEmpty());

    // Only broken files: one message naming the first, no gallery.
    const QString broken = dir.filePath(QStringLiteral("broken"));
    QDir().mkpath(broken + QStringLiteral("/a"));
    QFile f(broken + QStringLiteral("/a/truncated.dcm"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QFile good(kQuery);
    QVERIFY(good.open(QIODevice::ReadOnly));
    f.write(good.read(2000)); // header without its pixels
    f.close();
    request.root = broken;
    QVERIFY(!indexGallery(*m_engine, *m_plugin, db, request, nullptr, {}, &report, &error));
    QVERIFY2(error.contains(QStringLiteral("truncated.dcm")), qPrintable(error));
    QVERIFY(db.listGalleries(&error).isEmpty());

    // Broken + good + an ultrasound file: the good ones are indexed, the
    // broken one is listed, the non-CT file is warned about and indexed.
    QVERIFY(QFile::copy(kQuery, broken + QStringLiteral("/a/good.dcm")));
    QVERIFY(QFile::copy(
        QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/ultrasound/us-curvilinear-cine.dcm"),
        broken + QStringLiteral("/a/us.dcm")));
    QVERIFY2(indexGallery(*m_engine, *m_plugin, db, request, nullptr, {}, &report, &error),
             qPrintable(error));
    QCOMPARE(report.sourcesAdded, 2);
    QCOMPARE(report.itemsAdded, 1 + 12); // the cine gives one item per frame
    QCOMPARE(report.failures.size(), 1);
    QVERIFY(report.failures[0].contains(QStringLiteral("truncated.dcm")));
    QCOMPARE(report.warnings.size(), 1);
    QVERIFY2(report.warnings[0].contains(QStringLiteral("not CT")), qPrintable(report.warnings[0]));

    // No such folder.
    request.root = dir.filePath(QStringLiteral("missing"));
    QVERIFY(!indexGallery(*m_engine, *m_plugin, db, request, nullptr, {}, &report, &error));
    QVERIFY(error.contains(QStringLiteral("no such file or folder")));
}

void TestRetrieval::realFilesAndVolumes()
{
    // Third-party files from the test set-up: pydicom's CT slices (one of them
    // JPEG 2000, decoded through ITK's GDCM) and ITK's 3-slice MetaImage.
    REQUIRE_PYDICOM(ctSmall, QStringLiteral("CT_small.dcm"));
    REQUIRE_PYDICOM(j2k, QStringLiteral("693_J2KI.dcm"));
    REQUIRE_ITK_DATA(mha, QStringLiteral("BrainProtonDensity3Slices.mha"));
    REQUIRE_ITK_DATA(raw, QStringLiteral("BrainProtonDensity3Slices.raw"));
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("real"));
    QDir().mkpath(root + QStringLiteral("/ct"));
    QDir().mkpath(root + QStringLiteral("/mr"));
    QVERIFY(QFile::copy(ctSmall, root + QStringLiteral("/ct/CT_small.dcm")));
    QVERIFY(QFile::copy(j2k, root + QStringLiteral("/ct/693_J2KI.dcm")));
    // The header names its data file; both go (galleryCandidates skips the .raw).
    QVERIFY(QFile::copy(mha, root + QStringLiteral("/mr/brain.mha")));
    QVERIFY(QFile::copy(raw, root + QStringLiteral("/mr/BrainProtonDensity3Slices.raw")));
    store::Database db;
    QString error;
    QVERIFY(db.open(dir.filePath(QStringLiteral("g.sqlite")), &error));
    IndexRequest request;
    request.root = root;
    request.galleryName = QStringLiteral("real");
    request.modelSha256 = m_modelSha;
    IndexReport report;
    QVERIFY2(indexGallery(*m_engine, *m_plugin, db, request, nullptr, {}, &report, &error),
             qPrintable(error));
    QVERIFY2(report.failures.isEmpty(), qPrintable(report.failures.join(QLatin1Char('\n'))));
    QCOMPARE(report.sourcesAdded, 3);
    QCOMPARE(report.itemsAdded, 1 + 1 + 3); // the volume gives one item per slice
    auto gallery = loadGallery(db, QStringLiteral("real"), &error);
    QVERIFY(gallery);
    const QList<store::GalleryItem> items = db.galleryItemPage(gallery->info.id, 0, 10, &error);
    QCOMPARE(items.size(), 5);
    // Slice 1 of the volume finds itself first.
    LoadError loadError;
    auto volume = ImageLoader::load(root + QStringLiteral("/mr/brain.mha"), &loadError);
    QVERIFY(volume);
    QCOMPARE(volume->frameCount, 3);
    QueryRequest q;
    q.image = QSharedPointer<const ImageStack>::create(std::move(*volume));
    q.frame = 1;
    q.topK = 5;
    QueryResult r;
    QVERIFY2(queryGallery(*m_engine, *m_plugin, db, *gallery, q, &r, &error), qPrintable(error));
    QCOMPARE(r.hits[0].item.frame, 1);
    QCOMPARE(r.hits[0].item.label, QStringLiteral("mr"));
    QVERIFY(r.hits[0].score > 0.9999f);
    // The JPEG 2000 slice is in HU like the other: its label is "ct".
    bool j2kIndexed = false;
    for (const store::GalleryItem &it : items)
        j2kIndexed =
            j2kIndexed || (it.path.endsWith(QStringLiteral("693_J2KI.dcm")) &&
                           it.label == QStringLiteral("ct") && it.modality == QStringLiteral("CT"));
    QVERIFY(j2kIndexed);
}

void TestRetrieval::batchedIndexingEqualsOneByOne()
{
    // Slices of the same size share a forward call; the embeddings must be
    // those of one slice at a time (up to float rounding in the batch).
    QTemporaryDir dir;
    store::Database db;
    QString error;
    QVERIFY(db.open(dir.filePath(QStringLiteral("g.sqlite")), &error));
    IndexRequest request;
    request.root = kGallery;
    request.modelSha256 = m_modelSha;
    IndexReport report;
    request.galleryName = QStringLiteral("one");
    request.batchSize = 1;
    QVERIFY(indexGallery(*m_engine, *m_plugin, db, request, nullptr, {}, &report, &error));
    request.galleryName = QStringLiteral("eight");
    request.batchSize = 8;
    QVERIFY(indexGallery(*m_engine, *m_plugin, db, request, nullptr, {}, &report, &error));
    QCOMPARE(report.itemsAdded, 32);
    auto one = loadGallery(db, QStringLiteral("one"), &error);
    auto eight = loadGallery(db, QStringLiteral("eight"), &error);
    QVERIFY(one && eight);
    const auto a = db.galleryItemPage(one->info.id, 0, 100, &error);
    const auto b = db.galleryItemPage(eight->info.id, 0, 100, &error);
    QCOMPARE(a.size(), 32);
    QCOMPARE(b.size(), 32);
    for (int i = 0; i < 32; ++i) {
        QCOMPARE(a[i].path, b[i].path);
        QCOMPARE(a[i].label, b[i].label);
        QCOMPARE(a[i].frame, 0);
        QCOMPARE(b[i].frame, 0);
        const float *x = one->index.vector(size_t(i));
        const float *y = eight->index.vector(size_t(i));
        double dot = 0;
        for (int j = 0; j < 64; ++j)
            dot += double(x[j]) * y[j];
        QVERIFY2(dot > 0.99999, qPrintable(QStringLiteral("%1: %2").arg(a[i].path).arg(dot)));
        const double ga = a[i].gates[QStringLiteral("gate")][QStringLiteral("global")].toDouble();
        const double gb = b[i].gates[QStringLiteral("gate")][QStringLiteral("global")].toDouble();
        QVERIFY(std::abs(ga - gb) < 1e-4);
    }
}

// Two tasks of a job array index one gallery together, at the same time:
// every file once, the same items as one unsharded run.
void TestRetrieval::cliIndexInShards()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("shards.sqlite"));
    QList<QProcess *> tasks;
    for (const char *shard : {"1/2", "2/2"}) {
        auto *p = new QProcess(this);
        p->start(QStringLiteral(MOESCOPE_CLI),
                 {QStringLiteral("index"), QStringLiteral("--model"), kModel,
                  QStringLiteral("--input"), kGallery, QStringLiteral("--db"), db,
                  QStringLiteral("--gallery"), QStringLiteral("sharded"), QStringLiteral("--shard"),
                  QString::fromLatin1(shard), QStringLiteral("--json")});
        tasks << p;
    }
    int added = 0;
    for (QProcess *p : tasks) {
        QVERIFY(p->waitForFinished(300000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        const QJsonObject o = QJsonDocument::fromJson(p->readAllStandardOutput()).object();
        QVERIFY(o.value(QStringLiteral("items_added")).toInt() > 0); // both had a share
        added += o.value(QStringLiteral("items_added")).toInt();
        delete p;
    }
    QCOMPARE(added, 32);
    store::Database store;
    QString error;
    QVERIFY2(store.open(db, &error), qPrintable(error));
    const auto info = store.findGallery(QStringLiteral("sharded"), &error);
    QVERIFY2(info, qPrintable(error));
    QCOMPARE(info->itemCount, 32);
    QCOMPARE(info->sourceCount, 32);
    const Result bad =
        cli({QStringLiteral("index"), QStringLiteral("--model"), kModel, QStringLiteral("--input"),
             kGallery, QStringLiteral("--db"), db, QStringLiteral("--gallery"),
             QStringLiteral("sharded"), QStringLiteral("--shard"), QStringLiteral("3/2")});
    QCOMPARE(bad.code, 2);
}

void TestRetrieval::cliIndexRetrieveEndToEnd()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("cli.sqlite"));
    Result r =
        cli({QStringLiteral("index"), QStringLiteral("--model"), QStringLiteral("ct-hmar-tiny"),
             QStringLiteral("--input"), kGallery, QStringLiteral("--db"), db,
             QStringLiteral("--gallery"), QStringLiteral("samples"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("items_added")).toInt(), 32);
    QCOMPARE(o.value(QStringLiteral("gallery_items")).toInt(), 32);
    QVERIFY(o.value(QStringLiteral("images_per_s")).toDouble() > 0);

    r = cli({QStringLiteral("index"), QStringLiteral("--model"), kModel, QStringLiteral("--input"),
             kGallery, QStringLiteral("--db"), db, QStringLiteral("--gallery"),
             QStringLiteral("samples"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json().value(QStringLiteral("sources_skipped")).toInt(), 32);
    QCOMPARE(r.json().value(QStringLiteral("items_added")).toInt(), 0);

    r = cli({QStringLiteral("retrieve"), QStringLiteral("--model"), QStringLiteral("ct-hmar-tiny"),
             QStringLiteral("--input"), kQuery, QStringLiteral("--db"), db,
             QStringLiteral("--gallery"), QStringLiteral("samples"), QStringLiteral("--top"),
             QStringLiteral("5"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    o = r.json();
    const QJsonArray results = o.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 5);
    double previous = 2;
    for (const QJsonValue &v : results) {
        const QJsonObject hit = v.toObject();
        QVERIFY(QFileInfo::exists(hit.value(QStringLiteral("path")).toString()));
        const double score = hit.value(QStringLiteral("score")).toDouble();
        QVERIFY(score <= previous);
        previous = score;
        const QJsonObject gates = hit.value(QStringLiteral("gates")).toObject();
        QVERIFY(gates.value(QStringLiteral("gate")).toObject().contains(QStringLiteral("global")));
        QVERIFY(
            gates.value(QStringLiteral("dual_moe")).toObject().contains(QStringLiteral("local")));
        QVERIFY(hit.contains(QStringLiteral("best_window_pair")));
    }
    // The shipped query is a chest nodule; the gallery's 4 nodules come first.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(results[i].toObject().value(QStringLiteral("label")).toString(),
                 QStringLiteral("chest_nodule"));
    QVERIFY(o.value(QStringLiteral("query")).toObject().value(QStringLiteral("gates")).isObject());
    QVERIFY(o.value(QStringLiteral("run_id")).toInteger() > 0);

    r = cli({QStringLiteral("galleries"), QStringLiteral("--db"), db, QStringLiteral("--rename"),
             QStringLiteral("samples"), QStringLiteral("--to"), QStringLiteral("renamed"),
             QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json()[QStringLiteral("galleries")][0][QStringLiteral("name")].toString(),
             QStringLiteral("renamed"));
    r = cli({QStringLiteral("galleries"), QStringLiteral("--db"), db, QStringLiteral("--delete"),
             QStringLiteral("renamed"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json()[QStringLiteral("galleries")].toArray().size(), 0);
}

void TestRetrieval::cliEvaluateHeldOut()
{
    QVERIFY2(QFileInfo::exists(kHeldOut + QStringLiteral("/chest_nodule/0.dcm")),
             "the make_ct_heldout fixture did not run");
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("eval.sqlite"));
    Result r =
        cli({QStringLiteral("index"), QStringLiteral("--model"), QStringLiteral("ct-hmar-tiny"),
             QStringLiteral("--input"), kHeldOut, QStringLiteral("--db"), db,
             QStringLiteral("--gallery"), QStringLiteral("heldout"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json().value(QStringLiteral("items_added")).toInt(), 200);
    r = cli({QStringLiteral("retrieve"), QStringLiteral("--model"), QStringLiteral("ct-hmar-tiny"),
             QStringLiteral("--db"), db, QStringLiteral("--gallery"), QStringLiteral("heldout"),
             QStringLiteral("--top"), QStringLiteral("10"), QStringLiteral("--evaluate"),
             QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("queries")).toInt(), 200);
    QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("leave-one-out"));
    QCOMPARE(o.value(QStringLiteral("per_label")).toObject().size(), 8);
    const double map = o.value(QStringLiteral("map_at_k")).toDouble();
    qInfo("held-out mAP@10 (200 slices, leave-one-out): %.3f", map);
    // The model card reports 0.917 on 800 slices of another held-out seed; a
    // broken pipeline (windows, HU, resizing) lands far below.
    QVERIFY2(map > 0.85, qPrintable(QString::number(map)));

    // Queries from a folder: the shipped gallery's 32 slices against it.
    r = cli({QStringLiteral("retrieve"), QStringLiteral("--model"), QStringLiteral("ct-hmar-tiny"),
             QStringLiteral("--db"), db, QStringLiteral("--gallery"), QStringLiteral("heldout"),
             QStringLiteral("--input"), kGallery, QStringLiteral("--top"), QStringLiteral("10"),
             QStringLiteral("--evaluate"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json().value(QStringLiteral("queries")).toInt(), 32);
    QVERIFY(r.json().value(QStringLiteral("map_at_k")).toDouble() > 0.8);
}

void TestRetrieval::cliReadOnlyDatabaseIndexesNothing()
{
    // A database that cannot be written (as a full disk or a locked file
    // would): one message naming the file and the cause, exit 1, and the
    // gallery as it was.
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("ro.sqlite"));
    Result r =
        cli({QStringLiteral("index"), QStringLiteral("--model"), QStringLiteral("ct-hmar-tiny"),
             QStringLiteral("--input"), kQuery, QStringLiteral("--db"), db,
             QStringLiteral("--gallery"), QStringLiteral("g"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    r = cli({QStringLiteral("index"), QStringLiteral("--model"), QStringLiteral("ct-hmar-tiny"),
             QStringLiteral("--input"), kGallery, QStringLiteral("--db"), db,
             QStringLiteral("--gallery"), QStringLiteral("g")});
    QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(r.code, 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(db) && err.contains(QStringLiteral("read-only")), r.err.constData());
    QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0);
    r = cli({QStringLiteral("galleries"), QStringLiteral("--db"), db, QStringLiteral("--json")});
    QCOMPARE(r.json()[QStringLiteral("galleries")][0][QStringLiteral("items")].toInt(), 1);
}

void TestRetrieval::cliBadInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString db = QStringLiteral("DB");
    QTest::newRow("no gallery") << QStringList{QStringLiteral("retrieve"),
                                               QStringLiteral("--model"),
                                               QStringLiteral("ct-hmar-tiny"),
                                               QStringLiteral("--input"),
                                               kQuery,
                                               QStringLiteral("--db"),
                                               db,
                                               QStringLiteral("--gallery"),
                                               QStringLiteral("nope")}
                                << 1 << QStringLiteral("there is no gallery \"nope\"");
    QTest::newRow("model without embedding")
        << QStringList{QStringLiteral("index"),
                       QStringLiteral("--model"),
                       kOtherModel,
                       QStringLiteral("--input"),
                       kGallery,
                       QStringLiteral("--db"),
                       db,
                       QStringLiteral("--gallery"),
                       QStringLiteral("g")}
        << 1 << QStringLiteral("no output of kind \"embedding\"");
    QTest::newRow("empty folder") << QStringList{QStringLiteral("index"),
                                                 QStringLiteral("--model"),
                                                 QStringLiteral("ct-hmar-tiny"),
                                                 QStringLiteral("--input"),
                                                 QStringLiteral("EMPTY"),
                                                 QStringLiteral("--db"),
                                                 db,
                                                 QStringLiteral("--gallery"),
                                                 QStringLiteral("g")}
                                  << 1 << QStringLiteral("the folder is empty");
    QTest::newRow("bad top") << QStringList{QStringLiteral("retrieve"),
                                            QStringLiteral("--model"),
                                            QStringLiteral("ct-hmar-tiny"),
                                            QStringLiteral("--input"),
                                            kQuery,
                                            QStringLiteral("--db"),
                                            db,
                                            QStringLiteral("--gallery"),
                                            QStringLiteral("g"),
                                            QStringLiteral("--top"),
                                            QStringLiteral("zero")}
                             << 2 << QStringLiteral("--top takes a number");
    QTest::newRow("missing gallery option")
        << QStringList{QStringLiteral("index"), QStringLiteral("--model"),
                       QStringLiteral("ct-hmar-tiny"), QStringLiteral("--input"), kGallery}
        << 2 << QStringLiteral("--gallery");
}

void TestRetrieval::cliBadInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(QStringLiteral("empty")));
    for (QString &a : args) {
        if (a == QLatin1String("DB"))
            a = dir.filePath(QStringLiteral("bad.sqlite"));
        else if (a == QLatin1String("EMPTY"))
            a = dir.filePath(QStringLiteral("empty"));
    }
    const Result r = cli(args);
    QCOMPARE(r.code, code);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QCOMPARE(QString::fromUtf8(r.err).trimmed().count(QLatin1Char('\n')) <= 1, true);
}

QTEST_MAIN(TestRetrieval)
#include "tst_retrieval.moc"
