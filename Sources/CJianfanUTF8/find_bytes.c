// Finding the first of a few byte values, 32 bytes at a time on x86-64 (AVX2, else two blocks
// of 16 with SSE2, which every x86-64 processor has): each block is compared with each value,
// the matches or-ed into one mask. The normalization steps scan every byte of their input for the few they act on (`(`,
// `,`, 0xEF, `<`, `&`, a line break); eight bytes at a time in Swift, the scans were about a
// third of `normalize`'s time. Elsewhere, or when tests force it, byte by byte.
#include "jianfan_utf8.h"
#include "paths.h"

// The portable path, from `i` on.
static size_t find_portable(const uint8_t *bytes, size_t i, size_t count, const uint8_t values[8]) {
    for (; i < count; i++) {
        uint8_t b = bytes[i];
        if (b == values[0] || b == values[1] || b == values[2] || b == values[3] || b == values[4] || b == values[5]
            || b == values[6] || b == values[7]) return i;
    }
    return count;
}

// The portable path backwards: the offset after the last match in `bytes[0..<count]`, 0 if none.
static size_t find_last_portable(const uint8_t *bytes, size_t count, const uint8_t values[8]) {
    for (; count > 0; count--) {
        uint8_t b = bytes[count - 1];
        if (b == values[0] || b == values[1] || b == values[2] || b == values[3] || b == values[4] || b == values[5]
            || b == values[6] || b == values[7]) return count;
    }
    return 0;
}

#if defined(__x86_64__)
#include <immintrin.h>

static inline __m128i matches(__m128i block, const __m128i v[8]) {
    __m128i m = _mm_or_si128(_mm_cmpeq_epi8(block, v[0]), _mm_cmpeq_epi8(block, v[1]));
    m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(block, v[2]), _mm_cmpeq_epi8(block, v[3])));
    m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(block, v[4]), _mm_cmpeq_epi8(block, v[5])));
    return _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(block, v[6]), _mm_cmpeq_epi8(block, v[7])));
}

static size_t find_sse2(const uint8_t *bytes, size_t count, const uint8_t values[8]) {
    __m128i v[8];
    for (int k = 0; k < 8; k++) v[k] = _mm_set1_epi8((char)values[k]);
    size_t i = 0;
    for (; i + 32 <= count; i += 32) {
        __m128i a = matches(_mm_loadu_si128((const __m128i *)(bytes + i)), v);
        __m128i b = matches(_mm_loadu_si128((const __m128i *)(bytes + i + 16)), v);
        unsigned mask = (unsigned)_mm_movemask_epi8(a) | (unsigned)_mm_movemask_epi8(b) << 16;
        if (mask) return i + (size_t)__builtin_ctz(mask);
    }
    for (; i + 16 <= count; i += 16) {
        int mask = _mm_movemask_epi8(matches(_mm_loadu_si128((const __m128i *)(bytes + i)), v));
        if (mask) return i + (size_t)__builtin_ctz((unsigned)mask);
    }
    return find_portable(bytes, i, count, values);
}

static size_t find_last_sse2(const uint8_t *bytes, size_t count, const uint8_t values[8]) {
    __m128i v[8];
    for (int k = 0; k < 8; k++) v[k] = _mm_set1_epi8((char)values[k]);
    for (; count >= 16; count -= 16) {
        int mask = _mm_movemask_epi8(matches(_mm_loadu_si128((const __m128i *)(bytes + count - 16)), v));
        if (mask) return count - 16 + 32 - (size_t)__builtin_clz((unsigned)mask);
    }
    return find_last_portable(bytes, count, values);
}

__attribute__((target("avx2")))
static size_t find_avx2(const uint8_t *bytes, size_t count, const uint8_t values[8]) {
    __m256i v[8];
    for (int k = 0; k < 8; k++) v[k] = _mm256_set1_epi8((char)values[k]);
    size_t i = 0;
    for (; i + 32 <= count; i += 32) {
        __m256i block = _mm256_loadu_si256((const __m256i *)(bytes + i));
        __m256i m = _mm256_or_si256(_mm256_cmpeq_epi8(block, v[0]), _mm256_cmpeq_epi8(block, v[1]));
        m = _mm256_or_si256(m, _mm256_or_si256(_mm256_cmpeq_epi8(block, v[2]), _mm256_cmpeq_epi8(block, v[3])));
        m = _mm256_or_si256(m, _mm256_or_si256(_mm256_cmpeq_epi8(block, v[4]), _mm256_cmpeq_epi8(block, v[5])));
        m = _mm256_or_si256(m, _mm256_or_si256(_mm256_cmpeq_epi8(block, v[6]), _mm256_cmpeq_epi8(block, v[7])));
        unsigned mask = (unsigned)_mm256_movemask_epi8(m);
        if (mask) return i + (size_t)__builtin_ctz(mask);
    }
    return i + find_sse2(bytes + i, count - i, values);
}

#endif

size_t jianfan_find_any(const uint8_t *bytes, size_t count, const uint8_t values[8]) {
#if defined(__x86_64__)
    if (!atomic_load_explicit(&jianfan_utf8_portable_flag, memory_order_relaxed)) {
        // A short scan (most are: the next trigger is often a few dozen bytes on) takes SSE2.
        if (count >= 64 && !atomic_load_explicit(&jianfan_utf8_avx2_flag, memory_order_relaxed)
            && __builtin_cpu_supports("avx2")) return find_avx2(bytes, count, values);
        return find_sse2(bytes, count, values);
    }
#endif
    return find_portable(bytes, 0, count, values);
}

size_t jianfan_find_last_any(const uint8_t *bytes, size_t count, const uint8_t values[8]) {
#if defined(__x86_64__)
    if (!atomic_load_explicit(&jianfan_utf8_portable_flag, memory_order_relaxed)) return find_last_sse2(bytes, count, values);
#endif
    return find_last_portable(bytes, count, values);
}
