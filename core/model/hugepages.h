#pragma once
// LibTorch's CPU allocator, with large tensors on transparent huge pages.
// Standard library and LibTorch only.

namespace moescope::model {

// Installs, once per process, a CPU allocator that backs every allocation of
// 2 MiB or more with 2 MiB-aligned memory advised MADV_HUGEPAGE, and leaves
// smaller ones to LibTorch's default allocator. Why: with the kernel's THP
// policy at "madvise" (Debian's default) glibc's malloc never asks for huge
// pages, and on the machines we measured (docs/performance.md, "Huge pages")
// the activations of a convolutional model at batch 8 then ran 3-4x slower
// than with them, in LibTorch and in Python PyTorch alike. Returns whether the
// allocator is in place (false where the kernel has no THP; nothing changes).
// MOESCOPE_HUGEPAGES=0 leaves LibTorch's allocator alone (for comparisons).
bool installHugePageAllocator();

// Whether installHugePageAllocator() put the allocator in place.
bool hugePageAllocatorInstalled();

} // namespace moescope::model
