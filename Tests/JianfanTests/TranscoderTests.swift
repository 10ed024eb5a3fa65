import Jianfan
import Testing

/// ICU's converters a chunk at a time: a sequence cut by a chunk's end must come out whole, in
/// both directions, and errors must point at the right byte or line wherever the cut falls.
@Suite("Transcoder")
struct TranscoderTests {
    static let text = "头发 abc\n𠀀后来，我们没有说话。\r\n鼠标"

    /// `bytes` through `transcoder` in two calls, cut at `cut`, into a small target so that
    /// "target full" happens too.
    private func twoChunks(_ transcoder: Transcoder, _ bytes: [UInt8], cut: Int) throws -> [UInt8] {
        var output: [UInt8] = []
        var room = [UInt8](repeating: 0, count: 5)
        for (range, flush) in [(0..<cut, false), (cut..<bytes.count, true)] {
            var offset = range.lowerBound
            while true {
                let (read, written, full) = try bytes.withUnsafeBytes { input in
                    try room.withUnsafeMutableBytes { target in
                        try transcoder.convert(UnsafeRawBufferPointer(rebasing: input[offset..<range.upperBound]), into: target, flush: flush)
                    }
                }
                offset += read
                output += room[..<written]
                if !full { break }
            }
        }
        return output
    }

    @Test("decoding and encoding cut at every byte give the whole conversion",
          arguments: ["GB18030", "Big5-HKSCS", "UTF-16BE", "Shift_JIS"])
    func everyCut(_ name: String) throws {
        let encoding = try TextEncoding(named: name)
        let text = name == "GB18030" ? Self.text : "頭髮 abc\n後來\r\n"
        var encoded: [UInt8] = []
        try Transcoder(encoding: encoding).convert(Array(text.utf8), flush: true, appendingTo: &encoded)
        for cut in 0...encoded.count {
            #expect(try twoChunks(Transcoder(decoding: encoding), encoded, cut: cut) == Array(text.utf8), "\(name) cut at \(cut)")
        }
        let utf8 = Array(text.utf8)
        for cut in 0...utf8.count {
            #expect(try twoChunks(Transcoder(encoding: encoding), utf8, cut: cut) == encoded, "\(name) cut at \(cut)")
        }
    }

    /// FuzzEncoding's first finding: EUC-JP text (GB18030 bytes read as EUC-JP, with NULs), decoded
    /// whole and cut anywhere, must give the same text or the same error.
    static let eucFinding: [UInt8] = {
        let hex = [
        "6729dfbbdab4badfb9b9b2c33138303330c6cdbdd0b0ccc3d62cb6afb2bdccdcc9b8c6b328648faba66f29b8fea1a2cc",
        "e4c2eac6b328648faba66f29b8fea1a2b7eb286a698fabb129b2ccc6b328648faba66f29b8fe2cd4dad5e9bce7f1f3c0",
        "d5c7a42cbdb8e6dcb3c6cafdcecfcecc2cc3f8cecfdab2bcfbb5e1a1a2c2a5bddbb4c42868758faba16e29a1a2bdf5b4",
        "ebb6c828798fabb229a1a2b6afc6b0c7bda1a2e3d328778fabb56e29cdc228798fabe329b4fc2cb3cecadd32303232c7",
        "afbbcdb5a8c5d9b9a9b6c828798fabb229e5b4286a8fabc56e6729dfbbb1bfb9d4badfb9e7cdfdd2bf28718fabe929b4",
        "d62ccaddbbfdc0a9c2a4b6c828798fabb229c8e6bdc5b4f0cbdce3d328778fabb56e29c4ea2cb0d932303233c7afd5e9",
        "b8bd2878698faba26e29a1a66f29b8fea1a2b7eb286a698fabb129b2ccc6b328648faba66f29b8fe2cd4dad5e9bce7f1",
        "f3c0d5c7a42cbdb8e6dcb3c6cafdcecfcecc2cc3f8cecfdab2bcfbb5e1a1a2c2a5bddbb4c42868758faba16e29a1a2bd",
        "f5b4ebb6c828798fabb229a1a2b6afc6b0c7bda1a2e3d328778fabb56e29cdc228798fabe329b4fc2cb3cecadd323032",
        "32c7afbbcdb5a8c5d9b9a9b6c828798fabb229e5b4286a8fabc56e6729dfbbb1bfb9d4badfb9e7cdfdd2bf28718fab00",
        "000000e929b4d62ccaddbbfdc0a9c2a4b6c828798fabb229c8e6bdc5b4f0cbdce3d328778fabb56e29c4ea2cb0d93230",
        "3233c7afd5e9b8bd2878698faba26e29a1c8b3abcce7e3d328778fabb56e29a1c9a1a2b2c8b3abcce7e3d328778fabb5",
        "6e29a1c9a1a2b2c3b2f7bfe4bfcabfb7b7bfb9a9b6c828798fabb229b2bdc2c7",
        ].joined()
        var bytes: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            bytes.append(UInt8(hex[i..<j], radix: 16)!)
            i = j
        }
        return bytes
    }()

    @Test("an EUC-JP input decodes the same whole and cut at any byte (a fuzz finding)")
    func eucJPCuts() throws {
        let euc = try TextEncoding(named: "EUC-JP")
        let bytes = Self.eucFinding
        func outcome(_ body: () throws -> [UInt8]) -> String {
            do { return "text \(try body())" } catch { return "error \(error)" }
        }
        let whole = outcome {
            var text: [UInt8] = []
            try Transcoder(decoding: euc).convert(bytes, flush: true, appendingTo: &text)
            return text
        }
        for cut in 0...bytes.count {
            let cutResult = outcome { try twoChunks(Transcoder(decoding: euc), bytes, cut: cut) }
            #expect(cutResult == whole, "cut at \(cut)")
            if cutResult != whole { break }
        }
    }

    /// FuzzEncoding's second finding: in UTF-16 a lead surrogate followed by a unit that is not a
    /// trail, cut between the two (or inside either), was reported one byte late (ICU keeps a
    /// byte of the second unit that it does not count as pending).
    @Test("an unpaired lead surrogate is found at its offset wherever the input is cut (a fuzz finding)",
          arguments: ["UTF-16LE", "UTF-16BE", "UTF-16"])
    func unpairedSurrogateCuts(_ name: String) throws {
        let encoding = try TextEncoding(named: name)
        let big = name == "UTF-16BE"
        var bytes: [UInt8] = name == "UTF-16" ? [0xFF, 0xFE] : []
        let start = bytes.count
        for unit: UInt16 in [0x61, 0x62, 0xDB00, 0x7B56, 0x63] {
            bytes += big ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let lead = start + 4
        let leadBytes = Array(bytes[lead..<(lead + 2)])
        for cut in 0...bytes.count {
            #expect(throws: TextEncodingError.invalidInput(encoding: encoding.name, offset: lead, bytes: leadBytes), "cut at \(cut)") {
                try twoChunks(Transcoder(decoding: encoding), bytes, cut: cut)
            }
        }
    }

    @Test("an unmappable character's line and an invalid sequence's offset do not depend on the cut")
    func faults() throws {
        let big5 = try TextEncoding(named: "Big5")
        let utf8 = Array("頭\n髮\nabc头".utf8)
        for cut in 0...utf8.count {
            #expect(throws: TextEncodingError.unmappable(encoding: "Big5", scalar: "头", line: 3, offset: 11)) {
                try twoChunks(Transcoder(encoding: big5), utf8, cut: cut)
            }
        }
        let gb = try TextEncoding(named: "GB18030")
        let bytes: [UInt8] = [0x61, 0xCD, 0xB7, 0x0A, 0x81, 0x0A, 0x62]
        for cut in 0...bytes.count {
            #expect(throws: TextEncodingError.invalidInput(encoding: "GB18030", offset: 4, bytes: [0x81])) {
                try twoChunks(Transcoder(decoding: gb), bytes, cut: cut)
            }
        }
    }

    @Test("detection: a byte order mark, valid UTF-8, damaged UTF-8, and too little to go on")
    func identify() {
        #expect(TextEncoding.identify([0xFF, 0xFE, 0x34, 0x59], complete: true).1 == .byteOrderMark)
        #expect(TextEncoding.identify(Array("头发".utf8), complete: true) == (.utf8, .validUTF8))
        #expect(TextEncoding.identify(Array("头发后来我们没有".utf8) + [0xFF], complete: true) == (.utf8, .unknown))
        #expect(TextEncoding.identify([0xC0, 0xAF], complete: true) == (.utf8, .unknown))
    }

    @Test("random bytes in random chunks: strict decoding succeeds or points inside the input, lossy always succeeds",
          arguments: ["GB18030", "Big5-HKSCS", "Shift_JIS", "EUC-JP", "UTF-16LE", "UTF-32BE", "ISO-2022-JP"])
    func randomBytes(_ name: String) throws {
        let encoding = try TextEncoding(named: name)
        var random = SplitMix64(seed: 17)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let cut = Int.random(in: 0...bytes.count, using: &random)
            do {
                let text = try twoChunks(Transcoder(decoding: encoding), bytes, cut: cut)
                #expect(String(validating: text, as: UTF8.self) != nil)
            } catch let TextEncodingError.invalidInput(_, offset, found) {
                #expect(offset >= 0 && offset < bytes.count, "\(name): offset \(offset) of \(bytes.count)")
                #expect(found.count <= 8)
            }
            let lossy = try twoChunks(Transcoder(decoding: encoding, lossy: true), bytes, cut: cut)
            #expect(String(validating: lossy, as: UTF8.self) != nil)
        }
    }
}
