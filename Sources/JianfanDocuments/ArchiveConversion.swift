import Foundation
import ZIPFoundation

/// Converts the text parts of a zip-based document (EPUB, DOCX, XLSX, PPTX, ODT, ODS, ODP) and
/// copies every other entry: the same entries, in the same order, with the same names, dates,
/// permissions and compression (stored stays stored, so an EPUB's `mimetype` stays first and
/// uncompressed); the content of an entry that carries no text is byte for byte the original.
///
/// The whole archive is built in memory and returned only once every entry is done: a damaged
/// archive (truncated, a bad checksum, an entry missing from the directory) or a malformed XML
/// part throws ``DocumentError`` and nothing is written.
///
/// ```swift
/// let epub = try ArchiveConversion(format: .epub, conversion: TextConversion(Converter(.s2t)), language: nil).convert(bytes)
/// ```
struct ArchiveConversion {
    let format: DocumentFormat
    let conversion: TextConversion
    let language: LanguageTag?

    func convert(_ bytes: [UInt8]) throws(DocumentError) -> [UInt8] {
        let expectedEntries = Self.declaredEntryCount(bytes)
        let source: Archive
        do {
            source = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw DocumentError(part: nil, offset: nil, reason: "not a readable \(format.rawValue) (zip) archive: damaged or truncated")
        }
        let target: Archive
        do {
            target = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw DocumentError(part: nil, offset: nil, reason: "cannot create the output archive in memory: \(error)")
        }
        var count = 0
        for entry in source {
            count += 1
            var content = Data()
            do {
                _ = try source.extract(entry, skipCRC32: false) { content.append($0) }
            } catch {
                throw DocumentError(part: entry.path, offset: nil, reason: "damaged archive entry (\(error))")
            }
            if entry.type == .file, let policy = format.policy(forPart: entry.path) {
                let scanner = XMLTextScanner(policy: policy, conversion: conversion, language: language)
                content = Data(try scanner.convert(Array(content), part: entry.path))
            }
            let attributes = entry.fileAttributes
            let finished = content
            do {
                try target.addEntry(
                    with: entry.path,
                    type: entry.type,
                    uncompressedSize: Int64(finished.count),
                    modificationDate: attributes[.modificationDate] as? Date ?? Date(),
                    permissions: (attributes[.posixPermissions] as? NSNumber)?.uint16Value,
                    compressionMethod: entry.isCompressed ? .deflate : .none,
                    provider: { position, size in
                        finished.subdata(in: Int(position)..<Int(position) + size)
                    }
                )
            } catch {
                throw DocumentError(part: entry.path, offset: nil, reason: "cannot write the entry (\(error))")
            }
        }
        if let expectedEntries, expectedEntries != count {
            throw DocumentError(
                part: nil, offset: nil,
                reason: "damaged archive: its directory lists \(expectedEntries) entries, \(count) could be read"
            )
        }
        guard let data = target.data else {
            throw DocumentError(part: nil, offset: nil, reason: "the output archive could not be finished")
        }
        return Array(data)
    }

    /// The entry count the end-of-central-directory record declares, to catch entries the zip
    /// reader's iteration silently stops before; nil for ZIP64 archives (the count is elsewhere).
    static func declaredEntryCount(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var k = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65535)
        while k >= lowest {
            if bytes[k] == 0x50, bytes[k + 1] == 0x4B, bytes[k + 2] == 0x05, bytes[k + 3] == 0x06 {
                let count = Int(bytes[k + 10]) | Int(bytes[k + 11]) << 8
                return count == 0xFFFF ? nil : count
            }
            k -= 1
        }
        return nil
    }
}
