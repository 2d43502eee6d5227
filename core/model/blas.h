#pragma once
// Which BLAS LibTorch calls, and its thread count. Standard library only.
//
// Debian's LibTorch calls the BLAS through libblas.so.3, which the alternatives
// system points at the reference netlib BLAS, OpenBLAS (OpenMP or pthreads
// build) or BLIS. Their threads and LibTorch's OpenMP pool must not fight for
// the cores; see docs/performance.md ("The BLAS").

#include <string>

namespace moescope::model {

struct BlasInfo
{
    std::string name;    // "OpenBLAS 0.3.21 (pthreads)", "BLIS", "reference BLAS"
    std::string library; // the file sgemm_ comes from
    int threads = 1;     // the BLAS's own thread count (1 for one that has none)
};

BlasInfo blasInUse();

// Sets the BLAS's own thread count where it has one (OpenBLAS, BLIS); false
// for a BLAS without threads.
bool setBlasThreadCount(int threads);

} // namespace moescope::model
