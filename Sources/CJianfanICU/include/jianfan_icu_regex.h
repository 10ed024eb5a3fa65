#ifndef JIANFAN_ICU_REGEX_H
#define JIANFAN_ICU_REGEX_H
// ICU regular expressions (uregex_*) over UTF-8 text, with the same rules as jianfan_icu.h: no
// ICU type in sight, errors as text, ICU found at run time.
//
// The text is read through a UTF-8 UText, so every offset in and out is a byte offset into it.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A compiled pattern with the text it searches (a `URegularExpression *` and a `UText *`).
/// Not safe for concurrent use: clone per thread.
typedef struct jianfan_icu_regex jianfan_icu_regex;

/// Whether ICU's regular expressions can be used; if not, writes why into `reason`.
int jianfan_icu_regex_available(char *reason, size_t reason_capacity);

/// Compiles a UTF-8 pattern of `length` bytes. NULL on failure: `error_name` then holds ICU's
/// error ("U_REGEX_MISSING_CLOSE_BRACKET") or why ICU is unavailable, and `*error_offset` the
/// offset in the pattern (UTF-16 units, as ICU counts; -1 when there is none).
jianfan_icu_regex *jianfan_icu_regex_open(const char *pattern, int32_t length, int32_t *error_offset,
                                          char *error_name, size_t error_capacity);

/// An independent copy (without text) for another thread. NULL on failure.
jianfan_icu_regex *jianfan_icu_regex_clone(const jianfan_icu_regex *regex, char *error_name, size_t error_capacity);

/// Frees a regular expression. NULL is ignored.
void jianfan_icu_regex_close(jianfan_icu_regex *regex);

/// Searches `text[0 ..< length]` (valid UTF-8, kept alive by the caller until the next call) from
/// now on. Returns 1, or 0 with ICU's error in `error_name`.
int jianfan_icu_regex_set_text(jianfan_icu_regex *regex, const char *text, int64_t length,
                               char *error_name, size_t error_capacity);

/// Limits the search to bytes `start ..< end` of the text (`^` and `$` match at its ends,
/// lookaround sees nothing outside it) and starts it again from `start`.
int jianfan_icu_regex_set_region(jianfan_icu_regex *regex, int64_t start, int64_t end,
                                 char *error_name, size_t error_capacity);

/// The next match in the region: returns 1 and its byte range, 0 when there is none, -1 on an
/// error (in `error_name`; e.g. U_REGEX_TIME_OUT is not set, so only memory or stack limits).
int jianfan_icu_regex_find_next(jianfan_icu_regex *regex, int64_t *start, int64_t *end,
                                char *error_name, size_t error_capacity);

#ifdef __cplusplus
}
#endif

#endif
