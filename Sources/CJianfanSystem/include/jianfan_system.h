#ifndef JIANFAN_SYSTEM_H
#define JIANFAN_SYSTEM_H
// What the library asks of the system, straight from the C library (see Concurrency.swift).
// Naming: every C function of this package starts with `jianfan_`; these with `jianfan_system_`.

/// The number of processors this process may run on: those in its CPU affinity mask (what
/// `nproc` counts), or else the number online; at least 1.
int jianfan_system_processor_count(void);

/// Fixes glibc's malloc thresholds for a process that allocates and frees buffers of a few
/// hundred KB over and over (documents: a scratch buffer per paragraph): free memory at the top
/// of the heap is returned to the kernel only above `trim_bytes`, and allocations of
/// `mmap_bytes` or more get mappings of their own. Does nothing on other C libraries.
void jianfan_system_fix_heap_thresholds(int trim_bytes, int mmap_bytes);

#endif
