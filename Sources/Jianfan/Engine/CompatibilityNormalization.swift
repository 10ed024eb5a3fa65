internal import CJianfanUTF8

/// OpenCC's normalization pre-step when it only maps CJK compatibility ideographs (every
/// configuration's `CJK_Compatibility_Ideographs`): real text has few of them, so the text is
/// searched for them 16 bytes at a time and copied in runs between them, instead of going
/// through the table loop character by character. The output is exactly the table loop's.
extension Plan {
    /// Whether `bytes` may hold a CJK compatibility ideograph (U+F900–U+FAFF: EF A4–AB;
    /// U+2F800–U+2FA1F: F0 AF …), so text without one skips the normalization pass.
    static func mayContainCompatibility(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstCompatibility(bytes) < bytes.count
    }

    /// The offset of the first byte in `bytes` that may start a compatibility ideograph, or
    /// `bytes.count`.
    static func firstCompatibility(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        return jianfan_find_compatibility(base, bytes.count)
    }
}

extension Table {
    /// Converts `[start, end)` into `out` as ``convert(_:_:into:)`` would, for a table whose keys
    /// are all compatibility ideographs (the configuration's normalization), and returns true.
    /// Returns false, leaving `out` as it was, when a key lies where a complete IDS may hold it
    /// (the table loop copies such an IDS whole): then the table loop must decide.
    /// - Precondition: the input is valid UTF-8.
    ///
    /// `first` is where to start looking: no compatibility ideograph starts before it.
    func normalizeCompatibility(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>,
                                scanningFrom first: UnsafePointer<UInt8>? = nil, into out: ByteBuffer) -> Bool {
        let initialCount = out.count
        out.reserve(end - start)   // one allocation: the output is as long, give or take a byte a change
        var p = first ?? start, copied = start
        while true {
            let offset = jianfan_find_compatibility(p, end - p)
            if offset == end - p { break }
            let c = p + offset
            let (scalar, length) = UTF8Scalars.decode(c)
            let record = self.record(scalar)
            p = c + length
            guard record != 0 && TableFormat.rank(record) != TableFormat.noRank else { continue }
            // A complete IDS holding it starts within ``Plan/idsReach`` bytes before it.
            if Plan.idsOperatorNear(UnsafeBufferPointer(start: start, count: end - start), before: c - start) {
                out.count = initialCount
                return false
            }
            out.append(UnsafeRawBufferPointer(start: copied, count: c - copied))
            out.reserve(ByteBuffer.slack)
            out.count += emit(record: record, to: out.base + out.count)
            copied = p
        }
        out.append(UnsafeRawBufferPointer(start: copied, count: end - copied))
        return true
    }
}
