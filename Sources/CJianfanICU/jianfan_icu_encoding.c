// Encodings through ICU: transcoders between a named encoding and UTF-8 (ucnv_convertEx with a
// pivot of our own), and the charset detector. ICU is loaded by icu_library.c.
#include "jianfan_icu_encoding.h"
#include "icu_api.h"

#include <stdlib.h>
#include <string.h>

// 16 K UTF-16 units: large enough that the pivot is not what bounds a call, small enough to stay
// in the first-level cache with the chunks on either side of it.
enum { PIVOT_UNITS = 16384 };

struct jianfan_icu_transcoder {
    jianfan_uconverter *source;   // reads the input: the encoding (decoding) or UTF-8 (encoding)
    jianfan_uconverter *target;   // writes the output
    int encode;
    jianfan_uchar *pivot_source, *pivot_target;
    int64_t consumed;             // input bytes taken so far
    int64_t line_feeds;           // encoding: line feeds in the input taken so far
    int64_t substitutions;
    jianfan_icu_fault fault;
    jianfan_uchar pivot[PIVOT_UNITS];
};

static void report(jianfan_uerror status, char *error_name, size_t error_capacity) {
    jianfan_icu_copy_text(jianfan_icu.u_errorName(status), error_name, error_capacity);
}

int jianfan_icu_encodings_available(char *reason, size_t reason_capacity) {
    return jianfan_icu_encodings_loaded(reason, reason_capacity);
}

// Lossy callbacks: ICU's own substitutions, counted. Reasons above "irregular" (reset, close,
// clone) report no error and are passed on uncounted.
static void count_to_unicode(const void *context, jianfan_uto_args *args, const char *units,
                             int32_t length, jianfan_ucallback_reason reason, jianfan_uerror *error) {
    jianfan_icu_transcoder *transcoder = (jianfan_icu_transcoder *)context;
    if (reason <= JIANFAN_UCNV_IRREGULAR) transcoder->substitutions++;
    jianfan_icu.UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, units, length, reason, error);
}

static void count_from_unicode(const void *context, jianfan_ufrom_args *args, const jianfan_uchar *units,
                               int32_t length, int32_t scalar, jianfan_ucallback_reason reason,
                               jianfan_uerror *error) {
    jianfan_icu_transcoder *transcoder = (jianfan_icu_transcoder *)context;
    if (reason <= JIANFAN_UCNV_IRREGULAR) transcoder->substitutions++;
    jianfan_icu.UCNV_FROM_U_CALLBACK_ESCAPE(JIANFAN_UCNV_ESCAPE_XML_HEX, args, units, length, scalar, reason, error);
}

jianfan_icu_transcoder *jianfan_icu_transcoder_open(const char *name, int encode, int lossy,
                                                    char *canonical, size_t canonical_capacity,
                                                    char *error_name, size_t error_capacity) {
    if (!jianfan_icu_encodings_loaded(error_name, error_capacity)) return NULL;
    jianfan_icu_transcoder *transcoder = calloc(1, sizeof *transcoder);
    if (transcoder == NULL) {
        report(JIANFAN_U_MEMORY_ALLOCATION_ERROR, error_name, error_capacity);
        return NULL;
    }
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    jianfan_uconverter *named = jianfan_icu.ucnv_open(name, &status);
    jianfan_uconverter *utf8 = JIANFAN_U_FAILURE(status) ? NULL : jianfan_icu.ucnv_open("UTF-8", &status);
    if (!JIANFAN_U_FAILURE(status) && canonical != NULL) {
        const char *own = jianfan_icu.ucnv_getName(named, &status);
        if (!JIANFAN_U_FAILURE(status)) jianfan_icu_copy_text(own, canonical, canonical_capacity);
    }
    transcoder->encode = encode != 0;
    transcoder->source = encode ? utf8 : named;
    transcoder->target = encode ? named : utf8;
    if (!JIANFAN_U_FAILURE(status)) {
        if (encode) {
            jianfan_icu.ucnv_setFromUCallBack(named, lossy ? count_from_unicode : jianfan_icu.UCNV_FROM_U_CALLBACK_STOP,
                                              transcoder, NULL, NULL, &status);
        } else {
            jianfan_icu.ucnv_setToUCallBack(named, lossy ? count_to_unicode : jianfan_icu.UCNV_TO_U_CALLBACK_STOP,
                                            transcoder, NULL, NULL, &status);
        }
    }
    if (JIANFAN_U_FAILURE(status)) {
        // ucnv_close takes NULL; a failed open may still have returned nothing else to free.
        jianfan_icu.ucnv_close(named);
        jianfan_icu.ucnv_close(utf8);
        free(transcoder);
        report(status, error_name, error_capacity);
        return NULL;
    }
    transcoder->pivot_source = transcoder->pivot_target = transcoder->pivot;
    return transcoder;
}

void jianfan_icu_transcoder_close(jianfan_icu_transcoder *transcoder) {
    if (transcoder == NULL) return;
    jianfan_icu.ucnv_close(transcoder->source);
    jianfan_icu.ucnv_close(transcoder->target);
    free(transcoder);
}

static int64_t count_line_feeds(const char *bytes, size_t length) {
    int64_t count = 0;
    const char *end = bytes + length;
    while ((bytes = memchr(bytes, '\n', (size_t)(end - bytes))) != NULL) {
        count++;
        bytes++;
    }
    return count;
}

// Where an encoding failure is: ICU has taken the UTF-8 up to the end of what it put into the
// pivot, and stopped just after the character in the pivot it could not write. What is still in
// the pivot, and that character, come back off the count of bytes and line feeds taken.
static void locate_unmappable(jianfan_icu_transcoder *transcoder) {
    jianfan_icu_fault *fault = &transcoder->fault;
    jianfan_uchar units[4];
    int8_t count = (int8_t)(sizeof units / sizeof units[0]);  // in: the capacity; out: the length
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    jianfan_icu.ucnv_getInvalidUChars(transcoder->target, units, &count, &status);
    uint32_t scalar = count > 0 ? units[0] : 0xFFFD;
    if (count > 1 && (units[0] & 0xFC00) == 0xD800 && (units[1] & 0xFC00) == 0xDC00) {
        scalar = 0x10000 + (((uint32_t)units[0] - 0xD800) << 10) + ((uint32_t)units[1] - 0xDC00);
    }
    int64_t after = 0, line_feeds = 0;
    for (const jianfan_uchar *unit = transcoder->pivot_source; unit < transcoder->pivot_target; unit++) {
        after += *unit < 0x80 ? 1 : *unit < 0x800 ? 2 : (*unit & 0xF800) == 0xD800 ? 2 : 3;
        line_feeds += *unit == '\n';
    }
    int64_t own = scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4;
    fault->scalar = scalar;
    fault->offset = transcoder->consumed - after - own;
    if (fault->offset < 0) fault->offset = 0;
    fault->line = transcoder->line_feeds - line_feeds + 1;
    fault->length = 0;
}

// An invalid input sequence ends where ICU stopped taking input, less the bytes after it that
// ICU holds to read again (when the sequence began in an earlier chunk, they cannot be put back
// into the source); its bytes are the converter's. In UTF-16 and UTF-32 an invalid sequence
// starts on a code unit, so the offset is rounded down to one: ICU 72's UTF-16 converter, given a
// lead surrogate and the unit after it across two chunks, keeps one byte of that unit where
// ucnv_toUCountPending does not count it (the offset came out one byte late, a fuzz finding).
static void locate_invalid(jianfan_icu_transcoder *transcoder) {
    jianfan_icu_fault *fault = &transcoder->fault;
    char bytes[32];
    int8_t count = (int8_t)sizeof bytes;
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    jianfan_icu.ucnv_getInvalidChars(transcoder->source, bytes, &count, &status);
    if (JIANFAN_U_FAILURE(status) || count < 0) count = 0;
    fault->length = count < 8 ? count : 8;
    memcpy(fault->bytes, bytes, (size_t)fault->length);
    jianfan_uerror pending_status = JIANFAN_U_ZERO_ERROR;
    int32_t pending = jianfan_icu.ucnv_toUCountPending(transcoder->source, &pending_status);
    if (JIANFAN_U_FAILURE(pending_status) || pending < 0) pending = 0;
    fault->offset = transcoder->consumed - pending - count;
    if (fault->offset < 0) fault->offset = 0;
    int8_t unit = jianfan_icu.ucnv_getMinCharSize(transcoder->source);
    if (unit > 1) fault->offset -= fault->offset % unit;
    fault->line = 0;
    fault->scalar = 0;
}

int jianfan_icu_transcode(jianfan_icu_transcoder *transcoder,
                          const char **source, const char *source_limit,
                          char **target, char *target_limit, int flush,
                          char *error_name, size_t error_capacity) {
    const char *start = *source;
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    jianfan_icu.ucnv_convertEx(transcoder->target, transcoder->source, target, target_limit,
                               source, source_limit, transcoder->pivot, &transcoder->pivot_source,
                               &transcoder->pivot_target, transcoder->pivot + PIVOT_UNITS,
                               0, flush ? 1 : 0, &status);
    transcoder->consumed += *source - start;
    if (transcoder->encode) transcoder->line_feeds += count_line_feeds(start, (size_t)(*source - start));
    switch (status) {
    case JIANFAN_U_BUFFER_OVERFLOW_ERROR:
        return JIANFAN_ICU_FULL;
    case JIANFAN_U_INVALID_CHAR_FOUND:
    case JIANFAN_U_TRUNCATED_CHAR_FOUND:
    case JIANFAN_U_ILLEGAL_CHAR_FOUND:
    case JIANFAN_U_ILLEGAL_ESCAPE_SEQUENCE:
    case JIANFAN_U_UNSUPPORTED_ESCAPE_SEQUENCE:
        // UTF-8 from the converter is always valid: a failure while encoding is the target's.
        if (transcoder->encode) locate_unmappable(transcoder); else locate_invalid(transcoder);
        return JIANFAN_ICU_INVALID;
    default:
        if (JIANFAN_U_FAILURE(status)) {
            report(status, error_name, error_capacity);
            return JIANFAN_ICU_FAILED;
        }
        return JIANFAN_ICU_DONE;
    }
}

jianfan_icu_fault jianfan_icu_transcoder_fault(const jianfan_icu_transcoder *transcoder) {
    return transcoder->fault;
}

int64_t jianfan_icu_transcoder_substitutions(const jianfan_icu_transcoder *transcoder) {
    return transcoder->substitutions;
}

int32_t jianfan_icu_detect(const char *bytes, int32_t length,
                           const char *const *allowed, int32_t allowed_count, int32_t *confidence,
                           char *error_name, size_t error_capacity) {
    *confidence = 0;
    if (!jianfan_icu_encodings_loaded(error_name, error_capacity)) return -1;
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    jianfan_ucsdet *detector = jianfan_icu.ucsdet_open(&status);
    if (JIANFAN_U_FAILURE(status)) {
        jianfan_icu.ucsdet_close(detector);
        report(status, error_name, error_capacity);
        return -1;
    }
    int32_t found = 0, chosen = -1;
    jianfan_icu.ucsdet_setText(detector, bytes, length, &status);
    // Matches come sorted by confidence, highest first: the first allowed one wins.
    const jianfan_ucsmatch **matches = JIANFAN_U_FAILURE(status)
        ? NULL : jianfan_icu.ucsdet_detectAll(detector, &found, &status);
    for (int32_t m = 0; !JIANFAN_U_FAILURE(status) && matches != NULL && m < found && chosen < 0; m++) {
        const char *name = jianfan_icu.ucsdet_getName(matches[m], &status);
        for (int32_t a = 0; !JIANFAN_U_FAILURE(status) && a < allowed_count; a++) {
            if (strcmp(name, allowed[a]) == 0) {
                chosen = a;
                *confidence = jianfan_icu.ucsdet_getConfidence(matches[m], &status);
                break;
            }
        }
    }
    if (JIANFAN_U_FAILURE(status)) {
        report(status, error_name, error_capacity);
        chosen = -1;
    }
    jianfan_icu.ucsdet_close(detector);
    return chosen;
}
