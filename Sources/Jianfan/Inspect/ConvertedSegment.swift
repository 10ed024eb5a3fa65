/// One segment of a conversion, as OpenCC's segmentation cuts the text: where it is in the input
/// and in the output, and what decided it. Segments are converted independently, so each maps
/// exactly from output back to input (what editors and redaction tools need).
///
/// ```swift
/// let segments = Converter(.s2twp).segments(of: "头发和U盘")
/// // [头发 → 頭髮, decided by STPhrases+STPhrases_GeneratedFromRegionalPhrases (a phrase),
/// //  和U盘 → 和隨身碟, text between phrases]
/// segments[1].input          // 6..<13 (UTF-8 bytes of the input)
/// segments[1].outputScalars  // 2..<6
/// ```
public struct ConvertedSegment: Sendable, Equatable, Codable {
    /// UTF-8 byte offsets in the input, `lowerBound` inclusive, `upperBound` exclusive.
    public let input: Range<Int>
    /// Unicode scalar offsets in the input.
    public let inputScalars: Range<Int>
    /// UTF-8 byte offsets in the output.
    public let output: Range<Int>
    /// Unicode scalar offsets in the output.
    public let outputScalars: Range<Int>
    /// The segmentation dictionary whose phrase this segment is (file names, `+` between the
    /// members of a union), `"user entry"` for a match of the user's entries, or nil for the
    /// text between two phrases (converted character by character and by the later stages'
    /// phrases).
    public let phrase: String?
    /// With a segmenter other than OpenCC's greedy matching, which one decided this segment:
    /// `"words"` inside a window where the likeliest reading was computed, `"greedy"` elsewhere
    /// (nil under greedy matching alone).
    public var segmenter: String? = nil
    /// Where `"words"` decided: the cost of the reading it chose for the window that holds this
    /// segment (−ln p summed over its words; lower is likelier).
    public var score: Double? = nil
    /// Where `"words"` decided: the readings of that window it rejected, with their costs (the
    /// reading greedy matching makes, when it differs).
    public var rejected: [ScoredReading]? = nil
}

/// A reading of a window of text (its pieces, in order) and its cost under the word segmenter's
/// model: −ln p summed over the pieces; lower is likelier.
///
/// ```swift
/// let segments = Converter(.s2t, segmenter: .words).segments(of: "被发明的")
/// let rejected = segments[0].rejected ?? []   // [被发|明 (greedy), with its cost]
/// print(rejected.map { "\($0.pieces.joined(separator: "|")) \($0.score)" })
/// ```
public struct ScoredReading: Sendable, Equatable, Codable {
    /// The pieces of the reading, in order.
    public let pieces: [String]
    /// Its cost: −ln p summed over the pieces.
    public let score: Double
}

extension Converter {
    /// The segments of `text` with their places in the input and the output. Their outputs
    /// joined are exactly ``convert(_:)``'s result. Without segmentation in the
    /// configuration (s2t, t2s, …) a line is one segment. Lines are segmented one by one, as
    /// `opencc --inspect` does; a line break is a segment of its own.
    ///
    /// - Complexity: O(n), a few times a conversion's cost (plain matching, no fast loop).
    public func segments(of text: String) -> [ConvertedSegment] {
        var result: [ConvertedSegment] = []
        var inputBytes = 0, inputScalars = 0, outputBytes = 0, outputScalars = 0
        let inspector = Inspector(plan: plan)
        let names = segmentationNames
        for (i, line) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if i > 0 {
                result.append(ConvertedSegment(input: inputBytes..<inputBytes + 1, inputScalars: inputScalars..<inputScalars + 1,
                                               output: outputBytes..<outputBytes + 1, outputScalars: outputScalars..<outputScalars + 1,
                                               phrase: nil))
                inputBytes += 1; inputScalars += 1; outputBytes += 1; outputScalars += 1
            }
            let original = Array(line)
            let main = inspector.inspect(original).main
            // The pre-step maps one scalar to one scalar: scalar offsets hold in the original.
            let originalScalarStarts = Converter.scalarStarts(original)
            for (k, segment) in main.segments.enumerated() where !segment.isEmpty {
                let scalarCount = Converter.scalarCount(segment)
                let startScalar = Converter.scalarCount(Array(main.input[..<main.segmentStarts[k]]))
                let inputStart = originalScalarStarts[startScalar], inputEnd = originalScalarStarts[startScalar + scalarCount]
                let converted = main.steps.last?[k] ?? segment
                let outputCount = Converter.scalarCount(converted)
                result.append(ConvertedSegment(
                    input: inputBytes + inputStart..<inputBytes + inputEnd,
                    inputScalars: inputScalars + startScalar..<inputScalars + startScalar + scalarCount,
                    output: outputBytes..<outputBytes + converted.count,
                    outputScalars: outputScalars..<outputScalars + outputCount,
                    phrase: main.phraseRanks[k].map { rank in
                        rank == Inspector.userEntry ? "user entry" : rank == Inspector.keptWord ? "kept word" : names?[safe: Int(rank)] ?? "rank \(rank)"
                    }))
                if plan.segmenter != nil { decision(of: main, at: main.segmentStarts[k], into: &result[result.count - 1]) }
                outputBytes += converted.count
                outputScalars += outputCount
            }
            inputBytes += original.count
            inputScalars += originalScalarStarts.count - 1
        }
        return result
    }

    /// Fills in which segmenter decided the segment that starts at `start` in `stage.input`,
    /// and the word segmenter's scores there.
    func decision(of stage: Inspector.Stage, at start: Int, into segment: inout ConvertedSegment) {
        guard let d = stage.decisions.first(where: { $0.window.contains(start) }) else {
            segment.segmenter = SegmenterChoice.greedy.rawValue
            return
        }
        segment.segmenter = SegmenterChoice.words.rawValue
        segment.score = Double(d.chosenCost)
        var pieces: [String] = [], from = d.window.lowerBound
        for end in d.greedy {
            pieces.append(String(decoding: stage.input[from..<end], as: UTF8.self))
            from = end
        }
        segment.rejected = d.greedy == d.chosen ? [] : [ScoredReading(pieces: pieces, score: Double(d.greedyCost))]
    }

    /// The segmentation dictionary's names by rank, from the configuration's definition.
    var segmentationNames: [String]? {
        guard let definition = plan.definition ?? config.flatMap({ EmbeddedData.config($0.rawValue) }),
              let spec = plan.segmentationIsFirstStage ? definition.chain.first : definition.segmentation else { return nil }
        func names(_ spec: DictionarySpec) -> String {
            spec.fileNames.map { $0.hasPrefix("file:") ? String($0.dropFirst(5)) : $0 }.joined(separator: "+")
        }
        if case .group(.shortCircuit, let children) = spec { return children.map(names) }
        return [names(spec)]
    }

    /// The byte offset where each scalar of `bytes` starts, and `bytes.count` last.
    static func scalarStarts(_ bytes: [UInt8]) -> [Int] {
        var starts: [Int] = []
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 { starts.append(i) }
        starts.append(bytes.count)
        return starts
    }

    static func scalarCount(_ bytes: [UInt8]) -> Int { bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
