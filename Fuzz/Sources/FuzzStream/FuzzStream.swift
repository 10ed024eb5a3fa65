import FuzzSupport
import Jianfan

/// The stream fed in random chunk sizes, compared with the whole conversion.
///
/// Input: a selector byte (configuration; bit 5: lossy; bit 6: `convert(reading:writing:)`
/// instead of `write`/`flush`/`finish`), a seed byte for the chunk sizes and flushes, then the
/// text. Valid text must stream to exactly what ``Converter/convert(_:appendingTo:)`` makes of
/// it whole; invalid text must throw ``InvalidUTF8Error`` at the first bad byte's offset, or,
/// lossy, stream to the conversion of the text with U+FFFD in place of each bad sequence.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStream(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let selector = input.byte()
    var random = SplitMix64(seed: UInt64(input.byte()))
    var converter = FuzzCheck.converter(selector: selector)
    converter.maximumThreads = 1
    let lossy = selector & 0x20 != 0
    let text = input.remaining

    let invalidAt = UTF8Validation.firstInvalidOffset(in: text)
    let valid = lossy ? UTF8Validation.repaired(text) : text
    let expected = lossy || invalidAt == nil ? FuzzCheck.converted(valid, with: converter) : []
    var stream = converter.makeStream(lossy: lossy)
    StreamFeeding.check(text, to: &stream, readingLoop: selector & 0x40 != 0, lossy: lossy, expected: expected, random: &random)
    return 0
}

@main enum Main { static func main() { FuzzMain.run(fuzzStream) } }
