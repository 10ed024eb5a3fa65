// The part of zlib's interface this shim calls, declared here so that building needs no zlib
// header (as icu_api.h does for ICU). The layout of z_stream is zlib's ABI since 1.0: it cannot
// change without changing the library's soname (libz.so.1); zlib checks the size we pass.
#ifndef JIANFAN_ZLIB_API_H
#define JIANFAN_ZLIB_API_H

typedef struct jianfan_z_stream {
    const unsigned char *next_in;
    unsigned int avail_in;
    unsigned long total_in;
    unsigned char *next_out;
    unsigned int avail_out;
    unsigned long total_out;
    const char *msg;
    void *state;
    void *(*zalloc)(void *, unsigned int, unsigned int);
    void (*zfree)(void *, void *);
    void *opaque;
    int data_type;
    unsigned long adler;
    unsigned long reserved;
} jianfan_z_stream;

enum {
    Z_NO_FLUSH = 0, Z_FINISH = 4,
    Z_OK = 0, Z_STREAM_END = 1, Z_NEED_DICT = 2, Z_DATA_ERROR = -3, Z_MEM_ERROR = -4, Z_BUF_ERROR = -5,
    Z_DEFAULT_COMPRESSION = -1, Z_DEFLATED = 8, Z_DEFAULT_STRATEGY = 0,
    // Negative window bits: a raw deflate stream, as zip entries hold.
    RAW_WINDOW_BITS = -15, DEFAULT_MEMORY_LEVEL = 8,
};

// X(name, result, parameters): every function resolved with dlsym.
#define JIANFAN_ZLIB_FUNCTIONS(X) \
    X(zlibVersion, const char *, (void)) \
    X(crc32, unsigned long, (unsigned long, const unsigned char *, unsigned int)) \
    X(inflateInit2_, int, (jianfan_z_stream *, int, const char *, int)) \
    X(inflate, int, (jianfan_z_stream *, int)) \
    X(inflateEnd, int, (jianfan_z_stream *)) \
    X(deflateInit2_, int, (jianfan_z_stream *, int, int, int, int, int, const char *, int)) \
    X(deflate, int, (jianfan_z_stream *, int)) \
    X(deflateEnd, int, (jianfan_z_stream *))

typedef struct {
#define JIANFAN_ZLIB_FIELD(name, result, parameters) result(*name) parameters;
    JIANFAN_ZLIB_FUNCTIONS(JIANFAN_ZLIB_FIELD)
#undef JIANFAN_ZLIB_FIELD
} jianfan_zlib_functions;

extern jianfan_zlib_functions jianfan_zlib;

/// Loads zlib once per process; 1 when every function above is resolved.
int jianfan_zlib_ensure_loaded(char *reason, size_t capacity);

#endif
