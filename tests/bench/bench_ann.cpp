// Galleries of millions, for docs/performance.md: top-10 over N clustered
// embeddings of the reference CT model's size (64 values), one query at a
// time (what the window and `retrieve` do), side by side in one run:
//  - exact search, MoEScope's FlatIndex (what answers up to 200,000 items);
//  - MoEScope's approximate index, FAISS IVF-PQ re-ranked exactly
//    (retrieval/annindex.h, what answers above): build, tuned nprobe,
//    recall@10 against exact search on fresh queries, memory, file, read back;
//  - with --hnsw, FAISS's HNSW32 (efSearch 64) built by hand, the other index
//    a FAISS user would reach for.
// Usage: bench_ann [--items N] [--dim D] [--queries Q] [--hnsw] [--out FILE.json]
#include "retrieval/annindex.h"
#include "retrieval/flatindex.h"

#include <faiss/IndexHNSW.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <random>
#include <set>
#include <vector>

using namespace moescope;

namespace {

QJsonObject stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    double sum = 0;
    for (double x : v)
        sum += x;
    return {{"median_ms", v[v.size() / 2]},
            {"p95_ms", v[std::min(v.size() - 1, size_t(double(v.size()) * 0.95))]},
            {"mean_ms", sum / double(v.size())}};
}

long peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong() / 1024;
    return -1;
}

double recallAt(const std::vector<std::vector<int64_t>> &got,
                const std::vector<std::vector<int64_t>> &truth)
{
    size_t found = 0, total = 0;
    for (size_t q = 0; q < got.size(); ++q) {
        const std::set<int64_t> t(truth[q].begin(), truth[q].end());
        for (int64_t id : got[q])
            found += t.count(id);
        total += truth[q].size();
    }
    return double(found) / double(total);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption itemsOpt("items", "Gallery size.", "N", "1000000");
    const QCommandLineOption dimOpt("dim", "Embedding size.", "D", "64");
    const QCommandLineOption queriesOpt("queries", "Queries.", "Q", "200");
    const QCommandLineOption hnswOpt("hnsw", "Also FAISS HNSW32 built by hand.");
    const QCommandLineOption outOpt("out", "Write the JSON here too.", "FILE");
    parser.addOptions({itemsOpt, dimOpt, queriesOpt, hnswOpt, outOpt});
    parser.process(app);
    const size_t n = parser.value(itemsOpt).toULongLong();
    const int dim = parser.value(dimOpt).toInt();
    const int queries = parser.value(queriesOpt).toInt();
    constexpr int k = 10;

    // 256 classes of unit vectors; the queries are new members of them.
    std::mt19937 rng(42);
    std::normal_distribution<float> normal;
    std::vector<float> centres(size_t(256) * size_t(dim));
    for (float &c : centres)
        c = normal(rng);
    auto member = [&](float *out, size_t i) {
        const float *c = centres.data() + (i % 256) * size_t(dim);
        for (int j = 0; j < dim; ++j)
            out[j] = c[j] + 0.6f * normal(rng);
        retrieval::normalize(out, size_t(dim));
    };
    std::vector<float> data(n * size_t(dim));
    for (size_t i = 0; i < n; ++i)
        member(data.data() + i * size_t(dim), i);
    std::vector<float> query(size_t(queries) * size_t(dim));
    for (int q = 0; q < queries; ++q)
        member(query.data() + size_t(q) * size_t(dim), size_t(q) * 7919);
    std::vector<int64_t> ids(n);
    for (size_t i = 0; i < n; ++i)
        ids[i] = int64_t(i) + 1;
    QJsonObject out{{"items", qint64(n)}, {"dim", dim}, {"queries", queries}, {"k", k}};
    std::fprintf(stderr, "data ready (%zu x %d)\n", n, dim);

    auto timeQueries = [&](auto &&search, std::vector<std::vector<int64_t>> *hits) {
        std::vector<double> times;
        QElapsedTimer t;
        for (int round = 0; round < 2; ++round) { // the first warms caches
            times.clear();
            hits->assign(size_t(queries), {});
            for (int q = 0; q < queries; ++q) {
                t.start();
                const std::vector<retrieval::Hit> h =
                    search(query.data() + size_t(q) * size_t(dim));
                times.push_back(double(t.nsecsElapsed()) / 1e6);
                for (const retrieval::Hit &x : h)
                    (*hits)[size_t(q)].push_back(x.id);
            }
        }
        return stats(times);
    };

    // Exact search.
    std::vector<std::vector<int64_t>> truth;
    {
        retrieval::FlatIndex flat(dim);
        QElapsedTimer t;
        t.start();
        flat.add(data.data(), n, ids.data());
        const double addMs = double(t.nsecsElapsed()) / 1e6;
        QJsonObject exact = timeQueries([&](const float *q) { return flat.search(q, k); }, &truth);
        exact.insert("build_ms", addMs);
        exact.insert("memory_mb_per_million", double(dim * 4 + 8) * 1e6 / 1048576.0);
        out.insert("exact_flatindex", exact);
    }
    std::fprintf(stderr, "exact done\n");

    // MoEScope's approximate index.
    {
        retrieval::AnnIndex ann;
        std::string error;
        QElapsedTimer t;
        t.start();
        if (!ann.build(data.data(), n, dim, ids.data(), {}, &error)) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 1;
        }
        const double buildS = double(t.nsecsElapsed()) / 1e9;
        std::vector<std::vector<int64_t>> hits;
        QJsonObject a = timeQueries([&](const float *q) { return ann.search(q, k); }, &hits);
        const retrieval::AnnInfo &info = ann.info();
        a.insert("index", QString::fromStdString(info.describe()));
        a.insert("build_s", buildS);
        a.insert("tuned_recall_at_10", info.recallAt10);
        a.insert("recall_at_10", recallAt(hits, truth));
        a.insert("memory_mb_per_million", double(info.memoryBytes) / double(n) * 1e6 / 1048576.0);
        QTemporaryDir tmp;
        const std::string file = tmp.filePath("g.faiss").toStdString();
        t.restart();
        if (!ann.save(file, "bench", &error)) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 1;
        }
        a.insert("save_s", double(t.nsecsElapsed()) / 1e9);
        a.insert("file_mb", double(QFileInfo(QString::fromStdString(file)).size() +
                                   QFileInfo(QString::fromStdString(file + ".ids")).size()) /
                                1048576.0);
        retrieval::AnnIndex again;
        t.restart();
        if (!again.load(file, "bench", &error)) {
            std::fprintf(stderr, "read back: %s\n", error.c_str());
            return 1;
        }
        a.insert("read_back_ms", double(t.nsecsElapsed()) / 1e6);
        out.insert("moescope_ivfpq", a);
    }
    std::fprintf(stderr, "ivfpq done\n");

    if (parser.isSet(hnswOpt)) {
        faiss::IndexHNSWFlat hnsw(dim, 32, faiss::METRIC_INNER_PRODUCT);
        hnsw.hnsw.efConstruction = 40;
        QElapsedTimer t;
        t.start();
        hnsw.add(faiss::Index::idx_t(n), data.data());
        const double buildS = double(t.nsecsElapsed()) / 1e9;
        hnsw.hnsw.efSearch = 64;
        std::vector<std::vector<int64_t>> hits;
        QJsonObject h = timeQueries(
            [&](const float *q) {
                std::vector<float> d(k);
                std::vector<faiss::Index::idx_t> l(k);
                hnsw.search(1, q, k, d.data(), l.data());
                std::vector<retrieval::Hit> r;
                for (int i = 0; i < k; ++i)
                    if (l[size_t(i)] >= 0)
                        r.push_back({ids[size_t(l[size_t(i)])], d[size_t(i)]});
                return r;
            },
            &hits);
        h.insert("build_s", buildS);
        h.insert("recall_at_10", recallAt(hits, truth));
        h.insert("memory_mb_per_million", double(dim * 4 + 32 * 2 * 4 + 8) * 1e6 / 1048576.0);
        out.insert("faiss_hnsw32_ef64", h);
    }
    out.insert("peak_rss_mb", qint64(peakRssMb()));
    const QByteArray json = QJsonDocument(out).toJson();
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    if (parser.isSet(outOpt)) {
        QFile f(parser.value(outOpt));
        if (f.open(QIODevice::WriteOnly))
            f.write(json);
    }
    return 0;
}
