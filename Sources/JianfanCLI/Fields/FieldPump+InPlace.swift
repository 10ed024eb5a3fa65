#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// JSON lines converted where their fields stand: the lines are scanned once (for validity and
/// for whether each qualifies, ``JSONLineScanner/convertsInPlace``), and each run of lines that
/// qualify goes to the converter whole, as plain text does, escapes, keys and syntax included.
/// Nothing is cut out, split or compared, and the converter copies the unchanged bytes.
///
/// That gives the bytes the field-by-field path gives (``FieldPump/processByField``) because
/// the converter's tables keep a string's contents apart from what surrounds it
/// (``Converter/convertsJSONStringsInPlace``): no match crosses a quote or a backslash, the
/// syntax and the ASCII strings outside the fields match no key, and a converted field needs no
/// escape it did not have. A line that does not qualify (a `\u` escape, a non-ASCII key or
/// unselected string, U+2028, an IDS operator, or not JSON at all) goes the field-by-field way,
/// with its neighbours when the run of qualifying lines between two such lines is short.
extension FieldPump {
    /// Qualifying lines shorter than this together, between two that do not, go field by field
    /// with them: one call to the converter less for a few lines.
    static let shortestInPlaceRun = 4 << 10
    /// So many lines going field by field with no long enough run in place between them send
    /// the rest of the piece field by field.
    static let mostLinesByField = 8

    /// Converts the lines of `bytes` into `scratch.output` (appended to), each run of qualifying
    /// lines with `convert`; returns the bytes used: all of them.
    func processInPlace(_ bytes: UnsafeRawBufferPointer, paths: FieldPaths, name: String, state: inout BlockState,
                        scratch: FieldScratch, convert: (UnsafeRawBufferPointer, inout [UInt8]) -> Void) throws -> Int {
        var scanner = JSONLineScanner(fields: paths)
        scanner.recordsTokens = false
        var tokens: [JSONStringToken] = []   // stays empty
        // The lines not yet written out: [pendingStart, cleanStart) go field by field (when
        // `byField`; else the two are equal), [cleanStart, start) in place: `cleanLines` lines.
        var pendingStart = 0, cleanStart = 0, start = 0
        var byField = false
        var cleanLines = 0, byFieldLines = 0
        func flush(upTo end: Int) throws {
            if byField {
                let part = UnsafeRawBufferPointer(rebasing: bytes[pendingStart..<cleanStart])
                _ = try processByField(part, atEnd: false, name: name, state: &state, scratch: scratch)
            }
            if cleanStart < end {
                convert(UnsafeRawBufferPointer(rebasing: bytes[cleanStart..<end]), &scratch.output)
                state.line += cleanLines
            }
            pendingStart = end
            cleanStart = end
            cleanLines = 0
            byFieldLines = 0
            byField = false
        }
        while start < bytes.count {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[start...])
            let length = try? scanner.scanLine(rest, into: &tokens)
            let qualifies = length != nil && scanner.convertsInPlace
            // The line's end: where the scan stopped, or (for a line that failed) its line feed.
            let end = length.map { start + $0 }
                ?? memchr(rest.baseAddress!, 0x0A, rest.count).map { start + (UnsafeRawPointer($0) - rest.baseAddress!) }
                ?? bytes.count
            let next = min(end + 1, bytes.count)
            if qualifies {
                cleanLines += 1
            } else {
                // The qualifying lines before this one go in place when they are enough, else
                // field by field with it.
                if start - cleanStart >= Self.shortestInPlaceRun { try flush(upTo: start) }
                byFieldLines += cleanLines + 1
                byField = true
                cleanStart = next
                cleanLines = 0
                // Lines that mostly do not qualify (\u escapes throughout): the rest of the
                // piece goes field by field at once, not scanned twice line after line.
                if byFieldLines >= Self.mostLinesByField {
                    cleanStart = bytes.count
                    break
                }
            }
            start = next
        }
        if byField, bytes.count - cleanStart < Self.shortestInPlaceRun {
            cleanStart = bytes.count
            cleanLines = 0
        }
        try flush(upTo: bytes.count)
        return bytes.count
    }
}
