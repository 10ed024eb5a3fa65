/// One of the sixteen OpenCC conversion configurations, under OpenCC's own names.
///
/// ```swift
/// let config = Config(name: "s2twp.json")   // .s2twp; the ".json" suffix is optional
/// print(config?.summary ?? "")              // Simplified → Traditional (Taiwan variants and phrases)
/// ```
public enum Config: String, CaseIterable, Sendable, Codable {
    /// Simplified → Traditional (OpenCC standard): `s2t.json`.
    case s2t
    /// Traditional (OpenCC standard) → Simplified: `t2s.json`.
    case t2s
    /// Simplified → Traditional (Taiwan variants): `s2tw.json`.
    case s2tw
    /// Traditional (Taiwan variants) → Simplified: `tw2s.json`.
    case tw2s
    /// Simplified → Traditional (Taiwan variants and phrases): `s2twp.json`.
    case s2twp
    /// Traditional (Taiwan) → Simplified (mainland phrases): `tw2sp.json`.
    case tw2sp
    /// Simplified → Traditional (Hong Kong variants): `s2hk.json`.
    case s2hk
    /// Traditional (Hong Kong variants) → Simplified: `hk2s.json`.
    case hk2s
    /// Simplified → Traditional (Hong Kong variants and phrases): `s2hkp.json`.
    case s2hkp
    /// Traditional (Hong Kong) → Simplified (mainland phrases): `hk2sp.json`.
    case hk2sp
    /// Traditional (OpenCC standard) → Taiwan variants: `t2tw.json`.
    case t2tw
    /// Taiwan variants → Traditional (OpenCC standard): `tw2t.json`.
    case tw2t
    /// Traditional (OpenCC standard) → Hong Kong variants: `t2hk.json`.
    case t2hk
    /// Hong Kong variants → Traditional (OpenCC standard): `hk2t.json`.
    case hk2t
    /// Traditional (Kyūjitai) → Japanese Shinjitai: `t2jp.json`.
    case t2jp
    /// Japanese Shinjitai → Traditional (Kyūjitai): `jp2t.json`.
    case jp2t

    /// Accepts `s2t`, `s2t.json`, `S2T`, and a path ending in `s2t.json`.
    ///
    /// ```swift
    /// Config(name: "/usr/share/opencc/t2s.json")   // .t2s
    /// ```
    public init?(name: String) {
        var base = Substring(name)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if base.lowercased().hasSuffix(".json") { base = base.dropLast(5) }
        guard let config = Config(rawValue: base.lowercased()) else { return nil }
        self = config
    }

    /// A one-line description, as `jianfan configs` prints it.
    ///
    /// ```swift
    /// Config.t2jp.summary   // "Traditional (Kyūjitai) → Japanese Shinjitai"
    /// ```
    public var summary: String {
        switch self {
        case .s2t: "Simplified → Traditional (OpenCC standard)"
        case .t2s: "Traditional (OpenCC standard) → Simplified"
        case .s2tw: "Simplified → Traditional (Taiwan variants)"
        case .tw2s: "Traditional (Taiwan variants) → Simplified"
        case .s2twp: "Simplified → Traditional (Taiwan variants and phrases)"
        case .tw2sp: "Traditional (Taiwan) → Simplified (mainland phrases)"
        case .s2hk: "Simplified → Traditional (Hong Kong variants)"
        case .hk2s: "Traditional (Hong Kong variants) → Simplified"
        case .s2hkp: "Simplified → Traditional (Hong Kong variants and phrases)"
        case .hk2sp: "Traditional (Hong Kong) → Simplified (mainland phrases)"
        case .t2tw: "Traditional (OpenCC standard) → Taiwan variants"
        case .tw2t: "Taiwan variants → Traditional (OpenCC standard)"
        case .t2hk: "Traditional (OpenCC standard) → Hong Kong variants"
        case .hk2t: "Hong Kong variants → Traditional (OpenCC standard)"
        case .t2jp: "Traditional (Kyūjitai) → Japanese Shinjitai"
        case .jp2t: "Japanese Shinjitai → Traditional (Kyūjitai)"
        }
    }

    /// The script this configuration produces: useful to pick a config from a target script.
    ///
    /// ```swift
    /// Config.allCases.filter(\.targetIsSimplified)   // [.t2s, .tw2s, .tw2sp, .hk2s, .hk2sp]
    /// ```
    public var targetIsSimplified: Bool {
        switch self {
        case .t2s, .tw2s, .tw2sp, .hk2s, .hk2sp: true
        default: false
        }
    }
}
