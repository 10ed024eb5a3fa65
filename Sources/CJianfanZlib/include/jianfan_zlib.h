#ifndef JIANFAN_ZLIB_H
#define JIANFAN_ZLIB_H
// Raw deflate and CRC-32 for the zip archives of documents (EPUB, Office, OpenDocument), over
// the system's zlib, found at run time: libz.so.1 elsewhere, /usr/lib/libz.1.dylib on Apple
// platforms. No zlib header is needed to build (zlib_api.h declares what is called), and a
// process that converts no document never loads it.
//
// Naming: every C function of this package starts with `jianfan_`; these with `jianfan_zlib_`.
//
// Errors: functions that can fail take `reason`/`reason_capacity`, a caller buffer that receives
// why in words (zlib's message, or why zlib could not be loaded), NUL-terminated and truncated to
// fit. The buffer may be NULL (capacity 0).
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Loads zlib if that has not happened yet and returns 1; or returns 0 and writes why it cannot
/// be loaded into `reason`, e.g. "zlib could not be loaded (libz.so.1: cannot open shared object
/// file: No such file or directory)". Safe from any thread.
int jianfan_zlib_available(char *reason, size_t reason_capacity);

/// The CRC-32 (the zip one) of `count` bytes, continuing from `crc` (0 to start). zlib must be
/// available (jianfan_zlib_available returned 1).
uint32_t jianfan_zlib_crc32(uint32_t crc, const uint8_t *bytes, size_t count);

/// What jianfan_zlib_inflate found.
enum {
    JIANFAN_ZLIB_DONE = 0,        // the deflate stream ended; `produced` bytes written
    JIANFAN_ZLIB_TOO_LONG = 1,    // the stream holds more than `limit` bytes
    JIANFAN_ZLIB_TRUNCATED = 2,   // the input ended before the stream did
    JIANFAN_ZLIB_DAMAGED = 3,     // not a valid deflate stream (`reason` says where zlib stopped)
    JIANFAN_ZLIB_FAILED = 4,      // zlib missing or out of memory (`reason`)
};

/// Inflates the raw deflate stream (no zlib or gzip header) in `input` into `output`, at most
/// `limit` bytes, and the CRC-32 of what it produced into `crc`. `output` may be NULL: the bytes
/// are then only counted and checksummed (to verify an entry that is copied as it is), in a
/// small buffer of the function's own. `consumed` receives the input bytes the stream used.
int jianfan_zlib_inflate(const uint8_t *input, size_t input_count, uint8_t *output, size_t limit,
                         size_t *produced, size_t *consumed, uint32_t *crc,
                         char *reason, size_t reason_capacity);

/// The most bytes jianfan_zlib_deflate can produce from `count` bytes (zlib's compressBound).
size_t jianfan_zlib_deflate_bound(size_t count);

/// Deflates `input` as a raw deflate stream at zlib's default level into `output`, which holds
/// jianfan_zlib_deflate_bound(input_count) bytes; returns the length written, or -1 with
/// `reason` (zlib missing, out of memory).
long long jianfan_zlib_deflate(const uint8_t *input, size_t input_count, uint8_t *output,
                               size_t output_capacity, char *reason, size_t reason_capacity);

#ifdef __cplusplus
}
#endif

#endif
