import Jianfan

/// The encodings of a file of a tree or a document: decoded whole to UTF-8 before it is
/// converted, and encoded back after — in its own encoding in place and under `--output-dir`,
/// unless `--to-encoding` names another.
///
/// ```swift
/// let (text, encoding) = try conversion.decodedText(bytes, name: "a.txt")!   // encoding: GB18030
/// let output = try conversion.encodedText(converted, readAs: encoding, name: "a.txt")
/// ```
extension FileConversion {
    /// A file's text as UTF-8 (not yet validated when it is UTF-8) and the encoding it was in;
    /// nil when the file is not text: a NUL byte in its first 8 KB (unless a byte order mark
    /// says UTF-16 or UTF-32), or bytes invalid in its encoding.
    func decodedText(_ bytes: [UInt8], name: String) throws(CLIError) -> (text: [UInt8], encoding: TextEncoding)? {
        let encoding: TextEncoding
        switch encodings.from {
        case .fixed(let fixed):
            encoding = fixed
        case .auto:
            let mark = TextEncoding.byteOrderMark(in: bytes)
            if Self.looksBinary(bytes), mark == nil || mark == "UTF-8" { return nil }
            let head = Array(bytes.prefix(DecodingReader.sampleSize))
            let (found, evidence) = TextEncoding.identify(head, complete: head.count == bytes.count)
            if evidence == .unknown { return nil }
            encoding = found
            if verbose, !found.isUTF8 { DecodingReader.report(name, found, evidence) }
        }
        if encoding.isUTF8 { return Self.looksBinary(bytes) ? nil : (bytes, encoding) }
        if !encoding.isWideUnicode, Self.looksBinary(bytes) { return nil }
        do {
            let decoder = try Transcoder(decoding: encoding, lossy: lossy)
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count + bytes.count / 2)
            try decoder.convert(bytes, flush: true, appendingTo: &text)
            if decoder.substitutions > 0 {
                StandardError.write("jianfan: \(name): \(decoder.substitutions) invalid \(encoding.name) sequences replaced with U+FFFD\n")
            }
            return Self.looksBinary(text) ? nil : (text, encoding)
        } catch .invalidInput {
            return nil
        } catch {
            throw CLIError.encoding(name, error)
        }
    }

    /// `text` (UTF-8) in the encoding the output goes out in.
    func encodedText(_ text: [UInt8], readAs input: TextEncoding, name: String) throws(CLIError) -> [UInt8] {
        let target = encodings.output(for: input, keepingInput: keepsEncoding)
        if target.isUTF8 { return text }
        do {
            let encoder = try Transcoder(encoding: target, lossy: lossy)
            var output: [UInt8] = []
            output.reserveCapacity(text.count)
            try encoder.convert(text, flush: true, appendingTo: &output)
            if encoder.substitutions > 0 {
                StandardError.write("jianfan: \(name): \(encoder.substitutions) characters not in \(target.name) written as &#x…; references\n")
            }
            return output
        } catch {
            throw CLIError.encoding(name, error)
        }
    }
}
