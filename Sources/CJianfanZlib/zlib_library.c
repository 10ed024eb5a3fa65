// Finding zlib at run time, as icu_library.c finds ICU: only a process that converts a zip
// document needs zlib, and building needs no zlib header. Every Linux distribution installs
// libz.so.1 (the runtime package, without the unversioned development symlink); Apple
// platforms carry /usr/lib/libz.1.dylib (in the shared cache, which dlopen reads).
#include "jianfan_zlib.h"
#include "zlib_api.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

jianfan_zlib_functions jianfan_zlib;
static int zlib_loaded;
static char load_error[256];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static int open_library(const char *name, char *reason, size_t capacity) {
    void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(reason, capacity, "%s", why != NULL ? why : name);
        return 0;
    }
#define JIANFAN_ZLIB_RESOLVE(name, result, parameters) \
    jianfan_zlib.name = (result(*) parameters)dlsym(library, #name); \
    if (jianfan_zlib.name == NULL) { \
        snprintf(reason, capacity, "%s has no %s", name_of_library, #name); \
        dlclose(library); \
        return 0; \
    }
    const char *name_of_library = name;
    JIANFAN_ZLIB_FUNCTIONS(JIANFAN_ZLIB_RESOLVE)
#undef JIANFAN_ZLIB_RESOLVE
    return 1;
}

static void load(void) {
    char why[200] = "";
#if defined(__APPLE__)
    if ((zlib_loaded = open_library("/usr/lib/libz.1.dylib", why, sizeof why))) return;
    if ((zlib_loaded = open_library("libz.1.dylib", why, sizeof why))) return;
#else
    if ((zlib_loaded = open_library("libz.so.1", why, sizeof why))) return;
    if ((zlib_loaded = open_library("libz.so", why, sizeof why))) return;
#endif
    snprintf(load_error, sizeof load_error, "zlib could not be loaded (%s)", why);
}

int jianfan_zlib_ensure_loaded(char *reason, size_t capacity) {
    pthread_once(&load_once, load);
    if (!zlib_loaded && reason != NULL && capacity > 0) snprintf(reason, capacity, "%s", load_error);
    return zlib_loaded;
}

int jianfan_zlib_available(char *reason, size_t capacity) {
    return jianfan_zlib_ensure_loaded(reason, capacity);
}
