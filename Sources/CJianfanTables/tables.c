// The compiled tables live in tables.bin, written by `swift run jianfan-tables` from Data/.
// C23 #embed puts them into the binary, so a copied `jianfan` needs no resource bundle.
#include "jianfan_tables.h"

// Clang accepts #embed in every C mode but, before C23, warns that it is a C23 extension, and
// would do so in every build of every package that depends on this one. The warning is silenced
// here, for this one directive, rather than the target compiled as C23: a language-standard
// setting in Package.swift would change every C target, and unsafeFlags would make the package
// unusable as a dependency. Any clang with #embed (LLVM 19 and later, Apple's included) knows
// the warning group; __has_warning keeps an unknown-group warning away from other compilers.
#pragma clang diagnostic push
#if defined(__has_warning)
#if __has_warning("-Wc23-extensions")
#pragma clang diagnostic ignored "-Wc23-extensions"
#endif
#endif
static const uint8_t blob[] __attribute__((aligned(16))) = {
#embed "tables.bin"
};
#pragma clang diagnostic pop

const uint8_t *jianfan_tables_data(void) { return blob; }
size_t jianfan_tables_size(void) { return sizeof blob; }
