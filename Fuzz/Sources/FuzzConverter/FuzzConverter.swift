import FuzzSupport
import Jianfan

/// The converter on raw bytes, for every configuration.
///
/// Input: one selector byte (see ``FuzzCheck/converter(selector:)``), then the text. Valid
/// UTF-8 must convert to the same bytes through every entry point — the byte API on one thread
/// and on two, `convert(_ text: String)`, and a caller's buffer of exactly the right size —
/// and a buffer one byte short must be refused. Invalid UTF-8 must be rejected, at the offset
/// ``UTF8Validation`` names, without reading past the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConverter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    var converter = FuzzCheck.converter(selector: input.byte())
    // The text in an allocation of its own size, so ASan sees any read past its end.
    let text = input.remaining
    let invalidAt = UTF8Validation.firstInvalidOffset(in: text)

    converter.maximumThreads = 1
    guard let one = ConverterAPI.convert(text, with: converter, invalidAt: invalidAt) else { return 0 }
    converter.maximumThreads = 2
    let two = ConverterAPI.convert(text, with: converter, invalidAt: invalidAt)
    FuzzCheck.expect(one == two, "threads 1 and 2 differ on \(FuzzCheck.describe(text))")

    let viaString = Array(converter.convert(String(decoding: text, as: UTF8.self)).utf8)
    FuzzCheck.expect(viaString == one, "convert(String) differs on \(FuzzCheck.describe(text))")

    ConverterAPI.checkCallerBuffers(text, with: converter, expected: one)
    return 0
}

@main enum Main { static func main() { FuzzMain.run(fuzzConverter) } }
