import Testing
import Jianfan

/// The `///` examples of the encodings (``TextEncoding``, ``Transcoder``,
/// ``TextEncodingError``), package API the command line uses; they need ICU's libraries at run
/// time, as the encodings do.
@Suite("Examples: encodings")
struct EncodingExamples {
    @Test("TextEncoding")
    func textEncoding() throws {
        let big5 = try TextEncoding(named: "big5")
        #expect(big5.name == "big5" && big5.icuName == "windows-950-2000")
        #expect(TextEncoding.utf8.isUTF8)
    }

    @Test("TextEncoding.byteOrderMark(in:)")
    func byteOrderMark() {
        #expect(TextEncoding.byteOrderMark(in: [0xFF, 0xFE, 0x34, 0x59]) == "UTF-16LE")
    }

    @Test("TextEncoding.identify(_:complete:)")
    func identify() {
        #expect(TextEncoding.identify(Array("头发".utf8), complete: true) == (.utf8, .validUTF8))
    }

    @Test("TextEncodingError")
    func error() {
        #expect(TextEncodingError.unknown("GB2313").description == "unknown encoding 'GB2313'")
    }

    @Test("Transcoder")
    func transcoder() throws {
        let decoder = try Transcoder(decoding: try TextEncoding(named: "GB18030"))
        var text: [UInt8] = []
        try decoder.convert([0xCD, 0xB7], flush: true, appendingTo: &text)
        #expect(text == Array("头".utf8))
    }
}
