// The one helper of the CLI's FieldPump.swift that the scanners linked here use (the rest of
// that file needs the whole CLI): the same code, so the scanners compile unchanged.
extension Array where Element == UInt8 {
    /// Appends `bytes[range]` with one copy.
    mutating func append(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        append(contentsOf: UnsafeBufferPointer(start: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + range.lowerBound,
                                               count: range.count))
    }
}
