#pragma once
// Exact top-k search by cosine similarity over a gallery's embeddings: the
// vectors are L2-normalised once when added, so a query costs one inner
// product per item and a partial sort. Exact search is what a gallery of
// up to a few hundred thousand items needs (docs/performance.md measures it
// beside FAISS's IndexFlatIP); it keeps results reproducible item for item.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace moescope::retrieval {

struct Hit
{
    int64_t id = 0;
    float score = 0; // cosine similarity, -1..1
};

// Normalises `v` (n floats) to unit length in place; a zero vector stays zero.
void normalize(float *v, size_t n);

class FlatIndex
{
public:
    explicit FlatIndex(int dim = 0);

    int dim() const { return m_dim; }
    size_t size() const { return m_ids.size(); }
    bool empty() const { return m_ids.empty(); }
    void reserve(size_t n);
    void clear();

    // Adds n vectors (row-major, n × dim), normalised copies, with their ids.
    void add(const float *vectors, size_t n, const int64_t *ids);

    // The k best items for `query` (dim floats, need not be normalised), best
    // first; ties go to the item added first. `excludeId` is left out (a
    // gallery item querying the others); pass -1 to keep every item.
    std::vector<Hit> search(const float *query, int k, int64_t excludeId = -1) const;

    // Row `i` (normalised) and its id, for callers that iterate the index.
    const float *vector(size_t i) const { return m_vectors.data() + i * size_t(m_dim); }
    int64_t id(size_t i) const { return m_ids[i]; }

private:
    int m_dim = 0;
    std::vector<float> m_vectors;
    std::vector<int64_t> m_ids;
};

// AP@k as in the hashing-retrieval literature (and the reference model's
// recipe): (1 / R_k) Σ_{i ≤ k} P(i) rel(i), R_k the relevant items among the
// top k, 0 when there are none. `relevant[i]` says whether the i-th hit
// (best first) is relevant; entries beyond k are ignored.
double averagePrecisionAtK(const std::vector<bool> &relevant, int k);

} // namespace moescope::retrieval
