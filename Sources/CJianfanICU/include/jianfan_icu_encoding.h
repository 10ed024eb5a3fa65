#ifndef JIANFAN_ICU_ENCODING_H
#define JIANFAN_ICU_ENCODING_H
// Character encodings through ICU's converters (ucnv_*) and charset detector (ucsdet_*), with
// the same rules as jianfan_icu.h: no ICU type in sight, errors as text, ICU found at run time.
//
// A transcoder turns one encoding into UTF-8 (decoding) or UTF-8 into one encoding (encoding),
// a chunk at a time: ICU's converter keeps a sequence cut by a chunk boundary until the next
// chunk, so memory stays bounded whatever the input's size. Both directions go through
// ucnv_convertEx with a UTF-16 pivot the transcoder owns.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One direction of conversion between a named encoding and UTF-8 (two `UConverter *` and
/// their pivot). Not safe for concurrent use: one per thread.
typedef struct jianfan_icu_transcoder jianfan_icu_transcoder;

/// Whether ICU's converters and charset detector can be used; if not, writes why into `reason`.
int jianfan_icu_encodings_available(char *reason, size_t reason_capacity);

/// Opens a transcoder for the encoding ICU calls `name` (any of its aliases: "GB18030",
/// "big5", "Shift_JIS", "UTF-16LE"…). `encode` non-zero: UTF-8 to `name`; zero: `name` to
/// UTF-8. `lossy` non-zero: an invalid input sequence becomes U+FFFD (decoding), a character the
/// encoding lacks becomes an XML hex reference `&#x4E00;` (encoding), each counted; zero: either
/// stops the conversion (JIANFAN_ICU_INVALID). `canonical` receives ICU's own name of the
/// encoding (ucnv_getName: "GB18030", "UTF-16LE", "ibm-1375_P100-2008"), may be NULL. NULL on
/// failure; `error_name` then holds ICU's error ("U_FILE_ACCESS_ERROR" for an unknown name) or
/// why ICU is unavailable.
jianfan_icu_transcoder *jianfan_icu_transcoder_open(const char *name, int encode, int lossy,
                                                    char *canonical, size_t canonical_capacity,
                                                    char *error_name, size_t error_capacity);

/// Frees a transcoder. NULL is ignored.
void jianfan_icu_transcoder_close(jianfan_icu_transcoder *transcoder);

/// What jianfan_icu_transcode returns.
enum {
    /// All of the source was taken (with `flush`, and all of it written).
    JIANFAN_ICU_DONE = 0,
    /// The target is full: call again with more room and the rest of the source.
    JIANFAN_ICU_FULL = 1,
    /// An invalid input sequence (decoding) or a character the encoding lacks (encoding), not
    /// lossy: see jianfan_icu_transcoder_fault. The transcoder is not usable afterwards.
    JIANFAN_ICU_INVALID = 2,
    /// Another ICU failure; `error_name` says which.
    JIANFAN_ICU_FAILED = 3,
};

/// Converts from `*source` up to `source_limit` into `*target` up to `target_limit`, advancing
/// both. `flush` non-zero says the source ends here: a sequence left incomplete is then invalid.
/// Bytes of a sequence cut by `source_limit` are kept for the next call.
int jianfan_icu_transcode(jianfan_icu_transcoder *transcoder,
                          const char **source, const char *source_limit,
                          char **target, char *target_limit, int flush,
                          char *error_name, size_t error_capacity);

/// Where and what the failure of a JIANFAN_ICU_INVALID was.
typedef struct {
    /// Decoding: the byte offset of the invalid sequence from the start of the input.
    /// Encoding: the offset in the UTF-8 input of the character the encoding lacks.
    int64_t offset;
    /// Encoding: the 1-based line of that character (line feeds before it, plus one).
    int64_t line;
    /// Encoding: the character, a Unicode scalar value.
    uint32_t scalar;
    /// Decoding: the bytes of the invalid sequence (up to 8), and how many there are.
    uint8_t bytes[8];
    int32_t length;
} jianfan_icu_fault;

/// The last JIANFAN_ICU_INVALID's details.
jianfan_icu_fault jianfan_icu_transcoder_fault(const jianfan_icu_transcoder *transcoder);

/// How many sequences (decoding) or characters (encoding) a lossy transcoder replaced.
int64_t jianfan_icu_transcoder_substitutions(const jianfan_icu_transcoder *transcoder);

/// ICU's charset detector on `bytes`: of the candidates it reports, the one with the highest
/// confidence whose name is among `allowed` (ICU's detector names: "GB18030", "Big5",
/// "Shift_JIS", "UTF-16LE"…). Returns its index in `allowed` and stores its confidence (0–100),
/// or -1 when none is reported (or ICU fails; `error_name` then says why).
int32_t jianfan_icu_detect(const char *bytes, int32_t length,
                           const char *const *allowed, int32_t allowed_count, int32_t *confidence,
                           char *error_name, size_t error_capacity);

#ifdef __cplusplus
}
#endif
#endif
