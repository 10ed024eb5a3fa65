import FuzzSupport
import Jianfan

/// ICU's converters on arbitrary bytes, through ``Transcoder`` and ``TextEncoding``.
///
/// Input: a selector byte (low three bits: the encoding; bit 3: lossy), a byte seeding the
/// chunk sizes, then the bytes. Decoding them whole and in chunks of 1–16 bytes must give the
/// same UTF-8, or the same error at the same offset; what it gives must be valid UTF-8; a lossy
/// decoder never fails on input. The decoded text encoded back (lossy) must not fail, and
/// encoding detection (`TextEncoding.identify`) must not fail on the raw bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEncoding(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let selector = input.byte()
    var random = SplitMix64(seed: UInt64(input.byte()))
    let bytes = input.remaining
    let lossy = selector & 0x08 != 0
    guard let encoding = try? TextEncoding(named: encodings[Int(selector & 0x07)]) else { return 0 }

    let whole = decode(encoding, lossy: lossy) { [bytes[...]] }
    let chunked = decode(encoding, lossy: lossy) {
        var chunks: [ArraySlice<UInt8>] = [], at = 0
        while at < bytes.count {
            let length = min(1 + random.next(below: 16), bytes.count - at)
            chunks.append(bytes[at..<(at + length)])
            at += length
        }
        return chunks
    }
    FuzzCheck.expect(whole == chunked, "\(encoding): whole \(whole) but in chunks \(chunked) on \(FuzzCheck.describe(bytes))")
    if case .success(let text) = whole {
        FuzzCheck.expect(UTF8Validation.firstInvalidOffset(in: text) == nil, "\(encoding): decoded text is not UTF-8")
        if let encoder = try? Transcoder(encoding: encoding, lossy: true) {
            var back: [UInt8] = []
            do {
                try encoder.convert(text, flush: true, appendingTo: &back)
            } catch {
                FuzzCheck.expect(false, "\(encoding): lossy encoding failed: \(error)")
            }
        }
    } else {
        FuzzCheck.expect(!lossy, "\(encoding): a lossy decoder failed: \(whole)")
    }
    _ = TextEncoding.identify(bytes, complete: true)
    return 0
}

let encodings = ["GB18030", "GBK", "Big5", "Big5-HKSCS", "Shift_JIS", "EUC-JP", "UTF-16LE", "UTF-32BE"]

/// The decoding of `chunks()` fed one after another, or the error that stopped it.
func decode(_ encoding: TextEncoding, lossy: Bool, chunks: () -> [ArraySlice<UInt8>]) -> Result<[UInt8], TextEncodingError> {
    Result { () throws(TextEncodingError) in
        let decoder = try Transcoder(decoding: encoding, lossy: lossy)
        var text: [UInt8] = []
        for chunk in chunks() { try decoder.convert(chunk, flush: false, appendingTo: &text) }
        try decoder.convert([UInt8](), flush: true, appendingTo: &text)
        return text
    }
}

@main enum Main { static func main() { FuzzMain.run(fuzzEncoding) } }
