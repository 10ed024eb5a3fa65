import FuzzSupport
import Jianfan

/// The aligner on two arbitrary texts, its report checked for consistency.
///
/// Input: a parameter byte (bits 0–2: seed length 1–8; bits 3–5: maximum gap 0–28; bit 6:
/// minimum matched 16 instead of the seed length; bit 7: at most 2 occurrences of a seed), a
/// split byte (where the rest is cut into document and reference, as a share of 255), then
/// the bytes of both texts, decoded as UTF-8 with U+FFFD for bad bytes. Short seeds make
/// arbitrary texts share seeds, so passages and edits occur. The report's spans must lie in
/// the texts and quote them, edits must lie in their passage and match their kind, passages
/// must be in order, and coverage must stay within the texts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAligner(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let parameters = input.byte()
    let split = Int(input.byte())
    let seedLength = 1 + Int(parameters & 0x07)
    let maximumGap = Int(parameters >> 3 & 0x07) * 4
    let minimumMatched = parameters & 0x40 == 0 ? seedLength : 16
    let aligner = Aligner(seedLength: seedLength, maximumGap: maximumGap, minimumMatched: minimumMatched,
                          maximumOccurrences: parameters & 0x80 == 0 ? 64 : 2)
    let bytes = input.remaining
    let cut = bytes.count * split / 255
    let document = String(decoding: bytes[..<cut], as: UTF8.self)
    let reference = String(decoding: bytes[cut...], as: UTF8.self)

    let report = aligner.align(document: document, references: [(path: "r", text: reference)])
    AlignmentCheck.check(report, document: document, reference: reference, minimumMatched: aligner.minimumMatched)
    return 0
}

@main enum Main { static func main() { FuzzMain.run(fuzzAligner) } }
