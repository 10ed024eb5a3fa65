/// What one Unicode scalar says about a text's script, as bits, for every scalar below
/// U+30000 (the planes that hold CJK ideographs): one byte per scalar, 192 KB, built at first use
/// from ``ScriptEvidenceTable`` so that classifying a character is one load.
enum ScriptEvidence {
    static let simplified: UInt8 = 1
    static let traditional: UInt8 = 2
    static let taiwan: UInt8 = 4
    static let hongKong: UInt8 = 8
    static let han: UInt8 = 16
    static let kana: UInt8 = 32

    /// Scalars at or above this have no class.
    static let limit: UInt32 = 0x30000

    /// The class bits of each scalar below ``limit``.
    static let classes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: Int(limit))
        func mark(_ range: ClosedRange<UInt32>, _ bit: UInt8) {
            for scalar in range { table[Int(scalar)] |= bit }
        }
        // CJK Unified Ideographs, Extension A, the compatibility block, Extensions B to F.
        mark(0x3400...0x4DBF, han)
        mark(0x4E00...0x9FFF, han)
        mark(0xF900...0xFAFF, han)
        mark(0x20000...0x2FFFF, han)
        // Hiragana, Katakana, the phonetic extensions and half-width Katakana: Chinese has none.
        mark(0x3041...0x309F, kana)
        mark(0x30A0...0x30FF, kana)
        mark(0x31F0...0x31FF, kana)
        mark(0xFF66...0xFF9F, kana)
        func mark(_ characters: String, _ bit: UInt8) {
            for scalar in characters.unicodeScalars where scalar.value < limit && scalar.value > 0x7F {
                table[Int(scalar.value)] |= bit
            }
        }
        mark(ScriptEvidenceTable.simplifiedOnly, simplified)
        mark(ScriptEvidenceTable.traditionalOnly, traditional)
        mark(ScriptEvidenceTable.taiwan, taiwan)
        mark(ScriptEvidenceTable.hongKong, hongKong)
        return table
    }()
}
