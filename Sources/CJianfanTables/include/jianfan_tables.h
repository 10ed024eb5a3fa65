#ifndef JIANFAN_TABLES_H
#define JIANFAN_TABLES_H
#include <stddef.h>
#include <stdint.h>

/// The compiled conversion tables (see Sources/Jianfan/Tables/TableFormat.swift), 16-byte aligned.
const uint8_t *jianfan_tables_data(void);
/// Size in bytes of the compiled tables.
size_t jianfan_tables_size(void);

#endif
