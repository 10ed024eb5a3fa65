import FuzzSupport
import Jianfan

/// ICU transforms through ``Transliterator`` on arbitrary text.
///
/// Input: a selector byte (which transform), then the text, decoded as UTF-8 with U+FFFD for
/// bad bytes. There is no oracle but ICU itself: the target checks that the wrapper survives
/// any text (NUL, lone combining marks, astral scalars, output much longer than the input)
/// and that a transform gives the same result twice (the second call reuses the pooled clone
/// the first one left).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTransliterator(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let transliterator = transliterators[Int(input.byte()) % transliterators.count]
    let text = String(decoding: input.remaining, as: UTF8.self)
    let first = transliterator.transliterate(text)
    let second = transliterator.transliterate(text)
    FuzzCheck.expect(first == second, "\(transliterator.id) gave two results for \(text.debugDescription)")
    return 0
}

@main enum Main { static func main() { FuzzMain.run(fuzzTransliterator) } }

/// Han-Latin expands text about ×4.5 (the wrapper's buffer sizing); Hans-Hant both ways is
/// what `--engine icu` runs; Any-NFKC and Fullwidth-Halfwidth are normalisers.
let transliterators: [Transliterator] = [
    try! Transliterator("Han-Latin"),
    try! Transliterator("Hans-Hant"),
    try! Transliterator("Hans-Hant", reverse: true),
    try! Transliterator("Any-NFKC"),
    try! Transliterator("Fullwidth-Halfwidth"),
]
