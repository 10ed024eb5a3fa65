#ifndef JIANFAN_TABLES_H
#define JIANFAN_TABLES_H
#include <stddef.h>
#include <stdint.h>

/// The compiled conversion tables (see Sources/Jianfan/Tables/TableFormat.swift), 16-byte aligned.
const uint8_t *jianfan_tables_data(void);
/// Size in bytes of the compiled tables.
size_t jianfan_tables_size(void);

/// One file of Data/ embedded in the library: its name (`STPhrases.txt`, `s2t.json`) and bytes.
typedef struct {
    const char *name;
    const uint8_t *bytes;
    size_t size;
} jianfan_embedded_file;

/// Every embedded file of Data/ (OpenCC's text dictionaries and config files); `count` is set
/// to their number.
const jianfan_embedded_file *jianfan_embedded_files(size_t *count);

/// The word segmenter's lexicon (see Sources/Jianfan/Segmentation/Lexicon.swift), 16-byte aligned.
const uint8_t *jianfan_words_data(void);
/// Size in bytes of the lexicon.
size_t jianfan_words_size(void);

/// ICU's default Mandarin reading per Han character (see Sources/Jianfan/Normalize/HanReadings.swift),
/// 16-byte aligned.
const uint8_t *jianfan_readings_data(void);
/// Size in bytes of the readings.
size_t jianfan_readings_size(void);

#endif
