import Testing

/// The invalid-UTF-8 message names the encoding a file looks like instead of recommending
/// --lossy, which would destroy it. (`--from-encoding auto`, the default, reads most of these
/// files; read as UTF-8 they fail, and the message says which option reads them.)
@Suite("Suspected encodings")
struct EncodingSuspicionTests {
    /// Bytes from hex; the legacy samples were made with Python's codecs:
    /// `'头发后来，我们没有说话。'.encode('gb18030')` and `'頭髮後來，我們沒有說話。'.encode('big5')`.
    private static func hex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    static let cases: [(name: String, bytes: [UInt8], suspect: String?)] = [
        ("UTF-16LE with BOM", [0xFF, 0xFE] + Array("头发".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "UTF-16LE"),
        ("UTF-16BE, no BOM", Array("abc 头发 def\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, "UTF-16BE"),
        ("GB18030", hex("cdb7b7a2baf3c0b4a3acced2c3c7c3bbd3d0cbb5bbb0a1a3"), "GB18030"),
        ("Big5", hex("c059be76abe1a8d3a141a7daadcca853a6b3bba1b8dca143"), "Big5"),
        ("damaged UTF-8", Array("头发".utf8) + [0xFF] + Array("后来".utf8), nil),
    ]

    @Test("read as UTF-8, the message names the suspect and --from-encoding, or --lossy when nothing is suspected", arguments: cases)
    func suspect(_ sample: (name: String, bytes: [UInt8], suspect: String?)) throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", sample.bytes)
        let result = try CLI.run(["-c", "s2t", "-i", "in.txt", "-o", "out.txt", "--from-encoding", "UTF-8"], in: dir.url)
        #expect(result.status == 3, "\(sample.name)")
        #expect(result.stderr.hasPrefix("jianfan: in.txt: invalid UTF-8 at byte offset "), "\(sample.name)")
        if let suspect = sample.suspect {
            #expect(result.stderr.contains("it looks like \(suspect), not UTF-8: read it with --from-encoding \(suspect);"),
                    "\(sample.name): \(result.stderr)")
        } else {
            #expect(result.stderr.contains("(--lossy replaces invalid bytes with U+FFFD)"), "\(sample.name): \(result.stderr)")
        }
    }

    @Test("auto reads the GB18030, Big5 and UTF-16LE samples; damaged UTF-8 still fails as UTF-8", arguments: cases)
    func automatic(_ sample: (name: String, bytes: [UInt8], suspect: String?)) throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", sample.bytes)
        let result = try CLI.run(["-c", "s2t", "-i", "in.txt"], in: dir.url)
        if sample.name == "damaged UTF-8" {
            #expect(result.status == 3)
            #expect(result.stderr.contains("invalid UTF-8 at byte offset 6 (--lossy replaces invalid bytes with U+FFFD)"))
        } else if sample.name == "UTF-16BE, no BOM" {
            // Too few bytes above 7F for the detector: read as UTF-8, and the message says how.
            #expect(result.status == 3)
            #expect(result.stderr.contains("read it with --from-encoding UTF-16BE"), "\(result.stderr)")
        } else {
            #expect(result.status == 0, "\(sample.name): \(result.stderr)")
            #expect(result.stdoutText.contains("頭髮"), "\(sample.name): \(result.stdoutText)")
        }
    }
}
