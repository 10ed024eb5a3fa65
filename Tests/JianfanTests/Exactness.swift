@testable import Jianfan

/// Converts one input every way the library offers and reports each way whose result differs
/// from OpenCC's: the whole input on one thread and on two (which cuts inputs of 512 KiB and
/// more into 64 KiB pieces at safe cuts), and through ``ConversionStream`` in random chunks and
/// in the CLI's 1 MiB chunks (windows of about 512 KiB, cut again into pieces).
enum Exactness {
    enum Way: CustomStringConvertible {
        case whole(threads: Int)
        case randomChunks(threads: Int, seed: UInt64)
        case chunks(threads: Int, size: Int)

        var description: String {
            switch self {
            case .whole(let threads): "whole input, maximumThreads \(threads)"
            case .randomChunks(let threads, let seed): "stream in random chunks (seed \(seed)), maximumThreads \(threads)"
            case .chunks(let threads, let size): "stream in chunks of \(size) bytes, maximumThreads \(threads)"
            }
        }
    }

    /// Every way: for the small inputs.
    static func all(seed: UInt64) -> [Way] {
        [.whole(threads: 2)] + (0..<4).map { rotating($0, seed: seed) }
    }

    /// The ways but the whole input on two threads, in turn: the large inputs go through two ways
    /// each, the whole input on two threads and `rotating(layout + config)`, so that over four
    /// layouts every config goes every way (a debug build converts about 1 MB/s, and the
    /// inputs are 0.6–1.1 MB).
    static func rotating(_ index: Int, seed: UInt64) -> Way {
        switch index % 4 {
        case 0: .whole(threads: 1)
        case 1: .randomChunks(threads: 2, seed: seed)
        case 2: .randomChunks(threads: 1, seed: seed)
        default: .chunks(threads: 2, size: 1 << 20)
        }
    }

    /// One line per way whose output is not `expected`, naming the first differing byte.
    static func failures(_ config: Config, _ input: [UInt8], expected: [UInt8], ways: [Way]) throws -> [String] {
        try ways.compactMap { way in
            let output = try convert(config, input, way)
            guard let at = firstDifference(output, expected) else { return nil }
            return "\(config.rawValue), \(way): \(output.count) bytes instead of \(expected.count), first "
                + "difference at output byte \(at): got \(excerpt(output, at)), OpenCC \(excerpt(expected, at))"
        }
    }

    static func convert(_ config: Config, _ input: [UInt8], _ way: Way) throws -> [UInt8] {
        var converter = Converter(config)
        var out: [UInt8] = []
        switch way {
        case .whole(let threads):
            converter.maximumThreads = threads
            try input.withUnsafeBytes { try converter.convert($0, appendingTo: &out) }
        case .randomChunks(let threads, let seed):
            converter.maximumThreads = threads
            var rng = SplitMix64(seed: seed)
            // Sizes from 1 byte to 1 MiB, spread over the orders of magnitude: chunks end inside
            // scalars and phrases, and some hold several windows.
            try stream(converter, input, into: &out) { Int.random(in: 1...(1 << Int.random(in: 0...20, using: &rng)), using: &rng) }
        case .chunks(let threads, let size):
            converter.maximumThreads = threads
            try stream(converter, input, into: &out) { size }
        }
        return out
    }

    private static func stream(_ converter: Converter, _ input: [UInt8], into out: inout [UInt8],
                               nextSize: () -> Int) throws {
        var stream = converter.makeStream()
        var at = 0
        while at < input.count {
            let end = min(input.count, at + nextSize())
            try stream.write(input[at..<end], into: &out)
            at = end
        }
        try stream.finish(into: &out)
    }

    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        if a == b { return nil }
        let common = min(a.count, b.count)
        return (0..<common).first { a[$0] != b[$0] } ?? common
    }

    /// About 12 scalars on each side of `offset`, with `|` before the scalar that holds it.
    static func excerpt(_ bytes: [UInt8], _ offset: Int) -> String {
        func start(_ i: Int) -> Int {
            var i = min(max(0, i), bytes.count)
            while i > 0 && i < bytes.count && bytes[i] & 0xC0 == 0x80 { i -= 1 }
            return i
        }
        let cut = start(offset), lo = start(offset - 36)
        var hi = min(bytes.count, offset + 36)
        while hi < bytes.count && bytes[hi] & 0xC0 == 0x80 { hi += 1 }
        let text = String(decoding: bytes[lo..<cut], as: UTF8.self) + "|" + String(decoding: bytes[cut..<hi], as: UTF8.self)
        return "\"" + text.debugDescription.dropFirst().dropLast() + "\""
    }
}
