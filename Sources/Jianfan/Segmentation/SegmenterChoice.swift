/// The segmenter a conversion uses.
///
/// ```swift
/// let converter = Converter(.s2twp, segmenter: .words)
/// converter.convert("只有少数组织参加了会议")   // "只有少數組織參加了會議"
/// ```
public enum SegmenterChoice: String, Sendable, CaseIterable {
    /// OpenCC's greedy longest match: output byte for byte as OpenCC 1.4.2 (the default).
    case greedy
    /// Greedy matching within segments that the likeliest reading of the text decides, where
    /// overlapping phrases compete (``Converter/init(_:segmenter:includeTofuRiskDictionaries:)``).
    case words

    var segmenter: (any Segmenter)? {
        switch self {
        case .greedy: return nil
        case .words: return WordSegmenter()
        }
    }
}

extension Converter {
    /// A built-in configuration with the given segmenter.
    ///
    /// ```swift
    /// Converter(.s2t, segmenter: .words).convert("这个例子展示了如何使用函数")
    /// // "這個例子展示了如何使用函數" (greedy: 展示瞭)
    /// ```
    public init(_ config: Config, segmenter: SegmenterChoice, includeTofuRiskDictionaries: Bool = false) {
        self = Converter(config, includeTofuRiskDictionaries: includeTofuRiskDictionaries).segmenting(segmenter)
    }
}
