#include "annindex.h"

#include <faiss/IndexFlat.h>
#include <faiss/IndexIVFPQ.h>
#include <faiss/IndexRefine.h>
#include <faiss/index_io.h>
#include <faiss/utils/distances.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace moescope::retrieval {

namespace {

constexpr char kMagic[8] = {'M', 'o', 'E', 'A', 'N', 'N', '0', '1'};

faiss::IndexRefine *refineOf(faiss::Index *index)
{
    return dynamic_cast<faiss::IndexRefine *>(index);
}

faiss::IndexIVFPQ *ivfOf(faiss::Index *index)
{
    faiss::IndexRefine *refine = refineOf(index);
    return refine ? dynamic_cast<faiss::IndexIVFPQ *>(refine->base_index) : nullptr;
}

// The largest divisor of dim not above dim / 4: PQ splits a vector evenly.
int codeBytesFor(int dim, int wanted)
{
    int m = std::max(1, wanted > 0 ? wanted : dim / 4);
    while (m > 1 && dim % m != 0)
        --m;
    return m;
}

template <typename T> void put(std::ostream &out, const T &value)
{
    out.write(reinterpret_cast<const char *>(&value), sizeof value);
}

template <typename T> bool get(std::istream &in, T *value)
{
    return bool(in.read(reinterpret_cast<char *>(value), sizeof *value));
}

} // namespace

std::string AnnInfo::describe() const
{
    std::ostringstream s;
    s << "IVF" << lists << ",PQ" << codeBytes << " re-ranked x" << refineFactor << ", nprobe "
      << nprobe;
    return s.str();
}

AnnIndex::AnnIndex() = default;
AnnIndex::~AnnIndex() = default;
AnnIndex::AnnIndex(AnnIndex &&) noexcept = default;
AnnIndex &AnnIndex::operator=(AnnIndex &&) noexcept = default;

bool AnnIndex::build(const float *vectors, size_t n, int dim, const int64_t *ids,
                     const AnnParameters &p, std::string *error)
{
    const auto start = std::chrono::steady_clock::now();
    // FAISS warns on stderr when it trains 256 PQ centroids (or the IVF's)
    // on fewer than 39 points each; such a gallery is for exact search.
    constexpr size_t kMinimum = 256 * 39;
    if (n < kMinimum || dim <= 0) {
        *error = "an approximate index needs at least " + std::to_string(kMinimum) +
                 " items; this gallery has " + std::to_string(n);
        return false;
    }
    // About 4·√n lists, at most 8192: more would make training (k-means on
    // 64 points a list) take minutes on a workstation for little speed.
    int lists = p.lists > 0 ? p.lists : std::min(8192, int(4.0 * std::sqrt(double(n))));
    lists = std::clamp(lists, 16, int(std::min<size_t>(65536, n / 39)));
    const int m = codeBytesFor(dim, p.codeBytes);
    try {
        auto *quantizer = new faiss::IndexFlatIP(dim);
        auto *ivf = new faiss::IndexIVFPQ(quantizer, dim, size_t(lists), size_t(m), 8,
                                          faiss::METRIC_INNER_PRODUCT);
        ivf->own_fields = true;
        ivf->cp.verbose = false;
        ivf->cp.niter = 10; // the lists need not be optimal, only even
        ivf->pq.cp.verbose = false;
        auto refine = std::make_unique<faiss::IndexRefineFlat>(ivf);
        refine->own_fields = true;
        refine->k_factor = float(std::max(1, p.refineFactor));
        // Train on an evenly spread sample: 64 points a list are plenty, and
        // all of a 10M gallery would take minutes for nothing.
        const size_t trainN = std::min(n, std::max(kMinimum, size_t(lists) * 64));
        std::vector<float> sample(trainN * size_t(dim));
        for (size_t i = 0; i < trainN; ++i)
            std::memcpy(sample.data() + i * size_t(dim), vectors + (i * n / trainN) * size_t(dim),
                        sizeof(float) * size_t(dim));
        refine->train(faiss::Index::idx_t(trainN), sample.data());
        sample = {};
        refine->add(faiss::Index::idx_t(n), vectors);
        m_index = std::move(refine);
    } catch (const std::exception &e) {
        *error = std::string("FAISS: ") + e.what();
        m_index.reset();
        return false;
    }
    m_ids.assign(ids, ids + n);

    // Tune nprobe: a sample of the gallery's own vectors query the rest
    // (each leaves itself out), the way a new image of the same kind would;
    // exact top-10 by brute force, and the fewest lists probed that reach
    // the target recall.
    const size_t q = std::min<size_t>(size_t(std::max(1, p.tuningQueries)), n);
    std::vector<faiss::Index::idx_t> self(q);
    std::vector<float> queries(q * size_t(dim));
    for (size_t i = 0; i < q; ++i) {
        self[i] = faiss::Index::idx_t((i * n) / q + n / (2 * q)) % faiss::Index::idx_t(n);
        std::memcpy(queries.data() + i * size_t(dim), vectors + size_t(self[i]) * size_t(dim),
                    sizeof(float) * size_t(dim));
    }
    constexpr int k = 10, k1 = k + 1; // one more: the query itself comes back too
    std::vector<float> exactD(q * k1);
    std::vector<faiss::Index::idx_t> exactI(q * k1);
    faiss::knn_inner_product(queries.data(), vectors, size_t(dim), q, n, k1, exactD.data(),
                             exactI.data());
    faiss::IndexIVFPQ *ivf = ivfOf(m_index.get());
    std::vector<float> d(q * k1);
    std::vector<faiss::Index::idx_t> labels(q * k1);
    auto others = [&](const faiss::Index::idx_t *row, size_t i) {
        std::vector<faiss::Index::idx_t> kept;
        for (int j = 0; j < k1 && int(kept.size()) < k; ++j)
            if (row[j] != self[i] && row[j] >= 0)
                kept.push_back(row[j]);
        return kept;
    };
    // Probing more lists helps until the PQ codes' ranking is the limit;
    // then more candidates re-ranked exactly do. Cheapest pair first.
    faiss::IndexRefine *refine = refineOf(m_index.get());
    double recall = 0;
    for (int factor = std::max(1, p.refineFactor);; factor *= 2) {
        refine->k_factor = float(factor);
        const bool last = factor >= 64;
        for (int nprobe = 1;; nprobe *= 2) {
            ivf->nprobe = size_t(std::min(nprobe, lists));
            m_index->search(faiss::Index::idx_t(q), queries.data(), k1, d.data(), labels.data());
            size_t found = 0, total = 0;
            for (size_t i = 0; i < q; ++i) {
                const auto truth = others(exactI.data() + i * k1, i);
                const auto got = others(labels.data() + i * k1, i);
                total += truth.size();
                for (faiss::Index::idx_t id : got)
                    found += size_t(std::count(truth.begin(), truth.end(), id));
            }
            recall = total ? double(found) / double(total) : 1.0;
            if (recall >= p.targetRecall || nprobe >= (last ? lists : lists / 4))
                break;
        }
        if (recall >= p.targetRecall || last)
            break;
    }
    m_info.items = n;
    m_info.dim = dim;
    m_info.lists = lists;
    m_info.codeBytes = m;
    m_info.nprobe = int(ivf->nprobe);
    m_info.refineFactor = int(refine->k_factor);
    m_info.recallAt10 = recall;
    m_info.memoryBytes =
        n * (size_t(m) + 8 + size_t(dim) * 4 + 8) + size_t(lists) * size_t(dim) * 4;
    m_info.buildSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return true;
}

bool AnnIndex::save(const std::string &path, const std::string &key, std::string *error) const
{
    if (!m_index) {
        *error = "no index to save";
        return false;
    }
    // Written beside, then renamed: a reader never sees half a file.
    const std::string tmp = path + ".part";
    try {
        faiss::write_index(m_index.get(), tmp.c_str());
    } catch (const std::exception &e) {
        *error = path + ": cannot write the index: " + e.what();
        return false;
    }
    std::ofstream out(path + ".ids.part", std::ios::binary | std::ios::trunc);
    out.write(kMagic, sizeof kMagic);
    put(out, uint32_t(key.size()));
    out.write(key.data(), std::streamsize(key.size()));
    put(out, m_info);
    put(out, uint64_t(m_ids.size()));
    out.write(reinterpret_cast<const char *>(m_ids.data()),
              std::streamsize(m_ids.size() * sizeof(int64_t)));
    out.close();
    if (!out || std::rename(tmp.c_str(), path.c_str()) != 0 ||
        std::rename((path + ".ids.part").c_str(), (path + ".ids").c_str()) != 0) {
        *error = path + ": cannot write the index: " + std::strerror(errno);
        std::remove(tmp.c_str());
        std::remove((path + ".ids.part").c_str());
        return false;
    }
    return true;
}

bool AnnIndex::load(const std::string &path, const std::string &key, std::string *error)
{
    error->clear();
    std::ifstream in(path + ".ids", std::ios::binary);
    if (!in)
        return false; // never built here: not an error
    char magic[sizeof kMagic];
    uint32_t keySize = 0;
    AnnInfo info;
    uint64_t count = 0;
    if (!in.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0 ||
        !get(in, &keySize) || keySize > 4096) {
        *error = path + ".ids: not an index MoEScope wrote";
        return false;
    }
    std::string stored(keySize, '\0');
    if (!in.read(stored.data(), keySize) || !get(in, &info) || !get(in, &count)) {
        *error = path + ".ids: cut short";
        return false;
    }
    if (stored != key)
        return false; // the gallery changed since: rebuild
    std::vector<int64_t> ids(count);
    if (!in.read(reinterpret_cast<char *>(ids.data()), std::streamsize(count * sizeof(int64_t)))) {
        *error = path + ".ids: cut short";
        return false;
    }
    std::unique_ptr<faiss::Index> index;
    try {
        index.reset(faiss::read_index(path.c_str()));
    } catch (const std::exception &e) {
        *error = path + ": cannot read the index: " + e.what();
        return false;
    }
    faiss::IndexIVFPQ *ivf = ivfOf(index.get());
    if (!ivf || size_t(index->ntotal) != count) {
        *error = path + ": not the index its .ids file describes";
        return false;
    }
    ivf->nprobe = size_t(std::max(1, info.nprobe));
    refineOf(index.get())->k_factor = float(std::max(1, info.refineFactor));
    m_index = std::move(index);
    m_ids = std::move(ids);
    m_info = info;
    return true;
}

std::vector<Hit> AnnIndex::search(const float *query, int k, int64_t excludeId) const
{
    std::vector<Hit> hits;
    if (!m_index || k <= 0)
        return hits;
    std::vector<float> q(query, query + m_info.dim);
    normalize(q.data(), q.size());
    const int want = std::min<int>(k + (excludeId >= 0 ? 1 : 0), int(m_ids.size()));
    std::vector<float> d(static_cast<size_t>(want));
    std::vector<faiss::Index::idx_t> labels(static_cast<size_t>(want));
    m_index->search(1, q.data(), want, d.data(), labels.data());
    for (int i = 0; i < want && int(hits.size()) < k; ++i) {
        if (labels[size_t(i)] < 0)
            continue;
        const int64_t id = m_ids[size_t(labels[size_t(i)])];
        if (id == excludeId)
            continue;
        hits.push_back({id, d[size_t(i)]});
    }
    return hits;
}

} // namespace moescope::retrieval
