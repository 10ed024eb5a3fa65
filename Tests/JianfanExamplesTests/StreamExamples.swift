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

    @Test("ConversionStream.convert(reading:writing:), from one file descriptor to another")
    func readingWriting() throws {
        try ExampleSupport.withFolder { folder in
            try ExampleSupport.write(String(repeating: "頭髮後來，", count: 100_000), to: "\(folder)/in.txt")
            let inputFD = open("\(folder)/in.txt", O_RDONLY)
            let outputFD = open("\(folder)/out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            #expect(inputFD >= 0 && outputFD >= 0)
            defer { close(inputFD); close(outputFD) }

            var stream = Converter(.t2s).makeStream()
            try stream.convert(
                reading: { buffer in                        // from a file descriptor, say
                    let count = read(inputFD, buffer.baseAddress, buffer.count)
                    guard count >= 0 else { throw ReadError(errno) }
                    return count
                },
                writing: { bytes in try writeAll(outputFD, bytes) })

            let written = try String(contentsOfFile: "\(folder)/out.txt", encoding: .utf8)
            #expect(written == String(repeating: "头发后来，", count: 100_000))
        }
    }
}
