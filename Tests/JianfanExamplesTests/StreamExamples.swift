#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import Jianfan

/// The `///` examples of ``ConversionStream``, run as written.
@Suite("Examples: ConversionStream")
struct StreamExamples {
    @Test("ConversionStream")
    func stream() throws {
        var stream = Converter(.s2t).makeStream()
        var out: [UInt8] = []
        try stream.write(Array("头发".utf8), into: &out)
        try stream.finish(into: &out)        // out == Array("頭髮".utf8)
        #expect(out == Array("頭髮".utf8))
    }

    struct ReadError: Error {
        let code: Int32
        init(_ code: Int32) { self.code = code }
    }

    /// Writes all of `bytes` to `fd`, as the example's caller would.
    func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            guard n > 0 else { throw ReadError(errno) }
            done += n
        }
    }

    /// What `body` writes to the second descriptor when it reads `input` from the first.
    func throughDescriptors(_ input: String, _ body: (Int32, Int32) throws -> Void) throws -> String {
        try ExampleSupport.withFolder { folder in
            try ExampleSupport.write(input, to: "\(folder)/in.txt")
            let inputFD = open("\(folder)/in.txt", O_RDONLY)
            let outputFD = open("\(folder)/out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            #expect(inputFD >= 0 && outputFD >= 0)
            defer { close(inputFD); close(outputFD) }
            try body(inputFD, outputFD)
            return try String(contentsOfFile: "\(folder)/out.txt", encoding: .utf8)
        }
    }

    @Test("ConversionStream.convert(reading:writing:), from one file descriptor to another")
    func readingWriting() throws {
        let written = try throughDescriptors(String(repeating: "頭髮後來，", count: 100_000)) { inputFD, outputFD in
            var stream = Converter(.t2s).makeStream()
            try stream.convert(
                reading: { buffer in                        // from a file descriptor, say
                    let count = read(inputFD, buffer.baseAddress, buffer.count)
                    guard count >= 0 else { throw ReadError(errno) }
                    return count
                },
                writing: { bytes in try writeAll(outputFD, bytes) })
        }
        #expect(written == String(repeating: "头发后来，", count: 100_000))
    }

    @Test("ConversionStream.converter")
    func converter() {
        #expect(Converter(.s2t).makeStream().converter.name == "s2t")   // "s2t"
    }

    /// Fails as the doc's `throw` does, for the caller below.
    func check(_ bytes: [UInt8]) throws(InvalidUTF8Error) {
        if bytes.count > 17 && bytes[17] == 0xFF {
            throw InvalidUTF8Error(offset: 17)
        }
    }

    @Test("InvalidUTF8Error: .offset, init(offset:), .description")
    func invalidUTF8() throws {
        var stream = Converter(.s2t).makeStream()
        var out: [UInt8] = []
        var offsets: [Int] = []
        do {
            try stream.write(Array("头发".utf8), into: &out)
            try stream.write([0x61, 0xFF], into: &out)   // the bad byte is the 8th of the stream
            try stream.finish(into: &out)
        } catch {
            print("bad byte at \(error.offset)")
            offsets.append(error.offset)
        }
        #expect(offsets == [7])
        #expect(throws: InvalidUTF8Error(offset: 17)) { try check(Array(repeating: 0xFF, count: 20)) }
        #expect(InvalidUTF8Error(offset: 17).description == "invalid UTF-8 at byte offset 17")   // "invalid UTF-8 at byte offset 17"
    }

    // The examples of the article Streaming and Memory (Jianfan.docc/StreamingAndMemory.md).

    @Test("Streaming and Memory: a character cut between two writes")
    func articleCharacterCut() throws {
        var stream = Converter(.s2t).makeStream()
        var output: [UInt8] = []
        try stream.write(Array("头".utf8), into: &output)   // may write nothing yet
        try stream.write(Array("发".utf8), into: &output)
        try stream.finish(into: &output)                      // output == Array("頭髮".utf8)
        #expect(output == Array("頭髮".utf8))
    }

    @Test("Streaming and Memory: from one file descriptor to another")
    func articleDescriptors() throws {
        let written = try throughDescriptors(String(repeating: "頭髮後來\n", count: 200_000)) { inputFD, outputFD in
            var stream = Converter(.t2s).makeStream()
            try stream.convert(
                reading: { buffer in
                    let count = read(inputFD, buffer.baseAddress, buffer.count)
                    guard count >= 0 else { throw POSIXError(.EIO) }
                    return count                          // 0 at the end of input
                },
                writing: { bytes in try writeAll(outputFD, bytes) })
        }
        #expect(written == String(repeating: "头发后来\n", count: 200_000))
    }

    @Test("Streaming and Memory: the offset of a bad byte counts from the start of the stream")
    func articleBadByte() throws {
        var stream = Converter(.s2t).makeStream()
        var output: [UInt8] = []
        try stream.write([UInt8](repeating: 0x61, count: 1 << 20), into: &output)
        let chunk: [UInt8] = Array("abcde".utf8) + [0xFF]
        var printed = ""
        do {
            try stream.write(chunk, into: &output)
        } catch {
            print(error)                              // invalid UTF-8 at byte offset 1048581
            printed = "\(error)"
        }
        #expect(printed == "invalid UTF-8 at byte offset 1048581")
    }

    @Test("Streaming and Memory: one thread")
    func articleOneThread() throws {
        var converter = Converter(.s2twp)
        converter.maximumThreads = 1
        var stream = converter.makeStream()
        var output: [UInt8] = []
        try stream.write(Array("鼠标和软件".utf8), into: &output)
        try stream.finish(into: &output)
        #expect(stream.converter.maximumThreads == 1 && output == Array("滑鼠和軟體".utf8))
    }
}
