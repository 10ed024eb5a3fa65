#ifndef JIANFAN_ICU_H
#define JIANFAN_ICU_H
// A thin C shim over ICU's transliterator API.
//
// This header deliberately includes no <unicode/...> header: the Swift toolchain's Foundation
// ships its own ICU, and system ICU types (UErrorCode, UChar, ...) seen by the same Swift module
// clash with it. Handles are therefore opaque and text is plain uint16_t (UTF-16) or char (UTF-8).
//
// Naming: `jf_icu_foo` wraps ICU's `utrans_foo`; `jf_icu_uenum_foo` wraps `uenum_foo`.
//
// Errors: functions that can fail take `error_name`/`error_capacity`, a caller buffer that
// receives ICU's u_errorName() (e.g. "U_INVALID_ID"), NUL-terminated and truncated to fit.
// The buffer may be NULL (capacity 0) when the caller does not care.
//
// ICU's libraries are loaded at the first jf_icu_open, jf_icu_openU or jf_icu_openIDs (from any
// thread). If they cannot be, those fail with a message instead of an ICU error name, such as
// "ICU is unavailable: libicuuc.so.72: cannot open shared object file: No such file or directory".
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU transliterator (a `UTransliterator *`). Not safe for concurrent use: clone per thread.
typedef struct jf_icu_trans jf_icu_trans;
/// An enumeration of transliterator IDs (a `UEnumeration *`).
typedef struct jf_icu_enum jf_icu_enum;

/// Opens a transliterator from a UTF-16 ID such as "Hans-Hant" or "Hans-Hant; Fullwidth-Halfwidth".
/// `id_length` counts UTF-16 units (-1: NUL-terminated); a U+0000 inside it fails with
/// U_INVALID_ID rather than letting ICU ignore the rest. `reverse` non-zero opens the inverse
/// (UTRANS_REVERSE). Returns NULL on failure.
jf_icu_trans *jf_icu_openU(const uint16_t *id, int32_t id_length, int reverse,
                           char *error_name, size_t error_capacity);

/// Like jf_icu_openU but the ID is UTF-8 (`id_length` bytes, or -1 if NUL-terminated).
/// Unlike ICU's deprecated utrans_open, any UTF-8 is accepted, not just invariant characters.
jf_icu_trans *jf_icu_open(const char *id, int32_t id_length, int reverse,
                          char *error_name, size_t error_capacity);

/// Returns an independent copy that may be used on another thread. NULL on failure.
jf_icu_trans *jf_icu_clone(const jf_icu_trans *trans, char *error_name, size_t error_capacity);

/// Frees a transliterator. NULL is ignored.
void jf_icu_close(jf_icu_trans *trans);

/// Transliterates `source[0 ..< source_length]` (UTF-16) in one call.
///
/// Returns a malloc'ed buffer holding the result (free it with jf_icu_free) and stores its length
/// in `*result_length`; returns NULL on failure. `capacity_hint` is the buffer size to try first
/// (values below `source_length` are raised to it): if ICU reports U_BUFFER_OVERFLOW_ERROR the
/// whole transliteration is redone in a buffer of exactly the size ICU asked for, so a good hint
/// saves work but a bad one costs only time.
uint16_t *jf_icu_transUChars(const jf_icu_trans *trans,
                             const uint16_t *source, int32_t source_length,
                             int32_t capacity_hint, int32_t *result_length,
                             char *error_name, size_t error_capacity);

/// Frees a buffer returned by jf_icu_transUChars.
void jf_icu_free(void *buffer);

/// Opens an enumeration of all registered transliterator IDs. NULL on failure.
jf_icu_enum *jf_icu_openIDs(char *error_name, size_t error_capacity);

/// The next ID as UTF-16 (valid until the next call), its length in `*length`; NULL at the end.
const uint16_t *jf_icu_uenum_unext(jf_icu_enum *ids, int32_t *length);

/// Frees an enumeration. NULL is ignored.
void jf_icu_uenum_close(jf_icu_enum *ids);

#ifdef __cplusplus
}
#endif
#endif
