import FuzzSupport
import Jianfan

/// `Normalizer.standard` on arbitrary text, each step checked against its own report.
///
/// Input: a selector byte (low four bits: the script step's configuration; bit 4: no script
/// step; bit 5: line repair), then the text, decoded as UTF-8 with U+FFFD for bad bytes.
/// Each step's report must describe exactly what it did: the changes are in order, do not
/// overlap, lie inside the step's input, quote it (`before`), and applied to the input they
/// give the step's output. Running the normalizer must give the last step's output.
///
/// A second byte drives the stream (``StreamCheck``): the raw bytes, valid or not, fed to
/// ``NormalizationStream`` in random chunks must give the whole text's normalization.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalizer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let selector = input.byte()
    let config = selector & 0x10 == 0 ? Config.allCases[Int(selector & 0x0F) % Config.allCases.count] : nil
    let normalizer = Normalizer.standard(script: config, repairLines: selector & 0x20 != 0)
    let streamMode = input.byte()
    let bytes = input.remaining
    let text = String(decoding: bytes, as: UTF8.self)

    var current = text
    for step in normalizer.steps {
        let (next, report) = step.apply(to: current)
        ReportReplay.check(report, from: current, to: next)
        current = next
    }
    let result = normalizer.normalize(text)
    FuzzCheck.expect(result.text == current, "normalize differs from its steps one by one")
    FuzzCheck.expect(result.reports.map(\.step) == normalizer.steps.map(\.name), "one report per step, in order")
    StreamCheck.check(normalizer, bytes, mode: streamMode)
    return 0
}

@main enum Main { static func main() { FuzzMain.run(fuzzNormalizer) } }
