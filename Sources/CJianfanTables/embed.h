#ifndef JIANFAN_EMBED_H
#define JIANFAN_EMBED_H
// Included first by every file here that uses C23 #embed (tables.c, data.c, words.c, readings.c).
//
// Clang accepts #embed in every C mode but, before C23, warns at each one that it is a C23
// extension, in every build of every package that depends on this one. The warning is silenced
// for these files only, rather than the target compiled as C23: a language-standard setting in
// Package.swift would change every C target of the package, and unsafeFlags would make the
// package unusable as a dependency. Every clang with #embed (LLVM 19 and later, Apple's clang 17
// included) knows the warning group; __has_warning keeps other compilers from warning about an
// unknown group instead.
#if defined(__has_warning)
#if __has_warning("-Wc23-extensions")
#pragma clang diagnostic ignored "-Wc23-extensions"
#endif
#endif

#endif
