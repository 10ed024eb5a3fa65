// UTF-8 validation by table lookups on nibbles (Keiser and Lemire, "Validating UTF-8 In Less
// Than One Instruction Per Byte", 2021): each byte is checked against the byte before it with
// three 16-entry tables whose bits name the ways a pair can be wrong; a required second or
// third continuation byte is checked against the bytes two and three back.
#include "jianfan_utf8.h"
#include "paths.h"

// Set by tests only; relaxed is enough: whichever path a racing call takes, the result is the same.
atomic_bool jianfan_utf8_portable_flag;

void jianfan_utf8_force_portable(bool forced) {
    atomic_store_explicit(&jianfan_utf8_portable_flag, forced, memory_order_relaxed);
}

bool jianfan_utf8_portable_forced(void) {
    return atomic_load_explicit(&jianfan_utf8_portable_flag, memory_order_relaxed);
}

atomic_bool jianfan_utf8_avx2_flag;

void jianfan_utf8_disable_avx2(bool disabled) {
    atomic_store_explicit(&jianfan_utf8_avx2_flag, disabled, memory_order_relaxed);
}

bool jianfan_utf8_avx2_disabled(void) {
    return atomic_load_explicit(&jianfan_utf8_avx2_flag, memory_order_relaxed);
}

#if defined(__x86_64__)
#include <immintrin.h>

enum {
    TOO_SHORT = 1 << 0,      // 11______ 0_______ or 11______ 11______
    TOO_LONG = 1 << 1,       // 0_______ 10______
    OVERLONG_3 = 1 << 2,     // 11100000 100_____
    TOO_LARGE = 1 << 3,      // 11110100 1001____, 11110100 101_____, 11110101+ 10______
    SURROGATE = 1 << 4,      // 11101101 101_____
    OVERLONG_2 = 1 << 5,     // 1100000_ 10______
    TOO_LARGE_1000 = 1 << 6, // 11110101+ 1000____
    OVERLONG_4 = 1 << 6,     // 11110000 1000____
    TWO_CONTS = 1 << 7,      // 10______ 10______
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

// The three tables, indexed by a nibble: the high and low nibble of the byte before, and the
// high nibble of the byte itself.
static const uint8_t byte1HighTable[16] = {
    TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
    TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
    TOO_SHORT | OVERLONG_2,
    TOO_SHORT,
    TOO_SHORT | OVERLONG_3 | SURROGATE,
    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4};
static const uint8_t byte1LowTable[16] = {
    CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,
    CARRY | OVERLONG_2,
    CARRY, CARRY,
    CARRY | TOO_LARGE,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000};
static const uint8_t byte2HighTable[16] = {
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT};

__attribute__((target("ssse3")))
static size_t valid_blocks_ssse3(const uint8_t *bytes, size_t count) {
    const __m128i byte1High = _mm_loadu_si128((const __m128i *)byte1HighTable);
    const __m128i byte1Low = _mm_loadu_si128((const __m128i *)byte1LowTable);
    const __m128i byte2High = _mm_loadu_si128((const __m128i *)byte2HighTable);
    const __m128i nibble = _mm_set1_epi8(0x0F);
    const __m128i thirdBias = _mm_set1_epi8((char)(0xE0 - 0x80));
    const __m128i fourthBias = _mm_set1_epi8((char)(0xF0 - 0x80));
    const __m128i highBit = _mm_set1_epi8((char)0x80);
    __m128i previous = _mm_setzero_si128();   // what precedes the start: a scalar boundary
    size_t i = 0;
    for (; i + 16 <= count; i += 16) {
        const __m128i input = _mm_loadu_si128((const __m128i *)(bytes + i));
        const __m128i prev1 = _mm_alignr_epi8(input, previous, 15);
        const __m128i special = _mm_and_si128(
            _mm_and_si128(
                _mm_shuffle_epi8(byte1High, _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble)),
                _mm_shuffle_epi8(byte1Low, _mm_and_si128(prev1, nibble))),
            _mm_shuffle_epi8(byte2High, _mm_and_si128(_mm_srli_epi16(input, 4), nibble)));
        const __m128i third = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 14), thirdBias);
        const __m128i fourth = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 13), fourthBias);
        const __m128i mustContinue = _mm_and_si128(_mm_or_si128(third, fourth), highBit);
        const __m128i error = _mm_xor_si128(mustContinue, special);
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) != 0xFFFF) break;
        previous = input;
    }
    return i;
}


// The same checks 32 bytes at a time (AVX2). The byte shuffle looks up within each 16-byte lane,
// so the tables are repeated in both lanes, and the bytes before each lane come from joining the
// previous and current blocks (permute2x128). Errors of two blocks are or-ed and tested once per
// 64 bytes: a failing pair stops the loop at the start of its 64 bytes, all of them unreported.
__attribute__((target("avx2")))
static size_t valid_blocks_avx2(const uint8_t *bytes, size_t count) {
    const __m256i byte1High = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)byte1HighTable));
    const __m256i byte1Low = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)byte1LowTable));
    const __m256i byte2High = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)byte2HighTable));
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i thirdBias = _mm256_set1_epi8((char)(0xE0 - 0x80));
    const __m256i fourthBias = _mm256_set1_epi8((char)(0xF0 - 0x80));
    const __m256i highBit = _mm256_set1_epi8((char)0x80);
    __m256i previous = _mm256_setzero_si256();
    size_t i = 0;
#define JIANFAN_BLOCK_ERROR(input, previous, error)                                                  \
    do {                                                                                          \
        const __m256i joined = _mm256_permute2x128_si256(previous, input, 0x21);                  \
        const __m256i prev1 = _mm256_alignr_epi8(input, joined, 15);                              \
        const __m256i special = _mm256_and_si256(                                                 \
            _mm256_and_si256(                                                                     \
                _mm256_shuffle_epi8(byte1High, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble)), \
                _mm256_shuffle_epi8(byte1Low, _mm256_and_si256(prev1, nibble))),                  \
            _mm256_shuffle_epi8(byte2High, _mm256_and_si256(_mm256_srli_epi16(input, 4), nibble))); \
        const __m256i third = _mm256_subs_epu8(_mm256_alignr_epi8(input, joined, 14), thirdBias); \
        const __m256i fourth = _mm256_subs_epu8(_mm256_alignr_epi8(input, joined, 13), fourthBias); \
        error = _mm256_xor_si256(_mm256_and_si256(_mm256_or_si256(third, fourth), highBit), special); \
    } while (0)
    for (; i + 64 <= count; i += 64) {
        const __m256i first = _mm256_loadu_si256((const __m256i *)(bytes + i));
        const __m256i second = _mm256_loadu_si256((const __m256i *)(bytes + i + 32));
        __m256i error1, error2;
        JIANFAN_BLOCK_ERROR(first, previous, error1);
        JIANFAN_BLOCK_ERROR(second, first, error2);
        if (!_mm256_testz_si256(_mm256_or_si256(error1, error2), _mm256_or_si256(error1, error2))) return i;
        previous = second;
    }
    for (; i + 32 <= count; i += 32) {
        const __m256i input = _mm256_loadu_si256((const __m256i *)(bytes + i));
        __m256i error;
        JIANFAN_BLOCK_ERROR(input, previous, error);
        if (!_mm256_testz_si256(error, error)) return i;
        previous = input;
    }
#undef JIANFAN_BLOCK_ERROR
    return i;
}

size_t jianfan_utf8_valid_prefix(const uint8_t *bytes, size_t count) {
    if (count < 16 || jianfan_utf8_portable_forced()) return 0;
    size_t checked;
    if (count >= 32 && !jianfan_utf8_avx2_disabled() && __builtin_cpu_supports("avx2"))
        checked = valid_blocks_avx2(bytes, count);
    else if (__builtin_cpu_supports("ssse3"))
        checked = valid_blocks_ssse3(bytes, count);
    else
        return 0;
    // Every check on the pairs before `checked` passed, but a scalar may run across it: back up
    // to the last byte before it that is not a continuation byte (a scalar starts there).
    if (checked == 0) return 0;
    size_t p = checked - 1;
    for (int steps = 0; p > 0 && (bytes[p] & 0xC0) == 0x80 && steps < 3; steps++) p--;
    return p;
}

#else

// The portable path: the caller's scalar-by-scalar check does all the work.
size_t jianfan_utf8_valid_prefix(const uint8_t *bytes, size_t count) {
    (void)bytes;
    (void)count;
    return 0;
}

#endif
