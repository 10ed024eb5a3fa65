#ifndef JIANFAN_FUZZ_DRIVER_H
#define JIANFAN_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's callback type: one input, 0 to continue.
typedef int (*jf_fuzz_callback)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver (command line, corpus, mutations) over `callback`; returns its
/// exit status. Wraps `LLVMFuzzerRunDriver` from the runtime `-sanitize=fuzzer` links in.
int jf_fuzz_run(int argc, char **argv, jf_fuzz_callback callback);

#endif
