// Gallery search and opening, measured for docs/performance.md:
//  1. top-k over N stored embeddings: MoEScope's FlatIndex beside FAISS's
//     IndexFlatIP (Debian's libfaiss) in the same run, same vectors, same
//     queries, one query at a time (what the window and `retrieve` do), on
//     1 and 2 threads; the two must return the same ids;
//  2. opening an N-item gallery the way the window does: list the galleries
//     (with counts), read every embedding into the index, read the first page
//     of items for the list view.
// Usage: bench_retrieval [--items N] [--dim D] [--queries Q] [--k K] [--db FILE]
#include "retrieval/flatindex.h"
#include "store/database.h"

#ifdef MOESCOPE_HAVE_FAISS
#include <faiss/IndexFlat.h>
#include <omp.h>
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace moescope;

namespace {

struct Stats
{
    double median = 0, p95 = 0, mean = 0;
};

Stats stats(std::vector<double> v)
{
    Stats s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    s.median = v[v.size() / 2];
    s.p95 = v[std::min(v.size() - 1, size_t(double(v.size()) * 0.95))];
    double sum = 0;
    for (double x : v)
        sum += x;
    s.mean = sum / double(v.size());
    return s;
}

QJsonObject json(const Stats &s)
{
    return {{"median_ms", s.median}, {"p95_ms", s.p95}, {"mean_ms", s.mean}};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption itemsOpt(QStringLiteral("items"), QStringLiteral("Gallery size."),
                                      QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption dimOpt(QStringLiteral("dim"), QStringLiteral("Embedding size."),
                                    QStringLiteral("D"), QStringLiteral("64"));
    const QCommandLineOption queriesOpt(QStringLiteral("queries"), QStringLiteral("Queries."),
                                        QStringLiteral("Q"), QStringLiteral("200"));
    const QCommandLineOption kOpt(QStringLiteral("k"), QStringLiteral("Top k."),
                                  QStringLiteral("K"), QStringLiteral("10"));
    const QCommandLineOption dbOpt(QStringLiteral("db"),
                                   QStringLiteral("Reuse or create this gallery database."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption modelOpt(
        QStringLiteral("model"),
        QStringLiteral("Record this .pt as the gallery's model (so the window can query it)."),
        QStringLiteral("FILE"));
    parser.addOptions({itemsOpt, dimOpt, queriesOpt, kOpt, dbOpt, modelOpt});
    parser.process(app);
    const int n = parser.value(itemsOpt).toInt();
    const int dim = parser.value(dimOpt).toInt();
    const int queries = parser.value(queriesOpt).toInt();
    const int k = parser.value(kOpt).toInt();

    // Clustered vectors (like embeddings of a few classes), fixed seed.
    std::mt19937 rng(42);
    std::normal_distribution<float> normal;
    std::vector<float> centres(size_t(16) * size_t(dim));
    for (float &x : centres)
        x = normal(rng);
    std::vector<float> data(size_t(n) * size_t(dim));
    for (int i = 0; i < n; ++i) {
        const float *c = centres.data() + size_t(i % 16) * size_t(dim);
        for (int j = 0; j < dim; ++j)
            data[size_t(i) * size_t(dim) + size_t(j)] = c[j] + 0.5f * normal(rng);
        retrieval::normalize(data.data() + size_t(i) * size_t(dim), size_t(dim));
    }
    std::vector<float> query(size_t(queries) * size_t(dim));
    for (int i = 0; i < queries; ++i) {
        const float *c = centres.data() + size_t(i % 16) * size_t(dim);
        for (int j = 0; j < dim; ++j)
            query[size_t(i) * size_t(dim) + size_t(j)] = c[j] + 0.5f * normal(rng);
        retrieval::normalize(query.data() + size_t(i) * size_t(dim), size_t(dim));
    }
    std::vector<int64_t> ids(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        ids[size_t(i)] = i;

    QJsonObject out{{"items", n}, {"dim", dim}, {"queries", queries}, {"k", k}};
    retrieval::FlatIndex index(dim);
    QElapsedTimer t;
    t.start();
    index.add(data.data(), size_t(n), ids.data());
    out.insert(QStringLiteral("moescope_build_ms"), t.nsecsElapsed() / 1e6);

    std::vector<std::vector<int64_t>> ours(static_cast<size_t>(queries));
    std::vector<double> times;
    for (int round = 0; round < 2; ++round) { // the first round warms caches
        times.clear();
        for (int q = 0; q < queries; ++q) {
            t.restart();
            const auto hits = index.search(query.data() + size_t(q) * size_t(dim), k);
            times.push_back(t.nsecsElapsed() / 1e6);
            ours[size_t(q)].clear();
            for (const auto &h : hits)
                ours[size_t(q)].push_back(h.id);
        }
    }
    out.insert(QStringLiteral("moescope_flat"), json(stats(times)));

#ifdef MOESCOPE_HAVE_FAISS
    faiss::IndexFlatIP flat(dim);
    t.restart();
    flat.add(n, data.data());
    out.insert(QStringLiteral("faiss_build_ms"), t.nsecsElapsed() / 1e6);
    QJsonObject faissRuns;
    int disagreements = 0;
    for (int threads : {1, 2}) {
        omp_set_num_threads(threads);
        std::vector<float> distances(static_cast<size_t>(k));
        std::vector<faiss::Index::idx_t> labels(static_cast<size_t>(k));
        for (int round = 0; round < 2; ++round) {
            times.clear();
            for (int q = 0; q < queries; ++q) {
                t.restart();
                flat.search(1, query.data() + size_t(q) * size_t(dim), k, distances.data(),
                            labels.data());
                times.push_back(t.nsecsElapsed() / 1e6);
                if (round == 1 && threads == 1) {
                    for (int r = 0; r < k; ++r)
                        if (labels[size_t(r)] != ours[size_t(q)][size_t(r)])
                            ++disagreements; // ties may order differently; counted, not hidden
                }
            }
        }
        faissRuns.insert(QStringLiteral("threads_%1").arg(threads), json(stats(times)));
    }
    // All queries in one call: FAISS's strength (BLAS), not what a query does.
    omp_set_num_threads(2);
    std::vector<float> distances(size_t(queries) * size_t(k));
    std::vector<faiss::Index::idx_t> labels(size_t(queries) * size_t(k));
    t.restart();
    flat.search(queries, query.data(), k, distances.data(), labels.data());
    faissRuns.insert(QStringLiteral("batch_all_queries_ms_per_query"),
                     t.nsecsElapsed() / 1e6 / queries);
    out.insert(QStringLiteral("faiss_flat_ip"), faissRuns);
    out.insert(QStringLiteral("id_disagreements"), disagreements);
#else
    out.insert(QStringLiteral("faiss_flat_ip"), QStringLiteral("not built (libfaiss-dev missing)"));
#endif

    // 2. Opening a gallery of n items.
    QTemporaryDir tmp;
    const QString dbPath =
        parser.isSet(dbOpt) ? parser.value(dbOpt) : tmp.filePath(QStringLiteral("bench.sqlite"));
    QString error;
    {
        store::Database db;
        if (!db.open(dbPath, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        auto existing = db.findGallery(QStringLiteral("bench"), &error);
        if (!existing || existing->itemCount != n) {
            if (existing)
                db.deleteGallery(existing->id, &error);
            store::ModelRef model{QString(64, QLatin1Char('b')),
                                  QStringLiteral("bench"),
                                  QStringLiteral("ct-retrieval"),
                                  {},
                                  {}};
            if (parser.isSet(modelOpt)) {
                const auto sha = store::Database::sha256OfFile(parser.value(modelOpt), &error);
                if (!sha) {
                    std::fprintf(stderr, "%s\n", qPrintable(error));
                    return 1;
                }
                model.sha256 = *sha;
                model.name = QFileInfo(parser.value(modelOpt)).baseName();
                model.path = parser.value(modelOpt);
            }
            const auto g = db.createGallery(QStringLiteral("bench"), model,
                                            QStringLiteral("embedding"), dim, &error);
            if (!g) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
            t.restart();
            // 1000 sources of n/1000 frames: a volume each, like indexed series.
            const int per = std::max(1, n / 1000);
            for (int s = 0; s * per < n; ++s) {
                const QString sha = QStringLiteral("%1").arg(s, 64, 16, QLatin1Char('0'));
                std::vector<store::GalleryItem> items;
                for (int f = 0; f < per && s * per + f < n; ++f) {
                    store::GalleryItem it;
                    it.sourceSha256 = sha;
                    it.frame = f;
                    it.label = QStringLiteral("class%1").arg((s * per + f) % 16);
                    const float *v = data.data() + size_t(s * per + f) * size_t(dim);
                    it.embedding.assign(v, v + dim);
                    it.gates = QJsonObject{{"gate", QJsonObject{{"global", 0.5}, {"local", 0.5}}}};
                    items.push_back(std::move(it));
                }
                if (!db.addGallerySource(*g, sha, QStringLiteral("/bench/%1.nii.gz").arg(s), items,
                                         &error)) {
                    std::fprintf(stderr, "%s\n", qPrintable(error));
                    return 1;
                }
            }
            out.insert(QStringLiteral("gallery_write_s"), t.nsecsElapsed() / 1e9);
        }
    }
    std::vector<double> open, list, load, page;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer total;
        total.start();
        store::Database db; // a fresh connection, as the window opens one
        t.restart();
        if (!db.open(dbPath, &error))
            return 1;
        open.push_back(t.nsecsElapsed() / 1e6);
        t.restart();
        const auto galleries = db.listGalleries(&error);
        list.push_back(t.nsecsElapsed() / 1e6);
        t.restart();
        const auto matrix = db.loadGalleryEmbeddings(galleries.front().id, &error);
        retrieval::FlatIndex loaded(matrix->dim);
        std::vector<int64_t> loadedIds(matrix->ids.begin(), matrix->ids.end());
        loaded.add(matrix->vectors.data(), loadedIds.size(), loadedIds.data());
        load.push_back(t.nsecsElapsed() / 1e6);
        t.restart();
        const auto first = db.galleryItemPage(galleries.front().id, 0, 200, &error);
        page.push_back(t.nsecsElapsed() / 1e6);
        if (int(loaded.size()) != n || first.size() != std::min(200, n)) {
            std::fprintf(stderr, "gallery read back wrong: %zu items\n", loaded.size());
            return 1;
        }
    }
    out.insert(QStringLiteral("open_gallery"),
               QJsonObject{{"open_db_ms", stats(open).median},
                           {"list_galleries_ms", stats(list).median},
                           {"load_embeddings_into_index_ms", stats(load).median},
                           {"first_page_200_items_ms", stats(page).median},
                           {"total_ms", stats(open).median + stats(list).median +
                                            stats(load).median + stats(page).median},
                           {"db_bytes", QFile(dbPath).size()}});
    std::printf("%s", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
