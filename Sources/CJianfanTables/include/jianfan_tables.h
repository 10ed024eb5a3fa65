#ifndef JIANFAN_TABLES_H
#define JIANFAN_TABLES_H
#include <stddef.h>
#include <stdint.h>

/// The compiled conversion tables (see Sources/Jianfan/Tables/TableFormat.swift), 16-byte aligned.
const uint8_t *jf_tables_data(void);
/// Size in bytes of the compiled tables.
size_t jf_tables_size(void);

/// One file of Data/ embedded in the library: its name (`STPhrases.txt`, `s2t.json`) and bytes.
typedef struct {
    const char *name;
    const uint8_t *bytes;
    size_t size;
} jf_embedded_file;

/// Every embedded file of Data/ (OpenCC's text dictionaries and config files); `count` is set
/// to their number.
const jf_embedded_file *jf_embedded_files(size_t *count);

#endif
