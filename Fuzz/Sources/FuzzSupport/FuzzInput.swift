/// The bytes libFuzzer hands a target, read front to back: a few parameter bytes, then text.
///
/// Targets take their parameters from the first bytes, so libFuzzer's mutations explore the
/// parameters and the text alike, and a seed file is just parameter bytes followed by text.
///
/// ```swift
/// var input = FuzzInput(data, size)
/// let config = input.config()          // from the first byte
/// let text = input.remaining           // everything after the parameters
/// ```
public struct FuzzInput {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
    }

    /// The next byte, or 0 once the input is used up (so short inputs still run).
    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// The bytes not read yet, copied: the target may keep them past the callback.
    public var remaining: [UInt8] { Array(bytes[min(position, bytes.count)...]) }
}

/// A small deterministic generator (SplitMix64), seeded from input bytes so that a crashing
/// input replays the same chunk sizes.
///
/// ```swift
/// var random = SplitMix64(seed: 42)
/// let size = random.next(below: 64)
/// ```
public struct SplitMix64 {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (`bound` > 0).
    public mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
