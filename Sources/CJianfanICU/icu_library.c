// Finding ICU at run time. ICU is opened at first use, not linked: linked, its two libraries
// cost every `jianfan` process about 1.5 MB of memory and a fifth of its start-up (their symbol
// relocations), though only ICU transforms use them. And not linking means building needs no ICU
// at all: the declarations are in icu_api.h.
//
// Where ICU is:
// - Apple platforms: libicucore, one library with unversioned symbols (utrans_openU).
// - Elsewhere: libicuuc.so.NN and libicui18n.so.NN, whose symbols carry the major version
//   (utrans_openU_72) unless ICU was built with --disable-renaming. The runtime package installs
//   only the versioned names, so majors are probed newest first; the unversioned libicuuc.so
//   (development package) comes last. A failed dlopen of a missing file costs a few system
//   calls: the 27 majors above ICU 72 took 1.0–1.1 ms here (7 ms once, under load), once per
//   process that uses ICU, beside the 12–26 ms that loading ICU itself takes.
#include "jianfan_icu.h"
#include "icu_api.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum { NEWEST_MAJOR = 99, OLDEST_MAJOR = 50 };

jianfan_icu_functions jianfan_icu;
static int icu_loaded;
static char load_error[256];
static char loaded_library[64];
// Empty when the encodings' functions resolved; else which one is missing.
static char encodings_missing[96];
// Empty when the regular expressions' functions resolved; else which one is missing.
static char regex_missing[96];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

void jianfan_icu_copy_text(const char *text, char *buffer, size_t capacity) {
    if (buffer == NULL || capacity == 0) return;
    size_t length = strlen(text);
    if (length >= capacity) length = capacity - 1;
    memcpy(buffer, text, length);
    buffer[length] = '\0';
}

// Whether `uc` exports u_errorName with `suffix`; ICU renames all its symbols alike.
static int has_suffix(void *uc, const char *suffix) {
    char symbol[48];
    snprintf(symbol, sizeof symbol, "u_errorName%s", suffix);
    return dlsym(uc, symbol) != NULL;
}

// The symbol suffix of the ICU in `uc`: "_NN" for its major (tried first when the file name
// told it), or "" for an unrenamed build. 0 when it is no ICU this shim can use.
static int find_suffix(void *uc, int major, char *suffix, size_t capacity) {
    if (major > 0) {
        snprintf(suffix, capacity, "_%d", major);
        if (has_suffix(uc, suffix)) return 1;
    }
    snprintf(suffix, capacity, "%s", "");
    if (has_suffix(uc, suffix)) return 1;
    for (int m = NEWEST_MAJOR; m >= OLDEST_MAJOR; m--) {
        snprintf(suffix, capacity, "_%d", m);
        if (has_suffix(uc, suffix)) return 1;
    }
    return 0;
}

// Opens one pair of libraries (`major` is 0 when the names do not carry it), resolves every
// function into `into` and stores the two handles in `opened`. On failure closes what it opened,
// writes why into `reason` and returns 0.
// `missing` receives the first of the encodings' functions that is absent (empty when none is).
static int open_pair(const char *uc_name, const char *i18n_name, int major,
                     jianfan_icu_functions *into, void *opened[2], char *reason, size_t capacity,
                     char *missing, size_t missing_capacity, char *regex_absent, size_t regex_capacity) {
    void *uc = dlopen(uc_name, RTLD_NOW | RTLD_LOCAL);
    if (uc == NULL) {
        const char *why = dlerror();
        snprintf(reason, capacity, "%s", why != NULL ? why : uc_name);
        return 0;
    }
    void *i18n = strcmp(uc_name, i18n_name) == 0 ? uc : dlopen(i18n_name, RTLD_NOW | RTLD_LOCAL);
    if (i18n == NULL) {
        const char *why = dlerror();
        snprintf(reason, capacity, "%s", why != NULL ? why : i18n_name);
        dlclose(uc);
        return 0;
    }
    char suffix[8], symbol[64];
    if (!find_suffix(uc, major, suffix, sizeof suffix)) {
        snprintf(reason, capacity, "%s has no u_errorName (with or without a version suffix)", uc_name);
        goto fail;
    }
#define JIANFAN_ICU_RESOLVE(library, name, result, parameters) \
    snprintf(symbol, sizeof symbol, "%s%s", #name, suffix); \
    into->name = (result(*) parameters)dlsym(library, symbol); \
    if (into->name == NULL) { \
        snprintf(reason, capacity, "%s has no %s", library == uc ? uc_name : i18n_name, symbol); \
        goto fail; \
    }
    JIANFAN_ICU_FUNCTIONS(JIANFAN_ICU_RESOLVE)
#undef JIANFAN_ICU_RESOLVE
    missing[0] = '\0';
#define JIANFAN_ICU_RESOLVE_ENCODING(library, name, result, parameters) \
    snprintf(symbol, sizeof symbol, "%s%s", #name, suffix); \
    into->name = (result(*) parameters)dlsym(library, symbol); \
    if (into->name == NULL && missing[0] == '\0') { \
        snprintf(missing, missing_capacity, "%s has no %s", library == uc ? uc_name : i18n_name, symbol); \
    }
    JIANFAN_ICU_ENCODING_FUNCTIONS(JIANFAN_ICU_RESOLVE_ENCODING)
#undef JIANFAN_ICU_RESOLVE_ENCODING
    regex_absent[0] = '\0';
#define JIANFAN_ICU_RESOLVE_REGEX(library, name, result, parameters) \
    snprintf(symbol, sizeof symbol, "%s%s", #name, suffix); \
    into->name = (result(*) parameters)dlsym(library, symbol); \
    if (into->name == NULL && regex_absent[0] == '\0') { \
        snprintf(regex_absent, regex_capacity, "%s has no %s", library == uc ? uc_name : i18n_name, symbol); \
    }
    JIANFAN_ICU_REGEX_FUNCTIONS(JIANFAN_ICU_RESOLVE_REGEX)
#undef JIANFAN_ICU_RESOLVE_REGEX
    opened[0] = uc;
    opened[1] = i18n;
    return 1;
fail:
    if (i18n != uc) dlclose(i18n);
    dlclose(uc);
    return 0;
}

// Tries one candidate for the process-wide functions; on success remembers its name.
static int use(const char *uc, const char *i18n, int major, char *reason, size_t capacity) {
    void *opened[2];
    if (!open_pair(uc, i18n, major, &jianfan_icu, opened, reason, capacity,
                   encodings_missing, sizeof encodings_missing, regex_missing, sizeof regex_missing)) return 0;
    snprintf(loaded_library, sizeof loaded_library, "%s", uc);
    return icu_loaded = 1;
}

static void load(void) {
    char why[192] = "";
#if defined(__APPLE__)
    if (use("/usr/lib/libicucore.A.dylib", "/usr/lib/libicucore.A.dylib", 0, why, sizeof why)) return;
    if (use("libicucore.dylib", "libicucore.dylib", 0, why, sizeof why)) return;
    snprintf(load_error, sizeof load_error, "libicucore could not be loaded (%s)", why);
#else
    // A library that exists but is unusable says more than the "no such file" of the others.
    char unusable[192] = "", uc[32], i18n[32];
    for (int major = NEWEST_MAJOR; major >= OLDEST_MAJOR; major--) {
        snprintf(uc, sizeof uc, "libicuuc.so.%d", major);
        snprintf(i18n, sizeof i18n, "libicui18n.so.%d", major);
        if (use(uc, i18n, major, why, sizeof why)) return;
        if (strstr(why, "No such file") == NULL) snprintf(unusable, sizeof unusable, "%s", why);
    }
    if (use("libicuuc.so", "libicui18n.so", 0, why, sizeof why)) return;
    if (strstr(why, "No such file") == NULL) snprintf(unusable, sizeof unusable, "%s", why);
    if (unusable[0] != '\0') {
        snprintf(load_error, sizeof load_error, "ICU's libraries could not be loaded (%s)", unusable);
    } else {
        snprintf(load_error, sizeof load_error,
                 "ICU's libraries were not found (looked for libicuuc.so.%d down to .%d, and libicuuc.so)",
                 NEWEST_MAJOR, OLDEST_MAJOR);
    }
#endif
}

int jianfan_icu_ensure_loaded(char *reason, size_t capacity) {
    pthread_once(&load_once, load);
    if (!icu_loaded) jianfan_icu_copy_text(load_error, reason, capacity);
    return icu_loaded;
}

int jianfan_icu_encodings_loaded(char *reason, size_t capacity) {
    if (!jianfan_icu_ensure_loaded(reason, capacity)) return 0;
    if (encodings_missing[0] == '\0') return 1;
    jianfan_icu_copy_text(encodings_missing, reason, capacity);
    return 0;
}

int jianfan_icu_regex_loaded(char *reason, size_t capacity) {
    if (!jianfan_icu_ensure_loaded(reason, capacity)) return 0;
    if (regex_missing[0] == '\0') return 1;
    jianfan_icu_copy_text(regex_missing, reason, capacity);
    return 0;
}

int jianfan_icu_available(char *reason, size_t capacity) {
    return jianfan_icu_ensure_loaded(reason, capacity);
}

const char *jianfan_icu_library(void) {
    return jianfan_icu_ensure_loaded(NULL, 0) ? loaded_library : NULL;
}

int jianfan_icu_probe(const char *uc_name, const char *i18n_name, char *reason, size_t capacity) {
    jianfan_icu_functions functions;
    void *opened[2];
    char why[192] = "";
    char missing[96], regex_absent[96];
    if (!open_pair(uc_name, i18n_name, 0, &functions, opened, why, sizeof why, missing, sizeof missing,
                   regex_absent, sizeof regex_absent)) {
        jianfan_icu_copy_text(why, reason, capacity);
        return 0;
    }
    if (opened[1] != opened[0]) dlclose(opened[1]);
    dlclose(opened[0]);
    return 1;
}
