#ifndef JIANFAN_SYSTEM_H
#define JIANFAN_SYSTEM_H
// What the library asks of the system, straight from the C library (see Concurrency.swift).
// Naming: `jf_system_foo`.

/// The number of processors this process may run on: those in its CPU affinity mask (what
/// `nproc` counts), or else the number online; at least 1.
int jf_system_processor_count(void);

#endif
