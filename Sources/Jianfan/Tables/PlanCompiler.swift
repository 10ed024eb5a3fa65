/// Compiles configurations into tables and plan records: the one compiler behind both the
/// built-in blob (``TableSetCompiler``, ahead of time) and a user's configuration (at run time,
/// ``Configuration``). Tables are shared by dictionary signature between the plans it compiles.
struct PlanCompiler {
    let builder: TableBuilder
    /// The serialized tables so far, in the order plan records refer to them.
    private(set) var tables: [TableBlock] = []
    private var tableIndex: [String: Int] = [:]
    private var flatCache: [String: [TableBuilder.FlatEntry]] = [:]
    /// The entries of the tables made of two stages, kept once their table is built: they go
    /// with the compiler, all at once (``releasedInBackground(with:)``), not one table at a time.
    private var scraps: [[TableBuilder.FlatEntry]] = []

    init(dictionaries: [String: DictionaryText]) {
        builder = TableBuilder(dictionaries: dictionaries)
    }

    /// The flattened entries of `spec` (computed once per signature).
    mutating func flat(_ spec: DictionarySpec) throws -> [TableBuilder.FlatEntry] {
        if let cached = flatCache[spec.signature] { return cached }
        let entries = try builder.flatten(spec, known: flatCache)
        flatCache[spec.signature] = entries
        return entries
    }

    /// The index of `spec`'s table, built on first use.
    mutating func table(_ spec: DictionarySpec) throws -> Int {
        if let i = tableIndex[spec.signature] { return i }
        tables.append(try TableBuilder.block(try flat(spec), name: spec.signature))
        tableIndex[spec.signature] = tables.count - 1
        return tables.count - 1
    }

    /// The index of a table without entries, built on first use.
    private mutating func emptyTable() throws -> Int {
        if let i = tableIndex["(empty)"] { return i }
        tables.append(try TableBuilder.block([], name: "(empty)"))
        tableIndex["(empty)"] = tables.count - 1
        return tables.count - 1
    }

    /// The plan record of `definition` (with the dictionaries marked `may_output_tofu` when
    /// `tofu`), building the tables it needs: a segmentation equal to the first stage's rank-0
    /// entries is done with that stage, and two such stages are fused into one table; another
    /// segmentation is done with the first stage by a table of both.
    mutating func plan(_ definition: ConfigDefinition, name: String, tofu: Bool) throws -> PlanRecord {
        func pick(_ spec: DictionarySpec) -> DictionarySpec? { tofu ? spec : spec.withoutTofuRisk() }
        let normalization = definition.normalization.compactMap(pick)
        let segmentation = definition.segmentation.flatMap(pick)
        let chain = definition.chain.compactMap(pick)
        guard chain.count <= PlanRecord.maxStages, normalization.count <= PlanRecord.maxNormalization else {
            throw DictionaryError.unsupportedConfig(name, reason:
                "at most \(PlanRecord.maxStages) conversion steps and \(PlanRecord.maxNormalization) normalization steps")
        }
        let all = normalization + [segmentation].compactMap { $0 } + chain
        var keyScalars = ScalarSet()
        for spec in all { for e in try flat(spec) { for scalar in e.key { keyScalars.insert(scalar) } } }
        let compatOnly = try normalization.allSatisfy { spec in
            try flat(spec).allSatisfy { $0.key.count == 1 && TableSetCompiler.isCompatibilityIdeograph($0.key[0]) }
        }
        var fused = false
        if let seg = segmentation, let first = chain.first {
            let rankZero = try flat(first).lazy.filter { $0.rank == 0 }.map(\.key)
            fused = try flat(seg).allSatisfy { $0.rank == 0 } && flat(seg).lazy.map(\.key).elementsEqual(rankZero)
        }
        // Segmenting with the first stage's phrases, then two stages: one fused table.
        var fusedTable: Int?
        if fused && chain.count == 2 {
            let signature = "fused(\(chain[0].signature),\(chain[1].signature))"
            if let i = tableIndex[signature] {
                fusedTable = i
            } else if let f = FusedTable.make(first: try flat(chain[0]), second: try flat(chain[1])),
                      let block = try? TableBuilder.block(f.entries, name: signature) {
                // (A fused table too large for one table leaves the plan to run stage by stage.)
                tables.append(block)
                tableIndex[signature] = tables.count - 1
                fusedTable = tables.count - 1
                scraps.append(f.entries)
            }
        }
        // Segmenting with other phrases, then the first stage: one table for both (``SegmentingStage``).
        // With two stages, the last one as well where that is exact (a staged table).
        var segmentingStage: Int?
        var segmentingStageIsFinal = false
        if let seg = segmentation, let first = chain.first, !fused {
            let staged = chain.count == 2
                ? SegmentingStage.make(segmentation: try flat(seg), first: try flat(first), last: try flat(chain[1])) : nil
            let last = staged == nil ? "" : ",\(chain[1].signature)"
            let signature = "segmenting(\(seg.signature),\(first.signature)\(last))"
            if let i = tableIndex[signature] {
                segmentingStage = i
                segmentingStageIsFinal = staged != nil
            } else if let s = try staged ?? SegmentingStage.make(segmentation: flat(seg), first: flat(first)),
                      let block = try? TableBuilder.block(s.entries, name: signature) {
                // (A table too large for one table leaves the plan to segment in a pass of its own.)
                tables.append(block)
                tableIndex[signature] = tables.count - 1
                segmentingStage = tables.count - 1
                scraps.append(s.entries)
                segmentingStageIsFinal = s.includesLastStage
            }
        }
        return PlanRecord(
            name: name, includesTofuRisk: tofu,
            normalization: try normalization.map { try table($0) }, normalizationIsCompatibilityOnly: compatOnly,
            // Segmenting with the first stage needs no table of its own.
            segmentation: fused ? try table(chain[0]) : try segmentation.map { try table($0) },
            segmentationIsFirstStage: fused,
            // A chain whose every dictionary may output tofu, left out: OpenCC converts with an
            // empty step, which copies the text (no stage at all would write nothing).
            stages: chain.isEmpty ? [try emptyTable()] : try chain.map { try table($0) }, fused: fusedTable,
            segmentingStage: segmentingStage, segmentingStageIsFinal: segmentingStageIsFinal,
            isolating: Array(TableSetCompiler.cutCandidates.filter { !keyScalars.contains($0) }.prefix(PlanRecord.maxIsolating)),
            isolatingASCII: TableSetCompiler.asciiMask { !keyScalars.contains($0) })
    }
}

/// A set of Unicode scalars as one bit each (136 KB, touched only where scalars are).
struct ScalarSet {
    private var words = [UInt64](repeating: 0, count: 0x110000 / 64)

    mutating func insert(_ scalar: UInt32) {
        words[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63)
    }

    func contains(_ scalar: UInt32) -> Bool {
        scalar < 0x110000 && words[Int(scalar >> 6)] & 1 << UInt64(scalar & 63) != 0
    }
}
