import Jianfan

/// What the targets share: how a parameter byte picks a configuration, and the checks that make
/// a wrong result a finding (a trap libFuzzer reports and saves the input of).
///
/// ```swift
/// let converter = FuzzCheck.converter(selector: input.byte())
/// FuzzCheck.expect(one == two, "threads disagree")
/// ```
public enum FuzzCheck {
    /// The configuration the low four bits of `selector` name, with the tofu-risk dictionaries
    /// when bit 4 is set, and the word segmenter instead of OpenCC's greedy one when bit 7 is:
    /// all 64 plans and segmenters are reachable from one byte.
    public static func converter(selector: UInt8) -> Converter {
        converters[Int(selector & 0x1F) + (selector & 0x80 == 0 ? 0 : 32)]
    }

    /// Built once: a plan lookup per input would be a good part of a small input's time.
    private static let converters = [SegmenterChoice.greedy, .words].flatMap { segmenter in
        [false, true].flatMap { tofu in
            Config.allCases.map { Converter($0, includeTofuRiskDictionaries: tofu).segmenting(segmenter) }
        }
    }

    /// The conversion of valid UTF-8 (a refusal is a finding).
    public static func converted(_ bytes: [UInt8], with converter: Converter) -> [UInt8] {
        var out: [UInt8] = []
        do {
            // An untyped closure: the typed-throws one crashes swift-frontend 6.3.1's inliner at -O.
            try bytes.withUnsafeBytes { try converter.convert($0, appendingTo: &out) }
        } catch {
            expect(false, "refused valid UTF-8 (\(error)): \(describe(bytes))")
        }
        return out
    }

    /// Stops the run with `message` (and where it went wrong) when `condition` is false.
    /// `fatalError`, not `precondition`: in an optimized build a failed precondition traps
    /// without printing its message, and a finding would come without saying what failed.
    public static func expect(
        _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #file, line: UInt = #line
    ) {
        if !condition { fatalError(message(), file: file, line: line) }
    }

    /// Text for a message: short inputs whole, long ones by their length.
    public static func describe(_ bytes: [UInt8]) -> String {
        bytes.count <= 64 ? bytes.map { String($0, radix: 16) }.joined(separator: " ") : "\(bytes.count) bytes"
    }
}
