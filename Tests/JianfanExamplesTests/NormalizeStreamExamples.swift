import Foundation
import Testing
import Jianfan

/// The `///` examples of the streaming normalizer and of change positions, run as written.
@Suite("Examples: NormalizationStream")
struct NormalizeStreamExamples {
    @Test("NormalizationStream")
    func stream() throws {
        var stream = Normalizer.standard(script: .t2s).makeStream()
        var out: [UInt8] = []
        try stream.write(Array("發(fā)展,穩".utf8), into: &out)
        try stream.write(Array("定".utf8), into: &out)
        try stream.finish(into: &out)
        #expect(out == Array("发展，稳定".utf8))
        #expect(Normalizer.standard().makeStream().normalizer.steps.count == 2)
        #expect(NormalizationStream.windowSize == 1_048_576)
        #expect(LineRepairStep.blankLimit == 65_536)
    }

    @Test("NormalizationStream.reports")
    func reports() throws {
        var stream = Normalizer.standard().makeStream(reporting: true)
        var out: [UInt8] = []
        try stream.write(Array("你好,世界".utf8), into: &out)
        try stream.finish(into: &out)
        #expect(stream.reports[1].changes[0].column == 3)
    }

    @Test("Normalizer.Change.line and column")
    func positions() throws {
        let change = Normalizer.standard().normalize("一\n二,三").reports[1].changes[0]
        #expect(change.line == 2)
        #expect(change.column == 2)
        print("notice.txt:\(change.line!):\(change.column!)")   // notice.txt:2:2
        #expect(Normalizer.Change(range: 3..<4, before: ",", after: "，") == change)
    }

    struct ReadError: Error {
        let code: Int32
        init(_ code: Int32) { self.code = code }
    }

    func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            guard n > 0 else { throw ReadError(errno) }
            done += n
        }
    }

    @Test("NormalizationStream.normalize(reading:writing:)")
    func readingWriting() throws {
        try ExampleSupport.withFolder { folder in
            try ExampleSupport.write(String(repeating: "發(fā)展,穩定。\n", count: 100_000), to: "\(folder)/in.txt")
            let inputFD = open("\(folder)/in.txt", O_RDONLY)
            let outputFD = open("\(folder)/out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            #expect(inputFD >= 0 && outputFD >= 0)
            defer { close(inputFD); close(outputFD) }

            var stream = Normalizer.standard(script: .t2s).makeStream()
            try stream.normalize(
                reading: { buffer in                        // from a file descriptor, say
                    let count = read(inputFD, buffer.baseAddress, buffer.count)
                    guard count >= 0 else { throw ReadError(errno) }
                    return count
                },
                writing: { bytes in try writeAll(outputFD, bytes) })

            let written = try String(contentsOfFile: "\(folder)/out.txt", encoding: .utf8)
            #expect(written == String(repeating: "发展，稳定。\n", count: 100_000))
        }
    }
}
