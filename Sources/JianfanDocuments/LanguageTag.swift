import Jianfan

/// The language tag a converted document should declare (`--set-language`): the conversion's
/// target, written where the document names its language (`xml:lang`, `dc:language`, `w:lang`,
/// OpenDocument's `fo:language` with `fo:country`). Only Chinese tags are replaced, so an
/// English passage marked `en-US` keeps its tag.
///
/// ```swift
/// let tag = LanguageTag(target: .s2tw)
/// tag?.replacing("zh-CN")     // "zh-TW"
/// tag?.replacing("en-US")     // nil: not Chinese, left alone
/// ```
public struct LanguageTag: Sendable, Equatable {
    /// The full tag, `zh-TW`.
    public let tag: String
    /// The region alone, `TW`, for formats that write language and country apart.
    public let country: String

    /// A tag written out (`zh-TW`) and its region (`TW`).
    public init(tag: String, country: String) {
        self.tag = tag
        self.country = country
    }

    /// The tag for a configuration's output, or nil when it is not Chinese by region (t2jp).
    public init?(target config: Config) {
        switch config {
        case .s2tw, .s2twp, .t2tw: self.init(tag: "zh-TW", country: "TW")
        case .s2hk, .s2hkp, .t2hk: self.init(tag: "zh-HK", country: "HK")
        // OpenCC's standard Traditional belongs to no region; Taiwan's is the common reading.
        case .s2t, .tw2t, .hk2t: self.init(tag: "zh-TW", country: "TW")
        case .t2s, .tw2s, .tw2sp, .hk2s, .hk2sp: self.init(tag: "zh-CN", country: "CN")
        default: return nil
        }
    }

    /// The new value for a language attribute or element holding `value`, or nil to keep it.
    public func replacing(_ value: String) -> String? {
        let lower = value.lowercased()
        guard lower == "zh" || lower.hasPrefix("zh-") || lower.hasPrefix("zh_") else { return nil }
        return value == tag ? nil : tag
    }
}
