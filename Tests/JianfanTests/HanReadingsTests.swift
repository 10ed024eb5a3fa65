import CJianfanICU
import Testing
@testable import Jianfan

/// The embedded table of ICU's readings (`Data/Readings/readings.bin`) against ICU itself.
@Suite struct HanReadingsTests {
    let table = HanReadings.embedded

    @Test func readsWhatICUReadsForCommonCharacters() {
        #expect(table.icuVersion == "72.1")
        #expect(table.text(of: "中") == "zhōng")
        #expect(table.text(of: "行") == "xíng")   // polyphonic: ICU's one default
        #expect(table.text(of: "長") == "zhǎng")
        #expect(table.text(of: "长") == "zhǎng")
        #expect(table.text(of: "〇") == "líng")
        #expect(table.text(of: "綠") == "lǜ")
        #expect(HanReadings.syllable(of: "業") == PinyinSyllable("ye4".unicodeScalars))
        #expect(HanReadings.syllable(of: "的")?.base == "de")
    }

    @Test func nonHanScalarsAndScalarsBeyondTheTableHaveNoReading() {
        for scalar: Unicode.Scalar in ["a", "。", "あ", "\u{0}", "\u{FFFF}", "\u{10FFFF}", "\u{E0100}"] {
            #expect(table.text(of: scalar) == nil, "\(scalar.value)")
            #expect(HanReadings.syllable(of: scalar) == nil)
        }
    }

    @Test func everyReadingIsDistinctAndNonEmpty() {
        let readings = (0..<table.readingCount).map(table.text(ofReading:))
        #expect(readings.count == 1_542)
        #expect(Set(readings).count == readings.count)
        #expect(!readings.contains(""))
        // All parse but the compatibility ideographs ICU turns into another ideograph, and three
        // syllables outside the standard table (which then verify nothing, as before the table).
        let unparsed = readings.filter { PinyinSyllable($0.unicodeScalars) == nil }
        #expect(unparsed.filter { !$0.unicodeScalars.allSatisfy(ScalarClass.isHan) }.sorted() == ["biáng", "dìn", "wòng"])
        #expect(unparsed.count == 77 + 3)
    }

    /// Every Han scalar, table against the transform, when the ICU loaded is the one the table
    /// was made from (elsewhere ICU's data may differ: regenerate with compile-readings.py).
    @Test func theTableIsICUsHanLatinForEveryHanCharacter() throws {
        guard let loaded = jianfan_icu_library().map({ String(cString: $0) }),
              let major = table.icuVersion.split(separator: ".").first,
              loaded.hasSuffix(".so.\(major)") else { return }
        let hanLatin = try Transliterator("Han-Latin")
        let ranges: [ClosedRange<UInt32>] = [0x3007...0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
                                             0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0x2F800...0x2FA1F, 0x30000...0x323AF]
        var read = 0, differing: [UInt32] = []
        for value in ranges.joined() {
            let scalar = Unicode.Scalar(value)!
            #expect(ScalarClass.isHan(scalar))
            // Scalars, not Strings, are compared: a compatibility ideograph that ICU turns into
            // its unified form is a String equal to its input (canonical equivalence), yet changed.
            let latin = Array(hanLatin.transliterate(String(scalar)).unicodeScalars)
            let expected = latin == [scalar] ? nil : latin
            if table.text(of: scalar).map({ Array($0.unicodeScalars) }) != expected { differing.append(value) }
            if expected != nil { read += 1 }
        }
        #expect(differing.isEmpty, "first: \(differing.prefix(5).map { String($0, radix: 16) })")
        #expect(read == 44_991)
    }
}
