internal import CJianfanICU // Its headers keep ICU's types out of Swift.

/// One compiled `--protect` pattern and the text it searches: ICU's regular expression over a
/// UTF-8 UText, so matches come back as byte offsets. Not for concurrent use: each stream
/// compiles its own.
final class ProtectedPattern {
    private let regex: OpaquePointer
    let pattern: String

    init(_ pattern: String) throws(ProtectionError) {
        var offset: Int32 = -1
        var name = [CChar](repeating: 0, count: 256)
        var source = pattern
        let opened = source.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) {
                jianfan_icu_regex_open($0.baseAddress, Int32($0.count), &offset, &name, name.count)
            }
        }
        guard let opened else {
            let reason = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            var available = [CChar](repeating: 0, count: 256)
            let hasICU = jianfan_icu_regex_available(&available, available.count) != 0
            throw ProtectionError(pattern: pattern, reason: reason, offset: hasICU && offset >= 0 ? Int(offset) : nil)
        }
        regex = opened
        self.pattern = pattern
    }

    deinit { jianfan_icu_regex_close(regex) }

    /// Appends to `ranges` the matches (non-empty, in order) within each line of `s[span]`.
    /// `s` must stay valid until the next call.
    func matches(_ s: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, into ranges: inout [Range<Int>]) {
        guard !span.isEmpty, let base = s.baseAddress else { return }
        let set = base.withMemoryRebound(to: CChar.self, capacity: s.count) {
            jianfan_icu_regex_set_text(regex, $0, Int64(s.count), nil, 0)
        }
        guard set != 0 else { return }
        var start = span.lowerBound
        while start < span.upperBound {
            let end = UTF8Text.lineEnd(from: start, in: s, limit: span.upperBound)
            if end > start, jianfan_icu_regex_set_region(regex, Int64(start), Int64(end), nil, 0) != 0 {
                var from: Int64 = 0, to: Int64 = 0
                while jianfan_icu_regex_find_next(regex, &from, &to, nil, 0) == 1 {
                    if to > from { ranges.append(Int(from)..<Int(to)) }
                }
            }
            start = end + UTF8Text.breakLength(at: end, in: s, limit: span.upperBound)
            if end == span.upperBound { break }
        }
    }
}
