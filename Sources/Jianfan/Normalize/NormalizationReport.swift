extension Normalizer {
    /// One edit a step made: the scalars at `range` of the step's input became `after`.
    ///
    /// ```swift
    /// let change = report.changes[0]
    /// print(change.range, change.before, "→", change.after)   // 2..<3 , → ，
    /// ```
    public struct Change: Sendable, Hashable, Codable {
        /// Unicode-scalar offsets into the text the step was given.
        public private(set) var range: Range<Int>
        /// The scalars at `range` before the step, as a string.
        ///
        /// ```swift
        /// change.before   // ","
        /// ```
        public private(set) var before: String
        /// What the step put in their place (empty for a removal).
        ///
        /// ```swift
        /// change.after    // "，"
        /// ```
        public private(set) var after: String
        /// The step made this change on a guess it could not confirm (for reading annotations: a
        /// valid pinyin syllable that is not ICU's default reading of the character).
        public let isUnverified: Bool
        /// The line of the change's start in the original text, from 1 (lines end at `\n`,
        /// `\r\n` or `\r`), once the normalizer has placed it; nil in a change made by hand.
        ///
        /// ```swift
        /// let change = Normalizer.standard().normalize("一\n二,三").reports[1].changes[0]
        /// change.line     // 2
        /// change.column   // 2
        /// ```
        public internal(set) var line: Int?
        /// The column of the change's start in the original text, from 1, in Unicode scalars.
        ///
        /// ```swift
        /// print("notice.txt:\(change.line!):\(change.column!)")   // notice.txt:2:2
        /// ```
        public internal(set) var column: Int?

        /// A change, as a step reports it (for steps of your own).
        ///
        /// ```swift
        /// let change = Normalizer.Change(range: 2..<3, before: ",", after: "，")
        /// ```
        public init(range: Range<Int>, before: String, after: String, isUnverified: Bool = false) {
            self.range = range
            self.before = before
            self.after = after
            self.isUnverified = isUnverified
        }

        /// Two changes are equal when they edit the same range the same way; ``line`` and
        /// ``column`` only locate it and take no part.
        ///
        /// ```swift
        /// Normalizer.Change(range: 3..<4, before: ",", after: "，") == change   // true
        /// ```
        public static func == (a: Change, b: Change) -> Bool {
            a.range == b.range && a.before == b.before && a.after == b.after && a.isUnverified == b.isUnverified
        }

        /// Hashes what `==` compares: the range, the texts and whether the change is unverified.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(range)
            hasher.combine(before)
            hasher.combine(after)
            hasher.combine(isUnverified)
        }

        /// The change moved by `offset` scalars.
        func shifted(by offset: Int) -> Change {
            var copy = self
            copy.range = (range.lowerBound + offset)..<(range.upperBound + offset)
            return copy
        }

        /// A run grows: the change now ends at `end`, with more text before and after.
        mutating func extend(to end: Int, before more: String, after added: String) {
            range = range.lowerBound..<end
            before += more
            after += added
        }

        // JSON spells the range as `start` and `end`, like the spans of an AlignmentReport.
        private enum CodingKeys: String, CodingKey { case start, end, before, after, unverified, line, column }

        /// Decodes the JSON form, `{"start":2,"end":3,"before":",","after":"，","unverified":false}`
        /// (`unverified` may be missing).
        ///
        /// ```swift
        /// let change = try JSONDecoder().decode(Normalizer.Change.self, from: json)
        /// ```
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let start = try container.decode(Int.self, forKey: .start)
            let end = try container.decode(Int.self, forKey: .end)
            guard start <= end else {
                throw DecodingError.dataCorruptedError(forKey: .end, in: container, debugDescription: "end before start")
            }
            range = start..<end
            before = try container.decode(String.self, forKey: .before)
            after = try container.decode(String.self, forKey: .after)
            isUnverified = try container.decodeIfPresent(Bool.self, forKey: .unverified) ?? false
            line = try container.decodeIfPresent(Int.self, forKey: .line)
            column = try container.decodeIfPresent(Int.self, forKey: .column)
        }

        /// Encodes the range as `start` and `end` (Unicode scalars, end exclusive), as the spans of an
        /// ``AlignmentReport`` are, and ``line`` and ``column`` when known.
        ///
        /// ```swift
        /// let json = try JSONEncoder().encode(change)
        /// ```
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(range.lowerBound, forKey: .start)
            try container.encode(range.upperBound, forKey: .end)
            try container.encode(before, forKey: .before)
            try container.encode(after, forKey: .after)
            try container.encode(isUnverified, forKey: .unverified)
            try container.encodeIfPresent(line, forKey: .line)
            try container.encodeIfPresent(column, forKey: .column)
        }
    }

    /// What one step changed, for a pipeline to log.
    ///
    /// ```swift
    /// let report = normalizer.normalize(text).reports[0]
    /// print("\(report.step): \(report.count) changes, \(report.unverified) unverified")
    /// ```
    public struct StepReport: Sendable, Hashable, Codable {
        /// The step's ``NormalizationStep/name``.
        public let step: String
        /// In text order; ranges do not overlap.
        public internal(set) var changes: [Change]

        /// A report, as a step makes it (for steps of your own).
        ///
        /// ```swift
        /// let report = Normalizer.StepReport(step: "mine", changes: [])
        /// ```
        public init(step: String, changes: [Change]) {
            self.step = step
            self.changes = changes
        }

        /// The number of changes.
        public var count: Int { changes.count }

        /// How many changes were made on a guess (``Change/isUnverified``).
        public var unverified: Int { changes.count { $0.isUnverified } }
    }

    /// The normalized text and one report per step, in the order the steps ran.
    ///
    /// Each report's ranges refer to the text its step was given: the original text for the
    /// first step, the previous step's output for the others; each change's ``Change/line`` and
    /// ``Change/column`` place it in the original text.
    public struct Result: Sendable, Hashable {
        /// The text after the last step.
        ///
        /// ```swift
        /// Normalizer.standard().normalize("你好,世界").text   // "你好，世界"
        /// ```
        public let text: String
        /// One per step, in the order the steps ran.
        ///
        /// ```swift
        /// for report in result.reports { print(report.step, report.count) }
        /// ```
        public let reports: [StepReport]

        /// The report of the step with this name, if it ran.
        public func report(for step: String) -> StepReport? {
            reports.first { $0.step == step }
        }

        /// Whether any step changed anything.
        public var changedAnything: Bool { reports.contains { !$0.changes.isEmpty } }
    }
}
