#ifndef JIANFAN_UTF8_H
#define JIANFAN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Naming: every C function of this package starts with `jianfan_`.

/// The length of a prefix of `bytes` that is valid, complete UTF-8 and ends where a scalar
/// starts, found with SIMD table lookups: 64 bytes at a time with AVX2, else 16 at a time with
/// SSSE3 (x86-64; elsewhere 0).
/// The rest, from that offset, still needs a scalar-by-scalar check: it holds the first error,
/// an incomplete last scalar, or only the last few bytes that fill no whole block.
size_t jianfan_utf8_valid_prefix(const uint8_t *bytes, size_t count);

/// The offset of the first byte pair in `bytes` that starts a CJK compatibility ideograph
/// (EF A4–AB: U+F900–U+FAFF; F0 AF: U+2F800–U+2FFFF, a superset of U+2F800–U+2FA1F), or
/// `count` when there is none. Vectorized on x86-64 (SSE2).
size_t jianfan_find_compatibility(const uint8_t *bytes, size_t count);

/// The offset of the first byte of `bytes` that equals one of `values` (eight of them: repeat
/// one to look for fewer), or `count` when there is none. Vectorized on x86-64 (AVX2, SSE2).
size_t jianfan_find_any(const uint8_t *bytes, size_t count, const uint8_t values[8]);

/// The offset just after the last byte of `bytes` that equals one of `values`, or 0 when there
/// is none: jianfan_find_any backwards (SSE2 on x86-64).
size_t jianfan_find_last_any(const uint8_t *bytes, size_t count, const uint8_t values[8]);

/// Makes the four functions above take their portable path (the one every non-x86-64 machine
/// runs) while `forced` is true, process-wide. For tests: they compare both paths on this
/// machine, so the portable code that ARM machines run is tested code. Results never change.
void jianfan_utf8_force_portable(bool forced);

/// Whether jianfan_utf8_force_portable(true) is in effect.
bool jianfan_utf8_portable_forced(void);

/// Makes jianfan_utf8_valid_prefix use SSSE3, and jianfan_find_any SSE2, where they would use
/// AVX2 while `disabled` is true, process-wide. For tests, which run the three paths (AVX2,
/// SSSE3 or SSE2, portable) on this machine.
void jianfan_utf8_disable_avx2(bool disabled);

/// Whether jianfan_utf8_disable_avx2(true) is in effect.
bool jianfan_utf8_avx2_disabled(void);

/// Asks for the cache line at `address` ahead of a write to it (the table compiler's slots: a
/// hint, no effect on any result).
static inline void jianfan_prefetch_for_write(const void *address) { __builtin_prefetch(address, 1, 3); }

#endif
