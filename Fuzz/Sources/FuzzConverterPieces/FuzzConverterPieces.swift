import FuzzSupport
import Jianfan

/// Large inputs: the text repeated, with no line break added, past the size at which a
/// conversion is cut into pieces for several threads and a stream into windows.
///
/// Input: a selector byte (configuration, and bit 5: check a stream instead of two threads),
/// then the text, which is repaired to valid UTF-8 and repeated to ``targetSize`` bytes. Two
/// threads must give what one gives; a stream fed 64 KiB chunks must give the whole
/// conversion. Cuts between pieces and windows are where phrases get split, so each finding
/// here is an input whose repetition straddles a cut.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConverterPieces(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let selector = input.byte()
    var converter = FuzzCheck.converter(selector: selector)
    let unit = UTF8Validation.repaired(input.remaining)
    guard !unit.isEmpty else { return 0 }
    var text: [UInt8] = []
    text.reserveCapacity(targetSize + unit.count)
    while text.count < targetSize { text += unit }

    converter.maximumThreads = 1
    let whole = FuzzCheck.converted(text, with: converter)

    if selector & 0x20 == 0 {
        converter.maximumThreads = 2
        let two = FuzzCheck.converted(text, with: converter)
        FuzzCheck.expect(two == whole, "threads 1 and 2 differ on \(FuzzCheck.describe(unit)) repeated")
    } else {
        converter.maximumThreads = 2 // each window in pieces, as the CLI converts
        var stream = converter.makeStream()
        var streamed: [UInt8] = []
        do {
            for start in stride(from: 0, to: text.count, by: 1 << 16) {
                try stream.write(text[start..<min(start + (1 << 16), text.count)], into: &streamed)
            }
            try stream.finish(into: &streamed)
        } catch {
            FuzzCheck.expect(false, "the stream refused valid UTF-8: \(error)")
        }
        FuzzCheck.expect(streamed == whole, "the stream differs on \(FuzzCheck.describe(unit)) repeated")
    }
    return 0
}

@main enum Main { static func main() { FuzzMain.run(fuzzConverterPieces) } }

/// Past the parallel threshold (512 KiB) and the stream's first window (512 KiB).
let targetSize = 600_000
