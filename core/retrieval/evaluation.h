#pragma once
// Retrieval quality over labelled queries: mAP@k (AP as in flatindex.h),
// precision at 1 and at k, and mAP per label; and the leave-one-out
// evaluation of a labelled index (every labelled item queries the others).
// Standard library only, like the index: the CLI's `retrieve --evaluate`,
// tests and benchmarks share it.

#include "flatindex.h"

#include <map>
#include <string>
#include <vector>

namespace moescope::retrieval {

class Evaluation
{
public:
    explicit Evaluation(int k) : m_k(k) {}

    // One query of `label`: whether each hit (best first) has its label.
    void add(const std::string &label, const std::vector<bool> &relevant);

    int k() const { return m_k; }
    int queries() const { return m_queries; }
    double meanAveragePrecision() const;
    double precisionAt1() const;
    double precisionAtK() const;
    struct PerLabel
    {
        int queries = 0;
        double meanAveragePrecision = 0;
    };
    std::map<std::string, PerLabel> perLabel() const;

private:
    int m_k;
    int m_queries = 0;
    double m_apSum = 0, m_p1Sum = 0, m_pkSum = 0;
    std::map<std::string, std::pair<int, double>> m_labels; // label → (queries, AP sum)
};

// Every item of `index` with a non-empty label (labels[i] for row i) queries
// the others (itself excluded). `searchMs`, when given, receives the time
// spent searching.
Evaluation evaluateLeaveOneOut(const FlatIndex &index, const std::vector<std::string> &labels,
                               int k, double *searchMs = nullptr);

} // namespace moescope::retrieval
