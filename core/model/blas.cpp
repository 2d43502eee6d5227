#include "blas.h"

#include <cstdlib>
#include <dlfcn.h>

namespace moescope::model {

namespace {

template <typename F> F symbol(const char *name)
{
    return reinterpret_cast<F>(dlsym(RTLD_DEFAULT, name));
}

} // namespace

BlasInfo blasInUse()
{
    BlasInfo info;
    Dl_info where{};
    if (void *sgemm = dlsym(RTLD_DEFAULT, "sgemm_");
        sgemm && dladdr(sgemm, &where) && where.dli_fname)
        info.library = where.dli_fname;
    if (auto config = symbol<char *(*)()>("openblas_get_config")) {
        // "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64"
        const std::string text = config();
        const size_t end = text.find(' ', text.find(' ') + 1);
        info.name = text.substr(0, end);
        auto parallel = symbol<int (*)()>("openblas_get_parallel");
        const int mode = parallel ? parallel() : 0; // 0 sequential, 1 pthreads, 2 OpenMP
        info.name += mode == 2 ? " (OpenMP)" : mode == 1 ? " (pthreads)" : " (sequential)";
        if (auto threads = symbol<int (*)()>("openblas_get_num_threads"))
            info.threads = threads();
    } else if (auto threads = symbol<long (*)()>("bli_thread_get_num_threads")) {
        info.name = "BLIS";
        info.threads = int(threads());
    } else {
        info.name = info.library.empty() ? "none found" : "reference BLAS";
    }
    return info;
}

bool setBlasThreadCount(int threads)
{
    if (threads < 1)
        return false;
    if (auto set = symbol<void (*)(int)>("openblas_set_num_threads")) {
        set(threads);
        return true;
    }
    if (auto set = symbol<void (*)(long)>("bli_thread_set_num_threads")) {
        set(threads);
        return true;
    }
    return false;
}

int coordinateBlasThreads()
{
    if (const char *env = std::getenv("MOESCOPE_BLAS_THREADS"); env && std::atoi(env) > 0) {
        setBlasThreadCount(std::atoi(env));
        return blasInUse().threads;
    }
    auto parallel = symbol<int (*)()>("openblas_get_parallel");
    const bool ownThreads = parallel ? parallel() == 1 // OpenBLAS with pthreads
                                     : symbol<long (*)()>("bli_thread_get_num_threads") != nullptr;
    if (ownThreads)
        setBlasThreadCount(1);
    return blasInUse().threads;
}

} // namespace moescope::model
