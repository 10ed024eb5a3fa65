import Foundation
import Testing
@testable import Jianfan

/// OpenCC 1.4.2's outputs, written by `Scripts/golden.sh` into `Tests/Fixtures/Golden` (see the
/// README there): the fixtures converted under every config, and `cases.json`, the hard cases
/// as small specs that expand to inputs of 576 KiB to 1 MiB.
enum Golden {
    /// The configs with a second stage that works on phrases as the input writes them (issue 14).
    static let secondStage: [Config] = [.s2tw, .s2twp, .s2hk, .s2hkp]

    static let directory = Fixtures.directory.appendingPathComponent("Golden")

    /// OpenCC's whole-text conversion of the fixture `name` under `config`.
    static func output(_ config: Config, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent("\(config.rawValue)/\(name)")))
    }

    /// `cases.json`, decoded once.
    static let cases: Cases = {
        do {
            let data = try Data(contentsOf: directory.appendingPathComponent("cases.json"))
            return try JSONDecoder().decode(Cases.self, from: data)
        } catch {
            fatalError("Tests/Fixtures/Golden/cases.json: \(error)")
        }
    }()

    struct Cases: Decodable {
        let layouts: [Layout]
        let longLines: [LongLine]
    }

    /// An input of `size` bytes with no line break: `unit` repeated, and each case's core placed
    /// so that its `before` ends exactly at `at` (every multiple of 16 KiB up to 512 KiB, or of
    /// 32 KiB up to 1 MiB). Where the unit does not
    /// divide a gap, `pads` (a 3-byte and a 4-byte scalar) make it up right after the previous
    /// core. `expected[config]` holds OpenCC's output of each part; `Scripts/golden.py` checked
    /// that OpenCC converts the whole input as those parts put together.
    struct Layout: Decodable, CustomTestStringConvertible {
        let name: String
        let about: String
        let size: Int
        let unit: String
        let pads: [String]
        let cases: [Case]
        let expected: [String: Parts]

        struct Case: Decodable {
            let at: Int
            let before: String
            let after: String
        }

        struct Parts: Decodable {
            let unit: String
            let pads: [String]
            let cases: [String]
        }

        var testDescription: String { name }

        /// The input, built as `Scripts/golden.py` builds it.
        var input: [UInt8] {
            build(unit: unit, pads: pads, cores: cases.map { $0.before + $0.after })
        }

        /// OpenCC's output for the input under `config`, from its parts.
        func output(_ config: Config) -> [UInt8] {
            let parts = expected[config.rawValue]!
            return build(unit: parts.unit, pads: parts.pads, cores: parts.cases)
        }

        /// The layout's bytes from these parts (the input's or their conversions); the counts
        /// always come from the input's byte lengths, as in `golden.py`'s `build`.
        private func build(unit: String, pads: [String], cores: [String]) -> [UInt8] {
            let unitLength = self.unit.utf8.count
            var out: [UInt8] = []
            out.reserveCapacity(size + size / 4)
            func fill(_ count: Int) {
                var units = count / unitLength
                var rest = count - units * unitLength
                while [1, 2, 5].contains(rest) && units > 0 {   // not a sum of 3s and 4s
                    units -= 1
                    rest += unitLength
                }
                precondition(count >= 0 && ![1, 2, 5].contains(rest), "\(name): cannot fill \(count) bytes")
                let fours = rest % 3
                for _ in 0..<((rest - 4 * fours) / 3) { out.append(contentsOf: pads[0].utf8) }
                for _ in 0..<fours { out.append(contentsOf: pads[1].utf8) }
                for _ in 0..<units { out.append(contentsOf: unit.utf8) }
            }
            var position = 0
            for (spec, core) in zip(cases, cores) {
                fill(spec.at - spec.before.utf8.count - position)
                out.append(contentsOf: core.utf8)
                position = spec.at + spec.after.utf8.count
            }
            fill(size - position)
            return out
        }
    }

    /// `unit` repeated `count` times with no separator (512–600 KB, above the piece size).
    /// `Scripts/golden.py` checked with OpenCC that the whole line converts as `expected[config]`
    /// (OpenCC's output of one unit) repeated: the units of issue 14 end with `a`, which joins
    /// no phrase, and the mixed units were shuffled until their end and start form none.
    struct LongLine: Decodable, CustomTestStringConvertible {
        let name: String
        let about: String
        let unit: String
        let count: Int
        let expected: [String: String]

        var testDescription: String { name }
        var input: [UInt8] { repeated(unit) }
        func output(_ config: Config) -> [UInt8] { repeated(expected[config.rawValue]!) }

        private func repeated(_ text: String) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count * count)
            for _ in 0..<count { out.append(contentsOf: text.utf8) }
            return out
        }
    }
}
