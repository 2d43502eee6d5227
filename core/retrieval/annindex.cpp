#include "annindex.h"

#include <faiss/IndexFlat.h>
#include <faiss/IndexIVFPQ.h>
#include <faiss/index_io.h>
#include <faiss/utils/distances.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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

faiss::IndexIVFPQ *ivfOf(faiss::Index *index)
{
    return dynamic_cast<faiss::IndexIVFPQ *>(index);
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

// The full vectors, row i for FAISS label i: owned after a build, mapped
// read-only from the file after a load.
struct AnnIndex::Vectors
{
    std::vector<float> owned;
    const float *mapped = nullptr;
    size_t bytes = 0;
    ~Vectors()
    {
        if (mapped)
            ::munmap(const_cast<float *>(mapped), bytes);
    }
    const float *data() const { return mapped ? mapped : owned.data(); }
};

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
        std::unique_ptr<faiss::Index> index(ivf);
        // Train on an evenly spread sample: 64 points a list are plenty, and
        // all of a 10M gallery would take minutes for nothing.
        const size_t trainN = std::min(n, std::max(kMinimum, size_t(lists) * 64));
        std::vector<float> sample(trainN * size_t(dim));
        for (size_t i = 0; i < trainN; ++i)
            std::memcpy(sample.data() + i * size_t(dim), vectors + (i * n / trainN) * size_t(dim),
                        sizeof(float) * size_t(dim));
        index->train(faiss::Index::idx_t(trainN), sample.data());
        sample = {};
        index->add(faiss::Index::idx_t(n), vectors);
        m_index = std::move(index);
    } catch (const std::exception &e) {
        *error = std::string("FAISS: ") + e.what();
        m_index.reset();
        return false;
    }
    m_vectors = std::make_unique<Vectors>();
    m_vectors->owned.assign(vectors, vectors + n * size_t(dim));
    m_info.dim = dim;
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
    auto others = [&](const std::vector<int64_t> &row, size_t i) {
        std::vector<int64_t> kept;
        for (int64_t label : row)
            if (label != self[i] && label >= 0 && int(kept.size()) < k)
                kept.push_back(label);
        return kept;
    };
    // Cost grows with the lists probed (codes scanned); re-ranking more
    // candidates is cheap (one exact dot product each). So for each nprobe,
    // cheapest first, try more candidates until recall stops improving.
    double recall = 0;
    int factor = std::max(1, p.refineFactor);
    for (int nprobe = 1;; nprobe *= 2) {
        ivf->nprobe = size_t(std::min(nprobe, lists));
        double previous = -1;
        for (factor = std::max(1, p.refineFactor); factor <= 512; factor *= 2) {
            m_info.refineFactor = factor;
            size_t found = 0, total = 0;
            for (size_t i = 0; i < q; ++i) {
                std::vector<int64_t> got;
                for (const Hit &h : searchLabels(queries.data() + i * size_t(dim), k1))
                    got.push_back(h.id);
                const std::vector<int64_t> truth(exactI.begin() + long(i * k1),
                                                 exactI.begin() + long((i + 1) * k1));
                const auto t = others(truth, i);
                total += t.size();
                for (int64_t id : others(got, i))
                    found += size_t(std::count(t.begin(), t.end(), id));
            }
            recall = total ? double(found) / double(total) : 1.0;
            if (recall >= p.targetRecall || recall <= previous + 0.002)
                break;
            previous = recall;
        }
        if (recall >= p.targetRecall || nprobe >= lists)
            break;
    }
    factor = std::min(factor, 512);
    m_info.items = n;
    m_info.dim = dim;
    m_info.lists = lists;
    m_info.codeBytes = m;
    m_info.nprobe = int(ivf->nprobe);
    m_info.refineFactor = factor;
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
    {
        std::ofstream vectors(path + ".vectors.part", std::ios::binary | std::ios::trunc);
        vectors.write(reinterpret_cast<const char *>(m_vectors->data()),
                      std::streamsize(m_ids.size() * size_t(m_info.dim) * sizeof(float)));
        if (!vectors ||
            std::rename((path + ".vectors.part").c_str(), (path + ".vectors").c_str()) != 0) {
            *error = path + ".vectors: cannot write: " + std::strerror(errno);
            std::remove(tmp.c_str());
            std::remove((path + ".vectors.part").c_str());
            return false;
        }
    }
    // The .ids file goes last: it is what load() looks for first.
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
    // The vectors: mapped, not read; the page cache brings in what queries touch.
    auto vectors = std::make_unique<Vectors>();
    vectors->bytes = size_t(count) * size_t(info.dim) * sizeof(float);
    const std::string vectorsPath = path + ".vectors";
    const int fd = ::open(vectorsPath.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st
    {
    };
    if (fd < 0 || ::fstat(fd, &st) != 0 || size_t(st.st_size) != vectors->bytes) {
        *error = vectorsPath + ": missing or not the size its index needs";
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    void *mapped = ::mmap(nullptr, vectors->bytes, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED) {
        *error = vectorsPath + ": cannot map: " + std::strerror(errno);
        return false;
    }
    vectors->mapped = static_cast<const float *>(mapped);
    ivf->nprobe = size_t(std::max(1, info.nprobe));
    m_vectors = std::move(vectors);
    m_index = std::move(index);
    m_ids = std::move(ids);
    m_info = info;
    return true;
}

std::vector<Hit> AnnIndex::searchLabels(const float *unitQuery, int k) const
{
    const int dim = m_info.dim;
    const auto total = faiss::Index::idx_t(m_ids.size());
    const auto candidates =
        std::min<faiss::Index::idx_t>(faiss::Index::idx_t(k) * m_info.refineFactor, total);
    std::vector<float> d(static_cast<size_t>(candidates));
    std::vector<faiss::Index::idx_t> labels(static_cast<size_t>(candidates));
    m_index->search(1, unitQuery, candidates, d.data(), labels.data());
    std::vector<Hit> hits;
    hits.reserve(labels.size());
    const float *base = m_vectors->data();
    for (faiss::Index::idx_t label : labels) {
        if (label < 0)
            continue;
        const float *v = base + size_t(label) * size_t(dim);
        float score = 0;
        for (int j = 0; j < dim; ++j)
            score += unitQuery[j] * v[j];
        hits.push_back({label, score});
    }
    const auto better = [](const Hit &a, const Hit &b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    };
    const size_t keep = std::min(hits.size(), size_t(std::max(0, k)));
    std::partial_sort(hits.begin(), hits.begin() + long(keep), hits.end(), better);
    hits.resize(keep);
    return hits;
}

std::vector<Hit> AnnIndex::search(const float *query, int k, int64_t excludeId) const
{
    std::vector<Hit> hits;
    if (!m_index || k <= 0)
        return hits;
    std::vector<float> q(query, query + m_info.dim);
    normalize(q.data(), q.size());
    for (const Hit &h : searchLabels(q.data(), k + (excludeId >= 0 ? 1 : 0))) {
        const int64_t id = m_ids[size_t(h.id)];
        if (id != excludeId && int(hits.size()) < k)
            hits.push_back({id, h.score});
    }
    return hits;
}

} // namespace moescope::retrieval
