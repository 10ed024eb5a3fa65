import Testing
@testable import Jianfan

/// Lines longer than the piece size with no line break, made of second-stage (Taiwan, Hong Kong)
/// phrase keys (issue 14): `U盘a` × 104858 in s2twp is 隨身碟a × 104858 for OpenCC, and one
/// thread and two must agree with it wherever the pieces are cut. The expected outputs are
/// OpenCC's output of one unit repeated; `Scripts/golden.py` verified with OpenCC, converting
/// each whole line, that this holds for every config (the issue's units end with `a`, which
/// joins no phrase; the mixed units were ordered so that their end and start form none).
@Suite("Long lines of second-stage keys: one thread, two threads and OpenCC agree")
struct LongLineTests {
    @Test("one thread, two threads, and a stream way in turn",
          arguments: Golden.cases.longLines, Golden.secondStage)
    func secondStage(_ line: Golden.LongLine, _ config: Config) throws {
        let lineIndex = Golden.cases.longLines.firstIndex { $0.name == line.name }!
        let configIndex = Golden.secondStage.firstIndex(of: config)!
        let input = line.input
        #expect(input.count >= Converter.parallelThreshold)
        // The rotation's ways 1-3 are the stream's (random chunks on two threads and one, and the
        // CLI's 1 MiB chunks, which is how issue 14 saw it).
        let stream = Exactness.rotating(1 + (lineIndex + configIndex) % 3, seed: UInt64(line.count))
        let failures = try Exactness.failures(config, input, expected: line.output(config),
                                              ways: [.whole(threads: 1), .whole(threads: 2), stream])
        #expect(failures.isEmpty, "\(line.name): \(failures.joined(separator: "\n"))")
    }
}
