import Foundation
@testable import Jianfan

/// Random texts that hold the cases a table or a loop can get wrong: words drawn from weighted
/// pools (a configuration's phrases, single characters of a real text, and what stops a run:
/// ASCII, line ends, a supplementary character, an IDS sequence), so that phrases meet and
/// overlap far more often than in prose. Seeded, so that a failure reproduces.
enum DenseText {
    /// What makes runs stop, mixed into every text.
    static let inserts = ["a", " ", "\n", "é", "𠀀", "⿰氵青", "P", "\r\n", "中文"]

    /// The first 2,000 characters of a seed document, one string each.
    static func singles() throws -> [String] {
        Array(try Fixtures.text("000_aa6772dc82afe11c.txt").prefix(2000)).map(String.init)
    }

    /// A built-in configuration's definition, and a function giving the keys of a dictionary
    /// of it, read from `Data/`.
    static func definition(_ config: Config) throws -> (ConfigDefinition, keys: (DictionarySpec) throws -> [String]) {
        let data = Fixtures.packageRoot.appendingPathComponent("Data")
        let json = try Data(contentsOf: data.appendingPathComponent("Configs/\(config.rawValue).json"))
        let definition = try ConfigDefinition(json: json, name: config.rawValue)
        func keys(_ spec: DictionarySpec) throws -> [String] {
            try spec.fileNames.flatMap { name in
                try String(contentsOf: data.appendingPathComponent("Dictionaries/\(name).txt"), encoding: .utf8)
                    .split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
            }
        }
        return (definition, keys)
    }

    /// `count` texts of 1 to 60 words, each drawn from a pool with the pool's weight.
    static func texts(_ pools: [(weight: Int, words: [String])], count: Int, seed: UInt64) -> [String] {
        let total = pools.reduce(0) { $0 + $1.weight }
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var s = ""
            for _ in 0..<Int.random(in: 1...60, using: &rng) {
                var pick = Int.random(in: 0..<total, using: &rng)
                for pool in pools {
                    if pick < pool.weight { s += pool.words.randomElement(using: &rng)!; break }
                    pick -= pool.weight
                }
            }
            return s
        }
    }
}
