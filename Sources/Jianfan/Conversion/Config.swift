/// One of the sixteen OpenCC conversion configurations, under OpenCC's own names.
///
/// ```swift
/// let config = Config(name: "s2twp.json")   // .s2twp; the ".json" suffix is optional
/// print(config?.summary ?? "")              // Simplified → Traditional (Taiwan, with phrases)
/// ```
public enum Config: String, CaseIterable, Sendable, Codable {
    case s2t, t2s
    case s2tw, tw2s, s2twp, tw2sp
    case s2hk, hk2s, s2hkp, hk2sp
    case t2tw, tw2t, t2hk, hk2t
    case t2jp, jp2t

    /// Accepts `s2t`, `s2t.json`, `S2T`, and a path ending in `s2t.json`.
    public init?(name: String) {
        var base = Substring(name)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if base.lowercased().hasSuffix(".json") { base = base.dropLast(5) }
        guard let config = Config(rawValue: base.lowercased()) else { return nil }
        self = config
    }

    /// A one-line description, as `jianfan configs` prints it.
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
    public var targetIsSimplified: Bool {
        switch self {
        case .t2s, .tw2s, .tw2sp, .hk2s, .hk2sp: true
        default: false
        }
    }
}
