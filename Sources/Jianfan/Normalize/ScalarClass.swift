/// Character classes the normalization steps reason about, decided on single Unicode scalars.
///
/// "Strong" CJK scalars decide that ASCII punctuation next to them is Chinese punctuation;
/// "ambiguous" ones (curly quotes, dashes, ellipsis) are used by Chinese and Western text alike,
/// so the steps look past them to the next scalar that decides.
enum ScalarClass {
    /// A Han ideograph (CJK Unified Ideographs, extensions, compatibility ideographs, 〇).
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
             0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0x2F800...0x2FA1F, 0x30000...0x323AF:
            true
        default:
            false
        }
    }

    /// Han, kana, bopomofo, CJK symbols and punctuation, and full-width punctuation: scalars that
    /// only occur in CJK text.
    static func isStrongCJK(_ s: Unicode.Scalar) -> Bool {
        if isHan(s) { return true }
        return switch s.value {
        case 0x3001...0x303F,               // 、。〈〉《》「」『』【】〔〕… (not U+3000, the ideographic space)
             0x3040...0x30FF,               // kana
             0x3100...0x312F, 0x31A0...0x31BF, // bopomofo
             0x31F0...0x31FF,
             0xFE30...0xFE4F,               // CJK compatibility forms
             0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65:
            true
        default:
            false
        }
    }

    /// Punctuation shared by Chinese and Western typography: it tells nothing about the context.
    static func isAmbiguousPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2018, 0x2019, 0x201C, 0x201D, // ‘ ’ “ ”
             0x2014, 0x2015, 0x2026, 0x00B7, 0x2022: // — ― … · •
            true
        default:
            false
        }
    }

    static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }

    /// Space, tab and the other horizontal blanks, including the ideographic space.
    static func isHorizontalSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s.value == 0x3000 || s.value == 0xA0
    }

    static func isLineBreak(_ s: Unicode.Scalar) -> Bool { s == "\n" || s == "\r" }
}
