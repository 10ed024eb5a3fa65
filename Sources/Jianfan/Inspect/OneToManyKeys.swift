/// The keys of each conversion stage that OpenCC 1.4.2 reports as ambiguous: those whose
/// deciding dictionary lists several candidates (`发<TAB>發 髮`). The compiled tables keep the
/// first candidate only, so this is read from the embedded text dictionaries when asked for.
///
/// Which dictionary decides a key: in a group, `short_circuit` takes the first child that
/// matches at all and `union` the longest match (the earlier child on equal length), so the
/// dictionary that produced a match of key K is always the first one, in the order the
/// configuration lists them, that holds K. K is ambiguous when that one has several candidates,
/// even if a later dictionary has a single one, and the other way round.
struct OneToManyKeys {
    /// For each stage of the chain, its ambiguous keys (UTF-8).
    let stages: [Set<[UInt8]>]

    /// No ambiguous key anywhere.
    static let none = OneToManyKeys(stages: [])

    /// The ambiguous keys of a chain whose stages use these dictionaries, in order (names as the
    /// embedded files have them: `STPhrases`). Names without embedded text contribute nothing.
    init(stageDictionaries: [[String]]) {
        stages = stageDictionaries.map { names in
            let texts = names.compactMap { EmbeddedData.files[EmbeddedData.baseName($0) + ".txt"] }
            var several = Set<[UInt8]>()
            for text in texts { Self.forEachEntry(text) { key, candidates in if candidates > 1 { several.insert(key) } } }
            guard !several.isEmpty else { return [] }
            // The first dictionary holding a key decides it.
            var decided: [[UInt8]: Bool] = [:]
            for text in texts {
                Self.forEachEntry(text) { key, candidates in
                    if several.contains(key), decided[key] == nil { decided[key] = candidates > 1 }
                }
            }
            return Set(decided.filter(\.value).keys)
        }
    }

    private init(stages: [Set<[UInt8]>]) { self.stages = stages }

    /// Whether the match of `key` at stage `stage` is ambiguous.
    func contains(_ key: ArraySlice<UInt8>, stage: Int) -> Bool {
        guard stage < stages.count, !stages[stage].isEmpty else { return false }
        return stages[stage].contains(Array(key))
    }

    /// Calls `body` with each key of an OpenCC text dictionary and its number of candidates.
    private static func forEachEntry(_ text: UnsafeRawBufferPointer, _ body: ([UInt8], Int) -> Void) {
        var start = 0
        while start < text.count {
            var end = start
            while end < text.count, text[end] != 0x0A { end += 1 }
            var tab = start
            while tab < end, text[tab] != 0x09 { tab += 1 }
            if tab < end {
                var candidates = 1
                for i in (tab + 1)..<end where text[i] == 0x20 { candidates += 1 }
                body(Array(text[start..<tab]), candidates)
            }
            start = end + 1
        }
    }
}

extension Converter {
    /// The one-to-many keys of this converter's chain, from its configuration's dictionaries
    /// (the tofu-risk ones only when the converter includes them, as it does in conversion).
    var oneToManyKeys: OneToManyKeys {
        guard let definition = plan.definition ?? config.flatMap({ EmbeddedData.config($0.rawValue) }) else { return .none }
        let chain = includesTofuRiskDictionaries ? definition.chain : definition.chain.compactMap { $0.withoutTofuRisk() }
        guard chain.count == plan.stages.count else { return .none }
        return OneToManyKeys(stageDictionaries: chain.map(\.fileNames))
    }
}
