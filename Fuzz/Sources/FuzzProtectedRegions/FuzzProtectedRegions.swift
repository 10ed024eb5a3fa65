import FuzzSupport
import Jianfan

/// The normalizer's protected regions: markup and addresses in the middle of converted prose.
///
/// Input: a selector byte (low four bits: the script step's configuration; bit 4: line repair;
/// bits 5–7 with the low bits of the next byte: the kind of snippet), then three parts split by
/// NUL: prose before, the snippet's content, prose after. The text is the prose before, a space,
/// the snippet (``ProtectedSnippet``: an HTML tag with an attribute, inline code, a URL with a
/// scheme or `www.`, an entity, an e-mail address, a Markdown link target, an HTML comment), a
/// space and the prose after. The snippet's protected bytes must come out of
/// `Normalizer.standard` unchanged, through ``Normalizer/normalize(_:reporting:)`` and through
/// the stream.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProtectedRegions(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let selector = input.byte()
    let kind = Int(selector >> 5) + Int(input.byte()) * 8
    let config = Config.allCases[Int(selector & 0x0F) % Config.allCases.count]
    let normalizer = Normalizer.standard(script: config, repairLines: selector & 0x10 != 0)
    let parts = input.remaining.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
    let snippet = ProtectedSnippet(kind: kind, content: parts.count > 1 ? parts[1] : [])
    let before = ProtectedSnippet.prose(parts.first ?? [])
    let after = ProtectedSnippet.prose(parts.count > 2 ? parts[2] : [])
    let text = before + [0x20] + snippet.text + [0x20] + after

    let result = normalizer.normalize(String(decoding: text, as: UTF8.self))
    FuzzCheck.expect(contains(Array(result.text.utf8), snippet.protected),
                     "\(config) lost the protected \(String(decoding: snippet.protected, as: UTF8.self).debugDescription) "
                     + "in \(String(decoding: text, as: UTF8.self).debugDescription): \(result.text.debugDescription)")

    var stream = normalizer.makeStream()
    var streamed: [UInt8] = []
    do {
        try stream.write(text, into: &streamed)
        try stream.finish(into: &streamed)
    } catch {
        FuzzCheck.expect(false, "the stream refused valid UTF-8: \(error)")
    }
    FuzzCheck.expect(streamed == Array(result.text.utf8), "the stream differs from normalize")
    return 0
}

/// Whether `needle` occurs in `haystack`.
func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
}

@main enum Main { static func main() { FuzzMain.run(fuzzProtectedRegions) } }
