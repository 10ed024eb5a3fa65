/// Converts Chinese text with one OpenCC configuration, byte-for-byte as OpenCC 1.4.2 does.
///
/// A `Converter` is an immutable value over tables compiled into the library: building one costs
/// no parsing, and one instance can be shared by every thread and task.
///
/// ```swift
/// let converter = Converter(.s2t)
/// converter.convert("头发干了")          // "頭髮乾了"
/// ```
public struct Converter: Sendable {
    public let config: Config
    /// Whether dictionaries OpenCC marks `may_output_tofu` take part (the OpenCC CLI leaves them out).
    public let includesTofuRiskDictionaries: Bool

    public init(_ config: Config, includeTofuRiskDictionaries: Bool = false) {
        self.config = config
        self.includesTofuRiskDictionaries = includeTofuRiskDictionaries
    }

    /// Converts a string.
    public func convert(_ text: String) -> String {
        text // PROVISIONAL: engine lands next
    }

    /// Converts valid UTF-8 bytes, appending the result to `output`.
    /// - Precondition: `input` is valid UTF-8 (see ``UTF8Validation``).
    public func convert(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) {
        output.append(contentsOf: input) // PROVISIONAL
    }

    /// A streaming conversion: feed chunks of any size, get output with bounded memory.
    public func makeStream(lossy: Bool = false) -> ConversionStream {
        ConversionStream(converter: self, lossy: lossy)
    }
}
