#ifndef JIANFAN_UTF8_H
#define JIANFAN_UTF8_H

#include <stddef.h>
#include <stdint.h>

/// The length of a prefix of `bytes` that is valid, complete UTF-8 and ends where a scalar
/// starts, found 16 bytes at a time with SIMD table lookups (x86-64 with SSSE3; elsewhere 0).
/// The rest, from that offset, still needs a scalar-by-scalar check: it holds the first error,
/// an incomplete last scalar, or only the last few bytes that fill no whole block.
size_t jianfan_utf8_valid_prefix(const uint8_t *bytes, size_t count);

/// The offset of the first byte pair in `bytes` that starts a CJK compatibility ideograph
/// (EF A4–AB: U+F900–U+FAFF; F0 AF: U+2F800–U+2FFFF, a superset of U+2F800–U+2FA1F), or
/// `count` when there is none. Vectorized on x86-64 (SSE2).
size_t jianfan_find_compatibility(const uint8_t *bytes, size_t count);

#endif
