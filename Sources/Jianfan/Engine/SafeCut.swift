/// Where text can be cut so that converting the pieces separately gives the same bytes as
/// converting it whole: right after a scalar that no key of the configuration contains (no match
/// can cross it, and a segment boundary there changes nothing), and never where an ideographic
/// description sequence could still be open (an IDS swallows up to 64 scalars, line breaks too).
extension Plan {
    /// How far back from a cut an IDS operator (UTF-8 `E2 BF B0`…`E2 BF BF`) rules it out.
    static let idsReach = 64 * 4

    /// The largest safe cut in `(lower, upper]`, or nil. Offsets are into `bytes`.
    func safeCut(in bytes: UnsafeBufferPointer<UInt8>, lower: Int, upper: Int) -> Int? {
        guard !isolatingScalars.isEmpty, upper > lower else { return nil }
        let encodings = isolatingScalars.map { Array(String(UnicodeScalar($0)!).utf8) }
        var cut = upper
        while cut > lower {
            // Is there an isolating scalar ending exactly at `cut`?
            let last = bytes[cut - 1]
            var found = false
            for e in encodings where e.last == last && cut - e.count >= 0 {
                if e.count == 1 || (0..<e.count).allSatisfy({ bytes[cut - e.count + $0] == e[$0] }) {
                    found = true
                    break
                }
            }
            if found && !Plan.idsOperatorNear(bytes, before: cut) { return cut }
            cut -= 1
        }
        return nil
    }

    static func idsOperatorNear(_ bytes: UnsafeBufferPointer<UInt8>, before cut: Int) -> Bool {
        var i = max(0, cut - idsReach)
        while i + 2 < cut {
            if bytes[i] == 0xE2 && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xB0 { return true }
            i += 1
        }
        return false
    }

    /// Splits `bytes` into pieces of about `target` bytes at safe cuts (one piece when no cut is
    /// found). Returns the end offset of each piece.
    func pieces(of bytes: UnsafeBufferPointer<UInt8>, target: Int) -> [Int] {
        var ends: [Int] = []
        var start = 0
        while bytes.count - start > target + target / 2 {
            let ideal = start + target
            let window = max(target / 4, 4096)
            if let cut = safeCut(in: bytes, lower: ideal - window, upper: ideal) ?? safeCut(in: bytes, lower: ideal, upper: min(bytes.count - 1, ideal + window)) {
                ends.append(cut)
                start = cut
            } else {
                break
            }
        }
        ends.append(bytes.count)
        return ends
    }
}
