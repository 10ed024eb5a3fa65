// The compiled tables live in tables.bin, written by `swift run jianfan-tables` from Data/.
// C23 #embed puts them into the binary, so a copied `jianfan` needs no resource bundle.
#include "embed.h"
#include "jianfan_tables.h"

static const uint8_t blob[] __attribute__((aligned(16))) = {
#embed "tables.bin"
};

const uint8_t *jianfan_tables_data(void) { return blob; }
size_t jianfan_tables_size(void) { return sizeof blob; }
