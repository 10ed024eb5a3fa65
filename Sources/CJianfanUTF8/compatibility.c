// Finding CJK compatibility ideographs in UTF-8 (U+F900–U+FAFF: EF A4–AB; U+2F800–U+2FA1F:
// F0 AF), 16 bytes at a time on x86-64: each byte is compared with both lead bytes and the byte
// after it with the matching second bytes. Elsewhere, or when tests force it, byte by byte.
#include "jianfan_utf8.h"

static int starts_compatibility(const uint8_t *bytes) {
    return (bytes[0] == 0xEF && bytes[1] >= 0xA4 && bytes[1] <= 0xAB) || (bytes[0] == 0xF0 && bytes[1] == 0xAF);
}

// The portable path, from `i` on.
static size_t find_portable(const uint8_t *bytes, size_t i, size_t count) {
    for (; i + 1 < count; i++) {
        if (starts_compatibility(bytes + i)) return i;
    }
    return count;
}

#if defined(__x86_64__)
#include <immintrin.h>

static size_t find_sse2(const uint8_t *bytes, size_t count) {
    size_t i = 0;
    const __m128i leadBMP = _mm_set1_epi8((char)0xEF), leadAstral = _mm_set1_epi8((char)0xF0);
    const __m128i lowBMP = _mm_set1_epi8((char)0xA4), spanBMP = _mm_set1_epi8(7);
    const __m128i secondAstral = _mm_set1_epi8((char)0xAF);
    for (; i + 17 <= count; i += 16) {
        __m128i first = _mm_loadu_si128((const __m128i *)(bytes + i));
        __m128i second = _mm_loadu_si128((const __m128i *)(bytes + i + 1));
        __m128i offset = _mm_sub_epi8(second, lowBMP);   // A4–AB → 0–7
        __m128i inBMP = _mm_cmpeq_epi8(_mm_min_epu8(offset, spanBMP), offset);
        __m128i bmp = _mm_and_si128(_mm_cmpeq_epi8(first, leadBMP), inBMP);
        __m128i astral = _mm_and_si128(_mm_cmpeq_epi8(first, leadAstral), _mm_cmpeq_epi8(second, secondAstral));
        int mask = _mm_movemask_epi8(_mm_or_si128(bmp, astral));
        if (mask) return i + (size_t)__builtin_ctz((unsigned)mask);
    }
    return find_portable(bytes, i, count);
}

#endif

size_t jianfan_find_compatibility(const uint8_t *bytes, size_t count) {
#if defined(__x86_64__)
    if (!jianfan_utf8_portable_forced()) return find_sse2(bytes, count);
#endif
    return find_portable(bytes, 0, count);
}
