import FuzzSupport
import Jianfan

/// The converter's byte entry points as the fuzz target drives them. (Closures here throw
/// untyped errors: typed-throws ones crash swift-frontend 6.3.1's inliner at -O.)
enum ConverterAPI {
    /// The conversion of `text` appended to an empty array, with `converter` on one thread and
    /// appended to a non-empty one on two threads, the two checked equal; nil when `text` is
    /// invalid, after checking that both calls refused it at `invalidAt` and left the arrays
    /// as they were.
    static func convert(_ text: [UInt8], with converter: Converter, invalidAt: Int?) -> [UInt8]? {
        var one = converter
        one.maximumThreads = 1
        var two = converter
        two.maximumThreads = 2
        var out: [UInt8] = []
        var appended: [UInt8] = [0x2A]
        let first = refusal { try text.withUnsafeBytes { try one.convert($0, appendingTo: &out) } }
        let second = refusal { try text.withUnsafeBytes { try two.convert($0, appendingTo: &appended) } }
        FuzzCheck.expect(first == invalidAt && second == invalidAt,
                         "refused at \(String(describing: first)) and \(String(describing: second)), "
                         + "validation says \(String(describing: invalidAt)): \(FuzzCheck.describe(text))")
        guard invalidAt == nil else {
            FuzzCheck.expect(out.isEmpty && appended == [0x2A], "a refused conversion changed its output")
            return nil
        }
        FuzzCheck.expect(appended == [0x2A] + out, "threads 1 and 2 (or appending) differ on \(FuzzCheck.describe(text))")
        return out
    }

    /// `convert(_:into:)` refuses invalid text, fills a buffer of exactly the output's size,
    /// and refuses one byte less.
    static func checkCallerBuffers(_ text: [UInt8], with converter: Converter, invalidAt: Int?, expected: [UInt8]) {
        let exact = UnsafeMutableRawBufferPointer.allocate(byteCount: expected.count, alignment: 1)
        defer { exact.deallocate() }
        var written: Int?
        let refused = refusal { written = try text.withUnsafeBytes { try converter.convert($0, into: exact) } }
        FuzzCheck.expect(refused == invalidAt, "into: refused at \(String(describing: refused)), validation says \(String(describing: invalidAt))")
        guard invalidAt == nil else { return }
        FuzzCheck.expect(written == expected.count, "into: an exact buffer got \(String(describing: written))")
        FuzzCheck.expect(Array(exact) == expected, "into: bytes differ")
        guard expected.count > 0 else { return }
        let short = UnsafeMutableRawBufferPointer.allocate(byteCount: expected.count - 1, alignment: 1)
        defer { short.deallocate() }
        var tooSmall: Int? = 0
        _ = refusal { tooSmall = try text.withUnsafeBytes { try converter.convert($0, into: short) } }
        FuzzCheck.expect(tooSmall == nil, "into: a buffer one byte short got \(String(describing: tooSmall))")
    }

    /// The offset an ``InvalidUTF8Error`` from `body` names, or nil when `body` succeeds.
    private static func refusal(_ body: () throws -> Void) -> Int? {
        do {
            try body()
            return nil
        } catch let error as InvalidUTF8Error {
            return error.offset
        } catch {
            FuzzCheck.expect(false, "unexpected error \(error)")
            return nil
        }
    }
}
