import Foundation
import Testing
import Jianfan
@testable import JianfanCLI

/// The `///` examples of the command line's encodings: input decoded as it is read, output
/// encoded as it is written, a file of a tree decoded and encoded back, and the threads that
/// decode ahead of the conversion and encode behind it.
@Suite("Examples: DecodingReader, EncodingWriter, FileConversion encodings, ReadAhead, WriteBehind")
struct CLIEncodingExamples {
    static let big5Hair: [UInt8] = [0xC0, 0x59, 0xBE, 0x76]   // 頭髮

    static func encode(_ text: String, _ name: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try Transcoder(encoding: try TextEncoding(named: name)).convert(Array(text.utf8), flush: true, appendingTo: &bytes)
        return bytes
    }

    /// Simplified news text in GB18030, the encoding detection must find, as a file.
    static func withGB18030File(_ body: (String, String) throws -> Void) throws {
        let text = try ExampleSupport.fixture("000")
        try ExampleSupport.withFolder { folder in
            let path = folder + "/a.txt"
            try Data(try encode(text, "GB18030")).write(to: URL(fileURLWithPath: path))
            try body(path, text)
        }
    }

    static func readAll(_ read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> [UInt8] {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 16)
        defer { buffer.deallocate() }
        var all: [UInt8] = []
        while true {
            let count = try read(buffer)
            if count == 0 { return all }
            all += buffer[..<count]
        }
    }

    @Test("DecodingReader: GB18030 detected and decoded")
    func decodingReader() throws {
        try Self.withGB18030File { path, text in
            let input = try InputFile(path: path)
            let reader = try DecodingReader(request: .auto, lossy: false) { try input.read(into: $0) }
            #expect(reader.encoding.name == "GB18030")   // "GB18030" (detected)
            #expect(try Self.readAll { try reader.read(into: $0) } == Array(text.utf8))
        }
    }

    @Test("EncodingWriter: Big5 out")
    func encodingWriter() throws {
        try ExampleSupport.inFolder { _ in
            let output = try openOutput("out.txt")
            let writer = try EncodingWriter(try TextEncoding(named: "Big5"), lossy: false)
            try Array("頭髮".utf8).withUnsafeBytes { piece in
                try writer.write(piece) { try output.write($0) }
            }
            try writer.finish { try output.write($0) }
            try output.commit()
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: "out.txt"))) == Self.big5Hair)

            let strict = try EncodingWriter(try TextEncoding(named: "Big5"), lossy: false)
            #expect(throws: TextEncodingError.self) {   // 头 is not in Big5
                try Array("头".utf8).withUnsafeBytes { piece in try strict.write(piece) { _ in } }
                try strict.finish { _ in }
            }
        }
    }

    @Test("FileConversion.decodedText(_:name:), encodedText(_:readAs:name:)")
    func fileConversionEncoding() throws {
        let text = try ExampleSupport.fixture("000")
        let bytes = try Self.encode(text, "GB18030")
        let c = CLIFileExamples.engine.wholeConversion(lossy: false)
        let conversion = FileConversion(conversion: c, language: nil, format: nil)

        let (decoded, encoding) = try #require(try conversion.decodedText(bytes, name: "a.txt"))
        #expect(encoding.name == "GB18030" && decoded == Array(text.utf8))
        var converted: [UInt8] = []
        try decoded.withUnsafeBytes { try c.apply($0, &converted) }
        let expected = Converter(.s2t).convert(text)
        #expect(converted == Array(expected.utf8) && expected != text)

        do {
            let (text, encoding) = try conversion.decodedText(bytes, name: "a.txt")!   // encoding: GB18030
            #expect(text == decoded && encoding.name == "GB18030")
            let output = try conversion.encodedText(converted, readAs: encoding, name: "a.txt")
            #expect(output == (try Self.encode(expected, "GB18030")))   // back in its own encoding
        }
    }

    @Test("ReadAhead: a decoder run one buffer ahead")
    func readAhead() throws {
        try Self.withGB18030File { path, text in
            let input = try InputFile(path: path)
            let decoder = try DecodingReader(request: .auto, lossy: false) { try input.read(into: $0) }
            let ahead = ReadAhead(size: 1 << 20) { buffer in try decoder.read(into: buffer) }
            defer { ahead.close() }
            let all = try Self.readAll { buffer in
                let count = try ahead.read(into: buffer)
                return count
            }
            #expect(all == Array(text.utf8))
        }
    }

    /// What ``WriteBehind`` runs on its thread: Big5 encoding, collected.
    final class Big5Encoder {
        let writer: EncodingWriter
        var output: [UInt8] = []
        var finals = 0

        init() throws {
            writer = try EncodingWriter(try TextEncoding(named: "Big5"), lossy: false)
        }

        func write(_ bytes: UnsafeRawBufferPointer, _ final: Bool) throws {
            if final {
                finals += 1
                try writer.finish { self.output += $0 }
            } else {
                try writer.write(bytes) { self.output += $0 }
            }
        }
    }

    @Test("WriteBehind: an encoder run one buffer behind")
    func writeBehind() throws {
        let encoder = try Big5Encoder()
        let behind = WriteBehind(size: 1 << 20) { bytes, final in try encoder.write(bytes, final) }
        try Array("頭髮".utf8).withUnsafeBytes { piece in
            try behind.write(piece)
        }
        try behind.finish()
        #expect(encoder.output == Self.big5Hair && encoder.finals == 1)

        let failing = try Big5Encoder()
        let refused = WriteBehind(size: 1 << 20) { bytes, final in try failing.write(bytes, final) }
        defer { refused.close() }
        try Array("头".utf8).withUnsafeBytes { piece in try refused.write(piece) }
        #expect(throws: TextEncodingError.self) { try refused.finish() }   // its error comes back
    }
}
