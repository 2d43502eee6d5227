#include "flatindex.h"

#include <algorithm>
#include <cmath>

namespace moescope::retrieval {

void normalize(float *v, size_t n)
{
    double sum = 0;
    for (size_t i = 0; i < n; ++i)
        sum += double(v[i]) * double(v[i]);
    if (sum <= 0)
        return;
    const float scale = float(1.0 / std::sqrt(sum));
    for (size_t i = 0; i < n; ++i)
        v[i] *= scale;
}

FlatIndex::FlatIndex(int dim) : m_dim(dim > 0 ? dim : 0) {}

void FlatIndex::reserve(size_t n)
{
    m_vectors.reserve(n * size_t(m_dim));
    m_ids.reserve(n);
}

void FlatIndex::clear()
{
    m_vectors.clear();
    m_ids.clear();
}

void FlatIndex::add(const float *vectors, size_t n, const int64_t *ids)
{
    const size_t d = size_t(m_dim);
    const size_t at = m_vectors.size();
    m_vectors.insert(m_vectors.end(), vectors, vectors + n * d);
    for (size_t i = 0; i < n; ++i)
        normalize(m_vectors.data() + at + i * d, d);
    m_ids.insert(m_ids.end(), ids, ids + n);
}

namespace {

// Better: higher score, or the same score and added earlier.
struct Candidate
{
    float score;
    size_t row;
};
// Eight independent partial sums: without -ffast-math the compiler may not
// reorder a float sum, so a single accumulator runs one multiply-add at a
// time; eight let it use whole SIMD registers (SSE2 at -O2), about 2× faster.
inline float dot(const float *a, const float *b, size_t n)
{
    float s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    size_t j = 0;
    for (; j + 8 <= n; j += 8)
        for (int l = 0; l < 8; ++l)
            s[l] += a[j + size_t(l)] * b[j + size_t(l)];
    float tail = 0;
    for (; j < n; ++j)
        tail += a[j] * b[j];
    return ((s[0] + s[4]) + (s[1] + s[5])) + ((s[2] + s[6]) + (s[3] + s[7])) + tail;
}

inline bool better(const Candidate &a, const Candidate &b)
{
    return a.score > b.score || (a.score == b.score && a.row < b.row);
}

} // namespace

std::vector<Hit> FlatIndex::search(const float *query, int k, int64_t excludeId) const
{
    std::vector<Hit> hits;
    const size_t n = m_ids.size();
    const size_t d = size_t(m_dim);
    if (k <= 0 || n == 0 || d == 0)
        return hits;
    std::vector<float> q(query, query + d);
    normalize(q.data(), d);

    // Scores in blocks, so the inner loop is a plain dot product the compiler
    // vectorises, then a bounded heap of the k best (the worst on top).
    const size_t want = std::min(size_t(k) + (excludeId >= 0 ? 1 : 0), n);
    std::vector<Candidate> heap;
    heap.reserve(want + 1);
    auto worse = [](const Candidate &a, const Candidate &b) { return better(a, b); };
    constexpr size_t kBlock = 256;
    float scores[kBlock];
    for (size_t start = 0; start < n; start += kBlock) {
        const size_t end = std::min(n, start + kBlock);
        for (size_t r = start; r < end; ++r)
            scores[r - start] = dot(m_vectors.data() + r * d, q.data(), d);
        for (size_t r = start; r < end; ++r) {
            const Candidate c{scores[r - start], r};
            if (heap.size() < want) {
                heap.push_back(c);
                std::push_heap(heap.begin(), heap.end(), worse);
            } else if (better(c, heap.front())) {
                std::pop_heap(heap.begin(), heap.end(), worse);
                heap.back() = c;
                std::push_heap(heap.begin(), heap.end(), worse);
            }
        }
    }
    std::sort(heap.begin(), heap.end(), better);
    for (const Candidate &c : heap) {
        if (m_ids[c.row] == excludeId)
            continue;
        if (int(hits.size()) == k)
            break;
        hits.push_back({m_ids[c.row], c.score});
    }
    return hits;
}

double averagePrecisionAtK(const std::vector<bool> &relevant, int k)
{
    double hits = 0, sum = 0;
    const size_t n = std::min(relevant.size(), size_t(std::max(k, 0)));
    for (size_t i = 0; i < n; ++i) {
        if (!relevant[i])
            continue;
        hits += 1;
        sum += hits / double(i + 1);
    }
    return hits > 0 ? sum / hits : 0.0;
}

} // namespace moescope::retrieval
