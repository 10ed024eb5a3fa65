#ifndef JIANFAN_SYSTEM_H
#define JIANFAN_SYSTEM_H
// What the library asks of the system, straight from the C library (see Concurrency.swift).
// Naming: every C function of this package starts with `jianfan_`; these with `jianfan_system_`.

/// The number of processors this process may run on: those in its CPU affinity mask (what
/// `nproc` counts), or else the number online; at least 1.
int jianfan_system_processor_count(void);

#endif
