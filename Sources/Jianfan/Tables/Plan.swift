/// What one configuration does, as tables: OpenCC's normalization pre-step, its segmentation,
/// and the conversion chain applied to each segment.
struct Plan: Sendable {
    /// Applied to the whole text first (OpenCC 1.4.2: CJK compatibility ideographs → unified).
    let normalization: [Table]
    /// When every normalization key is a CJK compatibility ideograph, text without one of their
    /// lead bytes can skip the pre-step.
    let normalizationIsCompatibilityOnly: Bool
    /// Maximal-match segmentation (`mmseg`); nil means the whole text is one segment.
    let segmentation: Table?
    /// True when the segmentation dictionary is exactly the rank-0 part of the first stage
    /// (every `s2*` config), so segmenting and the first stage can be done in one pass.
    let segmentationIsFirstStage: Bool
    let stages: [Table]
    /// The two stages and their segmentation as one table, when they can be (``FusedTable``).
    let fused: Table?
    /// The segmentation and the first stage as one table, when the segmentation is not the first
    /// stage's rank-0 part and they can be (``SegmentingStage``: tw2sp, tw2s, hk2s, hk2sp).
    let segmentingStage: Table?
    /// Whether ``segmentingStage`` does the last of two stages as well (a staged table), so that
    /// its pass is the only one (``SegmentingStage/make(segmentation:first:last:)``).
    var segmentingStageIsFinal = false
    /// Scalars that appear in no key of any table here: no match can cross them, so the text
    /// can be cut right after one (and away from any IDS) and converted piece by piece.
    let cutter: Cutter
    /// A user's entries, matched on the input before anything else: where one matches, its value
    /// is the output and the plan converts the text on either side as texts of their own.
    var overrides: Overrides? = nil
    /// Cuts text into segments before the configuration converts them (nil: OpenCC's greedy
    /// matching alone; see `Segmenter.swift`).
    var segmenter: (any Segmenter)? = nil
    /// The configuration's definition, when it was read from a file (for naming its dictionaries).
    var definition: ConfigDefinition? = nil
    /// Keeps the memory of tables compiled at run time alive as long as the plan (nil for the
    /// embedded tables, which live as long as the process).
    var storage: TableStorage? = nil

    /// Recognizes an isolating scalar ending at a position, by its last byte first.
    struct Cutter: Sendable {
        /// Whether some isolating scalar's UTF-8 ends with this byte; for an ASCII byte, whether
        /// that scalar itself is isolating (no other scalar's UTF-8 ends with one).
        let endsIsolating: [Bool]
        let encodings: [[UInt8]]
        /// Every isolating scalar, ASCII included.
        let scalars: [UInt32]

        /// `scalars`: isolating scalars of any kind; `ascii`: bit `c` set when ASCII `c` is one.
        init(isolating scalars: [UInt32], ascii: (UInt64, UInt64) = (0, 0)) {
            encodings = scalars.filter { $0 >= 0x80 }.compactMap(Unicode.Scalar.init).map { Array(String($0).utf8) }
            var ends = [Bool](repeating: false, count: 256)
            for e in encodings { ends[Int(e.last!)] = true }
            for c in 0..<128 where (c < 64 ? ascii.0 >> c : ascii.1 >> (c - 64)) & 1 != 0 { ends[c] = true }
            for c in scalars where c < 0x80 { ends[Int(c)] = true }
            endsIsolating = ends
            isEmpty = !ends.contains(true)
            // (No Set and no sort here: a generic sort makes the runtime scan every protocol
            // conformance in the process at the first Converter, which touched 1.3 MB.)
            self.scalars = (0..<128).filter { ends[Int($0)] } + scalars.filter { $0 >= 0x80 }
        }

        /// The cutter when `keys` hold these scalars too (a user's entries).
        func excluding(_ keyScalars: Set<UInt32>) -> Cutter {
            Cutter(isolating: scalars.filter { !keyScalars.contains($0) })
        }

        /// Whether no scalar isolates: then only a parse finds a cut.
        let isEmpty: Bool

        /// Whether an isolating scalar ends right before `base + at`.
        func isolatingEnds(_ base: UnsafePointer<UInt8>, at: Int) -> Bool {
            let last = base[at - 1]
            if last < 0x80 { return endsIsolating[Int(last)] }
            for e in encodings where e.count <= at {
                var k = 0
                while k < e.count && base[at - e.count + k] == e[k] { k += 1 }
                if k == e.count { return true }
            }
            return false
        }
    }
}

extension Plan {
    /// The plan a record describes, over the tables `table` returns for its indices.
    init(record r: PlanRecord, table: (Int) -> Table, storage: TableStorage? = nil) {
        self.init(normalization: r.normalization.map(table),
                  normalizationIsCompatibilityOnly: r.normalizationIsCompatibilityOnly,
                  segmentation: r.segmentation.map(table), segmentationIsFirstStage: r.segmentationIsFirstStage,
                  stages: r.stages.map(table), fused: r.fused.map(table), segmentingStage: r.segmentingStage.map(table),
                  segmentingStageIsFinal: r.segmentingStageIsFinal, cutter: Cutter(isolating: r.isolating, ascii: r.isolatingASCII), storage: storage)
    }
}

/// A user's entries (``Converter/init(_:overrides:includeTofuRiskDictionaries:)``, `--dict`): a
/// table of their own, matched greedily on the input before the plan runs.
struct Overrides: Sendable {
    let table: Table
    /// The longest value in bytes (room to reserve before writing one).
    let longestValue: Int
    /// The entries the table holds (to add more entries later).
    let entries: [TableBuilder.FlatEntry]
    /// Keeps the table's memory alive.
    let storage: TableStorage
}

/// The fixed-size record of a plan in the table blob.
struct PlanRecord {
    static let size = 80
    static let maxStages = 4
    static let maxNormalization = 2
    static let maxIsolating = 8

    var name: String
    var includesTofuRisk: Bool
    var normalization: [Int]
    var normalizationIsCompatibilityOnly: Bool
    var segmentation: Int?
    var segmentationIsFirstStage: Bool
    var stages: [Int]
    var fused: Int?
    var segmentingStage: Int?
    /// The segmenting stage's table does the last stage too (flag bit 2).
    var segmentingStageIsFinal: Bool
    var isolating: [UInt32]
    /// The ASCII scalars no key of the plan contains, as a bit set (`0..<64`, `64..<128`): the
    /// cut candidates of text that is mostly ASCII (base64, code) in every configuration.
    var isolatingASCII: (UInt64, UInt64)

    func write(into raw: UnsafeMutableRawBufferPointer, at offset: Int) {
        for (i, byte) in name.utf8.prefix(8).enumerated() { raw[offset + i] = byte }
        raw[offset + 8] = includesTofuRisk ? 1 : 0
        raw[offset + 9] = UInt8(stages.count)
        raw[offset + 10] = UInt8(normalization.count)
        raw[offset + 11] = UInt8(isolating.count)
        raw[offset + 12] = (normalizationIsCompatibilityOnly ? 1 : 0) | (segmentationIsFirstStage ? 2 : 0)
            | (segmentingStageIsFinal ? 4 : 0)
        func put(_ value: Int, _ at: Int) { raw.storeBytes(of: Int16(value), toByteOffset: offset + at, as: Int16.self) }
        for i in 0..<PlanRecord.maxNormalization { put(i < normalization.count ? normalization[i] : -1, 14 + 2 * i) }
        put(segmentation ?? -1, 18)
        for i in 0..<PlanRecord.maxStages { put(i < stages.count ? stages[i] : -1, 20 + 2 * i) }
        put(fused ?? -1, 28)
        put(segmentingStage ?? -1, 30)
        for (i, scalar) in isolating.enumerated() {
            raw.storeBytes(of: scalar, toByteOffset: offset + 32 + 4 * i, as: UInt32.self)
        }
        raw.storeBytes(of: isolatingASCII.0, toByteOffset: offset + 64, as: UInt64.self)
        raw.storeBytes(of: isolatingASCII.1, toByteOffset: offset + 72, as: UInt64.self)
    }

    init(name: String, includesTofuRisk: Bool, normalization: [Int], normalizationIsCompatibilityOnly: Bool,
         segmentation: Int?, segmentationIsFirstStage: Bool, stages: [Int], fused: Int?, segmentingStage: Int? = nil,
         segmentingStageIsFinal: Bool = false, isolating: [UInt32], isolatingASCII: (UInt64, UInt64)) {
        self.name = name
        self.includesTofuRisk = includesTofuRisk
        self.normalization = normalization
        self.normalizationIsCompatibilityOnly = normalizationIsCompatibilityOnly
        self.segmentation = segmentation
        self.segmentationIsFirstStage = segmentationIsFirstStage
        self.stages = stages
        self.fused = fused
        self.segmentingStage = segmentingStage
        self.segmentingStageIsFinal = segmentingStageIsFinal
        self.isolating = isolating
        self.isolatingASCII = isolatingASCII
    }

    init(reading raw: UnsafeRawPointer) {
        let nameBytes = (0..<8).map { raw.load(fromByteOffset: $0, as: UInt8.self) }.prefix { $0 != 0 }
        name = String(decoding: nameBytes, as: UTF8.self)
        includesTofuRisk = raw.load(fromByteOffset: 8, as: UInt8.self) == 1
        let stageCount = Int(raw.load(fromByteOffset: 9, as: UInt8.self))
        let normCount = Int(raw.load(fromByteOffset: 10, as: UInt8.self))
        let isolatingCount = Int(raw.load(fromByteOffset: 11, as: UInt8.self))
        let flags = raw.load(fromByteOffset: 12, as: UInt8.self)
        normalizationIsCompatibilityOnly = flags & 1 != 0
        segmentationIsFirstStage = flags & 2 != 0
        segmentingStageIsFinal = flags & 4 != 0
        func get(_ at: Int) -> Int { Int(raw.loadUnaligned(fromByteOffset: at, as: Int16.self)) }
        normalization = (0..<normCount).map { get(14 + 2 * $0) }
        let seg = get(18)
        segmentation = seg < 0 ? nil : seg
        stages = (0..<stageCount).map { get(20 + 2 * $0) }
        let fusedIndex = get(28)
        fused = fusedIndex < 0 ? nil : fusedIndex
        let segmentingIndex = get(30)
        segmentingStage = segmentingIndex < 0 ? nil : segmentingIndex
        isolating = (0..<isolatingCount).map { raw.load(fromByteOffset: 32 + 4 * $0, as: UInt32.self) }
        isolatingASCII = (raw.loadUnaligned(fromByteOffset: 64, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 72, as: UInt64.self))
    }
}
