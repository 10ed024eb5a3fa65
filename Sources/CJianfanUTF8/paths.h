#ifndef JIANFAN_UTF8_PATHS_H
#define JIANFAN_UTF8_PATHS_H
// The two switches tests use to choose a path (jianfan_utf8_force_portable and
// jianfan_utf8_disable_avx2), for the files of this target that read them on every call of a
// function called hundreds of thousands of times a second (find_bytes.c): inline, not through a
// call. Not in include/: Swift never sees them.
#include <stdatomic.h>

extern atomic_bool jianfan_utf8_portable_flag;
extern atomic_bool jianfan_utf8_avx2_flag;

#endif
