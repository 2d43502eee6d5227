#include "evaluation.h"

#include <algorithm>
#include <chrono>
#include <unordered_map>

namespace moescope::retrieval {

void Evaluation::add(const std::string &label, const std::vector<bool> &relevant)
{
    const double ap = averagePrecisionAtK(relevant, m_k);
    int hits = 0;
    for (size_t i = 0; i < relevant.size() && int(i) < m_k; ++i)
        hits += relevant[i] ? 1 : 0;
    ++m_queries;
    m_apSum += ap;
    m_p1Sum += (!relevant.empty() && relevant[0]) ? 1 : 0;
    m_pkSum += double(hits) / m_k;
    auto &l = m_labels[label];
    l.first += 1;
    l.second += ap;
}

double Evaluation::meanAveragePrecision() const
{
    return m_apSum / std::max(1, m_queries);
}

double Evaluation::precisionAt1() const
{
    return m_p1Sum / std::max(1, m_queries);
}

double Evaluation::precisionAtK() const
{
    return m_pkSum / std::max(1, m_queries);
}

std::map<std::string, Evaluation::PerLabel> Evaluation::perLabel() const
{
    std::map<std::string, PerLabel> out;
    for (const auto &[label, v] : m_labels)
        out[label] = PerLabel{v.first, v.second / std::max(1, v.first)};
    return out;
}

Evaluation evaluateLeaveOneOut(const FlatIndex &index, const std::vector<std::string> &labels,
                               int k, double *searchMs)
{
    Evaluation eval(k);
    double ms = 0;
    std::unordered_map<int64_t, size_t> rowOf;
    for (size_t i = 0; i < index.size(); ++i)
        rowOf.emplace(index.id(i), i);
    for (size_t i = 0; i < index.size() && i < labels.size(); ++i) {
        if (labels[i].empty())
            continue;
        const auto start = std::chrono::steady_clock::now();
        const std::vector<Hit> hits = index.search(index.vector(i), k, index.id(i));
        ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count();
        std::vector<bool> relevant;
        relevant.reserve(hits.size());
        for (const Hit &h : hits) {
            const auto row = rowOf.find(h.id);
            relevant.push_back(row != rowOf.end() && row->second < labels.size() &&
                               labels[row->second] == labels[i]);
        }
        eval.add(labels[i], relevant);
    }
    if (searchMs)
        *searchMs = ms;
    return eval;
}

} // namespace moescope::retrieval
