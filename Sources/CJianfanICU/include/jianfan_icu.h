#ifndef JIANFAN_ICU_H
#define JIANFAN_ICU_H
#include <stdint.h>
// Placeholder; the ICU shim is written next.
#endif
