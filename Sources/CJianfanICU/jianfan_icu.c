// The shim's entry points: ICU's transliterator API behind opaque handles, with errors as text.
// ICU is found and loaded by icu_library.c; its declarations are in icu_api.h.
#include "jianfan_icu.h"
#include "icu_api.h"

#include <stdlib.h>
#include <string.h>

// The public handles are ICU's types in disguise (see the header for why).
#define TRANS(t) ((jianfan_utrans *)(t))
#define CONST_TRANS(t) ((const jianfan_utrans *)(t))

static void report(jianfan_uerror status, char *error_name, size_t error_capacity) {
    jianfan_icu_copy_text(jianfan_icu.u_errorName(status), error_name, error_capacity);
}

jianfan_icu_trans *jianfan_icu_openU(const uint16_t *id, int32_t id_length, int reverse,
                                     char *error_name, size_t error_capacity) {
    if (!jianfan_icu_ensure_loaded(error_name, error_capacity)) return NULL;
    // ICU's ID parser stops at U+0000 and would silently open "Hans-Hant\0junk" as Hans-Hant.
    for (int32_t i = 0; i < id_length; i++) {
        if (id[i] == 0) {
            report(JIANFAN_U_INVALID_ID, error_name, error_capacity);
            return NULL;
        }
    }
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    jianfan_uparse_error parse_error;
    jianfan_utrans *trans = jianfan_icu.utrans_openU(
        (const jianfan_uchar *)id, id_length, reverse ? JIANFAN_UTRANS_REVERSE : JIANFAN_UTRANS_FORWARD,
        NULL, -1, &parse_error, &status);
    if (JIANFAN_U_FAILURE(status)) {
        // ICU may hand back a half-built object alongside the error; never leak or use it.
        jianfan_icu.utrans_close(trans);
        report(status, error_name, error_capacity);
        return NULL;
    }
    return (jianfan_icu_trans *)trans;
}

jianfan_icu_trans *jianfan_icu_open(const char *id, int32_t id_length, int reverse,
                                    char *error_name, size_t error_capacity) {
    if (!jianfan_icu_ensure_loaded(error_name, error_capacity)) return NULL;
    // Preflight for the UTF-16 length, then convert: IDs are short, so two passes are cheap.
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    int32_t length = 0;
    jianfan_icu.u_strFromUTF8(NULL, 0, &length, id, id_length, &status);
    if (status != JIANFAN_U_BUFFER_OVERFLOW_ERROR && JIANFAN_U_FAILURE(status)) {
        report(status, error_name, error_capacity);
        return NULL;
    }
    jianfan_uchar *utf16 = malloc(sizeof(jianfan_uchar) * ((size_t)length + 1));
    if (utf16 == NULL) {
        report(JIANFAN_U_MEMORY_ALLOCATION_ERROR, error_name, error_capacity);
        return NULL;
    }
    status = JIANFAN_U_ZERO_ERROR;
    jianfan_icu.u_strFromUTF8(utf16, length + 1, NULL, id, id_length, &status);
    jianfan_icu_trans *trans = NULL;
    if (JIANFAN_U_FAILURE(status)) {
        report(status, error_name, error_capacity);
    } else {
        trans = jianfan_icu_openU((const uint16_t *)utf16, length, reverse, error_name, error_capacity);
    }
    free(utf16);
    return trans;
}

jianfan_icu_trans *jianfan_icu_clone(const jianfan_icu_trans *trans, char *error_name, size_t error_capacity) {
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    jianfan_utrans *copy = jianfan_icu.utrans_clone(CONST_TRANS(trans), &status);
    if (JIANFAN_U_FAILURE(status)) {
        jianfan_icu.utrans_close(copy);
        report(status, error_name, error_capacity);
        return NULL;
    }
    return (jianfan_icu_trans *)copy;
}

void jianfan_icu_close(jianfan_icu_trans *trans) {
    if (trans != NULL) jianfan_icu.utrans_close(TRANS(trans));
}

// One attempt in a buffer of `capacity` units. utrans_transUChars works in place on a writable
// alias of `buffer`; when the result outgrows it, ICU finishes in a private copy and then fails
// the final extract with U_BUFFER_OVERFLOW_ERROR, reporting the full length. By then `buffer`
// holds a half-transformed mix, which is why the caller must restart from the pristine source.
static jianfan_uerror attempt(const jianfan_utrans *trans, const uint16_t *source, int32_t source_length,
                              jianfan_uchar *buffer, int32_t capacity, int32_t *result_length) {
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    if (source_length > 0) memcpy(buffer, source, sizeof(jianfan_uchar) * (size_t)source_length);
    int32_t length = source_length;
    int32_t limit = source_length;
    jianfan_icu.utrans_transUChars(trans, buffer, &length, capacity, 0, &limit, &status);
    *result_length = length;
    // A result that exactly fills the buffer is complete; it just has no NUL, which we never need.
    if (status == JIANFAN_U_STRING_NOT_TERMINATED_WARNING) status = JIANFAN_U_ZERO_ERROR;
    return status;
}

uint16_t *jianfan_icu_transUChars(const jianfan_icu_trans *trans,
                                  const uint16_t *source, int32_t source_length,
                                  int32_t capacity_hint, int32_t *result_length,
                                  char *error_name, size_t error_capacity) {
    *result_length = 0;
    if (source_length < 0) {
        report(JIANFAN_U_ILLEGAL_ARGUMENT_ERROR, error_name, error_capacity);
        return NULL;
    }
    int32_t capacity = capacity_hint > source_length ? capacity_hint : source_length;
    if (capacity == 0) capacity = 1; // malloc(0) may return NULL, which would look like failure.
    jianfan_uchar *buffer = malloc(sizeof(jianfan_uchar) * (size_t)capacity);
    if (buffer == NULL) {
        report(JIANFAN_U_MEMORY_ALLOCATION_ERROR, error_name, error_capacity);
        return NULL;
    }
    int32_t length = 0;
    jianfan_uerror status = attempt(CONST_TRANS(trans), source, source_length, buffer, capacity, &length);
    if (status == JIANFAN_U_BUFFER_OVERFLOW_ERROR) {
        // `length` is now the exact size ICU needs; a deterministic rerun fits it.
        free(buffer);
        capacity = length;
        buffer = malloc(sizeof(jianfan_uchar) * (size_t)capacity);
        if (buffer == NULL) {
            report(JIANFAN_U_MEMORY_ALLOCATION_ERROR, error_name, error_capacity);
            return NULL;
        }
        status = attempt(CONST_TRANS(trans), source, source_length, buffer, capacity, &length);
    }
    if (JIANFAN_U_FAILURE(status)) {
        free(buffer);
        report(status, error_name, error_capacity);
        return NULL;
    }
    *result_length = length;
    return (uint16_t *)buffer;
}

void jianfan_icu_free(void *buffer) { free(buffer); }

jianfan_icu_enum *jianfan_icu_openIDs(char *error_name, size_t error_capacity) {
    if (!jianfan_icu_ensure_loaded(error_name, error_capacity)) return NULL;
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    jianfan_uenum *ids = jianfan_icu.utrans_openIDs(&status);
    if (JIANFAN_U_FAILURE(status)) {
        jianfan_icu.uenum_close(ids);
        report(status, error_name, error_capacity);
        return NULL;
    }
    return (jianfan_icu_enum *)ids;
}

const uint16_t *jianfan_icu_uenum_unext(jianfan_icu_enum *ids, int32_t *length) {
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    const jianfan_uchar *id = jianfan_icu.uenum_unext((jianfan_uenum *)ids, length, &status);
    // Failure mid-way (the registry changed under us) simply ends the list.
    return JIANFAN_U_FAILURE(status) ? NULL : (const uint16_t *)id;
}

void jianfan_icu_uenum_close(jianfan_icu_enum *ids) {
    if (ids != NULL) jianfan_icu.uenum_close((jianfan_uenum *)ids);
}
