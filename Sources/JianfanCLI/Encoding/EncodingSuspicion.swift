#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file that is not UTF-8 probably is, for the invalid-UTF-8 message: a byte order
/// mark or the NUL pattern of ASCII in UTF-16/32, or the two-byte shape of GB18030/GBK and
/// Big5, told apart by their second bytes (GB2312's characters all have a second byte of
/// A1–FE; Big5 puts about 4 in 10 at 40–7E).
///
/// Replacing such a file's bytes with U+FFFD (`--lossy`) destroys it, so the message names the
/// suspect and the option that reads it. (`--from-encoding auto` reads most such files
/// already; this is for a file read as UTF-8 by choice, or one the detector could not place.)
///
/// ```swift
/// EncodingSuspicion.guess([0xFF, 0xFE, 0x34, 0x59])        // "UTF-16LE"
/// EncodingSuspicion.guess(Array("abc".utf8))              // nil
/// ```
enum EncodingSuspicion {
    static func guess(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return "UTF-32LE" }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32BE" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let sample = bytes.prefix(65536)
        guard sample.count >= 2 else { return nil }
        var zerosEven = 0, zerosOdd = 0
        for (k, b) in sample.enumerated() where b == 0 {
            if k % 2 == 0 { zerosEven += 1 } else { zerosOdd += 1 }
        }
        let half = sample.count / 2
        if zerosOdd > half / 4, zerosOdd > 4 * zerosEven { return "UTF-16LE" }
        if zerosEven > half / 4, zerosEven > 4 * zerosOdd { return "UTF-16BE" }
        if zerosEven + zerosOdd > 0 { return nil }
        return legacyChinese(Array(sample))
    }

    /// GB18030 or Big5 when nearly every byte above 7F starts a well-formed double-byte pair.
    private static func legacyChinese(_ bytes: [UInt8]) -> String? {
        var pairs = 0, lowTrails = 0, strays = 0
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            guard b >= 0x80 else { k += 1; continue }
            guard (0x81...0xFE).contains(b), k + 1 < bytes.count else { strays += 1; k += 1; continue }
            let trail = bytes[k + 1]
            if (0x40...0xFE).contains(trail), trail != 0x7F {
                pairs += 1
                if trail <= 0x7E { lowTrails += 1 }
                k += 2
            } else if (0x30...0x39).contains(trail) {
                pairs += 1   // GB18030's four-byte form
                k += min(4, bytes.count - k)
            } else {
                strays += 1
                k += 1
            }
        }
        guard pairs >= 4, strays * 20 <= pairs else { return nil }
        return lowTrails * 5 >= pairs ? "Big5" : "GB18030"
    }

    /// The advice for a file that failed as UTF-8, read from the file itself (its first 64 KB);
    /// nil for standard input (its bytes are gone) or when nothing is suspected.
    static func advice(for path: String) -> String? {
        guard path != InputFile.standardInputName else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 65536)
        let count = head.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        guard count > 0, let encoding = guess(Array(head.prefix(count))) else { return nil }
        return "it looks like \(encoding), not UTF-8: read it with --from-encoding \(encoding); "
            + "--lossy would replace its characters with U+FFFD"
    }
}
