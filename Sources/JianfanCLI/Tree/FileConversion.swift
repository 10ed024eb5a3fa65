#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Jianfan
import JianfanDocuments

/// Converts one file of a tree (or one document) from its bytes to its destination: plain
/// text through the engine, a document or subtitle through ``DocumentConverter``.
///
/// A file that is not text — a NUL byte in its first 8 KB (as git and grep decide), or bytes
/// not valid in its encoding (see FileConversion+Encoding.swift) — is not converted: it is copied unchanged to `--output-dir` or left
/// alone in place, and counted as binary. A document is never "binary": a damaged one fails.
///
/// ```swift
/// let outcome = FileConversion(conversion: c, language: nil, format: nil)
///     .run(TreeWalker.Item(source: "a/b.txt", relative: "b.txt"), to: "out/b.txt", worker: 0)
/// ```
struct FileConversion: Sendable {
    enum Outcome: Sendable {
        case converted, unchanged, binary
        case failed(CLIError)
    }

    let conversion: TextConversion
    let language: LanguageTag?
    /// `--format`: every file is this document format, whatever its extension.
    let format: DocumentFormat?
    /// Permission bits masked off new files (the umask, read once before the workers start).
    var umask: mode_t = 0o022
    /// `--from-encoding`, `--to-encoding` (see FileConversion+Encoding.swift).
    var encodings = EncodingRequest()
    /// Output in the encoding each file was read in (trees), or in UTF-8 (one document to `-o`).
    var keepsEncoding = true
    /// Invalid input becomes U+FFFD and unmappable output `&#x…;`.
    var lossy = false
    /// `--verbose`: say which encoding a file was read in when it is not UTF-8.
    var verbose = false
    /// `--markup`, `--protect`, or a text file's markup by extension (documents and subtitles
    /// are converted without: their text is already taken out of the markup).
    var protection = ProtectionChoice()
    /// The conversion of a text file by its markup (see ``ProtectionChoice/conversions(_:lossy:)``).
    var markupConversions: [Markup: TextConversion] = [:]
    /// The output directories known to exist, shared by the workers.
    let directories = KnownDirectories()

    /// Converts `item` into `destination`, or in place when `destination` is nil.
    func run(_ item: TreeWalker.Item, to destination: String?, worker: Int) -> Outcome {
        do {
            let (bytes, mode) = try Self.readWhole(item.source, size: item.size, mode: item.mode)
            let converted = try convert(bytes, name: item.source)
            let target = destination ?? item.source
            var isNew = false
            if destination != nil, let slash = target.lastIndex(of: "/"), slash != target.startIndex {
                isNew = try directories.make(String(target[..<slash]))
            }
            guard let converted else {
                if destination != nil {
                    try AtomicWrite.write(bytes, to: target, mode: mode & ~umask, worker: worker, isNew: isNew)
                }
                return .binary
            }
            let changed = converted != bytes
            // In place, an unchanged file is not rewritten: its date and inode stay.
            if changed || destination != nil {
                try AtomicWrite.write(converted, to: target, mode: mode & ~umask, worker: worker, isNew: isNew)
            }
            return changed ? .converted : .unchanged
        } catch {
            return .failed(error)
        }
    }

    /// The conversion of a file's bytes, or nil when the file is binary.
    func convert(_ bytes: [UInt8], name: String) throws(CLIError) -> [UInt8]? {
        let kind = format ?? DocumentFormat(path: name)
        if let kind, kind.isArchive {
            return try convertDocument(bytes, kind, name: name)
        }
        guard let (text, encoding) = try decodedText(bytes, name: name) else { return nil }
        var output: [UInt8] = []
        if let kind {
            guard String(validating: text, as: UTF8.self) != nil else { return nil }
            output = try convertDocument(text, kind, name: name)
        } else {
            // Conversion keeps the length of nearly every character: one allocation, not a dozen.
            output.reserveCapacity(text.count + text.count / 16 + 64)
            do {
                let conversion = markupConversions[protection.protection(for: name).markup] ?? self.conversion
                try text.withUnsafeBytes { try conversion.apply($0, &output) }
            } catch {
                return nil
            }
        }
        return try encodedText(output, readAs: encoding, name: name)
    }

    private func convertDocument(_ bytes: [UInt8], _ kind: DocumentFormat, name: String) throws(CLIError) -> [UInt8] {
        DocumentHeap.prepare()
        do {
            return try DocumentConverter(format: kind, conversion: conversion, language: language).convert(bytes)
        } catch {
            throw CLIError(status: .failure, message: "\(name): \(error)")
        }
    }

    /// NUL in the first 8 KB: the test git and grep use.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(8192).contains(0)
    }

    /// The whole file and its permission bits. With the `size` and `mode` a walk saw, no
    /// fstat is needed: the buffer is one byte larger than `size`, so the file usually takes
    /// one read and one more that returns 0. (A short read is not taken for the end: some file
    /// systems, FUSE ones with direct I/O, return short reads in the middle of a file.)
    static func readWhole(_ path: String, size: Int? = nil, mode: mode_t? = nil) throws(CLIError) -> ([UInt8], mode_t) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(path, errno: errno) }
        defer { close(fd) }
        var expected = size ?? 0, permissions = mode ?? 0
        if size == nil || mode == nil {
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw .system(path, errno: errno) }
            if (info.st_mode & S_IFMT) == S_IFDIR { throw .system(path, errno: EISDIR) }
            expected = Int(info.st_size)
            permissions = info.st_mode & 0o777
        }
        var bytes = [UInt8](repeating: 0, count: max(expected, 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 65536)) }
            let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(path, errno: errno)
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return (bytes, permissions)
    }
}
