import Jianfan

/// The conversion a document applies to each piece of its text: UTF-8 in, UTF-8 appended out.
/// Any converter fits (the table engine, an ICU transform); pieces are short (a text node, a
/// subtitle line), so the function is called often and should not set up much per call.
///
/// ```swift
/// let s2t = TextConversion(Converter(.s2t))
/// var out: [UInt8] = []
/// try Array("头发".utf8).withUnsafeBytes { try s2t.apply($0, &out) }   // out is "頭髮"
/// ```
public struct TextConversion: Sendable {
    /// Converts the bytes and appends the result; throws `InvalidUTF8Error` for bad input.
    public let apply: @Sendable (UnsafeRawBufferPointer, inout [UInt8]) throws -> Void

    /// A conversion from any function that appends the converted bytes.
    public init(_ apply: @escaping @Sendable (UnsafeRawBufferPointer, inout [UInt8]) throws -> Void) {
        self.apply = apply
    }

    /// The table engine, on the calling thread only: documents are converted one per core.
    public init(_ converter: Converter) {
        var serial = converter
        serial.maximumThreads = 1
        let converter = serial
        apply = { input, output in try converter.convert(input, appendingTo: &output) }
    }
}
