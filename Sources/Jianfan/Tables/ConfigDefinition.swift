#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A dictionary, or a group of them with OpenCC's match policy, as written in a config file.
///
/// The two policies, as OpenCC 1.4.2 applies them at one position of the text:
/// - `union`: the longest match across all children wins; on equal length, the earlier child.
/// - `shortCircuit`: the first child that matches at all wins with its longest match, even if a
///   later child has a longer one.
package indirect enum DictionarySpec: Sendable, Hashable {
    case file(String, mayOutputTofu: Bool)
    case group(MatchPolicy, [DictionarySpec])

    package enum MatchPolicy: String, Sendable, Hashable {
        case union, shortCircuit = "short_circuit"
    }

    /// The spec with dictionaries marked `may_output_tofu` removed (as the OpenCC CLI loads them).
    package func withoutTofuRisk() -> DictionarySpec? {
        switch self {
        case .file(_, let tofu): return tofu ? nil : self
        case .group(let policy, let children):
            let kept = children.compactMap { $0.withoutTofuRisk() }
            return kept.isEmpty ? nil : .group(policy, kept)
        }
    }

    package var containsTofuRisk: Bool {
        switch self {
        case .file(_, let tofu): tofu
        case .group(_, let children): children.contains { $0.containsTofuRisk }
        }
    }

    /// Every dictionary file named, in order.
    package var fileNames: [String] {
        switch self {
        case .file(let name, _): [name]
        case .group(_, let children): children.flatMap(\.fileNames)
        }
    }

    /// A stable text form, used to share one compiled table between configs.
    package var signature: String {
        switch self {
        case .file(let name, _): name
        case .group(let policy, let children):
            "\(policy == .union ? "U" : "S")[\(children.map(\.signature).joined(separator: ","))]"
        }
    }
}

/// An OpenCC config file: a normalization pre-step, an optional segmentation, a conversion chain.
package struct ConfigDefinition: Sendable, Hashable {
    package var normalization: [DictionarySpec]
    package var segmentation: DictionarySpec?
    package var chain: [DictionarySpec]

    package init(normalization: [DictionarySpec], segmentation: DictionarySpec?, chain: [DictionarySpec]) {
        self.normalization = normalization
        self.segmentation = segmentation
        self.chain = chain
    }

    /// Parses OpenCC's JSON (`{"normalization": [...], "segmentation": {...}, "conversion_chain": [...]}`).
    package init(json: Data, name: String) throws {
        let root: ConfigJSON
        do {
            root = try JSONDecoder().decode(ConfigJSON.self, from: json)
        } catch {
            throw DictionaryError.unsupportedConfig(name, reason: "not an OpenCC config (\(error))")
        }
        guard let chain = root.conversion_chain else {
            throw DictionaryError.unsupportedConfig(name, reason: "no conversion_chain")
        }
        func spec(_ dict: DictionaryJSON?) throws -> DictionarySpec {
            guard let dict, let type = dict.type else {
                throw DictionaryError.unsupportedConfig(name, reason: "dictionary without a type")
            }
            switch type {
            case "ocd2", "ocd", "text":
                guard let file = dict.file else {
                    throw DictionaryError.unsupportedConfig(name, reason: "dictionary without a file")
                }
                let base = file.lastIndex(of: ".").map { String(file[..<$0]) } ?? file
                return .file(base, mayOutputTofu: dict.may_output_tofu ?? false)
            case "group":
                let raw = dict.match_policy ?? "short_circuit"
                guard let policy = DictionarySpec.MatchPolicy(rawValue: raw) else {
                    throw DictionaryError.unsupportedConfig(name, reason: "match policy \(raw)")
                }
                return .group(policy, try (dict.dicts ?? []).map(spec))
            default:
                throw DictionaryError.unsupportedConfig(name, reason: "dictionary type \(type)")
            }
        }
        let normalization = try (root.normalization ?? []).map { try spec($0.dict) }
        var segmentation: DictionarySpec?
        if let seg = root.segmentation {
            guard seg.type == "mmseg" else {
                throw DictionaryError.unsupportedConfig(name, reason: "segmentation \(seg.type ?? "?")")
            }
            segmentation = try spec(seg.dict)
        }
        self.init(normalization: normalization, segmentation: segmentation, chain: try chain.map { try spec($0.dict) })
    }
}

/// The parts of an OpenCC config file that are read, spelled as in the file.
private struct ConfigJSON: Decodable {
    struct Step: Decodable { var dict: DictionaryJSON? }
    struct Segmentation: Decodable { var type: String?; var dict: DictionaryJSON? }
    var normalization: [Step]?
    var segmentation: Segmentation?
    var conversion_chain: [Step]?
}

private final class DictionaryJSON: Decodable {
    var type: String?
    var file: String?
    var match_policy: String?
    var may_output_tofu: Bool?
    var dicts: [DictionaryJSON]?
}
