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
    /// when bit 4 is set: all 32 plans are reachable from one byte.
    public static func converter(selector: UInt8) -> Converter {
        let configs = Config.allCases
        return Converter(configs[Int(selector & 0x0F) % configs.count], includeTofuRiskDictionaries: selector & 0x10 != 0)
    }

    /// Stops the run with `message` (and where it went wrong) when `condition` is false.
    /// `precondition` stays in release builds, unlike `assert`.
    public static func expect(
        _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #file, line: UInt = #line
    ) {
        precondition(condition, message(), file: file, line: line)
    }

    /// Text for a message: short inputs whole, long ones by their length.
    public static func describe(_ bytes: [UInt8]) -> String {
        bytes.count <= 64 ? bytes.map { String($0, radix: 16) }.joined(separator: " ") : "\(bytes.count) bytes"
    }
}
