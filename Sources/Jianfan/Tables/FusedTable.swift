/// One table that does the work of a segmented two-stage plan in one pass (s2twp, s2tw, s2hk,
/// s2hkp): OpenCC segments with the first stage's phrases, converts each segment with the first
/// stage, then converts each segment's output with the second stage.
///
/// A segment is either one phrase of the first stage or a run of characters where none starts.
/// In a run each character becomes its first-stage character, so the second stage's phrases can
/// be written in the input's script ahead of time. The fused table holds:
/// - each first-stage phrase (rank 0), with its whole result: the second stage applied to its
///   value (`头发` → `頭髮` → second stage), computed here;
/// - each character, with what it becomes in a run when no second-stage phrase covers it (the
///   first stage's character, then the second stage's);
/// - *run phrases*: each second-stage phrase, under every sequence of input characters that the
///   first stage turns into its key (s2twp's `软件`, `軟件` → `軟體`).
///
/// The second stage's ranks come after rank 0, in their order, for its phrases and for the
/// characters it has as keys; a character it does not have comes last. So a first-stage phrase
/// wins wherever it matches, as a segment does, and elsewhere the longest match is the second
/// stage's. What the table cannot know is where a run ends: the engine cuts a run phrase before
/// a first-stage phrase that starts inside it (`FusedRun.swift`).
///
/// Fusing needs every character entry of the first stage to output exactly one scalar, so that
/// positions in a run map one to one between the stages; `make` returns nil otherwise.
package struct FusedTable {
    let entries: [TableBuilder.FlatEntry]
    /// The most inputs one second-stage phrase may be written under.
    static let maximumExpansion = 4096

    /// - Parameters:
    ///   - first: the first stage's entries; its rank-0 keys are the segmentation's.
    ///   - second: the second stage's entries.
    static func make(first: [TableBuilder.FlatEntry], second: [TableBuilder.FlatEntry]) -> FusedTable? {
        let secondStage = Reference(second)
        // Ranks after the first stage's phrases (rank 0): the second stage's, then "no entry".
        let unranked = 2 + (second.map(\.rank).max() ?? 0)
        guard UInt64(unranked) < TableFormat.slotNoRank else { return nil }
        func rank(inRun scalar: UInt32) -> UInt8 { 1 + (secondStage.single(scalar)?.rank ?? unranked - 1) }

        var singles: [UInt32: [UInt8]] = [:]      // a run character's first-stage output
        var preimages: [UInt32: [UInt32]] = [:]   // what first-stage characters become
        var entries: [TableBuilder.FlatEntry] = []   // the segments, in key order as `first` is
        entries.reserveCapacity(first.count)
        var phrase: [UInt32] = []                 // reused: tens of thousands of phrases at run time
        for e in first {
            if e.rank == 0 {
                scalars(e.value, into: &phrase)
                let value = secondStage.convert(phrase)
                // (A value the second stage makes too long for a table: run stage by stage.)
                guard value.count <= DictionaryText.longestValue else { return nil }
                entries.append(.init(key: e.key, rank: 0, value: value))
                continue
            }
            let value = scalars(e.value)
            guard e.key.count == 1, value.count == 1 else { return nil }
            singles[e.key[0]] = e.value
            preimages[value[0], default: []].append(e.key[0])
        }
        // A character in a run, when no second-stage phrase covers it: its first-stage output
        // (or itself), then the second stage's on its own.
        // (`first` is sorted: membership by binary search, no set of arrays.)
        let firstKeys = SortedKeys(entries: first)
        var others: [TableBuilder.FlatEntry] = []     // characters and run phrases, in no order
        for (scalar, value) in singles {
            let output = scalars(value)
            others.append(.init(key: [scalar], rank: rank(inRun: output[0]), value: secondStage.convert(output)))
        }
        for e in second where e.key.count == 1 && !firstKeys.contains(e.key) {
            others.append(.init(key: e.key, rank: rank(inRun: e.key[0]), value: secondStage.convert(e.key)))
        }
        guard others.allSatisfy({ $0.value.count <= DictionaryText.longestValue }) else { return nil }

        // Run phrases: every input that the first stage, one character at a time, turns into a
        // second-stage phrase (a scalar stands for itself when the first stage has no entry for
        // it). Where a first-stage phrase has the same key, it is a segment and wins.
        func inputs(_ scalar: UInt32) -> [UInt32] {
            (preimages[scalar] ?? []) + (firstKeys.contains([scalar]) ? [] : [scalar])
        }
        for e in second where e.key.count > 1 {
            // (OpenCC's own stages expand a phrase to at most 256 inputs; a user's could explode,
            // so the count is known before any input is made: such a plan converts stage by stage.)
            var count = 1
            for scalar in e.key where count > 0 {
                count *= inputs(scalar).count
                guard count <= FusedTable.maximumExpansion else { return nil }
            }
            var keys: [[UInt32]] = [[]]
            for scalar in e.key { keys = keys.flatMap { key in inputs(scalar).map { key + [$0] } } }
            for key in keys where !firstKeys.contains(key) {
                others.append(.init(key: key, rank: 1 + e.rank, value: e.value))
            }
        }
        // (Keys unique — each input is one first-stage output — so merging the sorted parts is
        // sorting them all.)
        return FusedTable(entries: TableBuilder.merge([entries, KeyOrder.sorted(others)]))
    }

    /// The scalars of UTF-8 that is valid (a dictionary's value).
    static func scalars(_ utf8: [UInt8]) -> [UInt32] {
        var out: [UInt32] = []
        scalars(utf8, into: &out)
        return out
    }

    /// The scalars of valid UTF-8, replacing the contents of `out`.
    static func scalars(_ utf8: [UInt8], into out: inout [UInt32]) {
        out.removeAll(keepingCapacity: true)
        var i = 0
        while i < utf8.count {
            let lead = UInt32(utf8[i])
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard i + length <= utf8.count else { break }
            var scalar = length == 1 ? lead : lead & (0x7F >> UInt32(length))
            for k in 1..<length { scalar = scalar << 6 | UInt32(utf8[i + k] & 0x3F) }
            out.append(scalar)
            i += length
        }
    }

    /// Membership in sorted, unique keys.
    struct SortedKeys {
        let entries: [TableBuilder.FlatEntry]

        func contains(_ key: [UInt32]) -> Bool {
            var low = 0, high = entries.count
            while low < high {
                let mid = (low + high) / 2
                let c = TableBuilder.compare(entries[mid].key, key)
                if c == 0 { return true }
                if c < 0 { low = mid + 1 } else { high = mid }
            }
            return false
        }
    }

    /// Greedy longest match with OpenCC's group rules over a stage's entries, for the values
    /// fusing converts at build time (one per first-stage phrase: tens of thousands at run time).
    /// A phrase is looked up by binary search among the keys that start with its first scalar
    /// (sorted, they lie together): no array is made or hashed per look-up.
    struct Reference {
        let entries: [TableBuilder.FlatEntry]
        /// One-scalar keys (their entry); for the longer ones, the range of the entries whose key
        /// starts with each scalar and the length of the longest such key.
        let singles: ScalarMap<Int32>
        let phraseStart: ScalarMap<Int32>
        let phraseEnd: ScalarMap<Int32>
        let longest: ScalarMap<Int32>

        init(_ entries: [TableBuilder.FlatEntry]) {
            let entries = KeyOrder.sorted(entries)
            var singles = ScalarMap<Int32>(absent: -1), longest = ScalarMap<Int32>(absent: 0)
            var phraseStart = ScalarMap<Int32>(absent: 0), phraseEnd = ScalarMap<Int32>(absent: 0)
            for (i, e) in entries.enumerated() {
                if e.key.count == 1 { singles[e.key[0]] = Int32(i); continue }
                if longest[e.key[0]] == 0 { phraseStart[e.key[0]] = Int32(i) }
                phraseEnd[e.key[0]] = Int32(i + 1)
                longest[e.key[0]] = max(longest[e.key[0]], Int32(e.key.count))
            }
            (self.entries, self.singles, self.longest) = (entries, singles, longest)
            (self.phraseStart, self.phraseEnd) = (phraseStart, phraseEnd)
        }

        func single(_ scalar: UInt32) -> TableBuilder.FlatEntry? {
            singles[scalar] < 0 ? nil : entries[Int(singles[scalar])]
        }

        /// The entry whose key is `s[from..<from + length]` (two scalars or more), if any.
        private func phrase(_ s: UnsafeBufferPointer<UInt32>, from: Int, length: Int) -> Int? {
            var low = Int(phraseStart[s[from]]), high = Int(phraseEnd[s[from]])
            while low < high {
                let mid = (low + high) / 2
                // The first scalars are equal: the rest of the key against the rest of the phrase.
                let c = entries[mid].key.withUnsafeBufferPointer { key in
                    TableBuilder.compare(UnsafeBufferPointer(rebasing: key[1...]),
                                         UnsafeBufferPointer(rebasing: s[(from + 1)..<(from + length)]))
                }
                if c == 0 { return mid }
                if c < 0 { low = mid + 1 } else { high = mid }
            }
            return nil
        }

        func convert(_ s: [UInt32]) -> [UInt8] {
            var out: [UInt8] = [], i = 0
            out.reserveCapacity(s.count * 3)
            s.withUnsafeBufferPointer { s in
                while i < s.count {
                    var best = singles[s[i]] < 0 ? nil : Int(singles[s[i]])
                    if case let longest = Int(longest[s[i]]), longest > 0, i + 1 < s.count {
                        for length in 2...min(longest, s.count - i) {
                            if let e = phrase(s, from: i, length: length), best == nil || entries[e].rank <= entries[best!].rank { best = e }
                        }
                    }
                    if let best {
                        out += entries[best].value
                        i += entries[best].key.count
                    } else {
                        UTF8.encode(Unicode.Scalar(s[i])!) { out.append($0) }
                        i += 1
                    }
                }
            }
            return out
        }
    }
}
