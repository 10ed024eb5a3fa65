import FuzzSupport
import Jianfan

/// The streaming normalizer fed the raw bytes in random chunks, against the whole text.
enum StreamCheck {
    /// `mode`: bit 0 lossy, bit 1 the stream's own reading loop (short reads) instead of
    /// `write`/`flush`/`finish`; the other bits seed the chunk sizes. Valid text must stream to
    /// what ``Normalizer/normalize(_:reporting:)`` makes of it whole; invalid text must throw
    /// ``InvalidUTF8Error`` at the validator's offset, or, lossy, stream to the normalization
    /// of the text with U+FFFD in place of each bad sequence. Reporting or not, the same output.
    static func check(_ normalizer: Normalizer, _ bytes: [UInt8], mode: UInt8) {
        let lossy = mode & 1 != 0
        var random = SplitMix64(seed: UInt64(mode >> 2))
        let valid = lossy ? UTF8Validation.repaired(bytes) : bytes
        let expected = UTF8Validation.firstInvalidOffset(in: valid) == nil
            ? Array(normalizer.normalize(String(decoding: valid, as: UTF8.self), reporting: false).text.utf8) : []
        var stream = normalizer.makeStream(lossy: lossy, reporting: mode & 0x04 != 0)
        StreamFeeding.check(bytes, to: &stream, readingLoop: mode & 2 != 0, lossy: lossy, expected: expected, random: &random)
    }
}
