#ifndef JIANFAN_ICU_API_H
#define JIANFAN_ICU_API_H
// The part of ICU's C API the shim calls, declared here so that building needs no ICU headers
// (macOS and iOS ship ICU as libicucore without them; Linux needs only the runtime package).
// Private to this target: it is not in include/, so no Swift module ever sees these types.
//
// Every declaration copies ICU's stable C API (utypes.h, parseerr.h, uenum.h, ustring.h,
// utrans.h, all stable since ICU 2.x; ucnv.h, ucnv_err.h and ucsdet.h for the encodings, stable
// since ICU 2.x and 3.6). `JIANFAN_ICU_CHECK_HEADERS` checks them against real
// headers: Scripts/build-without-icu-headers.sh compiles this file that way when headers exist.
#include <stddef.h>
#include <stdint.h>

/// Where a rule failed to parse: ICU's UParseError (U_PARSE_CONTEXT_LEN is 16).
typedef struct {
    int32_t line;
    int32_t offset;
    uint16_t preContext[16];
    uint16_t postContext[16];
} jianfan_uparse_error_layout;

#if defined(JIANFAN_ICU_CHECK_HEADERS)
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uregex.h>
#include <unicode/utext.h>
#include <unicode/utypes.h>
// Checking: the shim's names stand for ICU's own types, so that the function types below are
// compared with ICU's prototypes; the asserts at the end tie them to the declarations in #else.
typedef UChar jianfan_uchar;
typedef UErrorCode jianfan_uerror;
typedef UParseError jianfan_uparse_error;
typedef UTransDirection jianfan_udirection;
typedef UTransliterator jianfan_utrans;
typedef UEnumeration jianfan_uenum;
typedef UConverter jianfan_uconverter;
typedef UCharsetDetector jianfan_ucsdet;
typedef UCharsetMatch jianfan_ucsmatch;
typedef UConverterToUnicodeArgs jianfan_uto_args;
typedef UConverterFromUnicodeArgs jianfan_ufrom_args;
typedef UConverterCallbackReason jianfan_ucallback_reason;
typedef UConverterToUCallback jianfan_uto_callback;
typedef UConverterFromUCallback jianfan_ufrom_callback;
typedef URegularExpression jianfan_uregex;
typedef UText jianfan_utext;
#else
/// A UTF-16 code unit: ICU's UChar, which in C is uint16_t.
typedef uint16_t jianfan_uchar;
/// ICU's UErrorCode, an enum with negative values, so an int: 0 success, < 0 a warning, > 0 failure.
typedef int jianfan_uerror;
/// ICU's UTransDirection, an enum (forward 0, reverse 1): passed as an int.
typedef int jianfan_udirection;
typedef jianfan_uparse_error_layout jianfan_uparse_error;
/// Opaque ICU handles: UTransliterator and UEnumeration.
typedef struct jianfan_utrans jianfan_utrans;
typedef struct jianfan_uenum jianfan_uenum;
/// Opaque ICU handles of the encodings: UConverter, UCharsetDetector, UCharsetMatch, and the
/// argument blocks a converter hands its callbacks (passed through, never read).
typedef struct jianfan_uconverter jianfan_uconverter;
typedef struct jianfan_ucsdet jianfan_ucsdet;
typedef struct jianfan_ucsmatch jianfan_ucsmatch;
typedef struct jianfan_uto_args jianfan_uto_args;
typedef struct jianfan_ufrom_args jianfan_ufrom_args;
/// ICU's UConverterCallbackReason, an enum: unassigned 0, illegal 1, irregular 2, then reset,
/// close, clone (calls that report no error).
typedef int jianfan_ucallback_reason;
/// ICU's UConverterToUCallback and UConverterFromUCallback (UChar32 is int32_t).
typedef void (*jianfan_uto_callback)(const void *context, jianfan_uto_args *args,
    const char *codeUnits, int32_t length, jianfan_ucallback_reason reason, jianfan_uerror *pErrorCode);
typedef void (*jianfan_ufrom_callback)(const void *context, jianfan_ufrom_args *args,
    const jianfan_uchar *codeUnits, int32_t length, int32_t codePoint, jianfan_ucallback_reason reason,
    jianfan_uerror *pErrorCode);
/// Opaque ICU handles of the regular expressions: URegularExpression and UText.
typedef struct jianfan_uregex jianfan_uregex;
typedef struct jianfan_utext jianfan_utext;
#endif

// The UErrorCode and UTransDirection values the shim uses.
enum {
    JIANFAN_U_STRING_NOT_TERMINATED_WARNING = -124,
    JIANFAN_U_ZERO_ERROR = 0,
    JIANFAN_U_ILLEGAL_ARGUMENT_ERROR = 1,
    JIANFAN_U_FILE_ACCESS_ERROR = 4,
    JIANFAN_U_INVALID_CHAR_FOUND = 10,
    JIANFAN_U_TRUNCATED_CHAR_FOUND = 11,
    JIANFAN_U_ILLEGAL_CHAR_FOUND = 12,
    JIANFAN_U_ILLEGAL_ESCAPE_SEQUENCE = 18,
    JIANFAN_U_UNSUPPORTED_ESCAPE_SEQUENCE = 19,
    JIANFAN_U_MEMORY_ALLOCATION_ERROR = 7,
    JIANFAN_U_BUFFER_OVERFLOW_ERROR = 15,
    JIANFAN_U_INVALID_ID = 0x10021,
    JIANFAN_UTRANS_FORWARD = 0,
    JIANFAN_UTRANS_REVERSE = 1,
    JIANFAN_UCNV_IRREGULAR = 2,
};
/// UCNV_ESCAPE_XML_HEX, the context that makes UCNV_FROM_U_CALLBACK_ESCAPE write `&#x4E00;`.
#define JIANFAN_UCNV_ESCAPE_XML_HEX "X"
#define JIANFAN_U_FAILURE(code) ((code) > JIANFAN_U_ZERO_ERROR)

// F(library, name, return type, parameters) for every ICU function the shim calls; `library`
// is `uc` (libicuuc) or `i18n` (libicui18n). On Apple platforms both are libicucore.
#define JIANFAN_ICU_FUNCTIONS(F) \
    F(uc, u_errorName, const char *, (jianfan_uerror code)) \
    F(uc, u_strFromUTF8, jianfan_uchar *, (jianfan_uchar *dest, int32_t destCapacity, \
        int32_t *pDestLength, const char *src, int32_t srcLength, jianfan_uerror *pErrorCode)) \
    F(uc, uenum_close, void, (jianfan_uenum *en)) \
    F(uc, uenum_unext, const jianfan_uchar *, (jianfan_uenum *en, int32_t *resultLength, \
        jianfan_uerror *status)) \
    F(i18n, utrans_clone, jianfan_utrans *, (const jianfan_utrans *trans, jianfan_uerror *status)) \
    F(i18n, utrans_close, void, (jianfan_utrans *trans)) \
    F(i18n, utrans_openIDs, jianfan_uenum *, (jianfan_uerror *pErrorCode)) \
    F(i18n, utrans_openU, jianfan_utrans *, (const jianfan_uchar *id, int32_t idLength, \
        jianfan_udirection dir, const jianfan_uchar *rules, int32_t rulesLength, \
        jianfan_uparse_error *parseError, jianfan_uerror *pErrorCode)) \
    F(i18n, utrans_transUChars, void, (const jianfan_utrans *trans, jianfan_uchar *text, \
        int32_t *textLength, int32_t textCapacity, int32_t start, int32_t *limit, \
        jianfan_uerror *status))

// The encodings' functions: resolved like the others, but a library without them (an ICU
// built without converters or the charset detector) leaves transforms working; only
// --from-encoding and --to-encoding then report them missing.
#define JIANFAN_ICU_ENCODING_FUNCTIONS(F) \
    F(uc, ucnv_open, jianfan_uconverter *, (const char *converterName, jianfan_uerror *err)) \
    F(uc, ucnv_close, void, (jianfan_uconverter *converter)) \
    F(uc, ucnv_getName, const char *, (const jianfan_uconverter *converter, jianfan_uerror *err)) \
    F(uc, ucnv_convertEx, void, (jianfan_uconverter *targetCnv, jianfan_uconverter *sourceCnv, \
        char **target, const char *targetLimit, const char **source, const char *sourceLimit, \
        jianfan_uchar *pivotStart, jianfan_uchar **pivotSource, jianfan_uchar **pivotTarget, \
        const jianfan_uchar *pivotLimit, int8_t reset, int8_t flush, jianfan_uerror *pErrorCode)) \
    F(uc, ucnv_setToUCallBack, void, (jianfan_uconverter *converter, jianfan_uto_callback newAction, \
        const void *newContext, jianfan_uto_callback *oldAction, const void **oldContext, jianfan_uerror *err)) \
    F(uc, ucnv_setFromUCallBack, void, (jianfan_uconverter *converter, jianfan_ufrom_callback newAction, \
        const void *newContext, jianfan_ufrom_callback *oldAction, const void **oldContext, jianfan_uerror *err)) \
    F(uc, ucnv_getInvalidChars, void, (const jianfan_uconverter *converter, char *errBytes, int8_t *len, \
        jianfan_uerror *err)) \
    F(uc, ucnv_toUCountPending, int32_t, (const jianfan_uconverter *cnv, jianfan_uerror *status)) \
    F(uc, ucnv_getMinCharSize, int8_t, (const jianfan_uconverter *converter)) \
    F(uc, ucnv_getInvalidUChars, void, (const jianfan_uconverter *converter, jianfan_uchar *errUChars, \
        int8_t *len, jianfan_uerror *err)) \
    F(uc, UCNV_TO_U_CALLBACK_STOP, void, (const void *context, jianfan_uto_args *toUArgs, \
        const char *codeUnits, int32_t length, jianfan_ucallback_reason reason, jianfan_uerror *err)) \
    F(uc, UCNV_TO_U_CALLBACK_SUBSTITUTE, void, (const void *context, jianfan_uto_args *toUArgs, \
        const char *codeUnits, int32_t length, jianfan_ucallback_reason reason, jianfan_uerror *err)) \
    F(uc, UCNV_FROM_U_CALLBACK_STOP, void, (const void *context, jianfan_ufrom_args *fromUArgs, \
        const jianfan_uchar *codeUnits, int32_t length, int32_t codePoint, jianfan_ucallback_reason reason, \
        jianfan_uerror *err)) \
    F(uc, UCNV_FROM_U_CALLBACK_ESCAPE, void, (const void *context, jianfan_ufrom_args *fromUArgs, \
        const jianfan_uchar *codeUnits, int32_t length, int32_t codePoint, jianfan_ucallback_reason reason, \
        jianfan_uerror *err)) \
    F(i18n, ucsdet_open, jianfan_ucsdet *, (jianfan_uerror *status)) \
    F(i18n, ucsdet_close, void, (jianfan_ucsdet *ucsd)) \
    F(i18n, ucsdet_setText, void, (jianfan_ucsdet *ucsd, const char *textIn, int32_t len, jianfan_uerror *status)) \
    F(i18n, ucsdet_detectAll, const jianfan_ucsmatch **, (jianfan_ucsdet *ucsd, int32_t *matchesFound, \
        jianfan_uerror *status)) \
    F(i18n, ucsdet_getName, const char *, (const jianfan_ucsmatch *ucsm, jianfan_uerror *status)) \
    F(i18n, ucsdet_getConfidence, int32_t, (const jianfan_ucsmatch *ucsm, jianfan_uerror *status))

// The regular expressions' functions (uregex.h, utext.h; stable since ICU 4.6), resolved like the
// encodings': a library without them leaves the rest working; only --protect reports them missing.
#define JIANFAN_ICU_REGEX_FUNCTIONS(F) \
    F(i18n, uregex_open, jianfan_uregex *, (const jianfan_uchar *pattern, int32_t patternLength, \
        uint32_t flags, jianfan_uparse_error *pe, jianfan_uerror *status)) \
    F(i18n, uregex_clone, jianfan_uregex *, (const jianfan_uregex *regexp, jianfan_uerror *status)) \
    F(i18n, uregex_close, void, (jianfan_uregex *regexp)) \
    F(i18n, uregex_setUText, void, (jianfan_uregex *regexp, jianfan_utext *text, jianfan_uerror *status)) \
    F(i18n, uregex_setRegion64, void, (jianfan_uregex *regexp, int64_t regionStart, int64_t regionLimit, \
        jianfan_uerror *status)) \
    F(i18n, uregex_findNext, int8_t, (jianfan_uregex *regexp, jianfan_uerror *status)) \
    F(i18n, uregex_start64, int64_t, (jianfan_uregex *regexp, int32_t groupNum, jianfan_uerror *status)) \
    F(i18n, uregex_end64, int64_t, (jianfan_uregex *regexp, int32_t groupNum, jianfan_uerror *status)) \
    F(uc, utext_openUTF8, jianfan_utext *, (jianfan_utext *ut, const char *s, int64_t length, \
        jianfan_uerror *status)) \
    F(uc, utext_close, jianfan_utext *, (jianfan_utext *ut))

/// The functions, resolved by jianfan_icu_ensure_loaded: `jianfan_icu.utrans_openU(...)`.
typedef struct {
#define JIANFAN_ICU_POINTER(library, name, result, parameters) result(*name) parameters;
    JIANFAN_ICU_FUNCTIONS(JIANFAN_ICU_POINTER)
    JIANFAN_ICU_ENCODING_FUNCTIONS(JIANFAN_ICU_POINTER)
    JIANFAN_ICU_REGEX_FUNCTIONS(JIANFAN_ICU_POINTER)
#undef JIANFAN_ICU_POINTER
} jianfan_icu_functions;

#if defined(JIANFAN_ICU_CHECK_HEADERS)
// Each pointer above must have exactly the type of ICU's function (whose name the headers'
// renaming macros turn into e.g. utrans_openU_72), and each constant ICU's value.
#define JIANFAN_ICU_SAME_TYPE(library, name, result, parameters) \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&name), \
                   __typeof__(((jianfan_icu_functions *)0)->name)), #name " differs from ICU's");
JIANFAN_ICU_FUNCTIONS(JIANFAN_ICU_SAME_TYPE)
JIANFAN_ICU_ENCODING_FUNCTIONS(JIANFAN_ICU_SAME_TYPE)
JIANFAN_ICU_REGEX_FUNCTIONS(JIANFAN_ICU_SAME_TYPE)
#undef JIANFAN_ICU_SAME_TYPE
_Static_assert(__builtin_types_compatible_p(UBool, int8_t), "UBool is int8_t");
_Static_assert(__builtin_types_compatible_p(UChar32, int32_t), "UChar32 is int32_t");
_Static_assert(sizeof(UConverterCallbackReason) == sizeof(int), "UConverterCallbackReason is passed as an int");
_Static_assert(JIANFAN_U_FILE_ACCESS_ERROR == U_FILE_ACCESS_ERROR, "");
_Static_assert(JIANFAN_U_INVALID_CHAR_FOUND == U_INVALID_CHAR_FOUND, "");
_Static_assert(JIANFAN_U_TRUNCATED_CHAR_FOUND == U_TRUNCATED_CHAR_FOUND, "");
_Static_assert(JIANFAN_U_ILLEGAL_CHAR_FOUND == U_ILLEGAL_CHAR_FOUND, "");
_Static_assert(JIANFAN_U_ILLEGAL_ESCAPE_SEQUENCE == U_ILLEGAL_ESCAPE_SEQUENCE, "");
_Static_assert(JIANFAN_U_UNSUPPORTED_ESCAPE_SEQUENCE == U_UNSUPPORTED_ESCAPE_SEQUENCE, "");
_Static_assert(JIANFAN_UCNV_IRREGULAR == UCNV_IRREGULAR, "");
_Static_assert(__builtin_types_compatible_p(UChar, uint16_t), "UChar is uint16_t");
_Static_assert(__builtin_types_compatible_p(UErrorCode, int), "UErrorCode is an int");
_Static_assert(sizeof(UTransDirection) == sizeof(int), "UTransDirection is passed as an int");
_Static_assert(sizeof(UParseError) == sizeof(jianfan_uparse_error_layout), "UParseError's size");
_Static_assert(offsetof(UParseError, offset) == offsetof(jianfan_uparse_error_layout, offset), "");
_Static_assert(offsetof(UParseError, preContext) == offsetof(jianfan_uparse_error_layout, preContext), "");
_Static_assert(offsetof(UParseError, postContext) == offsetof(jianfan_uparse_error_layout, postContext), "");
_Static_assert(JIANFAN_U_STRING_NOT_TERMINATED_WARNING == U_STRING_NOT_TERMINATED_WARNING, "");
_Static_assert(JIANFAN_U_ZERO_ERROR == U_ZERO_ERROR, "");
_Static_assert(JIANFAN_U_ILLEGAL_ARGUMENT_ERROR == U_ILLEGAL_ARGUMENT_ERROR, "");
_Static_assert(JIANFAN_U_MEMORY_ALLOCATION_ERROR == U_MEMORY_ALLOCATION_ERROR, "");
_Static_assert(JIANFAN_U_BUFFER_OVERFLOW_ERROR == U_BUFFER_OVERFLOW_ERROR, "");
_Static_assert(JIANFAN_U_INVALID_ID == U_INVALID_ID, "");
_Static_assert(JIANFAN_UTRANS_FORWARD == UTRANS_FORWARD, "");
_Static_assert(JIANFAN_UTRANS_REVERSE == UTRANS_REVERSE, "");
#endif

/// ICU's functions once loaded (see icu_library.c).
__attribute__((visibility("hidden")))
extern jianfan_icu_functions jianfan_icu;

/// Loads ICU on the first call (thread-safe) and returns 1, or returns 0 and copies why it
/// cannot into `reason` (NUL-terminated, truncated to `capacity`; NULL/0 to ignore).
__attribute__((visibility("hidden")))
int jianfan_icu_ensure_loaded(char *reason, size_t capacity);

/// Like jianfan_icu_ensure_loaded, and the encodings' functions were found too.
__attribute__((visibility("hidden")))
int jianfan_icu_encodings_loaded(char *reason, size_t capacity);

/// Like jianfan_icu_ensure_loaded, and the regular expressions' functions were found too.
__attribute__((visibility("hidden")))
int jianfan_icu_regex_loaded(char *reason, size_t capacity);

/// Copies `text` into a caller's buffer, NUL-terminated and truncated to fit.
__attribute__((visibility("hidden")))
void jianfan_icu_copy_text(const char *text, char *buffer, size_t capacity);

#endif
