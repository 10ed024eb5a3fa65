/// A pinyin syllable as written in a reading annotation: tone marks (`yè`), tone digits (`ye4`),
/// `ü` or `v`, all lowercase. Parsing accepts only syllables of ``PinyinSyllables``.
///
/// `(yè)`, `(ye4)` and ICU's `yè` all parse to `base: "ye", tone: 4`, so they compare equal.
struct PinyinSyllable: Hashable, Sendable {
    /// The toneless spelling, packed (a string per syllable parsed cost more than the rest).
    let letters: PackedLetters
    /// The toneless spelling with `ü`, as in ``PinyinSyllables/all``.
    var base: String { letters.string }
    /// 1–4, 0 for the neutral tone (digit 5 or 0), nil when the spelling carries no tone at all.
    let tone: Int?

    init?(_ scalars: some Collection<Unicode.Scalar>) {
        guard !scalars.isEmpty, scalars.count <= 8 else { return nil }
        // The letters packed five bits each (at most 8): candidates are tried by the thousand
        // (every split of every annotation), and a String per try cost more than the rest.
        var letters = PackedLetters()
        var tone: Int?
        var sawDigit = false
        for scalar in scalars {
            guard !sawDigit else { return nil } // a tone digit ends the syllable
            if let (letter, markedTone) = Self.letter(scalar) {
                if let markedTone {
                    guard tone == nil else { return nil }
                    tone = markedTone
                }
                letters.append(letter)
            } else if let combiningTone = Self.combiningTones[scalar.value] {
                guard tone == nil, !letters.isEmpty else { return nil }
                tone = combiningTone
            } else if scalar.value == 0x308, letters.last == "u" { // u + combining diaeresis
                letters.replaceLast(with: "ü")
            } else if scalar.value == 0x302, letters.last == "e" { // e + combining circumflex
                letters.replaceLast(with: "ê")
            } else if scalar.value >= 0x30, scalar.value <= 0x35 { // tone digit 0–5
                guard tone == nil, !letters.isEmpty else { return nil }
                let digit = Int(scalar.value - 0x30)
                tone = digit == 5 ? 0 : digit
                sawDigit = true
            } else {
                return nil
            }
        }
        if letters == Self.lue { letters = Self.lüe } // a common spelling of lüe, nüe
        if letters == Self.nue { letters = Self.nüe }
        guard PinyinSyllables.packed.contains(letters) else { return nil }
        self.letters = letters
        self.tone = tone
    }

    /// Whether an annotation spelled like `self` names the reading `other` (ICU's): same letters,
    /// and same tone unless one of them carries none.
    func isReading(_ other: PinyinSyllable) -> Bool {
        guard letters == other.letters else { return false }
        guard let tone, let otherTone = other.tone else { return true }
        return tone == otherTone
    }

    /// A lowercase pinyin letter, with the tone its mark carries.
    private static func letter(_ scalar: Unicode.Scalar) -> (Unicode.Scalar, Int?)? {
        if scalar.value >= 0x61, scalar.value <= 0x7A {
            return scalar == "v" ? ("ü", nil) : (scalar, nil)
        }
        return precomposed[scalar.value]
    }

    private static let lue = PackedLetters("lue"), lüe = PackedLetters("lüe")
    private static let nue = PackedLetters("nue"), nüe = PackedLetters("nüe")

    private static let combiningTones: [UInt32: Int] = [0x304: 1, 0x301: 2, 0x30C: 3, 0x300: 4]

    private static let precomposed: [UInt32: (Unicode.Scalar, Int?)] = [
        0x101: ("a", 1), 0xE1: ("a", 2), 0x1CE: ("a", 3), 0xE0: ("a", 4),
        0x113: ("e", 1), 0xE9: ("e", 2), 0x11B: ("e", 3), 0xE8: ("e", 4),
        0x12B: ("i", 1), 0xED: ("i", 2), 0x1D0: ("i", 3), 0xEC: ("i", 4),
        0x14D: ("o", 1), 0xF3: ("o", 2), 0x1D2: ("o", 3), 0xF2: ("o", 4),
        0x16B: ("u", 1), 0xFA: ("u", 2), 0x1D4: ("u", 3), 0xF9: ("u", 4),
        0x1D6: ("ü", 1), 0x1D8: ("ü", 2), 0x1DA: ("ü", 3), 0x1DC: ("ü", 4), 0xFC: ("ü", nil),
        0xEA: ("ê", nil), 0x1EBF: ("ê", 2), 0x1EC1: ("ê", 4),
        0x144: ("n", 2), 0x148: ("n", 3), 0x1F9: ("n", 4), 0x1E3F: ("m", 2),
    ]
}

/// Up to twelve pinyin letters (`a`–`z`, `ü`, `ê`) in one integer, five bits each: the letters
/// of a candidate syllable, compared and hashed without building a string.
struct PackedLetters: Hashable {
    private var bits: UInt64 = 0
    private(set) var isEmpty = true

    init() {}

    init(_ text: some StringProtocol) {
        for scalar in text.unicodeScalars { append(scalar) }
    }

    /// The last letter appended.
    var last: Unicode.Scalar? { isEmpty ? nil : Self.letter(bits & 31) }

    mutating func append(_ letter: Unicode.Scalar) {
        bits = bits << 5 | Self.code(letter)
        isEmpty = false
    }

    mutating func replaceLast(with letter: Unicode.Scalar) {
        bits = bits & ~31 | Self.code(letter)
    }

    /// The letters as a string.
    var string: String {
        var letters: [Unicode.Scalar] = []
        var rest = bits
        while rest != 0 {
            letters.append(Self.letter(rest & 31))
            rest >>= 5
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: letters.reversed())
        return String(view)
    }

    private static func code(_ letter: Unicode.Scalar) -> UInt64 {
        switch letter {
        case "ü": 27
        case "ê": 28
        default: UInt64(letter.value - 0x60) // a–z: 1–26
        }
    }

    private static func letter(_ code: UInt64) -> Unicode.Scalar {
        switch code {
        case 27: "ü"
        case 28: "ê"
        default: Unicode.Scalar(UInt8(code + 0x60))
        }
    }
}
