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
