#ifndef JIANFAN_ICU_H
#define JIANFAN_ICU_H
// A thin C shim over ICU's transliterator API.
//
// No ICU header is needed to build it, and none reaches Swift: the Swift toolchain's Foundation
// ships its own ICU, and system ICU types (UErrorCode, UChar, ...) seen by the same Swift module
// clash with it. Handles are therefore opaque and text is plain uint16_t (UTF-16) or char (UTF-8).
// The shim declares the ICU functions it calls itself (icu_api.h, private to the target).
//
// Naming: every C function of this package starts with `jianfan_`; here `jianfan_icu_foo` wraps
// ICU's `utrans_foo`, and `jianfan_icu_uenum_foo` wraps `uenum_foo`.
//
// Errors: functions that can fail take `error_name`/`error_capacity`, a caller buffer that
// receives ICU's u_errorName() (e.g. "U_INVALID_ID"), NUL-terminated and truncated to fit.
// The buffer may be NULL (capacity 0) when the caller does not care.
//
// ICU's libraries are found at run time, at the first call that needs them (from any thread):
// libicucore on Apple platforms, libicuuc.so.NN/libicui18n.so.NN elsewhere (see icu_library.c).
// If they cannot be, jianfan_icu_available says why, and the functions that open handles fail
// with that reason instead of an ICU error name.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Loads ICU if that has not happened yet and returns 1; or returns 0 and writes why it cannot be
/// loaded into `reason`, e.g. "ICU's libraries were not found (looked for libicuuc.so.99 down to
/// .50, and libicuuc.so)". Call it before opening handles to tell "no ICU" from a bad ID.
int jianfan_icu_available(char *reason, size_t reason_capacity);

/// The library ICU was loaded from ("libicuuc.so.72", "/usr/lib/libicucore.A.dylib"), or NULL
/// when ICU is unavailable. Loads ICU if needed.
const char *jianfan_icu_library(void);

/// Whether the shim could use ICU from these two libraries (names or paths as dlopen takes them;
/// the same name twice for libicucore): opens them, resolves every function the shim calls, and
/// closes them again. On failure writes why into `reason`. For tests of the search; the
/// process's own ICU is unaffected.
int jianfan_icu_probe(const char *uc_library, const char *i18n_library,
                      char *reason, size_t reason_capacity);

/// An ICU transliterator (a `UTransliterator *`). Not safe for concurrent use: clone per thread.
typedef struct jianfan_icu_trans jianfan_icu_trans;
/// An enumeration of transliterator IDs (a `UEnumeration *`).
typedef struct jianfan_icu_enum jianfan_icu_enum;

/// Opens a transliterator from a UTF-16 ID such as "Hans-Hant" or "Hans-Hant; Fullwidth-Halfwidth".
/// `id_length` counts UTF-16 units (-1: NUL-terminated); a U+0000 inside it fails with
/// U_INVALID_ID rather than letting ICU ignore the rest. `reverse` non-zero opens the inverse
/// (UTRANS_REVERSE). Returns NULL on failure.
jianfan_icu_trans *jianfan_icu_openU(const uint16_t *id, int32_t id_length, int reverse,
                           char *error_name, size_t error_capacity);

/// Like jianfan_icu_openU but the ID is UTF-8 (`id_length` bytes, or -1 if NUL-terminated).
/// Unlike ICU's deprecated utrans_open, any UTF-8 is accepted, not just invariant characters.
jianfan_icu_trans *jianfan_icu_open(const char *id, int32_t id_length, int reverse,
                          char *error_name, size_t error_capacity);

/// Returns an independent copy that may be used on another thread. NULL on failure.
jianfan_icu_trans *jianfan_icu_clone(const jianfan_icu_trans *trans, char *error_name, size_t error_capacity);

/// Frees a transliterator. NULL is ignored.
void jianfan_icu_close(jianfan_icu_trans *trans);

/// Transliterates `source[0 ..< source_length]` (UTF-16) in one call.
///
/// Returns a malloc'ed buffer holding the result (free it with jianfan_icu_free) and stores its length
/// in `*result_length`; returns NULL on failure. `capacity_hint` is the buffer size to try first
/// (values below `source_length` are raised to it): if ICU reports U_BUFFER_OVERFLOW_ERROR the
/// whole transliteration is redone in a buffer of exactly the size ICU asked for, so a good hint
/// saves work but a bad one costs only time.
uint16_t *jianfan_icu_transUChars(const jianfan_icu_trans *trans,
                             const uint16_t *source, int32_t source_length,
                             int32_t capacity_hint, int32_t *result_length,
                             char *error_name, size_t error_capacity);

/// Frees a buffer returned by jianfan_icu_transUChars.
void jianfan_icu_free(void *buffer);

/// Opens an enumeration of all registered transliterator IDs. NULL on failure.
jianfan_icu_enum *jianfan_icu_openIDs(char *error_name, size_t error_capacity);

/// The next ID as UTF-16 (valid until the next call), its length in `*length`; NULL at the end.
const uint16_t *jianfan_icu_uenum_unext(jianfan_icu_enum *ids, int32_t *length);

/// Frees an enumeration. NULL is ignored.
void jianfan_icu_uenum_close(jianfan_icu_enum *ids);

#ifdef __cplusplus
}
#endif

// Encodings: ICU's converters and charset detector.
#include "jianfan_icu_encoding.h"
#endif
