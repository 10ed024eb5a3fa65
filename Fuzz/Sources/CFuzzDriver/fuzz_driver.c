// SwiftPM links an executable's entry point as `main` itself (it renames the module's main to
// `<Module>_main`, then aliases it), so libFuzzer's own `main` cannot be used: each target has
// a Swift `@main` that calls libFuzzer's driver through this function.
#include "fuzz_driver.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int jf_fuzz_run(int argc, char **argv, jf_fuzz_callback callback) {
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
