@testable import JianfanDocuments
import Testing

/// Damaged archives and zip bombs: each fails with a clear error before anything is written,
/// and no bytes whatever make the reader crash or read outside the archive.
@Suite("Zip archives: damage and zip bombs")
struct DamagedArchiveTests {
    /// A small DOCX: a text part, a deflated binary part, a stored one.
    static func sample() throws -> TestArchive {
        let binary = [UInt8](repeating: 7, count: 300) + Array(0...255)
        return TestArchive(entries: [
            TestArchive.stored("word/document.xml", "<w:t>头发</w:t>"),
            TestArchive.Entry(name: "word/media/a.png", content: binary, data: try Zlib.deflate(binary, part: "a"), method: 8),
            TestArchive.stored("word/media/b.bin", "binary"),
        ])
    }

    /// The error converting `bytes` as a DOCX; fails the test when there is none.
    static func failure(_ bytes: [UInt8]) -> String {
        do {
            _ = try ZipReaderTests.convert(bytes)
            Issue.record("no error")
            return ""
        } catch {
            return error.description
        }
    }

    @Test("every truncation fails with the missing end record")
    func truncated() throws {
        let bytes = try Self.sample().bytes().bytes
        for length in 0..<bytes.count {
            #expect(Self.failure(Array(bytes.prefix(length))).contains("no end of central directory record"), "\(length)")
        }
    }

    @Test("a wrong CRC-32 fails, for a converted part and for a copied one")
    func badChecksum() throws {
        for k in 0..<3 {
            var archive = try Self.sample()
            archive.entries[k].crc = 0x1234_5678
            let message = Self.failure(archive.bytes().bytes)
            #expect(message.hasPrefix(archive.entries[k].name + ": damaged archive entry: its CRC-32 is 0x"), "\(message)")
            #expect(message.contains("the directory says 0x12345678"))
        }
    }

    @Test("damaged deflate data fails (invalid data, wrong length or checksum), never passes")
    func damagedDeflateData() throws {
        let archive = try Self.sample()
        let (bytes, _) = archive.bytes()
        let entry = try ZipDirectory(bytes).entries[1]
        for k in entry.data {
            var damaged = bytes
            damaged[k] ^= 0x55
            #expect(Self.failure(damaged).hasPrefix("word/media/a.png: damaged archive entry"), "byte \(k)")
        }
    }

    @Test("sizes that disagree with the data: a stored entry, a deflated stream longer or shorter than declared")
    func wrongSizes() throws {
        var archive = try Self.sample()
        archive.entries[2].declaredSize = 5
        #expect(Self.failure(archive.bytes().bytes).contains("a stored entry of 6 bytes declares 5"))
        archive = try Self.sample()
        archive.entries[1].declaredSize = 100
        #expect(Self.failure(archive.bytes().bytes).contains("more than the 100 bytes the directory says"))
        archive.entries[1].declaredSize = 1000
        #expect(Self.failure(archive.bytes().bytes).contains("556 bytes where the directory says 1000"))
    }

    @Test("a zip bomb declaring more than deflate can expand to is refused before inflating")
    func bombRatio() throws {
        var archive = try Self.sample()
        archive.entries[1].declaredSize = 10 << 30
        archive.entries[1].zip64 = true
        #expect(Self.failure(archive.bytes().bytes).contains("more than deflate can expand to (a zip bomb, or damage)"))
    }

    @Test("overlapping entries (the non-recursive zip bomb's trick) are refused")
    func overlap() throws {
        var (bytes, central) = try Self.sample().bytes()
        // The third entry's central record points at the second entry's local header.
        let second = try ZipDirectory(bytes).entries[1].record.lowerBound
        for k in 0..<4 { bytes[central[2] + 42 + k] = UInt8(truncatingIfNeeded: second >> (8 * k)) }
        let message = Self.failure(bytes)
        #expect(message.contains("the local header names another entry") || message.contains("overlaps"), "\(message)")
        var twice = try Self.sample()
        twice.entries[2] = twice.entries[1]
        var (same, offsets) = twice.bytes()
        for k in 0..<4 { same[offsets[2] + 42 + k] = same[offsets[1] + 42 + k] }
        #expect(Self.failure(same).contains("the entry overlaps word/media/a.png"))
    }

    @Test("offsets outside the file: a local header, the central directory; counts that disagree")
    func badOffsets() throws {
        var (bytes, central) = try Self.sample().bytes()
        for k in 0..<4 { bytes[central[1] + 42 + k] = 0xF0 }
        #expect(Self.failure(bytes).contains("local header (offset 4042322160) is missing or outside the archive"))
        (bytes, _) = try Self.sample().bytes()
        let end = bytes.count - 22
        bytes[end + 16 + 3] = 0x7F
        #expect(Self.failure(bytes).contains("the central directory (offset"))
        (bytes, _) = try Self.sample().bytes()
        bytes[end + 10] = 2
        #expect(Self.failure(bytes).contains("more entries than the 2 its end record declares"))
        bytes[end + 10] = 4
        #expect(Self.failure(bytes).contains("4 entries cannot fit") || Self.failure(bytes).contains("expected a central directory record"))
    }

    @Test("every byte of an archive set to 0, 0xFF or flipped: an error or a readable archive, never a crash")
    func everyByteMutated() throws {
        var archive = try Self.sample()
        var descriptor = TestArchive.stored("word/header1.xml", "<w:t>后来</w:t>")
        descriptor.descriptor = .signed
        descriptor.zip64 = true
        archive.entries.append(descriptor)
        archive.zip64End = true
        let bytes = archive.bytes().bytes
        var converted = 0
        for k in bytes.indices {
            for value in [0, 0xFF, bytes[k] ^ 0x80] {
                var mutated = bytes
                mutated[k] = UInt8(value)
                guard let output = try? ZipReaderTests.convert(mutated) else { continue }
                converted += 1
                #expect(try ZipDirectory(output).entries.count >= 1, "byte \(k) = \(value)")
            }
        }
        // Bytes no reader checks (dates, attributes, version made by, a comment) change nothing else.
        #expect(converted > 0)
    }
}
