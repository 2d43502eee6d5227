// Galleries past exact search's size: FAISS's IVF-PQ with exact re-ranking
// (retrieval/annindex.h) through loadGallery: chosen by size, its recall
// measured and kept, saved beside the store, read back while the gallery is
// unchanged, rebuilt when it changes or its file is damaged. The gallery is
// 20,000 clustered 64-value embeddings (the reference CT model's size) with
// the exact-search threshold lowered to 10,000.
#include "jobs/retrieval.h"
#include "retrieval/annindex.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace moescope;

namespace {

constexpr int kDim = 64;
constexpr int kItems = 20000;
constexpr int kPerSource = 1000;

QString sha(const QByteArray &seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex());
}

// Clustered unit vectors, like embeddings of a few dozen classes.
std::vector<float> clustered(int n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    std::vector<float> centres(size_t(32) * kDim);
    for (float &c : centres)
        c = normal(rng);
    std::vector<float> v(size_t(n) * kDim);
    for (int i = 0; i < n; ++i) {
        const float *c = centres.data() + size_t(i % 32) * kDim;
        for (int j = 0; j < kDim; ++j)
            v[size_t(i) * kDim + size_t(j)] = c[j] + 0.6f * normal(rng);
        retrieval::normalize(v.data() + size_t(i) * kDim, kDim);
    }
    return v;
}

bool addSources(store::Database &db, qint64 gallery, int from, int count, QString *error)
{
    const std::vector<float> v = clustered(count, unsigned(from + 1));
    for (int s = 0; s < count / kPerSource; ++s) {
        const QString source = sha(QByteArray::number(from + s * kPerSource));
        std::vector<store::GalleryItem> items;
        for (int i = 0; i < kPerSource; ++i) {
            store::GalleryItem it;
            it.sourceSha256 = source;
            it.frame = i;
            const float *e = v.data() + size_t(s * kPerSource + i) * kDim;
            it.embedding.assign(e, e + kDim);
            items.push_back(std::move(it));
        }
        if (!db.addGallerySource(gallery, source, QStringLiteral("/synthetic/%1").arg(from + s),
                                 items, error))
            return false;
    }
    return true;
}

} // namespace

class TestGalleryIndex : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_db;
    GalleryIndexPolicy m_policy;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QStandardPaths::setTestModeEnabled(true);
        m_db = m_tmp.filePath(QStringLiteral("g.sqlite"));
        store::Database db;
        QString error;
        QVERIFY2(db.open(m_db, &error), qPrintable(error));
        store::ModelRef model;
        model.sha256 = sha("model");
        model.name = QStringLiteral("synthetic");
        const auto g = db.createGallery(QStringLiteral("big"), model, QStringLiteral("embedding"),
                                        kDim, &error);
        QVERIFY2(g, qPrintable(error));
        QVERIFY2(addSources(db, *g, 0, kItems, &error), qPrintable(error));
        m_policy.approximateAbove = 10000;
    }

    // Built on first load: IVF-PQ, its recall measured, saved beside the store.
    void buildsAndSaves()
    {
        store::Database db;
        QString error;
        QVERIFY2(db.open(m_db, &error), qPrintable(error));
        const QString folder = galleryIndexFolder(db);
        QCOMPARE(folder, m_db + QStringLiteral("-indexes"));
        QDir(folder).removeRecursively();
        const auto g = loadGallery(db, QStringLiteral("big"), &error, m_policy);
        QVERIFY2(g, qPrintable(error));
        QVERIFY2(g->indexWarning.isEmpty(), qPrintable(g->indexWarning));
        QVERIFY(g->isApproximate());
        QVERIFY(!g->approximateFromFile);
        QCOMPARE(g->size(), size_t(kItems));
        const retrieval::AnnInfo &info = g->approximate.info();
        QVERIFY2(info.recallAt10 >= 0.95, qPrintable(QString::number(info.recallAt10)));
        QVERIFY(info.lists >= 16 && info.lists <= kItems / 39);
        QCOMPARE(info.codeBytes, kDim / 4);
        QVERIFY(g->indexDescription().contains(QLatin1String("recall@10")));
        QVERIFY(g->index.empty()); // no exact copy kept beside it
        QVERIFY(QFile::exists(folder + QStringLiteral("/gallery-1.faiss")));
        QVERIFY(QFile::exists(folder + QStringLiteral("/gallery-1.faiss.ids")));
    }

    // Its answers against exact search's, query by query.
    void agreesWithExactSearch()
    {
        store::Database db;
        QString error;
        QVERIFY2(db.open(m_db, &error), qPrintable(error));
        const auto approx = loadGallery(db, QStringLiteral("big"), &error, m_policy);
        GalleryIndexPolicy exactPolicy = m_policy;
        exactPolicy.mode = GalleryIndexPolicy::Mode::Exact;
        const auto exact = loadGallery(db, QStringLiteral("big"), &error, exactPolicy);
        QVERIFY2(approx && exact, qPrintable(error));
        QVERIFY(!exact->isApproximate());
        QCOMPARE(exact->indexDescription(), QStringLiteral("exact search"));
        // New vectors of the gallery's own classes (the same generator, run
        // past the gallery's items): queries, not gallery items.
        const std::vector<float> queries = clustered(kItems + 100, 1);
        double overlap = 0;
        for (int q = 0; q < 100; ++q) {
            const float *v = queries.data() + size_t(kItems + q) * kDim;
            const auto a = approx->search(v, 10, -1);
            const auto e = exact->search(v, 10, -1);
            QCOMPARE(a.size(), size_t(10));
            for (const auto &hit : a)
                for (const auto &ref : e)
                    if (hit.id == ref.id) {
                        overlap += 1;
                        QVERIFY(std::abs(hit.score - ref.score) < 1e-4f); // re-ranked exactly
                        break;
                    }
            // Best first, and the excluded item is left out.
            for (size_t i = 1; i < a.size(); ++i)
                QVERIFY(a[i - 1].score >= a[i].score);
            const auto without = approx->search(v, 10, a.front().id);
            QVERIFY(std::none_of(without.begin(), without.end(),
                                 [&](const retrieval::Hit &h) { return h.id == a.front().id; }));
        }
        QVERIFY2(overlap / 1000.0 >= 0.95, qPrintable(QString::number(overlap / 1000.0)));
    }

    // Read back, not built, while the gallery is as it was; rebuilt when it
    // grows or the file is damaged.
    void readBackAndRebuilt()
    {
        store::Database db;
        QString error;
        QVERIFY2(db.open(m_db, &error), qPrintable(error));
        auto g = loadGallery(db, QStringLiteral("big"), &error, m_policy);
        QVERIFY2(g, qPrintable(error));
        QVERIFY(g->approximateFromFile);
        const int nprobe = g->approximate.info().nprobe;

        const auto info = db.findGallery(QStringLiteral("big"), &error);
        QVERIFY(addSources(db, info->id, kItems, kPerSource, &error));
        g = loadGallery(db, QStringLiteral("big"), &error, m_policy);
        QVERIFY2(g, qPrintable(error));
        QVERIFY(!g->approximateFromFile); // the gallery changed
        QCOMPARE(g->size(), size_t(kItems + kPerSource));
        g = loadGallery(db, QStringLiteral("big"), &error, m_policy);
        QVERIFY(g->approximateFromFile);
        QVERIFY(g->approximate.info().nprobe >= 1 && nprobe >= 1);

        const QString ids = galleryIndexFolder(db) + QStringLiteral("/gallery-1.faiss.ids");
        QFile f(ids);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("garbage, not an index");
        f.close();
        g = loadGallery(db, QStringLiteral("big"), &error, m_policy);
        QVERIFY2(g, qPrintable(error));
        QVERIFY(g->isApproximate());
        QVERIFY(!g->approximateFromFile);
        QVERIFY2(g->indexWarning.contains(QLatin1String("not an index MoEScope wrote")),
                 qPrintable(g->indexWarning));
        QVERIFY(loadGallery(db, QStringLiteral("big"), &error, m_policy)->approximateFromFile);
    }

    // Too small for FAISS to train: exact search answers, and says why.
    void smallGalleryStaysExact()
    {
        store::Database db;
        QString error;
        QVERIFY2(db.open(m_db, &error), qPrintable(error));
        store::ModelRef model;
        model.sha256 = sha("model");
        const auto g = db.createGallery(QStringLiteral("small"), model, QStringLiteral("embedding"),
                                        kDim, &error);
        QVERIFY2(g && addSources(db, *g, 50000, 2000, &error), qPrintable(error));
        GalleryIndexPolicy policy;
        policy.mode = GalleryIndexPolicy::Mode::Approximate;
        const auto loaded = loadGallery(db, QStringLiteral("small"), &error, policy);
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY(!loaded->isApproximate());
        QCOMPARE(loaded->size(), size_t(2000));
        QVERIFY2(loaded->indexWarning.contains(QLatin1String("needs at least")),
                 qPrintable(loaded->indexWarning));
        // And by default a gallery this size is exact without a word.
        const auto byDefault = loadGallery(db, QStringLiteral("small"), &error);
        QVERIFY(!byDefault->isApproximate());
        QVERIFY(byDefault->indexWarning.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGalleryIndex)
#include "tst_galleryindex.moc"
