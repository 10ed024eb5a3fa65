import FuzzSupport
import Jianfan

/// The converter on raw bytes, for every configuration.
///
/// Input: one selector byte (see ``FuzzCheck/converter(selector:)``), then the text. Valid
/// UTF-8 must convert to the same bytes through every entry point — the byte API on one thread
/// and, appending to a non-empty array, on two; `convert(_ text: String)`; a caller's buffer of
/// exactly the right size — and a buffer one byte short must be refused. Invalid UTF-8 must be
/// refused by both byte APIs at the offset ``UTF8Validation`` names, with nothing written and
/// nothing read past the input (the text sits in an allocation of its own size, so ASan sees
/// any such read).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConverter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let converter = FuzzCheck.converter(selector: input.byte())
    let text = input.remaining
    let invalidAt = UTF8Validation.firstInvalidOffset(in: text)

    let converted = ConverterAPI.convert(text, with: converter, invalidAt: invalidAt)
    ConverterAPI.checkCallerBuffers(text, with: converter, invalidAt: invalidAt, expected: converted ?? [])
    guard let converted else { return 0 }
    let viaString = Array(converter.convert(String(decoding: text, as: UTF8.self)).utf8)
    FuzzCheck.expect(viaString == converted, "convert(String) differs on \(FuzzCheck.describe(text))")
    return 0
}

@main enum Main { static func main() { FuzzMain.run(fuzzConverter) } }
