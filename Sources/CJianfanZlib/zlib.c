// Raw deflate streams in and out of memory, over the zlib loaded by zlib_library.c. zlib counts
// in unsigned int; inputs and outputs larger than that are fed in slices.
#include "jianfan_zlib.h"
#include "zlib_api.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

enum { SLICE = 1u << 30, SCRATCH = 1 << 16 };

static unsigned int slice(size_t count) { return count > SLICE ? SLICE : (unsigned int)count; }

uint32_t jianfan_zlib_crc32(uint32_t crc, const uint8_t *bytes, size_t count) {
    unsigned long value = crc;
    while (count > 0) {
        unsigned int part = slice(count);
        value = jianfan_zlib.crc32(value, bytes, part);
        bytes += part;
        count -= part;
    }
    return (uint32_t)value;
}

int jianfan_zlib_inflate(const uint8_t *input, size_t input_count, uint8_t *output, size_t limit,
                         size_t *produced, size_t *consumed, uint32_t *crc,
                         char *reason, size_t reason_capacity) {
    *produced = 0;
    *consumed = 0;
    *crc = 0;
    if (!jianfan_zlib_ensure_loaded(reason, reason_capacity)) return JIANFAN_ZLIB_FAILED;
    jianfan_z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (jianfan_zlib.inflateInit2_(&stream, RAW_WINDOW_BITS, jianfan_zlib.zlibVersion(), (int)sizeof stream) != Z_OK) {
        if (reason != NULL && reason_capacity > 0) snprintf(reason, reason_capacity, "zlib could not start inflating (out of memory?)");
        return JIANFAN_ZLIB_FAILED;
    }
    uint8_t scratch[SCRATCH];
    size_t in_left = input_count, out_done = 0;
    unsigned long value = 0;
    int status = JIANFAN_ZLIB_TRUNCATED;
    stream.next_in = input;
    for (;;) {
        if (stream.avail_in == 0 && in_left > 0) {
            stream.avail_in = slice(in_left);
            in_left -= stream.avail_in;
        }
        // One byte of room past the limit: a stream that fills it is too long.
        uint8_t *target = output != NULL ? output + out_done : scratch;
        size_t room = output != NULL ? limit - out_done : SCRATCH;
        if (output == NULL && limit - out_done < SCRATCH) room = limit - out_done + 1;
        if (output != NULL && room == 0) {
            target = scratch;
            room = 1;
        }
        stream.next_out = target;
        stream.avail_out = slice(room);
        unsigned int before = stream.avail_out;
        int code = jianfan_zlib.inflate(&stream, Z_NO_FLUSH);
        size_t made = before - stream.avail_out;
        if (out_done + made > limit) {
            status = JIANFAN_ZLIB_TOO_LONG;
            break;
        }
        value = jianfan_zlib.crc32(value, target, (unsigned int)made);
        out_done += made;
        if (code == Z_STREAM_END) {
            status = JIANFAN_ZLIB_DONE;
            break;
        }
        if (code == Z_BUF_ERROR && stream.avail_in == 0 && in_left == 0) {
            status = JIANFAN_ZLIB_TRUNCATED;
            break;
        }
        if (code != Z_OK && code != Z_BUF_ERROR) {
            status = code == Z_MEM_ERROR ? JIANFAN_ZLIB_FAILED : JIANFAN_ZLIB_DAMAGED;
            if (reason != NULL && reason_capacity > 0) {
                snprintf(reason, reason_capacity, "%s", stream.msg != NULL ? stream.msg
                         : code == Z_MEM_ERROR ? "out of memory" : "invalid deflate data");
            }
            break;
        }
        if (made == 0 && stream.avail_in == 0 && in_left == 0) {
            status = JIANFAN_ZLIB_TRUNCATED;
            break;
        }
    }
    *produced = out_done;
    *consumed = input_count - in_left - stream.avail_in;
    *crc = (uint32_t)value;
    jianfan_zlib.inflateEnd(&stream);
    return status;
}

size_t jianfan_zlib_deflate_bound(size_t count) {
    return count + (count >> 12) + (count >> 14) + (count >> 25) + 13;
}

long long jianfan_zlib_deflate(const uint8_t *input, size_t input_count, uint8_t *output,
                               size_t output_capacity, char *reason, size_t reason_capacity) {
    if (!jianfan_zlib_ensure_loaded(reason, reason_capacity)) return -1;
    jianfan_z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (jianfan_zlib.deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, RAW_WINDOW_BITS,
                                   DEFAULT_MEMORY_LEVEL, Z_DEFAULT_STRATEGY,
                                   jianfan_zlib.zlibVersion(), (int)sizeof stream) != Z_OK) {
        if (reason != NULL && reason_capacity > 0) snprintf(reason, reason_capacity, "zlib could not start deflating (out of memory?)");
        return -1;
    }
    size_t in_left = input_count, out_left = output_capacity;
    stream.next_in = input;
    stream.next_out = output;
    int code;
    do {
        if (stream.avail_in == 0 && in_left > 0) {
            stream.avail_in = slice(in_left);
            in_left -= stream.avail_in;
        }
        if (stream.avail_out == 0 && out_left > 0) {
            stream.avail_out = slice(out_left);
            out_left -= stream.avail_out;
        }
        code = jianfan_zlib.deflate(&stream, in_left == 0 ? Z_FINISH : Z_NO_FLUSH);
    } while (code == Z_OK);
    size_t written = output_capacity - out_left - stream.avail_out;
    jianfan_zlib.deflateEnd(&stream);
    if (code != Z_STREAM_END) {
        if (reason != NULL && reason_capacity > 0) snprintf(reason, reason_capacity, "zlib could not deflate (error %d)", code);
        return -1;
    }
    return (long long)written;
}
