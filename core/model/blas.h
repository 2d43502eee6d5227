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

// Makes the BLAS and LibTorch's OpenMP pool share the cores (called once per
// process by Engine::configureRuntime). OpenBLAS's OpenMP build (the one
// cmake/setup-debian.sh installs) needs nothing: it runs in LibTorch's own
// OpenMP pool, follows its thread count and runs serially inside LibTorch's
// parallel loops. A BLAS with threads of its own (OpenBLAS's pthreads build,
// BLIS) gets one thread: called from LibTorch's parallel loops it would start
// threads on cores that are busy already, and measured that way it was
// slower in most cells (docs/performance.md, "The BLAS"). MOESCOPE_BLAS_THREADS
// overrides. Returns the BLAS's thread count afterwards.
int coordinateBlasThreads();

} // namespace moescope::model
