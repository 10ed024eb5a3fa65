internal import CJianfanTables

/// ICU's default Mandarin reading of each Han character: what ICU 72.1's Han-Latin transform
/// makes of the character on its own (`行` → `xíng`, `長` → `zhǎng`), for the 44,991 characters
/// it reads. `Data/Readings/compile-readings.py` wrote the table from ICU itself; it is embedded
/// in the library, so the reading annotation step never opens the transform (parsing its rules
/// took about 0.1 s of CPU, in every process that met one annotation) and gives the same
/// answers whichever ICU the system has, or none.
///
/// A lookup reads two 16-bit numbers (the page of 256 scalars, then the scalar's reading) of
/// the embedded table; each of the 1,542 distinct readings is parsed once per process.
///
/// ```swift
/// HanReadings.embedded.text(of: "行")   // "xíng"
/// HanReadings.embedded.text(of: "a")    // nil
/// ```
struct HanReadings: @unchecked Sendable {   // read-only memory embedded in the library
    private let pageIndex: UnsafePointer<UInt16>
    private let indexCount: Int
    private let pages: UnsafePointer<UInt16>
    private let ends: UnsafePointer<UInt16>
    private let text: UnsafeBufferPointer<UInt8>
    /// The number of distinct readings.
    let readingCount: Int
    /// The ICU version the table was made from, such as `"72.1"`.
    let icuVersion: String

    /// The table embedded in the library.
    static let embedded = HanReadings(base: UnsafeRawPointer(jianfan_readings_data()), size: jianfan_readings_size())

    /// Every reading of the embedded table parsed as a syllable (nil where it is none), by number.
    private static let syllables: [PinyinSyllable?] = embedded.parsedReadings()

    /// Reads the header of a table at `base` (which must live as long as the value).
    init(base raw: UnsafeRawPointer, size: Int) {
        precondition(size >= 32 && raw.loadUnaligned(as: UInt32.self) == 0x5248_464A, "Jianfan: bad readings table")
        precondition(raw.loadUnaligned(fromByteOffset: 4, as: UInt16.self) == 1, "Jianfan: unknown readings table version")
        readingCount = Int(raw.loadUnaligned(fromByteOffset: 6, as: UInt16.self))
        let pageCount = Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        indexCount = Int(raw.loadUnaligned(fromByteOffset: 10, as: UInt16.self))
        let textCount = Int(raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        let version = UnsafeRawBufferPointer(start: raw + 16, count: 16).prefix { $0 != 0 }
        icuVersion = String(decoding: version, as: UTF8.self)
        let pagesOffset = 32 + 2 * indexCount
        let endsOffset = pagesOffset + 512 * pageCount
        let textOffset = endsOffset + 2 * readingCount
        precondition(size == textOffset + textCount, "Jianfan: truncated readings table")
        pageIndex = (raw + 32).assumingMemoryBound(to: UInt16.self)
        pages = (raw + pagesOffset).assumingMemoryBound(to: UInt16.self)
        ends = (raw + endsOffset).assumingMemoryBound(to: UInt16.self)
        text = UnsafeBufferPointer(start: (raw + textOffset).assumingMemoryBound(to: UInt8.self), count: textCount)
    }

    /// The number of `scalar`'s reading (0 ..< ``readingCount``), nil when ICU has none.
    @inline(__always)
    func readingNumber(of scalar: Unicode.Scalar) -> Int? {
        let page = Int(scalar.value >> 8)
        guard page < indexCount else { return nil }
        let pageNumber = Int(UInt16(littleEndian: pageIndex[page]))
        guard pageNumber > 0 else { return nil }
        let entry = Int(UInt16(littleEndian: pages[(pageNumber - 1) << 8 | Int(scalar.value & 0xFF)]))
        return entry > 0 ? entry - 1 : nil
    }

    /// Reading number `number` as ICU wrote it.
    func text(ofReading number: Int) -> String {
        let start = number == 0 ? 0 : Int(UInt16(littleEndian: ends[number - 1]))
        let end = Int(UInt16(littleEndian: ends[number]))
        return String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }

    /// ICU's reading of `scalar` as ICU wrote it, nil when ICU has none (ICU leaves it as it is).
    func text(of scalar: Unicode.Scalar) -> String? {
        readingNumber(of: scalar).map(text(ofReading:))
    }

    /// ICU's default reading of `scalar` as a syllable, nil when ICU has none (or one that is no
    /// syllable: a few compatibility ideographs become another ideograph).
    static func syllable(of scalar: Unicode.Scalar) -> PinyinSyllable? {
        embedded.readingNumber(of: scalar).flatMap { syllables[$0] }
    }

    private func parsedReadings() -> [PinyinSyllable?] {
        (0..<readingCount).map { PinyinSyllable(text(ofReading: $0).unicodeScalars) }
    }
}
