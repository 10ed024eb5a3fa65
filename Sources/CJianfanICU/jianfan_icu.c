#include "jianfan_icu.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/utypes.h>

// The public handles are these ICU types in disguise (see the header for why).
#define TRANS(t) ((UTransliterator *)(t))
#define CONST_TRANS(t) ((const UTransliterator *)(t))

// ICU is opened at first use, not linked: linked, its two libraries cost every `jianfan`
// process about 1.5 MB of memory and a fifth of its start-up (their symbol relocations), though
// only ICU transforms use them. The names come from the headers this file is compiled with:
// the sonames carry ICU's major version (libicuuc.so.72) and, through the renaming macros of
// <unicode/urename.h>, so do the symbols (utrans_openU expands to utrans_openU_72).
#define JF_STRINGIFY(x) #x
#define JF_STRING(x) JF_STRINGIFY(x)
#define JF_ICU_LIBRARY(name) "lib" name ".so." JF_STRING(U_ICU_VERSION_MAJOR_NUM)

// F(library, function) for every ICU function called here; `library` is `uc` or `i18n`.
#define JF_ICU_FUNCTIONS(F) \
    F(uc, u_errorName) \
    F(uc, u_strFromUTF8) \
    F(uc, uenum_close) \
    F(uc, uenum_unext) \
    F(i18n, utrans_clone) \
    F(i18n, utrans_close) \
    F(i18n, utrans_openIDs) \
    F(i18n, utrans_openU) \
    F(i18n, utrans_transUChars)

// Resolved once by load(); `icu.utrans_openU(...)` calls ICU's utrans_openU.
static struct {
#define JF_ICU_POINTER(library, function) __typeof__(function) *function;
    JF_ICU_FUNCTIONS(JF_ICU_POINTER)
#undef JF_ICU_POINTER
} icu;
static int icu_loaded;
static char load_error[192];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    void *uc = dlopen(JF_ICU_LIBRARY("icuuc"), RTLD_NOW | RTLD_LOCAL);
    void *i18n = uc == NULL ? NULL : dlopen(JF_ICU_LIBRARY("icui18n"), RTLD_NOW | RTLD_LOCAL);
    if (i18n == NULL) {
        snprintf(load_error, sizeof load_error, "ICU is unavailable: %s", dlerror());
        return;
    }
#define JF_ICU_RESOLVE(library, function) \
    icu.function = (__typeof__(icu.function))dlsym(library, JF_STRING(function)); \
    if (icu.function == NULL) { \
        snprintf(load_error, sizeof load_error, "ICU is unavailable: %s", dlerror()); \
        return; \
    }
    JF_ICU_FUNCTIONS(JF_ICU_RESOLVE)
#undef JF_ICU_RESOLVE
    icu_loaded = 1;
}

static void report_text(const char *text, char *error_name, size_t error_capacity) {
    if (error_name == NULL || error_capacity == 0) return;
    size_t length = strlen(text);
    if (length >= error_capacity) length = error_capacity - 1;
    memcpy(error_name, text, length);
    error_name[length] = '\0';
}

static void report(UErrorCode status, char *error_name, size_t error_capacity) {
    report_text(icu.u_errorName(status), error_name, error_capacity);
}

// Loads ICU on the first call (thread-safe); every entry point that creates a handle asks, so
// functions given a handle know ICU is there. On failure reports why, e.g. the missing library.
static int ensure_loaded(char *error_name, size_t error_capacity) {
    pthread_once(&load_once, load);
    if (!icu_loaded) report_text(load_error, error_name, error_capacity);
    return icu_loaded;
}

jf_icu_trans *jf_icu_openU(const uint16_t *id, int32_t id_length, int reverse,
                           char *error_name, size_t error_capacity) {
    if (!ensure_loaded(error_name, error_capacity)) return NULL;
    // ICU's ID parser stops at U+0000 and would silently open "Hans-Hant\0junk" as Hans-Hant.
    for (int32_t i = 0; i < id_length; i++) {
        if (id[i] == 0) {
            report(U_INVALID_ID, error_name, error_capacity);
            return NULL;
        }
    }
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    UTransliterator *trans = icu.utrans_openU((const UChar *)id, id_length,
                                              reverse ? UTRANS_REVERSE : UTRANS_FORWARD,
                                              NULL, -1, &parse_error, &status);
    if (U_FAILURE(status)) {
        // ICU may hand back a half-built object alongside the error; never leak or use it.
        icu.utrans_close(trans);
        report(status, error_name, error_capacity);
        return NULL;
    }
    return (jf_icu_trans *)trans;
}

jf_icu_trans *jf_icu_open(const char *id, int32_t id_length, int reverse,
                          char *error_name, size_t error_capacity) {
    if (!ensure_loaded(error_name, error_capacity)) return NULL;
    // Preflight for the UTF-16 length, then convert: IDs are short, so two passes are cheap.
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    icu.u_strFromUTF8(NULL, 0, &length, id, id_length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
        report(status, error_name, error_capacity);
        return NULL;
    }
    UChar *utf16 = malloc(sizeof(UChar) * ((size_t)length + 1));
    if (utf16 == NULL) {
        report(U_MEMORY_ALLOCATION_ERROR, error_name, error_capacity);
        return NULL;
    }
    status = U_ZERO_ERROR;
    icu.u_strFromUTF8(utf16, length + 1, NULL, id, id_length, &status);
    jf_icu_trans *trans = NULL;
    if (U_FAILURE(status)) {
        report(status, error_name, error_capacity);
    } else {
        trans = jf_icu_openU((const uint16_t *)utf16, length, reverse, error_name, error_capacity);
    }
    free(utf16);
    return trans;
}

jf_icu_trans *jf_icu_clone(const jf_icu_trans *trans, char *error_name, size_t error_capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UTransliterator *copy = icu.utrans_clone(CONST_TRANS(trans), &status);
    if (U_FAILURE(status)) {
        icu.utrans_close(copy);
        report(status, error_name, error_capacity);
        return NULL;
    }
    return (jf_icu_trans *)copy;
}

void jf_icu_close(jf_icu_trans *trans) {
    if (trans != NULL) icu.utrans_close(TRANS(trans));
}

// One attempt in a buffer of `capacity` units. utrans_transUChars works in place on a writable
// alias of `buffer`; when the result outgrows it, ICU finishes in a private copy and then fails
// the final extract with U_BUFFER_OVERFLOW_ERROR, reporting the full length. By then `buffer`
// holds a half-transformed mix, which is why the caller must restart from the pristine source.
static UErrorCode attempt(const UTransliterator *trans, const uint16_t *source, int32_t source_length,
                          UChar *buffer, int32_t capacity, int32_t *result_length) {
    UErrorCode status = U_ZERO_ERROR;
    if (source_length > 0) memcpy(buffer, source, sizeof(UChar) * (size_t)source_length);
    int32_t length = source_length;
    int32_t limit = source_length;
    icu.utrans_transUChars(trans, buffer, &length, capacity, 0, &limit, &status);
    *result_length = length;
    // A result that exactly fills the buffer is complete; it just has no NUL, which we never need.
    if (status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    return status;
}

uint16_t *jf_icu_transUChars(const jf_icu_trans *trans,
                             const uint16_t *source, int32_t source_length,
                             int32_t capacity_hint, int32_t *result_length,
                             char *error_name, size_t error_capacity) {
    *result_length = 0;
    if (source_length < 0) {
        report(U_ILLEGAL_ARGUMENT_ERROR, error_name, error_capacity);
        return NULL;
    }
    int32_t capacity = capacity_hint > source_length ? capacity_hint : source_length;
    if (capacity == 0) capacity = 1; // malloc(0) may return NULL, which would look like failure.
    UChar *buffer = malloc(sizeof(UChar) * (size_t)capacity);
    if (buffer == NULL) {
        report(U_MEMORY_ALLOCATION_ERROR, error_name, error_capacity);
        return NULL;
    }
    int32_t length = 0;
    UErrorCode status = attempt(CONST_TRANS(trans), source, source_length, buffer, capacity, &length);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        // `length` is now the exact size ICU needs; a deterministic rerun fits it.
        free(buffer);
        capacity = length;
        buffer = malloc(sizeof(UChar) * (size_t)capacity);
        if (buffer == NULL) {
            report(U_MEMORY_ALLOCATION_ERROR, error_name, error_capacity);
            return NULL;
        }
        status = attempt(CONST_TRANS(trans), source, source_length, buffer, capacity, &length);
    }
    if (U_FAILURE(status)) {
        free(buffer);
        report(status, error_name, error_capacity);
        return NULL;
    }
    *result_length = length;
    return (uint16_t *)buffer;
}

void jf_icu_free(void *buffer) { free(buffer); }

jf_icu_enum *jf_icu_openIDs(char *error_name, size_t error_capacity) {
    if (!ensure_loaded(error_name, error_capacity)) return NULL;
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration *ids = icu.utrans_openIDs(&status);
    if (U_FAILURE(status)) {
        icu.uenum_close(ids);
        report(status, error_name, error_capacity);
        return NULL;
    }
    return (jf_icu_enum *)ids;
}

const uint16_t *jf_icu_uenum_unext(jf_icu_enum *ids, int32_t *length) {
    UErrorCode status = U_ZERO_ERROR;
    const UChar *id = icu.uenum_unext((UEnumeration *)ids, length, &status);
    // Failure mid-way (the registry changed under us) simply ends the list.
    return U_FAILURE(status) ? NULL : (const uint16_t *)id;
}

void jf_icu_uenum_close(jf_icu_enum *ids) {
    if (ids != NULL) icu.uenum_close((UEnumeration *)ids);
}
