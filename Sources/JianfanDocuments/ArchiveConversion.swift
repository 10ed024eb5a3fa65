/// Converts the text parts of a zip-based document (EPUB, DOCX, XLSX, PPTX, ODT, ODS, ODP) and
/// copies every other entry: the same entries, in the same order, with the same names, dates,
/// permissions and compression (stored stays stored, so an EPUB's `mimetype` stays first and
/// uncompressed). An entry that carries no text, or whose text does not change, is copied byte
/// for byte with its local header, never recompressed (``ZipWriter``).
///
/// The whole archive is built in memory and returned only once every entry is done: a damaged
/// archive (truncated, a bad checksum, an entry outside the file, a zip bomb — see
/// ``ZipDirectory``) or a malformed XML part throws ``DocumentError`` and nothing is written.
/// Copied entries are checked too (their CRC-32), so damage is not passed on silently.
///
/// ```swift
/// let epub = try ArchiveConversion(format: .epub, conversion: TextConversion(Converter(.s2t)), language: nil).convert(bytes)
/// ```
struct ArchiveConversion {
    let format: DocumentFormat
    let conversion: TextConversion
    let language: LanguageTag?

    func convert(_ bytes: [UInt8]) throws(DocumentError) -> [UInt8] {
        let directory = try ZipDirectory(bytes, kind: "\(format.rawValue) (zip)")
        var writer = ZipWriter(capacity: bytes.count + bytes.count / 8)
        for entry in directory.entries {
            guard !entry.isDirectory, let policy = format.policy(forPart: entry.name) else {
                try entry.verify(in: bytes)
                try writer.copy(entry, from: bytes)
                continue
            }
            let content = try entry.content(in: bytes)
            let scanner = XMLTextScanner(policy: policy, conversion: conversion, language: language)
            let converted = try scanner.convert(content, part: entry.name)
            if converted == content {
                try writer.copy(entry, from: bytes)
            } else {
                try writer.replace(entry, with: converted)
            }
        }
        return writer.finish(comment: directory.comment)
    }
}
