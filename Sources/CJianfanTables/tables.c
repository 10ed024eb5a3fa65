// The compiled tables live in tables.bin, written by `swift run jianfan-tables` from Data/.
// C23 #embed puts them into the binary, so a copied `jianfan` needs no resource bundle.
#include "jianfan_tables.h"

static const uint8_t jf_blob[] __attribute__((aligned(16))) = {
#embed "tables.bin"
};

const uint8_t *jf_tables_data(void) { return jf_blob; }
size_t jf_tables_size(void) { return sizeof jf_blob; }
