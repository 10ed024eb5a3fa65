#define _GNU_SOURCE
#include "jianfan_system.h"

#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sched.h>
#endif

int jianfan_system_processor_count(void) {
#if defined(__linux__)
    // Fails (EINVAL) on machines with more CPUs than a cpu_set_t holds; sysconf answers then.
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int count = CPU_COUNT(&set);
        if (count > 0) return count;
    }
#endif
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? (int)online : 1;
}

void jianfan_system_fix_heap_thresholds(int trim_bytes, int mmap_bytes) {
#if defined(__GLIBC__)
    mallopt(M_TRIM_THRESHOLD, trim_bytes);
    mallopt(M_MMAP_THRESHOLD, mmap_bytes);
#else
    (void)trim_bytes;
    (void)mmap_bytes;
#endif
}
