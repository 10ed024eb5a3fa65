// The C library, for every file of the command: files, signals, errno, isatty. Written once
// here instead of an #if block at the top of each file; `@_exported` makes the import visible
// module-wide (an executable has no clients it could leak to).
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#else
#error("jianfan needs a C library module: Glibc, Musl or Darwin")
#endif
