// Regular expressions through ICU: a compiled pattern and a UTF-8 UText over the caller's bytes,
// so that match offsets are byte offsets with no conversion of the text. ICU is loaded by
// icu_library.c.
#include "jianfan_icu_regex.h"
#include "icu_api.h"

#include <stdlib.h>

struct jianfan_icu_regex {
    jianfan_uregex *pattern;
    jianfan_utext *text;   // opened on the first set_text, reopened in place afterwards
};

static void report(jianfan_uerror status, char *error_name, size_t error_capacity) {
    jianfan_icu_copy_text(jianfan_icu.u_errorName(status), error_name, error_capacity);
}

static jianfan_icu_regex *wrap(jianfan_uregex *pattern, char *error_name, size_t error_capacity) {
    jianfan_icu_regex *regex = calloc(1, sizeof *regex);
    if (regex == NULL) {
        jianfan_icu.uregex_close(pattern);
        report(JIANFAN_U_MEMORY_ALLOCATION_ERROR, error_name, error_capacity);
        return NULL;
    }
    regex->pattern = pattern;
    return regex;
}

int jianfan_icu_regex_available(char *reason, size_t reason_capacity) {
    return jianfan_icu_regex_loaded(reason, reason_capacity);
}

jianfan_icu_regex *jianfan_icu_regex_open(const char *pattern, int32_t length, int32_t *error_offset,
                                          char *error_name, size_t error_capacity) {
    *error_offset = -1;
    if (!jianfan_icu_regex_loaded(error_name, error_capacity)) return NULL;
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    int32_t units = 0;
    jianfan_icu.u_strFromUTF8(NULL, 0, &units, pattern, length, &status);
    if (status == JIANFAN_U_BUFFER_OVERFLOW_ERROR || status == JIANFAN_U_STRING_NOT_TERMINATED_WARNING) {
        status = JIANFAN_U_ZERO_ERROR;
    }
    if (JIANFAN_U_FAILURE(status)) {
        report(status, error_name, error_capacity);
        return NULL;
    }
    jianfan_uchar *utf16 = malloc(sizeof(jianfan_uchar) * ((size_t)units + 1));
    if (utf16 == NULL) {
        report(JIANFAN_U_MEMORY_ALLOCATION_ERROR, error_name, error_capacity);
        return NULL;
    }
    jianfan_icu.u_strFromUTF8(utf16, units + 1, &units, pattern, length, &status);
    jianfan_uparse_error where = {0};
    jianfan_uregex *compiled = NULL;
    if (!JIANFAN_U_FAILURE(status)) {
        compiled = jianfan_icu.uregex_open(utf16, units, 0, &where, &status);
    }
    free(utf16);
    if (JIANFAN_U_FAILURE(status)) {
        if (compiled != NULL) jianfan_icu.uregex_close(compiled);
        *error_offset = where.offset;
        report(status, error_name, error_capacity);
        return NULL;
    }
    return wrap(compiled, error_name, error_capacity);
}

jianfan_icu_regex *jianfan_icu_regex_clone(const jianfan_icu_regex *regex, char *error_name, size_t error_capacity) {
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    jianfan_uregex *copy = jianfan_icu.uregex_clone(regex->pattern, &status);
    if (JIANFAN_U_FAILURE(status)) {
        if (copy != NULL) jianfan_icu.uregex_close(copy);
        report(status, error_name, error_capacity);
        return NULL;
    }
    return wrap(copy, error_name, error_capacity);
}

void jianfan_icu_regex_close(jianfan_icu_regex *regex) {
    if (regex == NULL) return;
    jianfan_icu.uregex_close(regex->pattern);
    if (regex->text != NULL) jianfan_icu.utext_close(regex->text);
    free(regex);
}

int jianfan_icu_regex_set_text(jianfan_icu_regex *regex, const char *text, int64_t length,
                               char *error_name, size_t error_capacity) {
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    // An empty text still needs a readable pointer.
    static const char nothing = 0;
    jianfan_utext *opened = jianfan_icu.utext_openUTF8(regex->text, length > 0 ? text : &nothing, length, &status);
    if (JIANFAN_U_FAILURE(status)) {
        report(status, error_name, error_capacity);
        return 0;
    }
    regex->text = opened;
    jianfan_icu.uregex_setUText(regex->pattern, opened, &status);
    if (JIANFAN_U_FAILURE(status)) {
        report(status, error_name, error_capacity);
        return 0;
    }
    return 1;
}

int jianfan_icu_regex_set_region(jianfan_icu_regex *regex, int64_t start, int64_t end,
                                 char *error_name, size_t error_capacity) {
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    jianfan_icu.uregex_setRegion64(regex->pattern, start, end, &status);
    if (JIANFAN_U_FAILURE(status)) {
        report(status, error_name, error_capacity);
        return 0;
    }
    return 1;
}

int jianfan_icu_regex_find_next(jianfan_icu_regex *regex, int64_t *start, int64_t *end,
                                char *error_name, size_t error_capacity) {
    jianfan_uerror status = JIANFAN_U_ZERO_ERROR;
    if (!jianfan_icu.uregex_findNext(regex->pattern, &status)) {
        if (!JIANFAN_U_FAILURE(status)) return 0;
        report(status, error_name, error_capacity);
        return -1;
    }
    *start = jianfan_icu.uregex_start64(regex->pattern, 0, &status);
    *end = jianfan_icu.uregex_end64(regex->pattern, 0, &status);
    if (JIANFAN_U_FAILURE(status)) {
        report(status, error_name, error_capacity);
        return -1;
    }
    return 1;
}
