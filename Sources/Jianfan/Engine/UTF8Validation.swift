internal import CJianfanUTF8
import Dispatch

/// Strict UTF-8 checking (no overlong forms, no surrogates, nothing above U+10FFFF), with the
/// exact offset of the first bad byte, and a lossy repair that OpenCC-compatible callers opt into.
///
/// ```swift
/// UTF8Validation.firstInvalidOffset(in: [0x61, 0xC0, 0xAF])   // 1 (an overlong "/")
/// UTF8Validation.repaired([0x61, 0xFF])                        // "a\u{FFFD}" as UTF-8
/// ```
public enum UTF8Validation {
    /// The result of scanning bytes that may end in the middle of a scalar.
    public enum Scan: Equatable, Sendable {
        /// All valid; the last `incompleteTail` bytes begin a scalar that may continue in more input.
        case valid(incompleteTail: Int)
        /// The byte at this offset starts no valid scalar; `length` bytes from it form the maximal
        /// ill-formed subpart (what one U+FFFD replaces).
        case invalid(offset: Int, length: Int)
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil. A scalar cut off by
    /// the end of `bytes` is invalid here (at its first byte).
    public static func firstInvalidOffset(in bytes: some Collection<UInt8>) -> Int? {
        let array = Array(bytes)
        return array.withUnsafeBufferPointer { buffer in
            switch scan(buffer) {
            case .valid(let tail): tail == 0 ? nil : buffer.count - tail
            case .invalid(let offset, _): offset
            }
        }
    }

    /// Scans `bytes`, allowing the last scalar to be incomplete.
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        guard let base = bytes.baseAddress else { return .valid(incompleteTail: 0) }
        let n = bytes.count
        // The valid bulk 16 bytes at a time; the loop below finds the first error, if any.
        var i = jianfan_utf8_valid_prefix(base, n)
        while i < n {
            let b0 = base[i]
            if b0 < 0x80 {
                // Eight ASCII bytes at a time in ASCII runs (markup, Latin text); probed only
                // after an ASCII byte, so Chinese text does not pay for it on every character.
                if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                } else {
                    i += 1
                }
                continue
            }
            // The common case in Chinese text: a three-byte scalar outside E0/ED's special ranges.
            if i + 3 <= n && b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED
                && (base[i + 1] & 0xC0) == 0x80 && (base[i + 2] & 0xC0) == 0x80 {
                i += 3
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return .invalid(offset: i, length: 1)
            }
            for k in 1..<length {
                if i + k >= n { return .valid(incompleteTail: n - i) }
                let b = base[i + k]
                if k == 1 ? (b < low || b > high) : (b & 0xC0 != 0x80) { return .invalid(offset: i, length: k) }
            }
            i += length
        }
        return .valid(incompleteTail: 0)
    }

    /// Scans like ``scan(_:)``, with the same result, splitting a large input in two halves
    /// scanned at once when `threads` allows. The split falls on a scalar's first byte, so the
    /// second half's result holds as it is unless the first half is not cleanly valid; then the
    /// serial scan decides.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, threads: Int) -> Scan {
        guard threads > 1, bytes.count >= UTF8Validation.parallelThreshold, let base = bytes.baseAddress else {
            return scan(bytes)
        }
        var middle = bytes.count / 2
        while middle < bytes.count / 2 + 4 && base[middle] & 0xC0 == 0x80 { middle += 1 }
        if base[middle] & 0xC0 == 0x80 { return scan(bytes) }   // five continuation bytes: invalid anyway
        let split = middle
        let input = SharedInput(bytes: UnsafeRawBufferPointer(bytes))
        let results = ScanResults()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let half = i == 0 ? input.bytes[..<split] : input.bytes[split...]
            results.store(scan(UnsafeRawBufferPointer(rebasing: half).bindMemory(to: UInt8.self)), at: i)
        }
        guard results.first == .valid(incompleteTail: 0) else { return scan(bytes) }
        switch results.second {
        case .valid: return results.second
        case .invalid(let offset, let length): return .invalid(offset: split + offset, length: length)
        }
    }

    /// Below this, splitting costs more than it saves.
    static let parallelThreshold = 1 << 18

    /// `bytes` with every maximal invalid subpart replaced by U+FFFD (as Unicode recommends).
    public static func repaired(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let array = Array(bytes)
        return Array(String(decoding: array, as: UTF8.self).utf8)
    }
    /// `bytes` with every maximal invalid subpart replaced by U+FFFD, in one pass; unless
    /// `final`, a scalar cut off at the end is kept as it is and its length returned as the
    /// incomplete tail. Linear in the input whatever its shape (1 MB of `0xFF` included).
    static func repairing(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool) -> (bytes: [UInt8], incompleteTail: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        var start = 0
        while start < bytes.count {
            let rest = UnsafeBufferPointer(rebasing: bytes[start...])
            switch scan(rest) {
            case .valid(let tail):
                if tail > 0 && final {
                    out.append(contentsOf: rest[..<(rest.count - tail)])
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    return (out, 0)
                }
                out.append(contentsOf: rest)
                return (out, tail)
            case .invalid(let offset, let length):
                out.append(contentsOf: rest[..<offset])
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                start += offset + max(length, 1)
            }
        }
        return (out, 0)
    }
}

/// The two halves' results of a parallel scan, each written by one worker and read after both.
private final class ScanResults: @unchecked Sendable {
    var first = UTF8Validation.Scan.valid(incompleteTail: 0)
    var second = UTF8Validation.Scan.valid(incompleteTail: 0)

    func store(_ scan: UTF8Validation.Scan, at i: Int) {
        if i == 0 { first = scan } else { second = scan }
    }
}
