import Testing
@testable import Jianfan

/// The compiler's flattening of dictionary groups, against the rules written out by hand:
/// entries in key order, one per key, the first one given winning, a `short_circuit` child's
/// index as its rank; and a table built from them finds every key with its value and rank.
@Suite("Table compiler: groups flatten by OpenCC's rules")
struct TableBuilderTests {
    static func dictionary(_ name: String, _ lines: String) throws -> (String, DictionaryText) {
        (name, try DictionaryText(parsing: lines, name: name))
    }

    /// Unsorted files with a repeated key, a union and a short_circuit group around them.
    static let builder: TableBuilder = {
        let files = [
            try! dictionary("a", "乙丙\tA1\n甲\tA2\n乙丙\tA3\n乙\tA4\r\n\n"),
            try! dictionary("b", "甲\tB1 B2\n乙丙丁\tB3\n丁\tB4\n"),
            try! dictionary("c", "乙\tC1\n戊\tC2\n"),
        ]
        return TableBuilder(dictionaries: Dictionary(uniqueKeysWithValues: files))
    }()

    func flat(_ spec: DictionarySpec) throws -> [String] {
        try Self.builder.flatten(spec).map { e in
            String(String.UnicodeScalarView(e.key.compactMap(Unicode.Scalar.init))) + "=\(String(decoding: e.value, as: UTF8.self))/\(e.rank)"
        }
    }

    @Test("a file: sorted by scalar, the first of a repeated key, CRLF and empty lines dropped")
    func file() throws {
        #expect(try flat(.file("a", mayOutputTofu: false)) == ["乙=A4/0", "乙丙=A1/0", "甲=A2/0"])
    }

    @Test("a union: the earlier child wins a key; a short_circuit group: each child's index is its rank")
    func groups() throws {
        let union = DictionarySpec.group(.union, [.file("b", mayOutputTofu: false), .file("a", mayOutputTofu: false)])
        #expect(try flat(union) == ["丁=B4/0", "乙=A4/0", "乙丙=A1/0", "乙丙丁=B3/0", "甲=B1/0"])
        let shortCircuit = DictionarySpec.group(.shortCircuit, [union, .file("c", mayOutputTofu: false)])
        #expect(try flat(shortCircuit) == ["丁=B4/0", "乙=A4/0", "乙丙=A1/0", "乙丙丁=B3/0", "戊=C2/1", "甲=B1/0"])
        // Nested short_circuit groups are spliced: the inner children keep their places.
        let nested = DictionarySpec.group(.shortCircuit, [.group(.shortCircuit, [.file("c", mayOutputTofu: false)]),
                                                          .file("b", mayOutputTofu: false)])
        #expect(try flat(nested) == ["丁=B4/1", "乙=C1/0", "乙丙丁=B3/1", "戊=C2/0", "甲=B1/1"])
        // What was flattened before (`known`, by signature) is used as it is.
        let known = [TableBuilder.FlatEntry(key: [0x5B50], rank: 0, value: Array("K".utf8))]   // 子
        let spec = DictionarySpec.group(.shortCircuit, [.file("c", mayOutputTofu: false), union])
        let withKnown = try Self.builder.flatten(spec, known: [union.signature: known])
        #expect(withKnown.map(\.key) == [[0x4E59], [0x5B50], [0x620A]])
        #expect(withKnown[1].rank == 1 && withKnown[1].value == Array("K".utf8))
    }

    @Test("a table built from flattened entries finds each key, its value and its rank")
    func table() throws {
        let spec = DictionarySpec.group(.shortCircuit, [.group(.union, [.file("b", mayOutputTofu: false), .file("a", mayOutputTofu: false)]),
                                                        .file("c", mayOutputTofu: false)])
        let entries = try Self.builder.flatten(spec)
        let storage = TableStorage([try TableBuilder.build(entries)])
        let table = storage.tables[0]
        for e in entries {
            let utf8 = Array(String(String.UnicodeScalarView(e.key.compactMap(Unicode.Scalar.init))).utf8)
            utf8.withUnsafeBufferPointer { p in
                let base = p.baseAddress!
                let (scalar, length) = UTF8Scalars.decode(base)
                let m = table.match(base, scalar: scalar, length: length, record: table.record(scalar), end: base + p.count)
                #expect(m.length == utf8.count && m.rank == e.rank, "\(e)")
                var out = [UInt8](repeating: 0, count: 64)
                let written = out.withUnsafeMutableBufferPointer { table.emit(m, to: $0.baseAddress!) }
                #expect(Array(out[..<written]) == e.value, "\(e)")
            }
        }
    }
}
