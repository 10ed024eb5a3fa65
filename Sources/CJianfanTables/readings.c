// ICU's default Mandarin reading of each Han character (Data/Readings/readings.bin, written by
// Data/Readings/compile-readings.py from ICU 72.1's Han-Latin transform, Unicode License; see
// Data/Readings/PROVENANCE.md), embedded so that the reading annotation step never opens the
// transform. A process that removes no annotation reads none of its pages.
#include "embed.h"
#include "jianfan_tables.h"

_Alignas(16) static const uint8_t readings[] = {
#embed "../../Data/Readings/readings.bin"
};

const uint8_t *jianfan_readings_data(void) { return readings; }
size_t jianfan_readings_size(void) { return sizeof readings; }
