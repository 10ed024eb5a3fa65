#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Plans made at run time: a user's configuration file compiled by the same ``PlanCompiler``
/// as the built-ins, and a plan with a user's entries in front.
extension Plan {
    /// The plan of the configuration file at `path` (see ``ConfigurationFile``). A file that
    /// describes one of the built-in configurations with OpenCC's own dictionaries gets the
    /// compiled built-in plan: nothing is compiled. Otherwise, with a `cache`, the plan compiled
    /// earlier from the same bytes is read from it, or compiled and stored in it; `note` hears
    /// why the cache was not used, if it was not.
    static func load(configuration path: String, searchPaths: [String], includeTofuRisk: Bool,
                     cache: PlanCache? = nil, note: (String) -> Void = { _ in }) throws(ConfigurationError) -> Plan {
        let file = try ConfigurationFile(path: path, searchPaths: searchPaths,
                                         dataDirectory: ProcessInfo.processInfo.environment["OPENCC_DATA_DIR"])
        if file.dictionaries.isEmpty && file.files.isEmpty {
            for config in Config.allCases where EmbeddedData.config(config.rawValue) == file.definition {
                if var plan = TableSet.embedded.plan(config, includeTofuRisk: includeTofuRisk) {
                    plan.definition = file.definition
                    return plan
                }
            }
        }
        let key = cache.map { _ in PlanCache.key(file, includeTofuRisk: includeTofuRisk) }
        if let cache, let key {
            switch cache.load(key) {
            case .success(var plan):
                plan.definition = file.definition
                return plan
            case .failure(let miss):
                note(miss == .absent ? "no cached plan at \(cache.path(key)); compiling"
                                     : "the cached plan \(cache.path(key)) is damaged or of another version; compiling")
            }
        }
        var compiler = PlanCompiler(dictionaries: try file.allDictionaries())
        let record: PlanRecord
        do {
            record = try compiler.plan(file.definition, name: "custom", tofu: includeTofuRisk)
        } catch {
            throw ConfigurationError(file: path, reason: "\(error)")
        }
        if let cache, let key, let failure = cache.store(key, tables: compiler.tables.map(\.bytes), record: record) {
            note("plan not cached: \(failure)")
        }
        let storage = TableStorage(blocks: compiler.tables)
        var plan = Plan(record: record, table: { storage.tables[$0] }, storage: storage)
        plan.definition = file.definition
        compiler.releasedInBackground(with: file)
        return plan
    }

    /// This plan with `dictionary`'s entries matched first (the first entry of a key wins).
    /// - Throws: ``DictionaryError/tooLarge(_:reason:)`` when they and the plan's earlier
    ///   entries are more than one table holds (``TableLimits``).
    func overriding(_ dictionary: UserDictionary) throws(DictionaryError) -> Plan {
        guard dictionary.count > 0 else { return self }
        // These entries, then the earlier ones: of each key the first, in key order (a stable
        // sort of the positions, no set of arrays: 50,000 entries take a few milliseconds).
        var all = dictionary.entries.map { TableBuilder.FlatEntry(key: $0.key, rank: 0, value: $0.value) }
        all += overrides?.entries ?? []
        var entries: [TableBuilder.FlatEntry] = []
        entries.reserveCapacity(all.count)
        var keyScalars = ScalarSet(), longestValue = 0
        for i in KeyOrder.order(all, key: \.key) where entries.last?.key != all[i].key {
            entries.append(all[i])
            for scalar in all[i].key { keyScalars.insert(scalar) }
            longestValue = max(longestValue, all[i].value.count)
        }
        let storage = TableStorage([try TableBuilder.build(entries, name: "of user entries")])
        var plan = Plan(normalization: normalization, normalizationIsCompatibilityOnly: normalizationIsCompatibilityOnly,
                        segmentation: segmentation, segmentationIsFirstStage: segmentationIsFirstStage,
                        stages: stages, fused: fused, segmentingStage: segmentingStage,
                        segmentingStageIsFinal: segmentingStageIsFinal,
                        cutter: cutter.excluding(Set(cutter.scalars.filter { keyScalars.contains($0) })),
                        storage: self.storage)
        plan.segmenter = segmenter
        plan.definition = definition
        plan.overrides = Overrides(table: storage.tables[0], longestValue: longestValue,
                                   entries: entries, storage: storage)
        return plan
    }
}
