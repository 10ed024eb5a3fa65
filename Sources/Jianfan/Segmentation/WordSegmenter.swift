/// A segmenter that chooses between overlapping phrases by how likely each reading is, where
/// OpenCC's greedy longest match can be wrong (被发明 → 被髮明, 少数组织 → 少陣列織).
///
/// The text is cut into windows at every position that no key of the plan spans (for a plan
/// with a ``Plan/boundaryTable``, no key of that table holds the two scalars around it) and that
/// is not between two ideographs (where a word of the lexicon could run on). The piece cutters
/// of the parallel and streaming paths cut only at such positions
/// (``allowsCut(between:and:)``), so decisions that depend only on the text of one window never
/// change with the pieces. A window where no phrase of the plan
/// matches is left alone; in the others, ``WordLattice`` finds the likeliest reading (jieba's
/// DAG route over the configuration's phrases and a word lexicon with frequencies) and a
/// segment end is placed wherever that reading cuts through a phrase greedy matching would
/// consider. Each segment is then converted by the plan on its own.
///
/// ```swift
/// let converter = Converter(.s2t, segmenter: .words)
/// converter.convert("这种机器是在十九世纪被发明的")   // "這種機器是在十九世紀被發明的"
/// ```
struct WordSegmenter: Segmenter {
    let lexicon: Lexicon

    init(lexicon: Lexicon = .embedded) {
        self.lexicon = lexicon
    }

    /// Words of the lexicon run across any two ideographs: a window (and a piece of the
    /// parallel and streaming paths) never ends between two.
    @inline(__always)
    func allowsCut(between previous: UInt32, and next: UInt32) -> Bool {
        !(WordSegmenter.isIdeograph(previous) && WordSegmenter.isIdeograph(next))
    }

    /// CJK unified and compatibility ideographs, every plane.
    @inline(__always)
    static func isIdeograph(_ c: UInt32) -> Bool {
        (c &- 0x3400) < 0x6C00 || (c &- 0xF900) < 0x200 || (c &- 0x20000) < 0x20000
    }

    func segmentEnds(_ span: UnsafeBufferPointer<UInt8>, plan: Plan, into ends: inout [Int]) {
        guard let base = span.baseAddress, span.count > 0 else { return }
        // Tables whose key pairs bound a window, and tables whose phrases enter the lattice.
        let boundaryTables: [Table] = plan.boundaryTable.map { [$0] } ?? (plan.stages + [plan.segmentation].compactMap { $0 })
        let phraseTables: [Table] = plan.fused.map { [$0] } ?? (plan.stages + [plan.segmentation].compactMap { $0 })
        var lattice = WordLattice(lexicon: lexicon)
        let end = base + span.count
        var p = base
        var previous: UInt32 = 0
        var windowStart = 0
        lattice.starts.removeAll(keepingCapacity: true)
        while p < end {
            let b = p.pointee
            let scalar: UInt32, length: Int
            if b < 0x80 { (scalar, length) = (UInt32(b), 1) } else { (scalar, length) = UTF8Scalars.decode(p) }
            let offset = p - base
            if offset > 0 && allowsCut(between: previous, and: scalar)
                && !boundaryTables.contains(where: { $0.keyMayHold(previous, scalar) }) {
                if lattice.starts.count > 1 {
                    lattice.decide(base: base, end: offset, tables: phraseTables, into: &ends)
                }
                lattice.starts.removeAll(keepingCapacity: true)
                windowStart = offset
            }
            lattice.starts.append(offset)
            previous = scalar
            p += length
        }
        if lattice.starts.count > 1 && windowStart < span.count {
            lattice.decide(base: base, end: span.count, tables: phraseTables, into: &ends)
        }
        ends.append(span.count)
    }
}

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
