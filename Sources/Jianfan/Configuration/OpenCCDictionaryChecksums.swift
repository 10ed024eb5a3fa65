/// OpenCC 1.4.2's binary dictionaries (`.ocd2` in the PyPI wheel `opencc==1.4.2`; their sha256
/// are in `Data/PROVENANCE.md`), by size and 64-bit FNV-1a hash: a configuration that names
/// one of these files gets the embedded text copy of the same dictionary instead.
enum OpenCCDictionaryChecksums {
    static let known: [String: (size: Int, fnv1a: UInt64)] = [
        "CJK_Compatibility_Ideographs": (13843, 0x32D77AF514239450),
        "HKPhrases": (6941, 0xCA89DB64B94F2FC6),
        "HKPhrasesRev": (6951, 0x0A77F476BBC8AF56),
        "HKVariants": (4957, 0x77A80FE8F0B469FC),
        "HKVariantsPhrases": (10522, 0xD3868F84AF7DC89A),
        "HKVariantsRev": (4989, 0x760DF0E3DC0F4FFD),
        "HKVariantsRevPhrases": (10336, 0xD360814B1FCE4CE7),
        "JPShinjitaiCharacters": (8893, 0xFAF8DA943940834A),
        "JPShinjitaiCharactersRev": (9159, 0x3EA226C2E32A44BA),
        "JPShinjitaiPhrases": (8493, 0x8C30F0A832EC407F),
        "STCharacters": (45879, 0xAFD905984C48A791),
        "STPhrases": (927077, 0x4BB9A711BAAA9889),
        "STPhrases_GeneratedFromRegionalPhrases": (19885, 0x01F821206E0C4319),
        "TSCharacters": (52410, 0x428E2C30AB0115A3),
        "TSCharactersExt": (14362, 0x7D0F8A928C8852C4),
        "TSPhrases": (13496, 0xE68273128B3B85C8),
        "TWPhrases": (24015, 0xB916A4B2E5AF6674),
        "TWPhrasesRev": (23947, 0xA6F783DD96D42127),
        "TWVariants": (4623, 0x1A38D1B3530D3D1F),
        "TWVariantsPhrases": (4407, 0xD0BB26E04D55196F),
        "TWVariantsRev": (4655, 0x643DF636472E0683),
        "TWVariantsRevPhrases": (27059, 0x15FB03BD11100563),
    ]

    /// Whether `bytes` are OpenCC 1.4.2's `name.ocd2`.
    static func matches(_ name: String, _ bytes: [UInt8]) -> Bool {
        guard let known = known[name], known.size == bytes.count else { return false }
        return fnv1a(bytes) == known.fnv1a
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
