#pragma once
// Approximate top-k for galleries too large for exact search: FAISS's IVF-PQ
// (an inverted file of 8-bit product-quantised codes) picks candidates, and
// they are re-ranked by their exact cosine against the full vectors. The
// vectors are a file of their own, memory-mapped when read back, so a
// gallery of millions opens without reading them (the page cache serves the
// few each query touches); FAISS's IndexRefineFlat would read them all. Built from a gallery's
// normalised embeddings, tuned at build time (nprobe) until recall@10
// against exact search reaches the target, with a sample of the gallery's
// own vectors as queries (each leaving itself out), saved to a file and read
// back while the gallery is unchanged.
// Standard library and FAISS only, like FlatIndex.

#include "flatindex.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace faiss {
struct Index;
}

namespace moescope::retrieval {

struct AnnParameters
{
    int lists = 0;              // IVF lists; 0: about 4·√n, at least 39 points each
    int codeBytes = 0;          // PQ bytes per vector; 0: dim / 4
    int refineFactor = 8;       // candidates re-ranked exactly: refineFactor × k
    double targetRecall = 0.97; // recall@10 the tuning stops at (a margin over 0.95)
    int tuningQueries = 200;
    int threads = 0; // OpenMP threads while building; 0: all
};

// What the index is and how well it answers, for the user and the file.
struct AnnInfo
{
    size_t items = 0;
    int dim = 0;
    int lists = 0;
    int codeBytes = 0;
    int nprobe = 0;
    int refineFactor = 0;
    double recallAt10 = 0; // measured at build time
    double buildSeconds = 0;
    size_t memoryBytes = 0;       // codes, lists, ids and the re-ranking vectors
    std::string describe() const; // "IVF4096,PQ16 re-ranked ×8, nprobe 32"
};

class AnnIndex
{
public:
    AnnIndex();
    ~AnnIndex();
    AnnIndex(AnnIndex &&) noexcept;
    AnnIndex &operator=(AnnIndex &&) noexcept;

    // Builds from n normalised vectors (n × dim) and their ids. False with
    // *error when FAISS refuses (too few vectors to train: n < 10,000).
    bool build(const float *vectors, size_t n, int dim, const int64_t *ids,
               const AnnParameters &parameters, std::string *error);
    // The IVF-PQ file, its ids (path + ".ids") and the full vectors (path +
    // ".vectors") beside it; `key` (the gallery's state) is stored with them
    // and checked by load().
    bool save(const std::string &path, const std::string &key, std::string *error) const;
    // False when there is no file, it was built for another key (the
    // gallery changed), or it cannot be read (*error says which).
    bool load(const std::string &path, const std::string &key, std::string *error);

    bool empty() const { return !m_index; }
    const AnnInfo &info() const { return m_info; }
    // As FlatIndex::search; `query` need not be normalised.
    std::vector<Hit> search(const float *query, int k, int64_t excludeId = -1) const;

private:
    // Top-k FAISS labels (not ids) for a unit query: refineFactor × k
    // candidates from the IVF-PQ, re-ranked by their exact inner product.
    std::vector<Hit> searchLabels(const float *unitQuery, int k) const;

    struct Vectors;                        // the full vectors: built in memory, or a mapped file
    std::unique_ptr<faiss::Index> m_index; // the IVF-PQ
    std::unique_ptr<Vectors> m_vectors;
    std::vector<int64_t> m_ids; // FAISS label i → item id
    AnnInfo m_info;
};

} // namespace moescope::retrieval
