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
        var compiler = PlanCompiler(dictionaries: dictionaries)
        var records: [PlanRecord] = []
        for (config, definition) in configs {
            let specs = definition.normalization + [definition.segmentation].compactMap { $0 } + definition.chain
            for tofu in specs.contains(where: \.containsTofuRisk) ? [false, true] : [false] {
                records.append(try compiler.plan(definition, name: config.rawValue, tofu: tofu))
            }
        }
        return TableSet.serialize(tables: compiler.tables.map(\.bytes), records: records)
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
