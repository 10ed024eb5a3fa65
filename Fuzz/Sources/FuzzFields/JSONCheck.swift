import FuzzSupport
import Jianfan

/// The JSON line scanner and the string codec: selected strings decoded and encoded again (in
/// the style they came in) make a line that scans the same, with the same texts.
enum JSONCheck {
    static func check(_ line: [UInt8], paths: FieldPaths) {
        var scanner = JSONLineScanner(fields: paths)
        var tokens: [JSONStringToken] = []
        let scanned = line.withUnsafeBytes { bytes in
            Result { () throws(JSONSyntaxError) in try scanner.scan(bytes, into: &tokens) }
        }
        if case .failure(let error) = scanned {
            FuzzCheck.expect(error.offset >= 0 && error.offset <= line.count, "JSON: error offset \(error.offset) of \(line.count)")
            return
        }
        var rewritten: [UInt8] = [], texts: [[UInt8]?] = []
        var position = 0
        line.withUnsafeBytes { bytes in
            for token in tokens {
                FuzzCheck.expect(token.start >= position && token.start > 0 && token.end <= line.count - 1 && token.start <= token.end,
                                 "JSON: token \(token.start)..<\(token.end) out of order or outside the line")
                FuzzCheck.expect(line[token.start - 1] == 0x22 && line[token.end] == 0x22, "JSON: token not between quotes")
                var text: [UInt8] = []
                let style = JSONString.decode(bytes, token, into: &text)
                texts.append(style.map { _ in text })
                rewritten += line[position..<token.start]
                if let style {
                    FuzzCheck.expect(UTF8Validation.firstInvalidOffset(in: text) == nil, "JSON: decoded text is not UTF-8")
                    text.withUnsafeBytes { JSONString.encode($0, style: style, into: &rewritten) }
                    if !token.escaped {
                        FuzzCheck.expect(text.elementsEqual(line[token.start..<token.end]), "JSON: an unescaped token decoded to other bytes")
                    }
                } else {
                    FuzzCheck.expect(token.escaped, "JSON: an unescaped token failed to decode")
                    rewritten += line[token.start..<token.end]
                }
                position = token.end
            }
        }
        rewritten += line[position...]
        var again: [JSONStringToken] = []
        let rescanned = rewritten.withUnsafeBytes { bytes in
            Result { () throws(JSONSyntaxError) in try scanner.scan(bytes, into: &again) }
        }
        guard case .success = rescanned else {
            FuzzCheck.expect(false, "JSON: the rewritten line \(FuzzCheck.describe(rewritten)) does not scan: \(rescanned)")
            return
        }
        FuzzCheck.expect(again.count == tokens.count, "JSON: \(again.count) tokens after rewriting, \(tokens.count) before")
        rewritten.withUnsafeBytes { bytes in
            for (token, text) in zip(again, texts) {
                var decoded: [UInt8] = []
                let style = JSONString.decode(bytes, token, into: &decoded)
                if let text {
                    FuzzCheck.expect(style != nil && decoded == text, "JSON: a rewritten string decodes to other text")
                }
            }
        }
    }
}
