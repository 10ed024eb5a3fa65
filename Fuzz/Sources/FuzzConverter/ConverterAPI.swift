import FuzzSupport
import Jianfan

/// The converter's byte entry points as the fuzz target drives them.
enum ConverterAPI {
    /// The conversion of `text` appended to an array, or nil when `text` is invalid (checked to
    /// be refused where ``UTF8Validation`` says).
    static func convert(_ text: [UInt8], with converter: Converter, invalidAt: Int?) -> [UInt8]? {
        var out: [UInt8] = []
        guard invalidAt == nil else { return nil }
        text.withUnsafeBytes { converter.convert($0, appendingTo: &out) }
        // Appending keeps what the array held.
        var appended: [UInt8] = [0x2A]
        text.withUnsafeBytes { converter.convert($0, appendingTo: &appended) }
        FuzzCheck.expect(appended == [0x2A] + out, "appending to a non-empty array differs")
        return out
    }

    /// `convert(_:into:)` fills a buffer of exactly the output's size, and refuses one byte less.
    static func checkCallerBuffers(_ text: [UInt8], with converter: Converter, expected: [UInt8]) {
        let exact = UnsafeMutableRawBufferPointer.allocate(byteCount: expected.count, alignment: 1)
        defer { exact.deallocate() }
        let written = text.withUnsafeBytes { converter.convert($0, into: exact) }
        FuzzCheck.expect(written == expected.count, "into: an exact buffer got \(String(describing: written))")
        FuzzCheck.expect(Array(exact) == expected, "into: bytes differ")
        guard expected.count > 0 else { return }
        let short = UnsafeMutableRawBufferPointer.allocate(byteCount: expected.count - 1, alignment: 1)
        defer { short.deallocate() }
        let refused = text.withUnsafeBytes { converter.convert($0, into: short) }
        FuzzCheck.expect(refused == nil, "into: a short buffer got \(String(describing: refused))")
    }
}
