#include "signature.h"

#include "comparison.h"

#include <cmath>
#include <numeric>

namespace moescope::routing {

std::string Signature::shapeText(const std::vector<int> &shape)
{
    std::string text;
    for (size_t i = 0; i < shape.size(); ++i)
        text += (i ? "/" : "") + std::to_string(shape[i]);
    return text;
}

std::vector<int> Signature::shape() const
{
    std::vector<int> s;
    for (const std::vector<double> &l : loads)
        s.push_back(int(l.size()));
    return s;
}

std::vector<double> Signature::flat() const
{
    std::vector<double> v;
    for (const std::vector<double> &l : loads)
        v.insert(v.end(), l.begin(), l.end());
    return v;
}

double signatureSimilarity(const Signature &a, const Signature &b)
{
    if (a.shape() != b.shape() || a.loads.empty())
        return -1;
    double js = 0;
    for (size_t l = 0; l < a.loads.size(); ++l)
        js += jsDivergence(a.loads[l], b.loads[l]);
    return 1.0 - js / double(a.loads.size());
}

namespace {

// The leading eigenvector of the symmetric matrix `c` (n × n), by power
// iteration from a fixed start (deterministic).
std::vector<double> leadingEigenvector(const std::vector<double> &c, size_t n)
{
    std::vector<double> v(n), w(n);
    for (size_t i = 0; i < n; ++i)
        v[i] = 1.0 + 0.01 * double(i); // not orthogonal to any likely eigenvector
    for (int iteration = 0; iteration < 500; ++iteration) {
        double norm = 0;
        for (size_t i = 0; i < n; ++i) {
            w[i] = 0;
            for (size_t j = 0; j < n; ++j)
                w[i] += c[i * n + j] * v[j];
            norm += w[i] * w[i];
        }
        norm = std::sqrt(norm);
        if (norm < 1e-15)
            return std::vector<double>(n, 0.0);
        double change = 0;
        for (size_t i = 0; i < n; ++i) {
            change += std::abs(w[i] / norm - v[i]);
            v[i] = w[i] / norm;
        }
        if (change < 1e-12)
            break;
    }
    return v;
}

} // namespace

std::vector<std::pair<double, double>> projectSignatures(const std::vector<Signature> &signatures)
{
    std::vector<std::pair<double, double>> out(signatures.size(), {0.0, 0.0});
    if (signatures.size() < 2)
        return out;
    std::vector<std::vector<double>> x;
    for (const Signature &s : signatures)
        x.push_back(s.flat());
    const size_t n = x.front().size(), m = x.size();
    if (n == 0)
        return out; // no experts to spread them over
    std::vector<double> mean(n, 0.0);
    for (const std::vector<double> &row : x)
        for (size_t i = 0; i < n; ++i)
            mean[i] += row[i] / double(m);
    for (std::vector<double> &row : x)
        for (size_t i = 0; i < n; ++i)
            row[i] -= mean[i];
    std::vector<double> cov(n * n, 0.0);
    for (const std::vector<double> &row : x)
        for (size_t i = 0; i < n; ++i)
            for (size_t j = 0; j < n; ++j)
                cov[i * n + j] += row[i] * row[j] / double(m);
    std::vector<std::vector<double>> components;
    for (int k = 0; k < 2; ++k) {
        std::vector<double> v = leadingEigenvector(cov, n);
        // The sign made unique: the largest entry positive.
        size_t big = 0;
        for (size_t i = 1; i < n; ++i)
            if (std::abs(v[i]) > std::abs(v[big]))
                big = i;
        if (v[big] < 0)
            for (double &e : v)
                e = -e;
        // Deflate: remove this component for the next.
        double lambda = 0;
        for (size_t i = 0; i < n; ++i)
            for (size_t j = 0; j < n; ++j)
                lambda += v[i] * cov[i * n + j] * v[j];
        for (size_t i = 0; i < n; ++i)
            for (size_t j = 0; j < n; ++j)
                cov[i * n + j] -= lambda * v[i] * v[j];
        components.push_back(std::move(v));
    }
    for (size_t r = 0; r < m; ++r) {
        out[r].first = std::inner_product(x[r].begin(), x[r].end(), components[0].begin(), 0.0);
        out[r].second = std::inner_product(x[r].begin(), x[r].end(), components[1].begin(), 0.0);
    }
    return out;
}

} // namespace moescope::routing
