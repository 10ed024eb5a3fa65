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
        var seen = Set<[UInt32]>()
        var entries: [TableBuilder.FlatEntry] = []
        for e in dictionary.entries where seen.insert(e.key).inserted {
            entries.append(TableBuilder.FlatEntry(key: e.key, rank: 0, value: e.value))
        }
        if let earlier = overrides?.entries {
            for e in earlier where seen.insert(e.key).inserted { entries.append(e) }
        }
        entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
        let storage = TableStorage([try TableBuilder.build(entries, name: "of user entries")])
        var plan = Plan(normalization: normalization, normalizationIsCompatibilityOnly: normalizationIsCompatibilityOnly,
                        segmentation: segmentation, segmentationIsFirstStage: segmentationIsFirstStage,
                        stages: stages, fused: fused, segmentingStage: segmentingStage,
                        segmentingStageIsFinal: segmentingStageIsFinal, cutter: cutter.excluding(Set(entries.flatMap(\.key))),
                        storage: self.storage)
        plan.segmenter = segmenter
        plan.definition = definition
        plan.overrides = Overrides(table: storage.tables[0], longestValue: entries.map(\.value.count).max() ?? 0,
                                   entries: entries, storage: storage)
        return plan
    }
}
