/// User dictionary files (`jianfan --dict FILE`) whose table is kept in a ``PlanCache``: a
/// large file is parsed and built once, then read back while its bytes stay the same.
///
/// The cached set holds one plan record: stage 0 is the entries' table, and the isolating
/// scalars are the cut candidates no key of the files holds (what ``Plan/overriding(_:)``
/// removes from the plan's cutter).
extension Converter {
    /// This converter with the entries of the OpenCC text dictionaries at `paths` in front (the
    /// first file with a key wins), their table read from `cacheDirectory` when it was built
    /// there from the same bytes; `note` hears why the cache was not used.
    /// - Throws: ``ConfigurationError`` naming the file and line at fault.
    package func overriding(dictionaryFiles paths: [String], cacheDirectory: String?,
                            note: (String) -> Void) throws(ConfigurationError) -> Converter {
        var files: [(path: String, bytes: [UInt8])] = []
        for path in paths { files.append((path, try ConfigurationFile.readBytes(path))) }
        var h = ContentHash()
        h.update("user dictionaries \(PlanCache.version) \(TableSet.version)")
        for f in files { h.update(f.bytes) }
        let key = h.digest
        let cache = cacheDirectory.map(PlanCache.init(directory:))
        if let cache {
            switch cache.loadSet(key) {
            case .success(let (set, storage)):
                return Converter(self, plan: plan.overriding(cached: set, storage: storage))
            case .failure(let miss):
                note(miss == .absent ? "no cached table of the --dict files at \(cache.path(key)); building it"
                                     : "the cached table \(cache.path(key)) is damaged or of another version; building it")
            }
        }
        var merged: UserDictionary?
        for f in files {
            let dictionary = try UserDictionary(parsing: try ConfigurationFile.text(f.bytes, path: f.path), name: f.path)
            merged = merged.map { $0.merging(dictionary) } ?? dictionary
        }
        guard let merged, merged.count > 0 else { return self }
        let result: Plan
        do {
            result = try plan.overriding(merged)
        } catch {
            throw ConfigurationError(file: paths.joined(separator: ", "), reason: "\(error)")
        }
        if let cache, let overrides = result.overrides {
            var keyScalars = ScalarSet()
            for e in overrides.entries { for scalar in e.key { keyScalars.insert(scalar) } }
            let record = PlanRecord(
                name: "dict", includesTofuRisk: false, normalization: [], normalizationIsCompatibilityOnly: false,
                segmentation: nil, segmentationIsFirstStage: false, stages: [0], fused: nil,
                isolating: TableSetCompiler.cutCandidates.filter { !keyScalars.contains($0) },
                isolatingASCII: TableSetCompiler.asciiMask { !keyScalars.contains($0) })
            if let bytes = try? TableBuilder.build(overrides.entries),   // (built once already: it fits)
               let failure = cache.store(key, tables: [bytes], record: record) {
                note("table not cached: \(failure)")
            }
        }
        return Converter(self, plan: result)
    }
}

extension Plan {
    /// This plan with the user entries' table of a cached set in front (see
    /// ``Converter/overriding(dictionaryFiles:cacheDirectory:note:)``). Its entries are not
    /// known, so overriding it again starts from the new entries alone.
    func overriding(cached set: TableSet, storage: TableStorage) -> Plan {
        let r = set.records[0]
        let isolating = Set(r.isolating)
        func kept(_ c: UInt32) -> Bool {
            c < 128 ? (c < 64 ? r.isolatingASCII.0 >> c : r.isolatingASCII.1 >> (c - 64)) & 1 != 0
                    : isolating.contains(c) || !TableSetCompiler.cutCandidates.contains(c)
        }
        var plan = Plan(normalization: normalization, normalizationIsCompatibilityOnly: normalizationIsCompatibilityOnly,
                        segmentation: segmentation, segmentationIsFirstStage: segmentationIsFirstStage,
                        stages: stages, fused: fused, segmentingStage: segmentingStage,
                        segmentingStageIsFinal: segmentingStageIsFinal, cutter: Cutter(isolating: cutter.scalars.filter(kept)),
                        storage: self.storage)
        plan.segmenter = segmenter
        plan.definition = definition
        // A value is at most 255 bytes (``TableBuilder``): room enough for any.
        plan.overrides = Overrides(table: set.table(r.stages[0]), longestValue: 255, entries: [], storage: storage)
        return plan
    }
}
