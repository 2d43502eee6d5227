#include "hugepages.h"

#include <c10/core/Allocator.h>
#include <c10/util/Exception.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <string>
#include <sys/mman.h>

namespace moescope::model {

namespace {

constexpr size_t kHugePage = size_t(2) << 20;

bool kernelOffersHugePages()
{
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string line;
    std::getline(f, line);
    // "always [madvise] never": anything but "[never]" selected.
    return !line.empty() && line.find("[never]") == std::string::npos;
}

constexpr size_t kAlignment = 64; // LibTorch's own CPU alignment (c10::gAlignment)

void freeBlock(void *p)
{
    std::free(p);
}

class HugePageCpuAllocator final : public c10::Allocator
{
public:
    c10::DataPtr allocate(size_t bytes) const override
    {
        const bool huge = bytes >= kHugePage;
        const size_t alignment = huge ? kHugePage : kAlignment;
        const size_t rounded = (std::max<size_t>(bytes, 1) + alignment - 1) / alignment * alignment;
        void *p = std::aligned_alloc(alignment, rounded);
        TORCH_CHECK(p, "out of memory: could not allocate ", bytes, " bytes on the CPU");
        if (huge)
            madvise(p, rounded, MADV_HUGEPAGE); // advice only: a refusal changes nothing
        return {p, p, &freeBlock, c10::Device(c10::DeviceType::CPU)};
    }

    c10::DeleterFnPtr raw_deleter() const override { return &freeBlock; }
};

bool installed = false;

} // namespace

bool installHugePageAllocator()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const char *env = std::getenv("MOESCOPE_HUGEPAGES");
        if ((env && std::strcmp(env, "0") == 0) || !kernelOffersHugePages())
            return;
        static HugePageCpuAllocator allocator;
        // Priority 1 beats LibTorch's own registration (priority 0) whatever the order.
        c10::SetAllocator(c10::DeviceType::CPU, &allocator, 1);
        installed = true;
    });
    return installed;
}

bool hugePageAllocatorInstalled()
{
    return installed;
}

} // namespace moescope::model
