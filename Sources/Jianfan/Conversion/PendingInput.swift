/// The input a stream has accepted and not yet handed on: its bytes, how much of them is
/// validated UTF-8, and where they sit in the stream (for error offsets). Shared by
/// ``ConversionStream`` and ``NormalizationStream``, which differ only in where they cut.
///
/// Validation goes as far as the bytes allow: an incomplete scalar at the end waits for more
/// input (or, at the end of input, is an error or U+FFFD). With `lossy`, every invalid
/// sequence from the first one on is replaced in one pass, since replacing one at a time moves
/// the rest of the window each time (1 MB of 0xFF took 17 s).
struct PendingInput {
    var bytes: [UInt8] = []
    /// `bytes[..<validated]` is valid UTF-8; the rest is an incomplete scalar awaiting input.
    private(set) var validated = 0
    /// The offset in the stream of `bytes[0]`. Lossy repairs change the length of the text
    /// after them, so this may go below the bytes actually dropped (offsets stay those of input).
    private(set) var offset = 0

    /// Validates what was appended since the last call.
    /// - Throws: ``InvalidUTF8Error`` at the absolute offset of the first invalid byte (or, when
    ///   `final`, of a scalar cut off by the end of input), unless `lossy`.
    mutating func validate(final: Bool, lossy: Bool, threads: Int = 1) throws(InvalidUTF8Error) {
        let from = validated
        let scan = bytes.withUnsafeBufferPointer {
            UTF8Validation.scan(UnsafeBufferPointer(rebasing: $0[from...]), threads: threads)
        }
        switch scan {
        case .valid(let tail):
            validated = bytes.count - tail
            guard tail > 0, final else { return }
            if !lossy { throw InvalidUTF8Error(offset: offset + validated) }
            bytes.replaceSubrange(validated..., with: [0xEF, 0xBF, 0xBD])
            validated = bytes.count
        case .invalid(let at, _):
            let at = from + at
            if !lossy { throw InvalidUTF8Error(offset: offset + at) }
            let before = bytes.count
            let (repaired, tail) = bytes.withUnsafeBufferPointer {
                UTF8Validation.repairing(UnsafeBufferPointer(rebasing: $0[at...]), final: final)
            }
            bytes.replaceSubrange(at..., with: repaired)
            offset -= bytes.count - before
            validated = bytes.count - tail
        }
    }

    /// Has `read` store up to `size` bytes straight after the pending ones (no copy of them
    /// elsewhere first) and returns how many it stored, 0 at the end of input.
    mutating func append(upTo size: Int, from read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> Int {
        var count = 0
        try bytes.append(addingCapacity: size) { span in
            try span.withUnsafeMutableBufferPointer { room, initialized in
                count = try read(UnsafeMutableRawBufferPointer(room))
                precondition(count >= 0 && count <= room.count, "read stored \(count) bytes in \(room.count)")
                initialized = count
            }
        }
        return count
    }

    /// Drops the first `count` bytes, which must be validated, once they have been handed on.
    mutating func drop(_ count: Int) {
        guard count > 0 else { return }
        bytes.removeSubrange(0..<count)
        validated -= count
        offset += count
    }
}
