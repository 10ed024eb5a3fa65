/// The syntax and keys of a flat JSON line (one object whose values are strings, numbers,
/// `true`, `false` or `null`), kept so that the next lines, which in JSON Lines mostly repeat
/// them, are checked by comparing bytes instead of being parsed again.
///
/// A shape is the line cut at its string and number values: the bytes between two values
/// (whitespace, keys, `:`, `,`, the literals) are compared as they are; each value is read as
/// the full scan reads it. A line that matches is the same grammar with the same keys, so its
/// validity and whether it converts in place are what ``JSONLineScanner``'s full scan finds.
///
/// ```swift
/// let shape = JSONLineShape()
/// shape.runs.isEmpty   // true: nothing recorded yet, every line is scanned in full
/// ```
struct JSONLineShape {
    /// What stands after a run of literal bytes.
    enum Slot: UInt8 {
        /// A number.
        case number
        /// A string value no field selects (the run ends with its opening quote).
        case string
        /// A string value a field selects (the run ends with its opening quote).
        case selectedString
        /// The line's end: a line feed or the end of the bytes.
        case end
    }

    /// Per value, its literal run: a byte for the run's length (at most 255), a byte for the
    /// ``Slot`` after it, then the run's bytes. One array, read once per line.
    var runs: [UInt8] = []
    /// Lines scanned in full since the shape was recorded: a new one is recorded only after a
    /// few (``rerecordAfter``), so that lines of two shapes in turn do not record one per line.
    var misses = 0
    static let rerecordAfter = 16
}

extension JSONLineScanner {
    /// Scans the line at the start of `rest` as ``scanLine(_:into:)`` does (tokens are not
    /// recorded) when it has the last recorded shape; returns the offset of its line feed (or
    /// `rest.count`), or nil when it does not match (the line is to be scanned in full).
    mutating func matchShape(_ rest: UnsafeRawBufferPointer) -> Int? {
        let runs = shape.runs
        guard !runs.isEmpty, let base = rest.baseAddress else { return nil }
        bytes = rest
        i = 0
        convertsInPlace = true
        return runs.withUnsafeBytes { runs -> Int? in
            var at = 0
            while at + 2 <= runs.count {
                let count = Int(runs[at]), slot = runs[at + 1]
                at += 2
                guard i + count <= rest.count, Self.same(runs.baseAddress! + at, base + i, count) else { return nil }
                i += count
                at += count
                do throws(JSONSyntaxError) {
                    switch JSONLineShape.Slot(rawValue: slot) {
                    case .number: try number()
                    // The run holds the opening quote, which string() steps over.
                    case .string: i -= 1; _ = try string()
                    case .selectedString: i -= 1; _ = try string(selected: true)
                    case .end, nil: return i == rest.count || rest[i] == 0x0A ? i : nil
                    }
                } catch {
                    return nil
                }
            }
            return nil
        }
    }

    /// Whether the `count` bytes at `a` and at `b` are the same: eight at a time, the last eight
    /// overlapping (runs are short: a call to memcmp cost more).
    private static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        guard count >= 8 else {
            for k in 0..<count where a.load(fromByteOffset: k, as: UInt8.self) != b.load(fromByteOffset: k, as: UInt8.self) {
                return false
            }
            return true
        }
        var k = 0
        while k + 8 < count {
            if a.loadUnaligned(fromByteOffset: k, as: UInt64.self) != b.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
            k += 8
        }
        return a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }

    /// Records the shape of `line` (a valid line, its line feed excluded) if it is flat and its
    /// keys hold no escape, and if no shape is recorded or the last one missed a few lines since
    /// it was; otherwise keeps the shape recorded before.
    mutating func recordShape(_ line: UnsafeRawBufferPointer) {
        shape.misses += 1
        guard shape.runs.isEmpty || shape.misses >= JSONLineShape.rerecordAfter else { return }
        shape.misses = 0
        var runs: [UInt8] = []
        runs.reserveCapacity(line.count + 16)
        var at = 0, literalStart = 0, tooLong = false
        func skipSpace() {
            while at < line.count, line[at] == 0x20 || line[at] == 0x09 || line[at] == 0x0D { at += 1 }
        }
        func cut(_ slot: JSONLineShape.Slot) {
            tooLong = tooLong || at - literalStart > 255
            runs.append(UInt8(truncatingIfNeeded: at - literalStart))
            runs.append(slot.rawValue)
            runs.append(contentsOf: UnsafeRawBufferPointer(rebasing: line[literalStart..<at]))
        }
        skipSpace()
        guard at < line.count, line[at] == UInt8(ascii: "{") else { return }
        at += 1
        skipSpace()
        if at < line.count, line[at] == UInt8(ascii: "}") {
            at += 1
        } else {
            members: while true {
                skipSpace()
                guard at < line.count, line[at] == UInt8(ascii: "\"") else { return }
                let keyStart = at + 1
                at = keyStart
                while at < line.count, line[at] != UInt8(ascii: "\"") {
                    if line[at] == UInt8(ascii: "\\") { return }
                    at += 1
                }
                guard at < line.count else { return }
                let key = UnsafeRawBufferPointer(rebasing: line[keyStart..<at])
                at += 1
                skipSpace()
                guard at < line.count, line[at] == UInt8(ascii: ":") else { return }
                at += 1
                skipSpace()
                guard at < line.count else { return }
                switch line[at] {
                case UInt8(ascii: "\""):
                    at += 1
                    cut(fields.all || fields.isNamed(fields.child(of: 0, key: key)) ? .selectedString : .string)
                    while at < line.count, line[at] != UInt8(ascii: "\"") { at += line[at] == UInt8(ascii: "\\") ? 2 : 1 }
                    guard at < line.count else { return }
                    at += 1
                    literalStart = at
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    cut(.number)
                    while at < line.count, Self.inNumber(line[at]) { at += 1 }
                    literalStart = at
                case UInt8(ascii: "t"), UInt8(ascii: "n"): at += 4
                case UInt8(ascii: "f"): at += 5
                default: return   // an object or an array: not flat
                }
                skipSpace()
                guard at < line.count else { return }
                if line[at] == UInt8(ascii: ",") { at += 1; continue }
                if line[at] == UInt8(ascii: "}") { at += 1; break members }
                return
            }
        }
        at = line.count
        cut(.end)
        if !tooLong { shape.runs = runs }
    }

    private static func inNumber(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }
}
