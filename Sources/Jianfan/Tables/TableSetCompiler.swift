#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Compiles `Data/` (OpenCC text dictionaries and config files) into the table blob that is
/// embedded in the library. `swift run jianfan-tables` runs it; a test checks the embedded blob
/// is what it produces today.
package struct TableSetCompiler {
    /// Scalars worth cutting text after, if a configuration's keys never contain them.
    static let cutCandidates: [UInt32] = [0x0A, 0x3002, 0xFF0C, 0xFF01, 0xFF1F, 0xFF1B, 0x20, 0x2C]

    let dictionaries: [String: DictionaryText]
    let configs: [(Config, ConfigDefinition)]

    package init(dataDirectory: URL) throws {
        let fm = FileManager.default
        let dictDir = dataDirectory.appendingPathComponent("Dictionaries")
        var dictionaries: [String: DictionaryText] = [:]
        for file in try fm.contentsOfDirectory(atPath: dictDir.path) where file.hasSuffix(".txt") {
            let name = String(file.dropLast(4))
            let text = try String(contentsOf: dictDir.appendingPathComponent(file), encoding: .utf8)
            dictionaries[name] = try DictionaryText(parsing: text, name: name)
        }
        let configDir = dataDirectory.appendingPathComponent("Configs")
        configs = try Config.allCases.map { config in
            let data = try Data(contentsOf: configDir.appendingPathComponent(config.rawValue + ".json"))
            return (config, try ConfigDefinition(json: data, name: config.rawValue))
        }
        self.dictionaries = dictionaries
    }

    /// The blob: tables shared between configs are stored once.
    package func compile() throws -> [UInt8] {
        let builder = TableBuilder(dictionaries: dictionaries)
        var tableIndex: [String: Int] = [:]
        var tables: [[UInt8]] = []
        var flatCache: [String: [TableBuilder.FlatEntry]] = [:]
        func flat(_ spec: DictionarySpec) throws -> [TableBuilder.FlatEntry] {
            if let cached = flatCache[spec.signature] { return cached }
            let entries = try builder.flatten(spec)
            flatCache[spec.signature] = entries
            return entries
        }
        func table(_ spec: DictionarySpec) throws -> Int {
            if let i = tableIndex[spec.signature] { return i }
            tables.append(TableBuilder.build(try flat(spec)))
            tableIndex[spec.signature] = tables.count - 1
            return tables.count - 1
        }
        var records: [PlanRecord] = []
        for (config, definition) in configs {
            let specs = definition.normalization + [definition.segmentation].compactMap { $0 } + definition.chain
            let variants = specs.contains { $0.containsTofuRisk } ? [false, true] : [false]
            for tofu in variants {
                func pick(_ spec: DictionarySpec) -> DictionarySpec? { tofu ? spec : spec.withoutTofuRisk() }
                let normalization = definition.normalization.compactMap(pick)
                let segmentation = definition.segmentation.flatMap(pick)
                let chain = definition.chain.compactMap(pick)
                let all = normalization + [segmentation].compactMap { $0 } + chain
                var keyScalars = Set<UInt32>()
                for spec in all { for e in try flat(spec) { keyScalars.formUnion(e.key) } }
                let compatOnly = try normalization.allSatisfy { spec in
                    try flat(spec).allSatisfy { $0.key.count == 1 && TableSetCompiler.isCompatibilityIdeograph($0.key[0]) }
                }
                var fused = false
                if let seg = segmentation, let first = chain.first {
                    let segKeys = try flat(seg).map(\.key)
                    let rankZero = try flat(first).filter { $0.rank == 0 }.map(\.key)
                    fused = try flat(seg).allSatisfy { $0.rank == 0 } && segKeys == rankZero
                }
                // Segmenting with the first stage's phrases, then two stages: one fused table.
                var fusedTable: Int?
                if fused && chain.count == 2 {
                    let signature = "fused(\(chain[0].signature),\(chain[1].signature))"
                    if let i = tableIndex[signature] {
                        fusedTable = i
                    } else if let f = FusedTable.make(first: try flat(chain[0]), second: try flat(chain[1])) {
                        tables.append(TableBuilder.build(f.entries))
                        tableIndex[signature] = tables.count - 1
                        fusedTable = tables.count - 1
                    }
                }
                records.append(PlanRecord(
                    name: config.rawValue, includesTofuRisk: tofu,
                    normalization: try normalization.map(table), normalizationIsCompatibilityOnly: compatOnly,
                    // Segmenting with the first stage needs no table of its own.
                    segmentation: fused ? try table(chain[0]) : try segmentation.map(table), segmentationIsFirstStage: fused,
                    stages: try chain.map(table), fused: fusedTable,
                    isolating: Array(TableSetCompiler.cutCandidates.filter { !keyScalars.contains($0) }
                        .prefix(PlanRecord.maxIsolating)),
                    isolatingASCII: TableSetCompiler.asciiMask { !keyScalars.contains($0) }))
                precondition(chain.count <= PlanRecord.maxStages && normalization.count <= PlanRecord.maxNormalization)
            }
        }
        return TableSet.serialize(tables: tables, records: records)
    }

    /// The ASCII scalars for which `include` holds, as two 64-bit sets.
    static func asciiMask(_ include: (UInt32) -> Bool) -> (UInt64, UInt64) {
        var mask: (UInt64, UInt64) = (0, 0)
        for c in UInt32(0)..<128 where include(c) {
            if c < 64 { mask.0 |= 1 << c } else { mask.1 |= 1 << (c - 64) }
        }
        return mask
    }

    static func isCompatibilityIdeograph(_ scalar: UInt32) -> Bool {
        (0xF900...0xFAFF).contains(scalar) || (0x2F800...0x2FA1F).contains(scalar)
    }
}
