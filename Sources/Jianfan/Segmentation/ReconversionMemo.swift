
/// What ``Reconversion`` has learned, kept by the word segmenter for every span it segments:
/// the parallel and streaming paths hand it many pieces, and classifying each phrase again in
/// each piece (two conversions of it) took more time than the rest of the segmenter (s2t on
/// the real-text corpus: 1.31 s CPU against 0.48 s). Behind a pthread mutex, which
/// ThreadSanitizer understands; a span takes a copy at its start and hands back what it found.
///
/// ```swift
/// let memo = ReconversionMemo()
/// var kinds = memo.kinds(for: table)   // empty, or one byte per slot of the table
/// memo.merge([(slot, Reconversion.Kind.plain.rawValue)], into: table)
/// ```
final class ReconversionMemo: @unchecked Sendable {
    private let lock = ThreadLock()
    /// Kinds by slot, by table (the address of its slots).
    private var kindsByTable: [UnsafeRawPointer: [UInt8]] = [:]
    /// Phrase values by the first table of a plan's list.
    private var valuesByTables: [UnsafeRawPointer: PhraseValues] = [:]
    /// What a plan's stages make, by its first stage.
    private var joinsByStages: [UnsafeRawPointer: StageJoins] = [:]

    init() {}

    private func withLock<R>(_ body: () -> R) -> R {
        lock.withLock(body)
    }

    /// The kinds known for `table`'s slots (empty when none is).
    func kinds(for table: Table) -> [UInt8] {
        withLock { kindsByTable[UnsafeRawPointer(table.slots)] ?? [] }
    }

    /// Records kinds found for slots of `table`.
    func merge(_ found: [(Int, UInt8)], into table: Table) {
        guard !found.isEmpty else { return }
        withLock {
            let key = UnsafeRawPointer(table.slots)
            if kindsByTable[key] == nil { kindsByTable[key] = [UInt8](repeating: 0, count: table.slotMask + 1) }
            for (slot, kind) in found { kindsByTable[key]![slot] = kind }   // in place: no copy
        }
    }

    /// What `stages` make of their output (``StageJoins``), found once for every span.
    func joins(for stages: [Table]) -> StageJoins {
        cached(\.joinsByStages, for: stages) { StageJoins(stages: stages) }
    }

    /// The phrase values of `tables`, one set for every span.
    func values(for tables: [Table]) -> PhraseValues {
        cached(\.valuesByTables, for: tables) { PhraseValues(tables: tables) }
    }

    /// The entry of `cache` for `tables` (by the address of the first one's slots), made by
    /// `make` the first time it is asked for.
    private func cached<T>(_ cache: ReferenceWritableKeyPath<ReconversionMemo, [UnsafeRawPointer: T]>,
                           for tables: [Table], _ make: () -> T) -> T {
        withLock {
            let key = UnsafeRawPointer(tables[0].slots)
            if let known = self[keyPath: cache][key] { return known }
            let made = make()
            self[keyPath: cache][key] = made
            return made
        }
    }
}
